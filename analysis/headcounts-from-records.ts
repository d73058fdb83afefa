// Stratum headcounts (N_h) folded from frame rows such as an `agency,N` CSV.

import { RecordError } from './record-error.ts';
import { cellText } from './cell-text.ts';

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

/** Folds frame rows into headcounts one at a time; see {@link createHeadcountFolder}. */
export interface HeadcountFolder {
  /** Adds one stratum: `fields` in header order, `row` its 1-based data row (for messages). */
  addRow(fields: readonly (string | undefined)[], row: number): void;
  /** N_h by stratum id. */
  finish(): Map<string, number>;
}

/**
 * Starts reading stratum headcounts from frame rows (one per stratum), cells trimmed as
 * {@link cellText} says. Throws a {@link RecordError} naming the row and column for a missing
 * column (at once), an empty stratum id, a duplicate stratum or a headcount that is not a whole
 * number ≥ 1.
 *
 * @example
 * const folder = createHeadcountFolder(['agency', 'N']);
 * folder.addRow(['AG001', '886'], 1);
 * folder.finish().get('AG001'); // 886
 */
export function createHeadcountFolder(
  header: readonly string[],
  columns: FrameColumns = {},
): HeadcountFolder {
  const names = header.map((name) => name.trim());
  const stratumColumn = columns.stratumColumn ?? 'agency';
  const headcountColumn = columns.headcountColumn ?? 'N';
  for (const column of [stratumColumn, headcountColumn]) {
    if (!names.includes(column)) throw new RecordError('missing column', 0, column);
  }
  const stratumPosition = names.indexOf(stratumColumn);
  const headcountPosition = names.indexOf(headcountColumn);
  const headcounts = new Map<string, number>();
  return {
    addRow(fields, row) {
      const stratum = cellText(fields[stratumPosition]);
      if (stratum === '') throw new RecordError('empty stratum id', row, stratumColumn);
      if (headcounts.has(stratum)) {
        throw new RecordError(`"${stratum}" is listed twice`, row, stratumColumn);
      }
      const text = cellText(fields[headcountPosition]);
      const headcount = parseHeadcount(text);
      if (headcount === null) {
        throw new RecordError(
          `headcount must be a whole number of at least 1, got "${text}"`,
          row,
          headcountColumn,
        );
      }
      headcounts.set(stratum, headcount);
    },
    finish: () => headcounts,
  };
}

/**
 * Reads stratum headcounts from frame records held in memory: {@link createHeadcountFolder}
 * over every record, with the same errors.
 *
 * @example
 * headcountsFromRecords([{ agency: 'AG001', N: '886' }], ['agency', 'N']).get('AG001'); // 886
 */
export function headcountsFromRecords(
  records: readonly Readonly<Record<string, string | undefined>>[],
  header: readonly string[],
  columns: FrameColumns = {},
): Map<string, number> {
  const folder = createHeadcountFolder(header, columns);
  records.forEach((record, index) => {
    folder.addRow(
      header.map((name) => record[name]),
      index + 1,
    );
  });
  return folder.finish();
}
