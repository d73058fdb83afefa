// Opens the database the configuration names: SQLite (better-sqlite3, WAL) or PostgreSQL (pg pool).
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '../../config.ts';
import type { Database } from './schema.ts';
import { SqliteBooleanPlugin } from './sqlite-boolean-plugin.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';

/** How long a writer waits for another process's lock before failing (ms). */
const busyTimeoutMs = 5000;

/**
 * Page cache per SQLite connection, KiB: SQLite's own default (2 MB). better-sqlite3 builds
 * SQLite with 16 MB, which a million-row export filled, adding 16 MB to the server's resident
 * memory (and as much again in the report worker's connection). The operating system caches
 * the file anyway; the working set of a submission is a few B-tree pages.
 */
const pageCacheKib = 2000;

/**
 * Creates a Kysely instance for `config`; the caller owns it and calls `destroy()`.
 *
 * SQLite runs in WAL mode (readers never block writers) with `synchronous = FULL` by default:
 * every commit is fsynced before it is acknowledged, so an acknowledged submission survives a
 * power loss or an OS crash, not only a crash of the process (`NORMAL` would leave the commits
 * since the last checkpoint in the page cache). Group commit spreads one fsync over every
 * submission of a group (see group-commit.ts). `secure_delete` overwrites deleted rows with
 * zeros, so the pending rows a sealed batch removes leave no trace in the file.
 *
 * PostgreSQL gets a pool of `poolSize` connections (default 10), each with
 * `statement_timeout` set (default 30 s; a cancelled statement is error 57014). The `pg`
 * driver is loaded on the first query, so a server on SQLite never loads it (15 MB of
 * resident memory when imported alone; less beside the modules the server shares with it).
 *
 * @example
 * const db = createDatabase({ dialect: 'sqlite', path: 'data/netralitas.db' });
 */
export function createDatabase(config: DatabaseConfig): Kysely<Database> {
  if (config.dialect === 'sqlite') {
    if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new SqliteDatabase(config.path, { timeout: busyTimeoutMs });
    if (config.path !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${config.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    sqlite.pragma(`cache_size = -${pageCacheKib}`);
    return new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new SqliteBooleanPlugin()],
    });
  }
  if (config.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(config.schema)) {
    throw new Error(`Invalid PostgreSQL schema name: ${config.schema}`);
  }
  const pool = async () => {
    const { default: pg } = await import('pg');
    return new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      statement_timeout: config.statementTimeoutMs ?? 30_000,
      ...(config.schema === undefined ? {} : { options: `-c search_path=${config.schema}` }),
    });
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
