// Confidence intervals for a proportion, and the documented rule where the design gives none.

import { describe, expect, it } from 'vitest';
import {
  clopperPearsonInterval,
  fitInterceptLogit,
  kornGraubardInterval,
  logitInterval,
  proportionInterval,
  waldInterval,
} from '../../analysis/index.ts';

describe('interval formulas', () => {
  it('builds the logit interval on the log-odds scale with a t quantile', () => {
    const [low, high] = logitInterval(0.2, 0.01, 100);
    // qt(0.975, 100) = 1.9839715185235516; half-width on the logit scale 1.98397 · 0.01 / 0.16.
    const half = (1.9839715185235516 * 0.01) / 0.16;
    expect(low).toBeCloseTo(1 / (1 + Math.exp(-(Math.log(0.25) - half))), 14);
    expect(high).toBeCloseTo(1 / (1 + Math.exp(-(Math.log(0.25) + half))), 14);
  });

  it('builds the Wald interval with the normal quantile', () => {
    const [low, high] = waldInterval(0.2, 0.01);
    expect(low).toBeCloseTo(0.2 - 0.019599639845400536, 15);
    expect(high).toBeCloseTo(0.2 + 0.019599639845400536, 15);
  });

  it('reduces Korn–Graubard to Clopper–Pearson when the design is a simple random sample', () => {
    // With V̂ = p̂(1 − p̂)/n and df = n − 1, n* = n, so the interval is Clopper–Pearson's.
    const n = 40;
    const p = 13 / 40;
    const kg = kornGraubardInterval(p, Math.sqrt((p * (1 - p)) / n), n - 1, n);
    const cp = clopperPearsonInterval(13, n);
    expect(kg[0]).toBeCloseTo(cp[0], 12);
    expect(kg[1]).toBeCloseTo(cp[1], 12);
  });

  it('gives the exact Clopper–Pearson limits for no and all successes', () => {
    // 1 − 0.025^(1/10) and 0.025^(1/10)
    expect(clopperPearsonInterval(0, 10)).toEqual([0, expect.closeTo(1 - 0.025 ** 0.1, 14)]);
    expect(clopperPearsonInterval(10, 10)).toEqual([expect.closeTo(0.025 ** 0.1, 14), 1]);
    expect(() => clopperPearsonInterval(11, 10)).toThrow(/0 <= x <= n/);
  });
});

