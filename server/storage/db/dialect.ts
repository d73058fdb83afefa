// Tells which SQL dialect a Kysely instance (or transaction) talks to, for the few dialect-specific clauses.
import { PostgresAdapter, type Kysely } from 'kysely';

/** The two supported databases. */
export type DialectName = 'sqlite' | 'postgres';

/**
 * The dialect behind `db`, read from its adapter so no flag has to be passed around.
 *
 * @example
 * if (dialectOf(db) === 'postgres') query = query.forUpdate().skipLocked();
 */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
