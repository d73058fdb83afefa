// The one ordering of option codes, domain values and names used in reports.

/**
 * Compares strings by UTF-16 code units, the order R sorts factor levels in under the C locale
 * (`LC_COLLATE=C`), so options and domains are listed as R lists them, on every machine.
 *
 * @example
 * ['Yes', 'DK', 'No'].sort(compareCodeUnits); // ['DK', 'No', 'Yes']
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
