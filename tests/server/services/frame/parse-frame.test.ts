// Tests frame CSV parsing: a good file, and malformed files rejected with the line and column at fault.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../server/errors.ts';
import { parseFrameCsv } from '../../../../server/services/frame/parse-frame.ts';
import { testFrameCsv } from '../../../helpers/test-studies.ts';

const header = 'code,name,type,province,island_region,headcount';

/** The problems a rejected file is reported with. */
function problemsOf(text: string) {
  try {
    parseFrameCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_FRAME');
    return { message: (error as AppError).message, details: (error as AppError).details };
  }
  throw new Error('the file was accepted');
}

describe('parseFrameCsv', () => {
  it('reads every agency of a well-formed file', () => {
    const agencies = parseFrameCsv(testFrameCsv);
    expect(agencies).toHaveLength(4);
    expect(agencies[1]).toEqual({
      code: 'kab-sleman',
      name: 'Kabupaten Sleman',
      type: 'kabupaten',
      province: 'Daerah Istimewa Yogyakarta',
      islandRegion: 'Jawa-Bali',
      headcount: 400,
    });
  });

  it('accepts a byte-order mark, CRLF lines, quoted commas, reordered and extra columns', () => {
    const text =
      '\uFEFFheadcount,code,name,type,province,island_region,note\r\n' +
      '1200,kab-x,"Kabupaten X, Selatan",kabupaten,Jambi,Sumatera,anything\r\n';
    expect(parseFrameCsv(text)).toEqual([
      {
        code: 'kab-x',
        name: 'Kabupaten X, Selatan',
        type: 'kabupaten',
        province: 'Jambi',
        islandRegion: 'Sumatera',
        headcount: 1200,
      },
    ]);
  });

  it('names each missing required column', () => {
    const { details } = problemsOf('code,name,type,province\nkab-x,X,kabupaten,Jambi\n');
    expect(details).toEqual([
      {
        line: 1,
        column: null,
        columnName: 'island_region',
        problem: 'missing required column "island_region"',
      },
      {
        line: 1,
        column: null,
        columnName: 'headcount',
        problem: 'missing required column "headcount"',
      },
    ]);
  });

  it('reports bad values by line and column, counting lines inside quoted fields', () => {
    const text = [
      header,
      'kab-a,"Kabupaten A\nbaris kedua",kabupaten,Jambi,Sumatera,500',
      'kab-b,Kabupaten B,desa,Jambi,Sumatera,-3',
      'kab-a,Kabupaten A lagi,kabupaten,Jambi,Sumatera,1.5',
      'Kab B,Kabupaten C,kota,,Sumatera,0',
    ].join('\n');
    const { message, details } = problemsOf(text);
    expect(details).toEqual([
      {
        line: 4,
        column: 3,
        columnName: 'type',
        problem: 'type "desa" must be provinsi, kabupaten or kota',
      },
      {
        line: 4,
        column: 6,
        columnName: 'headcount',
        problem: 'headcount "-3" must be a positive whole number up to 2147483647',
      },
      {
        line: 5,
        column: 1,
        columnName: 'code',
        problem: 'duplicate code "kab-a" (first on line 2)',
      },
      {
        line: 5,
        column: 6,
        columnName: 'headcount',
        problem: 'headcount "1.5" must be a positive whole number up to 2147483647',
      },
      {
        line: 6,
        column: 1,
        columnName: 'code',
        problem: 'code "Kab B" must be lowercase letters, digits and single hyphens',
      },
      { line: 6, column: 4, columnName: 'province', problem: 'empty value' },
      {
        line: 6,
        column: 6,
        columnName: 'headcount',
        problem: 'headcount "0" must be a positive whole number up to 2147483647',
      },
    ]);
    expect(message).toBe(
      'Frame rejected: line 4, column 3: type "desa" must be provinsi, kabupaten or kota (and 6 more).',
    );
  });

  it('refuses a headcount above what the database column holds (a 32-bit integer), naming line and column', () => {
    const { details } = problemsOf(`${header}\nkab-a,A,kabupaten,Jambi,Sumatera,3000000000\n`);
    expect(details).toEqual([
      {
        line: 2,
        column: 6,
        columnName: 'headcount',
        problem: 'headcount "3000000000" must be a positive whole number up to 2147483647',
      },
    ]);
    expect(parseFrameCsv(`${header}\nkab-a,A,kabupaten,Jambi,Sumatera,2147483647\n`)).toHaveLength(
      1,
    );
  });

  it('reports a row with too few or too many fields at the first column that does not fit', () => {
    const text = [
      header,
      'kab-a,A,kabupaten,Jambi',
      'kab-b,B,kabupaten,Jambi,Sumatera,500,extra',
    ].join('\n');
    expect(problemsOf(text).details).toEqual([
      { line: 2, column: 5, columnName: 'island_region', problem: 'expected 6 fields, found 4' },
      { line: 3, column: 7, problem: 'expected 6 fields, found 7' },
    ]);
  });

  it('reports an unterminated quote where it starts', () => {
    const text = [
      header,
      'kab-a,A,kabupaten,Jambi,Sumatera,500',
      'kab-b,"B,kabupaten,Jambi,Sumatera,500',
    ].join('\n');
    expect(problemsOf(text).details).toEqual([
      { line: 3, column: 2, columnName: 'name', problem: 'Quoted field unterminated' },
    ]);
  });

  it('rejects an empty file and a header without rows', () => {
    expect(problemsOf('').details).toEqual([
      { line: 1, column: null, problem: 'the file is empty' },
    ]);
    expect(problemsOf(`${header}\n`).details).toEqual([
      { line: 2, column: null, problem: 'the file has a header but no agencies' },
    ]);
  });
});
