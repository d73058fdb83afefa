// The one CSV writer of the platform: rows in, text chunks out, with spreadsheet formulas neutralised.

import Papa from 'papaparse';

/** A cell: numbers are written as numbers, null and undefined as an empty cell. */
export type CsvCell = string | number | null | undefined;

/** Options of {@link writeCsv} and {@link csvText}. */
export interface CsvWriteOptions {
  /** Column names, written as the first row (neutralised like any other text). */
  columns: readonly string[];
  /** Start with a UTF-8 byte order mark, which Excel needs to read UTF-8. Default false. */
  bom?: boolean;
  /** Default `,`. */
  delimiter?: string;
  /** Default `\n`. */
  newline?: '\n' | '\r\n';
  /** Rows per text chunk of {@link writeCsv}. Default 1,000. */
  rowsPerChunk?: number;
}

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): a cell starting with `=`,
 * `+`, `-`, `@`, tab or carriage return — unless the whole text is a plain decimal number
 * such as `-0.5` or `-1e-7`, which a spreadsheet reads as that number and nothing else.
 * PapaParse prefixes a match with `'` and quotes it; it never tests cells typed as numbers.
 */
export const formulaPattern = /^(?!-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r]/;

function checkedCell(cell: CsvCell): CsvCell {
  if (typeof cell === 'number' && !Number.isFinite(cell)) {
    // `Infinity` and `NaN` are not numbers to a spreadsheet; an estimator that yields one has a bug.
    throw new RangeError(`a CSV cell cannot hold ${cell}`);
  }
  return cell;
}

function unparseOptions(options: CsvWriteOptions) {
  return {
    delimiter: options.delimiter ?? ',',
    newline: options.newline ?? '\n',
    escapeFormulae: formulaPattern,
    header: false,
  };
}

/**
 * Formats rows as CSV lines (each ending with the newline), without the header: the building
 * block of {@link writeCsv}. Quoting and formula neutralisation are PapaParse's `unparse` with
 * {@link formulaPattern}. Throws a RangeError for a non-finite number.
 *
 * @example
 * csvLines([['=SUM(A1)', -0.5, null]], { columns: [] }); // `"'=SUM(A1)",-0.5,\n`
 */
export function csvLines(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions): string {
  if (rows.length === 0) return '';
  const data = rows.map((row) => row.map(checkedCell));
  return Papa.unparse(data, unparseOptions(options)) + (options.newline ?? '\n');
}

/**
 * Writes a CSV as a stream of text chunks: the optional BOM and the header first, then
 * `rowsPerChunk` rows per chunk, so a caller can pipe millions of rows to a file or an HTTP
 * response without holding them (`Readable.from(writeCsv(…))`, or Hono's `stream()` writing
 * each chunk). Rows may come from an array, a generator or an async generator (a database
 * cursor). Every text cell that {@link formulaPattern} matches is prefixed with `'` and quoted;
 * numbers are written as JavaScript prints them (the shortest text that reads back to the same
 * double), so `-0.5` stays a number. Throws a RangeError for a non-finite number or a row whose
 * length differs from the columns'.
 *
 * @example
 * await pipeline(Readable.from(writeCsv(rows, { columns: ['domain', 'estimate'], bom: true })),
 *   createWriteStream('results.csv'));
 */
export async function* writeCsv(
  rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>,
  options: CsvWriteOptions,
): AsyncGenerator<string> {
  const size = options.rowsPerChunk ?? 1000;
  const width = options.columns.length;
  yield (options.bom === true ? '\uFEFF' : '') + csvLines([options.columns], options);
  let batch: (readonly CsvCell[])[] = [];
  for await (const row of rows) {
    if (row.length !== width) {
      throw new RangeError(`a CSV row has ${row.length} cells where there are ${width} columns`);
    }
    batch.push(row);
    if (batch.length >= size) {
      yield csvLines(batch, options);
      batch = [];
    }
  }
  if (batch.length > 0) yield csvLines(batch, options);
}

/**
 * The whole CSV as one string, for small outputs (a frame, a test): the same text as
 * {@link writeCsv} collected, computed synchronously.
 *
 * @example
 * writeFileSync('frame.csv', csvText(rows, { columns: ['code', 'headcount'] }));
 */
export function csvText(rows: Iterable<readonly CsvCell[]>, options: CsvWriteOptions): string {
  const width = options.columns.length;
  const all = [...rows];
  const odd = all.find((row) => row.length !== width);
  if (odd !== undefined) {
    throw new RangeError(`a CSV row has ${odd.length} cells where there are ${width} columns`);
  }
  return (
    (options.bom === true ? '\uFEFF' : '') +
    csvLines([options.columns], options) +
    csvLines(all, options)
  );
}
