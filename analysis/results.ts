// The shape of a results row: what every published estimate carries, and when it is flagged unreliable.

import type { IntervalCase } from './interval-rules.ts';
import type { MeanInterval } from './mean-intervals.ts';
import type { ConfidenceInterval, IntervalMethod } from './proportion-intervals.ts';

/** Effective n below which an estimate is of low reliability (NCHS). */
const minimumEffectiveN = 30;
/** Absolute interval width (on the 0–1 scale of a proportion) from which it is of low reliability. */
const maximumIntervalWidth = 0.3;
/** Absolute width above which the relative width is looked at. */
const relativeWidthFrom = 0.05;
/** Relative interval width (width / p̂) above which a proportion is of low reliability. */
const maximumRelativeWidth = 1.3;
/** Degrees of freedom below which an estimate is flagged for statistical review. */
const reviewBelowDf = 8;

/**
 * Whether a row is of low reliability, as in the NCHS data presentation standards for
 * proportions (Parker et al. 2017, Vital Health Stat 2(175)): never for an exact census row
 * (`census`: SE 0 and every stratum a census); otherwise when the effective n is below 30, with
 * n_eff = min(n, n / deff) (deff below 1 counts as 1, and n itself where deff is undefined, as at
 * p̂ of 0 or 1); and, for proportions (`interval` given), when there is no interval, when its
 * absolute width is 0.30 or more, or when it is wider than 0.05 and its relative width
 * (width / p̂) is above 130%. Means (no `interval`) are judged on the effective n alone.
 *
 * @example
 * isLowReliability({ census: false, nBase: 200, nEff: 25 }); // true
 * isLowReliability({ census: false, nBase: 500, nEff: 400, estimate: 0.04,
 *   interval: { low: 0.01, high: 0.09 } }); // true: width 0.08 is 200% of 0.04
 */
export function isLowReliability(row: {
  census: boolean;
  nBase: number;
  nEff: number | null;
  interval?: { low: number; high: number } | null;
  estimate?: number | null;
}): boolean {
  if (row.census) return false;
  if (Math.min(row.nBase, row.nEff ?? row.nBase) < minimumEffectiveN) return true;
  if (row.interval === undefined) return false;
  if (row.interval === null) return true;
  const width = row.interval.high - row.interval.low;
  if (width >= maximumIntervalWidth) return true;
  if (width <= relativeWidthFrom) return false;
  const estimate = row.estimate ?? 0;
  return estimate > 0 ? width / estimate > maximumRelativeWidth : true;
}

/**
 * The flags of a results row with an estimate, from the shared interval rule's outcome.
 * `intervalCase` is what {@link intervalCase} decided; `ci` the row's interval (null when none);
 * `proportion` whether the interval-width criteria apply.
 *
 * @example
 * estimateFlags({ intervalCase: 'design', census: false, nBase: 40, nEff: 35, df: 36,
 *   ci: { low: 0.2, high: 0.45 }, estimate: 0.3, proportion: true });
 * // { lowReliability: false, census: false, noInterval: false, reviewDegreesOfFreedom: false }
 */
export function estimateFlags(row: {
  intervalCase: IntervalCase;
  census: boolean;
  nBase: number;
  nEff: number | null;
  df: number;
  ci: { low: number; high: number } | null;
  estimate: number;
  proportion: boolean;
}): EstimateFlags {
  const exact = row.intervalCase === 'census';
  return {
    lowReliability: isLowReliability({
      census: exact,
      nBase: row.nBase,
      nEff: row.nEff,
      estimate: row.estimate,
      ...(row.proportion ? { interval: row.ci } : {}),
    }),
    census: row.census,
    noInterval: row.ci === null,
    reviewDegreesOfFreedom: !exact && row.df < reviewBelowDf,
  };
}

/** The flags of a row without respondents in its base (frozen: copy it into each row). */
export const emptyRowFlags: Readonly<EstimateFlags> = Object.freeze({
  lowReliability: true,
  census: false,
  noInterval: true,
  reviewDegreesOfFreedom: true,
});

/** Quality flags of a row. Suppression (disclosure control) is added by the results layer. */
export interface EstimateFlags {
  /**
   * Low reliability (NCHS, see {@link isLowReliability}): effective n below 30; for proportions
   * also no interval, an interval 30 points wide or wider, or one over 5 points wide and over
   * 130% of p̂. Never for an exact census row.
   */
  lowReliability: boolean;
  /** Every stratum of the base is a census (n_h = N_h). Exact only if its SE is 0 as well. */
  census: boolean;
  /** The row has no interval: df < 1, or a mean with SE 0 outside a census. */
  noInterval: boolean;
  /** df below 8: for statistical review (NCHS); never for an exact census row. */
  reviewDegreesOfFreedom: boolean;
}

/** The domain a row describes; both arrays are empty for the national row. */
export interface DomainLabel {
  /** The variables crossed, e.g. `['province', 'sex']`. */
  domainVariables: readonly string[];
  /** This domain's value of each, e.g. `['Jambi', 'F']`. */
  domainValues: readonly string[];
}

/**
 * One weighted percentage: question × option × domain. A domain with respondents but nobody
 * in the question's base is a row with `nBase: 0` and null estimates, not an error.
 */
export interface ProportionEstimate extends DomainLabel {
  question: string;
  option: string;
  /** Unweighted respondents in the base (answered the question, in the domain). */
  nBase: number;
  /** Unweighted respondents in the base who chose the option. */
  nOption: number;
  /** Σw over the base: the estimated population answering. */
  weightedBase: number;
  /** Σ w y / Σ w over the base. */
  estimate: number | null;
  /** Taylor-linearization standard error (stratified, with finite-population correction). */
  se: number | null;
  /** Interval by the first requested method (logit by default); null where there is none (df < 1). */
  ci: ConfidenceInterval | null;
  /** Intervals by every requested method. */
  intervals: Partial<Record<IntervalMethod, ConfidenceInterval>>;
  /** Respondents in the base − strata represented among them. */
  df: number;
  /** Design effect V̂ / V̂_SRSWOR; null where undefined (p̂ of 0 or 1, census, n of 1). */
  deff: number | null;
  /** n_base / deff. */
  nEff: number | null;
  /** Kish's weighting design effect over the base, n Σw² / (Σw)². */
  kishDeff: number | null;
  flags: EstimateFlags;
}

/** One weighted mean of a per-respondent score (e.g. percent correct), by domain. */
export interface MeanEstimate extends DomainLabel {
  score: string;
  /** Unweighted respondents with a score, in the domain. */
  nBase: number;
  weightedBase: number;
  estimate: number | null;
  se: number | null;
  /** t interval estimate ± t_{df, 1−α/2} · SE; [mean, mean] for an exact census; null if none (see `meanInterval`). */
  ci: MeanInterval | null;
  df: number;
  deff: number | null;
  nEff: number | null;
  kishDeff: number | null;
  flags: EstimateFlags;
}
