// Post-stratification, raking and trimming: what they guarantee, and how they fail on bad margins.

import { describe, expect, it } from 'vitest';
import {
  createDesign,
  designWeights,
  methodNotes,
  postStratify,
  rake,
  stratumTotals,
  summarizeWeights,
  trimWeights,
  type CellCounts,
  type Weighting,
} from '../../analysis/index.ts';
import { loadSmall } from './helpers/r-fixtures.ts';

const small = loadSmall();
const gender = { F: 0.52 * small.N, M: 0.48 * small.N };
const agency = { variable: 'agency', totals: stratumTotals(small.design) };

function totalsBy(weighting: Weighting, variable: 'gender' | 'agency'): Map<string, number> {
  const totals = new Map<string, number>();
  const { design } = weighting;
  weighting.weights.forEach((weight, cell) => {
    const key =
      variable === 'agency'
        ? (design.strata[design.cellStratum[cell] as number] as string)
        : (design.cells.profiles.get(design.cellProfile[cell] as number)?.gender as string);
    totals.set(key, (totals.get(key) ?? 0) + weight * (design.cellCount[cell] as number));
  });
  return totals;
}

describe('postStratify', () => {
  it('makes the weighted counts of the post-strata equal their totals', () => {
    const totals = totalsBy(postStratify(small.weighting, 'gender', gender), 'gender');
    expect(totals.get('F')).toBeCloseTo(gender.F, 8);
    expect(totals.get('M')).toBeCloseTo(gender.M, 8);
  });

  it('fails, naming the level, when a post-stratum has no respondents or no total', () => {
    expect(() => postStratify(small.weighting, 'gender', { ...gender, X: 10 })).toThrow(
      /margin "gender": level "X" has no respondents/,
    );
    expect(() => postStratify(small.weighting, 'gender', { F: 100 })).toThrow(
      /respondents with "M" have no population total/,
    );
    expect(() => postStratify(small.weighting, 'gender', { F: 100, M: -1 })).toThrow(
      /total of "M" must be positive/,
    );
  });
});

describe('rake', () => {
  it('keeps every agency total and meets the gender margin, converging in a few passes', () => {
    const result = rake(small.weighting, [agency, { variable: 'gender', totals: gender }]);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(20);
    expect(result.lastChange).toBeLessThan(1e-8 * small.N);
    const byAgency = totalsBy(result.weighting, 'agency');
    small.design.strata.forEach((id, h) => {
      expect(
        Math.abs((byAgency.get(id) as number) - (small.design.populationSizes[h] as number)),
      ).toBeLessThan(1e-3);
    });
    const byGender = totalsBy(result.weighting, 'gender');
    expect(byGender.get('F')).toBeCloseTo(gender.F, 6);
    expect(result.weighting.description).toBe('design → raked (agency, gender)');
  });

  it('reports a fit that has not converged instead of pretending it has', () => {
    const result = rake(small.weighting, [agency, { variable: 'gender', totals: gender }], {
      tolerance: 1e-15,
      maxIterations: 2,
    });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(2);
  });

  it('fails clearly when a margin cell has no respondents, or a respondent has no value', () => {
    expect(() =>
      rake(small.weighting, [agency, { variable: 'gender', totals: { ...gender, X: 1 } }]),
    ).toThrow(/margin "gender": level "X" has no respondents to weight up/);
    const cells: CellCounts = {
      strata: new Map([['A', { populationSize: 10, attributes: {} }]]),
      profiles: new Map<number, Record<string, string | null>>([
        [0, { sex: 'F' }],
        [1, { sex: null }],
      ]),
      respondents: [
        { stratum: 'A', profile: 0, count: 2 },
        { stratum: 'A', profile: 1, count: 1 },
      ],
      bases: [],
      choices: [],
    };
    expect(() =>
      rake(designWeights(createDesign(cells)), [{ variable: 'sex', totals: { F: 10 } }]),
    ).toThrow(/margin "sex": some respondents have no value/);
    expect(() => rake(small.weighting, [])).toThrow(/at least one margin/);
  });
});

describe('trimWeights', () => {
  it('caps weights and shares the excess equally among the others, keeping the total', () => {
    const before = summarizeWeights(small.weighting);
    const trimmed = trimWeights(small.weighting, { upper: 400 });
    const after = summarizeWeights(trimmed);
    expect(after.sum).toBeCloseTo(before.sum, 8);
    expect(after.max).toBe(400);
    // Weights that were inside the bounds all moved up by the same amount.
    const shifts = new Set<string>();
    small.weighting.weights.forEach((weight, cell) => {
      if (weight <= 400) shifts.add(((trimmed.weights[cell] as number) - weight).toFixed(9));
    });
    expect(shifts.size).toBe(1);
  });

  it('repeats until no weight is outside the bounds when strict', () => {
    // One round pushes some weights just under 50 over it again.
    const loose = trimWeights(small.weighting, { upper: 50 });
    expect(summarizeWeights(loose).max).toBeGreaterThan(50);
    const strict = trimWeights(small.weighting, { upper: 50, strict: true });
    expect(summarizeWeights(strict).max).toBeLessThanOrEqual(50 + 1e-9);
    expect(summarizeWeights(strict).sum).toBeCloseTo(small.N, 6);
    // The mean weight is N / n = 22.69; no sharing can bring every weight below 20.
    expect(() => trimWeights(small.weighting, { upper: 20, strict: true })).toThrow(
      /mean weight .* is outside the bounds/,
    );
  });

  it('raises weights below a lower bound the same way', () => {
    const trimmed = trimWeights(small.weighting, { lower: 2 });
    expect(summarizeWeights(trimmed).min).toBe(2);
    expect(summarizeWeights(trimmed).sum).toBeCloseTo(small.N, 8);
  });

  it('rejects bounds that make no sense', () => {
    expect(() => trimWeights(small.weighting, {})).toThrow(/upper or a lower bound/);
    expect(() => trimWeights(small.weighting, { lower: 5, upper: 3 })).toThrow(/lower < upper/);
    expect(() => trimWeights(small.weighting, { upper: 0.5, lower: 0.1 })).toThrow(
      /nothing to share the excess/,
    );
  });
});

describe('methodNotes', () => {
  it('names the lonely and census strata and how raked variances are computed', () => {
    const raked = rake(small.weighting, [agency, { variable: 'gender', totals: gender }]);
    const notes = methodNotes(raked.weighting);
    expect(notes.map((note) => note.code)).toEqual([
      'design',
      'lonely-strata',
      'census-strata',
      'raked',
      'intervals',
      'no-interval-rule',
    ]);
    expect(notes[1]?.text).toMatch(/AG001.*survey\.lonely\.psu = "adjust"/);
    expect(notes[3]?.text).toMatch(/agency, gender.*10 sweeps/);
  });
});
