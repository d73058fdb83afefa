// Raking (iterative proportional fitting) of a weighting to several population margins.

import { matchMargin, type MarginLevels, type PopulationTotals } from './margin-levels.ts';
import type { RakingMarginStep, Weighting } from './weighting.ts';

/** One margin to rake to: a cell variable and its population totals. */
export interface RakingMargin {
  variable: string;
  totals: PopulationTotals;
}

/** Options of {@link rake}. */
export interface RakeOptions {
  /**
   * Stop when no cell of the margins' cross table changes its weighted count by more than
   * `tolerance` × Σw (initial weights) between two passes (R's `rake(control = list(epsilon))`)
   * and every level of every margin is within `tolerance` × Σw of its total. Default 1e-8.
   */
  tolerance?: number;
  /** Passes over all margins before giving up. Default 100. */
  maxIterations?: number;
  /** Rounds of margin-mean removal approximating the calibration residuals. Default 10, as R. */
  varianceSweeps?: number;
}

/** The raked weighting and how the fitting went. */
export interface RakeResult {
  weighting: Weighting;
  /** Passes over all margins made (the last one is the pass that met the tolerance). */
  iterations: number;
  /** Always true: raking that does not meet every margin throws a {@link RakingError}. */
  converged: boolean;
  /** Largest change of a cross-table cell in the last pass. */
  lastChange: number;
  /** Largest |Σw − total| over the levels of every margin at the end (≤ tolerance × Σw). */
  largestGap: number;
}

/**
 * Raking that cannot meet its margins: after the last pass the margin `variable`'s level
 * `level` has weighted total `achieved` against its population total `total` (gap = achieved −
 * total), beyond the tolerance. Margins that contradict each other (an agency whose respondents
 * are all women, raked to its headcount and a national sex share below it) end here, as do
 * margins that need more passes than allowed.
 */
export class RakingError extends Error {
  constructor(
    readonly variable: string,
    readonly level: string,
    readonly achieved: number,
    readonly total: number,
    readonly allowed: number,
    readonly iterations: number,
  ) {
    super(
      `raking cannot meet margin "${variable}": level "${level}" has weighted total ${achieved} ` +
        `against its population total ${total} (gap ${achieved - total}, tolerance ${allowed}) ` +
        `after ${iterations} passes; the margins contradict each other or need more passes`,
    );
    this.name = 'RakingError';
  }
}

interface MarginGap {
  margin: MarginLevels;
  level: number;
  achieved: number;
  gap: number;
}

// The level farthest from its total, over every margin, for the current weights.
function largestMarginGap(
  margins: readonly MarginLevels[],
  weights: Float64Array,
  counts: Float64Array,
): MarginGap {
  let worst: MarginGap = { margin: margins[0] as MarginLevels, level: 0, achieved: 0, gap: -1 };
  for (const margin of margins) {
    const sums = new Float64Array(margin.levels.length);
    for (let cell = 0; cell < weights.length; cell++) {
      const level = margin.levelOfCell[cell] as number;
      sums[level] = (sums[level] as number) + (weights[cell] as number) * (counts[cell] as number);
    }
    sums.forEach((achieved, level) => {
      const gap = Math.abs(achieved - (margin.totals[level] as number));
      if (gap > worst.gap) worst = { margin, level, achieved, gap };
    });
  }
  return worst;
}

// The cells of the margins' cross table that have respondents, and each respondent cell's one.
function crossTable(
  margins: readonly MarginLevels[],
  cells: number,
): { groupOfCell: Int32Array; groups: number } {
  const groupByKey = new Map<string, number>();
  const groupOfCell = new Int32Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    const key = margins.map((margin) => margin.levelOfCell[cell]).join(',');
    let group = groupByKey.get(key);
    if (group === undefined) {
      group = groupByKey.size;
      groupByKey.set(key, group);
    }
    groupOfCell[cell] = group;
  }
  return { groupOfCell, groups: groupByKey.size };
}

// Weighted count of each cross-table cell.
function tableTotals(
  groupOfCell: Int32Array,
  groups: number,
  weights: Float64Array,
  counts: Float64Array,
): Float64Array {
  const totals = new Float64Array(groups);
  for (let cell = 0; cell < weights.length; cell++) {
    const group = groupOfCell[cell] as number;
    totals[group] =
      (totals[group] as number) + (weights[cell] as number) * (counts[cell] as number);
  }
  return totals;
}

