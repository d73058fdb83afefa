// Intervals by agency under raked weights against R (raked-agency-intervals.R): a raked census agency has SE > 0 and the usual interval.

import { describe, expect, it } from 'vitest';
import {
  estimateProportions,
  rake,
  stratumTotals,
  type ProportionEstimate,
} from '../../analysis/index.ts';
import { expectedKey, keyRows, loadSmall, readExpected, rValue } from './helpers/r-fixtures.ts';

const small = loadSmall();
const raked = rake(small.weighting, [
  { variable: 'agency', totals: stratumTotals(small.design) },
  { variable: 'gender', totals: { F: 0.52 * small.N, M: 0.48 * small.N } },
]).weighting;
const ours = keyRows(
  estimateProportions(raked, {
    questions: small.questions
      .filter((question) => question.name !== 'ms')
      .map((question) => ({ name: question.name, options: question.options })),
    domains: ['agency'],
    national: false,
  }),
);
const expected = readExpected('expected-extra/raked_agency.csv');

// R's svyciprop(method = "logit") errors, or gives [0, 0] or [0, NaN].
const rFailed = (r: Record<string, string>) => {
  const low = rValue(r.logit_l);
  const high = rValue(r.logit_u);
  return low === null || high === null || (low === 0 && high === 0);
};

describe('proportions by agency under raked weights (rake(agency, gender)) against R', () => {
  it('match svyby estimates, SEs and degf to 1e-9, and svyciprop logit wherever it works', () => {
    expect(expected.length).toBe(630);
    let logitCompared = 0;
    for (const r of expected) {
      const row = ours.get(expectedKey(r)) as ProportionEstimate;
      expect(row, expectedKey(r)).toBeDefined();
      expect(Math.abs((row.estimate as number) - (rValue(r.prop) as number))).toBeLessThan(1e-9);
      expect(Math.abs((row.se as number) - (rValue(r.se) as number))).toBeLessThan(1e-9);
      expect(row.df).toBe(rValue(r.df));
      if (rFailed(r) || !((row.se as number) > 0)) continue;
      expect(row.ci?.basis, expectedKey(r)).toBe('design');
      expect(Math.abs((row.ci?.low as number) - (rValue(r.logit_l) as number))).toBeLessThan(1e-9);
      expect(Math.abs((row.ci?.high as number) - (rValue(r.logit_u) as number))).toBeLessThan(1e-9);
      logitCompared++;
    }
    expect(logitCompared).toBeGreaterThan(100);
  });

  it("gives the closed-form logit interval where R's svyciprop fails although SE > 0", () => {
    const failed = expected.filter((r) => rFailed(r) && (rValue(r.se) as number) > 1e-12);
    expect(failed.length).toBeGreaterThan(100);
    for (const r of failed) {
      const row = ours.get(expectedKey(r)) as ProportionEstimate;
      const p = row.estimate as number;
      expect(row.ci?.low as number).toBeLessThanOrEqual(p);
      expect(row.ci?.high as number).toBeGreaterThanOrEqual(p);
      // Ours is the closed form, or R's own glm centre where our replica of its fit converges.
      expect(Math.abs((row.ci?.low as number) - (rValue(r.closed_l) as number))).toBeLessThan(1e-8);
      expect(Math.abs((row.ci?.high as number) - (rValue(r.closed_u) as number))).toBeLessThan(
        1e-8,
      );
    }
  });

  it('gives census agency AG002 (12 of 12) with SE 0.112 the usual interval, not a zero-width one', () => {
    const row = ours.get('agency|AG002|q1|1') as ProportionEstimate;
    expect(row.flags.census).toBe(true);
    expect(row.se).toBeCloseTo(0.111849869551007, 12);
    expect(row.ci).toMatchObject({ basis: 'closed-form-logit' });
    expect(row.ci?.low).toBeCloseTo(0.100334947197599, 12);
    expect(row.ci?.high).toBeCloseTo(0.566705503457565, 12);
    // Where raking leaves it no sampling error (R: SE 1.3e-17, rounding), [p̂, p̂].
    const exact = ours.get('agency|AG002|q1|3') as ProportionEstimate;
    expect(exact.se).toBe(0);
    expect(exact.estimate).toBeCloseTo(0.25, 14);
    expect(exact.ci).toMatchObject({ low: exact.estimate, high: exact.estimate, basis: 'census' });
  });
});
