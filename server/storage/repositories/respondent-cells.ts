// Reads only a wave's respondents per (agency, profile), with strata and profiles: enough for weights, far smaller than every answer count.
import type { Kysely } from 'kysely';
import type { CellCounts, StratumInfo } from '../../../analysis/cells.ts';
import type { Database } from '../db/schema.ts';

/**
 * The wave's counts without bases and choices: strata (agencies with respondents, N_h and
 * attributes), profiles and respondents per (agency, profile). Design and raked weights need
 * nothing more, so exports get them without loading every answer count.
 *
 * @example
 * const cells = await readRespondentCells(db, wave.id);
 * createDesign(cells); // no questions, every weight
 */
export async function readRespondentCells(
  db: Kysely<Database>,
  waveId: number,
): Promise<CellCounts> {
  const respondentRows = await db
    .selectFrom('profile_counts')
    .select(['agency_code', 'profile_id', 'respondents'])
    .where('wave_id', '=', waveId)
    .where('respondents', '>', 0)
    .orderBy('agency_code')
    .orderBy('profile_id')
    .execute();
  const strataRows = await db
    .selectFrom('agencies')
    .select(['code', 'headcount', 'province', 'island_region', 'type'])
    .where('code', 'in', (eb) =>
      eb.selectFrom('profile_counts').select('agency_code').where('wave_id', '=', waveId),
    )
    .execute();
  const profileRows = await db
    .selectFrom('profiles')
    .select(['id', 'values_json'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('profile_counts').select('profile_id').where('wave_id', '=', waveId),
    )
    .execute();
  return {
    strata: new Map<string, StratumInfo>(
      strataRows.map((r) => [
        r.code,
        {
          populationSize: r.headcount,
          attributes: { province: r.province, islandRegion: r.island_region, type: r.type },
        },
      ]),
    ),
    profiles: new Map(
      profileRows.map((r) => [r.id, JSON.parse(r.values_json) as Record<string, string | null>]),
    ),
    respondents: respondentRows.map((r) => ({
      stratum: r.agency_code,
      profile: r.profile_id,
      count: r.respondents,
    })),
    bases: [],
    choices: [],
  };
}
