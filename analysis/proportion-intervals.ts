// Confidence intervals for a weighted proportion (logit, Wald, Korn–Graubard) and the rule for edge cases.

import { betaQuantile } from './beta-quantile.ts';
import { intervalCase } from './interval-rules.ts';
import { normalQuantile } from './normal-quantile.ts';
import { tQuantile } from './t-quantile.ts';

/** Interval methods: logit (the default, as Stata `svy: prop`), Wald, Korn–Graubard. */
export type IntervalMethod = 'logit' | 'wald' | 'korn-graubard';

/**
 * What an interval rests on (see {@link intervalCase} for when each applies):
 *
 * - `design`: the method's design-based formula (for logit, centred where R's `svyciprop`
 *   centres it: its GLM fit, within about 1e-9 of p̂);
 * - `closed-form-logit`: the logit formula centred at p̂, where R's GLM fails although SE > 0
 *   (it diverges under large relative weights and R returns [0, 0] or [0, NaN]);
 * - `census`: SE 0 and every stratum a census: no sampling error, [p̂, p̂];
 * - `korn-graubard-base-n`: SE 0 outside a census (p̂ of 0 or 1): Korn–Graubard with the
 *   unweighted base as effective n, whichever method was asked for (NCHS).
 */
export type IntervalBasis = 'design' | 'closed-form-logit' | 'census' | 'korn-graubard-base-n';

export interface ConfidenceInterval {
  low: number;
  high: number;
  method: IntervalMethod;
  basis: IntervalBasis;
}

/** What an interval for a proportion needs. */
export interface ProportionIntervalInput {
  estimate: number;
  /** Standard error at p̂, rounding noise removed. */
  se: number;
  /** Design degrees of freedom: respondents in the base − strata among them. */
  df: number;
  /** Unweighted respondents in the base. */
  nBase: number;
  /** True when every stratum of the base is a census (n_h = N_h). */
  census: boolean;
  /** Confidence level; default 0.95. */
  level?: number;
  /**
   * R's logit interval is centred on the fitted value of an IRLS logistic fit (see
   * `fitInterceptLogit`) with the SE recomputed there. Used when the fit is usable (finite,
   * within 1e-4 of p̂ on the logit scale, and its interval contains p̂); otherwise, or when
   * absent, the closed-form interval at p̂.
   */
  glm?: { center: number; se: number };
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
  return kornGraubardWithEffectiveN(
    estimate,
    (estimate * (1 - estimate)) / (se * se),
    df,
    nBase,
    level,
    quantile,
  );
}

/**
 * The Korn–Graubard interval for a given effective n before the df adjustment:
 * n* = nEffective · (t_{n−1, α/2} / t_{df, α/2})², then Clopper–Pearson with n*p̂ successes in
 * n* trials (0 as the lower end at p̂ = 0, 1 as the upper end at p̂ = 1). With nEffective = n
 * this is the NCHS interval for a proportion of 0 or 1 (Parker et al. 2017, Vital Health Stat
 * 2(175)). Needs df ≥ 1 and n ≥ 2.
 *
 * @example
 * kornGraubardWithEffectiveN(0, 40, 39, 40); // [0, 1 − 0.025^(1/40)] = Clopper–Pearson's
 */
export function kornGraubardWithEffectiveN(
  estimate: number,
  nEffective: number,
  df: number,
  nBase: number,
  level = 0.95,
  quantile: TQuantileFunction = tQuantile,
): [number, number] {
  const alpha = 1 - level;
  const ratio = quantile(alpha / 2, nBase - 1) / quantile(alpha / 2, df);
  const n = nEffective * ratio * ratio;
  return [
    estimate === 0 ? 0 : betaQuantile(alpha / 2, n * estimate, n * (1 - estimate) + 1),
    estimate === 1 ? 1 : betaQuantile(1 - alpha / 2, n * estimate + 1, n * (1 - estimate)),
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
 * How far (on the logit scale) a GLM centre may be from p̂ and still be the fit R meant. R stops
 * IRLS on a relative deviance change of 1e-8, which leaves the centre up to a few 1e-6 off on
 * the logit scale for p̂ near 0 (2.2e-6 seen in the extreme-weight fixtures); a diverged fit is
 * off by far more (logit −2e15, or NaN).
 */
const glmCenterTolerance = 1e-4;

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * A confidence interval for a weighted proportion by the chosen method, following the interval
 * rule shared with means ({@link intervalCase}):
 *
 * - `census` (SE 0, every stratum a census): [p̂, p̂];
 * - `no-degrees-of-freedom` (df < 1): null, no interval (never one that ignores the weights);
 * - `zero-variance` (SE 0 outside a census; p̂ of 0 or 1): Korn–Graubard with effective n = the
 *   unweighted base n (df-adjusted), for every method; at p̂ = 0 that is [0, 1 − (α/2)^(1/n*)];
 * - `design`: logit (R's GLM centre where the fit is usable, else the closed form at p̂), Wald or
 *   Korn–Graubard.
 *
 * Every interval returned contains p̂; the logit one is never narrower than the closed form
 * allows (beyond the 1e-9 by which R's GLM centre differs from p̂).
 *
 * @example
 * proportionInterval({ estimate: 0.25, se: 0.25, df: 516, nBase: 526, census: false }, 'logit');
 * // { low: 0.0240…, high: 0.8210…, method: 'logit', basis: 'closed-form-logit' }
 */
export function proportionInterval(
  input: ProportionIntervalInput,
  method: IntervalMethod,
  quantile: TQuantileFunction = tQuantile,
): ConfidenceInterval | null {
  const { estimate, df, nBase, census } = input;
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new Error(`confidence level must be in (0, 1), got ${level}`);
  if (!(estimate >= 0 && estimate <= 1))
    throw new Error(`a proportion must be in [0, 1], got ${estimate}`);
  // p̂ of 0 or 1 has no variance whatever rounding left in the SE.
  const se = estimate === 0 || estimate === 1 ? 0 : input.se;
  const kind = intervalCase({ se, df, census });
  if (kind === 'census') return { low: estimate, high: estimate, method, basis: 'census' };
  if (kind === 'no-degrees-of-freedom') return null;
  if (kind === 'zero-variance') {
    const [low, high] = kornGraubardWithEffectiveN(estimate, nBase, df, nBase, level, quantile);
    return { low, high, method, basis: 'korn-graubard-base-n' };
  }
  if (method === 'logit') {
    const glm = input.glm;
    if (
      glm !== undefined &&
      glm.se > 0 &&
      Number.isFinite(glm.se) &&
      Math.abs(logit(glm.center) - logit(estimate)) <= glmCenterTolerance
    ) {
      const [low, high] = logitInterval(estimate, glm.se, df, level, quantile, glm.center);
      if (low <= estimate && estimate <= high) return { low, high, method, basis: 'design' };
    }
    const [low, high] = logitInterval(estimate, se, df, level, quantile);
    return { low, high, method, basis: 'closed-form-logit' };
  }
  const [low, high] =
    method === 'wald'
      ? waldInterval(estimate, se, level)
      : kornGraubardInterval(estimate, se, df, nBase, level, quantile);
  return { low, high, method, basis: 'design' };
}
