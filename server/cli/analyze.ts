// The `analyze` command: arguments, files and exit codes around the analyze-csv service.

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DomainSpec } from '../../analysis/index.ts';
import { analyzeCsv, sharesProblem, type RakeSpec } from '../services/analyze-csv/analyze-csv.ts';
import { estimateColumns, estimateRow } from '../services/analyze-csv/estimate-table.ts';
import { isKnownEncoding } from '../services/csv/decode-text.ts';
import { writeCsv } from '../services/csv/write-csv.ts';

const usage =
  'usage: npm run --silent analyze -- --responses FILE.csv [--frame FRAME.csv] ' +
  '[--by COL,COL*COL…] [--multi PREFIX,PREFIX…] [--rake VAR=LEVEL:SHARE,LEVEL:SHARE…] ' +
  '[--delimiter ,|;|tab|pipe] [--encoding windows-1252] [--out FILE.csv]';

/** The output columns, in order (the command's contract). */
export const outputColumns = estimateColumns;

/** What the command touches outside itself, so tests can run it in-process. */
export interface AnalyzeIo {
  /** The bytes of a file (errors such as ENOENT surface while reading). */
  openFile(path: string): AsyncIterable<Uint8Array>;
  /** Writes the output to `path`, or to standard output when `path` is null. */
  writeOutput(path: string | null, chunks: AsyncIterable<string>): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Wrong arguments (as opposed to wrong data). */
class UsageError extends Error {}

const delimiterNames: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  pipe: '|',
  '\\t': '\t',
};

function splitList(value: string | undefined, option: string): string[] {
  if (value === undefined) return [];
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === ''))
    throw new UsageError(`--${option}: empty name in "${value}"`);
  return items;
}

/** `province,province*gender` → `['province', ['province', 'gender']]`. */
function parseDomains(value: string | undefined): DomainSpec[] {
  const specs = splitList(value, 'by').map((item): DomainSpec => {
    const names = item.split('*').map((name) => name.trim());
    if (names.some((name) => name === '')) throw new UsageError(`--by: empty name in "${item}"`);
    if (names.length > 2) {
      throw new UsageError(
        `--by ${item}: a crossed domain crosses two columns, not ${names.length}`,
      );
    }
    if (names.length === 2 && names[0] === names[1]) {
      throw new UsageError(`--by ${item}: a column cannot be crossed with itself`);
    }
    return names.length === 1 ? (names[0] as string) : [names[0] as string, names[1] as string];
  });
  const keys = specs.map((spec) => (typeof spec === 'string' ? spec : spec.join('*')));
  const twice = keys.find((key, i) => keys.indexOf(key) !== i);
  if (twice !== undefined) throw new UsageError(`--by: "${twice}" is given twice`);
  return specs;
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
  const problem = sharesProblem(variable, shares);
  if (problem !== undefined) throw new UsageError(`--rake ${problem}`);
  return { variable, shares };
}

function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const delimiter = delimiterNames[value] ?? value;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new UsageError(
      `--delimiter: one character other than a quote or line break (or comma, semicolon, tab, pipe), got "${value}"`,
    );
  }
  return delimiter;
}

function parseEncoding(value: string | undefined): string | undefined {
  if (value !== undefined && !isKnownEncoding(value)) {
    throw new UsageError(`--encoding: unknown encoding "${value}" (e.g. utf-8, windows-1252)`);
  }
  return value;
}

async function analyze(argv: readonly string[], io: AnalyzeIo): Promise<void> {
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
        delimiter: { type: 'string' },
        encoding: { type: 'string' },
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
  const domains = parseDomains(values.by);
  const multiSelectPrefixes = splitList(values.multi, 'multi');
  const rake = (values.rake ?? []).map(parseRake);
  const rakeVariables = rake.map((spec) => spec.variable);
  if (new Set(rakeVariables).size !== rakeVariables.length)
    throw new UsageError('--rake: a variable is given twice');
  if (rakeVariables.includes('agency'))
    throw new UsageError('--rake: agency totals are always used; rake other variables');
  const source = (path: string) => ({ name: path, open: () => io.openFile(path) });

  const { estimates } = await analyzeCsv({
    responses: source(values.responses),
    frame: values.frame === undefined ? undefined : source(values.frame),
    domains,
    multiSelectPrefixes,
    rake,
    delimiter: parseDelimiter(values.delimiter),
    encoding: parseEncoding(values.encoding),
  });
  // Everything is computed before the first byte is written: bad input leaves no partial output.
  await io.writeOutput(
    values.out ?? null,
    writeCsv(estimates.map(estimateRow), { columns: outputColumns }),
  );
}

const unreadable = new Set(['ENOENT', 'EISDIR', 'EACCES', 'ENOTDIR']);

/**
 * Runs the command: parses arguments, streams the files through the analyze-csv service, and
 * only then writes the CSV (every CSV cell neutralised against formulas by `writeCsv`).
 * Resolves to the exit code: 0; 1 for bad data (one line naming file, row and column on
 * stderr); 2 for bad arguments, including a file that cannot be opened.
 *
 * @example
 * process.exitCode = await runAnalyze(['--responses', 'r.csv', '--by', 'province*gender'], nodeIo);
 */
export async function runAnalyze(argv: readonly string[], io: AnalyzeIo): Promise<number> {
  try {
    await analyze(argv, io);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof UsageError || (code !== undefined && unreadable.has(code))) {
      const message =
        error instanceof UsageError
          ? error.message
          : `${(error as NodeJS.ErrnoException).path ?? ''}: cannot be read (${code})`;
      io.stderr(`analyze: ${message}\n${usage}\n`);
      return 2;
    }
    const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
    io.stderr(`analyze: ${message}\n`);
    return 1;
  }
}

/** The real file system and standard streams. */
export const nodeIo: AnalyzeIo = {
  openFile: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  async writeOutput(path, chunks) {
    if (path !== null) {
      await pipeline(Readable.from(chunks), createWriteStream(path));
      return;
    }
    for await (const chunk of chunks) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A reader that stops early (`| head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await runAnalyze(process.argv.slice(2), nodeIo);
}
