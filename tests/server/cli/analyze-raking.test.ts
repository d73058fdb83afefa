// The analyze command's raking errors: margins that cannot be met exit 1 naming the margin and its gap; shares must add up to 1.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyzeCaptured } from '../../helpers/run-analyze.ts';

const scratch = mkdtempSync(join(tmpdir(), 'analyze-raking-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Agency A (headcount 100) answered only by women; B (100) by 5 women and 5 men.
const responses = join(scratch, 'women-only-agency.csv');
writeFileSync(
  responses,
  [
    'agency,stratum_N,gender,q1',
    ...Array.from({ length: 10 }, () => 'A,100,F,a'),
    ...Array.from({ length: 10 }, (_, i) => `B,100,${i % 2 === 0 ? 'F' : 'M'},b`),
  ].join('\n') + '\n',
);

const run = runAnalyzeCaptured;

describe('analyze --rake', () => {
  it('exits 1 naming the margin and its gap when the margins cannot all be met', async () => {
    // F:0.3 of 200 is 60, below agency A's 100 women: this used to exit 0 with totals 60/140.
    const result = await run('--responses', responses, '--rake', 'gender=F:0.3,M:0.7');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^analyze: raking cannot meet margin "agency": level "A" has weighted total 60(\.\d+)? against its population total 100 \(gap -40/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rakes when the same margins can be met', async () => {
    const result = await run('--responses', responses, '--rake', 'gender=F:0.7,M:0.3');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^domain_var,domain,question,option/);
  });

  it('refuses shares that do not add up to 1 instead of rescaling them (exit 2)', async () => {
    const result = await run('--responses', responses, '--rake', 'gender=F:0.42,M:0.48');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--rake margin "gender": shares add up to 0\.9, not 1/);
    expect(result.stdout).toBe('');
  });
});
