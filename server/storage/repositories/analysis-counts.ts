// Adds counts to the analysis projection: respondents per (wave, agency, profile) and choices per option.
import type { Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import { compareText } from '../db/compare-text.ts';
import type { Database } from '../db/schema.ts';

export interface ProfileCountIncrement {
  waveId: number;
  agencyCode: string;
  profileId: number;
  respondents: number;
}

export interface AnswerCountIncrement {
  waveId: number;
  agencyCode: string;
  profileId: number;
  variable: string;
  option: string;
  count: number;
}

const chunkSize = 500;

/**
 * Adds respondents to (wave, agency, profile) cells, creating cells as needed.
 *
 * @example
 * await addProfileCounts(trx, [{ waveId: 1, agencyCode: 'kab-sleman', profileId: 3, respondents: 2 }]);
 */
export async function addProfileCounts(
  db: Kysely<Database>,
  increments: readonly ProfileCountIncrement[],
): Promise<void> {
  // Primary-key order, so concurrent PostgreSQL upserts lock rows in the same order (no deadlock).
  const sorted = [...increments].sort(
    (a, b) =>
      a.waveId - b.waveId || compareText(a.agencyCode, b.agencyCode) || a.profileId - b.profileId,
  );
  for (const chunk of chunks(sorted, chunkSize)) {
    await db
      .insertInto('profile_counts')
      .values(
        chunk.map((c) => ({
          wave_id: c.waveId,
          agency_code: c.agencyCode,
          profile_id: c.profileId,
          respondents: c.respondents,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['wave_id', 'agency_code', 'profile_id']).doUpdateSet((eb) => ({
          respondents: eb('profile_counts.respondents', '+', eb.ref('excluded.respondents')),
        })),
      )
      .execute();
  }
}

/**
 * Adds choices to (wave, agency, profile, variable, option) cells, creating cells as needed.
 *
 * @example
 * await addAnswerCounts(trx, [{ waveId: 1, agencyCode: 'kab-sleman', profileId: 3,
 *   variable: 'B1', option: 'ya', count: 2 }]);
 */
export async function addAnswerCounts(
  db: Kysely<Database>,
  increments: readonly AnswerCountIncrement[],
): Promise<void> {
  const sorted = [...increments].sort(
    (a, b) =>
      a.waveId - b.waveId ||
      compareText(a.agencyCode, b.agencyCode) ||
      a.profileId - b.profileId ||
      compareText(a.variable, b.variable) ||
      compareText(a.option, b.option),
  );
  for (const chunk of chunks(sorted, chunkSize)) {
    await db
      .insertInto('answer_counts')
      .values(
        chunk.map((c) => ({
          wave_id: c.waveId,
          agency_code: c.agencyCode,
          profile_id: c.profileId,
          variable: c.variable,
          option: c.option,
          count: c.count,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['wave_id', 'agency_code', 'profile_id', 'variable', 'option'])
          .doUpdateSet((eb) => ({
            count: eb('answer_counts.count', '+', eb.ref('excluded.count')),
          })),
      )
      .execute();
  }
}
