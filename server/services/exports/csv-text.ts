// The one CSV writer of the downloads (until the shared streaming writer lands): PapaParse, formula-looking text neutralised, numbers kept numbers.
import Papa from 'papaparse';

/** A CSV cell: text, a number (written as is), or empty. */
export type CsvCell = string | number | null;

/** Byte-order mark: Excel reads a UTF-8 CSV as UTF-8 only with it. */
export const utf8Bom = '\uFEFF';

const options = { escapeFormulae: true, newline: '\r\n', header: false } as const;

/**
 * CSV lines (each ending in CRLF) for rows of cells. Text that starts like a spreadsheet
 * formula (`=`, `+`, `-`, `@`, tab, carriage return) is prefixed with `'`, so Excel shows it
 * instead of evaluating it (OWASP CSV injection); numbers are written as numbers, so a
 * negative estimate stays a number.
 *
 * @example
 * csvLines([['=HYPERLINK("x")', -0.5]]); // `"'=HYPERLINK(""x"")",-0.5\r\n`
 */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows as CsvCell[][], options) + '\r\n';
}

/**
 * A whole CSV document: BOM, header, rows.
 *
 * @example
 * csvDocument(['question', 'estimate'], [['B1', 0.96]]);
 */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  return utf8Bom + csvLines([header, ...rows]);
}

/**
 * A stream of text chunks from an async generator, pulled as the client reads (backpressure:
 * nothing is produced ahead of the reader).
 *
 * @example
 * return c.body(textStream(microdataChunks(…)));
 */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
