// Design-weighted estimates (national and svyby domains) against R's survey package, to 1e-9.

import { describe, expect, it } from 'vitest';
import {
  estimateProportions,
  summarizeWeights,
  type IntervalMethod,
  type ProportionEstimate,
} from '../../analysis/index.ts';
import {
  compareColumns,
  expectedKey,
  keyRows,
  loadSmall,
  readExpected,
  rValue,
  type ExpectedRow,
} from './helpers/r-fixtures.ts';
import {
  rColumns,
  rHasNoUsableInterval,
  rLogitBreaksDown,
  skipWhereRHasNoDesignInterval,
} from './helpers/r-columns.ts';

const small = loadSmall();
const methods: IntervalMethod[] = ['logit', 'wald', 'korn-graubard'];
const questions = small.questions.map((question) => ({
  name: question.name,
  options: question.options,
}));
const rows = estimateProportions(small.weighting, {
  questions,
  domains: ['province', 'gender', 'agency'],
  intervals: methods,
});
const ours = keyRows(rows);

const columns = rColumns;

function expectMatchesR(expected: readonly ExpectedRow[]) {
  const result = compareColumns(expected, ours, columns, {
    skip: skipWhereRHasNoDesignInterval,
  });
  expect(result.mismatches).toEqual([]);
  expect(result.compared).toBe(expected.length);
  for (const column of Object.keys(columns)) {
    expect(result.differences[column], column).toBeLessThanOrEqual(1e-9);
  }
}

describe('design-weighted proportions against R survey 4.1-1', () => {
  it('matches every national estimate, SE, interval, df, deff and effective n to 1e-9', () => {
    // svymean(~q, subset(des, !is.na(q)), deff = TRUE); svyciprop(~I(q == o), …, method = "logit" / "beta")
    expectMatchesR(readExpected('expected/estimates_national.csv'));
  });

  it('matches every svyby domain (province, gender, agency) the same way, never by subsetting rows', () => {
    // svyby(~q, ~province, des, svymean, deff = TRUE); svyby(~I(q == o), ~province, des, svyciprop)
    const expected = readExpected('expected/estimates_domains.csv');
    expect(expected.length).toBe(925);
    expectMatchesR(expected);
  });

  it('matches svyby over two variables (province × gender) the same way (extra-references.R)', () => {
    // svyby(~q, ~interaction(province, gender), des, svymean, deff = TRUE), svyciprop per option
    const expected = readExpected('expected-extra/pair_domains.csv');
    expect(expected.length).toBe(250);
    const pairs = keyRows(
      estimateProportions(small.weighting, {
        questions,
        domains: [['province', 'gender']],
        national: false,
        intervals: methods,
      }),
    );
    const {
      n_base: _n,
      n_option: _o,
      wsum_base: _w,
      n_eff: _e,
      kish_deff: _k,
      ...shared
    } = columns;
    const result = compareColumns(expected, pairs, shared, {
      skip: skipWhereRHasNoDesignInterval,
    });
    expect(result.mismatches).toEqual([]);
    expect(result.compared).toBe(250);
    for (const column of Object.keys(shared))
      expect(result.differences[column], column).toBeLessThanOrEqual(1e-9);
  });

  it('gives an interval by the design formula exactly where R gives a usable one', () => {
    const expected = [
      ...readExpected('expected/estimates_national.csv'),
      ...readExpected('expected/estimates_domains.csv'),
    ];
    const edgeCases = expected.filter(rHasNoUsableInterval);
    expect(edgeCases.length).toBeGreaterThan(100);
    for (const r of expected) {
      const row = ours.get(expectedKey(r)) as ProportionEstimate;
      const basis = rHasNoUsableInterval(r) ? expect.not.stringMatching(/^design$/) : 'design';
      for (const method of methods)
        expect(row.intervals[method]?.basis, expectedKey(r)).toEqual(basis);
    }
  });

  it("gives the logit formula's interval where R's breaks down at df = 1", () => {
    const broken = readExpected('expected/estimates_domains.csv').filter(
      (r) => rLogitBreaksDown('logit_u', r) && !rHasNoUsableInterval(r),
    );
    expect(broken.length).toBeGreaterThan(10);
    for (const r of broken) {
      const row = ours.get(expectedKey(r)) as ProportionEstimate;
      const logit = row.intervals.logit;
      expect(logit?.basis).toBe('design');
      // t(1 df) = 12.706…: the interval spans nearly all of (0, 1) but stays inside it.
      expect(logit?.low).toBeGreaterThan(0);
      expect(logit?.low).toBeLessThan(1e-6);
      expect(logit?.high).toBeLessThan(1);
      expect(logit?.high).toBeGreaterThan(1 - 1e-6);
      // R's Wald and Korn–Graubard intervals are usable there, and ours match them.
      expect(
        Math.abs((row.intervals.wald?.high as number) - (rValue(r.wald_u) as number)),
      ).toBeLessThan(1e-9);
      expect(
        Math.abs((row.intervals['korn-graubard']?.low as number) - (rValue(r.beta_l) as number)),
      ).toBeLessThan(1e-9);
    }
  });

  it('adds rows with an empty base where a domain has respondents but none answered', () => {
    const extra = rows.filter((row) => row.nBase === 0);
    const rKeys = new Set(readExpected('expected/estimates_domains.csv').map(expectedKey));
    for (const row of extra) {
      expect(row.estimate).toBeNull();
      expect(
        rKeys.has(
          `${row.domainVariables.join(',')}|${row.domainValues.join(',')}|${row.question}|${row.option}`,
        ),
      ).toBe(false);
    }
  });

  it('reports the design as R describes it: strata, df, weights and Kish deff', () => {
    const [summary] = readExpected('expected/design_summary.csv') as [ExpectedRow];
    const weights = summarizeWeights(small.weighting);
    expect(weights.respondents).toBe(rValue(summary.n));
    expect(small.design.strata.length).toBe(rValue(summary.strata));
    expect(weights.respondents - small.design.strata.length).toBe(rValue(summary.degf));
    expect(weights.sum).toBeCloseTo(rValue(summary.sum_weights) as number, 9);
    expect(Math.abs(weights.kishDeff - (rValue(summary.kish_deff) as number))).toBeLessThan(1e-12);
    expect(weights.min).toBe(rValue(summary.min_w));
    expect(weights.max).toBe(rValue(summary.max_w));
    expect(small.design.singletonStrata).toEqual([summary.singleton_strata]);
    expect(small.design.censusStrata).toEqual([summary.census_strata]);
  });

  it('treats the lonely stratum as survey.lonely.psu = "adjust" does', () => {
    const adjust = readExpected('expected/lonely_psu_comparison.csv').filter(
      (r) => r.lonely_psu === 'adjust',
    );
    expect(adjust).toHaveLength(5);
    for (const r of adjust) {
      const row = ours.get(`||q1|${r.option}`) as ProportionEstimate;
      expect(Math.abs((row.se as number) - (rValue(r.se) as number))).toBeLessThan(1e-15);
    }
    // Under "remove" (no lonely-stratum term) R's SE is smaller; ours must not be that one.
    const remove = readExpected('expected/lonely_psu_comparison.csv').find(
      (r) => r.lonely_psu === 'remove' && r.option === '4',
    );
    expect((ours.get('||q1|4') as ProportionEstimate).se).toBeGreaterThan(
      (rValue(remove?.se) as number) + 1e-3,
    );
  });
});
