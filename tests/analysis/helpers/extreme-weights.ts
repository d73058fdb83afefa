// Loads the extreme-weight data sets of tests/fixtures/extreme-weights and R's answers for them.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import {
  cellCountsFromRecords,
  createDesign,
  designWeights,
  estimateProportions,
  type IntervalMethod,
  type ProportionEstimate,
} from '../../../analysis/index.ts';

const directory = fileURLToPath(new URL('../../fixtures/extreme-weights/', import.meta.url));

function read(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(directory + name, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** R's answer for one data set and domain (see extreme-weights.R). */
export type ExtremeExpected = Record<string, string>;

/** Every data set's rows for the share with y = 1, national and by grp, keyed `dataset|domain`. */
export function estimateExtremeWeights(methods: readonly IntervalMethod[]): {
  ours: Map<string, ProportionEstimate>;
  expected: ExtremeExpected[];
} {
  const byDataset = new Map<string, Record<string, string>[]>();
  for (const { dataset, ...record } of read('extreme_weights.csv')) {
    const list = byDataset.get(dataset as string) ?? [];
    list.push(record);
    byDataset.set(dataset as string, list);
  }
  const ours = new Map<string, ProportionEstimate>();
  for (const [dataset, records] of byDataset) {
    const { cells } = cellCountsFromRecords(records, {
      header: ['agency', 'stratum_N', 'y', 'grp'],
      domainColumns: ['grp'],
    });
    const rows = estimateProportions(designWeights(createDesign(cells)), {
      questions: [{ name: 'y', options: ['0', '1'] }],
      domains: ['grp'],
      intervals: methods,
    });
    for (const row of rows) {
      if (row.option === '1') ours.set(`${dataset}|${row.domainValues.join(',')}`, row);
    }
  }
  return { ours, expected: read('expected.csv') };
}

/** R's number, or null for NA / NaN. */
export function rNumber(text: string | undefined): number | null {
  return text === undefined || text === 'NA' || text === 'NaN' || text === '' ? null : Number(text);
}

/** Whether R's svyciprop(method = "logit") failed: an error, [0, 0], or [0, NaN]. */
export function rLogitFailed(r: ExtremeExpected): boolean {
  const low = rNumber(r.logit_l);
  const high = rNumber(r.logit_u);
  return low === null || high === null || (low === 0 && high === 0);
}
