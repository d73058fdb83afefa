// The work a report worker does: one function per job kind, the same in a worker thread and inline.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { resultsCsv } from '../exports/results-csv.ts';
import type { AgencyContrast } from '../../../analysis/index.ts';
import { agencyContrasts } from './agency-contrasts.ts';
import { buildReport } from './build-report.ts';
import { cellWeights, type CellWeights } from './cell-weights.ts';
import { loadFieldwork } from './fieldwork.ts';
import { loadReportInput } from './load-report-input.ts';
import type { FieldworkReport, MarginShares, Report, ReportRequest } from './report-types.ts';

/** A job for the report worker. Reads only: catching up the counts happens on the main thread. */
export type ReportJob =
  | { kind: 'report'; studyId: string; request: ReportRequest }
  /** The report serialised in the worker (JSON or CSV text): the main thread only sends it. */
  | { kind: 'report-text'; studyId: string; request: ReportRequest; format: 'json' | 'csv' }
  | { kind: 'fieldwork'; studyId: string; waveId: number }
  | { kind: 'cell-weights'; studyId: string; waveId: number; margins: readonly MarginShares[] }
  | { kind: 'agency-contrasts'; studyId: string; waveId: number; agencyCode: string };

/** What each job kind answers. */
export interface ReportJobResults {
  report: Report;
  'report-text': string;
  fieldwork: FieldworkReport;
  'cell-weights': CellWeights;
  'agency-contrasts': AgencyContrast[];
}

/**
 * Runs one job against `db`: reads what it needs and computes the answer.
 *
 * @example
 * const report = await runReportJob(db, { kind: 'report', studyId, request });
 */
export async function runReportJob<J extends ReportJob>(
  db: Kysely<Database>,
  job: J,
): Promise<ReportJobResults[J['kind']]> {
  type Result = ReportJobResults[J['kind']];
  switch (job.kind) {
    case 'report': {
      const input = await loadReportInput(db, job.studyId, job.request.waveId);
      return buildReport(input, job.request) as Result;
    }
    case 'report-text': {
      const report = buildReport(
        await loadReportInput(db, job.studyId, job.request.waveId),
        job.request,
      );
      return (job.format === 'json' ? JSON.stringify(report) : resultsCsv(report)) as Result;
    }
    case 'fieldwork':
      return (await loadFieldwork(db, job.studyId, job.waveId)) as Result;
    case 'cell-weights': {
      const input = await loadReportInput(db, job.studyId, job.waveId, { respondentsOnly: true });
      return cellWeights(input, job.margins) as Result;
    }
    case 'agency-contrasts': {
      const input = await loadReportInput(db, job.studyId, job.waveId);
      return agencyContrasts(input, job.agencyCode) as Result;
    }
  }
}
