// Student's t quantile function (R's qt), for logit and Korn–Graubard intervals.

import { betaQuantilePoint } from './beta-quantile.ts';
import { normalQuantile } from './normal-quantile.ts';

/** From here on the expansion in 1/ν is exact to double precision for any |z| below 10. */
const expansionDf = 1e5;

// Fisher's expansion of the t quantile in powers of 1/ν around the normal quantile z
// (Abramowitz & Stegun 26.7.5); the next term is below 1e-20 · z¹¹ for ν ≥ 1e5.
function largeDfQuantile(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom (R's `qt`).
 *
 * Uses T²/(ν + T²) ~ beta(½, ν/2): P(|T| > t) = 2 min(p, 1 − p) is solved for y = t²/(ν + t²)
 * with the beta quantile, keeping y and 1 − y separately, then t = ±√(ν y / (1 − y)). From
 * ν = 100,000 on, where y is too close to 0 for that, Fisher's expansion
 * t = z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴ is used instead; `df = Infinity` gives the
 * normal quantile z. Relative error below 1e-12 for every ν. Reference: Abramowitz & Stegun
 * (1964) 26.7.1, 26.7.5 and 26.5.27.
 *
 * @example
 * tQuantile(0.975, 1); // tan(0.475 π) = 12.706204736174698
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`tQuantile needs p in [0, 1], got ${p}`);
  if (!(df > 0)) throw new Error(`tQuantile needs df > 0, got ${df}`);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (df >= expansionDf) return largeDfQuantile(normalQuantile(p), df);
  const twoSided = 2 * Math.min(p, 1 - p);
  const point = betaQuantilePoint(twoSided, 0.5, df / 2, false);
  const t = Math.sqrt((df * point.x) / point.y);
  return p < 0.5 ? -t : t;
}
