// The one CSV writer of the platform: rows in, text chunks out, with spreadsheet formulas neutralised.

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
 * `+`, `-`, `@`, tab, carriage return or line feed (a quoted cell may begin with a line break,
 * and some spreadsheets skip it), or with the full-width or small forms of `=`, `+`, `-`, `@`
 * that East Asian input methods type and some spreadsheets read as those — unless the whole
 * text is a plain decimal number such as `-0.5` or `-1e-7`, which a spreadsheet reads as that
 * number and nothing else. A match is prefixed with `'` and quoted, as PapaParse's
 * `escapeFormulae` does; cells typed as numbers are never tested.
 */
export const formulaPattern =
  /^(?!-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63]/;

/** Text that must be quoted: a quote, a line break, a byte order mark, or space at either end. */
const quotePattern = /["\r\n\uFEFF]|^\s|\s$/;

/**
 * One cell as CSV text, by PapaParse's `unparse` rules (quote when the text holds a quote, the
 * delimiter, a line break or a byte order mark, or starts or ends with a space; double inner
 * quotes) with its `escapeFormulae` (a text cell matching {@link formulaPattern} gets a leading
 * `'` and quotes; a number never does). Written out here because `unparse` cost 40% of the
 * `analyze` command's time; the tests read every output back with PapaParse.
 *
 * @example
 * csvCell('=1+2', ','); // `"'=1+2"`
 */
export function csvCell(cell: CsvCell, delimiter: string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    // `Infinity` and `NaN` are not numbers to a spreadsheet; an estimator that yields one has a bug.
    if (!Number.isFinite(cell)) throw new RangeError(`a CSV cell cannot hold ${cell}`);
    return String(cell);
  }
  let text = cell;
  let quote = false;
  if (formulaPattern.test(text)) {
    text = `'${text}`;
    quote = true;
  }
  if (quote || text.includes(delimiter) || quotePattern.test(text)) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/**
 * Formats rows as CSV lines (each ending with the newline), without the header: the building
 * block of {@link writeCsv}, cell by cell with {@link csvCell}. Throws a RangeError for a
 * non-finite number.
 *
 * @example
 * csvLines([['=SUM(A1)', -0.5, null]], { columns: [] }); // `"'=SUM(A1)",-0.5,\n`
 */
export function csvLines(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\n';
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) {
      if (i > 0) line += delimiter;
      line += csvCell(row[i], delimiter);
    }
    text += line + newline;
  }
  return text;
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
 * // To a file:
 * await pipeline(Readable.from(writeCsv(rows, { columns: ['domain', 'estimate'], bom: true })),
 *   createWriteStream('results.csv'));
 * // As an HTTP download (Hono's `stream` helper from `hono/streaming`):
 * return stream(c, async (out) => {
 *   for await (const chunk of writeCsv(cursorRows(), { columns, bom: true })) await out.write(chunk);
 * });
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
