// The analyze-csv benchmark: R's survey package and the compiled `analyze` command on the same file, then 1M and 4M rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { writeBenchResponses } from './analyze-csv-data.ts';

const root = join(import.meta.dirname, '..');
const rows = Number(process.env.BENCH_ROWS ?? 200_000);
const largeSizes = (process.env.BENCH_LARGE ?? '1000000,4000000')
  .split(',')
  .filter((size) => size !== '')
  .map(Number);
const commandRuns = 3;
const work = mkdtempSync(join(tmpdir(), 'bench-analyze-csv-'));

interface Measured {
  seconds: number;
  peakMb: number;
  stdout: string;
}

/** Runs a program under GNU time: wall-clock seconds and peak resident memory of the process. */
function measure(program: string, args: readonly string[]): Measured {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', program, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kilobytes] = last.split(' ').map(Number);
  return {
    seconds: seconds as number,
    peakMb: (kilobytes as number) / 1024,
    stdout: result.stdout,
  };
}

function runCommand(file: string): Measured {
  return measure('node', [
    'dist/node/server/cli/analyze.js',
    '--responses',
    file,
    '--by',
    'province,agency',
    '--multi',
    'ms',
    '--out',
    join(work, 'estimates.csv'),
  ]);
}

async function generate(size: number): Promise<string> {
  const file = join(work, `responses-${size}.csv`);
  const start = performance.now();
  const factor = await writeBenchResponses(file, size);
  const seconds = (performance.now() - start) / 1000;
  const mb = statSync(file).size / 2 ** 20;
  console.log(
    `generated ${size.toLocaleString('en')} rows (${mb.toFixed(0)} MiB, headcounts ×${factor}) in ${seconds.toFixed(1)} s`,
  );
  return file;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

// R's national proportions and SEs must be the command's: the two did the same work.
function checkAgainstR(rNational: string): number {
  const ours = new Map(
    Papa.parse<Record<string, string>>(readFileSync(join(work, 'estimates.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    })
      .data.filter((row) => row.domain_var === '')
      .map((row) => [`${row.question}|${row.option}`, row]),
  );
  const theirs = Papa.parse<Record<string, string>>(readFileSync(rNational, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  let worst = 0;
  for (const r of theirs) {
    const item = r.item as string;
    const term = r.term as string;
    const key = item.includes('+')
      ? `ms|${term.replace(/^ms_/, '')}`
      : `${item}|${term.slice(item.length)}`;
    const row = ours.get(key);
    if (row === undefined) throw new Error(`R's ${item} ${term} is not in the command's output`);
    worst = Math.max(
      worst,
      Math.abs(Number(row.estimate) - Number(r.prop)),
      Math.abs(Number(row.se) - Number(r.se)),
    );
  }
  if (!(worst < 1e-9)) throw new Error(`R and the command differ by ${worst}`);
  return theirs.length;
}

try {
  const build = spawnSync('node', ['scripts/ensure-build.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building dist/node failed');
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (2 cores)`,
  );
  const file = await generate(rows);
  const rNational = join(work, 'r-national.csv');
  console.log('R survey 4.1-1: read.csv, svydesign, svymean, svyby by province and by agency…');
  const r = measure('Rscript', ['bench/analyze-csv.R', file, rNational]);
  process.stdout.write(r.stdout.replace(/^/gm, '  '));
  const runs = Array.from({ length: commandRuns }, () => runCommand(file));
  const compared = checkAgainstR(rNational);
  const command = median(runs.map((run) => run.seconds));
  console.log(
    `\n${rows.toLocaleString('en')} rows, 270 agencies, 10 questions and a multi-select:`,
  );
  console.log(`  R survey:          ${r.seconds.toFixed(2)} s, peak ${r.peakMb.toFixed(0)} MB`);
  console.log(
    `  analyze command:   ${command.toFixed(2)} s (median of ${commandRuns}: ${runs.map((run) => run.seconds.toFixed(2)).join(', ')}), peak ${Math.max(...runs.map((run) => run.peakMb)).toFixed(0)} MB`,
  );
  console.log(`  command / R:       ${(r.seconds / command).toFixed(1)}× faster`);
  console.log(`  same national proportions and SEs as R (${compared} estimates, within 1e-9)`);
  rmSync(file);
  for (const size of largeSizes) {
    const large = await generate(size);
    const run = runCommand(large);
    console.log(
      `  analyze ${size.toLocaleString('en')} rows: ${run.seconds.toFixed(2)} s, peak ${run.peakMb.toFixed(0)} MB`,
    );
    rmSync(large);
  }
  console.log(
    `load average at end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
