// Measures validated submissions through the real server (SQLite synchronous=FULL, the default, and NORMAL) against a bare Hono + better-sqlite3 insert, same run.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validSubmissionAnswers } from './valid-submission.ts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const study = 'netralitas-asn-2021';
const agency = 'kab-sleman';
const path = `/api/studies/${study}/responses`;

interface Target {
  name: 'baseline' | 'platform' | 'platform-normal';
  port: number;
  databasePath: string;
  start(): ChildProcess;
}

interface RoundResult {
  rate: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

const workDir = mkdtempSync(join(tmpdir(), 'bench-submit-'));
const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');

const targets: Target[] = [
  {
    name: 'baseline',
    port: 3901,
    databasePath: join(workDir, 'baseline.db'),
    start() {
      return spawn(tsx, ['bench/baseline-server.ts', String(this.port), this.databasePath], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
    },
  },
  {
    name: 'platform',
    port: 3902,
    databasePath: join(workDir, 'platform.db'),
    start() {
      return spawn(tsx, ['server/index.ts'], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, PORT: String(this.port), DATABASE_URL: this.databasePath },
      });
    },
  },
  {
    // The same server with the durability of before: commits survive a process crash only.
    name: 'platform-normal',
    port: 3903,
    databasePath: join(workDir, 'platform-normal.db'),
    start() {
      return spawn(tsx, ['server/index.ts'], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          PORT: String(this.port),
          DATABASE_URL: this.databasePath,
          SQLITE_SYNCHRONOUS: 'normal',
        },
      });
    },
  },
];

async function waitUntilServing(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/studies`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on port ${port} did not start within 60 s`);
}

async function load(port: number, duration: number): Promise<RoundResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        // A fresh response id per request: a repeated id would hit the cheaper idempotent path.
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ id: randomUUID(), agency, answers: validSubmissionAnswers }),
        }),
      },
    ],
  });
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

