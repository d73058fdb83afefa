// The streaming CSV reader: any chunking, delimiters, line breaks and encodings read alike; bad bytes located.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RecordError } from '../../../../analysis/index.ts';
import { readCsv, type CsvReadOptions } from '../../../../server/services/csv/read-csv.ts';
import { seededRandom } from '../../../../server/services/seed/seeded-random.ts';

/** The bytes split at the given sizes (cycled), as a file stream would deliver them. */
async function* chunked(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] as number;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function read(
  bytes: Uint8Array,
  options: Partial<CsvReadOptions> = {},
  sizes: readonly number[] = [1 << 16],
) {
  let header: readonly string[] = [];
  const rows: { fields: readonly string[]; row: number }[] = [];
  const summary = await readCsv(
    chunked(bytes, sizes),
    { file: 'f.csv', ...options },
    {
      header: (names) => (header = names),
      row: (fields, row) => rows.push({ fields, row }),
    },
  );
  return { header, rows, summary };
}

async function failure(promise: Promise<unknown>): Promise<RecordError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RecordError) return error;
    throw error;
  }
  throw new Error('expected a RecordError');
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

// Cells with the characters that matter: separators, quotes, line breaks, non-ASCII.
const pieces = [
  'S1 – sarjana',
  'S1 — sarjana',
  'a,b',
  'a;b',
  'say "hi"',
  'two\nlines',
  'Ä',
  '€ 5',
  ' pad ',
  '',
  '7',
  'x|y',
  'tab\there',
];