/**
 * Rakes a weighting to population margins by iterative proportional fitting (Deming & Stephan
 * 1940), exactly as R's `rake`: each pass post-stratifies to every margin in turn
 * (w_i ← w_i · N_ℓ / Σ_{j∈ℓ} w_j), and fitting stops once a pass changes no cell of the margins'
 * cross table by more than the tolerance. Raking to the agency headcounts plus national
 * margins keeps every agency total exact and meets the margins.
 *
 * Convergence means every margin is met at the end, not only that the weights stopped
 * changing: fitting stops when a pass changes no cross-table cell by more than
 * `tolerance` × Σw and every level of every margin is within `tolerance` × Σw of its total.
 * Margins that cannot all be met (they contradict each other, or need more than
 * `maxIterations` passes) throw a {@link RakingError} naming the margin, the level and its gap.
 *
 * The final pass's margins are recorded for the variance, which R's `svyrecvar` computes from
 * residuals approximated by `varianceSweeps` rounds of x ← x − w_ℓ · mean_{j∈ℓ}(x_j / w_j)
 * over each margin. Throws, naming the margin and level, when a margin cell has no respondents
 * or respondents have no total.
 *
 * @example
 * const { weighting, iterations } = rake(designWeights(design), [
 *   { variable: 'agency', totals: stratumTotals(design) },
 *   { variable: 'sex', totals: { F: 0.52 * N, M: 0.48 * N } },
 * ]);
 */
export function rake(
  weighting: Weighting,
  margins: readonly RakingMargin[],
  options: RakeOptions = {},
): RakeResult {
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  const sweeps = options.varianceSweeps ?? 10;
  if (margins.length === 0) throw new Error('rake needs at least one margin');
  if (!(tolerance > 0)) throw new Error(`rake tolerance must be positive, got ${tolerance}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new Error(`rake maxIterations must be a positive integer, got ${maxIterations}`);
  }
  const { design } = weighting;
  const counts = design.cellCount;
  const matched = margins.map((margin) => matchMargin(design, margin.variable, margin.totals));
  const { groupOfCell, groups } = crossTable(matched, counts.length);

  let weights = Float64Array.from(weighting.weights);
  let total = 0;
  weights.forEach((weight, cell) => (total += weight * (counts[cell] as number)));
  const threshold = tolerance * total;
  let previous = tableTotals(groupOfCell, groups, weights, counts);
  let steps: RakingMarginStep[] = [];
  let iterations = 0;
  let lastChange = Infinity;
  while (iterations < maxIterations) {
    iterations++;
    steps = [];
    for (const margin of matched) {
      const sums = new Float64Array(margin.levels.length);
      for (let cell = 0; cell < weights.length; cell++) {
        const level = margin.levelOfCell[cell] as number;
        sums[level] =
          (sums[level] as number) + (weights[cell] as number) * (counts[cell] as number);
      }
      weights = Float64Array.from(weights, (weight, cell) => {
        const level = margin.levelOfCell[cell] as number;
        return weight * ((margin.totals[level] as number) / (sums[level] as number));
      });
      steps.push({
        variable: margin.variable,
        levelOfCell: margin.levelOfCell,
        levelCount: margin.levels.length,
        weights,
      });
    }
    const current = tableTotals(groupOfCell, groups, weights, counts);
    lastChange = 0;
    for (let group = 0; group < groups; group++) {
      lastChange = Math.max(
        lastChange,
        Math.abs((current[group] as number) - (previous[group] as number)),
      );
    }
    previous = current;
    if (lastChange < threshold) {
      // Weights that stopped changing are not enough: every margin must be met.
      if (largestMarginGap(matched, weights, counts).gap <= threshold) break;
    }
  }
  const worst = largestMarginGap(matched, weights, counts);
  if (worst.gap > threshold) {
    throw new RakingError(
      worst.margin.variable,
      worst.margin.levels[worst.level] as string,
      worst.achieved,
      worst.margin.totals[worst.level] as number,
      threshold,
      iterations,
    );
  }
  return {
    weighting: {
      design,
      weights,
      calibration: [...weighting.calibration, { kind: 'raking', margins: steps, sweeps }],
      description: `${weighting.description} → raked (${matched.map((m) => m.variable).join(', ')})`,
    },
    iterations,
    converged: true,
    lastChange,
    largestGap: worst.gap,
  };
}
