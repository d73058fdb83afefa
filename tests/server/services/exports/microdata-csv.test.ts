// The microdata stream on every dialect: rows of an agency in hash order whatever the batch sizes, a snapshot of the wave, design weights N_h / n_h.
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { microdataLayout } from '../../../../server/services/exports/microdata-columns.ts';
import {
  microdataChunks,
  type MicrodataSource,
} from '../../../../server/services/exports/microdata-csv.ts';
import { importResponses } from '../../../../server/services/projection/import-responses.ts';
import { listAgencies } from '../../../../server/storage/repositories/agencies.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { testQuestionnaire, validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

const perAgency = { 'kab-sleman': 23, 'prov-jambi': 9 };

async function exported(source: MicrodataSource): Promise<Record<string, string>[]> {
  let text = '';
  for await (const chunk of microdataChunks(source)) text += chunk;
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

describe.each(testDialects())('microdata stream on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  let source: MicrodataSource;

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    // Each response's free text names it, so the rows can be told apart in the file.
    const responses = Object.entries(perAgency).flatMap(([agencyCode, n]) =>
      Array.from({ length: n }, (_, i) => ({
        agencyCode,
        answers: { ...validTestAnswers, remarks: `${agencyCode} #${i}` },
        submittedOn: '2021-09-03',
      })),
    );
    await importResponses(t.db, studies.questionnaires, studies.openWave.id, responses);
    const { definition, compiled } = studies.questionnaires.get(
      testQuestionnaire.id,
      testQuestionnaire.version,
    );
    source = {
      db: t.db,
      waveId: studies.openWave.id,
      definition,
      compiled,
      layout: microdataLayout(definition, { raked: false, freeText: true }),
      headcounts: new Map((await listAgencies(t.db)).map((a) => [a.code, a.headcount])),
      cellWeights: null,
    };
  });

  it('orders each agency’s rows by the SHA-256 of wave and client id, never by arrival', async () => {
    const stored = await t.db
      .selectFrom('responses')
      .select(['id', 'client_id', 'agency_code', 'answers'])
      .where('wave_id', '=', studies.openWave.id)
      .execute();
    const digest = (clientId: string) =>
      createHash('sha256').update(`${studies.openWave.id}:${clientId}`).digest('hex');
    const expected = Object.keys(perAgency)
      .sort()
      .flatMap((agency) =>
        stored
          .filter((r) => r.agency_code === agency)
          .map((r) => ({ hash: digest(r.client_id), id: r.id, answers: r.answers }))
          .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
          .map((r) => (JSON.parse(r.answers) as { remarks: string }).remarks),
      );
    const rows = await exported(source);
    expect(rows.map((r) => r.remarks)).toEqual(expected);
    // Not the arrival order: the stored ids' order is the import order.
    const arrival = [...stored].sort((a, b) => a.id - b.id);
    expect(expected).not.toEqual(
      arrival.map((r) => (JSON.parse(r.answers) as { remarks: string }).remarks),
    );
  });

  it('writes the same file whatever the batch sizes (one row, a few, more than an agency)', async () => {
    const reference = await exported(source);
    for (const [batchSize, keyBatchSize] of [
      [1, 1],
      [3, 2],
      [7, 5000],
      [1000, 4],
    ] as const) {
      expect(await exported({ ...source, batchSize, keyBatchSize })).toEqual(reference);
    }
  });

  it('weights each row N_h / n_h with n_h the agency’s rows in the file', async () => {
    const rows = await exported(source);
    for (const [agency, n] of Object.entries(perAgency)) {
      const own = rows.filter((r) => r.agency === agency);
      expect(own).toHaveLength(n);
      for (const row of own) {
        expect(Number(row.design_weight)).toBeCloseTo(Number(row.stratum_N) / n, 12);
      }
    }
  });
});
