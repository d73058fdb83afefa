// A set of analysis weights for a design (one weight per respondent cell) and the design weights.

import type { SurveyDesign } from './design.ts';

/**
 * One post-stratification to a single cell variable, kept for the variance: the linearized
 * values are replaced by residuals from their post-stratum means (`svyrecvar` in R's survey).
 */
export interface PostStratificationStep {
  kind: 'post-stratification';
  variable: string;
  /** Post-stratum index of each respondent cell. */
  levelOfCell: Int32Array;
  levelCount: number;
  /** Weights just before and just after this step (R's `oldweights` and `weights`). */
  weightsBefore: Float64Array;
  weightsAfter: Float64Array;
}

/** One margin of a raking step: its cell levels and the weights right after it was matched. */
export interface RakingMarginStep {
  variable: string;
  levelOfCell: Int32Array;
  levelCount: number;
  weights: Float64Array;
}

/**
 * A raking (iterative proportional fitting) step, kept for the variance: R's `svyrecvar`
 * approximates the calibration residuals by `sweeps` rounds of removing each margin's means.
 */
export interface RakingStep {
  kind: 'raking';
  margins: readonly RakingMarginStep[];
  sweeps: number;
}

export type CalibrationStep = PostStratificationStep | RakingStep;

/**
 * Analysis weights. Every weight this module builds (design, post-stratified, raked, trimmed)
 * is constant within a respondent cell, so `weights[c]` is the weight of each of cell c's
 * respondents and Σw, Σw² of any group follow from counts.
 */
export interface Weighting {
  readonly design: SurveyDesign;
  readonly weights: Float64Array;
  /** Calibrations applied so far, in order; their residuals enter every variance. */
  readonly calibration: readonly CalibrationStep[];
  /** What was done, for footnotes, e.g. `design`, `design → raked (agency, sex)`. */
  readonly description: string;
}

/**
 * The design weights: w = N_h / n_h for every respondent of stratum h, so the weights of a
 * stratum add up to its headcount N_h. Reference: Lumley (2010), Complex Surveys, section 2.2.
 *
 * @example
 * designWeights(design).weights[0]; // N_h / n_h of the first cell's stratum
 */
export function designWeights(design: SurveyDesign): Weighting {
  const weights = Float64Array.from(
    design.cellStratum,
    (stratum) =>
      (design.populationSizes[stratum] as number) / (design.sampleSizes[stratum] as number),
  );
  return { design, weights, calibration: [], description: 'design' };
}

/** Summary of a weighting: respondents, Σw, smallest and largest weight, Kish's deff. */
export interface WeightSummary {
  respondents: number;
  sum: number;
  min: number;
  max: number;
  /** Kish's design effect due to unequal weighting, n Σw² / (Σw)². */
  kishDeff: number;
}

/**
 * Summarizes a weighting over all respondents. Kish's deff is n Σw² / (Σw)² = 1 + CV² of the
 * weights. Reference: Kish (1965), Survey Sampling, section 11.7.
 *
 * @example
 * summarizeWeights(designWeights(design)).sum; // Σ N_h over strata with respondents
 */
export function summarizeWeights(weighting: Weighting): WeightSummary {
  const { cellCount } = weighting.design;
  let respondents = 0;
  let sum = 0;
  let sumOfSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  weighting.weights.forEach((weight, cell) => {
    const count = cellCount[cell] as number;
    respondents += count;
    sum += count * weight;
    sumOfSquares += count * weight * weight;
    min = Math.min(min, weight);
    max = Math.max(max, weight);
  });
  return { respondents, sum, min, max, kishDeff: (respondents * sumOfSquares) / (sum * sum) };
}
