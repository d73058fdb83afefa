// Every administration route against every caller on every dialect: only admins get through, others get 401 or 403 and change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessKey } from '../../../../server/services/auth/access-keys.ts';
import { createTestApp } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { bearer, issueTestKeys, signIn, type TestKeys } from '../../../helpers/test-keys.ts';
import { setUpTestStudies, type TestStudies, testFrameCsv } from '../../../helpers/test-studies.ts';
import { testQuestionnaire } from '../../../helpers/test-questionnaire.ts';

type App = ReturnType<typeof createTestApp>['app'];

/** The test studies and a spare key to revoke. */
type Setup = TestStudies & { spareKeyId: number };

interface RouteCase {
  method: string;
  path: (s: Setup) => string;
  body?: () => string;
  contentType?: string;
}

const json = 'application/json';
const { json: surveyJson, ...metadata } = testQuestionnaire;

/** Every route of /api/admin, with a request an admin would send. */
const routes: RouteCase[] = [
  { method: 'GET', path: () => '/api/admin/keys' },
  {
    method: 'POST',
    path: () => '/api/admin/keys',
    body: () => JSON.stringify({ role: 'researcher' }),
  },
  { method: 'POST', path: (s) => `/api/admin/keys/${s.spareKeyId}/revoke` },
  { method: 'GET', path: () => '/api/admin/questionnaires' },
  {
    method: 'POST',
    path: () => '/api/admin/questionnaires',
    body: () => JSON.stringify({ json: surveyJson, metadata: { ...metadata, version: 7 } }),
  },
  { method: 'GET', path: () => '/api/admin/studies' },
  {
    method: 'POST',
    path: () => '/api/admin/studies',
    body: () =>
      JSON.stringify({
        id: 'access-study',
        questionnaire: { id: 'test-survey', version: 1 },
        title: { id: 'Uji', en: 'Test' },
        usesTokens: true,
      }),
  },
  {
    method: 'POST',
    path: () => '/api/admin/studies/open-study/waves',
    body: () => JSON.stringify({ name: 'W-access', opensOn: '2022-01-01' }),
  },
  { method: 'POST', path: (s) => `/api/admin/studies/open-study/waves/${s.openWave.id}/open` },
  { method: 'POST', path: (s) => `/api/admin/studies/token-study/waves/${s.tokenWave.id}/close` },
  { method: 'GET', path: (s) => `/api/admin/studies/open-study/waves/${s.openWave.id}/margins` },
  {
    method: 'PUT',
    path: (s) => `/api/admin/studies/open-study/waves/${s.openWave.id}/margins`,
    body: () => 'variable,level,share\nsex,m,0.5\nsex,f,0.5\n',
    contentType: 'text/csv',
  },
  {
    method: 'POST',
    path: () => '/api/admin/studies/token-study/invitations',
    body: () => JSON.stringify({ batches: [{ agency: 'kab-sleman', count: 2 }] }),
  },
  {
    method: 'PUT',
    path: () => '/api/admin/frame',
    body: () => testFrameCsv,
    contentType: 'text/csv',
  },
  {
    method: 'POST',
    path: () => '/api/admin/violations',
    body: () =>
      'region_type,region,province,election_year,reported_on,source,cases_recorded,recommended_to_kasn,followed_up,note\n' +
      'kabupaten,Kabupaten Sleman,Daerah Istimewa Yogyakarta,2020,2021-03-01,Bawaslu (test),3,2,1,test\n',
    contentType: 'text/csv',
  },
];

type Caller = 'anonymous' | 'agency A' | 'agency B' | 'researcher' | 'admin';
const callers: Caller[] = ['anonymous', 'agency A', 'agency B', 'researcher', 'admin'];

describe.each(testDialects())('administration access on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: App;
  let studies: Setup;
  let keys: TestKeys;
  let cookies: Record<Exclude<Caller, 'anonymous'>, { cookie: string; origin: string }>;

  beforeAll(async () => {
    const testStudies = await setUpTestStudies(t.db);
    keys = await issueTestKeys(t.db);
    const spare = await createAccessKey(t.db, { role: 'researcher' });
    studies = { ...testStudies, spareKeyId: spare.accessKey.id };
    ({ app } = createTestApp(t.db, studies.questionnaires));
    cookies = {
      'agency A': await signIn(app, keys.agencyA),
      'agency B': await signIn(app, keys.agencyB),
      researcher: await signIn(app, keys.researcher),
      admin: await signIn(app, keys.admin),
    };
  });

  /** A snapshot of every table an admin route writes to. */
  const state = async () =>
    JSON.stringify(
      await Promise.all(
        (
          [
            'access_keys',
            'questionnaire_versions',
            'studies',
            'waves',
            'raking_margins',
            'invitation_tokens',
            'agencies',
            'recorded_violations',
          ] as const
        ).map((table) => t.db.selectFrom(table).selectAll().execute()),
      ),
    );

  const send = (route: RouteCase, auth: Record<string, string>) =>
    app.request(route.path(studies), {
      method: route.method,
      headers: { 'content-type': route.contentType ?? json, ...auth },
      ...(route.body ? { body: route.body() } : {}),
    });

  for (const route of routes) {
    const name = `${route.method} ${route.path({ openWave: { id: 1 }, tokenWave: { id: 3 }, spareKeyId: 5 } as Setup)}`;
    it(`${name}: refuses anonymous (401), agencies and researchers (403), by cookie and by key`, async () => {
      const before = await state();
      const anonymous = await send(route, {});
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'Sign in to continue.' },
      });
      for (const caller of ['agency A', 'agency B', 'researcher'] as const) {
        const byCookie = await send(route, cookies[caller]);
        expect(byCookie.status, `${caller} by cookie`).toBe(403);
        expect(await byCookie.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
        const key = {
          'agency A': keys.agencyA,
          'agency B': keys.agencyB,
          researcher: keys.researcher,
        }[caller];
        expect((await send(route, bearer(key))).status, `${caller} by key`).toBe(403);
      }
      expect((await send(route, bearer('nsk_not-a-key'))).status).toBe(401);
      expect(await state()).toBe(before);
    });
  }

  it('lets an admin through every route, by cookie and by key', async () => {
    for (const [i, route] of routes.entries()) {
      const auth = i % 2 === 0 ? cookies.admin : bearer(keys.admin);
      const res = await send(route, auth);
      expect(
        res.status,
        `${route.method} ${route.path(studies)}: ${await res.clone().text()}`,
      ).toBeLessThan(300);
    }
    expect(callers).toHaveLength(5);
  });
});
