// Post-stratified, raked and trimmed estimates against R's survey package (postStratify, rake, trimWeights).

import { describe, expect, it } from 'vitest';
import {
  estimateProportions,
  postStratify,
  rake,
  stratumTotals,
  summarizeWeights,
  trimWeights,
  type IntervalMethod,
  type ProportionEstimate,
  type Weighting,
} from '../../analysis/index.ts';
import {
  compareColumns,
  keyRows,
  loadSmall,
  readExpected,
  rValue,
  type ExpectedRow,
} from './helpers/r-fixtures.ts';
import { rColumns, skipRNonAnswers } from './helpers/r-columns.ts';

const small = loadSmall();
const { N } = small;
const questions = small.questions.map((question) => ({
  name: question.name,
  options: question.options,
}));
const gender = { F: 0.52 * N, M: 0.48 * N };
// The same age margin as extra-references.R: shares 1:2:3:4 in this order.
const ages = ['<30', '30-44', '45-59', '60+'];
const age = Object.fromEntries(ages.map((level, i) => [level, (N * (i + 1)) / 10]));
const agency = { variable: 'agency', totals: stratumTotals(small.design) };
const control = { tolerance: 1e-8, maxIterations: 100 };

const postStratified = postStratify(small.weighting, 'gender', gender);
const raked = rake(small.weighting, [agency, { variable: 'gender', totals: gender }], control);

const columns = rColumns;

function estimates(
  weighting: Weighting,
  domains: string[] = [],
  intervals: IntervalMethod[] = ['logit', 'wald', 'korn-graubard'],
) {
  return keyRows(
    estimateProportions(weighting, {
      questions,
      domains,
      national: domains.length === 0,
      intervals,
    }),
  );
}

function expectClose(
  result: ReturnType<typeof compareColumns>,
  tolerances: Record<string, number>,
) {
  expect(result.mismatches).toEqual([]);
  for (const [column, tolerance] of Object.entries(tolerances)) {
    expect(result.differences[column], column).toBeLessThanOrEqual(tolerance);
  }
}

const exact = Object.fromEntries(Object.keys(columns).map((column) => [column, 1e-9]));

