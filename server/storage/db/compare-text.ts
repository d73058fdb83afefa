// Orders rows identically in every process, so concurrent upserts lock them in the same order.

/**
 * Code-unit order of two strings (no locale): cheap and the same everywhere.
 *
 * @example
 * rows.sort((a, b) => compareText(a.code, b.code));
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
