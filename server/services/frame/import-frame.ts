// Loads a validated agency frame into the database in one transaction, replacing the old one: all agencies or none.
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { Database } from '../../storage/db/schema.ts';
import {
  removeAgenciesOutside,
  upsertAgencies,
  type FrameRemoval,
} from '../../storage/repositories/agencies.ts';
import { parseFrameCsv, type FrameAgency } from './parse-frame.ts';

export interface ImportFrameOptions {
  /** The headcounts are generated stand-ins (the demo frame), to be labelled as such. */
  headcountIllustrative: boolean;
}

/** What loading a frame did: agencies loaded, and those it left out removed or kept. */
export interface FrameImport extends FrameRemoval {
  imported: number;
}

/**
 * Replaces the frame, in one transaction (the caller's, if `db` is one): inserts the frame's
 * agencies, updates those already stored (by code), and removes stored agencies the new frame
 * leaves out, except those a response, token, key or link names (kept, and listed).
 *
 * @example
 * const { imported, removed, kept } = await importFrame(db, parseFrameCsv(text), { headcountIllustrative: false });
 */
export async function importFrame(
  db: Kysely<Database>,
  agencies: readonly FrameAgency[],
  { headcountIllustrative }: ImportFrameOptions,
): Promise<FrameImport> {
  const rows = agencies.map((a) => ({ ...a, headcountIllustrative }));
  return inTransaction(db, async (trx) => {
    await upsertAgencies(trx, rows);
    const removal = await removeAgenciesOutside(trx, new Set(rows.map((a) => a.code)));
    return { imported: rows.length, ...removal };
  });
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
): Promise<FrameImport> {
  return importFrame(db, parseFrameCsv(await readFile(path, 'utf8')), options);
}
