// Whether an agency's share differs from the national share that includes it: difference, linearization SE, t-test.

import { regularizedIncompleteBeta } from './incomplete-beta.ts';
import { stratifiedVariance, stratumFactors } from './stratified-variance.ts';
import type { Weighting } from './weighting.ts';

/** The agency-versus-nation comparison of one option of one question. */
export interface AgencyContrast {
  stratum: string;
  question: string;
  option: string;
  /** The agency's weighted share p̂_A; null when nobody of the agency answered. */
  agencyShare: number | null;
  /** The national weighted share p̂_N (the agency included). */
  nationalShare: number | null;
  /** p̂_A − p̂_N. */
  difference: number | null;
  /** Linearization SE of the difference, with the covariance of the two shares. */
  se: number | null;
  /** Respondents in the national base − strata among them. */
  df: number;
  /** Two-sided p-value of t = difference / SE on df degrees of freedom; null when undefined. */
  pValue: number | null;
}

/**
 * The difference between a stratum's share and the national share of one answer option, for
 * a mark on an agency dashboard. The agency is part of the nation, so the two shares are not
 * independent: the SE is that of the difference's linearization
 *
 *     u_i = 1{i∈A} w_i (y_i − p̂_A)/Ŵ_A − w_i (y_i − p̂_N)/Ŵ_N      (0 outside the base)
 *
 * under the stratified design (`stratifiedVariance`, with fpc and R's lonely-stratum rule), and
 * the p-value is two-sided on a t distribution with df = national base − strata, the df of
 * `svyciprop`. Equals R's `svycontrast(svyratio(~yA + yN, ~bA + bN, covmat = TRUE),
 * c("yA/bA" = 1, "yN/bN" = -1))` (tests/fixtures/r-survey/agency-contrast.R). Design and
 * post-stratified weights are not distinguished: calibrated weightings are refused, since their
 * residuals are not taken into account here.
 *
 * @param stratum the agency's stratum id; must be a stratum of the design with respondents.
 * @throws on a calibrated weighting, an unknown question, option or stratum.
 * @example
 * const mark = agencyContrast(designWeights(design), 'kab-sleman', 'D1', 'ya');
 * if (mark.pValue !== null && mark.pValue < 0.05) showMark(mark.difference);
 */
export function agencyContrast(
  weighting: Weighting,
  stratum: string,
  question: string,
  option: string,
): AgencyContrast {
  if (weighting.calibration.length > 0) {
    throw new Error('agencyContrast takes design weights; calibrated residuals are not used');
  }
  const { design, weights } = weighting;
  const index = design.questions.get(question);
  if (!index) throw new Error(`Unknown question ${question}`);
  const k = index.options.indexOf(option);
  if (k < 0) throw new Error(`Unknown option ${option} of ${question}`);
  const agency = design.strata.indexOf(stratum);
  if (agency < 0) throw new Error(`Stratum ${stratum} has no respondents`);

  // Σw·b and Σw·x over the base, per cell; chosen counts by cell for this option.
  const chosen = new Float64Array(design.cellCount.length);
  const choiceCells = index.choiceCells[k] as Int32Array;
  const choiceCounts = index.choiceCounts[k] as Float64Array;
  for (let e = 0; e < choiceCells.length; e++) {
    const cell = choiceCells[e] as number;
    chosen[cell] = (chosen[cell] as number) + (choiceCounts[e] as number);
  }
  const totals = { wN: 0, xN: 0, wA: 0, xA: 0, nBase: 0 };
  const strataInBase = new Set<number>();
  for (let e = 0; e < index.baseCells.length; e++) {
    const cell = index.baseCells[e] as number;
    const base = index.baseCounts[e] as number;
    const w = weights[cell] as number;
    const h = design.cellStratum[cell] as number;
    totals.wN += w * base;
    totals.xN += w * (chosen[cell] as number);
    totals.nBase += base;
    if (base > 0) strataInBase.add(h);
    if (h === agency) {
      totals.wA += w * base;
      totals.xA += w * (chosen[cell] as number);
    }
  }
  const df = totals.nBase - strataInBase.size;
  const nationalShare = totals.wN > 0 ? totals.xN / totals.wN : null;
  const agencyShare = totals.wA > 0 ? totals.xA / totals.wA : null;
  const empty = { stratum, question, option, agencyShare, nationalShare, df };
  if (agencyShare === null || nationalShare === null) {
    return { ...empty, difference: null, se: null, pValue: null };
  }

  const strata = design.strata.length;
  const sums = new Float64Array(strata);
  const squares = new Float64Array(strata);
  const linearized = (w: number, y: number, inAgency: boolean) =>
    (inAgency ? (w * (y - agencyShare)) / totals.wA : 0) - (w * (y - nationalShare)) / totals.wN;
  for (let e = 0; e < index.baseCells.length; e++) {
    const cell = index.baseCells[e] as number;
    const h = design.cellStratum[cell] as number;
    const w = weights[cell] as number;
    const ones = chosen[cell] as number;
    const zeros = (index.baseCounts[e] as number) - ones;
    const u1 = linearized(w, 1, h === agency);
    const u0 = linearized(w, 0, h === agency);
    sums[h] = (sums[h] as number) + ones * u1 + zeros * u0;
    squares[h] = (squares[h] as number) + ones * u1 * u1 + zeros * u0 * u0;
  }
  const se = Math.sqrt(stratifiedVariance(stratumFactors(design), sums, squares));
  const difference = agencyShare - nationalShare;
  return { ...empty, difference, se, pValue: twoSidedTPValue(difference, se, df) };
}

/** P(|T_df| ≥ |d/se|) = I_{df/(df+t²)}(df/2, 1/2); null where the statistic is undefined. */
function twoSidedTPValue(difference: number, se: number, df: number): number | null {
  if (!(se > 0) || df < 1) return null;
  const t = difference / se;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}
