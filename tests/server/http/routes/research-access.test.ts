// Route × role on every dialect: results, fieldwork and every download answer researchers and admins only, by key or session.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResponses } from '../../../../server/services/projection/import-responses.ts';
import {
  createReportService,
  type ReportService,
} from '../../../../server/services/reports/report-service.ts';
import { waveMarginSource } from '../../../../server/services/reports/raking-margins.ts';
import { createTestApp } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { bearer, issueTestKeys, signIn, type TestKeys } from '../../../helpers/test-keys.ts';
import { validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies } from '../../../helpers/test-studies.ts';

const routes = [
  'results',
  'results?by=sex&weighting=design&lang=en',
  'results.csv',
  'fieldwork',
  'codebook.csv',
  'codebook.json',
  'microdata.csv',
  'microdata.csv?freeText=true',
  'microdata.R',
  'microdata.do',
  'microdata.sps',
  'manifest.json',
];

describe.each(testDialects())('researcher routes × roles on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: Hono;
  let keys: TestKeys;
  let reports: ReportService;

  beforeAll(async () => {
    const studies = await setUpTestStudies(t.db);
    await importResponses(t.db, studies.questionnaires, studies.openWave.id, [
      { agencyCode: 'kab-sleman', answers: validTestAnswers, submittedOn: '2021-09-02' },
      { agencyCode: 'prov-jambi', answers: validTestAnswers, submittedOn: '2021-09-03' },
    ]);
    keys = await issueTestKeys(t.db);
    reports = createReportService({
      db: t.db,
      database: t.config,
      questionnaires: studies.questionnaires,
      margins: waveMarginSource(t.db),
    });
    ({ app } = createTestApp(t.db, studies.questionnaires, { reports }));
  });
  afterAll(() => reports.close());

  const statusFor = async (route: string, headers: Record<string, string>) =>
    (await app.request(`/api/studies/open-study/${route}`, { headers })).status;

  it.each(routes)(
    'refuses %s to anonymous callers, respondents and wrong keys with 401',
    async (route) => {
      expect(await statusFor(route, {})).toBe(401);
      expect(await statusFor(route, bearer('nsk_not-a-key-of-this-server-0123456789abcdef'))).toBe(
        401,
      );
    },
  );

  it.each(routes)('refuses %s to agency A and agency B with 403', async (route) => {
    expect(await statusFor(route, bearer(keys.agencyA))).toBe(403);
    expect(await statusFor(route, bearer(keys.agencyB))).toBe(403);
  });

  it.each(routes)('answers %s to researchers and admins, by key and by session', async (route) => {
    expect(await statusFor(route, bearer(keys.researcher))).toBe(200);
    expect(await statusFor(route, bearer(keys.admin))).toBe(200);
    const { cookie } = await signIn(app, keys.researcher);
    expect(await statusFor(route, { cookie })).toBe(200);
  });

  it('answers an unknown study with 401 to the anonymous (no hint it exists) and 404 to a researcher', async () => {
    expect((await app.request('/api/studies/no-such-study/results')).status).toBe(401);
    const res = await app.request('/api/studies/no-such-study/results', {
      headers: bearer(keys.researcher),
    });
    expect(res.status).toBe(404);
  });

  it('gzips JSON answers but streams microdata.csv as it is, so an export never waits whole in memory', async () => {
    const get = (route: string) =>
      app.request(`/api/studies/open-study/${route}`, {
        headers: { ...bearer(keys.researcher), 'accept-encoding': 'gzip' },
      });
    expect((await get('codebook.json')).headers.get('content-encoding')).toBe('gzip');
    const microdata = await get('microdata.csv');
    expect(microdata.headers.get('content-encoding')).toBeNull();
    expect(microdata.headers.get('cache-control')).toContain('no-transform');
    expect((await microdata.text()).split('\r\n')[0]).toMatch(/^\uFEFF?agency,stratum_N,/);
  });

  it('leaves the respondents’ study routes public', async () => {
    expect((await app.request('/api/studies/open-study')).status).toBe(200);
    expect((await app.request('/api/studies/open-study/questionnaire')).status).toBe(200);
  });
});
