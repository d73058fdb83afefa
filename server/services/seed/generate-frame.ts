// Generates the demo agency frame: the 270 regions of the 2020 elections with illustrative, seeded headcounts.
//
// Run `npx tsx server/services/seed/generate-frame.ts` to rewrite server/services/seed/frame-pilkada-2020.csv.
//
// Inputs (copied into the project; the sources are in the files and below):
// - regions-pilkada-2020.csv: the 270 regional governments that elected their heads on
//   9 December 2020 (9 provinsi, 224 kabupaten, 37 kota), with province and island region;
//   compiled from KPU/Kemendagri lists quoted by the press (see the project notes on the frame).
// - pns-by-province.csv: per province, the civil servants (PNS) and the number of kabupaten
//   and kota it has (Kemendagri, 2020; 415 kabupaten and 93 kota outside Jakarta in all).
//   PNS are Dec 2020 (BPS from BKN, via Kontan) where published, else the nearest later year:
//   2021 (Kompas) for Bangka Belitung, 2023 (BPS, via Fajar) for the rest, Papua and Papua
//   Barat re-merged from their 2023 splits.
//
// Method. Official per-agency headcounts are not public here, so these are ILLUSTRATIVE:
// 1. A province's Dec 2020 PNS: the published figure, or a later year's figure scaled by the
//    national change (4,168,118 in Dec 2020 against 3,995,634 in 2021 and 3,732,428 in 2023),
//    since the civil service shrank by about a tenth over those years.
// 2. Its regional PNS (not central government): × 3,206,489 / 4,168,118, the national regional
//    share in Dec 2020 (549,353 provincial + 2,657,136 kabupaten/kota).
// 3. The provincial government's share of that: 549,353 / 3,206,489 (about 17%).
// 4. The rest is divided among all the province's kabupaten and kota (not only those in the
//    frame), a kota weighing 0.65 of a kabupaten (cities are smaller on average).
// 5. Each agency's expectation times a seeded log-normal factor with mean 1 (sigma 0.35 for
//    kabupaten/kota, 0.15 for provinces, whose estimate is already their own), rounded, at
//    least 300. The factor is drawn from a generator seeded by the agency code, so adding or
//    removing a row leaves every other headcount unchanged.
import Papa from 'papaparse';
import { csvText } from '../csv/write-csv.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { seedFiles } from './seed-files.ts';
import { seededRandom, standardNormal } from './seeded-random.ts';

const national2020 = 4_168_118;
const nationalByYear: Record<string, number> = {
  '2020-12': national2020,
  '2021': 3_995_634,
  '2023': 3_732_428,
};
const regional2020 = 3_206_489;
const provincial2020 = 549_353;
const cityWeight = 0.65;
const minimumHeadcount = 300;
/** Changing the seed regenerates every headcount; keep it fixed so the CSV is stable. */
export const frameSeed = 'netralitas-frame-2020';

export interface Region {
  code: string;
  name: string;
  type: 'provinsi' | 'kabupaten' | 'kota';
  province: string;
  island_region: string;
}

export interface ProvincePns {
  province: string;
  kabupaten: number;
  kota: number;
  pns: number;
  as_of: string;
}

export interface FrameRow extends Region {
  headcount: number;
}

/**
 * Adds an illustrative headcount to each region by the method in this file's header.
 *
 * @example
 * const frame = generateFrame(regions, pnsByProvince, frameSeed);
 */
export function generateFrame(
  regions: readonly Region[],
  pnsByProvince: readonly ProvincePns[],
  seed: string,
): FrameRow[] {
  const provinces = new Map(pnsByProvince.map((p) => [p.province, p]));
  return regions.map((region) => {
    const province = provinces.get(region.province);
    if (!province) throw new Error(`No PNS figure for province ${region.province}`);
    const national = nationalByYear[province.as_of];
    if (national === undefined) throw new Error(`Unknown as_of ${province.as_of}`);
    const pns2020 = province.pns * (national2020 / national);
    const regional = pns2020 * (regional2020 / national2020);
    const provincial = regional * (provincial2020 / regional2020);
    const perKabupaten =
      (regional - provincial) / (province.kabupaten + cityWeight * province.kota);
    const expected =
      region.type === 'provinsi'
        ? provincial
        : region.type === 'kota'
          ? perKabupaten * cityWeight
          : perKabupaten;
    const sigma = region.type === 'provinsi' ? 0.15 : 0.35;
    const random = seededRandom(`${seed}:${region.code}`);
    const factor = Math.exp(sigma * standardNormal(random) - (sigma * sigma) / 2);
    return { ...region, headcount: Math.max(minimumHeadcount, Math.round(expected * factor)) };
  });
}

/**
 * Reads a CSV with a header into objects.
 *
 * @example
 * const regions = readCsv<Region>('server/services/seed/regions-pilkada-2020.csv');
 */
export function readCsv<T>(path: string): T[] {
  const parsed = Papa.parse<T>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: (field) => field === 'pns' || field === 'kabupaten' || field === 'kota',
  });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

/**
 * The frame as the committed CSV holds it.
 *
 * @example
 * writeFileSync(path, frameCsv(frame));
 */
export function frameCsv(frame: readonly FrameRow[]): string {
  const columns = ['code', 'name', 'type', 'province', 'island_region', 'headcount'] as const;
  return csvText(
    frame.map((row) => columns.map((column) => row[column])),
    { columns },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const frame = generateFrame(
    readCsv<Region>(seedFiles.regions),
    readCsv<ProvincePns>(seedFiles.pns),
    frameSeed,
  );
  writeFileSync(seedFiles.frame, frameCsv(frame));
  const total = frame.reduce((s, r) => s + r.headcount, 0);
  console.log(
    `wrote ${frame.length} agencies, ${total.toLocaleString('en')} PNS in all, to ${seedFiles.frame}`,
  );
}
