// Reads a wave's CellCounts, the input of every estimate, with aggregate queries over the analysis projection.
import { sql, type Kysely } from 'kysely';
import type { CellCounts, StratumInfo } from '../../../analysis/cells.ts';
import type { Database } from '../db/schema.ts';
import { toCount } from '../db/values.ts';

/**
 * The counts of a wave: strata (agencies with respondents, with N_h and province, island
 * region and type), profiles, respondents per (agency, profile), bases per question and
 * choices per option. A question's base is its `''` row for a multi-select variable
 * (respondents who ticked anything) and the sum of its options otherwise.
 *
 * Reads only what is materialized: call `materializePending` first (reports do) so every
 * acknowledged response counts.
 *
 * @example
 * await materializePending(db, questionnaires);
 * const cells = await readCellCounts(db, wave.id);
 */
export async function readCellCounts(db: Kysely<Database>, waveId: number): Promise<CellCounts> {
  if (db.isTransaction) return readSnapshot(db, waveId);
  // One snapshot for all five queries: the idle materializer may commit between them otherwise.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => readSnapshot(trx, waveId));
}

async function readSnapshot(db: Kysely<Database>, waveId: number): Promise<CellCounts> {
  const strataRows = await db
    .selectFrom('agencies')
    .select(['code', 'headcount', 'province', 'island_region', 'type'])
    .where('code', 'in', (eb) =>
      eb.selectFrom('profile_counts').select('agency_code').where('wave_id', '=', waveId),
    )
    .orderBy('code')
    .execute();
  const profileRows = await db
    .selectFrom('profiles')
    .select(['id', 'values_json'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('profile_counts').select('profile_id').where('wave_id', '=', waveId),
    )
    .orderBy('id')
    .execute();
  const respondentRows = await db
    .selectFrom('profile_counts')
    .select(['agency_code', 'profile_id', 'respondents'])
    .where('wave_id', '=', waveId)
    .where('respondents', '>', 0)
    .orderBy('agency_code')
    .orderBy('profile_id')
    .execute();
  const baseRows = await db
    .selectFrom('answer_counts')
    .select((eb) => [
      'agency_code',
      'profile_id',
      'variable',
      eb.fn.sum<number | string>('count').as('option_total'),
      eb.fn
        .sum<number | string>(
          sql`case when ${sql.ref('option')} = '' then ${sql.ref('count')} else 0 end`,
        )
        .as('base_total'),
      eb.fn
        .max<number>(sql`case when ${sql.ref('option')} = '' then 1 else 0 end`)
        .as('has_base_row'),
    ])
    .where('wave_id', '=', waveId)
    .groupBy(['agency_code', 'profile_id', 'variable'])
    .orderBy('agency_code')
    .orderBy('profile_id')
    .orderBy('variable')
    .execute();
  const choiceRows = await db
    .selectFrom('answer_counts')
    .select(['agency_code', 'profile_id', 'variable', 'option', 'count'])
    .where('wave_id', '=', waveId)
    .where('option', '<>', '')
    .where('count', '>', 0)
    .orderBy('agency_code')
    .orderBy('profile_id')
    .orderBy('variable')
    .orderBy('option')
    .execute();

  const strata = new Map<string, StratumInfo>(
    strataRows.map((r) => [
      r.code,
      {
        populationSize: r.headcount,
        attributes: { province: r.province, islandRegion: r.island_region, type: r.type },
      },
    ]),
  );
  const profiles = new Map(
    profileRows.map((r) => [r.id, JSON.parse(r.values_json) as Record<string, string | null>]),
  );
  return {
    strata,
    profiles,
    respondents: respondentRows.map((r) => ({
      stratum: r.agency_code,
      profile: r.profile_id,
      count: r.respondents,
    })),
    bases: baseRows
      .map((r) => ({
        stratum: r.agency_code,
        profile: r.profile_id,
        question: r.variable,
        count: toCount(Number(r.has_base_row) === 1 ? r.base_total : r.option_total),
      }))
      .filter((b) => b.count > 0),
    choices: choiceRows.map((r) => ({
      stratum: r.agency_code,
      profile: r.profile_id,
      question: r.variable,
      option: r.option,
      count: r.count,
    })),
  };
}
