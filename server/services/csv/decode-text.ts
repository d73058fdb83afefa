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
 * TextDecoder reads windows-1252 as Latin-1 (nodejs/node#56542), so it is not used. A byte
 * order mark stays in the text (the CSV reader drops it). Throws for an unknown encoding.
 *
 * @example
 * const decoding = createTextDecoding('windows-1252');
 * decoding.write(Buffer.from([0x53, 0x31, 0x20, 0x96])).text; // 'S1 –'
 */
export function createTextDecoding(encoding = 'utf-8'): TextDecoding {
  if (!isUtf8Label(encoding)) {
    if (!isKnownEncoding(encoding)) throw new Error(`unknown encoding "${encoding}"`);
    const decoder = iconv.getDecoder(encoding, { stripBOM: false });
    return {
      write: (bytes) => ({
        text: decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
        invalidAt: null,
        invalidByte: null,
      }),
      end: () => ({ text: decoder.end() ?? '', invalidAt: null, invalidByte: null }),
    };
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
