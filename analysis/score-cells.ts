// The cell sums of per-respondent scores (percent correct, a Likert mean): what a database pushes down for means.

import type { ProfileCount } from './cells.ts';

/**
 * Sums of one per-respondent score over the respondents of a (stratum, profile) cell who have
 * it: `count` (the base), Σ score and Σ score². All weights are constant within the cell, so a
 * weighted mean, its linearization variance and its design effect follow from these three
 * numbers. A database computes them in one aggregate query, e.g.
 * `SELECT agency, profile_id, COUNT(score), SUM(score), SUM(score * score) … GROUP BY agency, profile_id`;
 * respondents without a score (item non-response) are simply not counted.
 */
export interface ScoreCount extends ProfileCount {
  /** Which score, e.g. `pemahaman` or `indeks_persepsi_netralitas`. */
  score: string;
  sum: number;
  sumOfSquares: number;
}

/**
 * Accumulates per-respondent scores into score cells (for tests and small in-memory inputs;
 * a database should aggregate instead).
 *
 * @example
 * scoreCountsFromValues([{ stratum: 'AG001', profile: 0, score: 'pemahaman', value: 85.7 }]);
 */
export function scoreCountsFromValues(
  values: Iterable<{ stratum: string; profile: number; score: string; value: number | null }>,
): ScoreCount[] {
  const cells = new Map<string, ScoreCount>();
  for (const entry of values) {
    if (entry.value === null) continue;
    if (!Number.isFinite(entry.value)) {
      throw new Error(
        `score "${entry.score}" of stratum "${entry.stratum}": not a number (${entry.value})`,
      );
    }
    const key = `${entry.score}\u0000${entry.stratum}\u0000${entry.profile}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = {
        stratum: entry.stratum,
        profile: entry.profile,
        score: entry.score,
        count: 0,
        sum: 0,
        sumOfSquares: 0,
      };
      cells.set(key, cell);
    }
    cell.count++;
    cell.sum += entry.value;
    cell.sumOfSquares += entry.value * entry.value;
  }
  return [...cells.values()];
}
