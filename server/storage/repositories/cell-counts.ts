// Reads a wave's CellCounts, the input of every estimate, with aggregate queries over the analysis projection.
import type { Kysely } from 'kysely';
import type { CellCounts, StratumInfo } from '../../../analysis/cells.ts';
import { chunks } from '../db/chunks.ts';
import type { Database } from '../db/schema.ts';
import { toCount } from '../db/values.ts';
import { readPendingCells } from './pending-counts.ts';

/**
 * The counts of a wave: strata (agencies with respondents, with N_h and province, island
 * region and type), profiles, respondents per (agency, profile), bases per question and
 * choices per option. A question's base is its `''` row for a multi-select variable
 * (respondents who ticked anything) and the sum of its options otherwise.
 *
 * Reads only what is materialized: call `materializePending` first (reports do) so every
 * acknowledged response counts. Responses not sealed yet count through the pending counts,
 * appended as extra entries (entries of one cell add up); a profile met only in pending
 * responses gets a negative id here, as it has no stored one until its batch is sealed.
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
    .where((eb) =>
      eb.or([
        eb(
          'code',
          'in',
          eb.selectFrom('profile_counts').select('agency_code').where('wave_id', '=', waveId),
        ),
        eb(
          'code',
          'in',
          eb
            .selectFrom('pending_profile_counts')
            .select('agency_code')
            .where('wave_id', '=', waveId),
        ),
      ]),
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
  // One pass over the answer counts gives both bases and choices: a second, grouped query for
  // the bases read every row again and cost as much as this one.
  const answerRows = await db
    .selectFrom('answer_counts')
    .select(['agency_code', 'profile_id', 'variable', 'option', 'count'])
    .where('wave_id', '=', waveId)
    .orderBy('agency_code')
    .orderBy('profile_id')
    .orderBy('variable')
    .orderBy('option')
    .execute();
  const { bases, choices } = basesAndChoices(answerRows);

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
  const pending = await readPendingEntries(db, waveId, profiles);
  return {
    strata,
    profiles,
    respondents: [
      ...respondentRows.map((r) => ({
        stratum: r.agency_code,
        profile: r.profile_id,
        count: r.respondents,
      })),
      ...pending.respondents,
    ],
    bases: bases.concat(pending.bases),
    choices: choices.concat(pending.choices),
  };
}

/**
 * Bases and choices from answer-count rows ordered by (agency, profile, variable), as the
 * grouped query computed them: a question's base is its `''` row when it has one (a
 * multi-select: respondents who ticked anything), else the sum of its options; zero counts are
 * left out. Counts are integers, so summing here rather than in SQL changes no count.
 */
function basesAndChoices(
  rows: readonly {
    agency_code: string;
    profile_id: number;
    variable: string;
    option: string;
    count: number;
  }[],
): Pick<CellCounts, 'bases' | 'choices'> {
  const bases: CellCounts['bases'] = [];
  const choices: CellCounts['choices'] = [];
  for (let first = 0; first < rows.length;) {
    const { agency_code: stratum, profile_id: profile, variable: question } = rows[first]!;
    let baseRow: number | null = null;
    let optionTotal = 0;
    let last = first;
    for (; last < rows.length; last++) {
      const row = rows[last]!;
      if (row.agency_code !== stratum || row.profile_id !== profile || row.variable !== question)
        break;
      if (row.option === '') baseRow = (baseRow ?? 0) + row.count;
      else {
        optionTotal += row.count;
        if (row.count > 0) {
          choices.push({ stratum, profile, question, option: row.option, count: row.count });
        }
      }
    }
    const base = toCount(baseRow ?? optionTotal);
    if (base > 0) bases.push({ stratum, profile, question, count: base });
    first = last;
  }
  return { bases, choices };
}

/**
 * The pending counts of a wave as CellCounts entries. Profiles are matched to stored ones by
 * key; the others are added to `profiles` under negative ids.
 */
