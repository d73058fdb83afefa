// The one streaming CSV reader for uploaded and command-line files: bytes in, numbered rows out.

import Papa from 'papaparse';
import { cellText, RecordError } from '../../../analysis/index.ts';
import { createTextDecoding, type DecodedChunk } from './decode-text.ts';
import { detectDelimiter, headerLineEnd } from './detect-delimiter.ts';

/** Options of {@link readCsv}. */
export interface CsvReadOptions {
  /** The file's name, for messages. */
  file: string;
  /** One character; default: told from the header line (see `detectDelimiter`). */
  delimiter?: string;
  /** Default strict UTF-8; anything else is decoded by iconv-lite (see `createTextDecoding`). */
  encoding?: string;
  /**
   * A row (header included) whose text before its line break, quotes included, is longer than
   * this many characters (UTF-16 code units) is an error: a quote left open. Default 1 MiB,
   * 1,048,576.
   */
  maxRowLength?: number;
}

/** Receives the rows of {@link readCsv} as they are parsed. */
export interface CsvRowHandler {
  /** The header's fields, as written, without trailing unnamed empty columns (once, before any row). */
  header(names: readonly string[]): void;
  /** One data row: as many fields as `header` got, `row` its 1-based number (the header is row 0). */
  row(fields: readonly string[], row: number): void;
}

