// Post-stratification of a weighting to the population totals of one cell variable.

import { matchMargin, type PopulationTotals } from './margin-levels.ts';
import type { Weighting } from './weighting.ts';

/**
 * Post-stratifies: every weight in post-stratum g is multiplied by N_g / Σ_{i∈g} w_i, so the
 * weighted count of each post-stratum equals its population total (R's `postStratify`).
 *
 * The step is recorded so variances use the post-stratified residuals
 * z_i − w_i · Σ_{j∈g} z_j / Σ_{j∈g} w_j instead of z_i (Lumley 2010, section 7.3; R's
 * `svyrecvar`). Agency totals are not kept unless the variable is the agency; use
 * {@link rake} for several margins. Throws for unmatched levels (see `matchMargin`).
 *
 * @example
 * const weighted = postStratify(designWeights(design), 'sex', { F: 0.52 * N, M: 0.48 * N });
 */
export function postStratify(
  weighting: Weighting,
  variable: string,
  totals: PopulationTotals,
): Weighting {
  const { design } = weighting;
  const margin = matchMargin(design, variable, totals);
  const before = weighting.weights;
  const sums = new Float64Array(margin.levels.length);
  before.forEach((weight, cell) => {
    const level = margin.levelOfCell[cell] as number;
    sums[level] = (sums[level] as number) + weight * (design.cellCount[cell] as number);
  });
  const after = Float64Array.from(before, (weight, cell) => {
    const level = margin.levelOfCell[cell] as number;
    return weight * ((margin.totals[level] as number) / (sums[level] as number));
  });
  return {
    design,
    weights: after,
    calibration: [
      ...weighting.calibration,
      {
        kind: 'post-stratification',
        variable,
        levelOfCell: margin.levelOfCell,
        levelCount: margin.levels.length,
        weightsBefore: before,
        weightsAfter: after,
      },
    ],
    description: `${weighting.description} → post-stratified (${variable})`,
  };
}
