// Gives each test suite its own migrated database on every dialect under test (SQLite always, PostgreSQL when configured).
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseConfig } from '../../server/config.ts';
import { createDatabase } from '../../server/storage/db/create-database.ts';
import type { DialectName } from '../../server/storage/db/dialect.ts';
import { migrateToLatest } from '../../server/storage/db/migrate.ts';
import type { Database } from '../../server/storage/db/schema.ts';

/** A migrated, isolated database and the way to throw it away. */
export interface TestDatabase {
  dialect: DialectName;
  db: Kysely<Database>;
  /** How to open another connection to the same database (a report worker does). */
  config: DatabaseConfig;
  destroy(): Promise<void>;
}

/** A dialect the suite runs on, and a factory for fresh databases of it. */
export interface TestDialect {
  dialect: DialectName;
  create(): Promise<TestDatabase>;
}

/** The value of `TEST_DATABASE_URL` that runs the database suites on SQLite only, on purpose. */
export const skipPostgres = 'skip';

let warned = false;

/**
 * The PostgreSQL server to test against: `TEST_DATABASE_URL`, or undefined when it is the
 * explicit opt-out `skip` (a banner says so once per test file). Unset is an error: a suite
 * that quietly ran on SQLite only would pass without testing PostgreSQL at all.
 *
 * @example
 * const url = testPostgresUrl(); // 'postgres://postgres@127.0.0.1:5432/test'
 */
export function testPostgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (url === skipPostgres) {
    if (!warned) {
      warned = true;
      console.warn(
        '\n' +
          '*****************************************************************\n' +
          '*  TEST_DATABASE_URL=skip: database suites run on SQLite ONLY.  *\n' +
          '*  PostgreSQL is NOT tested in this run.                        *\n' +
          '*****************************************************************\n',
      );
    }
    return undefined;
  }
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set. The database suites run on SQLite and PostgreSQL: set ' +
        'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (each suite makes its own ' +
        'schema there), or TEST_DATABASE_URL=skip to run them on SQLite only, on purpose.',
    );
  }
  return url;
}

/**
 * The dialects to test: SQLite always, PostgreSQL unless `TEST_DATABASE_URL=skip` (see
 * `testPostgresUrl`). Each `create()` gives a new SQLite file in a temp folder, or a new
 * PostgreSQL schema dropped by `destroy()`, so suites running at the same time never see
 * each other's rows.
 *
 * @example
 * describe.each(testDialects())('agencies on $dialect', (dialect) => { … });
 */
export function testDialects(): TestDialect[] {
  const dialects: TestDialect[] = [{ dialect: 'sqlite', create: createSqlite }];
  const url = testPostgresUrl();
  if (url) dialects.push({ dialect: 'postgres', create: () => createPostgres(url) });
  return dialects;
}

/**
 * Registers hooks that create a database before the suite's tests and destroy it after.
 *
 * @example
 * const t = useTestDatabase(dialect);
 * it('…', async () => { await t.db.selectFrom('agencies').execute(); });
 */
export function useTestDatabase(dialect: TestDialect): {
  readonly db: Kysely<Database>;
  readonly config: DatabaseConfig;
} {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await dialect.create();
  });
  afterAll(async () => {
    await current?.destroy();
  });
  return {
    get db() {
      if (!current) throw new Error('The test database exists only inside tests and hooks');
      return current.db;
    },
    get config() {
      if (!current) throw new Error('The test database exists only inside tests and hooks');
      return current.config;
    },
  };
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'netralitas-test-'));
  const config: DatabaseConfig = { dialect: 'sqlite', path: join(dir, 'test.db') };
  const db = createDatabase(config);
  await migrateToLatest(db);
  return {
    dialect: 'sqlite',
    db,
    config,
    async destroy() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(url: string): Promise<TestDatabase> {
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  const config: DatabaseConfig = { dialect: 'postgres', url, schema };
  const db = createDatabase(config);
  try {
    await migrateAmidOtherSuites(db);
  } catch (error) {
    await db.destroy();
    await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
    throw error;
  }
  return {
    dialect: 'postgres',
    db,
    config,
    async destroy() {
      await db.destroy();
      await adminQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/**
 * `migrateToLatest`, tried again when it failed only because another suite dropped its schema
 * meanwhile: Kysely's migrator looks for its table by introspecting every schema of the
 * database (`pg_get_serial_sequence` on each table), and a table vanishing under it fails the
 * query with 42P01 or 3F000 naming the other suite's schema (seen once in CI, 30 Nov).
 */
async function migrateAmidOtherSuites(db: Kysely<Database>, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db);
      return;
    } catch (error) {
      const cause = error instanceof Error ? error.cause : undefined;
      const code = cause instanceof Error && 'code' in cause ? cause.code : undefined;
      if (attempt >= attempts || (code !== '42P01' && code !== '3F000')) throw error;
    }
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
