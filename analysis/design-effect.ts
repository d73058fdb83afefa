// Design effects: against simple random sampling without replacement, and Kish's for weighting.

/**
 * deff = V̂ / V̂_SRSWOR, with V̂_SRSWOR = s² (1 − n/N̂) / n the variance the same estimate would
 * have under simple random sampling without replacement of n from N̂ = Σw, and
 * s² = n/(n − 1) · Σw(y − ȳ)²/Σw (for a proportion, n/(n − 1) · p̂(1 − p̂)); as R's
 * `svymean(…, deff = TRUE)`. Null where undefined: n ≤ 1, no variation in y, or N̂ ≤ n (to
 * within 1e-9: a census, where 1 − n/N̂ would be rounding noise).
 * Reference: Kish (1965), Survey Sampling, 8.2; Lumley (2010), 2.7.
 *
 * @example
 * designEffect(1.2e-4, 0.25, 1000, 20000); // 1.2e-4 / (0.25 · 1000/999 · 0.95 / 1000)
 */
export function designEffect(
  variance: number,
  weightedVariance: number,
  n: number,
  weightedN: number,
): number | null {
  if (!(n > 1) || !(weightedN > n * (1 + 1e-9)) || !(weightedVariance > 0)) return null;
  const srsVariance = ((weightedVariance * n) / (n - 1)) * ((weightedN - n) / (weightedN * n));
  return variance / srsVariance;
}

/**
 * Kish's design effect due to unequal weights, n Σw² / (Σw)² = 1 + CV²(w).
 * Reference: Kish (1965), Survey Sampling, 11.7.
 *
 * @example
 * kishDesignEffect(3, 6, 14); // 3 · 14 / 36 = 1.1666… for weights 1, 2, 3
 */
export function kishDesignEffect(
  n: number,
  sumOfWeights: number,
  sumOfSquaredWeights: number,
): number {
  return (n * sumOfSquaredWeights) / (sumOfWeights * sumOfWeights);
}

/**
 * Effective sample size n_eff = n / deff: the simple random sample as precise as the design.
 * Null where deff is undefined or 0. Reference: Kish (1965), Survey Sampling, 8.2.
 *
 * @example
 * effectiveSampleSize(1000, 2.5); // 400
 */
export function effectiveSampleSize(n: number, deff: number | null): number | null {
  return deff !== null && deff > 0 ? n / deff : null;
}
