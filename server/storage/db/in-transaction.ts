// Runs work atomically whether or not the caller already holds a transaction (Kysely transactions don't nest).
import type { Kysely, Transaction } from 'kysely';

/**
 * Runs `work` in a new transaction, or in the caller's if `db` already is one, so a function
 * can be atomic on its own and still be part of a larger unit (the demo seed, for one).
 *
 * @example
 * await inTransaction(db, (trx) => upsertAgencies(trx, agencies));
 */
export function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.isTransaction
    ? work(db)
    : db.transaction().execute((trx: Transaction<DB>) => work(trx));
}