describe('calibrated weights against R survey 4.1-1', () => {
  it('post-stratifies to gender totals as postStratify does, SEs included', () => {
    const expected = readExpected('expected/estimates_raked.csv').filter(
      (r) => r.scope === 'poststrat_gender',
    );
    const result = compareColumns(expected, estimates(postStratified), columns, {
      relative: ['se'],
      skip: skipRNonAnswers,
    });
    expect(result.compared).toBe(25);
    expectClose(result, exact);
  });

  it('rakes to agency headcounts and gender totals as rake does, SEs from the same residual sweeps', () => {
    // rake(des, list(~agency, ~gender), …, control = list(maxit = 100, epsilon = 1e-8))
    expect(raked.converged).toBe(true);
    const expected = readExpected('expected/estimates_raked.csv').filter(
      (r) => r.scope === 'rake_agency_gender',
    );
    const result = compareColumns(expected, estimates(raked.weighting), columns, {
      relative: ['se'],
      skip: skipRNonAnswers,
    });
    expect(result.compared).toBe(25);
    expectClose(result, exact);
  });

  it('gives an SE of exactly 0 and the census interval where calibration leaves no sampling error', () => {
    // AG002 is a census (12 of 12), and in these rows its women and men chose the option in the
    // same share (2 of 8, 1 of 4; 4 of 8, 2 of 4), so the gender margin's residuals cancel as
    // well: the SE is 0, not the rounding noise the sums of squares leave (3e-11 post-stratified,
    // 7e-18 raked, which gave ms = c a design interval).
    for (const weighting of [postStratified, raked.weighting]) {
      const rows = estimates(weighting, ['agency']);
      for (const key of ['q1|3', 'q5|B', 'q5|D', 'ms|c'].map((item) => `agency|AG002|${item}`)) {
        const row = rows.get(key) as ProportionEstimate;
        expect(row.se, key).toBe(0);
        for (const method of ['logit', 'wald', 'korn-graubard'] as const) {
          expect(row.intervals[method], `${key} ${method}`).toMatchObject({
            low: row.estimate,
            high: row.estimate,
            basis: 'census',
          });
        }
      }
    }
  });

  it("reaches calibrate(calfun = 'raking')'s weights when iterated to convergence, with a different SE", () => {
    const converged = rake(small.weighting, [agency, { variable: 'gender', totals: gender }], {
      tolerance: 1e-14,
      maxIterations: 1000,
    });
    const expected = readExpected('expected/estimates_raked.csv').filter(
      (r) => r.scope === 'calibrate_raking',
    );
    const result = compareColumns(expected, estimates(converged.weighting), columns, {
      relative: ['se'],
    });
    expect(result.differences.prop).toBeLessThan(1e-9);
    // calibrate() uses exact regression residuals; rake's 10 sweeps are an approximation of them.
    expect(result.differences.se).toBeGreaterThan(1e-4);
    expect(result.differences.se).toBeLessThan(5e-3);
  });

  it('keeps agency totals and meets the gender margin (weights_summary.csv)', () => {
    const summary = readExpected('expected/weights_summary.csv');
    for (const [name, weighting] of [
      ['design', small.weighting],
      ['poststrat_gender', postStratified],
      ['rake_agency_gender', raked.weighting],
    ] as const) {
      const r = summary.find(
        (row) => row.weighting === name || row.weights === name,
      ) as ExpectedRow;
      const weights = summarizeWeights(weighting);
      expect(weights.sum).toBeCloseTo(rValue(r.sum) as number, 8);
      expect(Math.abs(weights.min - (rValue(r.min) as number))).toBeLessThan(1e-9);
      expect(Math.abs(weights.max - (rValue(r.max) as number))).toBeLessThan(1e-9);
      expect(Math.abs(weights.kishDeff - (rValue(r.kish_deff) as number))).toBeLessThan(1e-12);
      let female = 0;
      const agencyTotals = new Map<string, number>();
      weighting.weights.forEach((weight, cell) => {
        const count = small.design.cellCount[cell] as number;
        const profile = small.cells.profiles.get(small.design.cellProfile[cell] as number);
        if (profile?.gender === 'F') female += weight * count;
        const id = small.design.strata[small.design.cellStratum[cell] as number] as string;
        agencyTotals.set(id, (agencyTotals.get(id) ?? 0) + weight * count);
      });
      expect(Math.abs(female - (rValue(r.F_total) as number))).toBeLessThan(1e-8);
      const agencyError = Math.max(
        ...small.design.strata.map((id, h) =>
          Math.abs((agencyTotals.get(id) as number) - (small.design.populationSizes[h] as number)),
        ),
      );
      expect(Math.abs(agencyError - (rValue(r.max_abs_agency_total_error) as number))).toBeLessThan(
        1e-7,
      );
    }
  });

  it('estimates domains under raked and post-stratified weights as svyby does (extra-references.R)', () => {
    const expected = readExpected('expected-extra/calibrated_domains.csv');
    for (const [scope, weighting] of [
      ['rake_agency_gender', raked.weighting],
      ['poststrat_gender', postStratified],
    ] as const) {
      const ours = new Map([
        ...estimates(weighting, ['province'], ['logit', 'wald']),
        ...estimates(weighting, [], ['logit', 'wald']),
        ...keyRows(
          estimateProportions(weighting, {
            questions,
            domains: [['province', 'gender']],
            national: false,
            intervals: ['logit', 'wald'],
          }),
        ),
      ]);
      const rows = expected.filter((r) => r.scope === scope);
      expect(rows.length).toBe(375);
      const result = compareColumns(
        rows,
        ours,
        {
          prop: columns.prop,
          se: columns.se,
          wald_l: columns.wald_l,
          logit_l: columns.logit_l,
          logit_u: columns.logit_u,
          df: columns.df,
          deff: columns.deff,
        },
        {
          relative: ['se'],
          skip: (column, row) => column.startsWith('logit') && row.ci?.basis !== 'design',
        },
      );
      expect(result.compared).toBe(375);
      expectClose(result, {
        prop: 1e-9,
        se: 1e-9,
        wald_l: 1e-9,
        logit_l: 1e-9,
        logit_u: 1e-9,
        df: 0,
        deff: 1e-9,
      });
    }
  });

  it('handles three margins, raking without the agency margin, and trimmed weights (extra-references.R)', () => {
    const threeMargins = rake(
      small.weighting,
      [agency, { variable: 'gender', totals: gender }, { variable: 'age_group', totals: age }],
      control,
    );
    const noAgency = rake(
      small.weighting,
      [
        { variable: 'gender', totals: gender },
        { variable: 'age_group', totals: age },
      ],
      control,
    );
    const weightings: Record<string, Weighting> = {
      rake_agency_gender_age: threeMargins.weighting,
      rake_gender_age: noAgency.weighting,
      trim_design_400: trimWeights(small.weighting, { upper: 400 }),
      trim_rake_800: trimWeights(raked.weighting, { upper: 800 }),
    };
    const sums = readExpected('expected-extra/weightings.csv');
    const expected = readExpected('expected-extra/more_weightings.csv');
    for (const [scope, weighting] of Object.entries(weightings)) {
      const summary = summarizeWeights(weighting);
      const r = sums.find((row) => row.weighting === scope) as ExpectedRow;
      expect(summary.sum).toBeCloseTo(rValue(r.sum) as number, 8);
      expect(Math.abs(summary.min - (rValue(r.min) as number))).toBeLessThan(1e-9);
      expect(Math.abs(summary.max - (rValue(r.max) as number))).toBeLessThan(1e-9);
      const rows = expected.filter((row) => row.scope === scope);
      const result = compareColumns(
        rows,
        estimates(weighting, [], ['logit']),
        {
          prop: columns.prop,
          se: columns.se,
          logit_l: columns.logit_l,
          logit_u: columns.logit_u,
          df: columns.df,
          deff: columns.deff,
        },
        { relative: ['se'] },
      );
      expect(result.compared, scope).toBe(25);
      expectClose(result, {
        prop: 1e-9,
        se: 1e-9,
        logit_l: 1e-9,
        logit_u: 1e-9,
        df: 0,
        deff: 1e-9,
      });
    }
  });
});
