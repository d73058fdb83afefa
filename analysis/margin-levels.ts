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
