// The one trimming rule for cells of every column kind in respondent and frame records.

/**
 * Trims a cell: leading and trailing white space (spaces, tabs, no-break spaces, line breaks)
 * never carries meaning in any column kind, and a cell of white space alone is empty.
 *
 * @example
 * cellText('  S1 '); // 'S1'
 */
export function cellText(field: string | undefined): string {
  return field === undefined ? '' : field.trim();
}