/** What {@link readCsv} read. */
export interface CsvReadSummary {
  delimiter: string;
  /** Data rows passed to the handler (blank lines are skipped). */
  rows: number;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Reads a CSV file as a stream, calling the handler for the header and for each data row as it
 * is parsed, so memory stays flat however long the file is. Rules, the same for every file the
 * platform reads:
 *
 * - Encoding: strict UTF-8 unless `encoding` names another; the first byte that is not UTF-8
 *   is an error naming its row and column (never a U+FFFD). A UTF-8 byte order mark is dropped.
 * - Delimiter: `delimiter`, or the one the header line uses (`,` `;` tab `|`).
 * - Line breaks `\n`, `\r\n` or `\r`, as the header line ends; quotes as RFC 4180 (PapaParse).
 * - Blank lines are skipped (they still count in row numbers: row r is on line r + 1 when no
 *   field holds a line break); every other row must have as many fields as the header.
 * - Trailing header columns without a name (Excel's `a;b;;`) are dropped when they are empty in
 *   every row; one that holds data in a row is an error naming its position.
 * - A row longer than `maxRowLength` characters, or a NUL character anywhere, is an error.
 *
 * Row numbers count every record after the header. Throws a {@link RecordError} (with `file`)
 * for any problem, or rethrows what the handler throws, adding the file to a RecordError.
 * Errors of the byte source (a missing file) pass through unchanged.
 *
 * @example
 * await readCsv(createReadStream('responses.csv'), { file: 'responses.csv' }, {
 *   header: (names) => folder = createCellFolder({ header: names }),
 *   row: (fields, row) => folder.addRow(fields, row),
 * });
 */
export async function readCsv(
  source: AsyncIterable<Uint8Array>,
  options: CsvReadOptions,
  handler: CsvRowHandler,
): Promise<CsvReadSummary> {
  try {
    return await read(source, options, handler);
  } catch (error) {
    if (error instanceof RecordError && error.file === null) {
      throw new RecordError(error.problem, error.row, error.column, options.file);
    }
    throw error;
  }
}

async function read(
  source: AsyncIterable<Uint8Array>,
  options: CsvReadOptions,
  handler: CsvRowHandler,
): Promise<CsvReadSummary> {
  const maxRowLength = options.maxRowLength ?? 1 << 20;
  const encoding = options.encoding ?? 'utf-8';
  const decoding = createTextDecoding(encoding);
  const state = new RowState(handler, maxRowLength);
  let parser: Papa.Parser | null = null;
  let delimiter = options.delimiter ?? '';
  let newline: '\n' | '\r\n' | '\r' = '\n';
  let pending = '';
  let first = true;
  let leading: Uint8Array | null = null;

  // Text before the header line is complete waits in `pending`; then the parser is set up.
  const setUp = (final: boolean, truncated: boolean): boolean => {
    const end = headerLineEnd(pending);
    if (end === null && !final && !truncated) {
      if (partialLength(pending) > maxRowLength) {
        throw new RecordError(`the header line is longer than ${maxRowLength} characters`, 0, null);
      }
      return false;
    }
    const headerLine = end === null ? pending : pending.slice(0, end.end);
    if (delimiter === '') {
      const guess = detectDelimiter(headerLine);
      // A header cut short by a bad byte is reported for that byte, whatever it holds.
      if ('problem' in guess && !truncated) throw new RecordError(guess.problem, 0, null);
      delimiter = 'problem' in guess ? ',' : guess.delimiter;
    }
    newline = end?.newline ?? '\n';
    parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    return true;
  };

  const feed = (decoded: DecodedChunk, final: boolean): void => {
    let text = decoded.text;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    pending += text;
    const truncated = decoded.invalidAt !== null;
    if (parser === null && !setUp(final, truncated)) return;
    const lastRowWaits = !(final || truncated);
    const results = (parser as Papa.Parser).parse(pending, 0, lastRowWaits) as Papa.ParseResult<
      string[]
    >;
    // Text no longer than the limit cannot hold a row longer than it: rows are measured only when needed.
    const checks: RowChecks = {
      lengths:
        pending.length > maxRowLength
          ? rowLengths(pending, delimiter, newline, lastRowWaits)
          : null,
      nul: pending.includes('\u0000'),
    };
    if (truncated) {
      state.take(results, results.data.length - 1, checks);
      const last = results.data[results.data.length - 1] ?? [''];
      const value = decoded.invalidByte === null ? '' : `${hex(decoded.invalidByte)} `;
      const byte = `byte ${value}(at offset ${decoded.invalidAt} of the file)`;
      const hint =
        options.encoding === undefined
          ? '; if the file was saved in another encoding, name it, e.g. --encoding windows-1252'
          : '';
      throw state.error(`${byte} is not valid ${encoding}${hint}`, last.length - 1);
    }
    state.take(results, results.data.length, checks);
    pending = final ? '' : pending.slice(results.meta.cursor);
    // The row still being read is already too long: stop before it fills memory.
    if (partialLength(pending) > maxRowLength) throw state.error(state.tooLong(), null);
  };

  for await (const chunk of source) {
    if (leading === null) {
      leading = chunk.subarray(0, 2);
      if (options.encoding === undefined && isUtf16Mark(leading)) {
        throw new RecordError(
          'the file is UTF-16 (Excel\'s "Unicode text"): save it as "CSV UTF-8", or give --encoding utf-16le',
          0,
          null,
        );
      }
    }
    feed(decoding.write(chunk), false);
  }
  feed(decoding.end(), true);
  if (!state.sawHeader) throw new RecordError('the file is empty', null, null);
  return { delimiter, rows: state.rows };
}

// Characters of a row not yet complete that surely belong to it (a final \r may start its \r\n).
const partialLength = (text: string) => (text.endsWith('\r') ? text.length - 1 : text.length);

/** Row checks that depend on the text parsed: each row's length when measured, and whether any holds NUL. */
interface RowChecks {
  lengths: readonly number[] | null;
  nul: boolean;
}

/**
 * The length of each row of `text` before its line break, quotes included, in the order
 * PapaParse returns the rows (parsed again, row by row, to learn where each one ends).
 */
function rowLengths(
  text: string,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  lastRowWaits: boolean,
): number[] {
  const lengths: number[] = [];
  let start = 0;
  const parser = new Papa.Parser({
    delimiter,
    newline,
    quoteChar: '"',
    step(result: Papa.ParseStepResult<string[]>) {
      const end = result.meta.cursor;
      const body =
        end - newline.length >= start && text.startsWith(newline, end - newline.length)
          ? end - newline.length
          : end;
      lengths.push(body - start);
      start = end;
    },
  });
  parser.parse(text, 0, lastRowWaits);
  return lengths;
}

const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

const isUtf16Mark = (bytes: Uint8Array) =>
  bytes.length === 2 &&
  ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

/** Row numbering, the header, field counts and PapaParse's errors, across chunks. */
class RowState {
  sawHeader = false;
  rows = 0;
  private next = 0;
  private names: readonly string[] = [];
  /** Fields handed on: the header's, less trailing unnamed columns. */
  private named = 0;

  constructor(
    private readonly handler: CsvRowHandler,
    private readonly maxRowLength: number,
  ) {}

  /** The problem of a row over the limit (the one about to be numbered). */
  tooLong(): string {
    return this.next === 0
      ? `the header line is longer than ${this.maxRowLength} characters`
      : `a row longer than ${this.maxRowLength} characters (is a quote left open?)`;
  }

  /** Hands the first `count` parsed rows to the handler, in order, raising their errors first. */
  take(results: Papa.ParseResult<string[]>, count: number, checks: RowChecks): void {
    const errors = new Map<number, Papa.ParseError>();
    for (const error of results.errors) {
      if (error.row !== undefined && !errors.has(error.row)) errors.set(error.row, error);
    }
    for (let i = 0; i < count; i++) {
      const fields = results.data[i] as string[];
      const error = errors.get(i);
      if (error !== undefined) throw this.error(error.message, fields.length - 1);
      if (checks.lengths !== null && (checks.lengths[i] ?? 0) > this.maxRowLength) {
        throw this.error(this.tooLong(), null);
      }
      if (checks.nul) {
        const field = fields.findIndex((value) => value.includes('\u0000'));
        if (field >= 0) {
          throw this.error(
            'a NUL character (byte 0x00) in a cell; a survey answer never holds one (is the file binary, or UTF-16?)',
            field,
          );
        }
      }
      const row = this.next++;
      if (!this.sawHeader) {
        this.sawHeader = true;
        this.names = fields;
        this.named = namedWidth(fields);
        this.handler.header(this.named === fields.length ? fields : fields.slice(0, this.named));
        continue;
      }
      if (fields.length === 1 && (fields[0] as string).trim() === '') continue;
      if (fields.length !== this.names.length) {
        throw new RecordError(
          `${fields.length} fields where the header has ${this.names.length}`,
          row,
          null,
        );
      }
      if (this.named < fields.length) this.dropUnnamed(fields, row);
      this.rows++;
      this.handler.row(fields, row);
    }
  }

  /** Cuts the trailing unnamed columns off a row, refusing one that holds data. */
  private dropUnnamed(fields: string[], row: number): void {
    for (let field = this.named; field < fields.length; field++) {
      const value = cellText(fields[field]);
      if (value !== '') {
        throw new RecordError(
          `column ${field + 1} has no name in the header but holds "${shown(value)}"; name the column or delete it`,
          row,
          null,
        );
      }
    }
    fields.length = this.named;
  }

  /** An error located in the row about to be numbered, at field `field` (0-based) if known. */
  error(problem: string, field: number | null): RecordError {
    const row = this.next;
    const name =
      field === null
        ? null
        : row === 0
          ? null
          : this.names[field] === undefined
            ? `field ${field + 1} (beyond the header)`
            : cellText(this.names[field]) === ''
              ? `field ${field + 1} (no name in the header)`
              : this.names[field];
    const where = row === 0 && field !== null ? ` (field ${field + 1} of the header)` : '';
    return new RecordError(`${problem}${where}`, row, name);
  }
}

/**
 * How many header fields are handed on: all but a trailing run of unnamed ones, unless no field
 * has a name (that header is reported as it is).
 */
function namedWidth(names: readonly string[]): number {
  let width = names.length;
  while (width > 0 && cellText(names[width - 1]) === '') width--;
  return width === 0 ? names.length : width;
}
