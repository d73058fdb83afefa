// Reads values whose JavaScript type depends on the dialect: flags (0/1 or boolean) and aggregates (int8 as text).

/**
 * A flag column as a boolean: PostgreSQL gives `true`/`false`, SQLite `1`/`0`.
 *
 * @example
 * toBoolean(row.uses_tokens) // true
 */
export function toBoolean(value: boolean | number): boolean {
  return value === true || value === 1;
}

/**
 * An aggregate as a number: PostgreSQL returns `count`/`sum` (int8, numeric) as strings.
 *
 * @example
 * toCount(row.n) // 42
 */
export function toCount(value: number | string | bigint | null): number {
  if (value === null) return 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Not a safe integer count: ${String(value)}`);
  return n;
}
