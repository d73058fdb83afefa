// Disclosure control of estimate rows: no small cell shown or recoverable by subtraction across the tables of a set; sensitive extremes bounded.
import { describe, expect, it } from 'vitest';
import { decideDisclosure, type DisclosureRules } from '../../analysis/decide-disclosure.ts';
import { estimateProportions, type ProportionEstimate } from '../../analysis/index.ts';
import { seededRandom } from '../../server/services/seed/seeded-random.ts';
import { loadSmall } from './helpers/r-fixtures.ts';

const rules: DisclosureRules = { minimum: 10, sensitiveMinimum: 15, sensitiveQuestions: new Set() };

/** A row as estimateProportions would give it, with only what disclosure looks at filled in. */
function row(
  question: string,
  variables: string[],
  values: string[],
  nBase: number,
  estimate = 0.5,
): ProportionEstimate {
  return {
    domainVariables: variables,
    domainValues: values,
    question,
    option: 'ya',
    nBase,
    nOption: Math.round(nBase * estimate),
    weightedBase: nBase * 10,
    estimate,
    se: 0.1,
    ci: { low: 0.3, high: 0.7, method: 'logit', basis: 'design' },
    intervals: {},
    df: nBase - 1,
    deff: 1,
    nEff: nBase,
    kishDeff: 1,
    flags: {
      lowReliability: false,
      census: false,
      noInterval: false,
      reviewDegreesOfFreedom: false,
    },
  };
}

/** Rows as a reader would get them: every number withheld where suppressed, the bound instead of the share. */
function discloseEstimates(...args: Parameters<typeof decideDisclosure>) {
  const decisions = decideDisclosure(...args);
  return args[0].map((r, i) => {
    const { suppressed, bound } = decisions[i]!;
    const hidden = suppressed !== null;
    return {
      domainValues: r.domainValues,
      nBase: hidden ? null : r.nBase,
      estimate: hidden || bound !== null ? null : r.estimate,
      suppressed,
      bound,
    };
  });
}

const shownBases = (rows: ReturnType<typeof discloseEstimates>) =>
  Object.fromEntries(rows.map((r) => [r.domainValues.join('/') || 'all', r.nBase]));

