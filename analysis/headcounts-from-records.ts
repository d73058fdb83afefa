// Stratum headcounts (N_h) from frame records such as a parsed `agency,N` CSV.

import { RecordError } from './record-error.ts';

/** Column names of a frame file. */
export interface FrameColumns {
  /** Default `agency`. */
  stratumColumn?: string;
  /** Default `N`. */
  headcountColumn?: string;
}

/**
 * Parses a headcount: a whole number of at least 1, written in digits (a frame is a count of
 * people, so `12.5`, `1e3` or an empty cell is an error, not a guess).
 *
 * @example
 * parseHeadcount('886'); // 886
 * parseHeadcount('abc'); // null
 */
export function parseHeadcount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= 1 ? value : null;
}

/**
 * Reads stratum headcounts from frame records (one per stratum). Throws a {@link RecordError}
 * naming the row and column for a missing column, an empty stratum id, a duplicate stratum or
 * a headcount that is not a whole number ≥ 1.
 *
 * @example
 * headcountsFromRecords([{ agency: 'AG001', N: '886' }], ['agency', 'N']).get('AG001'); // 886
 */
export function headcountsFromRecords(
  records: readonly Readonly<Record<string, string | undefined>>[],
  header: readonly string[],
  columns: FrameColumns = {},
): Map<string, number> {
  const stratumColumn = columns.stratumColumn ?? 'agency';
  const headcountColumn = columns.headcountColumn ?? 'N';
  for (const column of [stratumColumn, headcountColumn]) {
    if (!header.includes(column)) throw new RecordError('missing column', 0, column);
  }
  const headcounts = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 1;
    const stratum = record[stratumColumn] ?? '';
    if (stratum === '') throw new RecordError('empty stratum id', row, stratumColumn);
    if (headcounts.has(stratum)) {
      throw new RecordError(`"${stratum}" is listed twice`, row, stratumColumn);
    }
    const text = record[headcountColumn] ?? '';
    const headcount = parseHeadcount(text);
    if (headcount === null) {
      throw new RecordError(
        `headcount must be a whole number of at least 1, got "${text}"`,
        row,
        headcountColumn,
      );
    }
    headcounts.set(stratum, headcount);
  });
  return headcounts;
}
