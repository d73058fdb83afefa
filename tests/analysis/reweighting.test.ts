// Post-stratification, raking and trimming: what they guarantee, and how they fail on bad margins.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDesign,
  designWeights,
  marginFromShares,
  methodNotes,
  postStratify,
  rake,
  RakingError,
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

  it('throws, naming the margin and its gap, when the margins are not met within the passes allowed', () => {
    expect(() =>
      rake(small.weighting, [agency, { variable: 'gender', totals: gender }], {
        tolerance: 1e-15,
        maxIterations: 2,
      }),
    ).toThrow(/raking cannot meet margin "agency": level "AG\d+" .* after 2 passes/);
  });

  it('throws when margins contradict each other: an agency of only women and a smaller national share', () => {
    // Agency A (headcount 100) has only women; B (100) both. F:0.3 of 200 is 60 < A's 100:
    // the weights settle with agency totals 60/140, which used to be reported as converged.
    const cells: CellCounts = {
      strata: new Map([
        ['A', { populationSize: 100, attributes: {} }],
        ['B', { populationSize: 100, attributes: {} }],
      ]),
      profiles: new Map<number, Record<string, string | null>>([
        [0, { gender: 'F' }],
        [1, { gender: 'M' }],
      ]),
      respondents: [
        { stratum: 'A', profile: 0, count: 10 },
        { stratum: 'B', profile: 0, count: 5 },
        { stratum: 'B', profile: 1, count: 5 },
      ],
      bases: [],
      choices: [],
    };
    const design = createDesign(cells);
    const margins = (female: number) => [
      { variable: 'agency', totals: stratumTotals(design) },
      { variable: 'gender', totals: marginFromShares('gender', { F: female, M: 1 - female }, 200) },
    ];
    let caught: unknown;
    try {
      rake(designWeights(design), margins(0.3));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RakingError);
    expect(caught).toMatchObject({ variable: 'agency', level: 'A', total: 100 });
    expect((caught as RakingError).achieved).toBeCloseTo(60, 6);
    expect((caught as RakingError).message).toMatch(
      /margin "agency": level "A" has weighted total 60(\.\d+)? against its population total 100 \(gap -40/,
    );
    // F:0.7 can be met (A 100 women, B 40 women and 60 men).
    const met = rake(designWeights(design), margins(0.7));
    expect(met.converged).toBe(true);
    expect(met.largestGap).toBeLessThanOrEqual(1e-8 * 200);
  });

  it('returns only weights that meet every margin within the tolerance, or throws (random designs)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            headcount: fc.integer({ min: 20, max: 5000 }),
            women: fc.integer({ min: 0, max: 8 }),
            men: fc.integer({ min: 0, max: 8 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (agencies, female) => {
          const usable = agencies.filter((a) => a.women + a.men > 0);
          if (usable.length === 0 || usable.every((a) => a.women === 0)) return;
          if (usable.every((a) => a.men === 0)) return;
          const cells: CellCounts = {
            strata: new Map(
              usable.map((a, h) => [`A${h}`, { populationSize: a.headcount, attributes: {} }]),
            ),
            profiles: new Map<number, Record<string, string | null>>([
              [0, { gender: 'F' }],
              [1, { gender: 'M' }],
            ]),
            respondents: usable.flatMap((a, h) => [
              ...(a.women > 0 ? [{ stratum: `A${h}`, profile: 0, count: a.women }] : []),
              ...(a.men > 0 ? [{ stratum: `A${h}`, profile: 1, count: a.men }] : []),
            ]),
            bases: [],
            choices: [],
          };
          const design = createDesign(cells);
          const total = usable.reduce((sum, a) => sum + a.headcount, 0);
          const genderTotals = { F: female * total, M: (1 - female) * total };
          let result;
          try {
            result = rake(designWeights(design), [
              { variable: 'agency', totals: stratumTotals(design) },
              { variable: 'gender', totals: genderTotals },
            ]);
          } catch (error) {
            expect(error).toBeInstanceOf(RakingError);
            const { achieved, total: target, allowed } = error as RakingError;
            expect(Math.abs(achieved - target)).toBeGreaterThan(allowed);
            return;
          }
          const byAgency = new Map<string, number>();
          const byGender = new Map<string, number>();
          result.weighting.weights.forEach((weight, cell) => {
            const w = weight * (design.cellCount[cell] as number);
            const stratum = design.strata[design.cellStratum[cell] as number] as string;
            const sex = design.cellProfile[cell] === 0 ? 'F' : 'M';
            byAgency.set(stratum, (byAgency.get(stratum) ?? 0) + w);
            byGender.set(sex, (byGender.get(sex) ?? 0) + w);
          });
          design.strata.forEach((id, h) => {
            expect(
              Math.abs((byAgency.get(id) as number) - (design.populationSizes[h] as number)),
            ).toBeLessThanOrEqual(1e-8 * total);
          });
          expect(Math.abs((byGender.get('F') as number) - genderTotals.F)).toBeLessThanOrEqual(
            1e-8 * total,
          );
        },
      ),
      { numRuns: 300, seed: 20261129 },
    );
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
    const indonesian = methodNotes(raked.weighting, 'id');
    expect(indonesian.map((note) => note.code)).toEqual(notes.map((note) => note.code));
    expect(indonesian[1]?.text).toMatch(/AG001.*survey\.lonely\.psu = "adjust"/);
    expect(indonesian[0]?.text).toMatch(/^Sampel berstrata/);
    expect(notes[3]?.text).toMatch(/agency, gender.*10 sweeps/);
  });
});

describe('marginFromShares', () => {
  it('turns shares into totals without rescaling, and refuses shares that do not add up to 1', () => {
    expect(marginFromShares('gender', { F: 0.52, M: 0.48 }, 1000)).toEqual(
      new Map([
        ['F', 520],
        ['M', 480],
      ]),
    );
    expect(marginFromShares('x', { a: 0.1, b: 0.2, c: 0.7 }, 10).get('c')).toBeCloseTo(7, 12);
    expect(() => marginFromShares('gender', { F: 0.42, M: 0.48 }, 1000)).toThrow(
      /margin "gender": shares add up to 0\.9, not 1 \(F:0\.42,M:0\.48\)/,
    );
    expect(() => marginFromShares('gender', { F: 0.6, M: 0.6 }, 1000)).toThrow(/add up to 1\.2/);
    expect(() => marginFromShares('gender', { F: 0, M: 1 }, 1000)).toThrow(/must be in \(0, 1\]/);
    expect(() => marginFromShares('gender', {}, 1000)).toThrow(/no shares/);
  });
});