function quote(cell: string, delimiter: string, always: boolean): string {
  const needs = always || /["\r\n]/.test(cell) || cell.includes(delimiter);
  return needs ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe('readCsv', () => {
  it('reads the same rows whatever the delimiter, quoting, line break, encoding, BOM and chunking', async () => {
    const random = seededRandom('read-csv-kinds');
    for (let trial = 0; trial < 60; trial++) {
      const width = 2 + Math.floor(random() * 4);
      const header = Array.from({ length: width }, (_, i) => `col${i}`);
      const rows = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        Array.from({ length: width }, () => pieces[Math.floor(random() * pieces.length)] as string),
      );
      // A row whose only cell is empty is a blank line; keep one non-empty cell per row.
      for (const row of rows) if (!row.some((cell) => cell !== '')) row[0] = 'x';
      const delimiter = [',', ';', '\t', '|'][Math.floor(random() * 4)] as string;
      const newline = ['\n', '\r\n'][Math.floor(random() * 2)] as string;
      const always = random() < 0.5;
      const encoding = random() < 0.5 ? 'windows-1252' : undefined;
      const bom = encoding === undefined && random() < 0.5;
      const text =
        [header, ...rows]
          .map((row) => row.map((cell) => quote(cell, delimiter, always)).join(delimiter))
          .join(newline) + (random() < 0.5 ? newline : '');
      const bytes =
        encoding === undefined
          ? Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), utf8(text)])
          : iconv.encode(text, 'windows-1252');
      const sizes = [1 + Math.floor(random() * 5), 1 + Math.floor(random() * 64)];
      const got = await read(bytes, { encoding }, sizes);
      expect(got.header).toEqual(header);
      expect(got.summary.delimiter).toBe(delimiter);
      expect(got.rows.map((row) => row.fields)).toEqual(rows);
    }
  });

  it('tells a semicolon file from its header even when data rows hold decimal commas', async () => {
    const got = await read(utf8('agency;score;N\r\nA;1,5;10\r\nB;2,25;12\r\n'));
    expect(got.summary.delimiter).toBe(';');
    expect(got.rows.map((row) => row.fields)).toEqual([
      ['A', '1,5', '10'],
      ['B', '2,25', '12'],
    ]);
  });

  it('refuses a header whose delimiter cannot be told, unless one is given', async () => {
    const text = utf8('a,b;c\n1,2;3\n');
    expect((await failure(read(text))).message).toMatch(
      /^f\.csv: header: cannot tell the delimiter.*give --delimiter/,
    );
    expect((await read(text, { delimiter: ';' })).rows[0]?.fields).toEqual(['1,2', '3']);
  });

  it('names the row and column of the first byte that is not UTF-8, wherever it is and however the file is chunked', async () => {
    const random = seededRandom('read-csv-bad-byte');
    for (let trial = 0; trial < 80; trial++) {
      const width = 2 + Math.floor(random() * 3);
      const rows = Array.from({ length: 2 + Math.floor(random() * 10) }, (_, r) =>
        Array.from({ length: width }, (_, c) => `r${r}c${c}–é`),
      );
      const badRow = Math.floor(random() * rows.length);
      const badColumn = Math.floor(random() * width);
      const header = Array.from({ length: width }, (_, c) => `col${c}`);
      const lines = [header, ...rows].map((row, r) =>
        row
          .map((cell, c) => {
            const bytes = utf8(cell);
            if (r !== badRow + 1 || c !== badColumn) return bytes;
            // Windows-1252's en dash in the middle of the cell.
            return Buffer.concat([bytes.subarray(0, 2), Buffer.from([0x96]), bytes.subarray(2)]);
          })
          .reduce((line, cell, c) => Buffer.concat(c === 0 ? [cell] : [line, utf8(','), cell])),
      );
      const bytes = Buffer.concat(lines.flatMap((line) => [line, utf8('\n')]));
      const sizes = [1 + Math.floor(random() * 9), 1 + Math.floor(random() * 100)];
      const error = await failure(read(bytes, {}, sizes));
      expect(error.row).toBe(badRow + 1);
      expect(error.column).toBe(`col${badColumn}`);
      expect(error.message).toMatch(/byte 0x96 .* is not valid utf-8; .*--encoding windows-1252/);
    }
  });

  it('locates a bad byte at the start of a row and in the header', async () => {
    const start = await failure(
      read(Buffer.concat([utf8('a,b\n1,2\n'), Buffer.from([0xff]), utf8(',3\n')])),
    );
    expect([start.row, start.column]).toEqual([2, 'a']);
    const inHeader = await failure(
      read(Buffer.concat([utf8('a,b'), Buffer.from([0xe9]), utf8('\n1,2\n')])),
    );
    expect(inHeader.message).toMatch(/^f\.csv: header: byte 0xE9 .*\(field 2 of the header\)$/);
    const cutShort = await failure(
      read(Buffer.concat([utf8('a,b\n1,'), Buffer.from([0xe2, 0x80])])),
    );
    expect([cutShort.row, cutShort.column]).toEqual([1, 'b']);
  });

  it('decodes Windows-1252 when told, keeping en and em dashes apart', async () => {
    const bytes = iconv.encode(
      'pendidikan;n\r\nS1 – sarjana;1\r\nS1 — sarjana;2\r\n',
      'windows-1252',
    );
    expect(bytes.includes(0x96) && bytes.includes(0x97)).toBe(true);
    const got = await read(bytes, { encoding: 'windows-1252' });
    expect(got.rows.map((row) => row.fields[0])).toEqual(['S1 – sarjana', 'S1 — sarjana']);
  });

  it('refuses a byte that Windows-1252 leaves undefined instead of reading it as U+FFFD', async () => {
    const bytes = Buffer.concat([utf8('a;b\r\nx;y'), Buffer.from([0x81]), utf8('\r\n')]);
    const error = await failure(read(bytes, { encoding: 'windows-1252' }, [3]));
    expect(error.message).toBe(
      'f.csv: row 1, column "b": byte 0x81 (at offset 8 of the file) is not valid windows-1252',
    );
  });

  it('skips blank lines but counts them, and refuses a row with the wrong number of fields', async () => {
    const got = await read(utf8('a,b\n1,2\n\n3,4\n'));
    expect(got.rows).toEqual([
      { fields: ['1', '2'], row: 1 },
      { fields: ['3', '4'], row: 3 },
    ]);
    expect((await failure(read(utf8('a,b\n1,2\n3\n')))).message).toBe(
      'f.csv: row 2: 1 fields where the header has 2',
    );
  });

  it('refuses an empty file, UTF-16, an unclosed quote and a runaway row', async () => {
    expect((await failure(read(utf8('')))).message).toBe('f.csv: the file is empty');
    expect((await failure(read(Buffer.from([0xff, 0xfe, 0x61, 0x00])))).message).toMatch(/UTF-16/);
    expect((await failure(read(utf8('a,b\n1,"2\n')))).message).toMatch(
      /^f\.csv: row 1, column "b": Quoted field unterminated/,
    );
    const long = await failure(
      read(utf8(`a,b\n1,"${'x'.repeat(5000)}`), { maxRowLength: 1000 }, [256]),
    );
    expect(long.message).toMatch(/row 1: a row longer than 1000 characters/);
  });
});

