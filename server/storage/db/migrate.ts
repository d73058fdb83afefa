// Brings a database's schema up to the latest migration, failing loudly if any step fails.
import { Migrator, sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

/**
 * Runs every pending migration from the static list, in one go.
 *
 * @example
 * await migrateToLatest(db);
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    // Kysely looks for its bookkeeping tables in every schema unless told which one; another
    // schema's tables (a second app, a parallel test suite) would then be mistaken for ours.
    migrationTableSchema: await currentSchema(db),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed} failed: ${reason}`, { cause: error });
  }
}

/** The schema new tables go to on PostgreSQL (the first of the search path); none on SQLite. */
async function currentSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (dialectOf(db) !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
