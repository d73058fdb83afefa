// The `analyze` command: weighted percentages with SE, logit CI, df and deff from a responses CSV.

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import {
  cellCountsFromRecords,
  createDesign,
  designWeights,
  estimateProportions,
  headcountsFromRecords,
  marginFromShares,
  rake,
  RecordError,
  stratumTotals,
  type ProportionEstimate,
  type RakingMargin,
} from '../../analysis/index.ts';

const usage =
  'usage: npm run --silent analyze -- --responses FILE.csv [--frame FRAME.csv] [--by COL,COL…] ' +
  '[--multi PREFIX,PREFIX…] [--rake VAR=LEVEL:SHARE,LEVEL:SHARE…] [--out FILE.csv]';

/** The output columns, in order (the command's contract). */
export const outputColumns = [
  'domain_var',
  'domain',
  'question',
  'option',
  'n_base',
  'n_option',
  'estimate',
  'se',
  'ci_low',
  'ci_high',
  'df',
  'deff',
  'n_eff',
] as const;

/** What the command touches outside itself, so tests can run it in-process. */
export interface AnalyzeIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Wrong arguments (as opposed to wrong data). */
class UsageError extends Error {}

/** A raking margin as given on the command line: `sex=F:0.52,M:0.48`. */
interface RakeSpec {
  variable: string;
  shares: Map<string, number>;
}

function splitList(value: string | undefined, option: string): string[] {
  if (value === undefined) return [];
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === ''))
    throw new UsageError(`--${option}: empty name in "${value}"`);
  return items;
}

function parseRake(text: string): RakeSpec {
  const equals = text.indexOf('=');
  const variable = text.slice(0, equals).trim();
  if (equals <= 0 || variable === '')
    throw new UsageError(`--rake: expected VAR=LEVEL:SHARE,…, got "${text}"`);
  const shares = new Map<string, number>();
  for (const part of text.slice(equals + 1).split(',')) {
    const colon = part.lastIndexOf(':');
    const level = part.slice(0, colon).trim();
    const share = Number(part.slice(colon + 1).trim());
    if (
      colon <= 0 ||
      level === '' ||
      part.slice(colon + 1).trim() === '' ||
      !(share > 0 && Number.isFinite(share))
    ) {
      throw new UsageError(
        `--rake ${variable}: expected LEVEL:SHARE with a positive share, got "${part}"`,
      );
    }
    if (shares.has(level)) throw new UsageError(`--rake ${variable}: level "${level}" given twice`);
    shares.set(level, share);
  }
  try {
    marginFromShares(variable, shares, 1);
  } catch (error) {
    throw new UsageError(`--rake ${(error as Error).message}`);
  }
  return { variable, shares };
}

/** Parses CSV text into a header and records, rejecting rows whose field count differs. */
function parseCsv(text: string): { header: string[]; records: Record<string, string>[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    delimiter: ',',
    skipEmptyLines: true,
  });
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken !== undefined) {
    throw new RecordError(
      broken.message,
      (broken.row ?? 0) > 0 ? (broken.row as number) : null,
      null,
    );
  }
  const [header, ...rows] = parsed.data;
  if (header === undefined) throw new RecordError('the file is empty', null, null);
  const names = header.map((name) => name.trim());
  const records = rows.map((fields, index) => {
    if (fields.length !== names.length) {
      throw new RecordError(
        `${fields.length} fields where the header has ${names.length}`,
        index + 1,
        null,
      );
    }
    const record: Record<string, string> = {};
    names.forEach((name, i) => (record[name] = fields[i] as string));
    return record;
  });
  return { header: names, records };
}

function format(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function toCsv(rows: readonly ProportionEstimate[]): string {
  const lines = rows.map((row) => [
    row.domainVariables.join(' × '),
    row.domainValues.join(' × '),
    row.question,
    row.option,
    format(row.nBase),
    format(row.nOption),
    format(row.estimate),
    format(row.se),
    format(row.ci?.low),
    format(row.ci?.high),
    format(row.df),
    format(row.deff),
    format(row.nEff),
  ]);
  return Papa.unparse({ fields: [...outputColumns], data: lines }, { newline: '\n' }) + '\n';
}

// Every respondent's value of a raking variable must have a share, and every share respondents.
function checkRakeLevels(records: readonly Record<string, string>[], spec: RakeSpec): void {
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const value = record[spec.variable] ?? '';
    if (value === '')
      throw new RecordError(
        `no value of raking variable "${spec.variable}"`,
        index + 1,
        spec.variable,
      );
    if (!spec.shares.has(value)) {
      throw new RecordError(
        `"${value}" has no share in --rake ${spec.variable}`,
        index + 1,
        spec.variable,
      );
    }
    seen.add(value);
  });
  for (const level of spec.shares.keys()) {
    if (!seen.has(level)) {
      throw new RecordError(
        `raking level "${level}" has no respondents (a margin cell cannot be empty)`,
        null,
        spec.variable,
      );
    }
  }
}

