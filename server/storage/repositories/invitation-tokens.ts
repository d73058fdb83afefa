// Queries on invitation tokens: issue them for an agency, look one up, spend it once.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import type { Database } from '../db/schema.ts';
import { toBoolean } from '../db/values.ts';

/** 144 random bits, 24 URL-safe characters. */
const tokenBytes = 18;

/** Rows per multi-row insert: 4 parameters each, well under both dialects' limits. */
const chunkSize = 1000;

/** What a presented token grants: a submission for an agency, if not used yet. */
export interface InvitationToken {
  agencyCode: string;
  used: boolean;
}

/**
 * The stored form of a token; only this hash is kept, the token itself is shown once.
 *
 * @example
 * hashToken('q3Xk…') // '9f86d0…' (64 hex digits)
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Issues `count` new tokens for an agency in a study and returns them in clear text: the
 * only time they exist outside the invitations themselves.
 *
 * @example
 * const tokens = await issueInvitationTokens(db, { studyId: 'netralitas-asn-token',
 *   agencyCode: 'kab-sleman', count: 5 });
 */
export async function issueInvitationTokens(
  db: Kysely<Database>,
  { studyId, agencyCode, count }: { studyId: string; agencyCode: string; count: number },
): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`Invalid token count: ${count}`);
  const tokens = Array.from({ length: count }, () => randomBytes(tokenBytes).toString('base64url'));
  const rows = tokens.map((token) => ({
    token_hash: hashToken(token),
    study_id: studyId,
    agency_code: agencyCode,
    used: false,
  }));
  for (const chunk of chunks(rows, chunkSize)) {
    await db.insertInto('invitation_tokens').values(chunk).execute();
  }
  return tokens;
}

/**
 * A token of the study, or undefined if it was never issued for that study.
 *
 * @example
 * const found = await findInvitationToken(db, 'netralitas-asn-token', token);
 */
export async function findInvitationToken(
  db: Kysely<Database>,
  studyId: string,
  token: string,
): Promise<InvitationToken | undefined> {
  const row = await db
    .selectFrom('invitation_tokens')
    .select(['agency_code', 'used'])
    .where('token_hash', '=', hashToken(token))
    .where('study_id', '=', studyId)
    .executeTakeFirst();
  return row && { agencyCode: row.agency_code, used: toBoolean(row.used) };
}

/**
 * Marks a token used if it was not; false when it already was (another submission won).
 * Call it in the transaction that stores the response.
 *
 * @example
 * if (!(await spendInvitationToken(trx, token))) throw new AppError('TOKEN_USED', …);
 */
export async function spendInvitationToken(db: Kysely<Database>, token: string): Promise<boolean> {
  const result = await db
    .updateTable('invitation_tokens')
    .set({ used: true })
    .where('token_hash', '=', hashToken(token))
    .where('used', '=', false)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
