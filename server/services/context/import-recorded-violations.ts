// Imports recorded neutrality violations from CSV: every problem by line and column, all rows or none.
import type { Kysely } from 'kysely';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { AgencyType, Database } from '../../storage/db/schema.ts';
import { listAgencies, type Agency } from '../../storage/repositories/agencies.ts';
import {
  upsertRecordedViolations,
  type RecordedViolation,
} from '../../storage/repositories/recorded-violations.ts';
import { readCsvTable, type CsvRow, type CsvTable } from '../csv/read-csv-table.ts';

/** Columns every file has, as supervisory bodies' figures are usually compiled. */
export const recordedViolationColumns = [
  'region_type',
  'region',
  'province',
  'election_year',
  'reported_on',
  'source',
  'cases_recorded',
  'recommended_to_kasn',
  'followed_up',
  'note',
] as const;

/**
 * Optional columns: the frame agency's code (else matched by type, name and province), and the
 * denominator of the rate per 1,000 civil servants with its source (else the frame headcount of
 * the matched agency).
 */
export const optionalRecordedViolationColumns = [
  'agency',
  'civil_servants',
  'civil_servants_source',
] as const;

type Column =
  (typeof recordedViolationColumns)[number] | (typeof optionalRecordedViolationColumns)[number];

const regionTypes: readonly string[] = ['provinsi', 'kabupaten', 'kota'] satisfies AgencyType[];

/** Options of {@link parseRecordedViolations}. */
export interface RecordedViolationOptions {
  /** The counts are made up for the demo, to be labelled as such wherever they show. */
  illustrative: boolean;
}

/**
 * Parses a recorded-violations CSV (comma or semicolon delimited, header first) against the
 * agency frame. Checks: a region type of provinsi/kabupaten/kota; a year from 1999 (the first
 * direct regional elections are later) to 2100; a real `YYYY-MM-DD` day; counts as whole numbers
 * ≥ 0 with each later stage no larger than the one before (recorded ≥ recommended to KASN ≥
 * followed up); a source; one row per region, year and source; an `agency` column naming a frame
 * agency. Throws `INVALID_CONTEXT` listing every problem with line and column.
 *
 * @example
 * const rows = parseRecordedViolations(text, agencies, { illustrative: false });
 */
export function parseRecordedViolations(
  text: string,
  agencies: readonly Agency[],
  { illustrative }: RecordedViolationOptions,
): RecordedViolation[] {
  const table = readCsvTable<Column>(text, {
    columns: recordedViolationColumns,
    optionalColumns: optionalRecordedViolationColumns,
    rowNoun: 'recorded violations',
  });
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const byName = new Map(agencies.map((a) => [nameKey(a.type, a.name, a.province), a]));
  const firstLineOfKey = new Map<string, number>();
  const violations: RecordedViolation[] = [];
  for (const row of table.rows) {
    const read = readRow(row, table, { byCode, byName });
    if (!read) continue;
    const key = [read.regionType, read.region, read.electionYear, read.source].join('\u0000');
    const first = firstLineOfKey.get(key);
    if (first !== undefined) {
      table.problemAt(row, 'region', `the same region, year and source as line ${first}`);
      continue;
    }
    firstLineOfKey.set(key, row.line);
    violations.push({ ...read, illustrative });
  }
  table.rejectIfProblems('INVALID_CONTEXT', 'Recorded violations');
  return violations;
}

/**
 * Parses the file against the stored frame and stores its rows in one transaction, replacing
 * rows with the same region, year and source; a file with any problem stores nothing.
 *
 * @returns the number of rows stored.
 * @example
 * await importRecordedViolations(db, text, { illustrative: false });
 */
export async function importRecordedViolations(
  db: Kysely<Database>,
  text: string,
  options: RecordedViolationOptions,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const violations = parseRecordedViolations(text, await listAgencies(trx), options);
    await upsertRecordedViolations(trx, violations);
    return violations.length;
  });
}

function nameKey(type: string, name: string, province: string): string {
  return [type, name, province].map((part) => part.toLocaleLowerCase('id')).join('\u0000');
}