function analyze(argv: readonly string[], io: AnalyzeIo): void {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        responses: { type: 'string' },
        frame: { type: 'string' },
        by: { type: 'string' },
        multi: { type: 'string' },
        rake: { type: 'string', multiple: true },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help === true) {
    io.stdout(`${usage}\n`);
    return;
  }
  if (values.responses === undefined) throw new UsageError('--responses is required');
  const domainColumns = splitList(values.by, 'by');
  const multiSelectPrefixes = splitList(values.multi, 'multi');
  const rakeSpecs = (values.rake ?? []).map(parseRake);
  const rakeVariables = rakeSpecs.map((spec) => spec.variable);
  if (new Set(rakeVariables).size !== rakeVariables.length)
    throw new UsageError('--rake: a variable is given twice');
  if (rakeVariables.includes('agency'))
    throw new UsageError('--rake: agency totals are always used; rake other variables');

  let headcounts: Map<string, number> | undefined;
  if (values.frame !== undefined) {
    const framePath = values.frame;
    const frame = withFile(framePath, () => parseCsv(io.readFile(framePath)));
    headcounts = withFile(framePath, () => headcountsFromRecords(frame.records, frame.header));
  }
  const responsesPath = values.responses;
  const { header, records } = withFile(responsesPath, () => parseCsv(io.readFile(responsesPath)));
  const { cells, questions } = withFile(responsesPath, () => {
    const built = cellCountsFromRecords(records, {
      header,
      headcounts,
      domainColumns,
      respondentColumns: rakeVariables,
      multiSelectPrefixes,
    });
    for (const spec of rakeSpecs) checkRakeLevels(records, spec);
    return built;
  });

  const design = createDesign(cells);
  let weighting = designWeights(design);
  if (rakeSpecs.length > 0) {
    const agencyTotals = stratumTotals(design);
    const total = [...agencyTotals.values()].reduce((sum, value) => sum + value, 0);
    const margins: RakingMargin[] = [
      { variable: 'agency', totals: agencyTotals },
      ...rakeSpecs.map((spec) => ({
        variable: spec.variable,
        totals: marginFromShares(spec.variable, spec.shares, total),
      })),
    ];
    // Margins that cannot all be met throw a RakingError naming the margin and its gap (exit 1).
    weighting = rake(weighting, margins, { tolerance: 1e-8, maxIterations: 100 }).weighting;
  }
  const rows = estimateProportions(weighting, {
    questions: questions.map((question) => ({ name: question.name, options: question.options })),
    domains: domainColumns,
    intervals: ['logit'],
  });
  const csv = toCsv(rows);
  if (values.out === undefined) io.stdout(csv);
  else io.writeFile(values.out, csv);
}

// Prefixes data errors with the file they are in.
function withFile<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RecordError)
      throw new RecordError(error.problem, error.row, error.column, path);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(`${path}: no such file`);
    throw error;
  }
}

/**
 * Runs the command: parses arguments, reads the files, computes everything, and only then
 * writes the CSV, so bad input leaves no partial output. Returns the exit code: 0, 1 for bad
 * data (one line naming file, row and column on stderr), 2 for bad arguments.
 *
 * @example
 * process.exitCode = runAnalyze(['--responses', 'r.csv', '--by', 'province'], nodeIo);
 */
export function runAnalyze(argv: readonly string[], io: AnalyzeIo): number {
  try {
    analyze(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`analyze: ${error.message}\n${usage}\n`);
      return 2;
    }
    const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
    io.stderr(`analyze: ${message}\n`);
    return 1;
  }
}

/** The real file system and standard streams. */
export const nodeIo: AnalyzeIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A reader that stops early (`| head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = runAnalyze(process.argv.slice(2), nodeIo);
}
