// The public API of the analysis module: design-based estimates from cell counts, pure TypeScript.

export type { CellCounts, OptionCount, ProfileCount, QuestionCount, StratumInfo } from './cells.ts';
export type { ScoreCount } from './score-cells.ts';
export { scoreCountsFromValues } from './score-cells.ts';

export { createDesign, cellKey } from './design.ts';
export type { DesignOptions, QuestionIndex, SurveyDesign } from './design.ts';
export { resolveBreakdown, resolveDomains, cellValues, selectLevels } from './domains.ts';
export type { DomainSelection, DomainSpec, ResolvedDomains } from './domains.ts';
export { countBases } from './count-bases.ts';
export type { BreakdownBases, CountBasesOptions } from './count-bases.ts';

export { designWeights, summarizeWeights } from './weighting.ts';
export type {
  CalibrationStep,
  PostStratificationStep,
  RakingMarginStep,
  RakingStep,
  WeightSummary,
  Weighting,
} from './weighting.ts';
export { marginFromShares, matchMargin, stratumTotals } from './margin-levels.ts';
export type { MarginLevels, PopulationTotals } from './margin-levels.ts';
export { postStratify } from './post-stratify.ts';
export { rake, RakingError } from './rake.ts';
export type { RakeOptions, RakeResult, RakingMargin } from './rake.ts';
export { trimWeights } from './trim-weights.ts';
export type { TrimOptions } from './trim-weights.ts';

export { estimateProportions } from './estimate-proportions.ts';
export type { ProportionOptions, QuestionRequest } from './estimate-proportions.ts';
export { estimateMeans } from './estimate-means.ts';
export type { MeanOptions } from './estimate-means.ts';
export type { DomainLabel, EstimateFlags, MeanEstimate, ProportionEstimate } from './results.ts';
export { emptyRowFlags, estimateFlags, isLowReliability } from './results.ts';
export { intervalCase } from './interval-rules.ts';
export type { IntervalCase, IntervalSituation } from './interval-rules.ts';
export { meanInterval } from './mean-intervals.ts';
export type { MeanInterval, MeanIntervalBasis, MeanIntervalInput } from './mean-intervals.ts';

export {
  clopperPearsonInterval,
  kornGraubardInterval,
  kornGraubardWithEffectiveN,
  logitInterval,
  proportionInterval,
  waldInterval,
} from './proportion-intervals.ts';
export type {
  ConfidenceInterval,
  IntervalBasis,
  IntervalMethod,
  ProportionIntervalInput,
} from './proportion-intervals.ts';
export { fitInterceptLogit } from './logit-fit.ts';
export type { LogitFit } from './logit-fit.ts';
export { designEffect, kishDesignEffect } from './design-effect.ts';
export {
  stratifiedVariance,
  stratumFactors,
  stratumTerm,
  varianceNoise,
  withoutVarianceNoise,
} from './stratified-variance.ts';
export type { StratumFactors } from './stratified-variance.ts';
export { calibrationResiduals } from './calibration-residuals.ts';
export type { CalibrationResiduals } from './calibration-residuals.ts';

export { compareCodeUnits } from './code-unit-order.ts';
export { methodNotes } from './method-notes.ts';
export type { MethodNote } from './method-notes.ts';

export { percentCorrect, understandingClass } from './understanding-score.ts';
export type { UnderstandingClass } from './understanding-score.ts';
export {
  indexGrade,
  perceptionIndex,
  perceptionIndexOf,
  roundToHundredths,
} from './perception-index.ts';
export type { IndexGrade, PerceptionIndex } from './perception-index.ts';

export { cellCountsFromRecords, createCellFolder } from './cells-from-records.ts';
export type {
  CellFolder,
  FoldedCells,
  RecordCells,
  RecordQuestion,
  RecordsOptions,
} from './cells-from-records.ts';
export { cellText } from './cell-text.ts';
export {
  createHeadcountFolder,
  headcountsFromRecords,
  parseHeadcount,
} from './headcounts-from-records.ts';
export type { FrameColumns, HeadcountFolder } from './headcounts-from-records.ts';
export { RecordError } from './record-error.ts';

export { tQuantile } from './t-quantile.ts';
export { normalQuantile } from './normal-quantile.ts';
export { betaQuantile, betaQuantilePoint } from './beta-quantile.ts';
export type { UnitPoint } from './beta-quantile.ts';
export { betaTails, regularizedIncompleteBeta } from './incomplete-beta.ts';
export { logBeta, logGamma } from './log-gamma.ts';

export { suppressCells } from './cell-suppression.ts';
export type {
  SuppressionCell,
  SuppressionReason,
  SuppressionRelation,
} from './cell-suppression.ts';
export { agencyContrast } from './agency-contrast.ts';
export type { AgencyContrast } from './agency-contrast.ts';
export { decideDisclosure, shareBound } from './decide-disclosure.ts';
export type {
  DisclosableRow,
  Disclosure,
  DisclosureRules,
  DomainNesting,
  ShareBound,
} from './decide-disclosure.ts';
