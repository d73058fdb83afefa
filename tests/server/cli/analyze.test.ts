// The analyze command: its CSV contract, R's numbers through it, and one-line errors with no partial output.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { outputColumns } from '../../../server/cli/analyze.ts';
import { runAnalyzeCaptured, type AnalyzeRun } from '../../helpers/run-analyze.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/r-survey/');
const responses = join(fixtures, 'test_small.csv');
const scratch = mkdtempSync(join(tmpdir(), 'analyze-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Run = AnalyzeRun;
const run = runAnalyzeCaptured;

function parse(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function expected(file: string, scope?: string): Record<string, string>[] {
  const rows = parse(readFileSync(join(fixtures, file), 'utf8'));
  return scope === undefined ? rows : rows.filter((row) => row.scope === scope);
}

const key = (row: Record<string, string>) =>
  `${row.domain_var}|${row.domain}|${row.question}|${row.option}`;

// Columns of the command and the R fixtures' names for them.
const pairs: [string, string][] = [
  ['n_base', 'n_base'],
  ['n_option', 'n_option'],
  ['estimate', 'prop'],
  ['se', 'se'],
  ['ci_low', 'logit_l'],
  ['ci_high', 'logit_u'],
  ['df', 'df'],
  ['deff', 'deff'],
  ['n_eff', 'n_eff'],
];

function expectSameNumbers(output: Record<string, string>[], references: Record<string, string>[]) {
  const ours = new Map(output.map((row) => [key(row), row]));
  let compared = 0;
  for (const r of references) {
    const row = ours.get(key(r));
    expect(row, key(r)).toBeDefined();
    const p = Number(r.prop);
    // Where R's svyciprop fails (its glm diverges), it prints an interval without p̂, e.g. [0, 0].
    const rContains = !('logit_l' in r) || (Number(r.logit_l) <= p && p <= Number(r.logit_u));
    const usable = p > 0 && p < 1 && Number(r.se) > 0 && Number(r.df) >= 1 && rContains;
    for (const [column, rColumn] of pairs) {
      // Fixtures of crossed domains do not carry every column.
      if (!(rColumn in r)) continue;
      const theirs = r[rColumn] as string;
      if (column.startsWith('ci') && (!usable || theirs === 'NA')) continue;
      if (theirs === 'NA') {
        expect(row?.[column], `${key(r)} ${column}`).toBe('');
        continue;
      }
      expect(
        Math.abs(Number(row?.[column]) - Number(theirs)),
        `${key(r)} ${column}`,
      ).toBeLessThanOrEqual(1e-9);
    }
    compared++;
  }
  expect(compared).toBe(references.length);
}

describe('analyze command', () => {
  it("prints the contract's columns and R's national and domain numbers (logit interval)", async () => {
    const result = await run(
      '--responses',
      responses,
      '--by',
      'province,gender,agency',
      '--multi',
      'ms',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe(outputColumns.join(','));
    const output = parse(result.stdout);
    const national = output.filter((row) => row.domain_var === '');
    expect(national.every((row) => row.domain === '')).toBe(true);
    expect(national.filter((row) => row.question === 'ms').map((row) => row.option)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    // Columns not named in --by are questions too (agency_type, age_group).
    expect(new Set(national.map((row) => row.question))).toEqual(
      new Set(['agency_type', 'age_group', 'q1', 'q2', 'q3', 'q4', 'q5', 'ms']),
    );
    expectSameNumbers(output, [
      ...expected('expected/estimates_national.csv'),
      ...expected('expected/estimates_domains.csv'),
    ]);
    // Full precision: every number is printed as the shortest text that reads back to the same double.
    for (const row of national) {
      for (const column of ['estimate', 'se', 'ci_low', 'ci_high', 'deff', 'n_eff']) {
        expect(String(Number(row[column]))).toBe(row[column]);
      }
    }
    const q1 = national.find((row) => row.question === 'q1' && row.option === '1');
    expect(q1?.estimate?.length).toBeGreaterThan(15);
  });

  it("rakes to agency headcounts and the given shares, giving R's rake() numbers", async () => {
    const result = await run(
      '--responses',
      responses,
      '--multi',
      'ms',
      '--rake',
      'gender=F:0.52,M:0.48',
    );
    expect(result.code).toBe(0);
    const references = expected('expected/estimates_raked.csv', 'rake_agency_gender').map(
      (row) => ({
        ...row,
        domain_var: '',
        domain: '',
      }),
    );
    expectSameNumbers(parse(result.stdout), references);
  });

  // R labels a crossed domain "province,gender" / "Central,F"; the command "province × gender" / "Central × F".
  const crossedLabels = (rows: Record<string, string>[]) =>
    rows.map((row) => ({
      ...row,
      domain_var: (row.domain_var as string).replace(',', ' × '),
      domain: (row.domain as string).replace(',', ' × '),
    }));

  it("gives crossed domains (--by province*gender) R's svyby(~province + gender), beside one-way ones", async () => {
    const result = await run(
      '--responses',
      responses,
      '--by',
      'province,province*gender',
      '--multi',
      'ms',
    );
    expect(result.code).toBe(0);
    const output = parse(result.stdout);
    expectSameNumbers(output, crossedLabels(expected('expected-extra/pair_domains.csv', 'design')));
    expectSameNumbers(
      output,
      expected('expected/estimates_domains.csv').filter((row) => row.domain_var === 'province'),
    );
  });

  it("gives raked crossed domains R's svyby over rake(agency, gender)", async () => {
    const result = await run(
      '--responses',
      responses,
      '--by',
      'province*gender',
      '--multi',
      'ms',
      '--rake',
      'gender=F:0.52,M:0.48',
    );
    expect(result.code).toBe(0);
    const references = expected(
      'expected-extra/calibrated_domains.csv',
      'rake_agency_gender',
    ).filter((row) => row.domain_var === 'province,gender');
    expect(references.length).toBe(250);
    expectSameNumbers(parse(result.stdout), crossedLabels(references));
  });

  it('neutralises answers that a spreadsheet would run as formulas, and keeps numbers numbers', async () => {
    const path = join(scratch, 'formulas.csv');
    writeFileSync(
      path,
      'agency,stratum_N,q1\nA,10,=HYPERLINK("http://x")\nA,10,-1+2\nA,10,@cmd\nA,10,-1\n',
    );
    const result = await run('--responses', path);
    expect(result.code).toBe(0);
    const options = parse(result.stdout).map((row) => row.option);
    expect(options).toEqual(['-1', "'-1+2", '\'=HYPERLINK("http://x")', "'@cmd"]);
    expect(result.stdout).toContain('"\'=HYPERLINK(""http://x"")"');
  });

  it('takes headcounts from --frame, and writes to --out instead of stdout', async () => {
    const frame = join(scratch, 'frame.csv');
    const heads = new Map(
      parse(readFileSync(responses, 'utf8')).map((row) => [row.agency, row.stratum_N]),
    );
    writeFileSync(
      frame,
      `agency,N\n${[...heads].map(([agency, n]) => `${agency},${n}`).join('\n')}\n`,
    );
    const withFrame = await run(
      '--responses',
      responses,
      '--frame',
      frame,
      '--multi',
      'ms',
      '--out',
      'out.csv',
    );
    const withColumn = await run('--responses', responses, '--multi', 'ms');
    expect(withFrame.code).toBe(0);
    expect(withFrame.stdout).toBe('');
    expect(withFrame.written.get('out.csv')).toBe(withColumn.stdout);
  });

  describe('bad input', () => {
    function badFile(name: string, edit: (lines: string[]) => string[]): string {
      const path = join(scratch, name);
      writeFileSync(
        path,
        edit(readFileSync(responses, 'utf8').trimEnd().split('\n')).join('\n') + '\n',
      );
      return path;
    }

    function expectOneLineError(result: Run, message: RegExp) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.written.size).toBe(0);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }

    it('rejects a file without an agency column', async () => {
      // Drop the second column (agency) from every line.
      const path = badFile('no-agency.csv', (lines) =>
        lines.map((line) => line.replace(/^([^,]*),[^,]*,/, '$1,')),
      );
      expectOneLineError(
        await run('--responses', path, '--out', 'x.csv'),
        /no-agency\.csv: header, column "agency": missing column/,
      );
    });

    it('rejects an agency without a headcount', async () => {
      const frame = join(scratch, 'short-frame.csv');
      writeFileSync(frame, 'agency,N\nAG002,12\n');
      expectOneLineError(
        await run('--responses', responses, '--frame', frame, '--out', 'x.csv'),
        /test_small\.csv: row 1, column "agency": agency "AG001" has no headcount in the frame/,
      );
    });

    it('rejects more respondents than the headcount (n_h > N_h)', async () => {
      // AG002 is a census of 12; a 13th respondent cannot exist.
      const path = badFile('census-plus-one.csv', (lines) => [...lines, lines[2] as string]);
      expectOneLineError(
        await run('--responses', path, '--out', 'x.csv'),
        /row 2001, column "stratum_N": agency "AG002" has more respondents than its headcount of 12/,
      );
    });

    it('rejects a value other than 0 or 1 in a multi-select column', async () => {
      const path = badFile('bad-multi.csv', (lines) =>
        lines.map((line, i) => (i === 5 ? line.replace(/,0,0,0,0$/, ',0,2,0,0') : line)),
      );
      expect(readFileSync(path, 'utf8').split('\n')[5]).toMatch(/,0,2,0,0$/);
      expectOneLineError(
        await run('--responses', path, '--multi', 'ms', '--out', 'x.csv'),
        /row 5, column "ms_b": multi-select value must be 0 or 1, got "2"/,
      );
    });

    it('rejects an unknown --by column and a raking level without respondents', async () => {
      expectOneLineError(
        await run('--responses', responses, '--by', 'province,religion'),
        /header, column "religion": no such column/,
      );
      expectOneLineError(
        await run('--responses', responses, '--rake', 'gender=F:0.5,M:0.4,X:0.1'),
        /column "gender": raking level "X" has no respondents/,
      );
    });

    it('refuses a stratum_N column that disagrees with --frame, naming the agency and both values', async () => {
      const path = join(scratch, 'twice.csv');
      writeFileSync(path, 'agency,stratum_N,q1\nA,5,x\nB,7,y\n');
      const frame = join(scratch, 'twice-frame.csv');
      writeFileSync(frame, 'agency,N\nA,5\nB,5\n');
      expectOneLineError(
        await run('--responses', path, '--frame', frame, '--out', 'x.csv'),
        /twice\.csv: row 2, column "stratum_N": agency "B" has headcount 7 here but 5 in the frame .*twice-frame\.csv/,
      );
      writeFileSync(frame, 'agency,N\nA,5\nB,7\n');
      expect((await run('--responses', path, '--frame', frame)).code).toBe(0);
    });

    it('refuses a NUL character in a cell, naming row and column', async () => {
      const path = join(scratch, 'nul.csv');
      writeFileSync(path, 'agency,stratum_N,q1\nA,5,x\nA,5,y\u0000\n');
      expectOneLineError(
        await run('--responses', path, '--out', 'x.csv'),
        /nul\.csv: row 2, column "q1": a NUL character/,
      );
    });

    it("reads Excel's trailing unnamed empty columns, and refuses an unnamed column holding data by position", async () => {
      const plain = join(scratch, 'plain.csv');
      writeFileSync(plain, 'agency;stratum_N;q1\r\nA;5;1\r\nA;5;2\r\n');
      const excel = join(scratch, 'excel.csv');
      writeFileSync(excel, 'agency;stratum_N;q1;;\r\nA;5;1;;\r\nA;5;2;;\r\n');
      const read = await run('--responses', excel);
      expect(read.code).toBe(0);
      expect(read.stdout).toBe((await run('--responses', plain)).stdout);
      const holding = join(scratch, 'holding.csv');
      writeFileSync(holding, 'agency;stratum_N;q1;;\r\nA;5;1;;\r\nA;5;2;7;\r\n');
      expectOneLineError(
        await run('--responses', holding, '--out', 'x.csv'),
        /holding\.csv: row 2: column 4 has no name in the header but holds "7"/,
      );
      const middle = join(scratch, 'middle.csv');
      writeFileSync(middle, 'agency;;stratum_N;q1\r\nA;;5;1\r\n');
      expectOneLineError(
        await run('--responses', middle, '--out', 'x.csv'),
        /middle\.csv: header: a column has no name \(field 2 of the header\)/,
      );
    });

    it('reports wrong arguments with usage and exit code 2', async () => {
      const result = await run('--by', 'province');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--responses is required/);
      expect((await run('--responses', responses, '--rake', 'gender')).code).toBe(2);
      expect((await run('--responses', responses, '--bogus')).code).toBe(2);
      for (const bad of [
        ['--by', 'province*gender*agency'],
        ['--by', 'gender*gender'],
        ['--by', 'province,province'],
        ['--delimiter', '::'],
        ['--encoding', 'klingon'],
      ]) {
        const result = await run('--responses', responses, ...bad);
        expect(result.code, bad.join(' ')).toBe(2);
        expect(result.stderr).toMatch(/^analyze: .*\nusage: /);
      }
      const missing = await run('--responses', join(scratch, 'nowhere.csv'));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/nowhere\.csv: cannot be read \(ENOENT\)/);
    });
  });

  it('runs as compiled JavaScript through npm: exit code, stdout, and one line on stderr', () => {
    const npm = (args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'analyze', '--', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
    const ok = npm(['--responses', responses, '--by', 'province*gender']);
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe(outputColumns.join(','));
    expect(ok.stdout).toContain('province × gender,Central × F,q1,1,');
    // The command ran from dist/node, compiled by tsc, not through a TypeScript loader.
    expect(existsSync(join(root, 'dist/node/server/cli/analyze.js'))).toBe(true);
    const out = join(scratch, 'never.csv');
    const bad = npm(['--responses', responses, '--by', 'nope', '--out', out]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  }, 240_000);
});
