// The analyze command's arguments and output file: no value silently dropped, no input overwritten, output errors named as such.

import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIo, runAnalyze } from '../../../server/cli/analyze.ts';
import { runAnalyzeCaptured, type AnalyzeRun } from '../../helpers/run-analyze.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const responses = join(root, 'tests/fixtures/r-survey/test_small.csv');
const scratch = mkdtempSync(join(tmpdir(), 'analyze-arguments-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = runAnalyzeCaptured;

function domainVariables(result: AnalyzeRun): string[] {
  const rows = Papa.parse<Record<string, string>>(result.stdout, {
    header: true,
    skipEmptyLines: true,
  }).data;
  return [...new Set(rows.map((row) => row.domain_var as string))].sort();
}

function expectUsageError(result: AnalyzeRun, message: RegExp, what = '') {
  expect(result.code, what).toBe(2);
  expect(result.stdout, what).toBe('');
  expect(result.written.size, what).toBe(0);
  expect(result.stderr, what).toMatch(/^analyze: .*\nusage: /);
  expect(result.stderr, what).toMatch(message);
}

describe('analyze arguments', () => {
  it('accumulates a repeated --by, as a repeated --rake, keeping every domain', async () => {
    const repeated = await run('--responses', responses, '--by', 'province', '--by', 'gender');
    const listed = await run('--responses', responses, '--by', 'province,gender');
    expect(repeated.code).toBe(0);
    expect(domainVariables(repeated)).toEqual(['', 'gender', 'province']);
    expect(repeated.stdout).toBe(listed.stdout);
  });

  it('accumulates a repeated --multi', async () => {
    const path = join(scratch, 'two-multi.csv');
    writeFileSync(path, 'agency,stratum_N,a_x,a_y,b_x,b_y\nA,5,1,0,0,1\nA,5,0,1,1,1\n');
    const repeated = await run('--responses', path, '--multi', 'a', '--multi', 'b');
    expect(repeated.code).toBe(0);
    expect(repeated.stdout).toBe((await run('--responses', path, '--multi', 'a,b')).stdout);
  });

  it('refuses a domain, crossed domain or multi-select prefix given twice, in one list or across repeats', async () => {
    for (const args of [
      ['--by', 'province,province'],
      ['--by', 'province', '--by', 'province'],
      ['--by', 'province*gender,gender*province'],
      ['--by', 'province*gender', '--by', 'gender * province'],
      ['--multi', 'ms,ms'],
      ['--multi', 'ms', '--multi', 'ms'],
    ]) {
      expectUsageError(
        await run('--responses', responses, ...args),
        /is given twice/,
        args.join(' '),
      );
    }
    const mirrored = await run('--responses', responses, '--by', 'province*gender,gender*province');
    expect(mirrored.stderr).toMatch(
      /^analyze: --by: "gender\*province" is given twice \(as "province\*gender"\)\n/,
    );
  });

  it('refuses every option that takes one value when it is given more than once, naming both values', async () => {
    const frame = join(scratch, 'frame.csv');
    writeFileSync(frame, 'agency,N\n');
    for (const [option, first, second] of [
      ['--responses', responses, responses],
      ['--frame', frame, frame],
      ['--out', 'a.csv', 'b.csv'],
      ['--delimiter', ',', ';'],
      ['--encoding', 'utf-8', 'windows-1252'],
    ] as const) {
      const args =
        option === '--responses'
          ? [option, first, option, second]
          : ['--responses', responses, option, first, option, second];
      expectUsageError(
        await run(...args),
        new RegExp(
          `^analyze: ${option} is given 2 times \\("${first.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}", "`,
        ),
        option,
      );
    }
  });

  it('refuses an empty file name', async () => {
    for (const option of ['--responses', '--frame', '--out']) {
      const args = option === '--responses' ? [option, ''] : ['--responses', responses, option, ''];
      expectUsageError(
        await run(...args),
        new RegExp(`^analyze: ${option}: empty file name`),
        option,
      );
    }
  });

  it('accepts only the delimiters the README lists: , ; tab | (or their names)', async () => {
    for (const delimiter of ['x', 'a', '.', ':', ' ', '0', '\u0000']) {
      expectUsageError(
        await run('--responses', responses, '--delimiter', delimiter),
        /--delimiter: one of , ; tab \| \(or comma, semicolon, tab, pipe\)/,
        JSON.stringify(delimiter),
      );
    }
    const semicolons = join(scratch, 'semicolons.csv');
    writeFileSync(semicolons, 'agency;stratum_N;q1\nA;5;1\n');
    for (const delimiter of [';', 'semicolon']) {
      expect((await run('--responses', semicolons, '--delimiter', delimiter)).code).toBe(0);
    }
    for (const delimiter of [',', 'comma', 'tab', '\\t', '\t', '|', 'pipe']) {
      expect(
        (await run('--responses', responses, '--delimiter', delimiter)).code,
        delimiter,
      ).not.toBe(2);
    }
  });
});

describe('analyze --out', () => {
  const data = () => {
    const path = join(scratch, `data-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, readFileSync(responses));
    return path;
  };

  it('refuses an --out that is the --responses or --frame file under any name, and leaves it alone', async () => {
    const path = data();
    const before = readFileSync(path, 'utf8');
    const hard = join(scratch, 'hard-link.csv');
    linkSync(path, hard);
    const soft = join(scratch, 'symbolic-link.csv');
    symlinkSync(path, soft);
    mkdirSync(join(scratch, 'sub'), { recursive: true });
    const dotted = join(scratch, 'sub', '..', path.slice(scratch.length + 1));
    for (const out of [path, dotted, hard, soft]) {
      const result = await runAnalyze(['--responses', path, '--out', out], nodeIo);
      expect(result, out).toBe(2);
    }
    const frame = join(scratch, 'the-frame.csv');
    writeFileSync(frame, 'agency,N\nAG001,1\n');
    const byFrame = await run('--responses', path, '--frame', frame, '--out', frame);
    expectUsageError(byFrame, /--out .*the-frame\.csv: is the same file as --frame/);
    const byResponses = await run('--responses', path, '--out', soft);
    expectUsageError(byResponses, /--out .*symbolic-link\.csv: is the same file as --responses/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readFileSync(frame, 'utf8')).toBe('agency,N\nAG001,1\n');
  });

  it('says an output that cannot be written cannot be written, naming --out', async () => {
    const file = join(scratch, 'a-file.csv');
    writeFileSync(file, 'x');
    for (const [out, code] of [
      [scratch, 'EISDIR'],
      [join(scratch, 'nowhere', 'x.csv'), 'ENOENT'],
      [join(file, 'x.csv'), 'ENOTDIR'],
    ] as const) {
      const stderr: string[] = [];
      const result = await runAnalyze(['--responses', responses, '--out', out], {
        ...nodeIo,
        stderr: (text) => stderr.push(text),
      });
      expect(result, out).toBe(2);
      expect(stderr.join(''), out).toMatch(
        new RegExp(
          `^analyze: --out ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: cannot be written \\(${code}\\)\nusage: `,
        ),
      );
    }
  });

  it('names --out when writing fails after the checks', async () => {
    const stderr: string[] = [];
    const result = await runAnalyze(
      ['--responses', responses, '--out', join(scratch, 'full.csv')],
      {
        ...nodeIo,
        async writeOutput() {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
        stderr: (text) => stderr.push(text),
      },
    );
    expect(result).toBe(1);
    expect(stderr.join('')).toBe(
      `analyze: --out ${join(scratch, 'full.csv')}: cannot be written (ENOSPC)\n`,
    );
  });

  it('still says an input that cannot be read cannot be read', async () => {
    const result = await run('--responses', join(scratch, 'missing.csv'));
    expectUsageError(result, /missing\.csv: cannot be read \(ENOENT\)/);
  });
});
