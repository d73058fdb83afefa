// The shared CSV writer: formula cells neutralised, numbers kept, quoting that reads back, streaming equal to one string.

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../server/services/seed/seeded-random.ts';
import {
  csvText,
  formulaPattern,
  writeCsv,
  type CsvCell,
} from '../../../../server/services/csv/write-csv.ts';

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

const readBack = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\n' }).data.slice(0, -1);

// Characters that stress quoting, formulas and encodings.
const alphabet = [
  'a',
  'Z',
  '1',
  '0',
  '.',
  ',',
  ';',
  '"',
  "'",
  ' ',
  '\n',
  '\r',
  '\t',
  '=',
  '+',
  '-',
  '@',
  'é',
  '–',
  '—',
  '×',
  '😀',
];

function randomText(random: () => number): string {
  const length = Math.floor(random() * 6);
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

describe('writeCsv', () => {
  it.each([
    '=1+2',
    '+1+2',
    '-1+2',
    '@SUM(A1)',
    '\tcmd',
    '\rcmd',
    '\n=1+1',
    '\uFF1D1+1',
    '\uFE661+1',
    '\uFF0B1',
    '\uFF0D1',
    '\uFF20SUM(A1)',
    '-',
    '=',
    '-cmd|calc',
  ])('neutralises the text cell %j with a leading quote, quoted', (cell) => {
    const text = csvText([[cell]], { columns: ['x'] });
    expect(readBack(text)[1]).toEqual([`'${cell}`]);
    expect(text.split('\n')[1]?.startsWith('"\'')).toBe(true);
  });

  it('keeps numbers as numbers, negative ones included, and text that is a plain number', () => {
    const text = csvText([[-0.5, -1e-7, 0, 12.25, '-3', '-0.25', '-1e-9', null, undefined]], {
      columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
    });
    expect(text).toBe('a,b,c,d,e,f,g,h,i\n-0.5,-1e-7,0,12.25,-3,-0.25,-1e-9,,\n');
  });

  it('writes full precision: every number reads back to the same double', () => {
    const random = seededRandom('write-csv-precision');
    const numbers = Array.from(
      { length: 200 },
      () => (random() - 0.5) * 10 ** (random() * 20 - 10),
    );
    const [, row] = readBack(csvText([numbers], { columns: numbers.map((_, i) => `c${i}`) }));
    expect(row?.map(Number)).toEqual(numbers);
  });

  it('reads back every random text cell, neutralised exactly when it starts like a formula', async () => {
    const random = seededRandom('write-csv-round-trip');
    for (let trial = 0; trial < 50; trial++) {
      const width = 1 + Math.floor(random() * 5);
      const rows = Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
        Array.from({ length: width }, () => randomText(random)),
      );
      const columns = Array.from({ length: width }, (_, i) => `c${i}`);
      const chunks = await collect(
        writeCsv(rows, { columns, rowsPerChunk: 1 + Math.floor(random() * 7) }),
      );
      const text = chunks.join('');
      expect(text).toBe(csvText(rows, { columns }));
      const expected = rows.map((row) =>
        row.map((cell) => (formulaPattern.test(cell) ? `'${cell}` : cell)),
      );
      // A lone empty cell on a line reads back as an empty row, which is the same row.
      expect(readBack(text).slice(1)).toEqual(expected);
      for (const line of readBack(text).slice(1).flat()) {
        expect(/^[=+@\t\r\n]/.test(line) || /^-(?!\d|\.\d)/.test(line)).toBe(false);
      }
    }
  });

  it('starts with a byte order mark when asked, and accepts async rows', async () => {
    async function* rows(): AsyncGenerator<CsvCell[]> {
      yield ['x', 1];
      yield ['y', 2];
    }
    const text = (await collect(writeCsv(rows(), { columns: ['k', 'v'], bom: true }))).join('');
    expect(text).toBe('\uFEFFk,v\nx,1\ny,2\n');
  });

  it('refuses a non-finite number and a row of the wrong width', async () => {
    expect(() => csvText([[Number.NaN]], { columns: ['a'] })).toThrow(RangeError);
    expect(() => csvText([[1, 2]], { columns: ['a'] })).toThrow(/2 cells where there are 1/);
    await expect(collect(writeCsv([[Infinity]], { columns: ['a'] }))).rejects.toThrow(RangeError);
  });
});
