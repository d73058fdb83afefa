// Uploaded bytes to text: strict UTF-8, a named encoding only when asked, and never a U+FFFD in place of a byte.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../server/errors.ts';
import { decodeUpload } from '../../../../server/services/csv/decode-upload.ts';

/** A frame line whose name holds 0x96, the en dash of Windows-1252. */
const windows1252 = Buffer.concat([
  Buffer.from('code;name\nkab-a;Kabupaten Asah'),
  Buffer.from([0x96]),
  Buffer.from('n\n'),
]);

function refusal(bytes: Uint8Array, encoding?: string): AppError {
  try {
    decodeUpload(bytes, encoding);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('decodeUpload accepted the bytes');
}

describe('decodeUpload', () => {
  it('reads Windows-1252 when named, keeping its dash', () => {
    expect(decodeUpload(windows1252, 'windows-1252')).toBe('code;name\nkab-a;Kabupaten Asah–n\n');
  });

  it('refuses the same bytes as UTF-8, naming the line, field and byte', () => {
    const error = refusal(windows1252);
    expect(error.code).toBe('INVALID_ENCODING');
    expect(error.details).toEqual([
      expect.objectContaining({ line: 2, column: 2, problem: expect.stringMatching(/0x96/) }),
    ]);
  });

  it.each(['utf-7', 'utf7', 'us-ascii'])(
    'refuses bytes %s cannot hold instead of reading them as U+FFFD',
    (encoding) => {
      const error = refusal(windows1252, encoding);
      expect(error.code).toBe('INVALID_ENCODING');
      expect(error.details).toEqual([expect.objectContaining({ line: 2, column: 2 })]);
    },
  );

  it('refuses an encoding nobody knows', () => {
    expect(refusal(windows1252, 'klingon').code).toBe('INVALID_REQUEST');
  });
});
