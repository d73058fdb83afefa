// Browser tests of loading on a slow link: text before any script, compressed and cached assets, a quick 404 without the survey code.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { linkPath, phone, sleman, useRespondentBrowser } from '../helpers/respondent-browser';

const t = useRespondentBrowser();

/** What the page shows while no script has arrived (all scripts held back). */
async function withoutScripts(page: Page, url: string): Promise<number | undefined> {
  await page.route('**/*.js', () => undefined);
  // Module scripts hold back DOMContentLoaded, so wait only for the response itself.
  const response = await page.goto(url, { waitUntil: 'commit' });
  return response?.status();
}

interface Transfer {
  url: string;
  encoding: string | undefined;
  cacheControl: string | undefined;
  fromCache: boolean;
}

/** Every response of the page, as the DevTools protocol saw it (encoding, cache use). */
async function recordTransfers(page: Page): Promise<Transfer[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const seen: Transfer[] = [];
  // Memory-cache hits are announced by their own event before the response.
  const servedFromCache = new Set<string>();
  cdp.on('Network.requestServedFromCache', (e) => servedFromCache.add(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    const header = (name: string) =>
      Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === name)?.[1];
    seen.push({
      url: e.response.url,
      encoding: header('content-encoding'),
      cacheControl: header('cache-control'),
      fromCache:
        servedFromCache.has(e.requestId) ||
        Boolean(e.response.fromDiskCache || e.response.fromServiceWorker),
    });
  });
  return seen;
}

describe('on a slow link', () => {
  it('says what is loading, in the chosen language, before any script has arrived', async () => {
    const { context, page } = await phone(t.browser);
    expect(await withoutScripts(page, t.server.url + linkPath(sleman))).toBe(200);
    await page.getByText('Memuat kuesioner…').waitFor();
    expect(await page.getByText('Instansi: Kabupaten Sleman').isVisible()).toBe(true);
    // The device's choice of English (a cookie the page sets) reaches the server's first words.
    await context.addCookies([{ name: 'netralitas-lang', value: 'en', url: t.server.url }]);
    await page.goto(t.server.url + linkPath(sleman), { waitUntil: 'commit' });
    await page.getByText('Loading the questionnaire…').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('remembers a language picked on the page for the server’s first words of the next visit', async () => {
    const { context, page } = await phone(t.browser);
    await page.goto(t.server.url + linkPath(sleman));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Before you begin' }).waitFor();
    await withoutScripts(page, t.server.url + linkPath(sleman));
    await page.getByText('Loading the questionnaire…').waitFor();
    await context.close();
  });

  it('answers a mistyped link with 404 and its problem page, with no survey code and no API request', async () => {
    const { context, page } = await phone(t.browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const response = await page.goto(`${t.server.url}/s/netralitas-asn-2021/kab-slemen`);
    expect(response?.status()).toBe(404);
    // Readable from the HTML itself, then kept by the page once its small script runs.
    await page.getByRole('heading', { name: 'Tautan tidak dikenal' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);
    expect(requests.filter((p) => /survey-runtime|respondent-page|^\/api\//.test(p))).toEqual([]);
    await context.close();
  });

  it('sends scripts and styles brotli-compressed and cached for a year, and a repeat visit takes them from the cache', async () => {
    const { context, page } = await phone(t.browser);
    const first = await recordTransfers(page);
    await page.goto(t.server.url + linkPath(sleman));
    await page.getByRole('button', { name: 'Saya setuju, mulai mengisi' }).click();
    await page.locator('.sd-question').first().waitFor();
    await page.waitForLoadState('networkidle');
    const assets = first.filter((t) => new URL(t.url).pathname.startsWith('/assets/'));
    const big = assets.filter((t) => /survey-runtime|index-/.test(t.url));
    expect(big.length).toBeGreaterThanOrEqual(3);
    for (const t of assets) {
      expect(t.cacheControl, t.url).toBe('public, max-age=31536000, immutable');
    }
    for (const t of big) expect(t.encoding, t.url).toBe('br');
    const api = first.filter((t) => t.url.endsWith('/questionnaire'));
    // The page asks once; the service worker may fetch it again to keep it for offline use.
    expect(api.length).toBeGreaterThanOrEqual(1);
    for (const t of api) expect(t.encoding, t.url).toBe('gzip');

    const again = await recordTransfers(page);
    await page.goto(t.server.url + linkPath(sleman));
    await page.getByRole('button', { name: 'Saya setuju, mulai mengisi' }).click();
    await page.locator('.sd-question').first().waitFor();
    const repeatAssets = again.filter((t) => new URL(t.url).pathname.startsWith('/assets/'));
    expect(repeatAssets.length).toBeGreaterThan(0);
    expect(repeatAssets.filter((t) => !t.fromCache).map((t) => t.url)).toEqual([]);
    await context.close();
  });
});
