// Which waves have responses: the most recent released one (closed, answered), for dashboards that show only released results.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { toCount } from '../db/values.ts';

/**
 * The study and wave of the most recently opened **released** wave: closed, with at least one
 * response, sealed or pending, as `waveHasResponses` (among `studyIds` when given), or
 * undefined. An open wave is never released:
 * its results change with each submission, so two looks at them would tell one respondent's
 * answers apart (temporal differencing).
 *
 * @example
 * const latest = await latestReleasedWave(db); // { studyId: 'netralitas-asn-2021', waveId: 1 }
 */
export async function latestReleasedWave(
  db: Kysely<Database>,
  studyIds?: readonly string[],
): Promise<{ studyId: string; waveId: number } | undefined> {
  if (studyIds !== undefined && studyIds.length === 0) return undefined;
  let query = db
    .selectFrom('waves')
    .select(['waves.study_id', 'waves.id'])
    .where('waves.status', '=', 'closed')
    .where(answered);
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

/**
 * Whether a wave has any response, sealed or still pending: a wave that has been answered and
 * closed is released and may not open again.
 *
 * @example
 * if (await waveHasResponses(db, wave.id)) throw new AppError('WAVE_RELEASED', '…');
 */
export async function waveHasResponses(db: Kysely<Database>, waveId: number): Promise<boolean> {
  const row = await db
    .selectFrom('waves')
    .select('waves.id')
    .where('waves.id', '=', waveId)
    .where(answered)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The ids of every released wave (closed, with any response, sealed or pending), in one query.
 *
 * @example
 * const released = await releasedWaveIds(db); // Set { 1, 4 }
 */
export async function releasedWaveIds(db: Kysely<Database>): Promise<Set<number>> {
  const rows = await db
    .selectFrom('waves')
    .select('waves.id')
    .where('waves.status', '=', 'closed')
    .where(answered)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The condition on a `waves` row that it has a response, sealed or still pending. */
function answered({ exists, or, selectFrom }: ExpressionBuilder<Database, 'waves'>) {
  return or([
    exists(
      selectFrom('responses').select('responses.id').whereRef('responses.wave_id', '=', 'waves.id'),
    ),
    exists(
      selectFrom('pending_responses')
        .select('pending_responses.wave_id')
        .whereRef('pending_responses.wave_id', '=', 'waves.id'),
    ),
  ]);
}
