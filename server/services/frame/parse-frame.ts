// Parses and validates an agency frame CSV, reporting every problem by line and column.
import type { AgencyType } from '../../storage/db/schema.ts';
import type { Agency } from '../../storage/repositories/agencies.ts';
import { readCsvTable, type CsvRow, type CsvTable } from '../csv/read-csv-table.ts';

/** The largest headcount stored: the column is a 32-bit integer on PostgreSQL (and so kept on SQLite). */
const maxHeadcount = 2_147_483_647;

/** An agency as a frame file describes it (whether its headcount is official is said on import). */
export type FrameAgency = Omit<Agency, 'headcountIllustrative'>;

/** The columns a frame must have; others are ignored. */
export const frameColumns = [
  'code',
  'name',
  'type',
  'province',
  'island_region',
  'headcount',
] as const;

const agencyTypes: readonly string[] = ['provinsi', 'kabupaten', 'kota'] satisfies AgencyType[];

/**
 * Parses a frame (`code,name,type,province,island_region,headcount`, header first; comma or
 * semicolon delimited). Returns every agency, or throws `INVALID_FRAME` listing the problems
 * with their line and column; nothing is returned from a file with any problem, so nothing can
 * be half-loaded.
 *
 * @example
 * const agencies = parseFrameCsv(readFileSync('frame.csv', 'utf8'));
 */
export function parseFrameCsv(text: string): FrameAgency[] {
  const table = readCsvTable(text, { columns: frameColumns, rowNoun: 'agencies' });
  const firstLineOfCode = new Map<string, number>();
  const agencies: FrameAgency[] = [];
  for (const row of table.rows) {
    const agency = readRow(row, table, firstLineOfCode);
    if (agency) agencies.push(agency);
  }
  table.rejectIfProblems('INVALID_FRAME', 'Frame');
  return agencies;
}

type FrameColumn = (typeof frameColumns)[number];

function readRow(
  row: CsvRow<FrameColumn>,
  table: CsvTable<FrameColumn>,
  firstLineOfCode: Map<string, number>,
): FrameAgency | undefined {
  let valid = true;
  const cell = (name: FrameColumn, check: (value: string) => string | undefined) => {
    const value = row.cells[name];
    const problem = value === '' ? 'empty value' : check(value);
    if (problem !== undefined) {
      table.problemAt(row, name, problem);
      valid = false;
    }
    return value;
  };
  const anyText = () => undefined;

  const code = cell('code', (v) => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v)) {
      return `code "${v}" must be lowercase letters, digits and single hyphens`;
    }
    const first = firstLineOfCode.get(v);
    return first === undefined ? undefined : `duplicate code "${v}" (first on line ${first})`;
  });
  if (!firstLineOfCode.has(code)) firstLineOfCode.set(code, row.line);
  const name = cell('name', anyText);
  const type = cell('type', (v) =>
    agencyTypes.includes(v) ? undefined : `type "${v}" must be provinsi, kabupaten or kota`,
  );
  const province = cell('province', anyText);
  const islandRegion = cell('island_region', anyText);
  const headcount = cell('headcount', (v) =>
    /^\d+$/.test(v) && Number(v) > 0 && Number(v) <= maxHeadcount
      ? undefined
      : `headcount "${v}" must be a positive whole number up to ${maxHeadcount}`,
  );

  if (!valid) return undefined;
  return {
    code,
    name,
    type: type as AgencyType,
    province,
    islandRegion,
    headcount: Number(headcount),
  };
}
