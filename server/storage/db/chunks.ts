// Splits rows into slices for multi-row statements, which both dialects cap by their number of parameters.

/**
 * Consecutive slices of `items`, each at most `size` long (the last may be shorter).
 *
 * @example
 * for (const rows of chunks(agencies, 500)) await db.insertInto('agencies').values(rows).execute();
 */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Invalid chunk size: ${size}`);
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
