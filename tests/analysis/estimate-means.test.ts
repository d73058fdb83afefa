// Weighted means of per-respondent scores: against R's svymean/svyby, and against the proportion estimator.

import { describe, expect, it } from 'vitest';
import {
  createDesign,
  designWeights,
  estimateMeans,
  estimateProportions,
  percentCorrect,
  perceptionIndexOf,
  rake,
  scoreCountsFromValues,
  stratumTotals,
  understandingClass,
  type CellCounts,
  type MeanEstimate,
} from '../../analysis/index.ts';
import { loadSmall, readCsv, readExpected, rValue } from './helpers/r-fixtures.ts';

const small = loadSmall();
const { rows: records } = readCsv('test_small.csv');

// Per-respondent scores as extra-references.R defines them: options ticked, and q1 as a number.
const scoreCounts = scoreCountsFromValues(
  records.flatMap((record, index) => {
    const stratum = record.agency as string;
    const profile = small.rowProfiles[index] as number;
    const ticked = ['ms_a', 'ms_b', 'ms_c', 'ms_d'].reduce(
      (sum, column) => sum + Number(record[column]),
      0,
    );
    return [
      { stratum, profile, score: 'score_ms', value: ticked },
      { stratum, profile, score: 'score_q1', value: record.q1 === '' ? null : Number(record.q1) },
    ];
  }),
);

function keyed(rows: MeanEstimate[]): Map<string, MeanEstimate> {
  return new Map(
    rows.map((row) => [
      `${row.domainVariables.join(',')}|${row.domainValues.join(',')}|${row.score}`,
      row,
    ]),
  );
}

