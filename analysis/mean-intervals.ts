// The t interval of a weighted mean, under the interval rule shared with proportions.

import { intervalCase } from './interval-rules.ts';
import type { TQuantileFunction } from './proportion-intervals.ts';
import { tQuantile } from './t-quantile.ts';

/** `design`: μ̂ ± t_{df, 1−α/2} · SE; `census`: SE 0 and every stratum a census, [μ̂, μ̂]. */
export type MeanIntervalBasis = 'design' | 'census';

export interface MeanInterval {
  low: number;
  high: number;
  method: 't';
  basis: MeanIntervalBasis;
}

/** What an interval for a mean needs. */
export interface MeanIntervalInput {
  estimate: number;
  /** Standard error, rounding noise removed (see `withoutVarianceNoise`). */
  se: number;
  df: number;
  /** Every stratum of the base is a census (n_h = N_h). */
  census: boolean;
  /** Confidence level; default 0.95. */
  level?: number;
}

/**
 * The interval of a weighted mean by the shared rule ({@link intervalCase}): the t interval
 * μ̂ ± t_{df, 1−α/2} · SE when SE > 0 and df ≥ 1 (R's `confint(svymean(…), df = degf(design))`),
 * [μ̂, μ̂] for a census with SE 0, and null otherwise: at df < 1, and at SE 0 outside a census,
 * where (unlike a proportion, whose range bounds its spread) the design says nothing about it.
 * Reference: Lumley (2010), Complex Surveys, 2.3.
 *
 * @example
 * meanInterval({ estimate: 3, se: 0.1, df: 40, census: false }); // [2.797…, 3.202…], basis 'design'
 */
export function meanInterval(
  input: MeanIntervalInput,
  quantile: TQuantileFunction = tQuantile,
): MeanInterval | null {
  const { estimate, se, df, census } = input;
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new Error(`confidence level must be in (0, 1), got ${level}`);
  const kind = intervalCase({ se, df, census });
  if (kind === 'census') return { low: estimate, high: estimate, method: 't', basis: 'census' };
  if (kind !== 'design') return null;
  const half = quantile(1 - (1 - level) / 2, df) * se;
  return { low: estimate - half, high: estimate + half, method: 't', basis: 'design' };
}
