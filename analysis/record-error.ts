// The error for invalid input records (a CSV upload or file), naming the row and column at fault.

/**
 * Invalid input data, located: `row` is the 1-based data row (the header is row 0, so in a
 * file with one header line and no line breaks inside fields, row r is on line r + 1);
 * `column` the column name; `file` where the records came from. Each is null when it does not
 * apply (an empty file has no row; a missing column has no row).
 *
 * @example
 * throw new RecordError('expected 0 or 1, got "2"', 17, 'ms_a', 'responses.csv');
 * // message: 'responses.csv: row 17, column "ms_a": expected 0 or 1, got "2"'
 */
export class RecordError extends Error {
  readonly row: number | null;
  readonly column: string | null;
  readonly file: string | null;
  readonly problem: string;

  constructor(
    problem: string,
    row: number | null,
    column: string | null,
    file: string | null = null,
  ) {
    const location = [
      row === null ? null : row === 0 ? 'header' : `row ${row}`,
      column === null ? null : `column "${column}"`,
    ]
      .filter((part) => part !== null)
      .join(', ');
    const prefix = [file, location === '' ? null : location]
      .filter((part) => part !== null)
      .join(': ');
    super(prefix === '' ? problem : `${prefix}: ${problem}`);
    this.name = 'RecordError';
    this.row = row;
    this.column = column;
    this.file = file;
    this.problem = problem;
  }
}