describe('the rule where the design gives no usable interval', () => {
  const base = { df: 30, nBase: 31, census: false };

  it('uses Korn–Graubard with the unweighted base as effective n when p̂ is 0 or 1, for every method', () => {
    // n* = 31 · (qt(0.025, 30) / qt(0.025, 30))² = 31: the Clopper–Pearson limit 1 − 0.025^(1/31).
    for (const method of ['logit', 'wald', 'korn-graubard'] as const) {
      expect(proportionInterval({ ...base, estimate: 0, se: 0 }, method)).toEqual({
        low: 0,
        high: expect.closeTo(1 - 0.025 ** (1 / 31), 13),
        method,
        basis: 'korn-graubard-base-n',
      });
      const all = proportionInterval({ ...base, estimate: 1, se: 0 }, method);
      expect([all?.low, all?.high, all?.basis]).toEqual([
        expect.closeTo(0.025 ** (1 / 31), 13),
        1,
        'korn-graubard-base-n',
      ]);
    }
  });

  it('adjusts that effective n for the design df as Korn–Graubard does', () => {
    // df 20 of n 31: n* = 31 · (qt(0.025, 30) / qt(0.025, 20))² = 31 · (2.042272456301238 / 2.085963447265837)².
    const interval = proportionInterval(
      { estimate: 0, se: 0, df: 20, nBase: 31, census: false },
      'logit',
    );
    const nStar = 31 * (2.042272456301238 / 2.085963447265837) ** 2;
    expect(interval?.high).toBeCloseTo(1 - 0.025 ** (1 / nStar), 12);
  });

  it('uses it too when the SE is 0 inside (0, 1) outside a census, and the interval contains p̂', () => {
    const zeroSe = proportionInterval({ ...base, estimate: 0.3, se: 0 }, 'logit');
    expect(zeroSe?.basis).toBe('korn-graubard-base-n');
    expect(zeroSe?.low).toBeLessThan(0.3);
    expect(zeroSe?.high).toBeGreaterThan(0.3);
  });

  it('gives no interval at df = 0, never one that ignores the weights', () => {
    for (const method of ['logit', 'wald', 'korn-graubard'] as const) {
      expect(
        proportionInterval({ estimate: 0.5, se: 0.2, df: 0, nBase: 2, census: false }, method),
      ).toBeNull();
      expect(
        proportionInterval({ estimate: 0, se: 0, df: 0, nBase: 1, census: false }, method),
      ).toBeNull();
    }
  });

  it('gives [p̂, p̂] when every stratum of the base is a census and the SE is 0', () => {
    expect(
      proportionInterval(
        { estimate: 0.25, se: 0, df: 11, nBase: 12, census: true },
        'korn-graubard',
      ),
    ).toEqual({
      low: 0.25,
      high: 0.25,
      method: 'korn-graubard',
      basis: 'census',
    });
    expect(
      proportionInterval({ estimate: 0, se: 0, df: 11, nBase: 12, census: true }, 'logit')?.basis,
    ).toBe('census');
  });

  it('gives a census with SE > 0 (raked weights) the usual interval, never a zero-width one', () => {
    const interval = proportionInterval(
      { estimate: 0.2763693006741774, se: 0.11184986955100726, df: 11, nBase: 12, census: true },
      'logit',
    );
    expect(interval?.basis).toBe('closed-form-logit');
    expect([interval?.low, interval?.high]).toEqual(
      logitInterval(0.2763693006741774, 0.11184986955100726, 11),
    );
    expect((interval?.high as number) - (interval?.low as number)).toBeGreaterThan(0.4);
  });

  it('centres the logit interval on the GLM fit where it is usable, as R does', () => {
    const glm = { center: 0.3 + 1e-10, se: 0.0500001 };
    const interval = proportionInterval({ ...base, estimate: 0.3, se: 0.05, glm }, 'logit');
    expect(interval?.basis).toBe('design');
    expect([interval?.low, interval?.high]).toEqual(
      logitInterval(0.3, glm.se, 30, 0.95, undefined, glm.center),
    );
  });

  it('uses the closed form at p̂ where the GLM diverged', () => {
    for (const center of [Number.NaN, 1e-300, 0.9]) {
      const interval = proportionInterval(
        { ...base, estimate: 0.3, se: 0.05, glm: { center, se: 0.05 } },
        'logit',
      );
      expect(interval?.basis).toBe('closed-form-logit');
      expect([interval?.low, interval?.high]).toEqual(logitInterval(0.3, 0.05, 30));
    }
  });

  it('gives the closed-form logit interval of the 9,000,000-headcount province case', () => {
    // p̂ = 0.25, SE = 0.25, df = 516 (526 respondents in 10 agencies): R's svyciprop gives [0, 0].
    const interval = proportionInterval(
      { estimate: 0.25, se: 0.25, df: 516, nBase: 526, census: false },
      'logit',
    );
    expect(interval?.low).toBeCloseTo(0.024, 3);
    expect(interval?.high).toBeCloseTo(0.821, 3);
  });
});

describe('fitInterceptLogit', () => {
  it("stops where R's glm.fit stops, within 1e-8 of the weighted proportion", () => {
    const fit = fitInterceptLogit({ weights: [0.5, 1.5, 2], ones: [3, 1, 4], zeros: [2, 6, 1] });
    const p = (0.5 * 3 + 1.5 * 1 + 2 * 4) / (0.5 * 5 + 1.5 * 7 + 2 * 5);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeGreaterThan(1);
    expect(Math.abs(fit.fitted - p)).toBeLessThan(1e-8);
    expect(fit.coefficient).toBeCloseTo(Math.log(fit.fitted / (1 - fit.fitted)), 14);
  });
});
