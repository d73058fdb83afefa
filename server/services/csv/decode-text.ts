// Bytes to text for CSV input: strict UTF-8 by default, another encoding only when named.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { completeLength, firstInvalidUtf8 } from './utf8-validity.ts';

/** Decoded text of one chunk; `invalidAt` is the file offset of a bad byte where the text stops. */
export interface DecodedChunk {
  text: string;
  invalidAt: number | null;
  /** The bad byte's value, when there is one. */
  invalidByte: number | null;
}

/** A streaming decoder: chunks in file order, then `end()`. */
export interface TextDecoding {
  write(bytes: Uint8Array): DecodedChunk;
  end(): DecodedChunk;
}

/**
 * Whether `encoding` names an encoding {@link createTextDecoding} can read (iconv-lite's labels:
 * `utf-8`, `windows-1252`, `cp1252`, `latin1`, `utf-16le`, …).
 *
 * @example
 * isKnownEncoding('windows-1252'); // true
 */
export function isKnownEncoding(encoding: string): boolean {
  return iconv.encodingExists(encoding);
}

const isUtf8Label = (encoding: string) => /^utf-?8$/i.test(encoding.trim());

/**
 * A decoder for a file's bytes. UTF-8 (the default) is strict: the text of a chunk stops at the
 * first byte that is not well-formed UTF-8 and `invalidAt` gives that byte's offset in the
 * file, so nothing is ever read as U+FFFD (which would merge `S1 – sarjana` and `S1 — sarjana`
 * saved by Excel in Windows-1252). Any other encoding is decoded by iconv-lite, whose
 * Windows-1252 table is the WHATWG one (0x96 → U+2013 –, 0x97 → U+2014 —); Node 20's own
 * TextDecoder reads windows-1252 as Latin-1 (nodejs/node#56542), so it is not used. A byte the
 * encoding leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D in Windows-1252), which iconv-lite
 * reads as U+FFFD, stops the text like a bad UTF-8 byte. A byte order mark stays in the text
 * (the CSV reader drops it). Throws for an unknown encoding.
 *
 * @example
 * const decoding = createTextDecoding('windows-1252');
 * decoding.write(Buffer.from([0x53, 0x31, 0x20, 0x96])).text; // 'S1 –'
 */
export function createTextDecoding(encoding = 'utf-8'): TextDecoding {
  if (!isUtf8Label(encoding)) {
    if (!isKnownEncoding(encoding)) throw new Error(`unknown encoding "${encoding}"`);
    return legacyDecoding(encoding);
  }
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0; // file offset of carry[0]
  let failed = false;
  const valid = (text: string): DecodedChunk => ({ text, invalidAt: null, invalidByte: null });
  const decodeUpTo = (bytes: Buffer, cut: number): DecodedChunk => {
    const body = bytes.subarray(0, cut);
    if (isUtf8(body)) return valid(body.toString('utf8'));
    const bad = firstInvalidUtf8(body);
    failed = true;
    return {
      text: body.subarray(0, bad).toString('utf8'),
      invalidAt: offset + bad,
      invalidByte: body[bad] as number,
    };
  };
  return {
    write(chunk) {
      if (failed) return valid('');
      const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const bytes = carry.length === 0 ? view : Buffer.concat([carry, view]);
      const cut = completeLength(bytes);
      const decoded = decodeUpTo(bytes, cut);
      carry = Buffer.from(bytes.subarray(cut));
      offset += cut;
      return decoded;
    },
    end() {
      if (failed || carry.length === 0) return valid('');
      // A sequence cut short by the end of the file.
      return decodeUpTo(carry, carry.length);
    },
  };
}

// iconv-lite's decoder, stopping at the first byte it could only read as U+FFFD. In every
// encoding, UTF-7 and UTF-16 included: iconv-lite reads bytes they cannot hold as U+FFFD (a
// Windows-1252 file sent as utf-7 came out as "Asah\uFFFDn"), and no frame or margins file
// holds U+FFFD on purpose.
function legacyDecoding(encoding: string): TextDecoding {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  let offset = 0; // file offset of the next chunk
  let failed = false;
  const check = (text: string, bytes: Buffer | null, start: number): DecodedChunk => {
    const bad = text.indexOf('\uFFFD');
    if (bad < 0) return { text, invalidAt: null, invalidByte: null };
    failed = true;
    // Exact for single-byte encodings; for multi-byte ones the byte is where the prefix ends.
    const at = iconv.encode(text.slice(0, bad), encoding).length;
    const byte = bytes === null ? undefined : bytes[at];
    return { text: text.slice(0, bad), invalidAt: start + at, invalidByte: byte ?? null };
  };
  return {
    write(chunk) {
      if (failed) return { text: '', invalidAt: null, invalidByte: null };
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const start = offset;
      offset += bytes.length;
      return check(decoder.write(bytes), bytes, start);
    },
    end() {
      if (failed) return { text: '', invalidAt: null, invalidByte: null };
      return check(decoder.end() ?? '', null, offset);
    },
  };
}
