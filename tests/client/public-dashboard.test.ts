// The public dashboard at / in headless Chromium on the real server with the synthetic KASN-sized wave: figures equal to the API's, hidden rows without numbers, both languages accessible, no survey renderer.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, publishedText } from '../../client/dashboard/format';
import type {
  PublicHeadline,
  PublicRanking,
  PublicStudy,
  PublicViolations,
} from '../../server/services/results/results-types';
import { syntheticStudyId } from '../../server/services/seed/synthetic-wave';
import { createDatabase } from '../../server/storage/db/create-database';
import { saveDisclosureSettings } from '../../server/storage/repositories/disclosure-settings';
import { exited, freePort, startServerProcess } from '../helpers/server-process';

const root = resolve(import.meta.dirname, '../..');
const assetsDir = resolve(root, 'dist/client/assets');
/** `SCREENSHOTS=1` also writes docs/screenshots/public-dashboard.png (360 × 740, full page). */
const screenshot =
  process.env.SCREENSHOTS === '1'
    ? resolve(root, 'docs/screenshots/public-dashboard.png')
    : undefined;
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
/** Seeding 10,617 responses and deciding their disclosed set, on a shared machine. */
const warmUp = 600_000;

let server: { url: string; child: ChildProcess; dir: string };
let browser: Browser;

async function api<T>(path: string): Promise<T> {
  // Once more on a reset: a kept-alive socket the server closed while a step waited long.
  const res = await fetch(`${server.url}${path}`).catch(() => fetch(`${server.url}${path}`));
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  // The real entry point in its own process, as the quick start runs it: it seeds the demo
  // with the synthetic wave.
  const dir = mkdtempSync(join(tmpdir(), 'public-dashboard-'));
  const port = await freePort();
  const child = startServerProcess(port, join(dir, 'test.db'), { HOST: '127.0.0.1' });
  server = { url: `http://127.0.0.1:${port}`, child, dir };
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  // Seeding 10,617 responses comes before listening and takes a while on a busy machine.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const up = await fetch(`${server.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // A sensitive k of 200 hides the smaller provinces on H2 (bases of about 100–180), so the
  // ranking has hidden rows; set before any figure is computed.
  const db = createDatabase({ dialect: 'sqlite', path: join(dir, 'test.db') });
  await saveDisclosureSettings(db, {
    studyId: syntheticStudyId,
    minimumCellSize: 10,
    sensitiveMinimumCellSize: 200,
    sensitiveQuestions: ['H2', 'H3', 'H4', 'H5', 'H6'],
    public: true,
  });
  await db.destroy();
  // Computed once per language here, so no page step waits minutes for it.
  await api(`/api/public/studies/${syntheticStudyId}/headline?lang=id`);
  await api(`/api/public/studies/${syntheticStudyId}/headline?lang=en`);
}, warmUp);

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    await exited(server.child);
    rmSync(server.dir, { recursive: true, force: true });
  }
});

/** A fresh 360×740 phone profile recording every path it requested. */
async function phone() {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  return { context, page, requests };
}

/** The dashboard loaded in `lang`, with its ranking of `indicator` by `by` on screen. */
async function loaded(page: Page, lang: 'id' | 'en', indicator = 'H2:ya', by = 'province') {
  await page.locator(`[data-testid=dashboard][data-lang=${lang}]`).waitFor({ timeout: 120_000 });
  await page
    .locator(`[data-testid=ranking][data-indicator="${indicator}"][data-by="${by}"]`)
    .waitFor({ timeout: 120_000 });
}

const text = async (page: Page, selector: string): Promise<string[]> =>
  (await page.locator(selector).allTextContents()).map((t) => t.trim());

/** The ranking table's rows as [rank, name, figure] texts. */
async function rankingRows(page: Page): Promise<string[][]> {
  return page
    .locator('[data-testid=ranking] tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())),
    );
}

