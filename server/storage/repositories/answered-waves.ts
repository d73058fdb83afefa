// Which waves have responses: the most recent one, for dashboards that default to the latest study with data.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { toCount } from '../db/values.ts';

/**
 * The study and wave of the most recently opened wave that has at least one stored response
 * (among `studyIds` when given), or undefined.
 *
 * @example
 * const latest = await latestAnsweredWave(db); // { studyId: 'netralitas-asn-2021', waveId: 1 }
 */
export async function latestAnsweredWave(
  db: Kysely<Database>,
  studyIds?: readonly string[],
): Promise<{ studyId: string; waveId: number } | undefined> {
  if (studyIds !== undefined && studyIds.length === 0) return undefined;
  let query = db
    .selectFrom('waves')
    .select(['waves.study_id', 'waves.id'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('responses')
          .select('responses.id')
          .whereRef('responses.wave_id', '=', 'waves.id'),
      ),
    );
  if (studyIds !== undefined) query = query.where('waves.study_id', 'in', studyIds);
  const row = await query
    .orderBy('waves.opens_on', 'desc')
    .orderBy('waves.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { studyId: row.study_id, waveId: row.id };
}

/**
 * Stored responses of a wave: responses are only ever added, so the number tells whether
 * anything computed from the wave is still current.
 *
 * @example
 * const version = await countWaveResponses(db, wave.id);
 */
export async function countWaveResponses(db: Kysely<Database>, waveId: number): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('wave_id', '=', waveId)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}
