// The report worker thread's entry: opens its own database connection and answers report jobs off the main event loop.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { createDatabase } from '../../storage/db/create-database.ts';
import { createCellCountsCache } from './cell-counts-cache.ts';
import { runReportJob, type ReportJob } from './report-jobs.ts';

/** A job as posted by `createReportService`, with the id its answer carries back. */
export interface WorkerRequest {
  id: number;
  job: ReportJob;
}

/** The worker's answer: the job's value, an expected failure (AppError) or an unexpected one. */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; appError: ReturnType<AppError['toBody']>['error'] }
  | { id: number; ok: false; message: string; stack?: string };

/**
 * Niceness of the report thread (Linux: 0 normal, 19 lowest). Reports are background work: on
 * a machine whose cores are busy, the kernel gives the main thread (submissions) the CPU first.
 */
const reportNiceness = 10;

if (parentPort === null) throw new Error('report-worker.ts runs only as a worker thread');
const port = parentPort;
lowerThreadPriority(reportNiceness);
const db = createDatabase((workerData as { database: DatabaseConfig }).database);
const cache = createCellCountsCache();

port.on('message', (message: WorkerRequest | 'close') => {
  if (message === 'close') {
    void db.destroy().then(() => port.close());
    return;
  }
  runReportJob(db, message.job, cache).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply),
    (error: unknown) => {
      const reply: WorkerReply =
        error instanceof AppError
          ? { id: message.id, ok: false, appError: error.toBody().error }
          : {
              id: message.id,
              ok: false,
              message: error instanceof Error ? error.message : String(error),
              ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
            };
      port.postMessage(reply);
    },
  );
});

/**
 * Lowers this thread's scheduling priority, where the system allows (Linux: niceness is per
 * thread; `/proc/thread-self` names this thread's id). Elsewhere, or when refused, nothing
 * changes: a report at normal priority is only slower for submissions, never wrong.
 */
function lowerThreadPriority(niceness: number): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, niceness);
  } catch {
    // Not Linux, or not permitted: the report runs at the process's priority.
  }
}
