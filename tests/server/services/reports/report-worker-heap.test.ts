// The report worker's heap: a V8 heap flag on the process overrides the worker's own limit, and the server says so when it starts the worker.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'report-worker-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts the report worker in a fresh process with `flags` and returns what it wrote on stderr
 * and the heap limit the worker got (MB).
 */
async function startWorker(flags: string[]): Promise<{ stderr: string; workerHeapMb: number }> {
  const script = `
    import { createReportService } from './server/services/reports/report-service.ts';
    const reports = createReportService({
      db: undefined,
      database: { dialect: 'sqlite', path: ${JSON.stringify(join(dir, 'empty.db'))} },
      questionnaires: undefined,
      margins: async () => undefined,
    });
    const stats = await reports.workerHeapStatistics();
    console.log(JSON.stringify(stats));
    await reports.close();
  `;
  const { stdout, stderr } = await run(
    process.execPath,
    [...flags, '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: join(import.meta.dirname, '../../../..'), env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const stats = JSON.parse(stdout.trim().split('\n').at(-1)!) as { heapSizeLimit: number };
  return { stderr, workerHeapMb: stats.heapSizeLimit / 2 ** 20 };
}

describe('report worker heap', () => {
  it('gets its own 2 GB heap when the process has no heap flag, and warns of nothing', async () => {
    const { stderr, workerHeapMb } = await startWorker([]);
    expect(workerHeapMb).toBeGreaterThanOrEqual(2048);
    expect(stderr).not.toContain('REPORT_WORKER_HEAP_FLAG');
  }, 60_000);

  it("keeps its 2 GB under npm start's young-generation flag, and warns of nothing", async () => {
    const { stderr, workerHeapMb } = await startWorker(['--max-semi-space-size=8']);
    expect(workerHeapMb).toBeGreaterThanOrEqual(2048);
    expect(stderr).not.toContain('REPORT_WORKER_HEAP_FLAG');
  }, 60_000);

  it('warns when a process heap flag caps the worker too', async () => {
    const { stderr, workerHeapMb } = await startWorker(['--max-old-space-size=200']);
    expect(workerHeapMb).toBeLessThan(2048);
    expect(stderr).toContain('REPORT_WORKER_HEAP_FLAG');
    expect(stderr).toContain('--max-old-space-size=200');
  }, 60_000);
});
