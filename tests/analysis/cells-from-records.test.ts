// Cell counts from respondent records (the analyze command's CSV contract) and frame headcounts.

import { describe, expect, it } from 'vitest';
import {
  cellCountsFromRecords,
  createCellFolder,
  createDesign,
  createHeadcountFolder,
  headcountsFromRecords,
  parseHeadcount,
  RecordError,
  type RecordsOptions,
} from '../../analysis/index.ts';

const header = ['resp_id', 'agency', 'stratum_N', 'sex', 'q1', 'ms_a', 'ms_b'];

function rows(...lines: string[][]): Record<string, string>[] {
  return lines.map((values) =>
    Object.fromEntries(header.map((name, i) => [name, values[i] ?? ''])),
  );
}

const valid = rows(
  ['1', 'A', '10', 'F', 'yes', '1', '0'],
  ['2', 'A', '10', 'M', 'no', '0', '0'],
  ['3', 'A', '10', 'F', '', '', ''],
  ['4', 'B', '3', 'F', 'yes', '1', '1'],
);

function build(records: Record<string, string>[], options: Partial<RecordsOptions> = {}) {
  return cellCountsFromRecords(records, {
    header,
    domainColumns: ['sex'],
    multiSelectPrefixes: ['ms'],
    ...options,
  });
}

function failure(run: () => unknown): RecordError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RecordError);
    return error as RecordError;
  }
  throw new Error('expected a RecordError');
}

describe('cellCountsFromRecords', () => {
  it('counts respondents, bases and choices per (agency, profile), with blanks out of the base', () => {
    const { cells, questions, profileVariables } = build(valid);
    expect(profileVariables).toEqual(['sex']);
    expect(questions).toEqual([
      { name: 'q1', options: ['no', 'yes'], multiSelect: false },
      { name: 'ms', options: ['a', 'b'], multiSelect: true },
    ]);
    expect(cells.strata.get('A')?.populationSize).toBe(10);
    const design = createDesign(cells);
    expect([...design.sampleSizes]).toEqual([3, 1]);
    const q1 = design.questions.get('q1');
    expect([...(q1?.baseCounts ?? [])].reduce((a, b) => a + b)).toBe(3);
    const ms = design.questions.get('ms');
    expect([...(ms?.baseCounts ?? [])].reduce((a, b) => a + b)).toBe(3);
    // Nobody ticked ms_b in agency A, but the option is still listed.
    expect(ms?.options).toEqual(['a', 'b']);
  });

  it('takes headcounts from a frame instead of the column, which is then not a question', () => {
    const withoutColumn = valid.map(({ stratum_N: _dropped, ...rest }) => rest);
    const { cells, questions } = build(withoutColumn, {
      header: header.filter((name) => name !== 'stratum_N'),
      headcounts: new Map([
        ['A', 500],
        ['B', 7],
      ]),
    });
    expect(cells.strata.get('A')?.populationSize).toBe(500);
    expect(questions.map((question) => question.name)).toEqual(['q1', 'ms']);
  });

  it('names the row and column of every kind of bad input', () => {
    expect(
      failure(() => build(valid, { header: header.filter((name) => name !== 'agency') })).message,
    ).toBe('header, column "agency": missing column');
    expect(failure(() => build(valid, { domainColumns: ['religion'] })).message).toBe(
      'header, column "religion": no such column',
    );
    const noAgency = rows(['1', '', '10', 'F', 'yes', '1', '0']);
    expect(failure(() => build(noAgency)).message).toBe('row 1, column "agency": empty agency');
    const noHeadcount = rows(
      ['1', 'A', '10', 'F', 'yes', '1', '0'],
      ['2', 'B', '', 'F', 'no', '0', '0'],
    );
    expect(failure(() => build(noHeadcount)).message).toMatch(
      /^row 2, column "stratum_N": headcount of agency "B"/,
    );
    const frameless = failure(() =>
      build(
        valid.map(({ stratum_N: _n, ...rest }) => rest),
        {
          header: header.filter((name) => name !== 'stratum_N'),
          headcounts: new Map([['A', 10]]),
        },
      ),
    );
    expect(frameless.message).toBe(
      'row 4, column "agency": agency "B" has no headcount in the frame',
    );
    const tooMany = rows(
      ['1', 'B', '1', 'F', 'yes', '1', '0'],
      ['2', 'B', '1', 'M', 'no', '0', '0'],
    );
    expect(failure(() => build(tooMany)).message).toBe(
      'row 2, column "stratum_N": agency "B" has more respondents than its headcount of 1 (n_h > N_h)',
    );
    const changing = rows(
      ['1', 'A', '10', 'F', 'yes', '1', '0'],
      ['2', 'A', '11', 'M', 'no', '0', '0'],
    );
    expect(failure(() => build(changing)).message).toBe(
      'row 2, column "stratum_N": agency "A" has headcount 11 here but 10 on an earlier row',
    );
    const notBinary = rows(
      ['1', 'A', '10', 'F', 'yes', '1', '0'],
      ['2', 'A', '10', 'M', 'no', '2', '0'],
    );
    expect(failure(() => build(notBinary)).message).toBe(
      'row 2, column "ms_a": multi-select value must be 0 or 1, got "2"',
    );
    const partial = rows(['1', 'A', '10', 'F', 'yes', '1', '']);
    expect(failure(() => build(partial)).message).toMatch(
      /^row 1, column "ms_b": multi-select "ms" is answered/,
    );
    expect(failure(() => build(valid, { multiSelectPrefixes: ['mx'] })).message).toBe(
      'header, column "mx_*": no columns for multi-select "mx"',
    );
    expect(failure(() => build(valid, { header: [...header, 'q1'] })).message).toBe(
      'header, column "q1": the column name appears twice',
    );
    expect(failure(() => build([])).message).toBe('no data rows');
  });
});

