// Load benchmark: valid submissions at 100 connections while a researcher reads, on SQLite and PostgreSQL; prints figures.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { scratchDatabase } from '../tests/helpers/scratch-database.ts';
import {
  exited,
  freePort,
  startServerProcess,
  waitHealthy,
} from '../tests/helpers/server-process.ts';
import { validSubmissionAnswers } from './valid-submission.ts';

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 100);
/** `sqlite`, `postgres` or both (default: both when a PostgreSQL URL is given). */
const postgresUrl = process.env.LOAD_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const dialects = (process.env.LOAD_DIALECTS ?? (postgresUrl ? 'sqlite,postgres' : 'sqlite'))
  .split(',')
  .map((d) => d.trim()) as ('sqlite' | 'postgres')[];
const study = 'netralitas-asn-2021';
const agencies = ['kab-sleman', 'kota-makassar', 'prov-jambi', 'kab-bantul', 'kab-sleman'];

/**
 * What the researcher polls during the load, one after another. Add the results endpoints
 * here as they land (e.g. `/api/studies/${study}/results`); each is read in turn.
 */
const readerPaths = [
  `/api/studies/${study}`,
  '/api/studies',
  `/api/studies/${study}/questionnaire`,
];

interface ReaderStats {
  reads: number;
  errors: number;
  latencies: number[];
}

/** Polls `readerPaths` in turn until `stop` is set; latencies in ms. */
async function reader(base: string, stop: { done: boolean }): Promise<ReaderStats> {
  const stats: ReaderStats = { reads: 0, errors: 0, latencies: [] };
  while (!stop.done) {
    for (const path of readerPaths) {
      const started = performance.now();
      try {
        const res = await fetch(`${base}${path}`);
        await res.arrayBuffer();
        if (res.status !== 200) stats.errors++;
      } catch {
        stats.errors++;
      }
      stats.latencies.push(performance.now() - started);
      stats.reads++;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return stats;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const database = await scratchDatabase(dialect, postgresUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The rate limit is per client address; every benchmark connection comes from 127.0.0.1.
  const child = startServerProcess(port, database.url, { SUBMIT_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    await waitHealthy(base, child);
    const before = new Set(await database.storedClientIds());
    const acknowledgedIds = new Set<string>();
    const stop = { done: false };
    const reading = reader(base, stop);
    const started = Date.now();
    const result = await autocannon({
      url: base,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: `/api/studies/${study}/responses`,
          headers: { 'content-type': 'application/json' },
          onResponse: (status, body) => {
            if (status === 201) acknowledgedIds.add((JSON.parse(body) as { id: string }).id);
          },
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              id: randomUUID(),
              agency: agencies[Math.floor(Math.random() * agencies.length)],
              answers: validSubmissionAnswers,
            }),
          }),
        },
      ],
    });
    const loadEnded = Date.now();
    // Folding into the analysis counts is part of the work: the measured time ends when the
    // last acknowledged response is counted, not when the last one is acknowledged.
    const pendingAtEnd = await database.pendingResponses();
    while ((await database.pendingResponses()) > 0) {
      if (Date.now() - loadEnded > 600_000) throw new Error('folding did not finish in 600 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    const folded = Date.now();
    stop.done = true;
    const reads = await reading;

    const storedIds = (await database.storedClientIds()).filter((id) => !before.has(id));
    const storedSet = new Set(storedIds);
    const stored = storedIds.length;
    const acknowledged = acknowledgedIds.size;
    const lost = [...acknowledgedIds].filter((id) => !storedSet.has(id)).length;
    // Requests in flight when autocannon stops are stored, but their answers are not read.
    const unread = stored - (acknowledged - lost);
    const errors = result.non2xx + result.errors + result.timeouts;
    const sustained = acknowledged / ((folded - started) / 1000);
    console.log(
      `\n${dialect}: ${seconds} s, ${connections} connections, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `  submissions   ${result.requests.average.toFixed(0)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms`,
    );
    console.log(
      `  acknowledged  ${acknowledged}  errors ${errors}  stored ${stored}: ` +
        `${lost === 0 ? 'every acknowledged one' : `MISSING ${lost} acknowledged`}, ` +
        `plus ${unread} in flight when the load stopped (at most ${connections})`,
    );
    console.log(
      `  folding       ${pendingAtEnd} responses still to fold when the load ended, folded ${((folded - loadEnded) / 1000).toFixed(1)} s later`,
    );
    console.log(
      `  sustained     ${sustained.toFixed(0)} responses/s acknowledged and folded into the counts`,
    );
    console.log(
      `  reader        ${reads.reads} reads, errors ${reads.errors}, p50 ${percentile(reads.latencies, 50).toFixed(1)} ms, p99 ${percentile(reads.latencies, 99).toFixed(1)} ms`,
    );
  } finally {
    child.kill('SIGTERM');
    await exited(child);
    await database.drop();
  }
}

for (const dialect of dialects) await run(dialect);
