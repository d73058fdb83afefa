// The researcher routes on every dialect: results JSON and CSV, fieldwork, codebook and microdata downloads parse back and agree.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../server/storage/db/schema.ts';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportService } from '../../../../server/services/reports/report-service.ts';
import type { Report } from '../../../../server/services/reports/report-types.ts';
import type { StudyWithWaves } from '../../../../server/services/administration/study-waves.ts';
import { closeWave } from '../../../../server/storage/repositories/waves.ts';
import { loadRFixtureResponses } from '../../../helpers/r-fixture-reports.ts';
import type { RFixtureStudy } from '../../../helpers/r-fixture-study.ts';
import { letEveryoneIn, researchApp } from '../../../helpers/research-app.ts';
import { submissionBursts } from '../../../../server/services/monitoring/submission-bursts.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

const margins = { 'r-fixture': [{ variable: 'gender', shares: { F: 0.52, M: 0.48 } }] };

// Bodies are checked field by field against what the test expects; a loose type keeps that readable.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function getJson(app: Hono, path: string): Promise<{ status: number; body: Json }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Json };
}

async function getCsv(app: Hono, path: string) {
  const res = await app.request(path);
  // Response.text() drops a byte-order mark; the download must keep it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return {
    res,
    text,
    parsed: Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }),
  };
}

/** Runs `check` with the wave closed, then puts its status and closing day back as they were. */
async function whileClosed(
  db: Kysely<Database>,
  waveId: number,
  check: () => Promise<void>,
): Promise<void> {
  const before = await db
    .selectFrom('waves')
    .select(['status', 'closes_on'])
    .where('id', '=', waveId)
    .executeTakeFirstOrThrow();
  await closeWave(db, waveId, '2021-10-31');
  try {
    await check();
  } finally {
    await db.updateTable('waves').set(before).where('id', '=', waveId).execute();
  }
}

