// The `analyze` command: arguments, files and exit codes around the analyze-csv service.

import { once } from 'node:events';
import { accessSync, constants, createReadStream, createWriteStream, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
  /** Whether two paths name one existing file (through symbolic and hard links): same device and inode. */
  sameFile(a: string, b: string): boolean;
  /**
   * Why a file cannot be written at `path` (an errno code such as EISDIR, ENOENT, ENOTDIR or
   * EACCES), or null when it can; creates nothing.
   */
  outputProblem(path: string): string | null;
  /** Writes the output to `path`, or to standard output when `path` is null. */
  writeOutput(path: string | null, chunks: AsyncIterable<string>): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Wrong arguments (as opposed to wrong data). */
class UsageError extends Error {}

/** The delimiters a file may use (those the reader tells from a header), by every name accepted. */
const delimiterNames: Record<string, string> = {
  ',': ',',
  ';': ';',
  '\t': '\t',
  '|': '|',
  comma: ',',
  semicolon: ';',
  tab: '\t',
  pipe: '|',
  '\\t': '\t',
};

/** Options that take one value; giving one twice is an error, never a silent choice. */
type SingleOption = 'responses' | 'frame' | 'delimiter' | 'encoding' | 'out';

/** Options naming a file: an empty name is an error. */
const fileOptions: readonly SingleOption[] = ['responses', 'frame', 'out'];

// Errno codes that mean the path itself is wrong (a bad argument), as opposed to a failing device.
const badPathCodes = new Set(['ENOENT', 'EISDIR', 'EACCES', 'EPERM', 'ENOTDIR', 'EROFS']);

/** The one value of a single-valued option, refusing it given more than once. */
function single(values: readonly string[] | undefined, option: SingleOption): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) {
    const listed = values.map((value) => `"${value}"`).join(', ');
    throw new UsageError(`--${option} is given ${values.length} times (${listed}); give it once`);
  }
  const value = values[0] as string;
  if (fileOptions.includes(option) && value === '')
    throw new UsageError(`--${option}: empty file name`);
  return value;
}

/** The comma-separated items of every use of a repeatable option, in order. */
function splitList(values: readonly string[] | undefined, option: string): string[] {
  return (values ?? []).flatMap((value) => {
    const items = value.split(',').map((item) => item.trim());
    if (items.some((item) => item === ''))
      throw new UsageError(`--${option}: empty name in "${value}"`);
    return items;
  });
}

/** The first item of `keys` equal to an earlier one, with that earlier one's index. */
function firstRepeat(keys: readonly string[]): { index: number; earlier: number } | undefined {
  for (let index = 0; index < keys.length; index++) {
    const earlier = keys.indexOf(keys[index] as string);
    if (earlier !== index) return { index, earlier };
  }
  return undefined;
}

/** The prefixes of every `--multi`, each once. */
function parseMultiSelect(values: readonly string[] | undefined): string[] {
  const prefixes = splitList(values, 'multi');
  const repeat = firstRepeat(prefixes);
  if (repeat !== undefined)
    throw new UsageError(`--multi: "${prefixes[repeat.index]}" is given twice`);
  return prefixes;
}

/**
 * The domains of every `--by`: `province,province*gender` → `['province', ['province', 'gender']]`.
 * A domain given twice, a crossed one in either order included, is an error.
 */
