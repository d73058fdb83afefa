// Population totals of one cell variable, matched to the respondent cells (for post-stratification and raking).

import type { SurveyDesign } from './design.ts';
import { cellValues } from './domains.ts';

/** Population totals by level, e.g. `{ F: 23597.6, M: 21782.4 }`. */
export type PopulationTotals = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** A variable's population totals matched to the design's respondent cells. */
export interface MarginLevels {
  variable: string;
  /** Levels in the order the totals were given. */
  levels: readonly string[];
  totals: Float64Array;
  levelOfCell: Int32Array;
}

function totalsEntries(totals: PopulationTotals): [string, number][] {
  return totals instanceof Map
    ? [...(totals as ReadonlyMap<string, number>).entries()]
    : Object.entries(totals as Readonly<Record<string, number>>);
}

/**
 * Matches population totals of `variable` to the respondent cells. Throws, naming the level,
 * when a respondent's value has no total, when a level with a total has no respondents (a
 * margin cell that cannot be weighted up), when a respondent has no value at all, or when a
 * total is not a positive number.
 *
 * @example
 * matchMargin(design, 'sex', { F: 23597.6, M: 21782.4 }).levels; // ['F', 'M']
 */
export function matchMargin(
  design: SurveyDesign,
  variable: string,
  totals: PopulationTotals,
): MarginLevels {
  const entries = totalsEntries(totals);
  const levelIndex = new Map<string, number>();
  entries.forEach(([level, total], index) => {
    if (!(Number.isFinite(total) && total > 0)) {
      throw new Error(`margin "${variable}": total of "${level}" must be positive, got ${total}`);
    }
    levelIndex.set(level, index);
  });
  const values = cellValues(design, variable);
  const respondents = new Float64Array(entries.length);
  const levelOfCell = new Int32Array(values.length);
  values.forEach((value, cell) => {
    if (value === null) {
      throw new Error(`margin "${variable}": some respondents have no value`);
    }
    const index = levelIndex.get(value);
    if (index === undefined) {
      throw new Error(`margin "${variable}": respondents with "${value}" have no population total`);
    }
    levelOfCell[cell] = index;
    respondents[index] = (respondents[index] as number) + (design.cellCount[cell] as number);
  });
  entries.forEach(([level], index) => {
    if (respondents[index] === 0) {
      throw new Error(`margin "${variable}": level "${level}" has no respondents to weight up`);
    }
  });
  return {
    variable,
    levels: entries.map(([level]) => level),
    totals: Float64Array.from(entries, ([, total]) => total),
    levelOfCell,
  };
}

/**
 * The stratum headcounts as population totals of the stratum variable (for raking to agency
 * totals plus national margins).
 *
 * @example
 * rake(designWeights(design), [{ variable: 'agency', totals: stratumTotals(design) }, …]);
 */
export function stratumTotals(design: SurveyDesign): Map<string, number> {
  return new Map(design.strata.map((id, index) => [id, design.populationSizes[index] as number]));
}

/** How far the shares of a margin may add up from 1 (rounding of typed decimals, not 0.9). */
const shareSumTolerance = 1e-9;

/**
 * Population totals of a margin given as shares of a total: total × share for each level.
 * Shares must be positive and add up to 1 (within 1e-9): shares that do not (F 0.42, M 0.48)
 * are an error naming the margin and their sum, never silently rescaled.
 *
 * @example
 * marginFromShares('sex', { F: 0.52, M: 0.48 }, 45380); // Map { F → 23597.6, M → 21782.4 }
 */
export function marginFromShares(
  variable: string,
  shares: PopulationTotals,
  total: number,
): Map<string, number> {
  const entries = totalsEntries(shares);
  if (entries.length === 0) throw new Error(`margin "${variable}": no shares given`);
  let sum = 0;
  for (const [level, share] of entries) {
    if (!(Number.isFinite(share) && share > 0 && share <= 1)) {
      throw new Error(`margin "${variable}": share of "${level}" must be in (0, 1], got ${share}`);
    }
    sum += share;
  }
  if (Math.abs(sum - 1) > shareSumTolerance) {
    throw new Error(
      `margin "${variable}": shares add up to ${Number(sum.toPrecision(12))}, not 1 (${entries
        .map(([level, share]) => `${level}:${share}`)
        .join(',')}); give every level's share of the population`,
    );
  }
  if (!(Number.isFinite(total) && total > 0)) {
    throw new Error(`margin "${variable}": the total must be positive, got ${total}`);
  }
  return new Map(entries.map(([level, share]) => [level, total * share]));
}
