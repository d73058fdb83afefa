// Reads an uploaded CSV table (header first) and collects every problem by line and column, for imports that are all or nothing.
import Papa from 'papaparse';
import { AppError, type CsvProblem, type ErrorCode } from '../../errors.ts';
import { detectDelimiter, headerLineEnd } from './detect-delimiter.ts';

/** One data row: its 1-based line in the file and its trimmed cells by column name. */
export interface CsvRow<C extends string> {
  line: number;
  cells: Record<C, string>;
}

/** Options of {@link readCsvTable}. */
export interface CsvTableSpec<C extends string> {
  /** Columns that must be present (their cells may still be empty; the caller decides). */
  columns: readonly C[];
  /** Columns that may be absent; their cells read as `''` then. */
  optionalColumns?: readonly C[];
  /** What a row is, for the message about a file without any (default `rows`). */
  rowNoun?: string;
  /** Enough problems to fix a file in one go without flooding the reply for a wholly wrong one. */
  maxProblems?: number;
}

/**
 * A parsed table and its problems so far. Callers add row-level problems with `report` or
 * `problemAt`, then call `rejectIfProblems`, so a file with any problem imports nothing.
 */
export interface CsvTable<C extends string> {
  rows: CsvRow<C>[];
  /** The delimiter found: `,` or `;` (Excel with a comma decimal mark), tab or `|`. */
  delimiter: string;
  problems: CsvProblem[];
  report(problem: CsvProblem): void;
  /** Reports a problem with one cell of a row. */
  problemAt(row: CsvRow<C>, column: C, problem: string): void;
  /** Throws `code` with every problem, the first one in the message, when there is any. */
  rejectIfProblems(code: ErrorCode, what: string): void;
}

const defaultMaxProblems = 50;

/**
 * Parses CSV text with PapaParse, the delimiter told from the header line (`detectDelimiter`:
 * a file saved by Excel on an Indonesian Windows uses semicolons), dropping a UTF-8 BOM and blank lines, trimming cells,
 * and checking the header: duplicate or missing required columns are problems; other columns
 * are ignored. Rows of delimiters only (Excel writes them) are blank lines; columns without a
 * name (Excel's trailing `;;`) are ignored while empty, and a value in one is a problem, as is
 * a NUL character anywhere. Rows with the wrong number of fields are problems too. Nothing is
 * thrown until `rejectIfProblems`.
 *
 * @example
 * const table = readCsvTable(text, { columns: ['code', 'headcount'] });
 * for (const row of table.rows) if (!/^\d+$/.test(row.cells.headcount)) table.problemAt(row, 'headcount', 'not a number');
 * table.rejectIfProblems('INVALID_FRAME', 'Frame');
 */