describe('estimateMeans', () => {
  it('matches svymean and svyby (design and raked weights) to 1e-9', () => {
    const raked = rake(small.weighting, [
      { variable: 'agency', totals: stratumTotals(small.design) },
      { variable: 'gender', totals: { F: 0.52 * small.N, M: 0.48 * small.N } },
    ]);
    const expected = readExpected('expected-extra/means.csv');
    for (const [scope, weighting] of [
      ['design', small.weighting],
      ['rake_agency_gender', raked.weighting],
    ] as const) {
      const ours = keyed(
        estimateMeans(weighting, scoreCounts, { domains: ['province', 'agency'] }),
      );
      const rows = expected.filter((r) => r.scope === scope);
      expect(rows.length).toBe(72);
      for (const r of rows) {
        const row = ours.get(`${r.domain_var}|${r.domain}|${r.score}`) as MeanEstimate;
        expect(row, `${scope} ${r.domain}`).toBeDefined();
        expect(Math.abs((row.estimate as number) - (rValue(r.mean) as number))).toBeLessThan(1e-9);
        expect(Math.abs((row.se as number) - (rValue(r.se) as number))).toBeLessThan(1e-9);
        expect(row.df).toBe(rValue(r.df));
        const deff = rValue(r.deff);
        if (deff === null) expect(row.deff).toBeNull();
        else expect(Math.abs((row.deff as number) - deff)).toBeLessThan(1e-9);
      }
    }
  });

  it('gives the same estimate and SE as the proportion estimator for a 0/1 score', () => {
    const indicator = scoreCountsFromValues(
      records.map((record, index) => ({
        stratum: record.agency as string,
        profile: small.rowProfiles[index] as number,
        score: 'q4_is_B',
        value: record.q4 === '' ? null : record.q4 === 'B' ? 1 : 0,
      })),
    );
    const means = keyed(estimateMeans(small.weighting, indicator, { domains: ['province'] }));
    for (const proportion of estimateProportions(small.weighting, {
      questions: ['q4'],
      domains: ['province'],
    })) {
      if (proportion.option !== 'B') continue;
      const mean = means.get(
        `${proportion.domainVariables.join(',')}|${proportion.domainValues.join(',')}|q4_is_B`,
      );
      expect(Math.abs((mean?.estimate as number) - (proportion.estimate as number))).toBeLessThan(
        1e-14,
      );
      expect(Math.abs((mean?.se as number) - (proportion.se as number))).toBeLessThan(1e-14);
      expect(mean?.df).toBe(proportion.df);
    }
  });

  it('takes every interval decision as the proportion estimator does, for 0/1 scores under design and raked weights', () => {
    // One rule (intervalCase) and one rounding-noise rule (withoutVarianceNoise) for both: a
    // census agency's share under raking had SE 0 while its mean had 8.9e-18 and a t interval.
    const raked = rake(small.weighting, [
      { variable: 'agency', totals: stratumTotals(small.design) },
      { variable: 'gender', totals: { F: 0.52 * small.N, M: 0.48 * small.N } },
    ]).weighting;
    const questions = ['q1', 'q2', 'q3', 'q4', 'q5'];
    const indicators = scoreCountsFromValues(
      records.flatMap((record, index) =>
        small.questions
          .filter((question) => questions.includes(question.name))
          .flatMap((question) =>
            question.options.map((option) => {
              const answer = record[question.name] ?? '';
              return {
                stratum: record.agency as string,
                profile: small.rowProfiles[index] as number,
                score: `${question.name}=${option}`,
                value: answer === '' ? null : answer === option ? 1 : 0,
              };
            }),
          ),
      ),
    );
    let compared = 0;
    let exactZero = 0;
    for (const weighting of [small.weighting, raked]) {
      const means = keyed(
        estimateMeans(weighting, indicators, { domains: ['agency', 'province'] }),
      );
      for (const proportion of estimateProportions(weighting, {
        questions,
        domains: ['agency', 'province'],
      })) {
        if (proportion.nBase === 0) continue;
        const key = `${proportion.domainVariables.join(',')}|${proportion.domainValues.join(',')}|${proportion.question}=${proportion.option}`;
        const mean = means.get(key) as MeanEstimate;
        expect(mean, key).toBeDefined();
        expect(mean.se === 0, key).toBe(proportion.se === 0);
        if (proportion.se === 0) exactZero++;
        expect(mean.ci?.basis === 'census', key).toBe(proportion.ci?.basis === 'census');
        expect(mean.ci === null, key).toBe(
          proportion.ci === null || proportion.ci.basis === 'korn-graubard-base-n',
        );
        expect(mean.flags.census, key).toBe(proportion.flags.census);
        expect(mean.flags.reviewDegreesOfFreedom, key).toBe(
          proportion.flags.reviewDegreesOfFreedom,
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1500);
    expect(exactZero).toBeGreaterThan(50);
    const census = keyed(estimateMeans(raked, indicators, { domains: ['agency'] })).get(
      'agency|AG002|q1=3',
    ) as MeanEstimate;
    expect(census.se).toBe(0);
    expect(census.ci).toMatchObject({
      low: census.estimate,
      high: census.estimate,
      basis: 'census',
    });
    const rakedCensus = keyed(estimateMeans(raked, indicators, { domains: ['agency'] })).get(
      'agency|AG002|q1=1',
    ) as MeanEstimate;
    // SE 0.1118 (R: svyby(~I(q1 == 1), ~agency, rake(…), svymean)): the usual t interval.
    expect(rakedCensus.se).toBeCloseTo(0.11184986955100726, 12);
    expect(rakedCensus.ci?.basis).toBe('design');
  });

  it('gives a t interval, and [mean, mean] for a census domain', () => {
    const rows = keyed(estimateMeans(small.weighting, scoreCounts, { domains: ['agency'] }));
    const national = rows.get('||score_ms') as MeanEstimate;
    const half = (national.ci?.high as number) - (national.estimate as number);
    // qt(0.975, 1970) = 1.961168910747918
    expect(half / (national.se as number)).toBeCloseTo(1.961168910747918, 12);
    const census = rows.get('agency|AG002|score_ms') as MeanEstimate;
    expect(census.flags.census).toBe(true);
    expect(census.se).toBe(0);
    expect(census.ci).toEqual({
      low: census.estimate,
      high: census.estimate,
      method: 't',
      basis: 'census',
    });
    const lonely = rows.get('agency|AG001|score_ms') as MeanEstimate;
    expect(lonely.df).toBe(0);
    expect(lonely.ci).toBeNull();
    expect(lonely.flags.lowReliability).toBe(true);
    expect(lonely.flags.noInterval).toBe(true);
    expect(lonely.flags.reviewDegreesOfFreedom).toBe(true);
  });

  it('returns an empty row, not an error, for a domain without scores', () => {
    const cells: CellCounts = {
      strata: new Map([
        ['A', { populationSize: 10, attributes: {} }],
        ['B', { populationSize: 20, attributes: {} }],
      ]),
      profiles: new Map([
        [0, { sex: 'F' }],
        [1, { sex: 'M' }],
      ]),
      respondents: [
        { stratum: 'A', profile: 0, count: 3 },
        { stratum: 'B', profile: 1, count: 4 },
      ],
      bases: [],
      choices: [],
    };
    const weighting = designWeights(createDesign(cells));
    const rows = estimateMeans(
      weighting,
      [{ stratum: 'A', profile: 0, score: 's', count: 3, sum: 6, sumOfSquares: 14 }],
      { domains: ['sex'], national: false },
    );
    expect(rows.map((row) => [row.domainValues[0], row.nBase, row.estimate])).toEqual([
      ['F', 3, 2],
      ['M', 0, null],
    ]);
  });

  it('computes the understanding score, the share classed Baik and the index from respondents', () => {
    // Two agencies; each respondent: items correct out of 14, and a mean of the nine Likert items.
    const people = [
      { stratum: 'A', correct: 13, likert: 3.8 },
      { stratum: 'A', correct: 9, likert: 3.1 },
      { stratum: 'A', correct: 12, likert: 3.5 },
      { stratum: 'B', correct: 6, likert: 2.2 },
      { stratum: 'B', correct: 11, likert: 2.9 },
    ];
    const populations: Record<string, number> = { A: 30, B: 8 };
    const cells: CellCounts = {
      strata: new Map(
        Object.entries(populations).map(([id, N]) => [id, { populationSize: N, attributes: {} }]),
      ),
      profiles: new Map([[0, {}]]),
      respondents: [
        { stratum: 'A', profile: 0, count: 3 },
        { stratum: 'B', profile: 0, count: 2 },
      ],
      bases: [],
      choices: [],
    };
    const weighting = designWeights(createDesign(cells));
    const scores = scoreCountsFromValues(
      people.flatMap((person) => {
        const percent = percentCorrect(person.correct, 14);
        return [
          { stratum: person.stratum, profile: 0, score: 'understanding', value: percent },
          {
            stratum: person.stratum,
            profile: 0,
            score: 'baik',
            value: understandingClass(percent) === 'Baik' ? 1 : 0,
          },
          { stratum: person.stratum, profile: 0, score: 'index', value: person.likert },
        ];
      }),
    );
    const rows = keyed(estimateMeans(weighting, scores, { domains: ['agency'] }));

    // The same estimates from respondent rows, written out independently of the cell algebra.
    function rowLevel(value: (person: (typeof people)[number]) => number) {
      const weightOf = (stratum: string) =>
        (populations[stratum] as number) / people.filter((p) => p.stratum === stratum).length;
      const total = people.reduce((sum, p) => sum + weightOf(p.stratum), 0);
      const mean = people.reduce((sum, p) => sum + weightOf(p.stratum) * value(p), 0) / total;
      let variance = 0;
      for (const stratum of ['A', 'B']) {
        const z = people
          .filter((p) => p.stratum === stratum)
          .map((p) => (weightOf(stratum) * (value(p) - mean)) / total);
        const n = z.length;
        const zBar = z.reduce((a, b) => a + b, 0) / n;
        const f = 1 - n / (populations[stratum] as number);
        variance += ((f * n) / (n - 1)) * z.reduce((sum, zi) => sum + (zi - zBar) ** 2, 0);
      }
      return { mean, se: Math.sqrt(variance) };
    }
    const understanding = rowLevel((p) => percentCorrect(p.correct, 14));
    const baik = rowLevel((p) =>
      understandingClass(percentCorrect(p.correct, 14)) === 'Baik' ? 1 : 0,
    );
    const index = rowLevel((p) => p.likert);
    expect(rows.get('||understanding')?.estimate).toBeCloseTo(understanding.mean, 12);
    expect(rows.get('||understanding')?.se).toBeCloseTo(understanding.se, 12);
    // Baik: 13/14 = 92.9% and 12/14 = 85.7% in A; nobody in B (6/14, 11/14 = 78.6%).
    expect(rows.get('||baik')?.estimate).toBeCloseTo(baik.mean, 12);
    expect(rows.get('||baik')?.estimate).toBeCloseTo((2 * 10) / 38, 12);
    expect(rows.get('||baik')?.se).toBeCloseTo(baik.se, 12);
    const national = perceptionIndexOf(rows.get('||index') as MeanEstimate);
    expect(national?.value).toBeCloseTo(index.mean * 25, 10);
    expect(national?.se).toBeCloseTo(index.se * 25, 10);
    // Agency A: (3.8 + 3.1 + 3.5)/3 × 25 = 86.67 → B; agency B: 2.55 × 25 = 63.75 → D.
    expect(perceptionIndexOf(rows.get('agency|A|index') as MeanEstimate)).toMatchObject({
      index: 86.67,
      grade: 'B',
    });
    expect(perceptionIndexOf(rows.get('agency|B|index') as MeanEstimate)).toMatchObject({
      index: 63.75,
      grade: 'D',
    });
  });

  it('rejects score cells that cannot come from the design', () => {
    expect(() =>
      estimateMeans(small.weighting, [
        { stratum: 'nowhere', profile: 0, score: 's', count: 1, sum: 1, sumOfSquares: 1 },
      ]),
    ).toThrow(/stratum "nowhere".*no respondents/);
    expect(() => estimateMeans(small.weighting, scoreCounts, { scores: ['unknown'] })).toThrow(
      /unknown score "unknown"/,
    );
  });
});