describe('createCellFolder', () => {
  it('folds rows one at a time into the cells of the whole set, with a profile per row', () => {
    const folder = createCellFolder({
      header,
      domainColumns: ['sex'],
      multiSelectPrefixes: ['ms'],
    });
    const profiles = valid.map((record, index) =>
      folder.addRow(
        header.map((name) => record[name]),
        index + 1,
      ),
    );
    const whole = build(valid);
    expect(folder.rows).toBe(4);
    expect(profiles).toEqual([...whole.rowProfiles]);
    expect(folder.finish()).toEqual({
      cells: whole.cells,
      questions: whole.questions,
      profileVariables: whole.profileVariables,
    });
  });

  it('trims every cell and column name, whatever the column kind', () => {
    const pad = (text: string) => (text === '' ? ' \t' : `\u00a0 ${text}  `);
    const folder = createCellFolder({
      header: header.map(pad),
      domainColumns: ['sex'],
      multiSelectPrefixes: ['ms'],
    });
    valid.forEach((record, index) =>
      folder.addRow(
        header.map((name) => pad(record[name] as string)),
        index + 1,
      ),
    );
    const padded = folder.finish();
    const plain = build(valid);
    expect(padded.questions).toEqual(plain.questions);
    expect(padded.cells).toEqual(plain.cells);
  });

  it('refuses a categorical column with more distinct answers than maxOptions, naming the row', () => {
    const folder = createCellFolder({ header: ['agency', 'stratum_N', 'nip'], maxOptions: 3 });
    for (let row = 1; row <= 3; row++) folder.addRow(['A', '100', `19800${row}`], row);
    folder.addRow(['A', '100', '198001'], 4);
    expect(failure(() => folder.addRow(['A', '100', '198004'], 5)).message).toBe(
      'row 5, column "nip": more than 3 different answers: a free-text or identifier column? Leave it out of the file',
    );
  });

  it('refuses a file without data rows when finished', () => {
    expect(failure(() => createCellFolder({ header }).finish()).message).toBe('no data rows');
  });
});

describe('headcountsFromRecords', () => {
  it('reads padded cells as createHeadcountFolder does, one row at a time', () => {
    const folder = createHeadcountFolder([' agency ', 'N\t']);
    folder.addRow([' AG001 ', ' 886 '], 1);
    expect(folder.finish()).toEqual(new Map([['AG001', 886]]));
    expect(failure(() => folder.addRow(['AG001', '3'], 2)).message).toBe(
      'row 2, column "agency": "AG001" is listed twice',
    );
  });

  it('reads one headcount per agency', () => {
    const headcounts = headcountsFromRecords(
      [
        { agency: 'A', N: '120' },
        { agency: 'B', N: ' 7 ' },
      ],
      ['agency', 'N'],
    );
    expect([...headcounts]).toEqual([
      ['A', 120],
      ['B', 7],
    ]);
  });

  it('names the row and column of a bad frame', () => {
    expect(failure(() => headcountsFromRecords([{ agency: 'A' }], ['agency'])).message).toBe(
      'header, column "N": missing column',
    );
    expect(
      failure(() =>
        headcountsFromRecords(
          [
            { agency: 'A', N: '1' },
            { agency: 'A', N: '2' },
          ],
          ['agency', 'N'],
        ),
      ).message,
    ).toBe('row 2, column "agency": "A" is listed twice');
    expect(
      failure(() => headcountsFromRecords([{ agency: 'A', N: '12.5' }], ['agency', 'N'])).message,
    ).toBe('row 1, column "N": headcount must be a whole number of at least 1, got "12.5"');
  });

  it('accepts only whole numbers of at least one as headcounts', () => {
    expect(parseHeadcount('886')).toBe(886);
    for (const text of ['0', '-3', '1e3', '', 'ten', '3.0'])
      expect(parseHeadcount(text)).toBeNull();
  });
});
