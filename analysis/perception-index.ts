// The agency neutrality perception index: mean of 1–4 items × 25, graded A–D as in PermenPANRB 14/2017.

import type { MeanEstimate } from './results.ts';

/** Service-quality grades of the PermenPANRB 14/2017 conversion table. */
export type IndexGrade = 'A' | 'B' | 'C' | 'D';

/** The index of one domain: the estimate on the 25–100 scale, rounded as published, and its grade. */
export interface PerceptionIndex {
  /** Mean × 25, rounded to 2 decimals (the published value the grade is read from). */
  index: number;
  /** Unrounded mean × 25. */
  value: number;
  /** SE × 25. */
  se: number | null;
  /** Interval × 25. */
  ci: { low: number; high: number } | null;
  grade: IndexGrade;
}

const multiplier = 25;

/**
 * Rounds to 2 decimals, half away from zero, on the decimal value the number prints as (so
 * 88.305 → 88.31, as a person rounding the published figure would).
 *
 * @example
 * roundToHundredths(88.305); // 88.31
 */
export function roundToHundredths(value: number): number {
  const text = String(Math.abs(value));
  const shifted = text.includes('e') ? Math.abs(value) * 100 : Number(`${text}e2`);
  return (Math.sign(value) * Math.round(shifted)) / 100;
}

/**
 * The grade of a converted index (25–100): A (sangat baik) from 88.31, B (baik) from 76.61,
 * C (kurang baik) from 65.00, D (tidak baik) below. The index is rounded to 2 decimals first, so
 * the gaps in the printed table (76.60 / 76.61) cannot be fallen into.
 * Reference: PermenPANRB No. 14 Tahun 2017, conversion table; kasn-survey-content, section 3.
 *
 * @example
 * indexGrade(88.305); // 'A' (rounds to 88.31)
 */
export function indexGrade(index: number): IndexGrade {
  const rounded = roundToHundredths(index);
  if (rounded >= 88.31) return 'A';
  if (rounded >= 76.61) return 'B';
  if (rounded >= 65) return 'C';
  return 'D';
}

/**
 * Converts a mean of Likert 1–4 items to the index: IKM konversi = mean × 25 (range 25–100),
 * rounded to 2 decimals, with its grade. A respondent's score should be the mean of the items
 * they answered; the index of a domain is then the weighted mean of those scores × 25.
 * Reference: PermenPANRB No. 14 Tahun 2017 (NRR × 0.111 summed over 9 elements, × 25).
 *
 * @example
 * perceptionIndex(3.2).grade; // 'B' (index 80)
 */
export function perceptionIndex(meanScore: number): { index: number; grade: IndexGrade } {
  if (!(meanScore >= 1 && meanScore <= 4))
    throw new Error(`a Likert 1–4 mean must be in [1, 4], got ${meanScore}`);
  const index = roundToHundredths(meanScore * multiplier);
  return { index, grade: indexGrade(index) };
}

/**
 * The index of an estimated mean Likert score (see `estimateMeans`): estimate, SE and interval
 * scaled by 25, the estimate rounded to 2 decimals and graded. Null for an empty domain.
 *
 * @example
 * estimateMeans(weighting, likertCells, { domains: ['agency'] }).map(perceptionIndexOf);
 */
export function perceptionIndexOf(estimate: MeanEstimate): PerceptionIndex | null {
  if (estimate.estimate === null) return null;
  const { index, grade } = perceptionIndex(estimate.estimate);
  return {
    index,
    value: estimate.estimate * multiplier,
    se: estimate.se === null ? null : estimate.se * multiplier,
    ci:
      estimate.ci === null
        ? null
        : { low: estimate.ci.low * multiplier, high: estimate.ci.high * multiplier },
    grade,
  };
}
