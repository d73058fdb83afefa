// Mounts the researcher routes over a test database with a chosen guard, the real error handler and a worker-backed reports service.
import type { Kysely } from 'kysely';
import { Hono, type MiddlewareHandler } from 'hono';
import type { DatabaseConfig } from '../../server/config.ts';
import { errorHandler } from '../../server/http/error-handler.ts';
import { researchRoutes, researchStudyRoutes } from '../../server/http/routes/research.ts';
import type { QuestionnaireRegistry } from '../../server/services/questionnaires/questionnaire-registry.ts';
import type { SubmissionBursts } from '../../server/services/monitoring/submission-bursts.ts';
import { staticMarginSource } from '../../server/services/reports/raking-margins.ts';
import {
  createReportService,
  type ReportService,
} from '../../server/services/reports/report-service.ts';
import type { MarginShares } from '../../server/services/reports/report-types.ts';
import type { Database } from '../../server/storage/db/schema.ts';
import { testNow } from './test-app.ts';

/** A guard that lets every request through: for testing what the routes answer, not who may ask. */
export const letEveryoneIn: MiddlewareHandler = async (_c, next) => {
  await next();
};

/**
 * The researcher routes under `/api/studies` (and the study list under `/api/research`), with margins by study and a reports worker on
 * the same database; call `reports.close()` after the suite.
 *
 * @example
 * const { app, reports } = researchApp(t.db, t.config, questionnaires, { 'r-fixture': margins });
 */
export function researchApp(
  db: Kysely<Database>,
  database: DatabaseConfig,
  questionnaires: QuestionnaireRegistry,
  margins: Record<string, readonly MarginShares[]> = {},
  guard: MiddlewareHandler = letEveryoneIn,
  bursts?: SubmissionBursts,
): { app: Hono; reports: ReportService } {
  const reports = createReportService({
    db,
    database,
    questionnaires,
    margins: staticMarginSource(margins),
  });
  const deps = {
    db,
    questionnaires,
    config: { bodyLimitBytes: 64 * 1024, timeZone: 'Asia/Jakarta', clientDir: '/nonexistent' },
    now: () => testNow,
    bursts,
  };
  const app = new Hono();
  app.route('/api/studies', researchRoutes(deps, reports, guard));
  app.route('/api/research', researchStudyRoutes(deps, guard));
  app.onError(errorHandler(() => undefined));
  return { app, reports };
}