export function readCsvTable<C extends string>(text: string, spec: CsvTableSpec<C>): CsvTable<C> {
  const maxProblems = spec.maxProblems ?? defaultMaxProblems;
  // One newline convention, so PapaParse's cursor maps to lines exactly.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems: CsvProblem[] = [];
  const rows: CsvRow<C>[] = [];
  const report = (problem: CsvProblem) => {
    if (problems.length < maxProblems) problems.push(problem);
  };
  let header: string[] | undefined;
  let columnIndex: Map<C, number> | undefined;
  let rowStart = 0;
  let line = 1;
  const known = [...spec.columns, ...(spec.optionalColumns ?? [])];

  // Told from the header alone: decimal commas in data rows would fool a guess over rows.
  const firstLine = headerLineEnd(source);
  const guess = detectDelimiter(firstLine === null ? source : source.slice(0, firstLine.end));
  if ('problem' in guess)
    report({ line: 1, column: null, problem: guess.problem.replace(/; give --delimiter$/, '') });
  const delimiter = 'delimiter' in guess ? guess.delimiter : ',';
  Papa.parse<string[]>(source, {
    newline: '\n',
    delimiter,
    step(result, parser) {
      const fields = result.data;
      for (const error of result.errors) {
        const at = positionOf(source, error.index ?? rowStart, delimiter);
        const columnName = header?.[at.column - 1];
        report({
          ...at,
          ...(columnName === undefined ? {} : { columnName }),
          problem: error.message,
        });
      }
      // Excel writes a row it once formatted as delimiters only (`;;;;`): as blank as an empty line.
      const blank = fields.every((field) => field.trim() === '');
      if (result.errors.length === 0 && !blank) {
        if (header === undefined) {
          header = fields.map((f) => f.trim());
          columnIndex = readHeader(header, spec.columns, spec.optionalColumns ?? [], report);
        } else if (fields.length !== header.length) {
          const column = Math.min(fields.length, header.length) + 1;
          const columnName = header[column - 1];
          report({
            line,
            column,
            ...(columnName === undefined ? {} : { columnName }),
            problem: `expected ${header.length} fields, found ${fields.length}`,
          });
        } else {
          reportNulAndUnnamed(fields, header, line, report);
          if (columnIndex) rows.push({ line, cells: cellsOf(fields, columnIndex, known) });
        }
      }
      for (let i = rowStart; i < result.meta.cursor; i++) if (source[i] === '\n') line++;
      rowStart = result.meta.cursor;
      if (problems.length >= maxProblems) parser.abort();
    },
  });
  if (header === undefined) report({ line: 1, column: null, problem: 'the file is empty' });
  else if (rows.length === 0 && problems.length === 0) {
    report({
      line: 2,
      column: null,
      problem: `the file has a header but no ${spec.rowNoun ?? 'rows'}`,
    });
  }

  return {
    rows,
    delimiter,
    problems,
    report,
    problemAt(row, column, problem) {
      const index = columnIndex?.get(column);
      report({
        line: row.line,
        column: index === undefined ? null : index + 1,
        columnName: column,
        problem,
      });
    },
    rejectIfProblems(code, what) {
      const first = problems[0];
      if (first === undefined) return;
      const where =
        first.column === null ? `line ${first.line}` : `line ${first.line}, column ${first.column}`;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      throw new AppError(code, `${what} rejected: ${where}: ${first.problem}${more}.`, problems);
    },
  };
}

function readHeader<C extends string>(
  header: readonly string[],
  required: readonly C[],
  optional: readonly C[],
  report: (p: CsvProblem) => void,
): Map<C, number> | undefined {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name.includes('\u0000')) report({ line: 1, column: i + 1, problem: nulProblem });
    // Unnamed columns (Excel's trailing `;;`) are checked row by row: empty, they are ignored.
    if (name === '') return;
    if (seen.has(name))
      report({ line: 1, column: i + 1, columnName: name, problem: `duplicate column "${name}"` });
    seen.add(name);
  });
  const missing = required.filter((c) => !header.includes(c));
  for (const name of missing) {
    report({
      line: 1,
      column: null,
      columnName: name,
      problem: `missing required column "${name}"`,
    });
  }
  if (missing.length > 0) return undefined;
  const present = [...required, ...optional.filter((c) => header.includes(c))];
  return new Map(present.map((c) => [c, header.indexOf(c)]));
}

/** A row's trimmed cells by column name; a column the header lacks (optional) reads as `''`. */
function cellsOf<C extends string>(
  fields: readonly string[],
  columnIndex: ReadonlyMap<C, number>,
  known: readonly C[],
): Record<C, string> {
  const cells = {} as Record<C, string>;
  for (const column of known) {
    const i = columnIndex.get(column);
    cells[column] = i === undefined ? '' : (fields[i] ?? '').trim();
  }
  return cells;
}

const nulProblem =
  'a NUL character (byte 0x00); no table holds one (is the file binary, or UTF-16?)';

/**
 * Reports, in a data row of as many fields as the header, every cell holding NUL and every
 * non-empty cell of a column without a name (a shifted header, or data typed beside the table).
 */
function reportNulAndUnnamed(
  fields: readonly string[],
  header: readonly string[],
  line: number,
  report: (p: CsvProblem) => void,
): void {
  fields.forEach((field, i) => {
    const name = header[i];
    if (field.includes('\u0000')) {
      report({ line, column: i + 1, ...(name ? { columnName: name } : {}), problem: nulProblem });
    } else if (name === '' && field.trim() !== '') {
      report({
        line,
        column: i + 1,
        problem: `column ${i + 1} has no name in the header but holds "${field.trim().slice(0, 40)}"; name the column or delete it`,
      });
    }
  });
}

/** 1-based line and field number (delimiters outside quotes before it, plus one) of a character offset. */
function positionOf(
  text: string,
  offset: number,
  delimiter: string,
): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let column = 1;
  let quoted = false;
  for (let i = lineStart; i < offset; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text.startsWith(delimiter, i) && !quoted) column++;
  }
  return { line: before.split('\n').length, column };
}
