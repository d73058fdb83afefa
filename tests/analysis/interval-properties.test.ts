// Properties of every interval over generated extreme-weight designs: design-based, containing p̂, never narrower than the closed-form logit one.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDesign,
  designWeights,
  estimateMeans,
  estimateProportions,
  logitInterval,
  rake,
  scoreCountsFromValues,
  stratumTotals,
  type CellCounts,
  type ProportionEstimate,
  type Weighting,
} from '../../analysis/index.ts';

interface Agency {
  headcount: number;
  /** Respondents by (sex, answer): women who said yes, women no, men yes, men no. */
  counts: [number, number, number, number];
}

// Headcounts from 1 to 10⁹ (a census when it equals the respondents), 0–12 respondents per cell.
const agencyArbitrary = fc
  .record({
    extra: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 1000, max: 1_000_000_000 }),
    ),
    counts: fc.tuple(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 12 }),
    ),
  })
  .filter(({ counts }) => counts.some((count) => count > 0))
  .map(({ extra, counts }): Agency => ({
    headcount: counts.reduce((sum, count) => sum + count, 0) + extra,
    counts,
  }));

function cellsOf(agencies: readonly Agency[]): CellCounts {
  const profiles = [
    { sex: 'F', answer: 'yes' },
    { sex: 'F', answer: 'no' },
    { sex: 'M', answer: 'yes' },
    { sex: 'M', answer: 'no' },
  ];
  const entries = agencies.flatMap((agency, h) =>
    agency.counts.flatMap((count, profile) =>
      count > 0 ? [{ stratum: `A${h}`, profile, count }] : [],
    ),
  );
  return {
    strata: new Map(
      agencies.map((agency, h) => [`A${h}`, { populationSize: agency.headcount, attributes: {} }]),
    ),
    profiles: new Map(profiles.map((values, profile) => [profile, { sex: values.sex }])),
    respondents: entries,
    bases: entries.map((entry) => ({ ...entry, question: 'q' })),
    choices: entries.map((entry) => ({
      ...entry,
      question: 'q',
      option: profiles[entry.profile]?.answer as string,
    })),
  };
}

// The invariants every proportion row must keep, whatever the weights.
function checkRow(row: ProportionEstimate): void {
  if (row.nBase === 0) return;
  const p = row.estimate as number;
  const se = row.se as number;
  expect(p).toBeGreaterThanOrEqual(0);
  expect(p).toBeLessThanOrEqual(1);
  expect(Number.isFinite(se) && se >= 0).toBe(true);
  if (row.df < 1 && !(row.flags.census && se === 0)) {
    expect(row.ci).toBeNull();
    expect(row.flags.noInterval).toBe(true);
    expect(row.flags.lowReliability).toBe(true);
    return;
  }
  const ci = row.ci;
  expect(ci).not.toBeNull();
  if (ci === null) return;
  expect(Number.isFinite(ci.low) && Number.isFinite(ci.high)).toBe(true);
  expect(ci.low).toBeLessThanOrEqual(p);
  expect(ci.high).toBeGreaterThanOrEqual(p);
  if (ci.basis === 'census') {
    expect(se).toBe(0);
    expect(row.flags.census).toBe(true);
    expect(ci.high - ci.low).toBe(0);
    return;
  }
  expect(ci.high).toBeGreaterThan(ci.low);
  if (se > 0 && p > 0 && p < 1) {
    const [low, high] = logitInterval(p, se, row.df);
    // R's GLM centre may sit a few 1e-6 off p̂ on the logit scale (see extreme-weight-intervals).
    expect(ci.high - ci.low).toBeGreaterThanOrEqual((high - low) * (1 - 1e-5));
  } else {
    expect(ci.basis).toBe('korn-graubard-base-n');
  }
  expect(row.flags.reviewDegreesOfFreedom).toBe(row.df < 8);
}

function checkWeighting(weighting: Weighting, agencies: readonly Agency[]): void {
  const rows = estimateProportions(weighting, { domains: ['sex', 'agency'] });
  for (const row of rows) checkRow(row);
  // Means of the same 0/1 answer take the same interval decisions (one shared rule).
  const scores = scoreCountsFromValues(
    agencies.flatMap((agency, h) =>
      agency.counts.flatMap((count, profile) =>
        Array.from({ length: count }, () => ({
          stratum: `A${h}`,
          profile,
          score: 'yes',
          value: profile % 2 === 0 ? 1 : 0,
        })),
      ),
    ),
  );
  const means = new Map(
    estimateMeans(weighting, scores, { domains: ['sex', 'agency'] }).map((row) => [
      row.domainValues.join(','),
      row,
    ]),
  );
  for (const row of rows) {
    if (row.option !== 'yes' || row.nBase === 0) continue;
    const mean = means.get(row.domainValues.join(','));
    expect(mean?.se === 0).toBe(row.se === 0);
    expect(mean?.ci?.basis === 'census').toBe(row.ci?.basis === 'census');
    expect(mean?.flags.noInterval).toBe(row.ci === null || row.ci.basis === 'korn-graubard-base-n');
  }
}

describe('intervals over generated extreme-weight designs (fast-check)', () => {
  it('contain p̂, carry the design (never narrower than the closed-form logit), or are absent and flagged at df 0', () => {
    fc.assert(
      fc.property(fc.array(agencyArbitrary, { minLength: 1, maxLength: 6 }), (agencies) => {
        checkWeighting(designWeights(createDesign(cellsOf(agencies))), agencies);
      }),
      { numRuns: 200, seed: 6 },
    );
  });

  it('keep the same properties under raked weights, where census agencies can have SE > 0', () => {
    fc.assert(
      fc.property(
        fc.array(agencyArbitrary, { minLength: 2, maxLength: 6 }),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        (agencies, female) => {
          const design = createDesign(cellsOf(agencies));
          const women = agencies.some((a) => a.counts[0] + a.counts[1] > 0);
          const men = agencies.some((a) => a.counts[2] + a.counts[3] > 0);
          if (!women || !men) return;
          const total = agencies.reduce((sum, a) => sum + a.headcount, 0);
          let raked;
          try {
            raked = rake(designWeights(design), [
              { variable: 'agency', totals: stratumTotals(design) },
              { variable: 'sex', totals: { F: female * total, M: (1 - female) * total } },
            ]);
          } catch {
            return; // margins that cannot be met: reweighting.test.ts covers the error
          }
          checkWeighting(raked.weighting, agencies);
        },
      ),
      { numRuns: 120, seed: 7 },
    );
  });
});
