// Removes what deleted rows leave behind (PostgreSQL dead tuples, SQLite's write-ahead log) after a batch is sealed.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.ts';

/** The tables whose deleted rows would still tell arrival order: the pending ones. */
const pendingTables = ['pending_responses', 'pending_profile_counts', 'pending_answer_counts'];

/**
 * After a seal: on PostgreSQL, `VACUUM`s the pending tables so the deleted row versions (with
 * their `xmin`, `ctid` and contents) are gone, not merely invisible; on SQLite, whose
 * `secure_delete` already zeroed them in the database file, truncates the write-ahead log,
 * which still holds the pages as they were. Both are best effort: a transaction older than
 * the seal (a long report) keeps PostgreSQL from removing row versions it may still see, and
 * an open SQLite reader keeps the log from being truncated; the next seal retries. Run it
 * outside any transaction.
 *
 * @example
 * await eraseFreedSpace(db);
 */
export async function eraseFreedSpace<DB>(db: Kysely<DB>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`vacuum ${sql.join(pendingTables.map((t) => sql.table(t)))}`.execute(db);
  } else {
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  }
}
