// The results benchmark on the real compiled server: reports through HTTP and the worker, submissions' p99 with and without reports, microdata export memory.
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createAccessKey } from '../server/services/auth/access-keys.ts';
import { createDatabase } from '../server/storage/db/create-database.ts';
import { migrateToLatest } from '../server/storage/db/migrate.ts';
import { replaceWaveMargins } from '../server/storage/repositories/raking-margins.ts';
import { listWaves } from '../server/storage/repositories/waves.ts';
import { parseFrameCsv } from '../server/services/frame/parse-frame.ts';
import { seedFiles } from '../server/services/seed/seed-files.ts';
import { benchStudyId, setUpAnalysisBench } from './analysis-setup.ts';

const total = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const keptDatabase = process.env.BENCH_DATABASE;
/** Submissions per second during the latency comparison: a busy national wave, not a flood. */
const submitRate = Number(process.env.BENCH_SUBMIT_RATE ?? 200);
const submitSeconds = Number(process.env.BENCH_SECONDS ?? 15);
const port = 3911;
const base = `http://127.0.0.1:${port}/api/studies/${benchStudyId}`;
const by = 'agency,province,sex';
const workDir = mkdtempSync(join(tmpdir(), 'bench-results-'));
const databasePath = keptDatabase ?? join(workDir, 'bench.db');

const root = join(import.meta.dirname, '..');
/** The server as `npm run build` ships it: compiled JS, so its memory is the platform's, not tsx's. */
const serverScript = join(root, 'dist', 'node', 'server', 'index.js');
let authorization = '';
function compileServer(): void {
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
}

/** Sets the bench wave's raking margin and issues a researcher key, as an administrator would. */
async function prepareDatabase(): Promise<void> {
  const db = createDatabase({ dialect: 'sqlite', path: databasePath });
  try {
    await migrateToLatest(db);
    const [wave] = await listWaves(db, benchStudyId);
    await replaceWaveMargins(db, wave!.id, [{ variable: 'sex', shares: { F: 0.52, M: 0.48 } }]);
    const { key } = await createAccessKey(db, {
      role: 'researcher',
      agencyCode: null,
      today: '2021-09-01',
    });
    authorization = `Bearer ${key}`;
  } finally {
    await db.destroy();
  }
}

/** The Node flags `npm start` gives the server (its `exec node <flags> dist/…` part). */
function startFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const flags = /exec node (.*?)\s*dist\/node\/server\/index\.js/.exec(manifest.scripts.start);
  if (!flags)
    throw new Error(
      `package.json's start script does not exec the server: ${manifest.scripts.start}`,
    );
  return flags[1]!.split(/\s+/).filter(Boolean);
}

function startServer(): Promise<ChildProcess> {
  // Exactly as `npm start` runs it: its young-generation flag, and no old-space flag (that
  // would also cap the report worker's heap: a 64 MB cap made raked reports die in the worker).
  const child = spawn(process.execPath, [...startFlags(), serverScript], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databasePath,
      SEED_DEMO: 'false',
      ADMIN_KEY: `nsk_bench-admin-${randomUUID()}`,
      // One client address sends every bench submission: the per-address limit (120 a
      // minute) would refuse almost all of them and leave nothing to compare.
      SUBMIT_RATE_LIMIT_PER_MINUTE: '1000000',
    },
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Resident memory of a process and its threads (Linux /proc), in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function timed(path: string): Promise<{ seconds: number; bytes: number }> {
  const start = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { authorization } });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return { seconds: (performance.now() - start) / 1000, bytes };
}

/**
 * Requests `path` back to back on a thread of its own until stopped, and returns how many
 * completed. Reading a 7.5 MB report or a 99 MB export on this thread would stall autocannon's
 * event loop here and count as the server's latency.
 */
