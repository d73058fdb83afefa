// The analysis benchmark: loads synthetic responses through the storage layer, then times the full report in a fresh process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpAnalysisBench } from './analysis-setup.ts';

const total = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const workDir = mkdtempSync(join(tmpdir(), 'bench-analysis-'));
const databasePath = join(workDir, 'bench.db');

try {
  console.log(
    `loading ${total} synthetic responses (270 agencies, 10 questions, a multi-select, sex, position)…`,
  );
  const start = performance.now();
  const waveId = await setUpAnalysisBench(databasePath, total);
  const loadSeconds = (performance.now() - start) / 1000;
  console.log(
    `loaded through importResponses (validated, stored, folded into counts): ${loadSeconds.toFixed(1)} s, ` +
      `${(total / loadSeconds).toFixed(0)} responses/s`,
  );
  // A fresh process, so its peak memory is the report's alone, not the loader's.
  const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
  const report = spawnSync(tsx, ['bench/analysis-report.ts', databasePath, String(waveId)], {
    stdio: 'inherit',
  });
  if (report.status !== 0) throw new Error(`the report process failed (${report.status})`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