function parseDomains(values: readonly string[] | undefined): DomainSpec[] {
  const items = splitList(values, 'by');
  const specs = items.map((item): DomainSpec => {
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
  // a*b and b*a are one set of domains (mirrored labels).
  const keys = specs.map((spec) => (typeof spec === 'string' ? spec : [...spec].sort().join('*')));
  const repeat = firstRepeat(keys);
  if (repeat !== undefined) {
    const [item, earlier] = [items[repeat.index] as string, items[repeat.earlier] as string];
    const as = item === earlier ? '' : ` (as "${earlier}")`;
    throw new UsageError(`--by: "${item}" is given twice${as}`);
  }
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
  const delimiter = delimiterNames[value];
  if (delimiter === undefined) {
    throw new UsageError(
      `--delimiter: one of , ; tab | (or comma, semicolon, tab, pipe), got "${value}"`,
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
      // Every option is collected as given, so none is dropped: see `single` and `splitList`.
      options: {
        responses: { type: 'string', multiple: true },
        frame: { type: 'string', multiple: true },
        by: { type: 'string', multiple: true },
        multi: { type: 'string', multiple: true },
        rake: { type: 'string', multiple: true },
        delimiter: { type: 'string', multiple: true },
        encoding: { type: 'string', multiple: true },
        out: { type: 'string', multiple: true },
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
  const responses = single(values.responses, 'responses');
  if (responses === undefined) throw new UsageError('--responses is required');
  const frame = single(values.frame, 'frame');
  const out = single(values.out, 'out');
  const delimiter = parseDelimiter(single(values.delimiter, 'delimiter'));
  const encoding = parseEncoding(single(values.encoding, 'encoding'));
  const domains = parseDomains(values.by);
  const multiSelectPrefixes = parseMultiSelect(values.multi);
  const rake = (values.rake ?? []).map(parseRake);
  const rakeVariables = rake.map((spec) => spec.variable);
  if (new Set(rakeVariables).size !== rakeVariables.length)
    throw new UsageError('--rake: a variable is given twice');
  if (rakeVariables.includes('agency'))
    throw new UsageError('--rake: agency totals are always used; rake other variables');
  if (out !== undefined) checkOutput(out, { responses, frame }, io);
  const source = (path: string) => ({ name: path, open: () => io.openFile(path) });

  const { estimates } = await analyzeCsv({
    responses: source(responses),
    frame: frame === undefined ? undefined : source(frame),
    domains,
    multiSelectPrefixes,
    rake,
    delimiter,
    encoding,
  });
  // Everything is computed before the first byte is written: bad input leaves no partial output.
  const rows = writeCsv(estimates.map(estimateRow), { columns: outputColumns });
  try {
    await io.writeOutput(out ?? null, rows);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (out === undefined || code === undefined) throw error;
    throw cannotWrite(out, code);
  }
}

/** The error for an output file that cannot be written: a bad argument, or a failing device. */
function cannotWrite(out: string, code: string): Error {
  const message = `--out ${out}: cannot be written (${code})`;
  return badPathCodes.has(code) ? new UsageError(message) : new Error(message);
}

/** Refuses, before anything is read, an --out that is an input file or cannot be written. */
function checkOutput(
  out: string,
  inputs: { responses: string; frame: string | undefined },
  io: AnalyzeIo,
): void {
  for (const [option, path] of Object.entries(inputs)) {
    if (path !== undefined && io.sameFile(out, path)) {
      throw new UsageError(
        `--out ${out}: is the same file as --${option} ${path}; the results would overwrite it`,
      );
    }
  }
  const problem = io.outputProblem(out);
  if (problem !== null) throw cannotWrite(out, problem);
}

/**
 * Runs the command: parses arguments, streams the files through the analyze-csv service, and
 * only then writes the CSV (every CSV cell neutralised against formulas by `writeCsv`).
 * Resolves to the exit code: 0; 1 for bad data (one line naming file, row and column on
 * stderr) or an output that fails while written (a full disk); 2 for bad arguments, including
 * an option given twice, a file that cannot be opened, and an --out that is an input file or
 * cannot be written there.
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
    if (error instanceof UsageError || (code !== undefined && badPathCodes.has(code))) {
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
  // 64 KiB reads: larger ones leave more garbage between collections (107 MB peak at 1M rows, 177 MB with 1 MiB).
  openFile: (path) => createReadStream(path, { highWaterMark: 1 << 16 }),
  sameFile(a, b) {
    // A path that cannot be examined names no existing file (reading or writing it reports why).
    const examine = (path: string) => {
      try {
        return statSync(path, { bigint: true });
      } catch {
        return undefined;
      }
    };
    const [x, y] = [examine(a), examine(b)];
    return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
  },
  outputProblem(path) {
    try {
      const stats = statSync(path, { throwIfNoEntry: false });
      // (Node answers undefined for ENOTDIR too: the directory check below names it.)
      if (stats?.isDirectory() === true) return 'EISDIR';
      if (stats !== undefined) {
        accessSync(path, constants.W_OK);
        return null;
      }
      // A new file: its directory must exist and take it.
      const directory = dirname(resolve(path));
      if (!statSync(directory).isDirectory()) return 'ENOTDIR';
      accessSync(directory, constants.W_OK);
      return null;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? 'EIO';
    }
  },
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