function storedRows(databasePath: string): number {
  const db = new Database(databasePath, { readonly: true });
  try {
    // Sealed and pending (not yet sealed) responses; the baseline has only the first table.
    const pending = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'pending_responses'").get()
      ? (db.prepare('SELECT count(*) AS n FROM pending_responses').get() as { n: number }).n
      : 0;
    return (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n + pending;
  } finally {
    db.close();
  }
}

function pendingRows(databasePath: string): number {
  const db = new Database(databasePath, { readonly: true });
  try {
    const count = (table: string) =>
      (
        db.prepare(`SELECT count(*) AS n FROM ${table} WHERE materialized = 0`).get() as {
          n: number;
        }
      ).n;
    return count('responses') + count('pending_responses');
  } finally {
    db.close();
  }
}

/**
 * Waits until the platform has folded every stored response into the analysis counts. It
 * defers that work while busy and catches up when idle, which would otherwise happen during
 * the next target's round and take CPU from it; the wait is printed, so the deferred work
 * stays visible.
 */
async function settle(target: Target): Promise<void> {
  if (target.name === 'baseline') return;
  const started = Date.now();
  const deferred = pendingRows(target.databasePath);
  while (pendingRows(target.databasePath) > 0) {
    if (Date.now() - started > 300_000) throw new Error('platform did not catch up within 300 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    `  (platform materialized ${deferred} deferred responses in the ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s after its round)`,
  );
}

/**
 * The raw price of durability, without HTTP or validation: commits of one row (a submission
 * alone) and of 50 rows (a group commit under load) with synchronous=NORMAL and FULL, same
 * run, on the same disk. Returns milliseconds per commit.
 */
function commitCost(): void {
  const commits = 300;
  const body = JSON.stringify({ answers: validSubmissionAnswers });
  for (const rowsPerCommit of [1, 50]) {
    const perCommit: Record<string, number> = {};
    for (const synchronous of ['NORMAL', 'FULL']) {
      const path = join(workDir, `commit-${synchronous}-${rowsPerCommit}.db`);
      const db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${synchronous}`);
      db.exec('CREATE TABLE r (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO r VALUES (?, ?)');
      const commit = db.transaction((n: number) => {
        for (let i = 0; i < n; i++) insert.run(randomUUID(), body);
      });
      const started = performance.now();
      for (let c = 0; c < commits; c++) commit(rowsPerCommit);
      perCommit[synchronous] = (performance.now() - started) / commits;
      db.close();
    }
    console.log(
      `commit of ${String(rowsPerCommit).padStart(2)} row(s): NORMAL ${perCommit.NORMAL!.toFixed(2)} ms, ` +
        `FULL ${perCommit.FULL!.toFixed(2)} ms (${(perCommit.FULL! - perCommit.NORMAL!).toFixed(2)} ms more ` +
        `per commit, ${((perCommit.FULL! - perCommit.NORMAL!) / rowsPerCommit).toFixed(3)} ms per submission)`,
    );
  }
}

async function main(): Promise<void> {
  commitCost();
  const results: Record<Target['name'], RoundResult[]> = {
    baseline: [],
    platform: [],
    'platform-normal': [],
  };
  const processes = targets.map((t) => t.start());
  try {
    for (const target of targets) await waitUntilServing(target.port);
    // Warm both up (JIT, SQLite page cache) before measuring.
    for (const target of targets) {
      await load(target.port, 2);
      await settle(target);
    }
    const before = storedRows(targets[1]!.databasePath);
    let platformOk = 0;
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) {
        const r = await load(target.port, seconds);
        results[target.name].push(r);
        if (target.name === 'platform') platformOk += r.ok;
        console.log(
          `round ${round + 1} ${target.name.padEnd(15)} ${r.rate.toFixed(0).padStart(6)} req/s  ` +
            `p50 ${r.p50} ms  p99 ${r.p99} ms  2xx ${r.ok}  failed ${r.failed}`,
        );
        await settle(target);
      }
    }
    const stored = storedRows(targets[1]!.databasePath) - before;
    const mean = (xs: RoundResult[], f: (r: RoundResult) => number) =>
      xs.reduce((s, r) => s + f(r), 0) / xs.length;
    const base = mean(results.baseline, (r) => r.rate);
    const plat = mean(results.platform, (r) => r.rate);
    console.log('');
    console.log(`connections ${connections}, ${rounds} rounds of ${seconds} s each, alternating`);
    console.log(
      `baseline (bare Hono + one better-sqlite3 insert): ${base.toFixed(0)} req/s, ` +
        `p50 ${mean(results.baseline, (r) => r.p50).toFixed(1)} ms, p99 ${mean(results.baseline, (r) => r.p99).toFixed(1)} ms`,
    );
    console.log(
      `platform (validated, stored submissions):        ${plat.toFixed(0)} req/s, ` +
        `p50 ${mean(results.platform, (r) => r.p50).toFixed(1)} ms, p99 ${mean(results.platform, (r) => r.p99).toFixed(1)} ms`,
    );
    const normal = mean(results['platform-normal'], (r) => r.rate);
    console.log(
      `platform, synchronous=NORMAL (pre-FULL default): ${normal.toFixed(0)} req/s, ` +
        `p50 ${mean(results['platform-normal'], (r) => r.p50).toFixed(1)} ms, p99 ${mean(results['platform-normal'], (r) => r.p99).toFixed(1)} ms`,
    );
    console.log(`ratio platform / baseline: ${(plat / base).toFixed(3)}`);
    console.log(`ratio platform (NORMAL) / baseline (NORMAL): ${(normal / base).toFixed(3)}`);
    console.log(`durability cost: FULL / NORMAL = ${(plat / normal).toFixed(3)}`);
    console.log(
      `platform rows stored during measured rounds: ${stored} (2xx answered: ${platformOk})`,
    );
    if (results.platform.some((r) => r.failed > 0)) {
      console.log('WARNING: the platform answered some requests with errors; see rounds above');
    }
  } finally {
    for (const p of processes) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