describe.each(testDialects())('researcher routes on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let study: RFixtureStudy;
  let app: Hono;
  let reports: ReportService;
  const bursts = submissionBursts();

  beforeAll(async () => {
    study = await loadRFixtureResponses(t.db);
    ({ app, reports } = researchApp(
      t.db,
      t.config,
      study.questionnaires,
      margins,
      letEveryoneIn,
      bursts,
    ));
  });
  afterAll(() => reports.close());

  it('answers results by breakdown and weighting with labelled rows, the same as the reports service', async () => {
    const { status, body } = await getJson(
      app,
      '/api/studies/r-fixture/results?by=province,province*gender&weighting=raked&lang=en',
    );
    expect(status).toBe(200);
    const direct = await reports.report('r-fixture', {
      waveId: study.wave.id,
      weighting: 'raked',
      by: ['province', ['province', 'gender']],
      lang: 'en',
    });
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    expect((body as Report).breakdowns.map((b) => b.variables)).toEqual([
      ['province'],
      ['province', 'gender'],
    ]);
  });

  it('lists every study with its waves, a closed wave too, so its results stay reachable', async () => {
    await whileClosed(t.db, study.wave.id, async () => {
      const { status, body } = await getJson(app, '/api/research/studies');
      expect(status).toBe(200);
      const listed = (body as unknown as StudyWithWaves[]).find((s) => s.id === 'r-fixture');
      expect(listed?.waves.map((w) => [w.id, w.status])).toEqual([[study.wave.id, 'closed']]);
      const results = await getJson(app, `/api/studies/r-fixture/results?wave=${study.wave.id}`);
      expect(results.status).toBe(200);
    });
  });

  it.each([
    ['by=a*b*c', 'by'],
    ['by=province;drop', 'by'],
    ['weighting=calibrated', 'weighting'],
    ['lang=fr', 'lang'],
    ['wave=abc', 'wave'],
    ['unknown=1', 'query'],
    ['by=nip', 'by'],
  ])('refuses ?%s with INVALID_REQUEST naming %s', async (query, field) => {
    const { status, body } = await getJson(app, `/api/studies/r-fixture/results?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_REQUEST');
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 404 for an unknown study or a wave of another study', async () => {
    expect((await getJson(app, '/api/studies/nope/results')).status).toBe(404);
    const other = await getJson(app, `/api/studies/r-fixture/results?wave=${study.wave.id + 1000}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('WAVE_NOT_FOUND');
  });

  it('gives results.csv with a BOM and the analyze columns plus labels, parsing back to the JSON figures', async () => {
    const { res, text, parsed } = await getCsv(
      app,
      '/api/studies/r-fixture/results.csv?by=gender&lang=id',
    );
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('r-fixture-results.csv');
    expect(
      text.startsWith(
        '\uFEFFdomain_var,domain,question,option,n_base,n_option,estimate,se,ci_low,ci_high,df,deff,n_eff,',
      ),
    ).toBe(true);
    const { body } = await getJson(app, '/api/studies/r-fixture/results?by=gender&lang=id');
    const rows = (body as Report).rows;
    expect(parsed.data).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      const csv = parsed.data[i]!;
      expect(csv.question).toBe(row.question);
      expect(csv.option_label).toBe(row.optionLabel);
      expect(csv.estimate === '' ? null : Number(csv.estimate)).toBe(row.estimate);
      expect(csv.se === '' ? null : Number(csv.se)).toBe(row.se);
      expect(csv.ci_low === '' ? null : Number(csv.ci_low)).toBe(row.ciLow);
      expect(Number(csv.n_base)).toBe(row.nBase);
    });
  });

  it('shows the fieldwork per agency, province and day', async () => {
    const { status, body } = await getJson(app, '/api/studies/r-fixture/fieldwork');
    expect(status).toBe(200);
    expect(body.national.responses).toBe(2000);
    expect(body.days).toEqual([{ day: '2021-09-02', responses: 2000 }]);
    expect(body.bursts).toEqual([]);
  });

  it('flags the open wave’s submission bursts in the fieldwork, and none for a closed wave', async () => {
    const agency = (await getJson(app, '/api/studies/r-fixture/fieldwork')).body.agencies[0].code;
    for (let i = 0; i < 80; i++) bursts.record('r-fixture', agency);
    bursts.record('another-study', agency);
    const open = await getJson(app, '/api/studies/r-fixture/fieldwork');
    expect(open.body.bursts).toEqual([
      { agencyCode: agency, hoursAgo: 0, submissions: 80, usualPerHour: 0 },
    ]);
    await whileClosed(t.db, study.wave.id, async () => {
      const closed = await getJson(app, '/api/studies/r-fixture/fieldwork');
      expect(closed.body.bursts).toEqual([]);
    });
  });

  it('gives the codebook as JSON and CSV with labels in both languages', async () => {
    const { body } = await getJson(app, '/api/studies/r-fixture/codebook.json');
    const q2 = body.variables.find((v: { variable: string }) => v.variable === 'q2');
    expect(q2.label).toEqual({ id: 'Pertanyaan q2', en: 'Question q2' });
    expect(q2.options.map((o: { value: string }) => o.value)).toEqual(['DK', 'No', 'Yes']);
    const { parsed } = await getCsv(app, '/api/studies/r-fixture/codebook.csv');
    expect(parsed.data.filter((r) => r.variable === 'q2').map((r) => r.value)).toEqual([
      'DK',
      'No',
      'Yes',
    ]);
    expect(parsed.meta.fields).toContain('label_en');
  });

  it('exports anonymised microdata: one row per response, design columns, no id or day, never in arrival order', async () => {
    const { text, parsed } = await getCsv(app, '/api/studies/r-fixture/microdata.csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parsed.data).toHaveLength(2000);
    expect(parsed.meta.fields!.slice(0, 4)).toEqual([
      'agency',
      'stratum_N',
      'design_weight',
      'raked_weight',
    ]);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['gender', 'q1', 'ms_a', 'ms_none']));
    expect(parsed.meta.fields!.some((f) => /id|day|date|submitted/i.test(f))).toBe(false);
    const perAgency = new Map<string, number>();
    for (const row of parsed.data)
      perAgency.set(row.agency!, (perAgency.get(row.agency!) ?? 0) + 1);
    const first = parsed.data[0]!;
    expect(Number(first.design_weight)).toBeCloseTo(
      Number(first.stratum_N) / perAgency.get(first.agency!)!,
      12,
    );
    // Sorted by agency; within one, rows follow a hash, not the import (= fixture resp_id) order.
    const agencies = parsed.data.map((r) => r.agency!);
    expect([...agencies].sort()).toEqual(agencies);
    const again = await getCsv(app, '/api/studies/r-fixture/microdata.csv');
    expect(again.text).toBe(text);
  });

  it('ships a microdata.R whose national estimates and SEs equal the results API’s to 1e-9', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microdata-r-'));
    try {
      writeFileSync(
        join(dir, 'microdata.csv'),
        (await getCsv(app, '/api/studies/r-fixture/microdata.csv')).text,
      );
      const script = await (await app.request('/api/studies/r-fixture/microdata.R')).text();
      writeFileSync(join(dir, 'microdata.R'), script);
      execFileSync('Rscript', ['microdata.R', 'microdata.csv', 'national.csv'], {
        cwd: dir,
        stdio: 'pipe',
      });
      const fromR = Papa.parse<Record<string, string>>(
        readFileSync(join(dir, 'national.csv'), 'utf8'),
        {
          header: true,
          skipEmptyLines: true,
        },
      ).data;
      const { body } = await getJson(app, '/api/studies/r-fixture/results?weighting=design');
      const national = (body as Report).rows.filter((r) => r.domainVariables.length === 0);
      const byKey = new Map(fromR.map((r) => [`${r.question}|${r.option}`, r]));
      expect(fromR).toHaveLength(national.length);
      let largest = 0;
      for (const row of national) {
        const r = byKey.get(`${row.question}|${row.option}`);
        expect(r, `${row.question}|${row.option}`).toBeDefined();
        largest = Math.max(
          largest,
          Math.abs(Number(r!.estimate) - row.estimate!),
          Math.abs(Number(r!.se) - row.se!),
        );
      }
      expect(largest).toBeLessThan(1e-9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes Stata and SPSS syntax naming every column with value labels and the design', async () => {
    const stata = await (await app.request('/api/studies/r-fixture/microdata.do?lang=en')).text();
    expect(stata).toContain('svyset _n [pweight = design_weight], strata(stratum) fpc(stratum_N)');
    expect(stata).toContain('label define q2_lbl 1 "DK" 2 "No" 3 "Yes"');
    const spss = await (await app.request('/api/studies/r-fixture/microdata.sps')).text();
    expect(spss).toContain('/DESIGN STRATA=agency');
    expect(spss).toMatch(/q2 'DK' 'DK' 'No' 'No' 'Yes' 'Yes'/);
  });

  it('pins the downloads in manifest.json: questionnaire, frame and data hashes, weighting, version', async () => {
    const { body } = await getJson(app, '/api/studies/r-fixture/manifest.json');
    const microdata = await (
      await app.request('/api/studies/r-fixture/microdata.csv')
    ).arrayBuffer();
    const { createHash } = await import('node:crypto');
    expect(body.data.sha256).toBe(
      createHash('sha256').update(Buffer.from(microdata)).digest('hex'),
    );
    expect(body.data.responses).toBe(2000);
    expect(body.questionnaire).toMatchObject({ id: 'r-fixture', version: 1 });
    expect(body.questionnaire.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.weighting.raked.margins).toEqual(margins['r-fixture']);
    expect(body.software.name).toBe('netralitas-survey');
  });
});
