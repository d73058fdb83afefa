// Bases without estimates, and estimates of some domains only: both must equal what the full breakdown gives.

import { describe, expect, it } from 'vitest';
import {
  countBases,
  estimateProportions,
  postStratify,
  type DomainSpec,
  type Weighting,
} from '../../analysis/index.ts';
import { loadSmall } from './helpers/r-fixtures.ts';

const small = loadSmall();
const questions = small.questions.map((q) => ({ name: q.name, options: q.options }));
const breakdowns: DomainSpec[] = [
  'province',
  'agency',
  ['province', 'gender'],
  ['agency', 'gender'],
];

describe('countBases', () => {
  it('gives every question in every domain the base n that estimateProportions gives its rows', () => {
    const names = questions.map((q) => q.name);
    const counted = countBases(small.design, { questions: names, domains: breakdowns });
    const rows = estimateProportions(small.weighting, { questions, domains: breakdowns });
    const expected = new Map(
      rows.map((r) => [
        `${r.domainVariables.join('*')}|${r.domainValues.join('*')}|${r.question}`,
        r.nBase,
      ]),
    );
    let cells = 0;
    for (const { variables, levels, bases } of counted) {
      levels.forEach((values, d) => {
        names.forEach((name, q) => {
          cells += 1;
          const key = `${variables.join('*')}|${values.join('*')}|${name}`;
          expect(bases[d * names.length + q], key).toBe(expected.get(key));
        });
      });
    }
    // Every (question, domain) of the estimates is counted, and nothing else.
    expect(cells).toBe(expected.size);
  });
});

describe('estimateProportions of selected domains', () => {
  const gender = { F: 0.55 * small.N, M: 0.45 * small.N };
  const weightings: [string, Weighting][] = [
    ['design weights', small.weighting],
    ['post-stratified weights', postStratify(small.weighting, 'gender', gender)],
  ];

  it.each(weightings)(
    'gives exactly the full breakdown’s rows for the domains asked for, under %s',
    (_name, weighting) => {
      for (const by of breakdowns) {
        const full = estimateProportions(weighting, { questions, national: false, domains: [by] });
        const levels = [...new Set(full.map((r) => JSON.stringify(r.domainValues)))].map(
          (v) => JSON.parse(v) as string[],
        );
        // Every other domain, plus a value no respondent has (no row for it).
        const wanted = levels.filter((_, i) => i % 2 === 1);
        const selected = estimateProportions(weighting, {
          questions,
          national: false,
          domains: [{ by, values: [...wanted, levels[0]!.map(() => 'nobody')] }],
        });
        const keys = new Set(wanted.map((v) => JSON.stringify(v)));
        const expected = full.filter((r) => keys.has(JSON.stringify(r.domainValues)));
        expect(expected.length).toBeGreaterThan(0);
        expect(selected).toEqual(expected);
      }
    },
  );
});
