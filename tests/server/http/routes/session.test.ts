// Tests sign-in and sign-out on every dialect: cookie attributes, Bearer keys, reasonless 401s, expiry, restarts, CSRF and the rate limit.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessKey, revokeAccessKey } from '../../../../server/services/auth/access-keys.ts';
import { createTestApp, postJson, testNow } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import {
  agencyA,
  bearer,
  issueTestKeys,
  signIn,
  testOrigin,
  type TestKeys,
} from '../../../helpers/test-keys.ts';
import { setUpTestStudies } from '../../../helpers/test-studies.ts';
import type { QuestionnaireRegistry } from '../../../../server/services/questionnaires/questionnaire-registry.ts';

type App = ReturnType<typeof createTestApp>['app'];

const unauthorized = { error: { code: 'UNAUTHORIZED', message: 'Sign in to continue.' } };

/** A request as it arrives from the connection `address` (what `getConnInfo` reads). */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe.each(testDialects())('session routes on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: App;
  let keys: TestKeys;
  let questionnaires: QuestionnaireRegistry;

  beforeAll(async () => {
    ({ questionnaires } = await setUpTestStudies(t.db));
    keys = await issueTestKeys(t.db);
    ({ app } = createTestApp(t.db, questionnaires));
  });

  it('signs a key in with an httpOnly, SameSite=Strict, signed session cookie and answers its role', async () => {
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: testOrigin },
      body: JSON.stringify({ key: keys.agencyA }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ role: 'agency', agency: agencyA });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^netralitas_session=[^;]+\.[^;]+;/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    // Served over plain http here, so not Secure (a browser would drop it).
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('marks the cookie Secure when the server is reached over https', async () => {
    const { app: behindProxy } = createTestApp(t.db, questionnaires, {
      config: {
        bodyLimitBytes: 65_536,
        timeZone: 'Asia/Jakarta',
        clientDir: '/nonexistent',
        edge: { publicOrigin: 'https://survei.example.go.id' },
      },
    });
    const proxied = await behindProxy.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: keys.researcher }),
    });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
    const direct = await app.request('https://survei.example.go.id/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: keys.researcher }),
    });
    expect(direct.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('recognises the session cookie and a Bearer key alike', async () => {
    const cookie = await signIn(app, keys.researcher);
    const bySession = await app.request('/api/session', { headers: cookie });
    expect(await bySession.json()).toEqual({ role: 'researcher', agency: null });
    const byKey = await app.request('/api/session', { headers: bearer(keys.admin) });
    expect(await byKey.json()).toEqual({ role: 'admin', agency: null });
  });

  it('answers a wrong, revoked or missing key with the same reasonless 401', async () => {
    const revoked = await createAccessKey(t.db, { role: 'researcher' });
    await revokeAccessKey(t.db, revoked.accessKey.id);
    const answers = [
      await postJson(app, '/api/session', { key: 'nsk_wrong' }),
      await postJson(app, '/api/session', { key: keys.admin.slice(0, -1) }),
      await postJson(app, '/api/session', { key: revoked.key }),
    ];
    for (const answer of answers) {
      expect(answer).toEqual({
        status: 401,
        body: { error: { code: 'UNAUTHORIZED', message: 'Sign-in failed.' } },
      });
    }
    for (const headers of [
      bearer('nsk_wrong'),
      bearer(revoked.key),
      { authorization: 'Basic abc' },
      { cookie: 'netralitas_session=forged.value' },
      {},
    ]) {
      const res = await app.request('/api/session', { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(unauthorized);
    }
  });

  it('ends a session on sign-out, server-side: the old cookie no longer works', async () => {
    const cookie = await signIn(app, keys.researcher);
    const out = await app.request('/api/session', { method: 'DELETE', headers: cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/netralitas_session=;.*Max-Age=0/);
    const after = await app.request('/api/session', { headers: cookie });
    expect(after.status).toBe(401);
  });

  it('refuses a session once it has expired', async () => {
    const cookie = await signIn(app, keys.researcher);
    const inThirteenHours = new Date(testNow.getTime() + 13 * 3_600_000);
    const { app: later } = createTestApp(t.db, questionnaires, { now: () => inThirteenHours });
    const res = await later.request('/api/session', { headers: cookie });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(unauthorized);
  });

  it('keeps a session across a new app instance on the same database (a restart or a second process)', async () => {
    const cookie = await signIn(app, keys.agencyA);
    const { app: restarted } = createTestApp(t.db, questionnaires);
    const res = await restarted.request('/api/session', { headers: cookie });
    expect(await res.json()).toEqual({ role: 'agency', agency: agencyA });
  });

  it('refuses a cookie signed with another secret', async () => {
    const cookie = await signIn(app, keys.admin);
    const { app: other } = createTestApp(t.db, questionnaires, {
      sessionSecret: 'another-secret-of-at-least-32-characters!!',
    });
    expect((await other.request('/api/session', { headers: cookie })).status).toBe(401);
  });

  it('refuses a cookie-authenticated state change from another origin or with no origin at all', async () => {
    const { cookie } = await signIn(app, keys.researcher);
    const refused: Record<string, string>[] = [
      { cookie, origin: 'https://evil.example' },
      { cookie, origin: 'null' },
      { cookie },
      { cookie, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      const res = await app.request('/api/session', { method: 'DELETE', headers });
      expect(res.status).toBe(403);
      // The edge refuses a foreign origin before sign-in is looked at; sign-in refuses a
      // cookie without any origin evidence; both say so the same way.
      const { error } = (await res.json()) as { error: { code: string } };
      expect(error.code).toBe('FORBIDDEN_ORIGIN');
    }
    // Still signed in: none of the refused requests signed out.
    expect((await app.request('/api/session', { headers: { cookie } })).status).toBe(200);
    const sameOrigin = await app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(204);
  });

  it('refuses a sign-in posted from another origin', async () => {
    const res = await postJson(
      app,
      '/api/session',
      { key: keys.admin },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
  });

  it('answers malformed sign-in bodies with the error envelope naming the field', async () => {
    expect(await postJson(app, '/api/session', '{"key":')).toEqual({
      status: 400,
      body: { error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' } },
    });
    const missing = await postJson(app, '/api/session', {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      error: { code: 'INVALID_REQUEST', details: [{ field: 'key' }] },
    });
    const extra = await postJson(app, '/api/session', { key: keys.admin, role: 'admin' });
    expect(extra.body).toMatchObject({
      error: { code: 'INVALID_REQUEST', details: [{ field: '' }] },
    });
    const tooLong = await postJson(app, '/api/session', { key: 'k'.repeat(300) });
    expect(tooLong.body).toMatchObject({ error: { details: [{ field: 'key' }] } });
    expect(await t.db.selectFrom('sessions').select('id_hash').execute()).not.toHaveLength(0);
  });

  it('limits failed sign-ins per client, not counting successes, and not across clients', async () => {
    const { app: limited } = createTestApp(t.db, questionnaires, {
      config: {
        bodyLimitBytes: 65_536,
        timeZone: 'Asia/Jakarta',
        clientDir: '/nonexistent',
        signInAttempts: 3,
      },
    });
    const attempt = (key: string, address: string) =>
      limited.request(
        '/api/session',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key }),
        },
        from(address),
      );
    for (let i = 0; i < 5; i++) expect((await attempt(keys.admin, '10.0.0.1')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await attempt('nsk_wrong', '10.0.0.1')).status).toBe(401);
    const blocked = await attempt(keys.admin, '10.0.0.1');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await blocked.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    expect((await attempt(keys.admin, '10.0.0.2')).status).toBe(200);
  });
});
