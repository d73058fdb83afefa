// Tests the analysis pushdown on every dialect: pending responses folded into counts, read back as CellCounts.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellCounts } from '../../../../analysis/cells.ts';
import type { Database } from '../../../../server/storage/db/schema.ts';
import { importResponses } from '../../../../server/services/projection/import-responses.ts';
import { materializePending } from '../../../../server/services/projection/materialize-pending.ts';
import { QuestionnaireRegistry } from '../../../../server/services/questionnaires/questionnaire-registry.ts';
import { readCellCounts } from '../../../../server/storage/repositories/cell-counts.ts';
import { insertResponse } from '../../../../server/storage/repositories/responses.ts';
import { createWave, type Wave } from '../../../../server/storage/repositories/waves.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

/** Five respondents, small enough to count by hand (see `expectedCells`). */
const handSet: { agency: string; answers: Record<string, unknown> }[] = [
  {
    agency: 'kab-sleman',
    answers: {
      sex: 'f',
      rank: 'III/a',
      aware: 'yes',
      channels: ['web', 'tv'],
      trust: 3,
      acts: { a1: 'never', a2: 'often' },
      remarks: 'free text is never counted',
    },
  },
  {
    agency: 'kab-sleman',
    answers: { sex: 'f', rank: 'III/b', aware: 'no', trust: 3, acts: { a1: 'never' } },
  },
  {
    agency: 'kab-sleman',
    answers: { sex: 'm', aware: 'yes', channels: ['web'], acts: { a1: 'often', a2: 'often' } },
  },
  { agency: 'kota-yogyakarta', answers: { sex: 'f', rank: 'IV/a', aware: 'no', trust: 1 } },
  { agency: 'kab-sleman', answers: { sex: 'm', aware: 'yes', channels: ['radio'] } },
];

/** CellCounts with profile ids replaced by their values, rows sorted, for comparison. */
function readable(cells: CellCounts) {
  const profile = (id: number) => JSON.stringify(cells.profiles.get(id));
  const sortRows = <T>(rows: T[]) =>
    rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    strata: Object.fromEntries(cells.strata),
    respondents: sortRows(cells.respondents.map((r) => ({ ...r, profile: profile(r.profile) }))),
    bases: sortRows(cells.bases.map((r) => ({ ...r, profile: profile(r.profile) }))),
    choices: sortRows(cells.choices.map((r) => ({ ...r, profile: profile(r.profile) }))),
  };
}

const fIII = JSON.stringify({ sex: 'f', rank: 'III' });
const mNone = JSON.stringify({ sex: 'm', rank: null });
const fIV = JSON.stringify({ sex: 'f', rank: 'IV' });
const sleman = 'kab-sleman';
const yogya = 'kota-yogyakarta';

