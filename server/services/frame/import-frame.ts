// Loads a validated agency frame into the database in one transaction: all agencies or none.
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { Database } from '../../storage/db/schema.ts';
import { upsertAgencies } from '../../storage/repositories/agencies.ts';
import { parseFrameCsv, type FrameAgency } from './parse-frame.ts';

export interface ImportFrameOptions {
  /** The headcounts are generated stand-ins (the demo frame), to be labelled as such. */
  headcountIllustrative: boolean;
}

/**
 * Inserts the frame's agencies and updates those already stored (by code), in one
 * transaction (the caller's, if `db` is one). Agencies missing from the new frame are kept: responses may reference them.
 *
 * @example
 * await importFrame(db, parseFrameCsv(text), { headcountIllustrative: false });
 */
export async function importFrame(
  db: Kysely<Database>,
  agencies: readonly FrameAgency[],
  { headcountIllustrative }: ImportFrameOptions,
): Promise<number> {
  const rows = agencies.map((a) => ({ ...a, headcountIllustrative }));
  await inTransaction(db, (trx) => upsertAgencies(trx, rows));
  return rows.length;
}

/**
 * Reads, validates and imports a frame file; a malformed file throws before anything is
 * written.
 *
 * @example
 * await importFrameFile(db, 'server/services/seed/frame-pilkada-2020.csv', { headcountIllustrative: true });
 */
export async function importFrameFile(
  db: Kysely<Database>,
  path: string,
  options: ImportFrameOptions,
): Promise<number> {
  return importFrame(db, parseFrameCsv(await readFile(path, 'utf8')), options);
}
