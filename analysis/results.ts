// The shape of a results row: what every published estimate carries, and when it is flagged unreliable.

import type { ConfidenceInterval, IntervalMethod } from './proportion-intervals.ts';

/** Effective n below which an estimate that is not a census is of low reliability. */
const minimumEffectiveN = 30;
/** Interval width (on the 0–1 scale of a proportion) from which a proportion is of low reliability. */
const maximumIntervalWidth = 0.3;

/**
 * Whether a row is of low reliability (see {@link EstimateFlags}): never for a census; otherwise
 * when n_eff = n / deff is below 30 (n itself where deff is undefined), or when an interval
 * width is given (proportions) and it is 0.3 or wider.
 *
 * @example
 * isLowReliability({ census: false, nBase: 200, nEff: 25 }); // true
 */
export function isLowReliability(row: {
  census: boolean;
  nBase: number;
  nEff: number | null;
  intervalWidth?: number;
}): boolean {
  if (row.census) return false;
  const tooWide = row.intervalWidth !== undefined && row.intervalWidth >= maximumIntervalWidth;
  return (row.nEff ?? row.nBase) < minimumEffectiveN || tooWide;
}

/** Quality flags of a row. Suppression (disclosure control) is added by the results layer. */
export interface EstimateFlags {
  /**
   * Low reliability: effective n below 30 (the unweighted base where the design effect is
   * undefined) or a confidence interval 30 percentage points wide or wider.
   */
  lowReliability: boolean;
  /** Every stratum of the base is a census (n_h = N_h): no sampling error. */
  census: boolean;
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
  /** Interval by the first requested method (logit by default). */
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
  /** t interval estimate ± t_{df, 1−α/2} · SE; [mean, mean] for a census; null if undefined. */
  ci: { low: number; high: number } | null;
  df: number;
  deff: number | null;
  nEff: number | null;
  kishDeff: number | null;
  flags: EstimateFlags;
}
