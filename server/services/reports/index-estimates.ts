// Design-based estimates of a questionnaire's Likert indexes (mean item score × multiplier) with SE and interval, from the counted item totals.
import {
  estimateMeans,
  type CellCounts,
  type DomainSelection,
  type DomainSpec,
  type ScoreCount,
  type Weighting,
} from '../../../analysis/index.ts';
import type { LikertIndex } from '../../../surveys/types.ts';
import { indexTotalVariable } from '../projection/aggregate-responses.ts';
import type { IndexEstimateRow } from './report-types.ts';

/**
 * The score cells of a Likert index: per (agency, profile), the respondents with every item
 * answered, Σ score and Σ score², where a respondent's score is their item total (the counted
 * `indexTotalVariable`) divided by the number of items.
 *
 * @example
 * indexScoreCounts(cells, definition.likertIndexes[0]); // [{ stratum, profile, score: 'indeks_…', count, sum, sumOfSquares }, …]
 */
export function indexScoreCounts(cells: CellCounts, index: LikertIndex): ScoreCount[] {
  const variable = indexTotalVariable(index.id);
  const items = index.items.length;
  const byCell = new Map<string, ScoreCount>();
  for (const choice of cells.choices) {
    if (choice.question !== variable || choice.count === 0) continue;
    const score = Number(choice.option) / items;
    const key = `${choice.stratum}\u0000${choice.profile}`;
    let cell = byCell.get(key);
    if (cell === undefined) {
      cell = {
        stratum: choice.stratum,
        profile: choice.profile,
        score: index.id,
        count: 0,
        sum: 0,
        sumOfSquares: 0,
      };
      byCell.set(key, cell);
    }
    cell.count += choice.count;
    cell.sum += choice.count * score;
    cell.sumOfSquares += choice.count * score * score;
  }
  return [...byCell.values()];
}

/**
 * Each index of `indexes` in each domain of `domain` (null: national) under `weighting`: the
 * weighted mean score (`estimateMeans`: Taylor linearization, stratified with fpc, t interval
 * with df = respondents − strata) times the index's multiplier. An index nobody scored (counts
 * folded before item totals were counted) gives no rows.
 *
 * @example
 * estimateIndexes(designWeights(design), cells, definition.likertIndexes ?? [], 'agency');
 */
export function estimateIndexes(
  weighting: Weighting,
  cells: CellCounts,
  indexes: readonly LikertIndex[],
  domain: DomainSpec | DomainSelection | null,
): IndexEstimateRow[] {
  const rows: IndexEstimateRow[] = [];
  for (const index of indexes) {
    const scores = indexScoreCounts(cells, index);
    if (scores.length === 0) continue;
    const estimates = estimateMeans(weighting, scores, {
      scores: [index.id],
      national: domain === null,
      domains: domain === null ? [] : [domain],
    });
    const m = index.multiplier;
    for (const e of estimates) {
      rows.push({
        index: index.id,
        domainVariables: [...e.domainVariables],
        domainValues: [...e.domainValues],
        nBase: e.nBase,
        value: e.estimate === null ? null : e.estimate * m,
        se: e.se === null ? null : e.se * m,
        ciLow: e.ci === null ? null : e.ci.low * m,
        ciHigh: e.ci === null ? null : e.ci.high * m,
        df: e.df,
      });
    }
  }
  return rows;
}
