// The analysis benchmark: loads synthetic responses through the storage layer, then times the full report in a fresh process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpAnalysisBench } from './analysis-setup.ts';

const total = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
// BENCH_DATABASE keeps the loaded database for later runs, and reuses it when it exists.
const keptDatabase = process.env.BENCH_DATABASE;
const workDir = mkdtempSync(join(tmpdir(), 'bench-analysis-'));
const databasePath = keptDatabase ?? join(workDir, 'bench.db');

try {
  let waveId = 1;
  if (keptDatabase !== undefined && existsSync(keptDatabase)) {
    console.log(`reusing the loaded database ${keptDatabase}`);
  } else {
    console.log(
      `loading ${total} synthetic responses (270 agencies, 10 questions, a multi-select, sex, position)…`,
    );
    const start = performance.now();
    waveId = await setUpAnalysisBench(databasePath, total);
    const loadSeconds = (performance.now() - start) / 1000;
    console.log(
      `loaded through importResponses (validated, stored, folded into counts): ${loadSeconds.toFixed(1)} s, ` +
        `${(total / loadSeconds).toFixed(0)} responses/s`,
    );
  }
  // A fresh process, so its peak memory is the report's alone, not the loader's.
  const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
  const report = spawnSync(tsx, ['bench/analysis-report.ts', databasePath, String(waveId)], {
    stdio: 'inherit',
  });
  if (report.status !== 0) throw new Error(`the report process failed (${report.status})`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
