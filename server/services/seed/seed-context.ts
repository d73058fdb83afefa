// Seeds the demo's recorded violations: the published rows with their sources, and labelled illustrative counts elsewhere.
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { listAgencies } from '../../storage/repositories/agencies.ts';
import {
  importRecordedViolations,
  recordedViolationColumns,
} from '../context/import-recorded-violations.ts';
import { seededRandom } from './seeded-random.ts';
import { seedFiles } from './seed-files.ts';

/** Agencies that get illustrative counts, so the dashboard's context column is not empty. */
const illustrativeShare = 0.15;

/**
 * Imports the published cases (Sumatera Selatan 2020, Kota Balikpapan 2020 and 2024, with
 * their sources) and, for about 15% of the other frame agencies, made-up 2020 counts stored
 * flagged illustrative, all through the admin import path. Needs the frame loaded first.
 *
 * @returns how many rows were stored.
 * @example
 * await seedRecordedViolations(trx);
 */
export async function seedRecordedViolations(db: Kysely<Database>): Promise<number> {
  const published = await importRecordedViolations(
    db,
    await readFile(seedFiles.publishedViolations, 'utf8'),
    { illustrative: false },
  );
  const random = seededRandom('demo-recorded-violations');
  const lines = (await listAgencies(db))
    .filter((a) => a.code !== 'kota-balikpapan' && random() < illustrativeShare)
    .map((a) => {
      const recorded = Math.floor(random() * random() * 40);
      const recommended = Math.floor(recorded * (0.4 + 0.5 * random()));
      const followedUp = Math.floor(recommended * (0.3 + 0.6 * random()));
      return [
        a.type,
        a.name,
        a.province,
        2020,
        '2021-03-01',
        'Illustrative demo figures (not real)',
      ]
        .concat([recorded, recommended, followedUp, 'illustrative'])
        .map((cell) => `"${String(cell).replaceAll('"', '""')}"`)
        .join(',');
    });
  const illustrative = await importRecordedViolations(
    db,
    [recordedViolationColumns.join(','), ...lines].join('\n'),
    { illustrative: true },
  );
  return published + illustrative;
}