describe('decideDisclosure', () => {
  it('hides a small sex cell of an agency and its sibling, never the number', () => {
    const rows = [
      row('D1', ['agency'], ['A'], 40),
      row('D1', ['agency', 'sex'], ['A', 'F'], 6),
      row('D1', ['agency', 'sex'], ['A', 'M'], 34),
    ];
    const out = discloseEstimates(rows, rules);
    expect(shownBases(out)).toEqual({ A: 40, 'A/F': null, 'A/M': null });
    expect(out.map((r) => r.suppressed)).toEqual([null, 'below-minimum', 'complementary']);
    expect(out[1]).toMatchObject({ estimate: null, nBase: null });
  });

  it('protects a hidden cell in one breakdown from the total shown with another breakdown', () => {
    // Agency by sex (F hidden, blanks 0) and by education: the total is shared by both.
    const rows = [
      row('D1', ['agency'], ['A'], 60),
      row('D1', ['agency', 'sex'], ['A', 'F'], 7),
      row('D1', ['agency', 'sex'], ['A', 'M'], 53),
      row('D1', ['agency', 'education'], ['A', 'S1'], 30),
      row('D1', ['agency', 'education'], ['A', 'S2'], 30),
    ];
    const out = discloseEstimates(rows, rules);
    expect(out.find((r) => r.domainValues.join() === 'A,M')?.suppressed).toBe('complementary');
    expect(out.find((r) => r.domainValues.join() === 'A,S1')?.suppressed).toBeNull();
  });

  it('uses the stricter minimum for sensitive items, and bounds their 0% and 100% on small bases', () => {
    const sensitive = { ...rules, sensitiveQuestions: new Set(['H2']) };
    const rows = [
      row('H2', ['agency'], ['A'], 30, 1),
      row('H2', ['agency', 'sex'], ['A', 'F'], 12, 1),
      row('H2', ['agency', 'sex'], ['A', 'M'], 18, 1),
      row('D1', ['agency'], ['A'], 30, 0),
      row('D1', ['agency', 'sex'], ['A', 'F'], 12, 0),
      row('D1', ['agency', 'sex'], ['A', 'M'], 18, 0),
    ];
    const out = discloseEstimates(rows, sensitive);
    expect(out.map((r) => r.suppressed)).toEqual([
      null,
      'below-minimum',
      'complementary',
      null,
      null,
      null,
    ]);
    expect(out[0]).toMatchObject({ estimate: null, bound: { side: 'at-least', value: 0.9 } });
    expect(out[0]?.nBase).toBe(30);
    // An ordinary item's 0% is shown as it is.
    expect(out[3]).toMatchObject({ estimate: 0, bound: null });
  });

  it('protects a small province within its island region and within the nation', () => {
    const parentOf = new Map([
      ['P1', 'R1'],
      ['P2', 'R1'],
      ['P3', 'R2'],
    ]);
    const rows = [
      row('D1', [], [], 300),
      row('D1', ['region'], ['R1'], 100),
      row('D1', ['region'], ['R2'], 200),
      row('D1', ['province'], ['P1'], 4),
      row('D1', ['province'], ['P2'], 96),
      row('D1', ['province'], ['P3'], 200),
    ];
    const out = discloseEstimates(rows, rules, [
      { variable: 'province', within: 'region', parentOf },
    ]);
    const hidden = out.filter((r) => r.suppressed !== null).map((r) => r.domainValues.join());
    // P1 alone would follow from R1 − P2 and from national − P2 − P3: P2 goes too.
    expect(hidden).toEqual(['P1', 'P2']);
  });

  it('protects a small peer group (a cross) from an agency whose own cell is all of its group', () => {
    // Agency K1 is the only kota of region Barat with respondents: its own cell is the peer
    // group's, so the peer group kota × Timur would follow from type kota − K1.
    const rows = [
      row('D1', [], [], 100),
      row('D1', ['type'], ['kota'], 46),
      row('D1', ['type'], ['kab'], 54),
      row('D1', ['agency'], ['K1'], 37),
      row('D1', ['agency'], ['K2'], 9),
      row('D1', ['agency'], ['B1'], 54),
      row('D1', ['type', 'region'], ['kota', 'Barat'], 37),
      row('D1', ['type', 'region'], ['kota', 'Timur'], 9),
      row('D1', ['type', 'region'], ['kab', 'Barat'], 54),
    ];
    const parentOf = new Map<string, readonly string[]>([
      ['K1', ['kota', 'Barat']],
      ['K2', ['kota', 'Timur']],
      ['B1', ['kab', 'Barat']],
    ]);
    const out = discloseEstimates(rows, rules, [
      { variable: 'agency', within: ['type', 'region'], parentOf },
    ]);
    const shown = new Map(out.map((r) => [r.domainValues.join(), r.suppressed]));
    expect(shown.get('kota,Timur')).toBe('below-minimum');
    expect(shown.get('K2')).toBe('below-minimum');
    // Either the agency K1 or its peer group kota × Barat (equal to it) must go with them.
    expect(shown.get('K1') !== null || shown.get('kota,Barat') !== null).toBe(true);
    expect(shown.get('K1') !== null && shown.get('kota,Barat') !== null).toBe(true);
  });

  it('refuses a minimum below 5', () => {
    expect(() => discloseEstimates([], { ...rules, minimum: 4, sensitiveMinimum: 4 })).toThrow(
      /at least 5/,
    );
  });

  it('leaves no small cell recoverable by an attacker who subtracts across breakdowns, over 1,000 random agencies', () => {
    const random = seededRandom('disclose-estimates-property');
    for (let trial = 0; trial < 1_000; trial++) {
      const total = 1 + Math.floor(random() * 150);
      const rows = [row('Q', ['agency'], ['A'], total)];
      // Ground truth the attacker reasons with: total = Σ categories + blanks, per variable.
      const truth: { members: string[]; blanks: number }[] = [];
      for (const variable of ['sex', 'position', 'education'].slice(
        0,
        1 + Math.floor(random() * 3),
      )) {
        const levels = 2 + Math.floor(random() * 4);
        let left = total;
        const members: string[] = [];
        for (let l = 0; l < levels && left > 0; l++) {
          const n = l === levels - 1 && random() < 0.5 ? left : Math.floor(left * random());
          left -= n;
          rows.push(row('Q', ['agency', variable], ['A', `${variable}${l}`], n));
          members.push(`A,${variable}${l}`);
        }
        truth.push({ members, blanks: left });
      }
      const out = discloseEstimates(rows, rules);
      const n = new Map(rows.map((r) => [r.domainValues.join(), r.nBase]));
      const known = new Set(
        out
          .filter((r) => r.nBase !== null || n.get(r.domainValues.join()) === 0)
          .map((r) => r.domainValues.join()),
      );
      for (const r of out) {
        if (r.nBase !== null) expect(r.nBase).toBeGreaterThanOrEqual(rules.minimum);
      }
      let progress = true;
      while (progress) {
        progress = false;
        for (const relation of truth) {
          const unknown = ['A', ...relation.members].filter((id) => !known.has(id));
          const blanksUnknown = relation.blanks > 0 ? 1 : 0;
          if (unknown.length + blanksUnknown !== 1 || unknown.length === 0) continue;
          const id = unknown[0] as string;
          expect(
            n.get(id),
            `recovered ${id} in ${JSON.stringify(rows.map((r) => [r.domainValues.join(), r.nBase]))}`,
          ).toBeGreaterThanOrEqual(rules.minimum);
          known.add(id);
          progress = true;
        }
      }
    }
  });

  it('hides nothing a researcher would not, on real data, when every cell is large', () => {
    const small = loadSmall();
    const rows = estimateProportions(small.weighting, { domains: ['gender'] });
    const out = discloseEstimates(rows, rules);
    const largeEnough = rows.every((r) => r.nBase >= rules.minimum);
    expect(largeEnough).toBe(true);
    expect(out.every((r) => r.suppressed === null)).toBe(true);
    expect(out.map((r) => r.estimate)).toEqual(rows.map((r) => r.estimate));
  });
});
