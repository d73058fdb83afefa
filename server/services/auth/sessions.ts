// Sign-in sessions: a random id in the cookie, its hash in the database, a fixed lifetime.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import {
  deleteExpiredSessions,
  deleteSessionByHash,
  findSessionByHash,
  insertSession,
} from '../../storage/repositories/sessions.ts';
import type { KeyPrincipal } from './principal.ts';
import { hashSecret, newSecret, secretMatches } from './secrets.ts';

/** 256 random bits. */
const sessionBytes = 32;

/** Longest string accepted as a session id (generated ids have 43 characters). */
const maximumSessionIdLength = 128;

/**
 * Opens a session for a signed-in key and returns its id in clear text (for the cookie only).
 * Expired sessions are cleared out on the way.
 *
 * @example
 * const { sessionId, expiresAt } = await createSession(db, principal.keyId, { now, ttlMs: 12 * 3600_000 });
 */
export async function createSession(
  db: Kysely<Database>,
  keyId: number,
  { now, ttlMs }: { now: Date; ttlMs: number },
): Promise<{ sessionId: string; expiresAt: Date }> {
  await deleteExpiredSessions(db, now.toISOString());
  const sessionId = newSecret(sessionBytes);
  const expiresAt = new Date(now.getTime() + ttlMs);
  await insertSession(db, {
    idHash: hashSecret(sessionId),
    keyId,
    expiresAt: expiresAt.toISOString(),
  });
  return { sessionId, expiresAt };
}

/**
 * The principal of a live session, or undefined when the session is unknown, expired (then
 * deleted) or its key was revoked.
 *
 * @example
 * const principal = await findSession(db, cookieValue, new Date());
 */
export async function findSession(
  db: Kysely<Database>,
  sessionId: string,
  now: Date,
): Promise<KeyPrincipal | undefined> {
  if (sessionId.length === 0 || sessionId.length > maximumSessionIdLength) return undefined;
  const session = await findSessionByHash(db, hashSecret(sessionId));
  if (!session || !secretMatches(sessionId, session.idHash)) return undefined;
  if (session.expiresAt <= now.toISOString()) {
    await deleteSessionByHash(db, session.idHash);
    return undefined;
  }
  if (session.key.revoked) return undefined;
  const { id: keyId, role, agencyCode } = session.key;
  return { keyId, role, agencyCode };
}

/**
 * Ends a session (signing out); an unknown id is a no-op.
 *
 * @example
 * await deleteSession(db, cookieValue);
 */
export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSessionByHash(db, hashSecret(sessionId));
}
