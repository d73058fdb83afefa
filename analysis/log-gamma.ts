// Logarithms of the gamma and beta functions (stdlib's), and the Stirling remainder our incomplete beta needs.
//
// logGamma and logBeta are stdlib's: they meet the R fixtures to the tested precision.
// stirlingCorrection stays ours: stdlib has no public equivalent, and our incomplete beta (kept
// because stdlib's betainc falls short of R's pbeta, see incomplete-beta.ts) needs it.

import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';

// Stirling-series coefficients B_2k / (2k (2k − 1)), k = 1..8 (Abramowitz & Stegun 6.1.40).
const stirlingCoefficients = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
];

/** Below this argument the Stirling series is not yet accurate to double precision. */
const stirlingThreshold = 10;

/**
 * The remainder of Stirling's formula, log Γ(x) − [(x − ½) log x − x + ½ log 2π], for x ≥ 10.
 *
 * Computed from the asymptotic series Σ_k B_2k / (2k (2k − 1) x^(2k − 1)); eight terms reach
 * double precision from x = 10 on. Reference: Abramowitz & Stegun (1964) 6.1.40.
 *
 * @example
 * stirlingCorrection(10); // 0.008330563433362871
 */
export function stirlingCorrection(x: number): number {
  if (!(x >= stirlingThreshold)) {
    throw new Error(`stirlingCorrection needs x >= ${stirlingThreshold}, got ${x}`);
  }
  const inverseSquare = 1 / (x * x);
  let sum = 0;
  for (let k = stirlingCoefficients.length - 1; k >= 0; k--) {
    sum = sum * inverseSquare + (stirlingCoefficients[k] as number);
  }
  return sum / x;
}

/**
 * log Γ(x) for x > 0: stdlib's `gammaln` (@stdlib/math-base-special-gammaln, the FreeBSD msun
 * algorithm), which meets R's `lgamma` to the tested 1e-15 (tests/analysis/distribution-functions).
 * Throws outside x > 0, where a caller of ours has a bug.
 *
 * @example
 * logGamma(0.5); // log √π = 0.5723649429247001
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma needs x > 0, got ${x}`);
  return gammaln(x);
}

/**
 * log B(a, b) for a, b > 0: stdlib's `betaln` (@stdlib/math-base-special-betaln, R's
 * `lbeta` arrangement: the large log Γ terms cancelled analytically), which meets R's `lbeta`
 * to the tested 1e-15 even for arguments in the millions.
 *
 * @example
 * logBeta(0.5, 0.5); // log π = 1.1447298858494002
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new Error(`logBeta needs a, b > 0, got ${a}, ${b}`);
  return betaln(a, b);
}
