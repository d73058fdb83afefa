// The results benchmark's server: the platform's submission and researcher route modules over a kept database, the reports worker, no sign-in.
import { serve } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { errorHandler } from '../server/http/error-handler.ts';
import { researchRoutes } from '../server/http/routes/research.ts';
import { responseRoutes } from '../server/http/routes/responses.ts';
import { startMaterializer } from '../server/services/projection/materializer.ts';
import { loadQuestionnaireRegistry } from '../server/services/questionnaires/questionnaire-registry.ts';
import { staticMarginSource } from '../server/services/reports/raking-margins.ts';
import { createReportService } from '../server/services/reports/report-service.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { createDatabase } from '../server/storage/db/create-database.ts';
import { benchStudyId } from './analysis-setup.ts';

const [path, portArg] = process.argv.slice(2);
if (!path || !portArg) throw new Error('usage: results-server.ts DATABASE_PATH PORT');

/** The benchmark measures work, not sign-in: its server has no guard (it listens on 127.0.0.1 only). */
const benchNoGuard: MiddlewareHandler = async (_c, next) => {
  await next();
};

const database = { dialect: 'sqlite', path } as const;
const db = createDatabase(database);
const questionnaires = await loadQuestionnaireRegistry(db, compileQuestionnaire);
const reports = createReportService({
  db,
  database,
  questionnaires,
  margins: staticMarginSource({
    [benchStudyId]: [{ variable: 'sex', shares: { F: 0.52, M: 0.48 } }],
  }),
});
const deps = {
  db,
  questionnaires,
  config: { bodyLimitBytes: 64 * 1024, timeZone: 'Asia/Jakarta', clientDir: '/nonexistent' },
};
const app = new Hono()
  .route('/api/studies', responseRoutes(deps))
  .route('/api/studies', researchRoutes(deps, reports, benchNoGuard));
app.onError(errorHandler(console.error));
startMaterializer({ db, questionnaires, intervalMs: 5000, onError: console.error });
serve({ fetch: app.fetch, port: Number(portArg), hostname: '127.0.0.1' }, () =>
  console.log('listening'),
);
