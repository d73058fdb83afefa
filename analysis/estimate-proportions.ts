// Weighted proportions of every option of every question, national and by domain, with SE, CI and deff.

import { compareCodeUnits } from './code-unit-order.ts';
import { calibrationResiduals, type CalibrationResiduals } from './calibration-residuals.ts';
import type { QuestionIndex } from './design.ts';
import { designEffect, effectiveSampleSize, kishDesignEffect } from './design-effect.ts';
import { domainStrata, type DomainStrata } from './domain-strata.ts';
import {
  resolveBreakdown,
  type DomainSelection,
  type DomainSpec,
  type ResolvedDomains,
} from './domains.ts';
import {
  proportionInterval,
  type ConfidenceInterval,
  type IntervalMethod,
  type TQuantileFunction,
} from './proportion-intervals.ts';
import { fitInterceptLogit } from './logit-fit.ts';
import { intervalCase } from './interval-rules.ts';
import { emptyRowFlags, estimateFlags, type ProportionEstimate } from './results.ts';
import {
  stratumFactors,
  stratumTerm,
  withoutVarianceNoise,
  type StratumFactors,
} from './stratified-variance.ts';
import { tQuantile } from './t-quantile.ts';
import type { Weighting } from './weighting.ts';

/** A question to report, optionally with its full list of options (to show options nobody chose). */
export type QuestionRequest = string | { name: string; options: readonly string[] };

/** Options of {@link estimateProportions}. */
export interface ProportionOptions {
  /** Questions to report, in order; default every question in the cells, in code-unit order. */
  questions?: readonly QuestionRequest[];
  /**
   * Breakdowns besides the national figure, e.g. `['agency', 'province', ['province', 'sex']]`;
   * a `DomainSelection` gives only some domains of a breakdown (one agency's rows), equal to
   * the full breakdown's rows for them.
   */
  domains?: readonly (DomainSpec | DomainSelection)[];
  /** Include the national rows. Default true. */
  national?: boolean;
  /** Interval methods; the first is the row's `ci`. Default `['logit']`. */
  intervals?: readonly IntervalMethod[];
  /** Confidence level. Default 0.95. */
  level?: number;
}

interface ResolvedQuestion {
  name: string;
  options: readonly string[];
  index: QuestionIndex | undefined;
  /** Position of each requested option in the index's options; −1 if nobody chose it. */
  optionPositions: number[];
}

function resolveQuestions(
  questions: ReadonlyMap<string, QuestionIndex>,
  requests: readonly QuestionRequest[] | undefined,
): ResolvedQuestion[] {
  const list: QuestionRequest[] = requests
    ? [...requests]
    : [...questions.keys()].sort(compareCodeUnits);
  return list.map((request) => {
    const name = typeof request === 'string' ? request : request.name;
    const index = questions.get(name);
    if (typeof request === 'string' && index === undefined) {
      throw new Error(`unknown question "${name}": no answers in the cells`);
    }
    const options =
      typeof request === 'string' ? (index as QuestionIndex).options : request.options;
    const optionPositions = options.map((option) => index?.options.indexOf(option) ?? -1);
    if (index !== undefined && typeof request !== 'string') {
      const missing = index.options.find((option) => !request.options.includes(option));
      if (missing !== undefined) {
        throw new Error(
          `question "${name}": answers with option "${missing}", which is not listed`,
        );
      }
    }
    return { name, options, index, optionPositions };
  });
}