/** The hand count of `handSet`: III/a and III/b recode to the same rank group III. */
const expectedCells = {
  strata: {
    [sleman]: {
      populationSize: 400,
      attributes: {
        province: 'Daerah Istimewa Yogyakarta',
        islandRegion: 'Jawa-Bali',
        type: 'kabupaten',
      },
    },
    [yogya]: {
      populationSize: 200,
      attributes: {
        province: 'Daerah Istimewa Yogyakarta',
        islandRegion: 'Jawa-Bali',
        type: 'kota',
      },
    },
  },
  respondents: [
    { stratum: sleman, profile: fIII, count: 2 },
    { stratum: sleman, profile: mNone, count: 2 },
    { stratum: yogya, profile: fIV, count: 1 },
  ],
  bases: [
    // Multi-select: respondents who ticked anything (1), not the sum of ticks (2).
    { stratum: sleman, profile: fIII, question: 'channels', count: 1 },
    { stratum: sleman, profile: fIII, question: 'sex', count: 2 },
    { stratum: sleman, profile: fIII, question: 'rank', count: 2 },
    { stratum: sleman, profile: fIII, question: 'aware', count: 2 },
    { stratum: sleman, profile: fIII, question: 'trust', count: 2 },
    { stratum: sleman, profile: fIII, question: 'acts.a1', count: 2 },
    { stratum: sleman, profile: fIII, question: 'acts.a2', count: 1 },
    { stratum: sleman, profile: mNone, question: 'sex', count: 2 },
    { stratum: sleman, profile: mNone, question: 'aware', count: 2 },
    { stratum: sleman, profile: mNone, question: 'channels', count: 2 },
    { stratum: sleman, profile: mNone, question: 'acts.a1', count: 1 },
    { stratum: sleman, profile: mNone, question: 'acts.a2', count: 1 },
    { stratum: yogya, profile: fIV, question: 'sex', count: 1 },
    { stratum: yogya, profile: fIV, question: 'rank', count: 1 },
    { stratum: yogya, profile: fIV, question: 'aware', count: 1 },
    { stratum: yogya, profile: fIV, question: 'trust', count: 1 },
  ],
  choices: [
    { stratum: sleman, profile: fIII, question: 'sex', option: 'f', count: 2 },
    { stratum: sleman, profile: fIII, question: 'rank', option: 'III/a', count: 1 },
    { stratum: sleman, profile: fIII, question: 'rank', option: 'III/b', count: 1 },
    { stratum: sleman, profile: fIII, question: 'aware', option: 'yes', count: 1 },
    { stratum: sleman, profile: fIII, question: 'aware', option: 'no', count: 1 },
    { stratum: sleman, profile: fIII, question: 'channels', option: 'web', count: 1 },
    { stratum: sleman, profile: fIII, question: 'channels', option: 'tv', count: 1 },
    { stratum: sleman, profile: fIII, question: 'trust', option: '3', count: 2 },
    { stratum: sleman, profile: fIII, question: 'acts.a1', option: 'never', count: 2 },
    { stratum: sleman, profile: fIII, question: 'acts.a2', option: 'often', count: 1 },
    { stratum: sleman, profile: mNone, question: 'sex', option: 'm', count: 2 },
    { stratum: sleman, profile: mNone, question: 'aware', option: 'yes', count: 2 },
    { stratum: sleman, profile: mNone, question: 'channels', option: 'web', count: 1 },
    { stratum: sleman, profile: mNone, question: 'channels', option: 'radio', count: 1 },
    { stratum: sleman, profile: mNone, question: 'acts.a1', option: 'often', count: 1 },
    { stratum: sleman, profile: mNone, question: 'acts.a2', option: 'often', count: 1 },
    { stratum: yogya, profile: fIV, question: 'sex', option: 'f', count: 1 },
    { stratum: yogya, profile: fIV, question: 'rank', option: 'IV/a', count: 1 },
    { stratum: yogya, profile: fIV, question: 'aware', option: 'no', count: 1 },
    { stratum: yogya, profile: fIV, question: 'trust', option: '1', count: 1 },
  ],
};

function sorted<T>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

async function insertPending(db: Kysely<Database>, wave: Wave, set: typeof handSet) {
  for (const { agency, answers } of set) {
    await insertResponse(db, {
      clientId: randomUUID(),
      waveId: wave.id,
      agencyCode: agency,
      questionnaireId: 'test-survey',
      questionnaireVersion: 1,
      submittedOn: '2021-09-16',
      answers,
    });
  }
}

async function pendingCount(db: Kysely<Database>): Promise<number> {
  const rows = await db.selectFrom('responses').select('materialized').execute();
  return rows.filter((r) => !r.materialized).length;
}

