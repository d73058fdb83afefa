// The perception index's design-based SE and interval from counted item totals, against R's svymean / svyby (tests/fixtures/perception-index).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createDesign, designWeights, type CellCounts } from '../../../../analysis/index.ts';
import { indexTotalVariable } from '../../../../server/services/projection/aggregate-responses.ts';
import { estimateIndexes } from '../../../../server/services/reports/index-estimates.ts';
import type { LikertIndex } from '../../../../surveys/types.ts';

const directory = new URL('../../../fixtures/perception-index/', import.meta.url);
const read = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(new URL(name, directory), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

const text = (s: string) => ({ id: s, en: s });
const index: LikertIndex = {
  id: 'indeks',
  label: text('Indeks'),
  items: ['I.I1', 'I.I2', 'I.I3'],
  scaleMin: 1,
  scaleMax: 4,
  multiplier: 25,
  grades: [],
  methodNote: text('test'),
};

/** The fixture's respondents as the projection counts them: item totals per (agency, sex). */
function fixtureCells(): CellCounts {
  const cells: CellCounts = {
    strata: new Map(),
    profiles: new Map([
      [0, { sex: 'F' }],
      [1, { sex: 'M' }],
    ]),
    respondents: [],
    bases: [],
    choices: [],
  };
  for (const r of read('respondents.csv')) {
    const stratum = r.agency!;
    cells.strata.set(stratum, {
      populationSize: Number(r.stratum_N),
      attributes: { type: r.type! },
    });
    const profile = r.sex === 'F' ? 0 : 1;
    const question = indexTotalVariable(index.id);
    const total = Number(r.I1) + Number(r.I2) + Number(r.I3);
    // One entry per respondent: entries of a cell add up, as pending counts do.
    cells.respondents.push({ stratum, profile, count: 1 });
    cells.bases.push({ stratum, profile, question, count: 1 });
    cells.choices.push({ stratum, profile, question, option: String(total), count: 1 });
  }
  return cells;
}

const expected = read('expected.csv');
const rValue = (s: string | undefined) => (s === undefined || s === 'NA' ? null : Number(s));

describe('estimateIndexes', () => {
  const cells = fixtureCells();
  const weighting = designWeights(createDesign(cells));
  const rows = [
    ...estimateIndexes(weighting, cells, [index], null),
    ...estimateIndexes(weighting, cells, [index], 'agency'),
    ...estimateIndexes(weighting, cells, [index], 'type'),
  ];

  // R: svymean(~score, des) and svyby(~score, ~agency / ~type, des, svymean), score = item mean × 25,
  // des = svydesign(ids = ~1, strata = ~agency, fpc = ~stratum_N, weights = ~weight); interval
  // estimate ± qt(0.975, n − strata) · SE (perception-index.R).
  it.each(expected.map((e) => [`${e.domain_var || 'national'} ${e.domain}`, e] as const))(
    'equals R for %s: index, SE and 95% interval to 1e-9',
    (_name, e) => {
      const row = rows.find(
        (r) => r.domainVariables.join() === e.domain_var && r.domainValues.join() === e.domain,
      );
      expect(row).toBeDefined();
      expect(row!.nBase).toBe(Number(e.n));
      expect(row!.df).toBe(Number(e.df));
      expect(Math.abs(row!.value! - Number(e.estimate))).toBeLessThan(1e-9);
      expect(Math.abs(row!.se! - Number(e.se))).toBeLessThan(1e-9);
      for (const [ours, theirs] of [
        [row!.ciLow, rValue(e.ci_low)],
        [row!.ciHigh, rValue(e.ci_high)],
      ] as const) {
        if (theirs === null) expect(ours).toBeNull();
        else expect(Math.abs(ours! - theirs)).toBeLessThan(1e-9);
      }
    },
  );

  it('gives one agency alone exactly what the full breakdown gives it', () => {
    const one = estimateIndexes(weighting, cells, [index], { by: 'agency', values: [['B']] });
    expect(one).toEqual(
      rows.filter((r) => r.domainVariables[0] === 'agency' && r.domainValues[0] === 'B'),
    );
  });

  it('gives no rows for an index without counted totals (counts folded before totals were counted)', () => {
    expect(estimateIndexes(weighting, cells, [{ ...index, id: 'other' }], null)).toEqual([]);
  });
});
