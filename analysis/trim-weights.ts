// Weight trimming: clip extreme weights and share the excess equally, keeping the total.

import type { Weighting } from './weighting.ts';

/** Bounds of {@link trimWeights}; at least one must be given. */
export interface TrimOptions {
  /** Largest weight allowed. */
  upper?: number;
  /** Smallest weight allowed. */
  lower?: number;
  /** Repeat until redistributing the excess pushes no weight past a bound. Default false. */
  strict?: boolean;
}

const maxRounds = 1000;

/**
 * Trims weights as R's `trimWeights`: weights above `upper` (below `lower`) are set to the
 * bound, and the total removed (added) is shared equally among the respondents whose weights
 * were inside the bounds, so Σw is unchanged. With `strict`, this repeats until no weight is
 * outside the bounds.
 *
 * The weighting keeps its calibration steps, as R keeps the post-strata of a trimmed design,
 * so variances still use the calibration residuals. Reference: Lumley (2010), Complex Surveys,
 * section 7.5; Potter (1990) on trimming.
 *
 * @example
 * trimWeights(designWeights(design), { upper: 500 }).weights; // none above 500 before sharing
 */
export function trimWeights(weighting: Weighting, options: TrimOptions): Weighting {
  const upper = options.upper ?? Infinity;
  const lower = options.lower ?? -Infinity;
  if (options.upper === undefined && options.lower === undefined) {
    throw new Error('trimWeights needs an upper or a lower bound');
  }
  if (!(lower < upper)) throw new Error(`trimWeights needs lower < upper, got ${lower}, ${upper}`);
  if (!(upper > 0)) throw new Error(`trimWeights needs a positive upper bound, got ${upper}`);
  const counts = weighting.design.cellCount;
  let weights = weighting.weights;
  if (options.strict) {
    let respondents = 0;
    let total = 0;
    weights.forEach((weight, cell) => {
      respondents += counts[cell] as number;
      total += weight * (counts[cell] as number);
    });
    // Sharing keeps Σw, so the bounds must bracket the mean weight for strict trimming to end.
    if (upper * respondents < total || lower * respondents > total) {
      throw new Error(
        `trimWeights: the mean weight ${total / respondents} is outside the bounds; strict trimming cannot end`,
      );
    }
  }
  let outside = 0;
  for (let round = 0; round < (options.strict ? maxRounds : 1); round++) {
    let excess = 0;
    let inside = 0;
    outside = 0;
    weights.forEach((weight, cell) => {
      const count = counts[cell] as number;
      if (weight > upper) {
        excess += (weight - upper) * count;
        outside += count;
      } else if (weight < lower) {
        excess += (weight - lower) * count;
        outside += count;
      } else {
        inside += count;
      }
    });
    if (outside === 0) break;
    if (inside === 0) {
      throw new Error(
        'trimWeights: every weight is outside the bounds; nothing to share the excess',
      );
    }
    const share = excess / inside;
    weights = Float64Array.from(weights, (weight) =>
      weight > upper ? upper : weight < lower ? lower : weight + share,
    );
  }
  if (options.strict && outside > 0) {
    let still = 0;
    weights.forEach((weight, cell) => {
      if (weight > upper || weight < lower) still += counts[cell] as number;
    });
    if (still > 0)
      throw new Error(
        `trimWeights: ${still} weights still outside the bounds after ${maxRounds} rounds`,
      );
  }
  const bounds = [
    options.lower === undefined ? null : `≥ ${lower}`,
    options.upper === undefined ? null : `≤ ${upper}`,
  ].filter((bound) => bound !== null);
  return {
    design: weighting.design,
    weights,
    calibration: weighting.calibration,
    description: `${weighting.description} → trimmed (${bounds.join(', ')})`,
  };
}