describe('readCsv row length limit', () => {
  // A row of exactly `length` characters before its line break: `1,` then a cell, quoted or not.
  const rowOf = (length: number, quoted: boolean) =>
    quoted ? `1,"${'x'.repeat(length - 4)}"` : `1,${'x'.repeat(length - 2)}`;

  it('holds for every row, quoted or not, wherever it sits and however the file is chunked', async () => {
    const limit = 1000;
    for (const quoted of [false, true]) {
      for (const sizes of [[256], [1 << 16], [7, 3001], [999, 1, 2]]) {
        for (const last of [false, true]) {
          const file = (length: number) =>
            utf8(
              last
                ? `a,b\n1,2\n${rowOf(length, quoted)}`
                : `a,b\n1,2\n${rowOf(length, quoted)}\n3,4\n`,
            );
          const what = `quoted ${quoted}, sizes ${sizes.join('/')}, last ${last}`;
          const ok = await read(file(limit), { maxRowLength: limit }, sizes);
          expect(ok.rows[1]?.fields[1]?.length, what).toBe(quoted ? limit - 4 : limit - 2);
          const over = await failure(read(file(limit + 1), { maxRowLength: limit }, sizes));
          expect(over.message, what).toBe(
            `f.csv: row 2: a row longer than ${limit} characters (is a quote left open?)`,
          );
        }
      }
    }
  });

  it('counts the characters before the line break, whatever the line break', async () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const text = `a,b${newline}${rowOf(1000, false)}${newline}3,4${newline}`;
      for (const sizes of [[1003], [1004], [1 << 16]]) {
        const got = await read(utf8(text), { maxRowLength: 1000 }, sizes);
        expect(got.rows).toHaveLength(2);
      }
    }
  });

  it('refuses a row just over 1 MiB (1,048,576 characters) by default, and reads one at the limit', async () => {
    const limit = 1 << 20;
    for (const quoted of [false, true]) {
      const ok = await read(utf8(`a,b\n${rowOf(limit, quoted)}\n3,4\n`));
      expect(ok.rows).toHaveLength(2);
      for (const length of [limit + 1, 1_100_005]) {
        const over = await failure(read(utf8(`a,b\n${rowOf(length, quoted)}\n3,4\n`)));
        expect(over.message).toBe(
          `f.csv: row 1: a row longer than ${limit} characters (is a quote left open?)`,
        );
      }
    }
  });

  it('holds for the header line too', async () => {
    const header = `a,${'b'.repeat(998)}`;
    expect((await read(utf8(`${header}\n1,2\n`), { maxRowLength: 1000 })).rows).toHaveLength(1);
    const over = await failure(read(utf8(`${header}b\n1,2\n`), { maxRowLength: 1000 }));
    expect(over.message).toMatch(/^f\.csv: header: .*longer than 1000 characters/);
  });
});

describe('readCsv cells and columns', () => {
  it('refuses a NUL character in a cell or a column name, naming row and column', async () => {
    for (const sizes of [[3], [1 << 16]]) {
      const cell = await failure(read(utf8('a,b\n1,2\n3,x\u0000y\n'), {}, sizes));
      expect(cell.message).toBe(
        'f.csv: row 2, column "b": a NUL character (byte 0x00) in a cell; a survey answer never holds one (is the file binary, or UTF-16?)',
      );
      expect(cell.row).toBe(2);
      const quoted = await failure(read(utf8('a,b\n"\u0000",2\n'), {}, sizes));
      expect(quoted.message).toMatch(/^f\.csv: row 1, column "a": a NUL character/);
      const header = await failure(read(utf8('a,b\u0000\n1,2\n'), {}, sizes));
      expect(header.message).toMatch(
        /^f\.csv: header: a NUL character .* \(field 2 of the header\)$/,
      );
    }
  });

  it('ignores trailing unnamed columns that are empty in every row (as Excel writes them)', async () => {
    for (const sizes of [[5], [1 << 16]]) {
      const got = await read(utf8('agency;stratum_N;q1;;\r\nA;7;1;;\r\nA;7;2; ;\r\n'), {}, sizes);
      expect(got.header).toEqual(['agency', 'stratum_N', 'q1']);
      expect(got.rows).toEqual([
        { fields: ['A', '7', '1'], row: 1 },
        { fields: ['A', '7', '2'], row: 2 },
      ]);
    }
  });

  it('refuses a trailing unnamed column that holds data, naming its position', async () => {
    const error = await failure(read(utf8('agency;stratum_N;q1;;\nA;7;1;;\nA;7;2;;x\n')));
    expect(error.message).toBe(
      'f.csv: row 2: column 5 has no name in the header but holds "x"; name the column or delete it',
    );
    expect(error.row).toBe(2);
  });

  it('still hands a header of no names at all to the handler as it is', async () => {
    const got = await read(utf8(',\n1,2\n'));
    expect(got.header).toEqual(['', '']);
  });
});
