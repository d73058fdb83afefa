// The work a report worker does: one function per job kind, the same in a worker thread and inline.
import type { Kysely } from 'kysely';
import { getHeapStatistics } from 'node:v8';
import type { Database } from '../../storage/db/schema.ts';
import { resultsCsv } from '../exports/results-csv.ts';
import type { AgencyContrast } from '../../../analysis/index.ts';
import { agencyContrasts } from './agency-contrasts.ts';
import { buildCellBases, buildCellRows, buildReport } from './build-report.ts';
import type { CellCountsCache } from './cell-counts-cache.ts';
import { cellWeights, type CellWeights } from './cell-weights.ts';
import { loadFieldwork } from './fieldwork.ts';
import { loadReportInput } from './load-report-input.ts';
import type {
  BasesRequest,
  CellBases,
  CellRows,
  CellsRequest,
  FieldworkReport,
  MarginShares,
  Report,
  ReportRequest,
} from './report-types.ts';

/** A job for the report worker. Reads only: catching up the counts happens on the main thread. */
export type ReportJob =
  | { kind: 'report'; studyId: string; request: ReportRequest }
  /** The report serialised in the worker (JSON or CSV text): the main thread only sends it. */
  | { kind: 'report-text'; studyId: string; request: ReportRequest; format: 'json' | 'csv' }
  | { kind: 'fieldwork'; studyId: string; waveId: number }
  | { kind: 'cell-weights'; studyId: string; waveId: number; margins: readonly MarginShares[] }
  | {
      kind: 'agency-contrasts';
      studyId: string;
      waveId: number;
      agencyCode: string;
      /** Prefer the held counts of this version (see `CellsRequest.version`). */
      version?: string;
    }
  /** Bases of every question in every domain of some breakdowns: no estimate. */
  | { kind: 'cell-bases'; studyId: string; request: BasesRequest }
  /** Report rows of some domains only (design weights). */
  | { kind: 'cell-rows'; studyId: string; request: CellsRequest }
  /** The heap of the thread that runs jobs (no database read). */
  | { kind: 'heap-statistics' };

/** What each job kind answers. */
export interface ReportJobResults {
  report: Report;
  'report-text': string;
  fieldwork: FieldworkReport;
  'cell-weights': CellWeights;
  'agency-contrasts': AgencyContrast[];
  'cell-bases': CellBases;
  'cell-rows': CellRows;
  'heap-statistics': WorkerHeapStatistics;
}

/** A report thread's V8 heap, bytes (`v8.getHeapStatistics()`). */
export interface WorkerHeapStatistics {
  /** The most the heap may grow to: the worker's own limit, unless a process flag overrides it. */
  heapSizeLimit: number;
  usedHeapSize: number;
}

/**
 * Runs one job against `db`: reads what it needs and computes the answer. With a `cache`, the
 * wave's cell counts are read again only when they (or the frame) changed.
 *
 * @example
 * const report = await runReportJob(db, { kind: 'report', studyId, request });
 */
export async function runReportJob<J extends ReportJob>(
  db: Kysely<Database>,
  job: J,
  cache?: CellCountsCache,
): Promise<ReportJobResults[J['kind']]> {
  type Result = ReportJobResults[J['kind']];
  if (job.kind === 'heap-statistics') {
    const { heap_size_limit, used_heap_size } = getHeapStatistics();
    return { heapSizeLimit: heap_size_limit, usedHeapSize: used_heap_size } as Result;
  }
  const input = (waveId: number, version?: string) =>
    loadReportInput(db, job.studyId, waveId, { cache, version });
  switch (job.kind) {
    case 'report': {
      return buildReport(await input(job.request.waveId), job.request) as Result;
    }
    case 'report-text': {
      const report = buildReport(await input(job.request.waveId), job.request);
      return (job.format === 'json' ? JSON.stringify(report) : resultsCsv(report)) as Result;
    }
    case 'fieldwork':
      return (await loadFieldwork(db, job.studyId, job.waveId)) as Result;
    case 'cell-weights': {
      const input = await loadReportInput(db, job.studyId, job.waveId, { respondentsOnly: true });
      return cellWeights(input, job.margins) as Result;
    }
    case 'agency-contrasts': {
      return agencyContrasts(await input(job.waveId, job.version), job.agencyCode) as Result;
    }
    case 'cell-bases':
      return buildCellBases(await input(job.request.waveId), job.request) as Result;
    case 'cell-rows':
      return buildCellRows(
        await input(job.request.waveId, job.request.version),
        job.request,
      ) as Result;
  }
}
