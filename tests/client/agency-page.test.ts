// End-to-end tests of the agency dashboard at /agency in headless Chromium on the real server: sign-in, figures equal to the API's, suppressed cells, CSV, below-k agencies, accessibility at 360 px.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClientBuild } from '../../server/http/pages/client-build';
import { closeStudyWave } from '../../server/services/administration/study-waves';
import { createAccessKey } from '../../server/services/auth/access-keys';
import { demoStudyId, demoTokenStudyId } from '../../server/services/seed/seed-demo';
import { findOpenWave } from '../../server/storage/repositories/waves';
import type {
  AgencyResults,
  DisclosedCell,
  SuppressionReason,
} from '../../server/services/results/results-types';
import { startTestServer, type TestServer } from '../helpers/test-server';

const root = resolve(import.meta.dirname, '../..');
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
/** `SCREENSHOTS=1` also writes docs/screenshots/agency-dashboard.png (360 × 740, full page). */
const screenshots = process.env.SCREENSHOTS === '1';

let server: TestServer;
let browser: Browser;
let files: string;
/** The agency with the most respondents (at least k) and one with some, but fewer than k. */
const big = { code: '', key: '', id: undefined as unknown as AgencyResults, en: '' };
const small = { code: '', key: '', respondents: 0 };

async function api(path: string, key: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ demoResponses: 300 }),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    }),
  ]);
  const rows = await server.db
    .selectFrom('responses')
    .select(({ fn }) => ['agency_code', fn.countAll<number>().as('n')])
    .groupBy('agency_code')
    .execute();
  const byCount = rows
    .map((r) => ({ code: r.agency_code, n: Number(r.n) }))
    .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code));
  const today = '2026-11-29';
  // Agencies see released waves only: the team closes the demo wave, as at the end of fieldwork.
  const wave = (await findOpenWave(server.db, demoStudyId))!;
  await closeStudyWave(server.db, demoStudyId, wave.id, today);
  big.code = byCount[0]!.code;
  const few = byCount.find((r) => r.n > 0 && r.n < 10)!;
  small.code = few.code;
  small.respondents = few.n;
  big.key = (await createAccessKey(server.db, { role: 'agency', agencyCode: big.code, today })).key;
  small.key = (
    await createAccessKey(server.db, { role: 'agency', agencyCode: small.code, today })
  ).key;
  // The first request of a language computes the disclosed set of the whole wave (the slow
  // part); later ones, the page's included, reuse it.
  big.id = (await (await api('/api/agency/results?lang=id', big.key)).json()) as AgencyResults;
  big.en = await (await api('/api/agency/results?lang=en', big.key)).text();
  files = mkdtempSync(join(tmpdir(), 'agency-page-'));
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

async function open(width = 1280, height = 800) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}

