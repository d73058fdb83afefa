// Tests frame import on every dialect: a replace in one transaction (agencies something names are kept), and nothing half-loaded on failure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccessKey } from '../../../../server/services/auth/access-keys.ts';
import { importFrame, importFrameFile } from '../../../../server/services/frame/import-frame.ts';
import { parseFrameCsv } from '../../../../server/services/frame/parse-frame.ts';
import { findAgency, listAgencies } from '../../../../server/storage/repositories/agencies.ts';
import { upsertRecordedViolations } from '../../../../server/storage/repositories/recorded-violations.ts';
import { testDialects } from '../../../helpers/test-databases.ts';
import { testFrameCsv } from '../../../helpers/test-studies.ts';

const dir = mkdtempSync(join(tmpdir(), 'frame-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDialects())('importing a frame on $dialect', (dialect) => {
  it('stores every agency with its headcount and the illustrative flag', async () => {
    const { db, destroy } = await dialect.create();
    try {
      expect(
        await importFrame(db, parseFrameCsv(testFrameCsv), { headcountIllustrative: true }),
      ).toEqual({ imported: 4, removed: [], kept: [] });
      expect(await findAgency(db, 'kota-yogyakarta')).toEqual({
        code: 'kota-yogyakarta',
        name: 'Kota Yogyakarta',
        type: 'kota',
        province: 'Daerah Istimewa Yogyakarta',
        islandRegion: 'Jawa-Bali',
        headcount: 200,
        headcountIllustrative: true,
      });
    } finally {
      await destroy();
    }
  });

  it('replaces the frame: updates stored agencies, removes those left out, keeps those a key or response names', async () => {
    const { db, destroy } = await dialect.create();
    try {
      await importFrame(db, parseFrameCsv(testFrameCsv), { headcountIllustrative: true });
      // An agency key names kab-bantul and a recorded violation kota-yogyakarta, so both stay
      // although the new frame leaves them out.
      await createAccessKey(db, { role: 'agency', agencyCode: 'kab-bantul' });
      await upsertRecordedViolations(db, [
        {
          regionType: 'kota',
          region: 'Kota Yogyakarta',
          province: 'Daerah Istimewa Yogyakarta',
          agencyCode: 'kota-yogyakarta',
          electionYear: 2020,
          reportedOn: '2021-01-31',
          source: 'test',
          casesRecorded: 3,
          recommendedToKasn: null,
          followedUp: null,
          civilServants: null,
          civilServantsSource: '',
          note: '',
          illustrative: true,
        },
      ]);
      const update = parseFrameCsv(
        'code,name,type,province,island_region,headcount\n' +
          'kab-sleman,Kabupaten Sleman,kabupaten,Daerah Istimewa Yogyakarta,Jawa-Bali,9876\n' +
          'kab-agam,Kabupaten Agam,kabupaten,Sumatera Barat,Sumatera,5000\n',
      );
      expect(await importFrame(db, update, { headcountIllustrative: false })).toEqual({
        imported: 2,
        removed: ['prov-jambi'],
        kept: ['kab-bantul', 'kota-yogyakarta'],
      });
      expect(await findAgency(db, 'kab-sleman')).toMatchObject({
        headcount: 9876,
        headcountIllustrative: false,
      });
      expect((await listAgencies(db)).map((a) => a.code).sort()).toEqual([
        'kab-agam',
        'kab-bantul',
        'kab-sleman',
        'kota-yogyakarta',
      ]);
    } finally {
      await destroy();
    }
  });

  it('loads nothing from a file with a malformed line, however late it comes', async () => {
    const { db, destroy } = await dialect.create();
    try {
      const path = join(dir, `bad-${dialect.dialect}.csv`);
      writeFileSync(path, `${testFrameCsv}kab-late,Kabupaten Late,kabupaten,Jambi,Sumatera,lots\n`);
      await expect(
        importFrameFile(db, path, { headcountIllustrative: false }),
      ).rejects.toMatchObject({
        code: 'INVALID_FRAME',
        details: [{ line: 6, column: 6, columnName: 'headcount' }],
      });
      expect(await listAgencies(db)).toEqual([]);
    } finally {
      await destroy();
    }
  });

  it('rolls the whole import back when the database refuses one agency', async () => {
    const { db, destroy } = await dialect.create();
    try {
      const good = parseFrameCsv(testFrameCsv);
      // Bypasses the parser to reach the database's own check constraint.
      const bad = { ...good[0]!, code: 'kab-bad', headcount: -1 };
      await expect(
        importFrame(db, [...good, bad], { headcountIllustrative: false }),
      ).rejects.toThrow();
      expect(await listAgencies(db)).toEqual([]);
    } finally {
      await destroy();
    }
  });
});
