// The stratified, without-replacement variance of a linearized statistic from per-stratum sums.

import type { SurveyDesign } from './design.ts';

/** Per-stratum factors of the variance formula, computed once per design. */
export interface StratumFactors {
  /** n_h. */
  sampleSizes: Float64Array;
  /** (1 − n_h/N_h) · n_h/(n_h − 1); for a stratum with one respondent, 1 − 1/N_h. */
  scales: Float64Array;
  /** Whether the stratum has a single respondent (centred at 0, R's `lonely.psu = "adjust"`). */
  lonely: Uint8Array;
}

// R's survey treats a sampling fraction within 1e-7 of 1 as a census (`onestrat`).
const censusFraction = 1e-7;

/**
 * The factors of {@link stratifiedVariance} for each stratum of a design.
 *
 * @example
 * const factors = stratumFactors(design);
 */
export function stratumFactors(design: SurveyDesign): StratumFactors {
  const count = design.strata.length;
  const scales = new Float64Array(count);
  const lonely = new Uint8Array(count);
  for (let h = 0; h < count; h++) {
    const n = design.sampleSizes[h] as number;
    const N = design.populationSizes[h] as number;
    const f = (N - n) / N;
    if (f < censusFraction) continue;
    if (n > 1) {
      scales[h] = (f * n) / (n - 1);
    } else {
      scales[h] = f;
      lonely[h] = 1;
    }
  }
  return { sampleSizes: design.sampleSizes, scales, lonely };
}

/**
 * One stratum's term of the variance: (1 − n_h/N_h) · n_h/(n_h − 1) · Σ_{i∈h} (z_i − z̄_h)², from
 * S₁ = Σ_{i∈h} z_i and S₂ = Σ_{i∈h} z_i² over all n_h respondents (z = 0 outside the domain), as
 * Σ (z_i − z̄_h)² = S₂ − S₁²/n_h. A stratum with one respondent (n_h = 1 < N_h) contributes
 * (1 − 1/N_h) · z_i², centred at 0 as R's `options(survey.lonely.psu = "adjust")` does; a census
 * stratum contributes 0. Reference: Cochran (1977), Sampling Techniques, 5.9; Lumley (2010), 2.2.
 *
 * @example
 * stratumTerm(factors, 0, s1, s2);
 */
export function stratumTerm(factors: StratumFactors, h: number, s1: number, s2: number): number {
  const scale = factors.scales[h] as number;
  if (scale === 0) return 0;
  if (factors.lonely[h] === 1) return scale * s2;
  // S₂ ≥ S₁²/n_h exactly; rounding must not make a variance negative.
  return scale * Math.max(0, s2 - (s1 * s1) / (factors.sampleSizes[h] as number));
}

/**
 * V̂ = Σ_h (1 − n_h/N_h) · n_h/(n_h − 1) · Σ_{i∈h} (z_i − z̄_h)², the Taylor-linearization
 * variance of a statistic with linearized values z_i under stratified simple random sampling
 * without replacement, given S₁ and S₂ (Σz, Σz²) by stratum index. See {@link stratumTerm}.
 *
 * @example
 * stratifiedVariance(factors, sums, sumsOfSquares);
 */
export function stratifiedVariance(
  factors: StratumFactors,
  sums: Float64Array,
  sumsOfSquares: Float64Array,
): number {
  let variance = 0;
  for (let h = 0; h < sums.length; h++) {
    variance += stratumTerm(factors, h, sums[h] as number, sumsOfSquares[h] as number);
  }
  return variance;
}

/**
 * Where the true variance is 0 (a census domain's share or mean under calibrated weights, say),
 * the computed one is rounding noise: sums of squares formed by cancellation, and calibration
 * residuals of totals that cancel. Left in, an SE of 1e-9 or 1e-17 gets a design interval where
 * the SE is 0, and whether it does depends on the order the cells were summed in. A variance at
 * most this fraction of the magnitude of the sums it came from is 0. On the R fixtures noise
 * stays under 1e-16 of it and real variances over 1e-5.
 */
export const varianceNoise = 1e-12;

/**
 * The one rule for rounding noise, shared by every estimator (proportions, means): a variance at
 * most {@link varianceNoise} × `magnitude` is 0. `magnitude` is the sum of the non-negative terms
 * the variance was formed from (Σz² and Σd² over the strata, before centring and cancellation),
 * which bounds every term by Cauchy–Schwarz.
 *
 * @example
 * withoutVarianceNoise(7e-35, 2e-3); // 0
 * withoutVarianceNoise(4e-4, 2e-3); // 4e-4
 */
export function withoutVarianceNoise(variance: number, magnitude: number): number {
  return variance <= varianceNoise * magnitude ? 0 : variance;
}
