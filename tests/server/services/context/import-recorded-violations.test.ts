// Importing recorded violations: the published rows with their sources, and any malformed file refused whole with line and column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../server/errors.ts';
import {
  importRecordedViolations,
  recordedViolationColumns,
} from '../../../../server/services/context/import-recorded-violations.ts';
import { importFrameFile } from '../../../../server/services/frame/import-frame.ts';
import { seedFiles } from '../../../../server/services/seed/seed-files.ts';
import { seededRandom } from '../../../../server/services/seed/seeded-random.ts';
import { listRecordedViolations } from '../../../../server/storage/repositories/recorded-violations.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

const published = readFileSync(seedFiles.publishedViolations, 'utf8');
const header = recordedViolationColumns.join(',');
const validRow = 'kota,Kota Cilegon,Banten,2020,2020-12-01,Example source,10,6,3,example';

/** Ways to spoil one cell, each with the column it spoils. */
const spoilers: { column: string; value: string }[] = [
  { column: 'region_type', value: 'kecamatan' },
  { column: 'region', value: '' },
  { column: 'election_year', value: '20x0' },
  { column: 'election_year', value: '1850' },
  { column: 'reported_on', value: '2020-02-30' },
  { column: 'reported_on', value: '07/10/2020' },
  { column: 'source', value: '' },
  { column: 'cases_recorded', value: '-1' },
  { column: 'cases_recorded', value: '1,5' },
  { column: 'cases_recorded', value: '' },
  { column: 'recommended_to_kasn', value: '11' },
  { column: 'followed_up', value: '7' },
];

describe.each(testDialects())('importRecordedViolations on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);

  it('stores the published rows with their sources and the denominator of each rate', async () => {
    await importFrameFile(t.db, seedFiles.frame, { headcountIllustrative: true });
    expect(await importRecordedViolations(t.db, published, { illustrative: false })).toBe(3);
    const rows = await listRecordedViolations(t.db);
    expect(rows.map((r) => [r.region, r.electionYear, r.casesRecorded])).toEqual([
      ['Kota Balikpapan', 2020, 2],
      ['Kota Balikpapan', 2024, 7],
      ['Sumatera Selatan', 2020, 694],
    ]);
    const sumsel = rows[2]!;
    expect(sumsel).toMatchObject({
      agencyCode: null,
      recommendedToKasn: 492,
      followedUp: 256,
      civilServants: 118773,
      illustrative: false,
    });
    // Balikpapan is a frame agency: its headcount is the denominator, labelled illustrative.
    expect(rows[0]).toMatchObject({
      agencyCode: 'kota-balikpapan',
      civilServantsSource: 'agency frame (illustrative headcount)',
    });
    expect(rows[0]!.civilServants).toBeGreaterThan(0);
  });

  it('replaces a row imported again for the same region, year and source', async () => {
    const again = published.replace(',694,492,256,', ',700,492,256,');
    await importRecordedViolations(t.db, again, { illustrative: false });
    const rows = await listRecordedViolations(t.db);
    expect(rows).toHaveLength(3);
    expect(rows[2]!.casesRecorded).toBe(700);
  });

  it('refuses a file with one spoiled cell anywhere, naming its line and column, and stores nothing', async () => {
    const before = await listRecordedViolations(t.db);
    const random = seededRandom('recorded-violations-spoil');
    for (let trial = 0; trial < 40; trial++) {
      const spoiler = spoilers[Math.floor(random() * spoilers.length)]!;
      const rows = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) =>
        validRow.replace('Kota Cilegon', `Kota ${i}`),
      );
      const target = Math.floor(random() * rows.length);
      const column = recordedViolationColumns.indexOf(
        spoiler.column as (typeof recordedViolationColumns)[number],
      );
      const cells = rows[target]!.split(',');
      cells[column] = spoiler.value.includes(',') ? `"${spoiler.value}"` : spoiler.value;
      rows[target] = cells.join(',');
      const text = [header, ...rows].join('\r\n');
      const error = await importRecordedViolations(t.db, text, { illustrative: false }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `${spoiler.column}=${spoiler.value}`).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_CONTEXT');
      expect((error as AppError).details).toContainEqual(
        expect.objectContaining({
          line: target + 2,
          column: column + 1,
          columnName: spoiler.column,
        }),
      );
    }
    expect(await listRecordedViolations(t.db)).toEqual(before);
  });

  it('refuses duplicates, an unknown agency code and a rate without its source, all in one answer', async () => {
    const text = [
      `${header},agency,civil_servants,civil_servants_source`,
      `${validRow},,,`,
      `${validRow},,,`,
      `${validRow.replace('Cilegon', 'Serang')},kota-atlantis,,`,
      `${validRow.replace('Cilegon', 'Bogor')},,5000,`,
    ].join('\n');
    const error = (await importRecordedViolations(t.db, text, { illustrative: true }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.details?.map((d) => ('line' in d ? [d.line, d.column] : []))).toEqual([
      [3, 2],
      [4, 11],
      [5, 13],
    ]);
  });

  it('reads a semicolon file as Excel saves it', async () => {
    const text = [header, validRow].join('\n').replaceAll(',', ';');
    expect(await importRecordedViolations(t.db, text, { illustrative: true })).toBe(1);
  });
});
