// Tests the demo frame generator: deterministic, matching the committed CSV, plausible headcounts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrameCsv } from '../../../../server/services/frame/parse-frame.ts';
import {
  frameCsv,
  frameSeed,
  generateFrame,
  readCsv,
  type ProvincePns,
  type Region,
} from '../../../../server/services/seed/generate-frame.ts';
import { seedFiles } from '../../../../server/services/seed/seed-files.ts';

const regions = readCsv<Region>(seedFiles.regions);
const pns = readCsv<ProvincePns>(seedFiles.pns);
const frame = generateFrame(regions, pns, frameSeed);

describe('generateFrame', () => {
  it('reproduces the committed frame exactly', () => {
    expect(frameCsv(frame)).toBe(readFileSync(seedFiles.frame, 'utf8'));
  });

  it('covers the 270 regions of 2020: 9 provinces, 224 regencies, 37 cities', () => {
    const count = (type: string) => frame.filter((r) => r.type === type).length;
    expect([frame.length, count('provinsi'), count('kabupaten'), count('kota')]).toEqual([
      270, 9, 224, 37,
    ]);
    expect(parseFrameCsv(readFileSync(seedFiles.frame, 'utf8'))).toHaveLength(270);
  });

  it('gives every agency a whole headcount of at least 300', () => {
    for (const row of frame) {
      expect(Number.isInteger(row.headcount)).toBe(true);
      expect(row.headcount).toBeGreaterThanOrEqual(300);
    }
  });

  it('makes cities smaller than regencies on average, and provinces larger than both', () => {
    const mean = (type: string) => {
      const rows = frame.filter((r) => r.type === type);
      return rows.reduce((s, r) => s + r.headcount, 0) / rows.length;
    };
    expect(mean('kota')).toBeLessThan(mean('kabupaten'));
    expect(mean('provinsi')).toBeGreaterThan(mean('kabupaten'));
  });

  it('keeps a provincial government near 17% of its province regional civil servants', () => {
    // Kalimantan Utara: 22,478 PNS (Dec 2020) × 3,206,489/4,168,118 regional × 549,353/3,206,489.
    const expected = 22_478 * (549_353 / 4_168_118);
    const kaltara = frame.find((r) => r.code === 'prov-kalimantan-utara')!;
    expect(kaltara.headcount / expected).toBeGreaterThan(0.6);
    expect(kaltara.headcount / expected).toBeLessThan(1.6);
  });

  it('depends on the seed, and an agency only on its own code', () => {
    expect(generateFrame(regions, pns, 'another seed')).not.toEqual(frame);
    const alone = generateFrame(
      regions.filter((r) => r.code === 'kab-sleman'),
      pns,
      frameSeed,
    );
    expect(alone[0]!.headcount).toBe(frame.find((r) => r.code === 'kab-sleman')!.headcount);
  });

  it('uses 415 regencies and 93 cities outside Jakarta (with Aceh) for the per-agency shares', () => {
    const kabupaten = pns.reduce((s, p) => s + p.kabupaten, 0);
    const kota = pns.reduce((s, p) => s + p.kota, 0);
    // Aceh (18 kabupaten, 5 kota) held no 2020 election, so it is not among the provinces here.
    expect([kabupaten + 18, kota + 5]).toEqual([415, 93]);
  });
});
