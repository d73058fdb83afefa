// Building the design from cell counts, and resolving domains the way svyby forms its groups.

import { describe, expect, it } from 'vitest';
import {
  createDesign,
  designWeights,
  estimateProportions,
  resolveDomains,
  type CellCounts,
} from '../../analysis/index.ts';

// Two agencies: A (province P1, N = 100) and B (province P2, N = 50).
function cells(overrides: Partial<CellCounts> = {}): CellCounts {
  return {
    strata: new Map([
      ['A', { populationSize: 100, attributes: { province: 'P1' } }],
      ['B', { populationSize: 50, attributes: { province: 'P2' } }],
      ['C', { populationSize: 70, attributes: { province: 'P2' } }],
    ]),
    profiles: new Map<number, Record<string, string | null>>([
      [0, { sex: 'F' }],
      [1, { sex: 'M' }],
      [2, { sex: null }],
    ]),
    respondents: [
      { stratum: 'A', profile: 0, count: 4 },
      { stratum: 'A', profile: 1, count: 6 },
      { stratum: 'B', profile: 0, count: 3 },
      { stratum: 'B', profile: 2, count: 2 },
    ],
    bases: [
      { stratum: 'A', profile: 0, question: 'q', count: 4 },
      { stratum: 'A', profile: 1, question: 'q', count: 5 },
      { stratum: 'B', profile: 0, question: 'q', count: 3 },
      { stratum: 'B', profile: 2, question: 'q', count: 2 },
    ],
    choices: [
      { stratum: 'A', profile: 0, question: 'q', option: 'yes', count: 3 },
      { stratum: 'A', profile: 1, question: 'q', option: 'yes', count: 1 },
      { stratum: 'A', profile: 1, question: 'q', option: 'no', count: 4 },
      { stratum: 'B', profile: 0, question: 'q', option: 'no', count: 3 },
      { stratum: 'B', profile: 2, question: 'q', option: 'yes', count: 2 },
    ],
    ...overrides,
  };
}

