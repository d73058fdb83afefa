// Writes a validated response (and spends its invitation token), sharing commits between concurrent submissions on SQLite.
import type { Kysely } from 'kysely';
import { dialectOf } from '../../storage/db/dialect.ts';
import { createGroupCommit } from '../../storage/db/group-commit.ts';
import type { Database } from '../../storage/db/schema.ts';
import { AppError } from '../../errors.ts';
import { spendInvitationToken } from '../../storage/repositories/invitation-tokens.ts';
import { insertPendingResponse } from '../../storage/repositories/pending-responses.ts';
import type { NewResponse } from '../../storage/repositories/responses.ts';

/**
 * Stores a response (as pending, until its batch is sealed) unless its client id is stored
 * already, pending or sealed, and spends `token` with it when
 * given; true when this call stored it. Resolves after the commit; throws `TOKEN_USED`
 * (nothing written) when another submission spent the token first.
 */
export type StoreResponse = (response: NewResponse, token: string | undefined) => Promise<boolean>;

/**
 * The response writer for `db`. On SQLite, submissions that arrive together share one
 * transaction (group commit): its one connection would otherwise commit them one at a time,
 * and the commit costs more than the insert. PostgreSQL commits concurrently over its pool
 * and groups its own WAL flushes, so there each submission keeps its own statement or
 * transaction.
 *
 * @example
 * const store = responseStore(db);
 * const stored = await store(response, submission.token);
 */
export function responseStore(db: Kysely<Database>): StoreResponse {
  if (dialectOf(db) === 'sqlite') {
    const group = createGroupCommit(db);
    return (response, token) => group.run((trx) => writeResponse(trx, response, token));
  }
  return (response, token) =>
    token === undefined
      ? insertPendingResponse(db, response)
      : db.transaction().execute((trx) => writeResponse(trx, response, token));
}

/** The writes of one submission; call it in a transaction so a used token undoes the insert. */
async function writeResponse(
  trx: Kysely<Database>,
  response: NewResponse,
  token: string | undefined,
): Promise<boolean> {
  // Pending until its batch is sealed: the seal breaks the tie between this transaction's
  // token update and the response row (seal-batch.ts).
  const inserted = await insertPendingResponse(trx, response);
  // The token is spent in its own table; the response row never points back to it.
  if (inserted && token !== undefined && !(await spendInvitationToken(trx, token))) {
    throw new AppError('TOKEN_USED', 'This invitation has already been used.');
  }
  return inserted;
}
