// The understanding (knowledge test) score and its Baik / Cukup / Kurang classes.

/** The classes of the understanding score (item bank, part C). */
export type UnderstandingClass = 'Baik' | 'Cukup' | 'Kurang';

/**
 * Percent of scored items answered correctly, 100 · correct / items. "Tidak tahu" (don't know)
 * counts as incorrect, so `items` is every scored item the respondent was given.
 *
 * @example
 * percentCorrect(12, 14); // 85.71428571428571
 */
export function percentCorrect(correct: number, items: number): number {
  if (!(Number.isInteger(items) && items > 0))
    throw new Error(`items must be a positive integer, got ${items}`);
  if (!(Number.isInteger(correct) && correct >= 0 && correct <= items)) {
    throw new Error(`correct must be an integer from 0 to ${items}, got ${correct}`);
  }
  return (100 * correct) / items;
}

/**
 * Classes an understanding score: Baik (good) at 80% correct or more, Cukup (fair) from 60% to
 * below 80%, Kurang (poor) below 60%. The cut-offs are the item bank's design choice (KASN did
 * not publish its threshold); scores are compared unrounded, so 79.99 is Cukup.
 * Reference: kasn-survey-content, section 5, part C.
 *
 * @example
 * understandingClass(percentCorrect(11, 14)); // 'Cukup' (78.6%)
 */
export function understandingClass(percent: number): UnderstandingClass {
  if (!(percent >= 0 && percent <= 100))
    throw new Error(`a percent score must be in [0, 100], got ${percent}`);
  if (percent >= 80) return 'Baik';
  if (percent >= 60) return 'Cukup';
  return 'Kurang';
}