describe('createDesign', () => {
  it('weights each respondent N_h / n_h and leaves out strata without respondents', () => {
    const design = createDesign(cells());
    expect(design.strata).toEqual(['A', 'B']);
    expect([...design.sampleSizes]).toEqual([10, 5]);
    const { weights } = designWeights(design);
    expect([...weights]).toEqual([10, 10, 10, 10]);
  });

  it('adds up entries given more than once for the same cell', () => {
    const base = cells();
    const design = createDesign({
      ...base,
      respondents: [...base.respondents, { stratum: 'A', profile: 0, count: 1 }],
      bases: [...base.bases, { stratum: 'A', profile: 0, question: 'q', count: 1 }],
      choices: [
        ...base.choices,
        { stratum: 'A', profile: 0, question: 'q', option: 'yes', count: 1 },
      ],
    });
    expect(design.sampleSizes[0]).toBe(11);
    const [yes] = estimateProportions(designWeights(design), {
      questions: [{ name: 'q', options: ['yes', 'no'] }],
    });
    expect(yes?.nOption).toBe(7);
    expect(yes?.nBase).toBe(15);
  });

  it('rejects counts that cannot come from one survey', () => {
    expect(() =>
      createDesign(cells({ respondents: [{ stratum: 'Z', profile: 0, count: 1 }] })),
    ).toThrow(/unknown stratum "Z"/);
    expect(() =>
      createDesign(cells({ respondents: [{ stratum: 'A', profile: 9, count: 1 }] })),
    ).toThrow(/unknown profile 9/);
    expect(() =>
      createDesign(cells({ respondents: [{ stratum: 'B', profile: 0, count: 51 }] })),
    ).toThrow(/stratum "B": 51 respondents but a population of 50/);
    expect(() =>
      createDesign(cells({ respondents: [{ stratum: 'A', profile: 0, count: 1.5 }] })),
    ).toThrow(/non-negative integers/);
    expect(() =>
      createDesign(cells({ bases: [{ stratum: 'A', profile: 0, question: 'q', count: 5 }] })),
    ).toThrow(/base of "q" exceeds/);
    expect(() =>
      createDesign(
        cells({ choices: [{ stratum: 'A', profile: 1, question: 'q', option: 'no', count: 6 }] }),
      ),
    ).toThrow(/exceed the question's base/);
    expect(() =>
      createDesign(
        cells({ choices: [{ stratum: 'C', profile: 0, question: 'q', option: 'no', count: 1 }] }),
      ),
    ).toThrow(/stratum "C", profile 0: no respondents there/);
  });
});

describe('resolveDomains', () => {
  const design = createDesign(cells());

  it('resolves the stratum, stratum attributes and profile variables', () => {
    expect(resolveDomains(design, 'agency').levels).toEqual([['A'], ['B']]);
    expect(resolveDomains(design, 'province').levels).toEqual([['P1'], ['P2']]);
    expect(resolveDomains(design, 'sex').levels).toEqual([['F'], ['M']]);
  });

  it('crosses two variables into the combinations present, leaving out missing values', () => {
    const pairs = resolveDomains(design, ['province', 'sex']);
    expect(pairs.levels).toEqual([
      ['P1', 'F'],
      ['P1', 'M'],
      ['P2', 'F'],
    ]);
    expect([...pairs.levelOfCell]).toEqual([0, 1, 2, -1]);
  });

  it('rejects unknown, ambiguous and malformed breakdowns', () => {
    expect(() => resolveDomains(design, 'religion')).toThrow(/unknown domain variable "religion"/);
    expect(() => resolveDomains(design, ['sex', 'sex'])).toThrow(/cannot cross "sex" with itself/);
    expect(() => resolveDomains(design, ['sex', 'province', 'agency'])).toThrow(
      /one or two variables/,
    );
    const both = cells();
    both.profiles.set(0, { sex: 'F', province: 'P1' });
    expect(() => resolveDomains(createDesign(both), 'province')).toThrow(
      /both a stratum attribute and a profile variable/,
    );
  });

  it('estimates a domain from the whole design: a domain of everyone equals the national figure', () => {
    const everyone = cells();
    for (const info of everyone.strata.values()) info.attributes.country = 'ID';
    const weighting = designWeights(createDesign(everyone));
    const [national, , domain] = estimateProportions(weighting, {
      questions: [{ name: 'q', options: ['yes', 'no'] }],
      domains: ['country'],
    });
    expect(domain?.domainValues).toEqual(['ID']);
    expect(domain?.estimate).toBe(national?.estimate);
    expect(domain?.se).toBe(national?.se);
  });

  it('gives a domain without any answers an empty row, not an error', () => {
    const noAnswersFromMen = cells({
      bases: cells().bases.filter((entry) => entry.profile !== 1),
      choices: cells().choices.filter((entry) => entry.profile !== 1),
    });
    const rows = estimateProportions(designWeights(createDesign(noAnswersFromMen)), {
      questions: [{ name: 'q', options: ['yes', 'no'] }],
      domains: ['sex'],
      national: false,
    });
    expect(rows.filter((row) => row.domainValues[0] === 'M')).toEqual([
      expect.objectContaining({ option: 'yes', nBase: 0, estimate: null, se: null, ci: null }),
      expect.objectContaining({ option: 'no', nBase: 0, estimate: null, se: null, ci: null }),
    ]);
  });

  it('rejects unknown questions and answers outside the listed options', () => {
    const weighting = designWeights(design);
    expect(() => estimateProportions(weighting, { questions: ['nope'] })).toThrow(
      /unknown question "nope"/,
    );
    expect(() =>
      estimateProportions(weighting, { questions: [{ name: 'q', options: ['yes'] }] }),
    ).toThrow(/option "no", which is not listed/);
  });
});
