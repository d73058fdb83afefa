// The t, normal and beta distribution functions against R 4.2.2 and exact identities.

import { describe, expect, it } from 'vitest';
import {
  betaQuantile,
  betaQuantilePoint,
  betaTails,
  logBeta,
  logGamma,
  normalQuantile,
  regularizedIncompleteBeta,
  tQuantile,
} from '../../analysis/index.ts';

function expectRelative(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tolerance);
}

describe('tQuantile', () => {
  it("equals R's qt(0.975, df) for small and huge df", () => {
    // options(digits = 17); qt(0.975, c(1, 2, 3, 4, 5, 10, 30, 142, 1970, 1e4, 1e5, 1e6, 1e7))
    const r: [number, number][] = [
      [1, 12.706204736174694],
      [2, 4.3026527297494619],
      [3, 3.1824463052837078],
      [4, 2.7764451051977934],
      [5, 2.5705818356363137],
      [10, 2.2281388519862739],
      [30, 2.0422724563012378],
      [142, 1.9768109936328526],
      [1970, 1.9611689107479178],
      [1e4, 1.9602012398906257],
      [1e5, 1.9599877075346088],
      [1e6, 1.9599663568141066],
      [1e7, 1.9599642217672049],
    ];
    for (const [df, value] of r) expectRelative(tQuantile(0.975, df), value, 1e-13);
  });

  it("equals R's qt in the lower tail and far out in it", () => {
    // qt(0.025, 7); qt(1e-10, 3); qt(0.6, 12)
    expectRelative(tQuantile(0.025, 7), -2.3646242515927844, 1e-13);
    expectRelative(tQuantile(1e-10, 3), -2225.7692846830946, 1e-12);
    expectRelative(tQuantile(0.6, 12), 0.259032745676887, 1e-13);
  });

  it('follows the closed forms for 1 and 2 degrees of freedom', () => {
    for (const p of [0.001, 0.05, 0.3, 0.8, 0.975, 0.9999]) {
      // Cauchy: tan(π (p − ½)); two df: (2p − 1) / √(2p(1 − p)).
      expectRelative(tQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-12);
      expectRelative(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-13);
    }
    expect(tQuantile(0.5, 1)).toBe(0);
  });

  it('tends to the normal quantile and is exactly it for infinite df', () => {
    expect(tQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(Math.abs(tQuantile(0.975, 1e15) - normalQuantile(0.975))).toBeLessThan(1e-14);
  });

  it('rejects df of zero or less and probabilities outside [0, 1]', () => {
    expect(() => tQuantile(0.975, 0)).toThrow(/df > 0/);
    expect(() => tQuantile(1.2, 5)).toThrow(/p in \[0, 1\]/);
  });
});

describe('normalQuantile', () => {
  it("equals R's qnorm across the three ranges of Wichura's algorithm", () => {
    // qnorm(c(0.975, 1e-10, 1e-300, 0.3, 0.99))
    expectRelative(normalQuantile(0.975), 1.9599639845400536, 1e-15);
    expectRelative(normalQuantile(1e-10), -6.3613409024040557, 1e-15);
    expectRelative(normalQuantile(1e-300), -37.047096299361201, 1e-15);
    expectRelative(normalQuantile(0.3), -0.52440051270804067, 1e-15);
    expectRelative(normalQuantile(0.99), 2.3263478740408408, 1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
  });

  it('is symmetric about one half', () => {
    // Powers of two, so that 1 − p is exact.
    for (const p of [2 ** -30, 2 ** -7, 0.125, 0.375])
      expect(normalQuantile(p)).toBe(-normalQuantile(1 - p));
  });
});

describe('regularizedIncompleteBeta', () => {
  it("equals R's pbeta, including a far upper tail with a parameter in the millions", () => {
    // pbeta(0.3, 2.5, 7.1); pbeta(0.9, 200, 30); pbeta(0.9, 200, 30, lower.tail = FALSE)
    expectRelative(regularizedIncompleteBeta(0.3, 2.5, 7.1), 0.6490225790210129, 1e-14);
    expectRelative(regularizedIncompleteBeta(0.9, 200, 30), 0.92311090184092992, 1e-14);
    expectRelative(regularizedIncompleteBeta(0.9, 200, 30, false), 0.076889098159070052, 1e-13);
    // pbeta(1e-5, 0.5, 5e6, lower.tail = FALSE): the documented worst case of the continued fraction.
    expectRelative(regularizedIncompleteBeta(1e-5, 0.5, 5e6, false), 1.5235897672533433e-23, 1e-10);
    // pbeta(0.3001, 3e5, 7e5) = 0.586478248770494 in R; 0.58647824877047615 to 17 digits (mpmath).
    expectRelative(regularizedIncompleteBeta(0.3001, 3e5, 7e5), 0.5864782487704762, 1e-12);
  });

  it('equals the binomial upper tail for integer parameters', () => {
    // I_x(k, n − k + 1) = P(Binomial(n, x) ≥ k)
    const n = 25;
    for (const x of [0.03, 0.4, 0.77]) {
      for (const k of [1, 5, 13, 25]) {
        let tail = 0;
        let coefficient = 1;
        for (let j = 0; j <= n; j++) {
          if (j > 0) coefficient = (coefficient * (n - j + 1)) / j;
          if (j >= k) tail += coefficient * x ** j * (1 - x) ** (n - j);
        }
        expectRelative(regularizedIncompleteBeta(x, k, n - k + 1), tail, 1e-12);
      }
    }
  });

  it('keeps both tails precise and adding up to one', () => {
    const tails = betaTails(0.999, 0.001, 2, 50);
    expect(tails.lower + tails.upper).toBeCloseTo(1, 15);
    expectRelative(tails.upper, regularizedIncompleteBeta(0.001, 50, 2), 1e-13);
  });
});

describe('betaQuantile', () => {
  it("equals R's qbeta, from tiny to very large shape parameters", () => {
    // qbeta(0.025, 3.5, 100.2); qbeta(0.975, 3.5, 100.2); qbeta(0.025, 1000.3, 1200.7);
    // qbeta(0.975, 300001, 700000); qbeta(0.001, 0.2, 3000); qbeta(0.025, 12.3, 0.9); qbeta(0.5, 2, 3)
    expectRelative(betaQuantile(0.025, 3.5, 100.2), 0.0082944417774837992, 1e-13);
    expectRelative(betaQuantile(0.975, 3.5, 100.2), 0.075894909859803517, 1e-13);
    expectRelative(betaQuantile(0.025, 1000.3, 1200.7), 0.43371938604889931, 1e-13);
    expectRelative(betaQuantile(0.975, 300001, 700000), 0.30089924664225376, 1e-13);
    expectRelative(betaQuantile(0.001, 0.2, 3000), 2.175450331526669e-19, 1e-12);
    expectRelative(betaQuantile(0.025, 12.3, 0.9), 0.75304953000074493, 1e-13);
    expectRelative(betaQuantile(0.5, 2, 3), 0.38572756813238951, 1e-13);
  });

  it('follows the closed forms of beta(a, 1), beta(1, b) and beta(½, ½)', () => {
    for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) {
      expectRelative(betaQuantile(p, 3.7, 1), p ** (1 / 3.7), 1e-13);
      expectRelative(betaQuantile(p, 1, 12), 1 - (1 - p) ** (1 / 12), 1e-12);
      expectRelative(betaQuantile(p, 0.5, 0.5), Math.sin((Math.PI * p) / 2) ** 2, 1e-12);
    }
  });

  it('inverts the incomplete beta function, and keeps 1 − x precise near 1', () => {
    for (const [a, b] of [
      [0.3, 0.7],
      [5, 2000],
      [40000, 3],
    ] as const) {
      for (const p of [1e-6, 0.025, 0.6, 0.975]) {
        expectRelative(regularizedIncompleteBeta(betaQuantile(p, a, b), a, b), p, 1e-9);
      }
    }
    const point = betaQuantilePoint(1e-12, 0.5, 0.5, false);
    expectRelative(point.y, Math.sin((Math.PI * 1e-12) / 2) ** 2, 1e-10);
  });

  it("equals R's qbeta on both sides of 1e15, where both shape parameters switch to the normal expansion", () => {
    // qbeta(0.025, 1e15 - 1, 3e15); qbeta(0.025, 1e15, 3e15); qbeta(0.975, 7.5e15, 2.5e15);
    // qbeta(1e-10, 1e15, 3e15, lower.tail = FALSE); qbeta(0.001, 1e15, 5e17);
    // qbeta(0.025, 1e15, 5e17, lower.tail = FALSE)
    expectRelative(betaQuantile(0.025, 1e15 - 1, 3e15), 0.24999998658104383, 1e-14);
    expectRelative(betaQuantile(0.025, 1e15, 3e15), 0.24999998658104403, 1e-14);
    expectRelative(betaQuantile(0.975, 7.5e15, 2.5e15), 0.75000000848689297, 1e-14);
    expectRelative(betaQuantile(1e-10, 1e15, 3e15, false), 0.25000004355312555, 1e-14);
    expectRelative(betaQuantile(0.001, 1e15, 5e17), 0.0019960077891733488, 1e-14);
    expectRelative(betaQuantile(0.025, 1e15, 5e17, false), 0.0019960081076199959, 1e-14);
  });

  it('gives the normal quantile for shape parameters far beyond where the continued fraction ends', () => {
    // R's qbeta is NaN or off by 1e-13 here; beta(a, b) is normal to double precision.
    const sd = Math.sqrt((0.25 * 0.75) / (4e20 + 1));
    expectRelative(betaQuantile(0.025, 1e20, 3e20), 0.25 + normalQuantile(0.025) * sd, 1e-15);
    // An SE of rounding noise makes a Korn–Graubard interval ask for shapes like these.
    const point = betaQuantilePoint(0.975, 1.0285525023124657e33, 3.0856575069373975e33);
    expectRelative(point.x, 0.25, 1e-15);
    expectRelative(point.y, 0.75, 1e-15);
  });

  it('puts the mass at 0 or 1 when a shape parameter is 0', () => {
    expect(betaQuantile(0.3, 0, 4)).toBe(0);
    expect(betaQuantile(0.3, 4, 0)).toBe(1);
    expect(() => betaQuantile(0.3, 0, 0)).toThrow(/not both 0/);
  });
});

describe('logGamma and logBeta', () => {
  it("equal R's lgamma and lbeta, with no cancellation for huge arguments", () => {
    // lgamma(c(0.1, 0.5, 3.7, 10, 1e6 + 0.5)); lbeta(0.5, 5e5); lbeta(3e5, 7e5); lbeta(2.3, 7.7)
    // Absolute error about 1e-15, so relative error is larger where log Γ is near 0.
    expectRelative(logGamma(0.1), 2.252712651734206, 1e-15);
    expectRelative(logGamma(0.5), 0.57236494292470008, 4e-15);
    expectRelative(logGamma(3.7), 1.4280723266653881, 2e-15);
    expectRelative(logGamma(10), 12.801827480081469, 1e-15);
    expectRelative(logGamma(1e6 + 0.5), 12815511.476902766, 1e-15);
    expectRelative(logBeta(0.5, 5e5), -5.9888164957774643, 1e-15);
    expectRelative(logBeta(3e5, 7e5), -610869.51054745167, 1e-15);
    expectRelative(logBeta(2.3, 7.7), -4.7210966688528346, 1e-15);
  });

  it('gives log((n − 1)!) for whole numbers', () => {
    let factorial = 1;
    for (let n = 1; n <= 25; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 12);
      factorial *= n;
    }
  });
});