async function readPendingEntries(
  db: Kysely<Database>,
  waveId: number,
  profiles: CellCounts['profiles'],
): Promise<Pick<CellCounts, 'respondents' | 'bases' | 'choices'>> {
  const cells = await readPendingCells(db, waveId);
  const empty = { respondents: [], bases: [], choices: [] };
  if (cells.profiles.length === 0 && cells.answers.length === 0) return empty;

  const refOf = (p: { questionnaireId: string; profileKey: string }) =>
    JSON.stringify([p.questionnaireId, p.profileKey]);
  const idOf = new Map<string, number>();
  const byQuestionnaire = new Map<string, Set<string>>();
  for (const p of cells.profiles) {
    const keys = byQuestionnaire.get(p.questionnaireId) ?? new Set<string>();
    keys.add(p.profileKey);
    byQuestionnaire.set(p.questionnaireId, keys);
  }
  for (const [questionnaireId, keys] of byQuestionnaire) {
    for (const chunk of chunks([...keys], 500)) {
      const rows = await db
        .selectFrom('profiles')
        .select(['id', 'key', 'values_json'])
        .where('questionnaire_id', '=', questionnaireId)
        .where('key', 'in', chunk)
        .execute();
      for (const row of rows) {
        idOf.set(JSON.stringify([questionnaireId, row.key]), row.id);
        if (!profiles.has(row.id)) {
          profiles.set(row.id, JSON.parse(row.values_json) as Record<string, string | null>);
        }
      }
    }
  }
  let nextNew = -1;
  for (const p of cells.profiles) {
    if (idOf.has(refOf(p))) continue;
    idOf.set(refOf(p), nextNew);
    profiles.set(nextNew, p.values);
    nextNew -= 1;
  }
  const profileId = (p: { questionnaireId: string; profileKey: string }): number => {
    const id = idOf.get(refOf(p));
    if (id === undefined) throw new Error(`Pending answer counts without a profile: ${refOf(p)}`);
    return id;
  };

  // Bases as the stored query computes them: the '' row of a multi-select, else the option sum.
  const groups = new Map<
    string,
    { stratum: string; profile: number; question: string; base?: number; total: number }
  >();
  const choices: CellCounts['choices'] = [];
  for (const a of cells.answers) {
    const profile = profileId(a);
    const key = JSON.stringify([a.agencyCode, profile, a.variable]);
    const group = groups.get(key) ?? {
      stratum: a.agencyCode,
      profile,
      question: a.variable,
      total: 0,
    };
    groups.set(key, group);
    if (a.option === '') group.base = (group.base ?? 0) + a.count;
    else {
      group.total += a.count;
      choices.push({
        stratum: a.agencyCode,
        profile,
        question: a.variable,
        option: a.option,
        count: a.count,
      });
    }
  }
  return {
    respondents: cells.profiles.map((p) => ({
      stratum: p.agencyCode,
      profile: profileId(p),
      count: p.respondents,
    })),
    bases: [...groups.values()]
      .map(({ stratum, profile, question, base, total }) => ({
        stratum,
        profile,
        question,
        count: base ?? total,
      }))
      .filter((b) => b.count > 0),
    choices,
  };
}

/**
 * Respondents in a wave's counts (materialized and pending): a version of its cell counts.
 * Counts only ever grow, and every fold adds respondents along with their answers (sealing
 * moves them from pending to permanent without changing the total), so equal totals mean equal
 * counts.
 *
 * @example
 * const version = await countedRespondents(db, wave.id); // 10617
 */
export async function countedRespondents(db: Kysely<Database>, waveId: number): Promise<number> {
  // One statement, so one snapshot: a batch sealed meanwhile is counted once, not zero times.
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('profile_counts')
        .select((s) => s.fn.sum<number | string | null>('respondents').as('n'))
        .where('wave_id', '=', waveId)
        .as('stored'),
      eb
        .selectFrom('pending_profile_counts')
        .select((s) => s.fn.sum<number | string | null>('respondents').as('n'))
        .where('wave_id', '=', waveId)
        .as('pending'),
    ])
    .executeTakeFirstOrThrow();
  return toCount(row.stored) + toCount(row.pending);
}
