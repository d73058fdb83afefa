// The report worker thread's entry: opens its own database connection and answers report jobs off the main event loop.
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

if (parentPort === null) throw new Error('report-worker.ts runs only as a worker thread');
const port = parentPort;
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