async function signIn(page: Page, key: string) {
  await page.goto(`${server.url}/masuk`);
  await page.getByLabel('Kunci akses').fill(key);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

async function dashboard(page: Page, lang = 'id'): Promise<Locator> {
  const view = page.locator(`[data-testid=agency-dashboard][data-lang="${lang}"]`);
  await view.waitFor({ timeout: 120_000 });
  return view;
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's CSP rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    return (await axe.run(document)) as {
      violations: { id: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const pct = (value: number) =>
  `${(value * 100).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

/** What the page must write for a hidden cell: the word, the reason, and no figure. */
const reasonWords: Record<SuppressionReason, (k: number) => string> = {
  'below-minimum': (k) => `di bawah k: dasar kurang dari ${k} responden`,
  complementary: () => 'komplementer: agar sel lain yang disembunyikan tidak dapat dihitung',
  'peer-group-too-small': () => 'kelompok sejawat terlalu kecil',
  'agency-below-minimum': (k) => `instansi di bawah k = ${k} responden`,
};

/** Checks one table cell against the API's cell: the same share and interval, or the same reason. */
async function expectCell(cell: Locator, json: DisclosedCell, k: number, where: string) {
  if (json.suppressed !== null) {
    expect(await cell.locator('[data-suppressed]').getAttribute('data-suppressed'), where).toBe(
      json.suppressed,
    );
    expect((await cell.textContent())?.trim(), where).toBe(
      `⊘ disembunyikan ${reasonWords[json.suppressed](k)}`,
    );
    return;
  }
  const f = json.figures;
  const share = f.bound
    ? `${f.bound.side === 'at-least' ? '≥' : '≤'} ${pct(f.bound.value)}`
    : f.estimate === null
      ? '–'
      : pct(f.estimate);
  expect(await cell.locator('.share').textContent(), where).toBe(share);
  if (f.ciLow !== null && f.ciHigh !== null && f.bound === null) {
    const ci = `IK 95% ${pct(f.ciLow).slice(0, -1)}–${pct(f.ciHigh).slice(0, -1)}`;
    expect(await cell.locator('.ci').textContent(), where).toBe(ci);
  }
  expect(await cell.locator('.base').textContent(), where).toBe(
    `n = ${f.nBase.toLocaleString('id-ID')}`,
  );
}

describe('agency dashboard', () => {
  it('is served at /agency and sends the signed-out to sign-in, then back to the dashboard', async () => {
    const res = await fetch(`${server.url}/agency`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-page="agency"');

    const { context, page } = await open();
    await page.goto(`${server.url}/agency`);
    await page.waitForURL(/\/masuk\?next=%2Fagency$/);
    await page.getByLabel('Kunci akses').fill(big.key);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/agency$/);
    await dashboard(page);
    await context.close();
  }, 180_000);

  it('lands an agency on its dashboard after sign-in, with hidden cells marked "disembunyikan" and why, never a figure', async () => {
    expect(big.id.agency.shown).toBe(true);
    const { context, page } = await open();
    await signIn(page, big.key);
    await page.waitForURL(/\/agency$/);
    const view = await dashboard(page);
    expect(await view.getAttribute('data-agency')).toBe(big.code);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Dasbor instansi: ${big.id.agency.name}`,
    );
    expect(big.id.study.synthetic).toBe(true);
    expect(await page.getByTestId('synthetic').textContent()).toBe('Data sintetis (demo)');
    const footnotes = await page.getByTestId('footnotes').textContent();
    expect(footnotes).toContain(`k = ${big.id.disclosure.minimumCellSize} responden`);
    expect(footnotes).toContain(big.id.significanceNote);

    // The breakdowns of the first question: every hidden cell reads as such, with its reason.
    const k = big.id.disclosure.minimumCellSize;
    const question = big.id.comparison[0]!.question;
    const own = big.id.breakdowns.filter((r) => r.question === question);
    expect(own.length).toBeGreaterThan(0);
    const hidden = own.filter((r) => r.cell.suppressed !== null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of own) {
      const variable = r.domainVariables[1]!;
      const cell = page.locator(
        `[data-testid=breakdown-table][data-variable="${variable}"] tr[data-category="${r.domainValues[1]}"][data-option="${r.option}"] td[data-series=agency]`,
      );
      await expectCell(cell, r.cell, k, `${variable}=${r.domainValues[1]} ${r.option}`);
    }
    // Sex, education and position type, as the API sends them.
    const variables = await page
      .getByTestId('breakdown-table')
      .evaluateAll((tables) => tables.map((t) => t.getAttribute('data-variable')));
    expect(variables).toEqual([...new Set(big.id.breakdowns.map((r) => r.domainVariables[1]))]);
    await context.close();
  }, 180_000);

  it('shows the figures, marks and index of the JSON API, for the first question and one with a mark', async () => {
    const { context, page } = await open();
    await signIn(page, big.key);
    await page.waitForURL(/\/agency$/);
    await dashboard(page);
    const marked = big.id.comparison.find((r) => r.significance !== null);
    expect(marked).toBeDefined();
    for (const question of [big.id.comparison[0]!.question, marked!.question]) {
      await page.getByRole('combobox', { name: 'Pertanyaan' }).selectOption(question);
      await page.locator(`[data-testid=comparison][data-question="${question}"]`).waitFor();
      const k = big.id.disclosure.sensitiveQuestions.includes(question)
        ? big.id.disclosure.sensitiveMinimumCellSize
        : big.id.disclosure.minimumCellSize;
      const rows = big.id.comparison.filter((r) => r.question === question);
      const table = page.getByTestId('comparison-table');
      expect(await table.locator('tbody tr').count()).toBe(rows.length);
      for (const r of rows) {
        const tr = table.locator(`tr[data-option="${r.option}"]`);
        for (const series of ['agency', 'national', 'peer'] as const) {
          await expectCell(tr.locator(`td[data-series=${series}]`), r[series], k, `${r.option}`);
        }
        expect(await tr.locator('td[data-significance]').getAttribute('data-significance')).toBe(
          r.significance?.direction ?? 'none',
        );
      }
      // The chart draws every shown cell with an estimate: one marker per series and row.
      const drawn = rows.flatMap((r) =>
        (['agency', 'national', 'peer'] as const).filter(
          (s) =>
            r[s].figures !== null &&
            (r[s].figures.estimate !== null || r[s].figures.bound !== null),
        ),
      ).length;
      const markers = await page
        .locator('[data-testid=comparison] svg.chart')
        .locator('circle, rect, polygon')
        .count();
      expect(markers).toBe(drawn);
    }
    const marks = big.id.comparison.filter((r) => r.significance !== null).length;
    expect(await page.locator('[data-testid=significant] li').count()).toBe(marks);

    const index = big.id.perceptionIndexes[0]!;
    const tile = page.locator('[data-testid=perception-index] [data-series=agency]');
    if (index.agency.suppressed === null) {
      expect(Number(await tile.locator('[data-index]').getAttribute('data-index'))).toBe(
        index.agency.index,
      );
      expect(await tile.locator('[data-grade]').getAttribute('data-grade')).toBe(
        index.agency.grade,
      );
    } else {
      expect(await tile.locator('[data-suppressed]').getAttribute('data-suppressed')).toBe(
        index.agency.suppressed,
      );
    }
    expect(await page.locator('[data-count=total]').textContent()).toBe(
      String(big.id.agency.respondents),
    );
    for (const variable of big.id.respondentCounts) {
      for (const c of variable.categories) {
        const item = page.locator(
          `[data-testid=respondent-counts] [data-variable="${variable.variable}"] [data-category="${c.value}"]`,
        );
        if (c.respondents === null) {
          expect(await item.locator('[data-suppressed]').getAttribute('data-suppressed')).toBe(
            c.suppressed,
          );
          expect(await item.textContent()).toBe(`${c.label}: ⊘ disembunyikan`);
          const note = page.locator(
            `[data-testid=respondent-counts] [data-variable="${variable.variable}"] .note`,
          );
          expect(await note.textContent()).toContain(
            reasonWords[c.suppressed!](big.id.disclosure.minimumCellSize),
          );
        } else {
          expect(await item.textContent()).toBe(`${c.label}: ${c.respondents}`);
        }
      }
    }
    await context.close();
  }, 180_000);

  it('downloads the CSV of the same study and language as the page, equal to the API’s, and prints a one-page summary', async () => {
    const { context, page } = await open();
    await signIn(page, big.key);
    await page.waitForURL(/\/agency$/);
    await dashboard(page);
    const link = page.getByTestId('csv-link');
    expect(await link.getAttribute('href')).toBe(
      `/api/agency/results.csv?study=${big.id.study.id}&lang=id`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${big.id.study.id}-${big.code}-results.csv`);
    const path = join(files, 'agency.csv');
    await download.saveAs(path);
    // Bytes, not text: the CSV starts with a byte-order mark that text decoding drops.
    const expected = Buffer.from(
      await (
        await api(`/api/agency/results.csv?study=${big.id.study.id}&lang=id`, big.key)
      ).arrayBuffer(),
    );
    expect(readFileSync(path).equals(expected)).toBe(true);
    expect(expected.toString('utf8')).toContain(big.code);

    // The print button prints; what it prints (the print style sheet) is one A4 page.
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printed = 'yes';
      };
    });
    await page.getByRole('button', { name: 'Cetak ringkasan' }).click();
    expect(await page.evaluate(() => document.body.dataset.printed)).toBe('yes');
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await context.close();
  }, 180_000);

  it('shows an agency below k only its response count and why', async () => {
    const { context, page } = await open();
    await signIn(page, small.key);
    await page.waitForURL(/\/agency$/);
    const view = await dashboard(page);
    expect(await view.getAttribute('data-shown')).toBe('false');
    expect(await page.getByTestId('agency-respondents').textContent()).toBe(
      String(small.respondents),
    );
    expect(await page.getByTestId('agency-below-k').textContent()).toContain(
      `baru memiliki ${small.respondents} responden`,
    );
    for (const absent of [
      'comparison-table',
      'breakdown-table',
      'perception-index',
      'significant',
      'csv-link',
    ]) {
      expect(await page.getByTestId(absent).count(), absent).toBe(0);
    }
    expect(await page.locator('svg.chart').count()).toBe(0);
    await context.close();
  }, 180_000);

  it('shows a study whose wave is still open as not released, without a figure', async () => {
    const { context, page } = await open();
    await signIn(page, big.key);
    await page.waitForURL(/\/agency$/);
    await dashboard(page);
    await page.goto(`${server.url}/agency?study=${demoTokenStudyId}`);
    const notice = page.getByTestId('not-released');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Belum ada hasil yang dirilis');
    expect(await page.getByTestId('agency-dashboard').count()).toBe(0);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await context.close();
  }, 180_000);

  it('has no axe-core violations at 360 px in Indonesian and English, and fits the width', async () => {
    const { context, page } = await open(360, 740);
    await signIn(page, big.key);
    await page.waitForURL(/\/agency$/);
    await dashboard(page);
    expect(await axeViolations(page)).toEqual([]);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await overflow()).toBeLessThanOrEqual(360);
    if (screenshots) {
      mkdirSync(resolve(root, 'docs/screenshots'), { recursive: true });
      await page.screenshot({
        path: resolve(root, 'docs/screenshots/agency-dashboard.png'),
        fullPage: true,
      });
    }
    await page.getByRole('button', { name: /^EN/ }).click();
    await dashboard(page, 'en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Agency dashboard: ${(JSON.parse(big.en) as AgencyResults).agency.name}`,
    );
    expect(await page.getByTestId('csv-link').getAttribute('href')).toMatch(/&lang=en$/);
    expect(await page.locator('[data-suppressed]').first().textContent()).toMatch(/^⊘ suppressed /);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(360);
    await context.close();
  }, 240_000);

  it('keeps the chart code and the dashboard out of the respondent page’s chunks', () => {
    const build = readClientBuild(resolve(root, 'dist/client'));
    expect(build).toBeDefined();
    const agency = build!.assetsOf('agency').scripts;
    const respondent = build!.assetsOf('respondent');
    const respondentFiles = [...respondent.scripts, ...respondent.laterScripts];
    const own = agency.filter((s) => s.includes('agency-page'));
    expect(own).toHaveLength(1);
    const charts = agency.filter((s) =>
      readFileSync(join(root, 'dist/client', s), 'utf8').includes('visx-axis'),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const file of [...own, ...charts]) expect(respondentFiles).not.toContain(file);
  });
});
