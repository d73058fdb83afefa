// Queries on sign-in sessions: kept in the database so they survive restarts and hold across server processes.
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.ts';
import { toBoolean } from '../db/values.ts';

/** A stored session joined to the key that opened it. */
export interface StoredSession {
  idHash: string;
  /** ISO 8601 UTC instant. */
  expiresAt: string;
  key: { id: number; role: Role; agencyCode: string | null; revoked: boolean };
}

/**
 * Stores a session by the hash of its id.
 *
 * @example
 * await insertSession(db, { idHash, keyId: 3, expiresAt: '2026-11-30T05:00:00.000Z' });
 */
export async function insertSession(
  db: Kysely<Database>,
  session: { idHash: string; keyId: number; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id_hash: session.idHash, key_id: session.keyId, expires_at: session.expiresAt })
    .execute();
}

/**
 * The session with this id hash and its key, or undefined.
 *
 * @example
 * const session = await findSessionByHash(db, hashToken(cookieValue));
 */
export async function findSessionByHash(
  db: Kysely<Database>,
  idHash: string,
): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('access_keys', 'access_keys.id', 'sessions.key_id')
    .select([
      'sessions.id_hash',
      'sessions.expires_at',
      'access_keys.id as key_id',
      'access_keys.role',
      'access_keys.agency_code',
      'access_keys.revoked',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  return (
    row && {
      idHash: row.id_hash,
      expiresAt: row.expires_at,
      key: {
        id: row.key_id,
        role: row.role,
        agencyCode: row.agency_code,
        revoked: toBoolean(row.revoked),
      },
    }
  );
}

/**
 * Deletes one session (signing out).
 *
 * @example
 * await deleteSessionByHash(db, hashToken(cookieValue));
 */
export async function deleteSessionByHash(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/**
 * Deletes every session a key opened (when it is revoked).
 *
 * @example
 * await deleteSessionsOfKey(db, 3);
 */
export async function deleteSessionsOfKey(db: Kysely<Database>, keyId: number): Promise<void> {
  await db.deleteFrom('sessions').where('key_id', '=', keyId).execute();
}

/**
 * Deletes sessions that expired before `now` (ISO instant), so the table stays small.
 *
 * @example
 * await deleteExpiredSessions(db, new Date().toISOString());
 */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