function requestInBackground(path: string): { stop: () => Promise<number> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let running = true, done = 0;
     parentPort.on('message', () => { running = false; });
     (async () => {
       while (running) {
         const res = await fetch(workerData.url, { headers: { authorization: workerData.authorization } });
         await res.arrayBuffer();
         if (res.status !== 200) throw new Error(workerData.url + ': HTTP ' + res.status);
         done++;
       }
       parentPort.postMessage(done);
     })();`,
    { eval: true, workerData: { url: `${base}${path}`, authorization } },
  );
  const finished = new Promise<number>((resolve, reject) => {
    worker.once('message', (done: number) => resolve(done));
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const done = await finished;
      await worker.terminate();
      return done;
    },
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Spread over every agency, as a wave's submissions are (no agency outgrows its headcount).
const agencyCodes = parseFrameCsv(readFileSync(seedFiles.frame, 'utf8')).map((a) => a.code);
let nextAgency = 0;

async function submissions(): Promise<{ p50: number; p99: number; ok: number; failed: number }> {
  const result = await autocannon({
    url: `${base}/responses`,
    connections: 10,
    overallRate: submitRate,
    duration: submitSeconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            id: randomUUID(),
            agency: agencyCodes[nextAgency++ % agencyCodes.length],
            answers: { sex: 'F', position: 'pelaksana', q1: '1', q2: '2', ms: ['a', 'c'] },
          }),
        }),
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

let server: ChildProcess | undefined;
// A benchmark cut short must not leave its server holding the port.
process.once('exit', () => server?.kill('SIGTERM'));
try {
  if (keptDatabase !== undefined && existsSync(keptDatabase)) {
    console.log(`reusing the loaded database ${keptDatabase}`);
  } else {
    console.log(`loading ${total} synthetic responses into ${databasePath}…`);
    const start = performance.now();
    await setUpAnalysisBench(databasePath, total);
    console.log(`loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }

  compileServer();
  await prepareDatabase();
  // 1. Export in a fresh server, so its memory is the export's (plus the idle server's).
  server = await startServer();
  const idle = rssMb(server.pid!);
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server!.pid!))), 50);
  const exported = await timed('/microdata.csv');
  clearInterval(sampler);
  console.log(
    `microdata.csv: ${(exported.bytes / 1e6).toFixed(0)} MB in ${exported.seconds.toFixed(1)} s; ` +
      `server RSS idle ${idle.toFixed(0)} MB, peak while exporting ${peak.toFixed(0)} MB`,
  );
  await stopServer(server);

  // 2. Reports through HTTP and the worker (the first request starts the worker: warm-up).
  server = await startServer();
  const first = await timed(`/results?by=${by}`);
  console.log(
    `first full report (starts the worker, reads the wave's counts): ${first.seconds.toFixed(2)} s`,
  );
  const design: number[] = [];
  const raked: number[] = [];
  for (let i = 0; i < 3; i++) {
    design.push((await timed(`/results?by=${by}&weighting=design`)).seconds);
    raked.push((await timed(`/results?by=${by}&weighting=raked`)).seconds);
  }
  console.log(
    `full report (every question; national, by agency, province, sex): median ${median(design).toFixed(2)} s ` +
      `(${design.map((s) => s.toFixed(2)).join(', ')})`,
  );
  console.log(
    `raked report (agency + sex): median ${median(raked).toFixed(2)} s (${raked.map((s) => s.toFixed(2)).join(', ')})`,
  );

  // 3. Submissions' latency alone, then with raked reports running back to back.
  const alone = await submissions();
  const reporting = requestInBackground(`/results?by=${by}&weighting=raked`);
  const during = await submissions();
  const reportsDone = await reporting.stop();
  console.log(
    `submissions at ${submitRate}/s for ${submitSeconds} s: alone p50 ${alone.p50} ms, p99 ${alone.p99} ms ` +
      `(${alone.ok} ok, ${alone.failed} failed); with ${reportsDone} raked reports running p50 ${during.p50} ms, ` +
      `p99 ${during.p99} ms (${during.ok} ok, ${during.failed} failed); p99 ratio ${(during.p99 / alone.p99).toFixed(2)}`,
  );

  // 4. Submissions while microdata exports run back to back: an export must leave the event
  // loop between its chunks, or every submission waits for the whole file.
  const exporting = requestInBackground('/microdata.csv');
  const duringExport = await submissions();
  const exportsDone = await exporting.stop();
  console.log(
    `submissions with ${exportsDone} microdata exports running: p50 ${duringExport.p50} ms, ` +
      `p99 ${duringExport.p99} ms (${duringExport.ok} ok, ${duringExport.failed} failed); ` +
      `p99 ratio to alone ${(duringExport.p99 / alone.p99).toFixed(2)}`,
  );
  await stopServer(server);
  server = undefined;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
