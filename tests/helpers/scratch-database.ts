// A throw-away database for a server child process: an SQLite file in a temp folder, or a new PostgreSQL database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../server/config.ts';
import { createDatabase } from '../../server/storage/db/create-database.ts';
import { storedResponses } from './stored-responses.ts';

/** A database of its own for a server process (its `DATABASE_URL`), readable by the caller. */
export interface ScratchDatabase {
  /** What to put in the child's `DATABASE_URL`. */
  url: string;
  /** How the caller opens it to check what was stored. */
  config: DatabaseConfig;
  /** The `client_id` of every stored response. */
  storedClientIds(): Promise<string[]>;
  /** Stored responses not yet folded into the analysis counts. */
  pendingResponses(): Promise<number>;
  drop(): Promise<void>;
}

/**
 * For SQLite a file in a new temp folder; for PostgreSQL a new database on the server of
 * `adminUrl` (a database, not a schema: the child's `DATABASE_URL` cannot name a schema),
 * dropped by `drop()`.
 *
 * @example
 * const scratch = await scratchDatabase('postgres', process.env.TEST_DATABASE_URL);
 */
export async function scratchDatabase(
  dialect: 'sqlite' | 'postgres',
  adminUrl?: string,
): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'scratch-'));
    const path = join(dir, 'scratch.db');
    return withReads({ url: path, config: { dialect: 'sqlite', path } }, async () =>
      rmSync(dir, { recursive: true, force: true }),
    );
  }
  if (!adminUrl) throw new Error('A PostgreSQL scratch database needs an admin URL');
  const name = `scratch_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return withReads(
    { url: url.toString(), config: { dialect: 'postgres', url: url.toString() } },
    () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

function withReads(
  where: { url: string; config: DatabaseConfig },
  drop: () => Promise<void>,
): ScratchDatabase {
  const read = async <T>(query: (db: ReturnType<typeof createDatabase>) => Promise<T>) => {
    const db = createDatabase(where.config);
    try {
      return await query(db);
    } finally {
      await db.destroy();
    }
  };
  return {
    ...where,
    storedClientIds: () => read(async (db) => (await storedResponses(db)).map((r) => r.client_id)),
    pendingResponses: () =>
      read(async (db) => {
        // Literal, as in the partial index the materializer uses.
        const { rows } = await sql<{
          n: number | string;
        }>`select count(*) as n from responses where materialized = false`.execute(db);
        return Number(rows[0]!.n);
      }),
    drop,
  };
}
