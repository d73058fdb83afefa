// Reading uploaded CSV tables: delimiters as Excel writes them, lines and columns of every problem.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../server/errors.ts';
import { readCsvTable } from '../../../../server/services/csv/read-csv-table.ts';
import { seededRandom } from '../../../../server/services/seed/seeded-random.ts';

function quoteIfNeeded(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n')
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

describe('readCsvTable', () => {
  it('reads a semicolon file saved by Excel on an Indonesian Windows, BOM and CRLF included', () => {
    const text =
      '\uFEFFcode;name;headcount\r\nkab-a;Kabupaten A;1.234,5\r\nkab-b;"B; the second";12\r\n';
    const table = readCsvTable(text, { columns: ['code', 'headcount'] });
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      { line: 2, cells: { code: 'kab-a', headcount: '1.234,5' } },
      { line: 3, cells: { code: 'kab-b', headcount: '12' } },
    ]);
  });

  it('reports a cell problem at its line and column under any delimiter and quoting', () => {
    const random = seededRandom('read-csv-table');
    const alphabet = ['a', 'b', ' ', ',', ';', '"', '\n', 'é', '—'];
    for (let trial = 0; trial < 300; trial++) {
      const delimiter = [',', ';', '\t'][Math.floor(random() * 3)] as string;
      const width = 2 + Math.floor(random() * 4);
      const header = Array.from({ length: width }, (_, i) => `c${i}`);
      const rows = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        header.map(
          () =>
            Array.from(
              { length: 1 + Math.floor(random() * 6) },
              () => alphabet[Math.floor(random() * alphabet.length)],
            )
              .join('')
              .trim() || 'x',
        ),
      );
      const text = [header, ...rows]
        .map((r) => r.map((v) => quoteIfNeeded(v, delimiter)).join(delimiter))
        .join('\n');
      const table = readCsvTable(text, { columns: header });
      expect(table.problems).toEqual([]);
      expect(table.rows.map((r) => header.map((c) => r.cells[c]))).toEqual(rows);
      const target = Math.floor(random() * width);
      const row = table.rows[table.rows.length - 1]!;
      table.problemAt(row, header[target]!, 'bad');
      expect(table.problems[0]).toMatchObject({ column: target + 1, columnName: `c${target}` });
      // Lines count the newlines inside quoted cells before the row.
      const before = [header, ...rows.slice(0, -1)].flat().join('').split('\n').length - 1;
      expect(row.line).toBe(rows.length + 1 + before);
    }
  });

  it('lists missing and duplicate columns and rows of the wrong width, and rejects all at once', () => {
    const table = readCsvTable('code,code,x\n1,2,3\n4,5\n', { columns: ['code', 'headcount'] });
    expect(table.problems).toEqual([
      { line: 1, column: 2, columnName: 'code', problem: 'duplicate column "code"' },
      {
        line: 1,
        column: null,
        columnName: 'headcount',
        problem: 'missing required column "headcount"',
      },
      { line: 3, column: 3, columnName: 'x', problem: 'expected 3 fields, found 2' },
    ]);
    expect(() => table.rejectIfProblems('INVALID_FRAME', 'Frame')).toThrow(AppError);
    expect(() => table.rejectIfProblems('INVALID_FRAME', 'Frame')).toThrow(
      'Frame rejected: line 1, column 2: duplicate column "code" (and 2 more).',
    );
  });

  it('stops collecting after the problem limit', () => {
    const text = `a,b\n${'1,2,3\n'.repeat(500)}`;
    expect(readCsvTable(text, { columns: ['a'], maxProblems: 7 }).problems).toHaveLength(7);
  });

  it.each([',', ';', '\t'])(
    'takes Excel’s unnamed empty columns and delimiter-only rows as nothing (delimiter %j)',
    (d) => {
      const text = [
        ['code', 'headcount', '', ''],
        ['kab-a', '12', '', ''],
        ['', '', '', ''],
        ['kab-b', '7', ' ', ''],
        ['', '', '', ''],
      ]
        .map((row) => row.join(d))
        .join('\r\n');
      const table = readCsvTable(text, { columns: ['code', 'headcount'] });
      expect(table.problems).toEqual([]);
      expect(table.rows.map((r) => r.cells)).toEqual([
        { code: 'kab-a', headcount: '12' },
        { code: 'kab-b', headcount: '7' },
      ]);
    },
  );

  it('refuses a value in a column without a name, naming its line and position', () => {
    const table = readCsvTable('code;;headcount\nkab-a;;12\nkab-b;x;7\n', {
      columns: ['code', 'headcount'],
    });
    expect(table.problems).toEqual([
      {
        line: 3,
        column: 2,
        problem: 'column 2 has no name in the header but holds "x"; name the column or delete it',
      },
    ]);
  });

  it('refuses a NUL character in any cell or header name, naming where', () => {
    const nul = '\u0000';
    const inCell = readCsvTable(`code,name\nkab-a,A${nul}B\n`, { columns: ['code'] });
    expect(inCell.problems).toEqual([
      expect.objectContaining({ line: 2, column: 2, columnName: 'name' }),
    ]);
    expect(inCell.problems[0]!.problem).toMatch(/NUL/);
    const inHeader = readCsvTable(`code,na${nul}me\nkab-a,A\n`, { columns: ['code'] });
    expect(inHeader.problems).toEqual([expect.objectContaining({ line: 1, column: 2 })]);
  });
});
