// The reports service: the one path from stored counts to estimates, run in a worker thread so a long report never stalls submissions.
import type { Kysely } from 'kysely';
import type { AgencyContrast } from '../../../analysis/index.ts';
import { Worker } from 'node:worker_threads';
import type { DatabaseConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import { materializePending } from '../projection/materialize-pending.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { createCellCountsCache } from './cell-counts-cache.ts';
import type { CellWeights } from './cell-weights.ts';
import type { MarginSource } from './raking-margins.ts';
import {
  runReportJob,
  type ReportJob,
  type ReportJobResults,
  type WorkerHeapStatistics,
} from './report-jobs.ts';
import type {
  BasesRequest,
  CellBases,
  CellRows,
  CellsRequest,
  FieldworkReport,
  Report,
  ReportRequest,
} from './report-types.ts';
import type { WorkerReply, WorkerRequest } from './report-worker.ts';

/** Reports, fieldwork and export weights of a wave; every estimate the platform shows comes from here. */
export interface ReportService {
  /**
   * Catches up the counts (every acknowledged response counts), then computes the report in
   * the worker. With `weighting: 'raked'` the wave's margins come from the margin source.
   */
  report(studyId: string, request: Omit<ReportRequest, 'margins'>): Promise<Report>;
  /**
   * The same report as text, serialised in the worker so the main thread neither copies nor
   * stringifies thousands of rows: `json` (the `Report` as JSON) or `csv` (see `resultsCsv`).
   */
  reportText(
    studyId: string,
    request: Omit<ReportRequest, 'margins'>,
    format: 'json' | 'csv',
  ): Promise<string>;
  /** The fieldwork monitor of a wave (counts every stored response). */
  fieldwork(studyId: string, waveId: number): Promise<FieldworkReport>;
  /**
   * Design and raked weights per (agency, profile) cell, after catching up. Computed on the
   * calling thread: it reads only respondents per cell (thousands of rows, milliseconds of
   * raking), and an export should not pay for starting the worker.
   */
  cellWeights(studyId: string, waveId: number): Promise<CellWeights>;
  /**
   * One agency against the nation on every question and option (design weights); empty when
   * the agency has no respondents in the wave. From the counts of `version` (`CellBases.version`)
   * while the worker holds them, else after catching up from the latest.
   */
  agencyContrasts(
    studyId: string,
    waveId: number,
    agencyCode: string,
    version?: string,
  ): Promise<AgencyContrast[]>;
  /**
   * The unweighted base of every reported question in every domain of the national row and of
   * `request.by`, after catching up: what disclosure control decides on. No estimate.
   */
  cellBases(studyId: string, request: BasesRequest): Promise<CellBases>;
  /**
   * Report rows (design weights) of the selected domains only: each equal to the full
   * report's row for the same cell, at the cost of the cells asked for. From the counts of
   * `request.version` while the worker holds them, else after catching up from the latest.
   */
  cellRows(studyId: string, request: CellsRequest): Promise<CellRows>;
  /** Raking margins of a wave, for manifests; undefined when it has none. */
  margins: MarginSource;
  /** The V8 heap of the thread that computes reports (the worker, started if need be). */
  workerHeapStatistics(): Promise<WorkerHeapStatistics>;
  /** Stops the worker (pending jobs fail). */
  close(): Promise<void>;
}

export interface ReportServiceOptions {
  /** The main thread's connection: catch-up writes go through it. */
  db: Kysely<Database>;
  /**
   * How the worker opens its own connection. Without it, or for an in-memory SQLite database
   * (which another connection cannot see), jobs run inline on the main thread.
   */
  database?: DatabaseConfig;
  questionnaires: QuestionnaireRegistry;
  margins: MarginSource;
}

/**
 * Creates the reports service. Jobs run in one worker thread with its own database
 * connection, started on first use and restarted if it dies; the worker file is found next
 * to this module (`.ts` under tsx and Vitest, loaded through tsx's loader; `.js` in
 * `dist/node`). Catching up the counts writes, so it stays on the main thread (a second
 * SQLite writer in the worker would make submissions wait on its lock).
 *
 * @example
 * const reports = createReportService({ db, database: config.database, questionnaires, margins });
 * const report = await reports.report('netralitas-asn-2021', { waveId: 1, weighting: 'design', by: ['province'], lang: 'id' });
 */
export function createReportService(options: ReportServiceOptions): ReportService {
  const { db, questionnaires, margins } = options;
  const { database } = options;
  const inline =
    database === undefined || (database.dialect === 'sqlite' && database.path === ':memory:');
  const pool = inline ? undefined : new WorkerPool(database);
  // Inline jobs keep the counts on this thread, as the worker does on its own.
  const cache = inline ? createCellCountsCache() : undefined;
  const run = <J extends ReportJob>(job: J): Promise<ReportJobResults[J['kind']]> =>
    pool ? pool.run(job) : runReportJob(db, job, cache);

  // Every acknowledged response counts; small batches, so submissions wait at most one.
  const catchUp = () => materializePending(db, questionnaires, { batchSize: catchUpBatch });
  const withMargins = async (studyId: string, request: Omit<ReportRequest, 'margins'>) => {
    const waveMargins =
      request.weighting === 'raked' ? ((await margins(studyId, request.waveId)) ?? []) : [];
    return { ...request, by: [...request.by], margins: [...waveMargins] };
  };
  return {
    margins,
    async report(studyId, request) {
      const full = await withMargins(studyId, request);
      await catchUp();
      return run({ kind: 'report', studyId, request: full });
    },
    async reportText(studyId, request, format) {
      const full = await withMargins(studyId, request);
      await catchUp();
      return run({ kind: 'report-text', studyId, request: full, format });
    },
    fieldwork(studyId, waveId) {
      return run({ kind: 'fieldwork', studyId, waveId });
    },
    async cellWeights(studyId, waveId) {
      const waveMargins = (await margins(studyId, waveId)) ?? [];
      await catchUp();
      return runReportJob(db, { kind: 'cell-weights', studyId, waveId, margins: [...waveMargins] });
    },
    async cellBases(studyId, request) {
      await catchUp();
      return run({ kind: 'cell-bases', studyId, request: { ...request, by: [...request.by] } });
    },
    async cellRows(studyId, request) {
      // Rows of a pinned version come from counts already read; catching up is for the latest.
      if (request.version === undefined) await catchUp();
      return run({ kind: 'cell-rows', studyId, request });
    },
    async agencyContrasts(studyId, waveId, agencyCode, version) {
      if (version === undefined) await materializePending(db, questionnaires);
      return run({
        kind: 'agency-contrasts',
        studyId,
        waveId,
        agencyCode,
        ...(version === undefined ? {} : { version }),
      });
    },
    workerHeapStatistics() {
      return run({ kind: 'heap-statistics' });
    },
    async close() {
      await pool?.close();
    },
  };
}

/** Old-generation heap of the report worker, MB: a million responses' counts need a few hundred. */
const workerHeapMb = 2048;

/** Responses folded per transaction when a report catches up (the idle materializer's size). */
const catchUpBatch = 200;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** One worker thread, started lazily, holding the event loop only while jobs are pending. */
class WorkerPool {
  readonly #database: DatabaseConfig;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | undefined;
  #nextId = 1;

  constructor(database: DatabaseConfig) {
    this.#database = database;
  }

  run<J extends ReportJob>(job: J): Promise<ReportJobResults[J['kind']]> {
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, job } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    // A worker that does not close its connection in time is stopped.
    const timer = setTimeout(() => void worker.terminate(), 2000);
    await exited;
    clearTimeout(timer);
  }

  #start(): Worker {
    const worker = spawnReportWorker(this.#database);
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if (reply.ok) pending.resolve(reply.value);
      else if ('appError' in reply) {
        const { code, message, details } = reply.appError;
        pending.reject(new AppError(code, message, details));
      } else {
        const error = new Error(`Report worker: ${reply.message}`);
        if (reply.stack) error.stack = reply.stack;
        pending.reject(error);
      }
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The report worker exited (code ${code})`)));
    this.#worker = worker;
    return worker;
  }
}

/**
 * Starts `report-worker` next to this module: the compiled `.js` as it is, the `.ts` source
 * through tsx's ESM loader registered inside the worker (Node 20 does not strip types).
 */
function spawnReportWorker(database: DatabaseConfig): Worker {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(`./report-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  warnOfProcessHeapFlags();
  // The worker's own heap limit, so a million responses' counts fit. It holds only while the
  // process has no heap-size flag: V8 applies --max-old-space-size (and its kin) to every
  // isolate, over a worker's resourceLimits.
  const resourceLimits = { maxOldGenerationSizeMb: workerHeapMb };
  if (!source) return new Worker(entry, { workerData: { database }, resourceLimits });
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import(${JSON.stringify(loader)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { database }, resourceLimits });
}

/**
 * V8 heap-limit flags, which override a worker's resourceLimits (they apply to every isolate).
 * `--max-semi-space-size` (which `npm start` gives) is not one: it sizes the young generation,
 * not the limit, so the worker's 2 GB stand.
 */
const heapFlag = /--max-old-space-size|--max-heap-size/;
let warned = false;

/**
 * Warns once when the process was started with a V8 heap-size flag: the report worker then gets
 * the flag's limit instead of its own. `node --max-old-space-size=64` made the worker of a
 * million-response wave die with ERR_WORKER_OUT_OF_MEMORY at 112 MB (bench/results).
 */
function warnOfProcessHeapFlags(): void {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const flag = flags.find((f) => heapFlag.test(f));
  if (flag === undefined || warned) return;
  warned = true;
  process.emitWarning(
    `${flag} also limits the report worker (V8 applies heap flags to every thread); ` +
      `reports of large waves may fail. Start the server without it.`,
    { code: 'REPORT_WORKER_HEAP_FLAG' },
  );
}
