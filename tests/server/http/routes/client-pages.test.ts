// Tests serving the built client: assets, the page for client routes, and the JSON 404 elsewhere.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../server/http/app.ts';
import { createDatabase } from '../../../../server/storage/db/create-database.ts';
import { QuestionnaireRegistry } from '../../../../server/services/questionnaires/questionnaire-registry.ts';

const clientDir = mkdtempSync(join(tmpdir(), 'client-build-'));
mkdirSync(join(clientDir, 'assets'));
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(clientDir, 'assets', 'main-abc123.js'), 'console.log(1)');
// Static routes never touch the database; an unmigrated in-memory one is enough.
const db = createDatabase({ dialect: 'sqlite', path: ':memory:' });
afterAll(async () => {
  await db.destroy();
  rmSync(clientDir, { recursive: true, force: true });
});

const app = createApp({
  db,
  questionnaires: new QuestionnaireRegistry([]),
  config: { bodyLimitBytes: 1024, timeZone: 'Asia/Jakarta', clientDir },
});

describe('client pages', () => {
  it.each(['/', '/s/netralitas-asn-2021/kab-sleman', '/s/netralitas-asn-token/t/abcDEF123_-xyz'])(
    'serves the client page for %s, to be revalidated',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await res.text()).toContain('<div id="root">');
    },
  );

  it.each(['/', '/s/netralitas-asn-token/t/abcDEF123_-xyz'])(
    'sends %s with a policy that allows only the server’s own scripts, styles and API',
    async (path) => {
      const res = await app.request(path);
      const policy = res.headers.get('content-security-policy') ?? '';
      const directives = policy.split(';').map((d) => d.trim());
      expect(directives).toEqual([
        "default-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]);
      // Scripts fall back to default-src: no inline script, no eval.
      expect(policy).not.toMatch(/script-src/);
    },
  );

  it('serves hashed assets as immutable', async () => {
    const res = await app.request('/assets/main-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers a missing file with the JSON 404, not the page', async () => {
    const res = await app.request('/assets/missing-123.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('serves no page when the client was not built', async () => {
    const bare = createApp({
      db,
      questionnaires: new QuestionnaireRegistry([]),
      config: {
        bodyLimitBytes: 1024,
        timeZone: 'Asia/Jakarta',
        clientDir: join(clientDir, 'nope'),
      },
    });
    expect((await bare.request('/s/x/y')).status).toBe(404);
  });
});
