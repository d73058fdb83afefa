// Student's t quantile function (R's qt), for logit and Korn–Graubard intervals: stdlib's, which meets R.

import quantile from '@stdlib/stats-base-dists-t-quantile';
import { normalQuantile } from './normal-quantile.ts';

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom (R's `qt`).
 *
 * stdlib's `quantile` (@stdlib/stats-base-dists-t-quantile: the inverse incomplete beta of
 * Boost's ibeta_inv) meets R's `qt` to the tested 1e-13 relative for df from 1 to 1e7 and far
 * into the tails (tests/analysis/distribution-functions), and agrees with the normal limit for
 * df up to 1e15; it replaced our own (beta-quantile inversion plus Fisher's expansion), and is
 * about 3.7 times faster. `df = Infinity` gives the normal quantile (stdlib gives NaN there);
 * bad arguments throw instead of giving NaN.
 *
 * @example
 * tQuantile(0.975, 1); // tan(0.475 π) = 12.706204736174698
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`tQuantile needs p in [0, 1], got ${p}`);
  if (!(df > 0)) throw new Error(`tQuantile needs df > 0, got ${df}`);
  if (df === Infinity) return normalQuantile(p);
  return quantile(p, df);
}
