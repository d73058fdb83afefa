// The downloads' CSV conventions over the platform's one writer (services/csv): CRLF lines, a BOM for Excel, and a pulled text stream.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { csvLines as writeLines, csvText, type CsvCell } from '../csv/write-csv.ts';

export type { CsvCell } from '../csv/write-csv.ts';

/** Byte-order mark: Excel reads a UTF-8 CSV as UTF-8 only with it. */
export const utf8Bom = '\uFEFF';

/** Downloads end lines with CRLF (RFC 4180, what Excel writes). */
const newline = '\r\n';

/**
 * CSV lines (each ending in CRLF) for rows of cells, through the shared writer: text that a
 * spreadsheet would run as a formula is prefixed with `'` and quoted; numbers stay numbers.
 *
 * @example
 * csvLines([['=HYPERLINK("x")', -0.5]]); // `"'=HYPERLINK(""x"")",-0.5\r\n`
 */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  return writeLines(rows, { columns: [], newline });
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
  return csvText(rows, { columns: header, bom: true, newline });
}

/**
 * A stream of text chunks from an async generator, pulled as the client reads (backpressure:
 * nothing is produced ahead of the reader). Each chunk is produced on a turn of the event loop
 * of its own: a reader on a fast link drains every write at once, and better-sqlite3 answers
 * synchronously, so without the turn a million-row export would run as one chain of promise
 * callbacks for its whole 12 s, with no submission, timer or V8 garbage-collection task run
 * meanwhile (measured: the old generation then grew to 87 MB before its first collection).
 *
 * @example
 * return c.body(textStream(microdataChunks(…)));
 */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await nextTurn();
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