function expectedRanking(ranking: PublicRanking, lang: 'id' | 'en'): string[][] {
  const group = lang === 'id' ? 'Kelompok' : 'Group';
  return ranking.entries.map((e) => [
    e.rank
      ? `${e.rank.best === e.rank.worst ? e.rank.best : `${e.rank.best}–${e.rank.worst}`}${group} ${e.rank.tieGroup}`
      : '–',
    e.label,
    cellText(e.cell, lang),
  ]);
}

/** axe-core's WCAG A/AA rules and best practices, with label-in-name on; one line per violation. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
    return result.violations;
  });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('public dashboard at /', () => {
  it('shows the headline indicators beside the published 2021 figures, the synthetic label, the breakdowns and the ranking on a 360 px screen, each figure as the API gives it', async () => {
    const { context, page } = await phone();
    // The quick start's `/` is the KASN-sized synthetic wave: the demo's small study (400
    // made-up answers for the agency dashboard) is not public.
    await page.goto(`${server.url}/`);
    await loaded(page, 'id');
    const studies = await api<PublicStudy[]>('/api/public/studies?lang=id');
    expect(studies.map((s) => s.id)).toEqual([syntheticStudyId]);
    expect(await page.getByTestId('study').getAttribute('data-study')).toBe(syntheticStudyId);
    const headline = await api<PublicHeadline>(
      `/api/public/studies/${syntheticStudyId}/headline?lang=id`,
    );
    expect(await page.getByTestId('synthetic').textContent()).toContain('Data sintetis');

    const table = page.getByTestId('headline-table');
    expect(headline.indicators.length).toBeGreaterThanOrEqual(10);
    for (const indicator of headline.indicators) {
      const row = table.locator(
        `tr[data-indicator="${indicator.variable}:${indicator.options.join('+')}"]`,
      );
      expect(await row.locator('th').textContent()).toBe(indicator.label);
      expect(await row.locator('[data-cell=national]').textContent()).toContain(
        cellText(indicator.national, 'id'),
      );
      expect(await row.locator('[data-cell=published]').textContent()).toContain(
        publishedText(indicator.published.percent, 'id'),
      );
    }
    // The first indicator's breakdowns, by island region and by position type.
    const first = headline.indicators[0]!;
    for (const [key, entries] of [
      ['island-region', first.byIslandRegion],
      ['position-type', first.byPositionType],
    ] as const) {
      expect(entries.length).toBeGreaterThan(1);
      expect(await text(page, `[data-breakdown=${key}] tbody td`)).toEqual(
        entries.map((e) => cellText(e.cell, 'id')),
      );
    }
    const ranking = await api<PublicRanking>(
      `/api/public/studies/${syntheticStudyId}/ranking?indicator=H2:ya&by=province&lang=id`,
    );
    await expect.poll(() => rankingRows(page)).toEqual(expectedRanking(ranking, 'id'));
    // Every chart is an image with a text alternative, and nothing is wider than the phone.
    await expect
      .poll(() => page.locator('svg.chart[role=img][aria-label]').count())
      .toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    const violations = await api<PublicViolations>('/api/public/violations?lang=id');
    const shown = page.getByTestId('violations-table').locator('tbody tr');
    expect(await shown.count()).toBe(violations.violations.length);
    const illustrative = violations.violations.filter((v) => v.illustrative).length;
    expect(illustrative).toBeGreaterThan(0);
    expect(await shown.locator('.badge', { hasText: 'ilustratif' }).count()).toBe(illustrative);
    const balikpapan = violations.violations.find((v) => !v.illustrative)!;
    const row = shown.filter({ hasText: balikpapan.source }).first();
    expect(await row.textContent()).toContain(String(balikpapan.electionYear));
    await context.close();
  });

  it('marks hidden rows of the ranking as hidden, with the reason and no number', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.url}/?study=${syntheticStudyId}`);
    await loaded(page, 'id');
    const ranking = await api<PublicRanking>(
      `/api/public/studies/${syntheticStudyId}/ranking?indicator=H2:ya&by=province&lang=id`,
    );
    const hidden = ranking.entries.filter((e) => e.rank === null);
    expect(hidden.length).toBeGreaterThan(0);
    const rows = page.locator('[data-testid=ranking] tbody tr[data-hidden=true]');
    expect(await rows.count()).toBe(hidden.length);
    for (const row of await rows.all()) {
      const content = (await row.textContent()) ?? '';
      expect(content).toMatch(/Disembunyikan \(/);
      expect(content).not.toMatch(/\d/);
    }
    // The chart draws the same rows: hidden ones as words, never as a mark.
    const chart = page.locator('[data-testid=ranking] svg.chart');
    await expect
      .poll(() => chart.locator('text', { hasText: 'Disembunyikan' }).count())
      .toBe(hidden.length);
    await context.close();
  });

  it('redraws the ranking for another indicator and for agency types, as the API ranks them', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.url}/?study=${syntheticStudyId}`);
    await loaded(page, 'id');
    await page.getByLabel('Indikator peringkat').selectOption('B1:ya');
    await loaded(page, 'id', 'B1:ya');
    const byProvince = await api<PublicRanking>(
      `/api/public/studies/${syntheticStudyId}/ranking?indicator=B1:ya&by=province&lang=id`,
    );
    await expect.poll(() => rankingRows(page)).toEqual(expectedRanking(byProvince, 'id'));
    await page.getByRole('radio', { name: 'Jenis instansi' }).check();
    await loaded(page, 'id', 'B1:ya', 'type');
    const byType = await api<PublicRanking>(
      `/api/public/studies/${syntheticStudyId}/ranking?indicator=B1:ya&by=type&lang=id`,
    );
    expect(byType.entries.length).toBeGreaterThan(1);
    await expect.poll(() => rankingRows(page)).toEqual(expectedRanking(byType, 'id'));
    await context.close();
  });

  it('switches to English, labels and figures from the English API, and axe-core finds no violation in either language', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.url}/?study=${syntheticStudyId}`);
    await loaded(page, 'id');
    expect(await axeViolations(page), 'id').toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await loaded(page, 'en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { name: 'National ASN Neutrality Dashboard' }).waitFor();
    const headline = await api<PublicHeadline>(
      `/api/public/studies/${syntheticStudyId}/headline?lang=en`,
    );
    expect(await text(page, '[data-testid=headline-table] tbody th')).toEqual(
      headline.indicators.map((i) => i.label),
    );
    expect(await page.getByTestId('synthetic').textContent()).toContain('Synthetic data');
    const ranking = await api<PublicRanking>(
      `/api/public/studies/${syntheticStudyId}/ranking?indicator=H2:ya&by=province&lang=en`,
    );
    await expect.poll(() => rankingRows(page)).toEqual(expectedRanking(ranking, 'en'));
    expect(await axeViolations(page), 'en').toEqual([]);
    await context.close();
  });

  it('never asks for the survey renderer, and takes a 360×740 full-page screenshot', async () => {
    const { context, page, requests } = await phone();
    await page.goto(`${server.url}/?study=${syntheticStudyId}`);
    await loaded(page, 'id');
    await page.waitForLoadState('networkidle');
    // The renderer's chunks are those holding SurveyJS's root class.
    const renderer = readdirSync(assetsDir)
      .filter(
        (f) =>
          f.endsWith('.js') && readFileSync(join(assetsDir, f), 'utf8').includes('sd-root-modern'),
      )
      .map((f) => `/assets/${f}`);
    expect(renderer.length).toBeGreaterThan(0);
    expect(requests.filter((path) => renderer.includes(path))).toEqual([]);
    expect(requests.some((path) => /\/assets\/.*\.js$/.test(path))).toBe(true);
    const png = await page.screenshot({
      fullPage: true,
      ...(screenshot ? { path: screenshot } : {}),
    });
    // PNG width, big-endian at byte 16 of the IHDR chunk: nothing overflows the phone's width.
    expect(png.readUInt32BE(16)).toBe(360);
    await context.close();
  });
});