interface Frame {
  byCode: ReadonlyMap<string, Agency>;
  byName: ReadonlyMap<string, Agency>;
}

function readRow(
  row: CsvRow<Column>,
  table: CsvTable<Column>,
  frame: Frame,
): Omit<RecordedViolation, 'illustrative'> | undefined {
  let valid = true;
  const check = (column: Column, problem: string | undefined) => {
    if (problem === undefined) return;
    table.problemAt(row, column, problem);
    valid = false;
  };
  const { cells } = row;
  const required = (column: Column) => (cells[column] === '' ? 'empty value' : undefined);

  check('region_type', required('region_type') ?? oneOf(cells.region_type, regionTypes));
  check('region', required('region'));
  check('province', required('province'));
  check('source', required('source'));
  const electionYear = wholeNumber(cells.election_year);
  check(
    'election_year',
    required('election_year') ??
      (electionYear !== null && electionYear >= 1999 && electionYear <= 2100
        ? undefined
        : `election year "${cells.election_year}" must be a year from 1999 to 2100`),
  );
  check('reported_on', required('reported_on') ?? dayProblem(cells.reported_on));
  const stages = (['cases_recorded', 'recommended_to_kasn', 'followed_up'] as const).map(
    (column) => {
      const value = cells[column] === '' ? null : wholeNumber(cells[column]);
      if (cells[column] !== '' && value === null) {
        check(column, `"${cells[column]}" must be a whole number of cases, 0 or more`);
      }
      return { column, value };
    },
  );
  check('cases_recorded', required('cases_recorded'));
  let previous: { column: string; value: number } | undefined;
  for (const stage of stages) {
    if (stage.value === null) continue;
    if (previous && stage.value > previous.value) {
      check(stage.column, `${stage.value} is more than ${previous.column} (${previous.value})`);
    }
    previous = { column: stage.column, value: stage.value };
  }
  const agency = matchAgency(cells, frame, check);
  const civilServants = cells.civil_servants === '' ? null : wholeNumber(cells.civil_servants);
  if (cells.civil_servants !== '' && !(civilServants !== null && civilServants > 0)) {
    check('civil_servants', `"${cells.civil_servants}" must be a positive whole number`);
  }
  if (civilServants !== null && cells.civil_servants_source === '') {
    check('civil_servants_source', 'say where the number of civil servants comes from');
  }
  if (!valid) return undefined;

  const denominator =
    civilServants !== null
      ? { civilServants, civilServantsSource: cells.civil_servants_source }
      : agency
        ? {
            civilServants: agency.headcount,
            civilServantsSource: agency.headcountIllustrative
              ? 'agency frame (illustrative headcount)'
              : 'agency frame',
          }
        : { civilServants: null, civilServantsSource: '' };
  return {
    regionType: cells.region_type as AgencyType,
    region: cells.region,
    province: cells.province,
    agencyCode: agency?.code ?? null,
    electionYear: electionYear as number,
    reportedOn: cells.reported_on,
    source: cells.source,
    casesRecorded: stages[0]?.value as number,
    recommendedToKasn: stages[1]?.value ?? null,
    followedUp: stages[2]?.value ?? null,
    ...denominator,
    note: cells.note,
  };
}

/** The frame agency the row names or describes; a named code that is not in the frame is a problem. */
function matchAgency(
  cells: Record<Column, string>,
  frame: Frame,
  check: (column: Column, problem: string | undefined) => void,
): Agency | undefined {
  if (cells.agency !== '') {
    const agency = frame.byCode.get(cells.agency);
    check('agency', agency ? undefined : `"${cells.agency}" is not an agency of the frame`);
    return agency;
  }
  return frame.byName.get(nameKey(cells.region_type, cells.region, cells.province));
}

function oneOf(value: string, allowed: readonly string[]): string | undefined {
  return allowed.includes(value) ? undefined : `"${value}" must be one of ${allowed.join(', ')}`;
}

function wholeNumber(text: string): number | null {
  if (!/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}

function dayProblem(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(`${text}T00:00:00Z`) : undefined;
  const real = date !== undefined && date.toISOString().slice(0, 10) === text;
  return real ? undefined : `"${text}" must be a day written YYYY-MM-DD`;
}
