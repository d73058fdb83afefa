// The one rule deciding what kind of interval an estimate gets, shared by proportions and means.

/**
 * What an estimate's interval rests on, decided once for every estimator:
 *
 * - `census`: SE = 0 and every stratum of the base is a census (n_h = N_h) under design
 *   weights: no sampling error, the interval is [estimate, estimate];
 * - `no-degrees-of-freedom`: df < 1 (one respondent, or every respondent alone in its
 *   stratum): no interval, and the row is flagged;
 * - `zero-variance`: SE = 0 outside a census (p̂ of 0 or 1, or no variation where there is
 *   sampling): the design says nothing about the spread; proportions use Korn–Graubard with the
 *   unweighted base as effective n (NCHS), means get no interval;
 * - `design`: SE > 0 and df ≥ 1: the method's design-based formula. A census agency under raked
 *   or calibrated weights can have SE > 0: it lands here, never in `census`.
 */
export type IntervalCase = 'census' | 'no-degrees-of-freedom' | 'zero-variance' | 'design';

/** What the rule looks at. */
export interface IntervalSituation {
  /** Standard error, rounding noise already removed (see `withoutVarianceNoise`). */
  se: number;
  /** Design degrees of freedom: respondents in the base − strata among them. */
  df: number;
  /** Every stratum of the base is a census (n_h = N_h). */
  census: boolean;
}

/**
 * Decides the {@link IntervalCase} of an estimate. Order matters: a census with SE 0 is exact
 * whatever its df; otherwise df < 1 leaves no interval; then SE 0 is the zero-variance case.
 * Throws on an SE that is negative or not a number (a bug upstream, never data).
 * Reference: the project's STATISTICS.md "Intervals"; Parker et al. (2017), NCHS data
 * presentation standards for proportions, Vital Health Stat 2(175).
 *
 * @example
 * intervalCase({ se: 0.113, df: 11, census: true }); // 'design' (raked census agency)
 * intervalCase({ se: 0, df: 11, census: true }); // 'census'
 * intervalCase({ se: 0.2, df: 0, census: false }); // 'no-degrees-of-freedom'
 */
export function intervalCase({ se, df, census }: IntervalSituation): IntervalCase {
  if (!(se >= 0 && Number.isFinite(se))) {
    throw new Error(`an interval needs a finite SE >= 0, got ${se}`);
  }
  if (se === 0 && census) return 'census';
  if (!(df >= 1)) return 'no-degrees-of-freedom';
  if (se === 0) return 'zero-variance';
  return 'design';
}
