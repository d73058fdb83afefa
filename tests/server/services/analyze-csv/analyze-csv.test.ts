// The analyze-csv service: crossed domains, trimming, encodings and delimiters as properties over R's test data.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  RecordError,
  type DomainSpec,
  type ProportionEstimate,
} from '../../../../analysis/index.ts';
import {
  analyzeCsv,
  type AnalyzeCsvRequest,
} from '../../../../server/services/analyze-csv/analyze-csv.ts';
import { estimateRow } from '../../../../server/services/analyze-csv/estimate-table.ts';
import { seededRandom } from '../../../../server/services/seed/seeded-random.ts';

const small = readFileSync(
  fileURLToPath(new URL('../../../fixtures/r-survey/test_small.csv', import.meta.url)),
  'utf8',
);
const parsed = Papa.parse<string[]>(small.trim(), { newline: '\n' }).data;
const header = parsed[0] as string[];
const records = parsed.slice(1);

/** A CSV source over bytes, delivered in chunks of 4 KiB. */
function source(bytes: Uint8Array, name = 'r.csv') {
  return {
    name,
    async *open() {
      for (let at = 0; at < bytes.length; at += 4096) yield bytes.subarray(at, at + 4096);
    },
  };
}

function csv(rows: readonly (readonly string[])[], delimiter = ',', newline = '\n'): string {
  return Papa.unparse(rows as string[][], { delimiter, newline }) + newline;
}

async function estimates(
  text: string | Uint8Array,
  request: Omit<AnalyzeCsvRequest, 'responses'> = {},
): Promise<ProportionEstimate[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return (await analyzeCsv({ responses: source(bytes), multiSelectPrefixes: ['ms'], ...request }))
    .estimates;
}

const label = (row: ProportionEstimate) =>
  `${row.domainVariables.join('*')}|${row.domainValues.join('*')}|${row.question}|${row.option}`;

// The numeric columns of the command's output (n_base … n_eff).
const numbers = (row: ProportionEstimate) => estimateRow(row).slice(4) as (number | null)[];

function expectClose(
  a: readonly (number | null | undefined)[],
  b: readonly (number | null | undefined)[],
  what: string,
) {
  expect(a.length, what).toBe(b.length);
  a.forEach((x, i) => {
    const y = b[i];
    if (x === null || x === undefined || y === null || y === undefined) {
      expect(x ?? null, `${what} [${i}]`).toBe(y ?? null);
      return;
    }
    expect(Math.abs(x - y), `${what} [${i}]: ${x} vs ${y}`).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(y)),
    );
  });
}

const column = (name: string) => header.indexOf(name);

