// Tests the SQLite connection settings: WAL, FULL sync by default, secure delete, foreign keys, busy timeout, page cache; and booleans on both dialects.
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../../server/storage/db/create-database.ts';
import { databaseErrorKind } from '../../../../server/storage/db/database-errors.ts';
import { toBoolean } from '../../../../server/storage/db/values.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

describe('createDatabase for SQLite', () => {
  it('opens a file in WAL mode with FULL sync (durable on power loss), secure delete, foreign keys on and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'create-db-'));
    // A folder that does not exist yet, like data/ on a fresh clone.
    const db = createDatabase({ dialect: 'sqlite', path: join(dir, 'nested', 'x.db') });
    try {
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('secure_delete')).toBe(1);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      // SQLite's own 2 MB page cache, not better-sqlite3's 16 MB (which an export filled).
      expect(await pragma('cache_size')).toBe(-2000);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs with NORMAL sync when configured so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'create-db-'));
    const db = createDatabase({
      dialect: 'sqlite',
      path: join(dir, 'x.db'),
      synchronous: 'normal',
    });
    try {
      const { rows } = await sql.raw('pragma synchronous').execute(db);
      expect(Object.values(rows[0] as object)[0]).toBe(1); // NORMAL
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(testDialects().filter((d) => d.dialect === 'postgres'))(
  'createDatabase for PostgreSQL',
  () => {
    const url = process.env.TEST_DATABASE_URL!;

    it('sets the pool size and cancels statements that run past the statement timeout', async () => {
      const db = createDatabase({ dialect: 'postgres', url, poolSize: 2, statementTimeoutMs: 100 });
      try {
        const { rows } = await sql<{
          statement_timeout: string;
        }>`show statement_timeout`.execute(db);
        expect(rows[0]?.statement_timeout).toBe('100ms');
        const error = await sql`select pg_sleep(2)`.execute(db).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(databaseErrorKind(error)).toBe('busy');
        // Three concurrent sessions on a pool of two: at most two backends at once.
        const pids = await Promise.all(
          [1, 2, 3].map(() =>
            db.transaction().execute(async (trx) => {
              const r = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
              await sql`select pg_sleep(0.05)`.execute(trx);
              return r.rows[0]!.pid;
            }),
          ),
        );
        expect(new Set(pids).size).toBeLessThanOrEqual(2);
      } finally {
        await db.destroy();
      }
    });
  },
);

describe.each(testDialects())('booleans on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);

  it('binds booleans in inserts and filters, and reads them back through toBoolean', async () => {
    await t.db
      .insertInto('agencies')
      .values([
        {
          code: 'kab-a',
          name: 'A',
          type: 'kabupaten',
          province: 'P',
          island_region: 'R',
          headcount: 10,
          headcount_illustrative: true,
        },
        {
          code: 'kab-b',
          name: 'B',
          type: 'kabupaten',
          province: 'P',
          island_region: 'R',
          headcount: 10,
          headcount_illustrative: false,
        },
      ])
      .execute();
    const rows = await t.db
      .selectFrom('agencies')
      .select(['code', 'headcount_illustrative'])
      .where('headcount_illustrative', 'in', [true])
      .execute();
    expect(rows.map((r) => [r.code, toBoolean(r.headcount_illustrative)])).toEqual([
      ['kab-a', true],
    ]);
  });

  it('refuses a row that breaks a foreign key, as a missing reference', async () => {
    const error: unknown = await t.db
      .insertInto('invitation_tokens')
      .values({ token_hash: 'h', study_id: 'no-study', agency_code: 'no-agency', used: false })
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect(databaseErrorKind(error)).toBe('missing-reference');
  });
});
