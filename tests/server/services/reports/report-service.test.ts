// The reports service end to end on every dialect: the R fixture stored, reported through the worker thread, equals R's answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../server/errors.ts';
import { designOf } from '../../../../server/services/reports/build-report.ts';
import {
  createReportService,
  type ReportService,
} from '../../../../server/services/reports/report-service.ts';
import { staticMarginSource } from '../../../../server/services/reports/raking-margins.ts';
import { readExpected } from '../../../analysis/helpers/r-fixtures.ts';
import { differenceFromR, loadRFixtureResponses } from '../../../helpers/r-fixture-reports.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import type { RFixtureStudy } from '../../../helpers/r-fixture-study.ts';

const national = readExpected('expected/estimates_national.csv');
const domains = readExpected('expected/estimates_domains.csv');
const raked = readExpected('expected/estimates_raked.csv').filter(
  (row) => row.scope === 'rake_agency_gender',
);
const genderMargin = { variable: 'gender', shares: { F: 0.52, M: 0.48 } };

describe.each(testDialects())('the reports service on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let study: RFixtureStudy;
  let reports: ReportService;

  beforeAll(async () => {
    study = await loadRFixtureResponses(t.db);
    reports = createReportService({
      db: t.db,
      database: t.config,
      questionnaires: study.questionnaires,
      margins: staticMarginSource({ 'r-fixture': [genderMargin] }),
    });
  });
  afterAll(() => reports.close());

  it('gives R survey’s estimates, SEs and logit intervals nationally and by every domain, to 1e-9', async () => {
    const report = await reports.report(study.studyId, {
      waveId: study.wave.id,
      weighting: 'design',
      by: ['province', 'gender', 'agency'],
      lang: 'en',
    });
    const result = differenceFromR([...national, ...domains], report.rows);
    expect(result.missing).toEqual([]);
    expect(result.compared).toBe(national.length + domains.length);
    expect(result.largest).toBeLessThan(1e-9);
    expect(report.respondents).toBe(2000);
    expect(report.footnotes.map((f) => f.code)).toContain('lonely-strata');
  });

  it('names the single-respondent strata to researchers only: the bases for agency and public outputs count them without names', async () => {
    const request = { waveId: study.wave.id, by: ['agency'], lang: 'en' } as const;
    const report = await reports.report(study.studyId, { ...request, weighting: 'design' });
    const bases = await reports.cellBases(study.studyId, request);
    const lonely = (notes: { code: string; text: string }[]) =>
      notes.find((n) => n.code === 'lonely-strata')?.text ?? '';
    const named = report.rows.filter((r) => r.domainVariables[0] === 'agency');
    const singletons = [...new Set(named.map((r) => r.domainValues[0]!))].filter((code) =>
      lonely(report.footnotes).includes(code),
    );
    expect(singletons.length).toBeGreaterThan(0);
    expect(lonely(bases.footnotes)).toMatch(
      /^\d+ stratum\/strata with a single respondent contribute/,
    );
    for (const code of singletons) expect(JSON.stringify(bases.footnotes)).not.toContain(code);
  });

  it('gives R’s rake(agency, gender) estimates and SEs under raked weights, to 1e-9', async () => {
    const report = await reports.report(study.studyId, {
      waveId: study.wave.id,
      weighting: 'raked',
      by: [],
      lang: 'id',
    });
    const result = differenceFromR(raked, report.rows);
    expect(result.missing).toEqual([]);
    expect(result.compared).toBe(raked.length);
    expect(result.largest).toBeLessThan(1e-9);
    expect(report.weighting.margins).toEqual([genderMargin]);
    expect(report.weighting.iterations).toBeGreaterThan(0);
  });

  it('labels questions, options and domains in the chosen language', async () => {
    const [id, en] = await Promise.all(
      (['id', 'en'] as const).map((lang) =>
        reports.report(study.studyId, {
          waveId: study.wave.id,
          weighting: 'design',
          by: [['province', 'gender']],
          lang,
        }),
      ),
    );
    const row = en!.rows.find((r) => r.domainVariables.length === 2 && r.question === 'q2')!;
    expect(row.questionLabel).toBe('Question q2');
    expect(id!.rows.find((r) => r.question === 'q2')!.questionLabel).toBe('Pertanyaan q2');
    expect(row.domainVariables).toEqual(['province', 'gender']);
    expect(en!.breakdowns).toEqual([
      { variables: ['province', 'gender'], labels: ['Province', 'Gender'] },
    ]);
    // Footnotes too: the same notes, in the report's language.
    expect(id!.footnotes.map((f) => f.code)).toEqual(en!.footnotes.map((f) => f.code));
    expect(en!.footnotes.find((f) => f.code === 'design')?.text).toMatch(/^Stratified sample/);
    expect(id!.footnotes.find((f) => f.code === 'design')?.text).toMatch(/^Sampel berstrata/);
    id!.footnotes.forEach((note, i) => expect(note.text).not.toBe(en!.footnotes[i]!.text));
  });

  it('refuses an unknown breakdown variable and raking without margins, naming the problem', async () => {
    await expect(
      reports.report(study.studyId, {
        waveId: study.wave.id,
        weighting: 'design',
        by: ['nip'],
        lang: 'en',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: [{ field: 'by' }] });
    const bare = createReportService({
      db: t.db,
      database: t.config,
      questionnaires: study.questionnaires,
      margins: staticMarginSource({}),
    });
    try {
      const failure = await bare
        .report(study.studyId, { waveId: study.wave.id, weighting: 'raked', by: [], lang: 'en' })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ code: 'RAKING_FAILED' });
    } finally {
      await bare.close();
    }
  });

  it('counts fieldwork per agency, province and day from every stored response', async () => {
    const fieldwork = await reports.fieldwork(study.studyId, study.wave.id);
    expect(fieldwork.national.responses).toBe(2000);
    expect(fieldwork.days).toEqual([{ day: '2021-09-02', responses: 2000 }]);
    const withResponses = fieldwork.agencies.filter((a) => a.responses > 0);
    expect(withResponses.every((a) => a.lastSubmissionDay === '2021-09-02')).toBe(true);
    expect(fieldwork.provinces.reduce((s, p) => s + p.responses, 0)).toBe(2000);
    const first = withResponses[0]!;
    expect(first.responseRate).toBeCloseTo(first.responses / first.headcount, 15);
  });
});

describe('a wave whose agency has more responses than its headcount', () => {
  it('is refused with HEADCOUNT_EXCEEDED naming the agency, not a server error', () => {
    const cells = {
      strata: new Map([['kab-kecil', { populationSize: 2, attributes: {} }]]),
      profiles: new Map([[1, {}]]),
      respondents: [{ stratum: 'kab-kecil', profile: 1, count: 3 }],
      bases: [],
      choices: [],
    };
    expect(() => designOf(cells)).toThrow(
      expect.objectContaining({
        code: 'HEADCOUNT_EXCEEDED',
        message: expect.stringContaining('kab-kecil'),
      }),
    );
  });
});
