// Parses and validates an agency frame CSV, reporting every problem by line and column.
import Papa from 'papaparse';
import { AppError, type CsvProblem } from '../../errors.ts';
import type { AgencyType } from '../../storage/db/schema.ts';
import type { Agency } from '../../storage/repositories/agencies.ts';

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

/** Enough to fix a file in one go without flooding the reply for a wholly wrong one. */
const maxProblems = 50;

/**
 * Parses a frame (`code,name,type,province,island_region,headcount`, header first) with
 * PapaParse. Returns every agency, or throws `INVALID_FRAME` listing the problems with their
 * line and column; nothing is returned from a file with any problem, so nothing can be
 * half-loaded.
 *
 * @example
 * const agencies = parseFrameCsv(readFileSync('frame.csv', 'utf8'));
 */
export function parseFrameCsv(text: string): FrameAgency[] {
  // One newline convention, so PapaParse's cursor maps to lines exactly.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems: CsvProblem[] = [];
  const agencies: FrameAgency[] = [];
  const firstLineOfCode = new Map<string, number>();
  let header: string[] | undefined;
  let columnOf: Record<(typeof frameColumns)[number], number> | undefined;

  // The current row's first character and its line; a quoted field may span lines.
  let rowStart = 0;
  let line = 1;
  const report = (problem: CsvProblem) => {
    if (problems.length < maxProblems) problems.push(problem);
  };

  Papa.parse<string[]>(source, {
    newline: '\n',
    step(result, parser) {
      const fields = result.data;
      for (const error of result.errors) {
        const at = positionOf(source, error.index ?? rowStart);
        const columnName = header?.[at.column - 1];
        report({
          ...at,
          ...(columnName === undefined ? {} : { columnName }),
          problem: error.message,
        });
      }
      if (result.errors.length === 0) {
        if (header === undefined) {
          header = fields.map((f) => f.trim());
          columnOf = readHeader(header, report);
        } else if (!(fields.length === 1 && fields[0]!.trim() === '')) {
          const agency = readRow(fields, line, header, columnOf, report, firstLineOfCode);
          if (agency) agencies.push(agency);
        }
      }
      for (let i = rowStart; i < result.meta.cursor; i++) if (source[i] === '\n') line++;
      rowStart = result.meta.cursor;
      if (problems.length >= maxProblems) parser.abort();
    },
  });

  if (header === undefined) report({ line: 1, column: null, problem: 'the file is empty' });
  else if (agencies.length === 0 && problems.length === 0) {
    report({ line: 2, column: null, problem: 'the file has a header but no agencies' });
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    const where =
      first.column === null ? `line ${first.line}` : `line ${first.line}, column ${first.column}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new AppError(
      'INVALID_FRAME',
      `Frame rejected: ${where}: ${first.problem}${more}.`,
      problems,
    );
  }
  return agencies;
}

function readHeader(
  header: string[],
  report: (p: CsvProblem) => void,
): Record<(typeof frameColumns)[number], number> | undefined {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (seen.has(name))
      report({ line: 1, column: i + 1, columnName: name, problem: `duplicate column "${name}"` });
    seen.add(name);
  });
  const missing = frameColumns.filter((c) => !header.includes(c));
  for (const name of missing) {
    report({
      line: 1,
      column: null,
      columnName: name,
      problem: `missing required column "${name}"`,
    });
  }
  if (missing.length > 0) return undefined;
  return Object.fromEntries(frameColumns.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof frameColumns)[number],
    number
  >;
}

function readRow(
  fields: string[],
  line: number,
  header: string[],
  columnOf: Record<(typeof frameColumns)[number], number> | undefined,
  report: (p: CsvProblem) => void,
  firstLineOfCode: Map<string, number>,
): FrameAgency | undefined {
  if (fields.length !== header.length) {
    const column = Math.min(fields.length, header.length) + 1;
    report({
      line,
      column,
      ...(column <= header.length ? { columnName: header[column - 1]! } : {}),
      problem: `expected ${header.length} fields, found ${fields.length}`,
    });
    return undefined;
  }
  if (!columnOf) return undefined;

  let valid = true;
  const cell = (
    name: (typeof frameColumns)[number],
    check: (value: string) => string | undefined,
  ) => {
    const index = columnOf[name];
    const value = fields[index]!.trim();
    const problem = value === '' ? 'empty value' : check(value);
    if (problem !== undefined) {
      report({ line, column: index + 1, columnName: name, problem });
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
  if (!firstLineOfCode.has(code)) firstLineOfCode.set(code, line);
  const name = cell('name', anyText);
  const type = cell('type', (v) =>
    agencyTypes.includes(v) ? undefined : `type "${v}" must be provinsi, kabupaten or kota`,
  );
  const province = cell('province', anyText);
  const islandRegion = cell('island_region', anyText);
  const headcount = cell('headcount', (v) =>
    /^\d+$/.test(v) && Number(v) > 0 && Number.isSafeInteger(Number(v))
      ? undefined
      : `headcount "${v}" must be a positive whole number`,
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

/** 1-based line and field number (commas outside quotes before it, plus one) of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let column = 1;
  let quoted = false;
  for (let i = lineStart; i < offset; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ',' && !quoted) column++;
  }
  return { line: before.split('\n').length, column };
}
