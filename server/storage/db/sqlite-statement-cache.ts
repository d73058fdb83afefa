// Reuses prepared SQLite statements: Kysely prepares every query afresh, which costs more than running it.
import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Wraps a better-sqlite3 database so `prepare` returns a cached statement for SQL it has seen
 * (least recently used beyond `capacity`). Safe because Kysely runs one query at a time on its
 * single SQLite connection; a submission's few queries then skip SQLite's parser and planner.
 *
 * @example
 * new SqliteDialect({ database: withStatementCache(new Database('data/netralitas.db')) });
 */
export function withStatementCache(database: BetterSqlite, capacity = 256): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) {
        // Re-inserting moves the entry to the end: Map order is the recency order.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
