// How our result rows are read against the R reference files' columns, and where R's own answer is not usable.

import type { IntervalMethod, ProportionEstimate } from '../../../analysis/index.ts';
import { rValue, type ExpectedRow } from './r-fixtures.ts';

const bound = (method: IntervalMethod, end: 'low' | 'high') => (row: ProportionEstimate) =>
  row.intervals[method]?.[end];

/** Our value for each column of R's estimate files (estimates_national.csv and the like). */
export const rColumns = {
  n_base: (row: ProportionEstimate) => row.nBase,
  n_option: (row: ProportionEstimate) => row.nOption,
  wsum_base: (row: ProportionEstimate) => row.weightedBase,
  prop: (row: ProportionEstimate) => row.estimate,
  se: (row: ProportionEstimate) => row.se,
  wald_l: bound('wald', 'low'),
  wald_u: bound('wald', 'high'),
  logit_l: bound('logit', 'low'),
  logit_u: bound('logit', 'high'),
  beta_l: bound('korn-graubard', 'low'),
  beta_u: bound('korn-graubard', 'high'),
  df: (row: ProportionEstimate) => row.df,
  deff: (row: ProportionEstimate) => row.deff,
  n_eff: (row: ProportionEstimate) => row.nEff,
  kish_deff: (row: ProportionEstimate) => row.kishDeff,
};

/** R's interval columns (confint(svymean) and svyciprop). */
export const rIntervalColumns = ['wald_l', 'wald_u', 'logit_l', 'logit_u', 'beta_l', 'beta_u'];

/**
 * Whether R has no usable interval for a row: p̂ of 0 or 1, an SE of 0 or df of 0. The
 * platform's documented rule gives the interval there, not R's output.
 */
export function rHasNoUsableInterval(r: ExpectedRow): boolean {
  const p = rValue(r.prop);
  return p === 0 || p === 1 || rValue(r.se) === 0 || rValue(r.df) === 0;
}

/**
 * Whether R's logit bound is missing because of df = 1: confint.svyglm turns t into a normal
 * level via 1 − 2·pnorm(qt(.025, 1)), which rounds to 1, so R gives [0, NaN]; ours is the
 * logit formula's.
 */
export function rLogitBreaksDown(column: string, r: ExpectedRow): boolean {
  return column.startsWith('logit') && rValue(r.df) === 1 && rValue(r[column]) === null;
}

/**
 * The comparison rule for design-weighted rows: an interval is compared only where ours comes
 * from the design formula (elsewhere R has none; see {@link rHasNoUsableInterval}), and the
 * logit bounds R loses at df = 1 are left out.
 */
export function skipWhereRHasNoDesignInterval(
  column: string,
  row: ProportionEstimate,
  r: ExpectedRow,
): boolean {
  return (
    (rIntervalColumns.includes(column) && row.ci?.basis !== 'design') || rLogitBreaksDown(column, r)
  );
}

/**
 * The comparison rule for calibrated rows: R's svyciprop(method = "beta") uses nrow(design),
 * which for a calibrated design includes the respondents outside the base (weight 0), so with
 * item non-response its svymean is NA; we use the base, as for every other design.
 */
export function skipRNonAnswers(column: string, _row: ProportionEstimate, r: ExpectedRow): boolean {
  return column.startsWith('beta') && rValue(r[column]) === null;
}
