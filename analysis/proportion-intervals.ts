// Confidence intervals for a weighted proportion (logit, Wald, Korn–Graubard) and the rule for edge cases.

import { betaQuantile } from './beta-quantile.ts';
import { normalQuantile } from './normal-quantile.ts';
import { tQuantile } from './t-quantile.ts';

/** Interval methods: logit (the default, as Stata `svy: prop`), Wald, Korn–Graubard. */
export type IntervalMethod = 'logit' | 'wald' | 'korn-graubard';

/**
 * What an interval rests on: the design-based formula, the census rule (no sampling error:
 * [p̂, p̂]) or the fallback for designs that give no usable interval (Clopper–Pearson on the
 * unweighted base).
 */
export type IntervalBasis = 'design' | 'census' | 'unweighted-clopper-pearson';

export interface ConfidenceInterval {
  low: number;
  high: number;
  method: IntervalMethod;
  basis: IntervalBasis;
}

/** What an interval for a proportion needs. */
export interface ProportionIntervalInput {
  estimate: number;
  se: number;
  /** Design degrees of freedom: respondents in the base − strata among them. */
  df: number;
  /** Unweighted respondents in the base. */
  nBase: number;
  /** True when every stratum of the base is a census (n_h = N_h), so there is no sampling error. */
  census: boolean;
  /** Confidence level; default 0.95. */
  level?: number;
  /**
   * Where the logit interval is centred: R's `svyciprop` uses the fitted value of an IRLS
   * logistic fit (see `fitInterceptLogit`), within about 1e-9 of p̂. Default p̂.
   */
  logitCenter?: number;
}

/** A t quantile function, so callers can memoize R's `qt` across many rows. */
export type TQuantileFunction = (p: number, df: number) => number;

/**
 * Logit interval: expit(logit(p̂) ± t_{df, 1−α/2} · SE / (p̂(1 − p̂))), the delta-method
 * interval on the log-odds scale (R's `svyciprop(method = "logit")`). Needs 0 < p̂ < 1,
 * SE > 0 and df ≥ 1. Reference: Lumley (2010), Complex Surveys, 2.4.1.
 *
 * @example
 * logitInterval(0.2, 0.01, 100); // [0.1811…, 0.2203…]
 */
export function logitInterval(
  estimate: number,
  se: number,
  df: number,
  level = 0.95,
  quantile: TQuantileFunction = tQuantile,
  center = estimate,
): [number, number] {
  const t = quantile(1 - (1 - level) / 2, df);
  const logit = Math.log(center / (1 - center));
  const half = (t * se) / (center * (1 - center));
  return [1 / (1 + Math.exp(-(logit - half))), 1 / (1 + Math.exp(-(logit + half)))];
}

/**
 * Wald interval p̂ ± z_{1−α/2} · SE with the normal quantile (R's `confint(svymean(…))`).
 *
 * @example
 * waldInterval(0.2, 0.01); // [0.18040036…, 0.21959963…]
 */
export function waldInterval(estimate: number, se: number, level = 0.95): [number, number] {
  const z = normalQuantile(1 - (1 - level) / 2);
  return [estimate - z * se, estimate + z * se];
}

/**
 * Korn–Graubard interval: Clopper–Pearson with the effective sample size
 * n* = p̂(1 − p̂)/V̂ · (t_{n−1, α/2} / t_{df, α/2})², i.e.
 * [B⁻¹(α/2; n*p̂, n*(1 − p̂) + 1), B⁻¹(1 − α/2; n*p̂ + 1, n*(1 − p̂))] with n the respondents in
 * the base (R's `svyciprop(method = "beta")`). Reference: Korn & Graubard (1998), Survey
 * Methodology 24, 193–201.
 *
 * @example
 * kornGraubardInterval(0.2, 0.01, 100, 1000);
 */
export function kornGraubardInterval(
  estimate: number,
  se: number,
  df: number,
  nBase: number,
  level = 0.95,
  quantile: TQuantileFunction = tQuantile,
): [number, number] {
  const alpha = 1 - level;
  const ratio = quantile(alpha / 2, nBase - 1) / quantile(alpha / 2, df);
  const nEffective = ((estimate * (1 - estimate)) / (se * se)) * ratio * ratio;
  return [
    betaQuantile(alpha / 2, nEffective * estimate, nEffective * (1 - estimate) + 1),
    betaQuantile(1 - alpha / 2, nEffective * estimate + 1, nEffective * (1 - estimate)),
  ];
}

/**
 * Clopper–Pearson interval for x successes in n trials, x real:
 * [B⁻¹(α/2; x, n − x + 1), B⁻¹(1 − α/2; x + 1, n − x)], with 0 as the lower end when x = 0
 * and 1 as the upper end when x = n. Reference: Clopper & Pearson (1934), Biometrika 26, 404–413.
 *
 * @example
 * clopperPearsonInterval(0, 10); // [0, 0.3084…] = [0, 1 − 0.025^(1/10)]
 */
export function clopperPearsonInterval(x: number, n: number, level = 0.95): [number, number] {
  if (!(n > 0) || !(x >= 0 && x <= n)) {
    throw new Error(`clopperPearsonInterval needs 0 <= x <= n and n > 0, got ${x}, ${n}`);
  }
  const alpha = 1 - level;
  return [
    x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1),
    x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x),
  ];
}

/**
 * A confidence interval for a weighted proportion by the chosen method, with this platform's
 * rule where the design gives no usable interval (R returns NaN or a zero-width interval):
 *
 * - when p̂ is 0 or 1, the SE is 0, or df < 1, and every stratum of the base is a census:
 *   there is no sampling error, and the interval is [p̂, p̂] (basis `census`);
 * - otherwise in those cases: Clopper–Pearson on the unweighted base, x = p̂ · n_base successes
 *   in n_base trials (basis `unweighted-clopper-pearson`), whichever method was asked for.
 *   It always contains p̂, and for p̂ = 0 it is [0, 1 − (α/2)^(1/n)].
 *
 * @example
 * proportionInterval({ estimate: 0, se: 0, df: 9, nBase: 10, census: false }, 'logit');
 * // { low: 0, high: 0.3084…, method: 'logit', basis: 'unweighted-clopper-pearson' }
 */
export function proportionInterval(
  input: ProportionIntervalInput,
  method: IntervalMethod,
  quantile: TQuantileFunction = tQuantile,
): ConfidenceInterval {
  const { estimate, se, df, nBase, census } = input;
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new Error(`confidence level must be in (0, 1), got ${level}`);
  const degenerate = !(se > 0) || !(estimate > 0 && estimate < 1) || !(df >= 1);
  if (degenerate) {
    if (census) return { low: estimate, high: estimate, method, basis: 'census' };
    const [low, high] = clopperPearsonInterval(estimate * nBase, nBase, level);
    return { low, high, method, basis: 'unweighted-clopper-pearson' };
  }
  let bounds: [number, number];
  if (method === 'logit') {
    bounds = logitInterval(estimate, se, df, level, quantile, input.logitCenter ?? estimate);
  } else if (method === 'wald') bounds = waldInterval(estimate, se, level);
  else bounds = kornGraubardInterval(estimate, se, df, nBase, level, quantile);
  return { low: bounds[0], high: bounds[1], method, basis: 'design' };
}