describe.each(testDialects())('materializing responses on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  let waveCount = 0;
  const newWave = () =>
    createWave(t.db, {
      studyId: 'closed-study',
      name: `test ${++waveCount}`,
      status: 'closed',
      opensOn: '2021-09-01',
      closesOn: null,
    });

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
  });

  it('counts nothing until responses are materialized, then exactly the hand count', async () => {
    const wave = await newWave();
    await insertPending(t.db, wave, handSet);
    expect(readable(await readCellCounts(t.db, wave.id))).toEqual({
      strata: {},
      respondents: [],
      bases: [],
      choices: [],
    });

    expect(await materializePending(t.db, studies.questionnaires)).toBe(5);
    expect(await pendingCount(t.db)).toBe(0);
    expect(readable(await readCellCounts(t.db, wave.id))).toEqual({
      strata: expectedCells.strata,
      respondents: sorted(expectedCells.respondents),
      bases: sorted(expectedCells.bases),
      choices: sorted(expectedCells.choices),
    });
  });

  it('never counts a response twice, and adds later ones to the same cells', async () => {
    const wave = await newWave();
    await insertPending(t.db, wave, handSet);
    await materializePending(t.db, studies.questionnaires);
    expect(await materializePending(t.db, studies.questionnaires)).toBe(0);

    await insertPending(t.db, wave, [
      {
        agency: yogya,
        answers: { sex: 'f', rank: 'IV/a', aware: 'yes', channels: ['tv', 'radio'] },
      },
    ]);
    expect(await materializePending(t.db, studies.questionnaires)).toBe(1);
    const cells = readable(await readCellCounts(t.db, wave.id));
    expect(cells.respondents).toContainEqual({ stratum: yogya, profile: fIV, count: 2 });
    expect(cells.bases).toContainEqual({
      stratum: yogya,
      profile: fIV,
      question: 'aware',
      count: 2,
    });
    expect(cells.bases).toContainEqual({
      stratum: yogya,
      profile: fIV,
      question: 'channels',
      count: 1,
    });
    expect(cells.choices).toContainEqual({
      stratum: yogya,
      profile: fIV,
      question: 'aware',
      option: 'yes',
      count: 1,
    });
    // Cells of other agencies are untouched.
    expect(cells.respondents).toContainEqual({ stratum: sleman, profile: fIII, count: 2 });
  });

  it('gives the same counts in small batches as in one', async () => {
    const wave = await newWave();
    await insertPending(t.db, wave, handSet);
    expect(await materializePending(t.db, studies.questionnaires, { batchSize: 2 })).toBe(5);
    const cells = readable(await readCellCounts(t.db, wave.id));
    expect(cells.bases).toEqual(sorted(expectedCells.bases));
    expect(cells.choices).toEqual(sorted(expectedCells.choices));
  });

  it('rolls a failing batch back whole: no flag set, no count added', async () => {
    const wave = await newWave();
    await insertPending(t.db, wave, handSet);
    await expect(materializePending(t.db, new QuestionnaireRegistry([]))).rejects.toThrow(
      /not published/,
    );
    expect(await pendingCount(t.db)).toBe(5);
    expect((await readCellCounts(t.db, wave.id)).respondents).toEqual([]);
    await materializePending(t.db, studies.questionnaires);
  });

  it('imports responses in bulk already materialized, with the same counts', async () => {
    const wave = await newWave();
    const imported = await importResponses(
      t.db,
      studies.questionnaires,
      wave.id,
      handSet.map((r) => ({ agencyCode: r.agency, answers: r.answers, submittedOn: '2021-09-16' })),
    );
    expect(imported).toBe(5);
    expect(await pendingCount(t.db)).toBe(0);
    const cells = readable(await readCellCounts(t.db, wave.id));
    expect(cells.respondents).toEqual(sorted(expectedCells.respondents));
    expect(cells.bases).toEqual(sorted(expectedCells.bases));
    expect(cells.choices).toEqual(sorted(expectedCells.choices));
  });

  it('imports nothing when one response of the batch is invalid', async () => {
    const wave = await newWave();
    const rows = [
      ...handSet.map((r) => ({
        agencyCode: r.agency,
        answers: r.answers,
        submittedOn: '2021-09-16',
      })),
      { agencyCode: sleman, answers: { sex: 'x' }, submittedOn: '2021-09-16' },
    ];
    await expect(
      importResponses(t.db, studies.questionnaires, wave.id, rows),
    ).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
    });
    const unknownAgency = [
      { agencyCode: 'kab-atlantis', answers: handSet[0]!.answers, submittedOn: '2021-09-16' },
    ];
    await expect(
      importResponses(t.db, studies.questionnaires, wave.id, [
        ...rows.slice(0, 5),
        ...unknownAgency,
      ]),
    ).rejects.toThrow();
    const stored = await t.db
      .selectFrom('responses')
      .select('id')
      .where('wave_id', '=', wave.id)
      .execute();
    expect(stored).toEqual([]);
    expect((await readCellCounts(t.db, wave.id)).respondents).toEqual([]);
  });
});
