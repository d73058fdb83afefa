// Tests serving the built client: precompressed assets, caching, the page shell per path and language, and 404 for unknown links.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../server/http/app.ts';
import { createDatabase } from '../../../../server/storage/db/create-database.ts';
import { QuestionnaireRegistry } from '../../../../server/services/questionnaires/questionnaire-registry.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

const clientDir = mkdtempSync(join(tmpdir(), 'client-build-'));
mkdirSync(join(clientDir, 'assets'));
mkdirSync(join(clientDir, '.vite'));
const template =
  '<!doctype html><html lang="id"><head><title>x</title>' +
  '<script type="module" crossorigin src="/assets/index-abc.js"></script></head>' +
  '<body><div id="root"></div></body></html>';
writeFileSync(join(clientDir, 'index.html'), template);
const script = 'console.log("a script long enough to be worth compressing");\n'.repeat(40);
writeFileSync(join(clientDir, 'assets', 'main-abc123.js'), script);
writeFileSync(join(clientDir, 'assets', 'main-abc123.js.br'), brotliCompressSync(script));
writeFileSync(join(clientDir, 'assets', 'main-abc123.js.gz'), gzipSync(script));
writeFileSync(join(clientDir, 'service-worker.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(
  join(clientDir, '.vite', 'manifest.json'),
  JSON.stringify({
    'index.html': { file: 'assets/index-abc.js', isEntry: true },
    'respondent/respondent-page.tsx': {
      file: 'assets/respondent-page-def.js',
      imports: ['index.html', '_shared-ghi.js'],
      css: ['assets/respondent-page-jkl.css'],
    },
    '_shared-ghi.js': { file: 'assets/shared-ghi.js' },
    'respondent/unknown-path-page.tsx': { file: 'assets/unknown-path-page-mno.js' },
  }),
);
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

describe.each(testDialects())('client pages on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    app = createApp({
      db: t.db,
      questionnaires: studies.questionnaires,
      config: { bodyLimitBytes: 1024, timeZone: 'Asia/Jakarta', clientDir },
    });
  });

  it.each(['/', '/s/open-study/kab-sleman', '/s/closed-study/kab-bantul/'])(
    'serves the page shell for %s, to be revalidated',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await res.text()).toContain('<div id="root"><header class="page-header">');
    },
  );

  it.each([
    ['/masuk', 'sign-in'],
    ['/research', 'research'],
    ['/admin', 'admin'],
    ['/agency', 'agency'],
  ])('serves the signed-in page %s as a page (the client asks for sign-in)', async (path, page) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`data-page="${page}"`);
  });

  it('serves a known invitation link as a page, spent or not', async () => {
    const res = await app.request(`/s/token-study/t/${studies.tokens[0]}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Instansi: Kabupaten Sleman');
  });

  it('writes what is loading, and the agency, into the page before any script runs, in the chosen language', async () => {
    const id = await (await app.request('/s/open-study/kab-sleman')).text();
    expect(id).toContain('<html lang="id" data-page="respondent"');
    expect(id).toContain('Memuat kuesioner…');
    expect(id).toContain('Instansi: Kabupaten Sleman');
    // The respondent page's own chunks and styles start downloading with the entry script.
    expect(id).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/respondent-page-def.js">',
    );
    expect(id).toContain('<link rel="modulepreload" crossorigin href="/assets/shared-ghi.js">');
    expect(id).toContain(
      '<link rel="preload" as="style" crossorigin href="/assets/respondent-page-jkl.css">',
    );
    expect(id).not.toContain('href="/assets/index-abc.js"');

    const byQuery = await (await app.request('/s/open-study/kab-sleman?lang=en')).text();
    expect(byQuery).toContain('<html lang="en"');
    expect(byQuery).toContain('Loading the questionnaire…');
    expect(byQuery).toContain('Agency: Kabupaten Sleman');
    const byCookie = await app.request('/s/open-study/kab-sleman', {
      headers: { cookie: 'netralitas-lang=en' },
    });
    expect(await byCookie.text()).toContain('Loading the questionnaire…');
    expect(byCookie.headers.get('vary')).toMatch(/Cookie/);
    // The link wins over the device's choice, and nonsense falls back to Indonesian.
    const both = await app.request('/s/open-study/kab-sleman?lang=id', {
      headers: { cookie: 'netralitas-lang=en' },
    });
    expect(await both.text()).toContain('Memuat kuesioner…');
    expect(await (await app.request('/?lang=xx')).text()).toContain('<html lang="id"');
  });

  it.each([
    '/s/open-study/kab-tidak-ada',
    '/s/studi-tidak-ada/kab-sleman',
    '/s/token-study/kab-sleman',
    '/s/open-study/t/whatever',
    '/s/token-study/t/undanganTidakAda123456789',
    '/s/open-study',
    '/s',
    '/s/open-study/kab-sleman/extra',
    '/s/open-study/%E0%A4%A',
    '/tidak/ada',
  ])(
    'answers %s with a real 404 and the problem page, without the respondent code',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toContain('data-page="not-found"');
      expect(html).toContain('<h1>Tautan tidak dikenal</h1>');
      expect(html).not.toContain('respondent-page-def.js');
      expect(html).toContain('unknown-path-page-mno.js');
    },
  );

  it('names the problem in English when asked, and escapes what the path carries', async () => {
    const res = await app.request('/s/%3Cscript%3E/x?lang=en');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<h1>Unknown link</h1>');
    expect(html).not.toContain('<script>');
  });

  it('sends every page with a policy that allows only the server’s own scripts, styles, workers and API', async () => {
    for (const path of ['/', '/s/open-study/kab-sleman', '/tidak/ada']) {
      const res = await app.request(path);
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy.split(';').map((d) => d.trim())).toEqual([
        "default-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]);
      // Scripts fall back to default-src: no inline script, no eval.
      expect(policy).not.toMatch(/script-src/);
    }
  });

  it('serves hashed assets as immutable, as brotli or gzip when the browser takes it', async () => {
    const br = await app.request('/assets/main-abc123.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.status).toBe(200);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);

    const gz = await app.request('/assets/main-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    const plain = await app.request('/assets/main-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(script);
  });

  it('serves the service worker to be revalidated, and keeps the build manifest to itself', async () => {
    const sw = await app.request('/service-worker.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/.vite/manifest.json')).status).toBe(404);
  });

  it('gzips JSON answers of the API', async () => {
    const res = await app.request('/api/studies/open-study/questionnaire', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
    const json = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()) as {
      locale: string;
    };
    expect(json.locale).toBe('id');
  });

  it('answers a missing file with the JSON 404, not the page', async () => {
    const res = await app.request('/assets/missing-123.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it.each(['/api', '/api/', '/api/nope', '/api/studies/x/nope'])(
    'answers the API path %s it does not know with the JSON 404, not a page',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    },
  );
});

describe('client pages without a build', () => {
  it('serves no page', async () => {
    const db = createDatabase({ dialect: 'sqlite', path: ':memory:' });
    const bare = createApp({
      db,
      questionnaires: new QuestionnaireRegistry([]),
      config: {
        bodyLimitBytes: 1024,
        timeZone: 'Asia/Jakarta',
        clientDir: join(clientDir, 'nope'),
      },
    });
    const res = await bare.request('/s/x/y');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await db.destroy();
  });
});
