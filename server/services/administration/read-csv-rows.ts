// Reads a small uploaded CSV into rows with their line numbers, reporting malformed quoting by line and column.
import Papa from 'papaparse';
import type { CsvProblem } from '../../errors.ts';

/** One data row: its fields and the 1-based line it starts on. */
export interface CsvRow {
  fields: string[];
  line: number;
}

/**
 * Splits `text` (BOM and CRLF tolerated) into a trimmed header and data rows, skipping blank
 * lines; PapaParse's quoting errors become problems with their line (a quoted field may span
 * lines, so lines are counted from the parser's cursor, not from row numbers).
 *
 * @example
 * const { header, rows, problems } = readCsvRows('variable,level,share\nA4,L,0.5\n');
 */
export function readCsvRows(text: string): {
  header: string[] | undefined;
  rows: CsvRow[];
  problems: CsvProblem[];
} {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems: CsvProblem[] = [];
  const rows: CsvRow[] = [];
  let header: string[] | undefined;
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(source, {
    newline: '\n',
    step(result) {
      for (const error of result.errors) {
        problems.push({ line, column: null, problem: error.message });
      }
      const fields = result.data;
      const blank = fields.length === 1 && fields[0]!.trim() === '';
      if (result.errors.length === 0 && !blank) {
        if (header === undefined) header = fields.map((f) => f.trim());
        else rows.push({ fields, line });
      }
      for (let i = rowStart; i < result.meta.cursor; i++) if (source[i] === '\n') line++;
      rowStart = result.meta.cursor;
    },
  });
  return { header, rows, problems };
}