function memoizedTQuantile(): TQuantileFunction {
  const cache = new Map<string, number>();
  return (p, df) => {
    const key = `${p}|${df}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = tQuantile(p, df);
      cache.set(key, value);
    }
    return value;
  };
}

/** Everything one (question, breakdown) pass needs. */
interface Pass {
  weighting: Weighting;
  factors: StratumFactors;
  residuals: CalibrationResiduals | null;
  domains: ResolvedDomains;
  pairs: DomainStrata;
  question: ResolvedQuestion;
  intervalMethods: readonly IntervalMethod[];
  confidenceLevel: number;
  quantile: TQuantileFunction;
  scratch: Scratch;
  entries: EntriesByDomain;
  /** Respondents in the design (R's svyglm rescales weights by their mean over all rows when calibrated). */
  respondents: number;
}

/** A question's base entries grouped by domain, with each option's count aligned to them. */
interface EntriesByDomain {
  /** Entries of domain d are `order[start[d] … start[d + 1] − 1]` (indexes into the base arrays). */
  start: Int32Array;
  order: Int32Array;
  /** Per option: choice count at each base entry. */
  chosen: Float64Array[];
}

function groupEntries(pass: Omit<Pass, 'entries'>): EntriesByDomain {
  const { question, domains, scratch } = pass;
  const index = question.index;
  const levels = domains.levels.length;
  const start = new Int32Array(levels + 1);
  if (index === undefined) {
    return {
      start,
      order: new Int32Array(0),
      chosen: question.options.map(() => new Float64Array(0)),
    };
  }
  const entries = index.baseCells.length;
  for (let e = 0; e < entries; e++) {
    const level = domains.levelOfCell[index.baseCells[e] as number] as number;
    if (level >= 0) start[level + 1] = (start[level + 1] as number) + 1;
  }
  for (let level = 0; level < levels; level++) {
    start[level + 1] = (start[level + 1] as number) + (start[level] as number);
  }
  const fill = start.slice(0, levels);
  const order = new Int32Array(start[levels] as number);
  for (let e = 0; e < entries; e++) {
    const level = domains.levelOfCell[index.baseCells[e] as number] as number;
    if (level < 0) continue;
    const position = fill[level] as number;
    order[position] = e;
    fill[level] = position + 1;
  }
  const chosen = question.optionPositions.map((position) => {
    const aligned = new Float64Array(entries);
    if (position < 0) return aligned;
    const optionCells = index.choiceCells[position] as Int32Array;
    const optionCounts = index.choiceCounts[position] as Float64Array;
    for (let e = 0; e < optionCells.length; e++) {
      scratch.dense[optionCells[e] as number] = optionCounts[e] as number;
    }
    for (let e = 0; e < entries; e++)
      aligned[e] = scratch.dense[index.baseCells[e] as number] as number;
    for (let e = 0; e < optionCells.length; e++) scratch.dense[optionCells[e] as number] = 0;
    return aligned;
  });
  return { start, order, chosen };
}

/** Reused per-cell buffers. */
interface Scratch {
  /** Per cell: a choice count being aligned to base entries. */
  dense: Float64Array;
  sums: Float64Array;
  squares: Float64Array;
  deltas: Float64Array;
  /** Calibration residual of the domain's base indicator (see `calibratedLevel`). */
  baseDeltas: Float64Array;
  /** The logistic fit's input, one entry per base cell of a domain (see `glmCenter`). */
  logitWeights: Float64Array;
  logitOnes: Float64Array;
  logitZeros: Float64Array;
  /** Per stratum: the option parts of `calibratedOption`, reused from option to option. */
  optionParts: Pick<CalibratedParts, 'alpha' | 'pA' | 'qAA' | 'qAB' | 'rAA' | 'rAB'>;
}

/**
 * Per-stratum sums of one domain under calibrated weights, from which the variance at any
 * centre c follows without recomputing residuals. With per-cell sums z_A = w·a/Σw (chose the
 * option) and z_B = w·b/Σw (in the base), the linearized values are z(c) = z_A − c·z_B and, the
 * residuals being linear, d(c) = d_A − c·d_B. Then per stratum
 * S₁(c) = α − c·β and S₂(c) = P_A(1 − 2c) + c²P_B − 2(Q_AA − c·Q_AB + c²Q_BB) + R_AA − 2c·R_AB + c²R_BB,
 * with P = Σ w²·count/(Σw)², Q = Σ d·z over the domain's cells and R = Σ n·d·d over all cells.
 */
interface CalibratedParts {
  alpha: Float64Array;
  beta: Float64Array;
  pA: Float64Array;
  pB: Float64Array;
  qAA: Float64Array;
  qAB: Float64Array;
  qBB: Float64Array;
  rAA: Float64Array;
  rAB: Float64Array;
  rBB: Float64Array;
}

/**
 * Estimates the weighted proportion choosing each option of each question, over the answered
 * base, nationally and in every domain of the requested breakdowns, from cell counts.
 *
 * For a domain D and option k: p̂ = Σ_{i∈B∩D} w_i y_i / Σ_{i∈B∩D} w_i, B the respondents who
 * answered (for a multi-select question, each option is a 0/1 item over the same base). The
 * variance is the Taylor linearization of the ratio with z_i = w_i (y_i − p̂) / Σ_{B∩D} w for
 * i ∈ B∩D and z_i = 0 for everyone else, over all n_h respondents of every stratum — the domain
 * estimator of R's `svyby`, never a subset of rows — combined by `stratifiedVariance`
 * (finite-population correction; lonely strata as `survey.lonely.psu = "adjust"`). Under
 * post-stratified or raked weights, z is first replaced by its calibration residuals (see
 * `calibrationResiduals`). Only per-(domain, stratum) sums of n, Σw, Σw² are needed without
 * calibration, so each breakdown is one pass over the cells. A variance within rounding of 0
 * (at most 1e-12 of the sums of squares it is formed from) is 0 (`withoutVarianceNoise`, shared
 * with means). df = respondents in the base − strata among them; deff against SRSWOR;
 * intervals by {@link proportionInterval} under the rule shared with means (`intervalCase`);
 * flags (low reliability as NCHS, no interval, df below 8) by `estimateFlags`.
 * Reference: Lumley (2010), Complex Surveys, 2.2–2.4 and 7; Wolter (2007), 6.
 *
 * @example
 * const rows = estimateProportions(designWeights(design), { domains: ['agency', 'province'] });
 */
export function estimateProportions(
  weighting: Weighting,
  options: ProportionOptions = {},
): ProportionEstimate[] {
  const { design } = weighting;
  const intervalMethods = options.intervals ?? ['logit'];
  if (intervalMethods.length === 0) throw new Error('at least one interval method is needed');
  const level = options.level ?? 0.95;
  const questions = resolveQuestions(design.questions, options.questions);
  const specs: (DomainSpec | DomainSelection | null)[] = [
    ...(options.national === false ? [] : [null]),
    ...(options.domains ?? []),
  ];
  const factors = stratumFactors(design);
  const residuals = calibrationResiduals(weighting);
  const quantile = memoizedTQuantile();
  const cells = design.cellCount.length;
  const scratch: Scratch = {
    dense: new Float64Array(cells),
    sums: new Float64Array(cells),
    squares: new Float64Array(cells),
    deltas: new Float64Array(cells),
    baseDeltas: new Float64Array(cells),
    logitWeights: new Float64Array(cells),
    logitOnes: new Float64Array(cells),
    logitZeros: new Float64Array(cells),
    optionParts: {
      alpha: new Float64Array(design.strata.length),
      pA: new Float64Array(design.strata.length),
      qAA: new Float64Array(design.strata.length),
      qAB: new Float64Array(design.strata.length),
      rAA: new Float64Array(design.strata.length),
      rAB: new Float64Array(design.strata.length),
    },
  };
  let respondents = 0;
  for (const count of design.cellCount) respondents += count;
  const rows: ProportionEstimate[] = [];
  for (const spec of specs) {
    const domains = resolveBreakdown(design, spec);
    const pairs = domainStrata(design, domains);
    for (const question of questions) {
      const pass = {
        weighting,
        factors,
        residuals,
        domains,
        pairs,
        question,
        intervalMethods,
        confidenceLevel: level,
        quantile,
        scratch,
        respondents,
      };
      estimateQuestion({ ...pass, entries: groupEntries(pass) }, rows);
    }
  }
  return rows;
}

function estimateQuestion(pass: Pass, rows: ProportionEstimate[]): void {
  const { weighting, pairs, question, domains } = pass;
  const weights = weighting.weights;
  const optionCount = question.options.length;
  const { pairCount, pairOfCell } = pairs;
  const baseN = new Float64Array(pairCount);
  const baseW = new Float64Array(pairCount);
  const baseW2 = new Float64Array(pairCount);
  const optionN = new Float64Array(pairCount * optionCount);
  const optionW = new Float64Array(pairCount * optionCount);
  const optionW2 = new Float64Array(pairCount * optionCount);
  const index = question.index;
  if (index !== undefined) {
    for (let e = 0; e < index.baseCells.length; e++) {
      const cell = index.baseCells[e] as number;
      const pair = pairOfCell[cell] as number;
      if (pair < 0) continue;
      const count = index.baseCounts[e] as number;
      const weight = weights[cell] as number;
      baseN[pair] = (baseN[pair] as number) + count;
      baseW[pair] = (baseW[pair] as number) + weight * count;
      baseW2[pair] = (baseW2[pair] as number) + weight * weight * count;
    }
    question.optionPositions.forEach((position, k) => {
      if (position < 0) return;
      const optionCells = index.choiceCells[position] as Int32Array;
      const optionCounts = index.choiceCounts[position] as Float64Array;
      for (let e = 0; e < optionCells.length; e++) {
        const cell = optionCells[e] as number;
        const pair = pairOfCell[cell] as number;
        if (pair < 0) continue;
        const count = optionCounts[e] as number;
        const weight = weights[cell] as number;
        const slot = pair * optionCount + k;
        optionN[slot] = (optionN[slot] as number) + count;
        optionW[slot] = (optionW[slot] as number) + weight * count;
        optionW2[slot] = (optionW2[slot] as number) + weight * weight * count;
      }
    });
  }

  domains.levels.forEach((values, level) => {
    const start = pairs.levelStart[level] as number;
    const end = pairs.levelStart[level + 1] as number;
    let nBase = 0;
    let weightedBase = 0;
    let weightedBase2 = 0;
    let strataInBase = 0;
    let census = true;
    for (let p = start; p < end; p++) {
      const pair = pairs.levelPairs[p] as number;
      const n = baseN[pair] as number;
      if (n === 0) continue;
      nBase += n;
      weightedBase += baseW[pair] as number;
      weightedBase2 += baseW2[pair] as number;
      strataInBase++;
      if ((pass.factors.scales[pairs.pairStratum[pair] as number] as number) > 0) census = false;
    }
    const label = { domainVariables: domains.variables, domainValues: values };
    if (nBase === 0) {
      for (const option of question.options) {
        rows.push({
          question: question.name,
          option,
          ...label,
          nBase: 0,
          nOption: 0,
          weightedBase: 0,
          estimate: null,
          se: null,
          ci: null,
          intervals: {},
          df: 0,
          deff: null,
          nEff: null,
          kishDeff: null,
          flags: { ...emptyRowFlags },
        });
      }
      return;
    }
    const df = nBase - strataInBase;
    const kishDeff = kishDesignEffect(nBase, weightedBase, weightedBase2);
    const levelParts = pass.residuals === null ? null : calibratedLevel(pass, level, weightedBase);
    question.options.forEach((option, k) => {
      let nOption = 0;
      let weightedOption = 0;
      for (let p = start; p < end; p++) {
        const slot = (pairs.levelPairs[p] as number) * optionCount + k;
        nOption += optionN[slot] as number;
        weightedOption += optionW[slot] as number;
      }
      // Nobody or everybody chose it: exactly 0 or 1, whatever rounding the weighted sums left.
      const estimate = nOption === 0 ? 0 : nOption === nBase ? 1 : weightedOption / weightedBase;
      const parts =
        levelParts === null ? null : calibratedOption(pass, levelParts, level, k, weightedBase);
      // Variance of the ratio with z centred at `center` (p̂; R's logit interval uses its GLM fit).
      const varianceAt = (center: number): number => {
        if (parts !== null) {
          const { variance, magnitude } = calibratedVariance(pass.factors, parts, center);
          return withoutVarianceNoise(variance, magnitude);
        }
        let sum = 0;
        let magnitude = 0;
        for (let p = start; p < end; p++) {
          const pair = pairs.levelPairs[p] as number;
          const bw = baseW[pair] as number;
          if (bw === 0) continue;
          const slot = pair * optionCount + k;
          const ow = optionW[slot] as number;
          const ow2 = optionW2[slot] as number;
          // Σ_h z = (Σw y − c Σw)/Σ_B w; Σ_h z² = ((1 − c)² Σw²y + c² Σw²(1 − y))/(Σ_B w)².
          const s1 = (ow - center * bw) / weightedBase;
          const s2 =
            ((1 - center) * (1 - center) * ow2 +
              center * center * ((baseW2[pair] as number) - ow2)) /
            (weightedBase * weightedBase);
          sum += stratumTerm(pass.factors, pairs.pairStratum[pair] as number, s1, s2);
          magnitude += s2;
        }
        return withoutVarianceNoise(sum, magnitude);
      };
      const variance = estimate === 0 || estimate === 1 ? 0 : varianceAt(estimate);
      const se = Math.sqrt(variance);
      const kind = intervalCase({ se, df, census });
      const center =
        kind === 'design' && pass.intervalMethods.includes('logit')
          ? glmCenter(pass, level, k, weightedBase, nBase)
          : undefined;
      // R's GLM can diverge under large relative weights; proportionInterval then uses the
      // closed form at p̂ (a centre outside (0, 1) has no variance to recompute).
      const glm =
        center !== undefined && center > 0 && center < 1
          ? { center, se: Math.sqrt(varianceAt(center)) }
          : undefined;
      const intervals: Partial<Record<IntervalMethod, ConfidenceInterval>> = {};
      for (const method of pass.intervalMethods) {
        const interval = proportionInterval(
          { estimate, se, df, nBase, census, level: pass.confidenceLevel, ...(glm && { glm }) },
          method,
          pass.quantile,
        );
        if (interval !== null) intervals[method] = interval;
      }
      const ci = intervals[pass.intervalMethods[0] as IntervalMethod] ?? null;
      const deff = designEffect(variance, estimate * (1 - estimate), nBase, weightedBase);
      const nEff = effectiveSampleSize(nBase, deff);
      const flags = estimateFlags({
        intervalCase: kind,
        census,
        nBase,
        nEff,
        df,
        ci,
        estimate,
        proportion: true,
      });
      rows.push({
        question: question.name,
        option,
        ...label,
        nBase,
        nOption,
        weightedBase,
        estimate,
        se,
        ci,
        intervals,
        df,
        deff,
        nEff,
        kishDeff,
        flags,
      });
    });
  });
}

// R centres the logit interval on an IRLS fit rather than on p̂ itself (see fitInterceptLogit);
// only asked for where the interval is design-based. NaN when the fit diverges.
function glmCenter(
  pass: Pass,
  level: number,
  k: number,
  weightedBase: number,
  nBase: number,
): number {
  const { entries, question, weighting, scratch } = pass;
  const index = question.index as QuestionIndex;
  const chosen = entries.chosen[k] as Float64Array;
  const first = entries.start[level] as number;
  const last = entries.start[level + 1] as number;
  // svyglm divides the weights by their mean over the design's rows: the domain's base, or every
  // respondent once weights are calibrated (R then keeps all rows, with zero weight outside).
  const rows = weighting.calibration.length > 0 ? pass.respondents : nBase;
  const scale = rows / weightedBase;
  const count = last - first;
  const priorWeights = scratch.logitWeights.subarray(0, count);
  const ones = scratch.logitOnes.subarray(0, count);
  const zeros = scratch.logitZeros.subarray(0, count);
  for (let p = first; p < last; p++) {
    const e = entries.order[p] as number;
    const chose = chosen[e] as number;
    priorWeights[p - first] = (weighting.weights[index.baseCells[e] as number] as number) * scale;
    ones[p - first] = chose;
    zeros[p - first] = (index.baseCounts[e] as number) - chose;
  }
  return fitInterceptLogit({ weights: priorWeights, ones, zeros }).fitted;
}

// The base part of a domain's calibrated sums: d_B and everything that depends on it alone.
function calibratedLevel(pass: Pass, level: number, weightedBase: number): CalibratedParts {
  const { weighting, question, scratch, entries } = pass;
  const { design, weights } = weighting;
  const counts = design.cellCount;
  const strata = design.strata.length;
  const index = question.index as QuestionIndex;
  const { sums, baseDeltas } = scratch;
  const parts: CalibratedParts = {
    alpha: new Float64Array(strata),
    beta: new Float64Array(strata),
    pA: new Float64Array(strata),
    pB: new Float64Array(strata),
    qAA: new Float64Array(strata),
    qAB: new Float64Array(strata),
    qBB: new Float64Array(strata),
    rAA: new Float64Array(strata),
    rAB: new Float64Array(strata),
    rBB: new Float64Array(strata),
  };
  const inverse = 1 / weightedBase;
  const first = entries.start[level] as number;
  const last = entries.start[level + 1] as number;
  for (let p = first; p < last; p++) {
    const e = entries.order[p] as number;
    const cell = index.baseCells[e] as number;
    sums[cell] = (weights[cell] as number) * (index.baseCounts[e] as number) * inverse;
  }
  (pass.residuals as CalibrationResiduals).deltas(sums, baseDeltas);
  for (let cell = 0; cell < counts.length; cell++) {
    const delta = baseDeltas[cell] as number;
    const h = design.cellStratum[cell] as number;
    const count = counts[cell] as number;
    parts.beta[h] = (parts.beta[h] as number) - count * delta;
    parts.rBB[h] = (parts.rBB[h] as number) + count * delta * delta;
  }
  for (let p = first; p < last; p++) {
    const e = entries.order[p] as number;
    const cell = index.baseCells[e] as number;
    const h = design.cellStratum[cell] as number;
    const z = sums[cell] as number;
    const weight = weights[cell] as number;
    parts.beta[h] = (parts.beta[h] as number) + z;
    parts.pB[h] = (parts.pB[h] as number) + weight * z * inverse;
    parts.qBB[h] = (parts.qBB[h] as number) + (baseDeltas[cell] as number) * z;
    sums[cell] = 0;
  }
  return parts;
}

// The option part of a domain's calibrated sums: d_A and its products with d_B (see CalibratedParts).
function calibratedOption(
  pass: Pass,
  levelParts: CalibratedParts,
  level: number,
  k: number,
  weightedBase: number,
): CalibratedParts {
  const { weighting, question, scratch, entries } = pass;
  const { design, weights } = weighting;
  const counts = design.cellCount;
  const cellStratum = design.cellStratum;
  const index = question.index as QuestionIndex;
  const { sums, squares, deltas, baseDeltas } = scratch;
  // The option parts live in scratch buffers: a report asks for thousands of options, and
  // fresh arrays for each cost more in allocation and collection than the arithmetic.
  const { alpha, pA, qAA, qAB, rAA, rAB } = scratch.optionParts;
  for (const part of [alpha, pA, qAA, qAB, rAA, rAB]) part.fill(0);
  const chosen = entries.chosen[k] as Float64Array;
  const inverse = 1 / weightedBase;
  const first = entries.start[level] as number;
  const last = entries.start[level + 1] as number;
  for (let p = first; p < last; p++) {
    const e = entries.order[p] as number;
    const cell = index.baseCells[e] as number;
    const weight = weights[cell] as number;
    sums[cell] = weight * (chosen[e] as number) * inverse;
    squares[cell] = weight * (index.baseCounts[e] as number) * inverse;
  }
  (pass.residuals as CalibrationResiduals).deltas(sums, deltas);
  for (let cell = 0; cell < counts.length; cell++) {
    const delta = deltas[cell] as number;
    const h = cellStratum[cell] as number;
    const count = counts[cell] as number;
    alpha[h] = (alpha[h] as number) - count * delta;
    rAA[h] = (rAA[h] as number) + count * delta * delta;
    rAB[h] = (rAB[h] as number) + count * delta * (baseDeltas[cell] as number);
  }
  for (let p = first; p < last; p++) {
    const e = entries.order[p] as number;
    const cell = index.baseCells[e] as number;
    const h = cellStratum[cell] as number;
    const zA = sums[cell] as number;
    const zB = squares[cell] as number;
    const delta = deltas[cell] as number;
    alpha[h] = (alpha[h] as number) + zA;
    pA[h] = (pA[h] as number) + (weights[cell] as number) * zA * inverse;
    qAA[h] = (qAA[h] as number) + delta * zA;
    qAB[h] = (qAB[h] as number) + delta * zB + (baseDeltas[cell] as number) * zA;
    sums[cell] = 0;
    squares[cell] = 0;
  }
  return {
    alpha,
    beta: levelParts.beta,
    pA,
    pB: levelParts.pB,
    qAA,
    qAB,
    qBB: levelParts.qBB,
    rAA,
    rAB,
    rBB: levelParts.rBB,
  };
}

// The variance under calibrated weights with z centred at c, from the parts (see CalibratedParts),
// and the magnitude of the terms it was summed from (see `withoutVarianceNoise`).
function calibratedVariance(
  factors: StratumFactors,
  parts: CalibratedParts,
  c: number,
): { variance: number; magnitude: number } {
  let variance = 0;
  let magnitude = 0;
  for (let h = 0; h < parts.alpha.length; h++) {
    const s1 = (parts.alpha[h] as number) - c * (parts.beta[h] as number);
    const s2 =
      (parts.pA[h] as number) * (1 - 2 * c) +
      c * c * (parts.pB[h] as number) -
      2 *
        ((parts.qAA[h] as number) -
          c * (parts.qAB[h] as number) +
          c * c * (parts.qBB[h] as number)) +
      (parts.rAA[h] as number) -
      2 * c * (parts.rAB[h] as number) +
      c * c * (parts.rBB[h] as number);
    variance += stratumTerm(factors, h, s1, s2);
    // Σz² and Σd² at c, which bound every term of S₂ (Cauchy–Schwarz) and have no cancellation.
    magnitude +=
      (parts.pA[h] as number) +
      c * c * (parts.pB[h] as number) +
      (parts.rAA[h] as number) +
      c * c * (parts.rBB[h] as number);
  }
  return { variance, magnitude };
}
