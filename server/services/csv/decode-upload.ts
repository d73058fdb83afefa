// An uploaded CSV's bytes as text: strict UTF-8, or a named encoding, with the line and column of a bad byte.
import { AppError } from '../../errors.ts';
import { createTextDecoding, isKnownEncoding } from './decode-text.ts';
import { detectDelimiter, headerLineEnd } from './detect-delimiter.ts';

/**
 * Decodes an upload (a frame, margins, recorded violations). Without `encoding` the bytes must
 * be UTF-8: a file Excel saved in Windows-1252 is refused with `INVALID_ENCODING` naming the
 * line and field of its first bad byte and how to send it (`?encoding=windows-1252`), never read
 * with U+FFFD in place of its dashes. With `encoding`, the bytes are read in it (`INVALID_REQUEST`
 * for an encoding nobody knows).
 *
 * @example
 * const text = decodeUpload(new Uint8Array(await c.req.arrayBuffer()), c.req.query('encoding'));
 */
export function decodeUpload(bytes: Uint8Array, encoding?: string): string {
  if (encoding !== undefined && !isKnownEncoding(encoding)) {
    throw new AppError('INVALID_REQUEST', `Unknown encoding "${encoding}".`, [
      { field: 'encoding', problem: 'use utf-8 or windows-1252' },
    ]);
  }
  const decoding = createTextDecoding(encoding);
  const head = decoding.write(bytes);
  const tail = head.invalidAt === null ? decoding.end() : head;
  const text = head.invalidAt === null ? head.text + tail.text : head.text;
  const invalidAt = head.invalidAt ?? tail.invalidAt;
  if (invalidAt === null) return text;
  const { line, column } = positionAtEnd(text);
  const value = head.invalidByte ?? tail.invalidByte;
  // A multi-byte or stateful encoding (UTF-7) cannot always name the one byte at fault.
  const byte =
    value === null ? 'a byte' : `byte 0x${value.toString(16).toUpperCase().padStart(2, '0')}`;
  const problem =
    `${byte} is not ${encoding ?? 'UTF-8'}; a file saved by Excel in Windows-1252 ` +
    'can be sent with ?encoding=windows-1252';
  throw new AppError(
    'INVALID_ENCODING',
    `Upload rejected: line ${line}, column ${column}: ${problem}.`,
    [{ line, column, problem }],
  );
}

/** The 1-based line and field where `text` (the part before the bad byte) ends. */
function positionAtEnd(text: string): { line: number; column: number } {
  const header = headerLineEnd(text);
  const guess = detectDelimiter(header === null ? text : text.slice(0, header.end));
  const delimiter = 'delimiter' in guess ? guess.delimiter : ',';
  let line = 1;
  let column = 1;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') {
      line++;
      column = 1;
    } else if (!quoted && char === delimiter) column++;
  }
  return { line, column };
}
