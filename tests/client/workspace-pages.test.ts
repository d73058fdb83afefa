// End-to-end tests of the signed-in pages: sign-in, the researcher workspace and administration in headless Chromium on the real server.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../server/services/reports/report-types';
import { createAccessKey } from '../../server/services/auth/access-keys';
import { netralitasAsn } from '../../surveys/netralitas-asn';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { consent } from '../helpers/respondent-browser.ts';

const root = resolve(import.meta.dirname, '../..');
const assetsDir = resolve(root, 'dist/client/assets');
const study = 'netralitas-asn-2021';
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let server: TestServer;
let browser: Browser;
let researcherKey: string;
let adminKey: string;
let files: string;

/** Bearer-authenticated API call, to compare what the pages show with what the API says. */
async function api(path: string, key: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) },
  });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ demoResponses: 300 }),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    }),
  ]);
  const today = '2026-11-29';
  researcherKey = (
    await createAccessKey(server.db, { role: 'researcher', agencyCode: null, today })
  ).key;
  adminKey = (await createAccessKey(server.db, { role: 'admin', agencyCode: null, today })).key;
  // Margins for the demo study's open wave, so raked weighting has something to rake to.
  const admin = (await (await api('/api/admin/studies', adminKey)).json()) as {
    id: string;
    waves: { id: number; status: string }[];
  }[];
  const wave = admin.find((s) => s.id === study)?.waves.find((w) => w.status === 'open');
  const margins = await api(`/api/admin/studies/${study}/waves/${wave?.id}/margins`, adminKey, {
    method: 'PUT',
    headers: { 'content-type': 'text/csv' },
    body: 'variable,level,share\nA4,laki_laki,0.4871\nA4,perempuan,0.5129\n',
  });
  expect(margins.status).toBe(200);
  files = mkdtempSync(join(tmpdir(), 'workspace-pages-'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

/** A fresh browser profile recording every asset it fetched. */
async function open(width = 1280) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    acceptDownloads: true,
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  return { context, page, requests };
}

async function signIn(page: Page, key: string) {
  await page.goto(`${server.url}/masuk`);
  await page.getByLabel('Kunci akses').fill(key);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** Runs axe-core on the page as it is and returns the violations (rule id and node count). */
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

/** Built assets whose code contains `marker`. */
function assetsContaining(marker: string): string[] {
  return readdirSync(assetsDir)
    .filter((f) => f.endsWith('.js') && readFileSync(join(assetsDir, f), 'utf8').includes(marker))
    .map((f) => `/assets/${f}`);
}

describe('sign-in', () => {
  it('sends the anonymous to sign-in, refuses a wrong key, and sends each role to its page', async () => {
    const { context, page } = await open();
    await page.goto(`${server.url}/research`);
    await page.waitForURL(/\/masuk\?next=%2Fresearch$/);
    await page.getByLabel('Kunci akses').fill('nsk_not-a-key');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/tidak dikenali/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Kunci akses').fill(researcherKey);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/research$/);
    // A researcher who asks for /admin is told no, not shown the page.
    await page.goto(`${server.url}/admin`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/tidak memiliki akses/);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/masuk$/);
    const after = await page.evaluate(async () => (await fetch('/api/session')).status);
    expect(after).toBe(401);
    await context.close();
  });
});

describe('researcher workspace', () => {
  it('shows results, switches breakdown and weighting, and downloads a CSV matching the JSON', async () => {
    const { context, page } = await open();
    await signIn(page, researcherKey);
    await page.waitForURL(/\/research$/);
    await page.goto(`${server.url}/research?study=${study}`);
    const results = page.getByTestId('results');
    await results.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('results-table').locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('svg.chart circle').count()).toBeGreaterThan(0);

    await page.getByLabel('Rincian menurut').selectOption('A4');
    await page.locator('[data-testid=results][data-by="A4"]').waitFor({ timeout: 60_000 });
    const domainRows = page.locator(
      '[data-testid=results-table] tbody tr[data-domain="laki_laki"]',
    );
    expect(await domainRows.count()).toBeGreaterThan(0);

    await page.getByLabel('Raking').check();
    await page
      .locator('[data-testid=results][data-weighting="raked"]')
      .waitFor({ timeout: 60_000 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Hasil \(CSV/ }).click(),
    ]);
    const path = join(files, 'results.csv');
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const csv = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    const json = (await (
      await api(`/api/studies/${study}/results?by=A4&weighting=raked&lang=id`, researcherKey)
    ).json()) as Report;
    expect(json.weighting.kind).toBe('raked');
    expect(csv.data).toHaveLength(json.rows.length);
    json.rows.forEach((row, i) => {
      const line = csv.data[i] as Record<string, string>;
      expect(line.question).toBe(row.question);
      expect(line.option).toBe(row.option);
      expect(line.domain).toBe(row.domainValues.join(' × '));
      expect(Number(line.n_base)).toBe(row.nBase);
      if (row.estimate === null) expect(line.estimate).toBe('');
      else expect(Number(line.estimate)).toBeCloseTo(row.estimate, 12);
    });

    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Pemantauan lapangan' }).click();
    await page.getByTestId('fieldwork-agencies').waitFor();
    await page.getByLabel('Saring instansi').fill('sleman');
    expect(await page.locator('[data-testid=fieldwork-agencies] tbody tr').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('small cells', () => {
  it('shows every agency cell to a researcher, small ones flagged and not hidden', async () => {
    const { context, page } = await open();
    await signIn(page, researcherKey);
    await page.waitForURL(/\/research$/);
    await page.getByTestId('results').waitFor({ timeout: 60_000 });
    await page.getByLabel('Rincian menurut').selectOption('agency');
    await page.locator('[data-testid=results][data-by="agency"]').waitFor({ timeout: 60_000 });
    const flagged = page.locator('[data-testid=results-table] tbody tr.low-reliability');
    expect(await flagged.count()).toBeGreaterThan(0);
    const first = flagged.first();
    expect(await first.locator('td').nth(1).textContent()).toMatch(/\d/);
    expect(await first.textContent()).toContain('Reliabilitas rendah');
    await context.close();
  }, 120_000);
});

describe('administration', () => {
  it('publishes a questionnaire version, listing the problems of a bad one, and opens a wave', async () => {
    const { context, page } = await open();
    await signIn(page, adminKey);
    await page.waitForURL(/\/admin$/);
    const { json, ...shipped } = netralitasAsn;
    // The shipped metadata does not pass the upload checks as it is: its unpublished reference
    // figures have no URL, and the A8 recode names steps I/e–III/e the question does not offer.
    const metadata = {
      ...shipped,
      referenceFigures: shipped.referenceFigures.filter((f) => f.source.url !== ''),
      domainVariables: shipped.domainVariables.map((d) =>
        d.recode
          ? {
              ...d,
              recode: Object.fromEntries(
                Object.entries(d.recode).filter(([k]) => !/^(I|II|III)_e$/.test(k)),
              ),
            }
          : d,
      ),
    };
    const surveyFile = join(files, 'survey.json');
    const goodMetadata = join(files, 'metadata.json');
    const badMetadata = join(files, 'metadata-bad.json');
    writeFileSync(surveyFile, JSON.stringify(json));
    writeFileSync(goodMetadata, JSON.stringify({ ...metadata, id: 'netralitas-uji', version: 1 }));
    writeFileSync(
      badMetadata,
      JSON.stringify({
        ...metadata,
        id: 'netralitas-uji',
        version: 1,
        domainVariables: [{ question: 'ZZ9', label: { id: 'x', en: 'x' } }],
      }),
    );

    await page.getByLabel('Berkas SurveyJS (JSON)').setInputFiles(surveyFile);
    await page.getByLabel('Berkas metadata (JSON)').setInputFiles(badMetadata);
    await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await expect.poll(() => page.locator('.problems').textContent()).toMatch(/ZZ9/);

    await page.getByLabel('Berkas metadata (JSON)').setInputFiles(goodMetadata);
    await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    const questionnaires = page.locator('section[aria-labelledby=questionnaires-title]');
    await expect
      .poll(() => questionnaires.locator('[role=status], [role=alert]').first().textContent())
      .toBe('Diterbitkan: netralitas-uji versi 1.');
    await expect
      .poll(() => page.getByTestId('questionnaires').textContent())
      .toContain('netralitas-uji v1');

    await page.getByLabel('ID studi').fill('studi-uji');
    await page.getByRole('combobox', { name: 'Kuesioner' }).selectOption('netralitas-uji@1');
    await page.getByLabel('Judul (Indonesia)').fill('Studi uji');
    await page.getByLabel('Judul (Inggris)').fill('Test study');
    await page.getByRole('button', { name: 'Buat studi' }).click();
    const card = page.locator('article[data-study="studi-uji"]');
    await card.waitFor();
    await card.getByLabel('Nama gelombang').fill('Gelombang 1');
    await card.getByLabel('Dibuka').fill('2026-11-01');
    await card.getByRole('button', { name: 'Tambah gelombang' }).click();
    const wave = card.locator('tbody tr[data-wave]');
    await wave.waitFor();
    await wave.getByRole('button', { name: /^Buka/ }).click();
    await card.locator('tbody tr[data-status="open"]').waitFor();

    const opened = await (await fetch(`${server.url}/api/studies/studi-uji`)).json();
    expect(opened).toMatchObject({ id: 'studi-uji', open: true });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('administration of keys, frame, margins and invitations', () => {
  it('shows a new key once, revokes it, lists upload problems by line, and downloads invitations', async () => {
    const { context, page } = await open();
    await signIn(page, adminKey);
    await page.waitForURL(/\/admin$/);

    await page.getByRole('combobox', { name: 'Peran' }).selectOption('researcher');
    await page.getByRole('button', { name: 'Buat kunci' }).click();
    const key = await page.getByTestId('new-key').textContent();
    expect(key).toMatch(/^nsk_/);
    const listed = (await (await api('/api/admin/keys', adminKey)).json()) as {
      id: number;
      revoked: boolean;
    }[];
    const newest = Math.max(...listed.map((k) => k.id));
    await page.getByRole('button', { name: `Cabut #${newest}` }).click();
    await expect.poll(async () => (await api('/api/session', key ?? '')).status).toBe(401);

    await page.getByLabel('Kerangka (CSV)').setInputFiles({
      name: 'frame.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,name\nkab-x,\n'),
    });
    await page.getByRole('button', { name: 'Unggah kerangka' }).click();
    const frameProblems = page.locator('section[aria-labelledby=frame-title] .problems');
    await expect.poll(() => frameProblems.textContent()).toMatch(/Baris \d+/);

    const tokenCard = page.locator('article[data-study="netralitas-asn-token"]');
    const wave = tokenCard.locator('tbody tr[data-wave]').first();
    await wave.getByLabel(/Margin raking/).setInputFiles({
      name: 'margins.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('variable,level,share\nA4,laki_laki,2\n'),
    });
    await wave.getByRole('button', { name: 'Unggah margin' }).click();
    await expect.poll(() => tokenCard.locator('.problems').textContent()).toMatch(/Baris 2/);

    await tokenCard.getByLabel(/kode,jumlah/).fill('kab-sleman,2\nkota-cilegon,1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tokenCard.getByRole('button', { name: 'Terbitkan dan unduh CSV' }).click(),
    ]);
    const path = join(files, 'invitations.csv');
    await download.saveAs(path);
    const links = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(links.data.map((l) => l.agency)).toEqual(['kab-sleman', 'kab-sleman', 'kota-cilegon']);
    for (const l of links.data) expect(l.link).toMatch(/\/s\/netralitas-asn-token\/t\/[^/]+$/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('page chunks', () => {
  it('keeps charts and workspace code off respondent pages and the survey renderer off the workspace', async () => {
    const chartChunks = assetsContaining('visx-axis');
    const workspaceChunks = assetsContaining('Ruang kerja peneliti');
    const surveyChunks = assetsContaining('sd-root-modern');
    expect(chartChunks.length).toBeGreaterThan(0);
    expect(surveyChunks.length).toBeGreaterThan(0);

    const respondent = await open(360);
    await respondent.page.goto(`${server.url}/s/${study}/kab-sleman`);
    // The study's notice comes first; the questionnaire after consent.
    await consent(respondent.page);
    await respondent.page.locator('.sd-root-modern').waitFor({ timeout: 30_000 });
    for (const asset of [...chartChunks, ...workspaceChunks]) {
      expect(respondent.requests).not.toContain(asset);
    }
    await respondent.context.close();

    const workspace = await open();
    await signIn(workspace.page, researcherKey);
    await workspace.page.waitForURL(/\/research$/);
    await workspace.page.locator('[data-testid=results] svg.chart').waitFor({ timeout: 60_000 });
    for (const asset of surveyChunks) expect(workspace.requests).not.toContain(asset);
    await workspace.context.close();
  }, 120_000);
});