describe('analyzeCsv', () => {
  it('gives a crossed domain a*b the numbers of a column holding "a × b", for random pairs', async () => {
    const random = seededRandom('analyze-csv-cross');
    const candidates = ['province', 'gender', 'agency_type', 'age_group', 'agency'];
    for (let trial = 0; trial < 6; trial++) {
      const a = candidates[Math.floor(random() * candidates.length)] as string;
      const others = candidates.filter((name) => name !== a);
      const b = others[Math.floor(random() * others.length)] as string;
      const crossed = await estimates(small, { domains: [[a, b]] });
      const derived = await estimates(
        csv([
          [...header, 'both'],
          ...records.map((row) => [...row, `${row[column(a)]} × ${row[column(b)]}`]),
        ]),
        { domains: ['both', a, b] },
      );
      const fromDerived = new Map(
        derived
          .filter((row) => row.domainVariables[0] === 'both')
          .map((row) => [`${row.domainValues[0]}|${row.question}|${row.option}`, row]),
      );
      const crossedRows = crossed.filter((row) => row.domainVariables.length === 2);
      expect(crossedRows.length).toBe(fromDerived.size);
      for (const row of crossedRows) {
        const twin = fromDerived.get(
          `${row.domainValues.join(' × ')}|${row.question}|${row.option}`,
        );
        expect(twin, label(row)).toBeDefined();
        expectClose(numbers(row), numbers(twin as ProportionEstimate), `${a}*${b} ${label(row)}`);
      }
    }
  });

  it('mixes one-way and crossed breakdowns, each as it would be alone', async () => {
    const mixed = await estimates(small, {
      domains: ['province', ['province', 'gender'], 'gender'],
    });
    const specs: DomainSpec[] = ['province', ['province', 'gender'], 'gender'];
    for (const spec of specs) {
      const alone = new Map(
        (await estimates(small, { domains: ['province', 'gender', spec] })).map((row) => [
          label(row),
          row,
        ]),
      );
      const variables = typeof spec === 'string' ? [spec] : spec;
      const rows = mixed.filter((row) => row.domainVariables.join('*') === variables.join('*'));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        expectClose(numbers(row), numbers(alone.get(label(row)) as ProportionEstimate), label(row));
    }
  });

  it('treats leading and trailing white space the same in every column kind', async () => {
    const random = seededRandom('analyze-csv-spaces');
    const pads = ['', ' ', '  ', '\t', '\u00a0'];
    const pad = () => pads[Math.floor(random() * pads.length)] as string;
    const padded = csv([
      header.map((name) => `${pad()}${name}${pad()}`),
      ...records.map((row) => row.map((cell) => (cell === '' ? pad() : `${pad()}${cell}${pad()}`))),
    ]);
    const request = { domains: ['province', ['agency', 'gender']] as DomainSpec[] };
    const plain = await estimates(small, request);
    const spaced = await estimates(padded, request);
    expect(spaced.map(label)).toEqual(plain.map(label));
    spaced.forEach((row, i) =>
      expectClose(numbers(row), numbers(plain[i] as ProportionEstimate), label(row)),
    );
  });

  it('reads the same estimates from any delimiter, line break, BOM and encoding it is told or can tell', async () => {
    const plain = await estimates(small, { domains: ['province'] });
    const rows = [header, ...records];
    const variants: [string, Uint8Array, Omit<AnalyzeCsvRequest, 'responses'>][] = [
      [
        'semicolon, CRLF, Windows-1252',
        iconv.encode(csv(rows, ';', '\r\n'), 'windows-1252'),
        { encoding: 'windows-1252' },
      ],
      [
        'tab, BOM',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(rows, '\t'))]),
        {},
      ],
      ['pipe, named', Buffer.from(csv(rows, '|')), { delimiter: '|' }],
    ];
    for (const [name, bytes, request] of variants) {
      const got = await estimates(bytes, { domains: ['province'], ...request });
      expect(got.map(label), name).toEqual(plain.map(label));
      got.forEach((row, i) =>
        expectClose(numbers(row), numbers(plain[i] as ProportionEstimate), `${name} ${label(row)}`),
      );
    }
  });

  it('keeps "S1 – sarjana" and "S1 — sarjana" apart in Windows-1252, and refuses the file as UTF-8 at its first bad byte', async () => {
    const levels = ['S1 – sarjana', 'S1 — sarjana', 'SMA'];
    const rows = [
      [...header, 'pendidikan'],
      ...records.map((row, i) => [...row, levels[i % 3] as string]),
    ];
    const bytes = iconv.encode(csv(rows, ';', '\r\n'), 'windows-1252');
    const got = await estimates(bytes, { encoding: 'windows-1252' });
    const education = got.filter((row) => row.question === 'pendidikan');
    expect(education.map((row) => [row.option, row.nOption])).toEqual([
      ['S1 – sarjana', 667],
      ['S1 — sarjana', 667],
      ['SMA', 666],
    ]);
    let failure: unknown;
    await estimates(bytes).catch((error) => (failure = error));
    expect(failure).toBeInstanceOf(RecordError);
    expect((failure as RecordError).message).toMatch(
      /^r\.csv: row 1, column "pendidikan": byte 0x96 .* --encoding windows-1252$/,
    );
  });

  it('gives a categorical question nobody answered its rows with n_base 0, in every domain', async () => {
    const got = await estimates(
      csv([[...header, 'q_empty'], ...records.map((row) => [...row, ''])]),
      { domains: ['province', ['province', 'gender']] },
    );
    const empty = got.filter((row) => row.question === 'q_empty');
    const domainsOfQ1 = new Set(
      got.filter((row) => row.question === 'q1').map((row) => row.domainValues.join('*')),
    );
    expect(new Set(empty.map((row) => row.domainValues.join('*')))).toEqual(domainsOfQ1);
    for (const row of empty) {
      expect([row.option, row.nBase, row.nOption, row.estimate, row.se, row.ci]).toEqual([
        '',
        0,
        0,
        null,
        null,
        null,
      ]);
    }
  });

  describe('headcounts given twice (a stratum_N column and a frame)', () => {
    const text = (rows: string[]) =>
      Buffer.from(['agency,stratum_N,q1', ...rows].join('\n') + '\n');
    const frame = source(Buffer.from('agency,N\nA,10\nB,5\n'), 'frame.csv');
    const run = (rows: string[]) => analyzeCsv({ responses: source(text(rows), 'r.csv'), frame });

    it('accepts them when every agency has the same headcount in both', async () => {
      const both = await run(['A,10,x', 'B,5,y', 'B, 5 ,x']);
      const frameOnly = await analyzeCsv({
        responses: source(Buffer.from('agency,q1\nA,x\nB,y\nB,x\n')),
        frame,
      });
      expect(both.estimates).toEqual(frameOnly.estimates);
    });

    it('refuses an agency whose two headcounts differ, naming it and both values, on any row', async () => {
      for (const [rows, row] of [
        [['A,10,x', 'B,7,y'], 2],
        [['B,5,y', 'A,10,x', 'B,7,y'], 3],
        [['A,11,x'], 1],
      ] as const) {
        const error = await run([...rows]).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error, rows.join(' / ')).toBeInstanceOf(RecordError);
        const agency = (rows[row - 1] as string).split(',')[0] as string;
        const [inColumn, inFrame] = agency === 'A' ? ['11', '10'] : ['7', '5'];
        expect((error as RecordError).message).toBe(
          `r.csv: row ${row}, column "stratum_N": agency "${agency}" has headcount ${inColumn} here but ${inFrame} in the frame frame.csv; give the headcounts once, or make them agree`,
        );
      }
    });

    it('refuses a headcount cell that is not a whole number, and lets an empty one take the frame', async () => {
      await expect(run(['A,ten,x'])).rejects.toThrow(
        /^r\.csv: row 1, column "stratum_N": headcount of agency "A" must be a whole number of at least 1, got "ten"$/,
      );
      expect((await run(['A,,x', 'B,5,y'])).respondents).toBe(2);
    });
  });
});
