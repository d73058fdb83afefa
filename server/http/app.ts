// Builds the HTTP app: the JSON API under /api, the built client elsewhere, one error mapping for all.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppDeps } from './app-deps.ts';
import { AppError } from '../errors.ts';
import { errorHandler } from './error-handler.ts';
import { edgeMiddleware } from './middleware/edge.ts';
import { healthRoutes } from './routes/health.ts';
import { validPath } from './middleware/valid-path.ts';
import { agencyRoutes } from './routes/agencies.ts';
import { clientPages } from './routes/client-pages.ts';
import { invitationTokenRoutes } from './routes/invitation-tokens.ts';
import { every } from 'hono/combine';
import { authenticate, requireRole } from './middleware/auth.ts';
import { researcherOnly } from './middleware/researcher-only.ts';
import { researchRoutes, researchStudyRoutes } from './routes/research.ts';
import { linkCodeRoutes } from './routes/link-codes.ts';
import { responseRoutes } from './routes/responses.ts';
import { sessionRoutes } from './routes/session.ts';
import { adminRoutes } from './routes/admin.ts';
import { newSecret } from '../services/auth/secrets.ts';
import { studyRoutes } from './routes/studies.ts';
import { waveMarginSource } from '../services/reports/raking-margins.ts';
import { createReportService } from '../services/reports/report-service.ts';
import { createResultsService } from '../services/results/results-service.ts';
import { agencyResultsRoutes } from './routes/agency-results.ts';
import { publicResultsRoutes } from './routes/public-results.ts';

export type { AppDeps } from './app-deps.ts';

/**
 * Creates the app. Routes are chained so `AppType` carries their types to the client's `hc`.
 * Every request first passes the edge (security headers, same-origin check, request log by
 * route pattern: paths can carry invitation tokens, and addresses and user agents are never
 * recorded).
 *
 * @example
 * const app = createApp({ db, config, questionnaires });
 * const res = await app.request('/api/studies');
 */
export function createApp(appDeps: AppDeps) {
  // One secret for every route group of this app, so a cookie set by one is read by all.
  const deps = { ...appDeps, sessionSecret: appDeps.sessionSecret ?? newSecret(32) };
  const reports =
    deps.reports ??
    createReportService({
      db: deps.db,
      questionnaires: deps.questionnaires,
      margins: waveMarginSource(deps.db),
    });
  // Agency results: agency sessions and keys only; the agency comes from the principal.
  const agencies = every(
    authenticate({
      db: deps.db,
      sessionSecret: deps.sessionSecret,
      now: deps.now ?? (() => new Date()),
      publicOrigin: deps.config.edge?.publicOrigin,
    }),
    requireRole('agency'),
  );
  const results = createResultsService(deps.db, reports);
  const app = new Hono()
    .use('*', ...edgeMiddleware(deps))
    // Set before the handler runs: changing a finished response's headers makes Node build it twice.
    .use('/api/*', async (c, next) => {
      c.header('Cache-Control', 'no-store');
      await next();
    })
    // Path parameters are checked once here, for every route under these paths.
    .use('/api/studies/:study', validPath('study'))
    .use('/api/studies/:study/*', validPath('study'))
    .use('/api/studies/:study/tokens/:token', validPath('study', 'token'))
    .use('/api/agencies/:code', validPath('code'))
    // JSON is gzipped for slow links (the questionnaire: 51 kB → 11 kB); the middleware leaves
    // server-sent event streams and bodies under 1 KiB as they are.
    .use('/api/*', compress())
    .route('/api/studies', studyRoutes(deps))
    .route('/api/studies', responseRoutes(deps))
    .route('/api/studies', invitationTokenRoutes(deps))
    .route('/api/studies', linkCodeRoutes(deps))
    .route('/api/studies', researchRoutes(deps, reports, researcherOnly(deps)))
    .route('/api/research', researchStudyRoutes(deps, researcherOnly(deps)))
    .route('/api/agencies', agencyRoutes(deps))
    .route('/api/session', sessionRoutes(deps))
    .route('/api/admin', adminRoutes(deps))
    .route('/api/agency', agencyResultsRoutes(results, agencies))
    .route('/api/public', publicResultsRoutes(results))
    .route('/healthz', healthRoutes(deps));

  app.route('/', clientPages({ clientDir: deps.config.clientDir, db: deps.db }));
  app.notFound(() => {
    throw new AppError('NOT_FOUND', 'Not found.');
  });
  app.onError(errorHandler(deps.logError ?? console.error));
  return app;
}

/** The app's route types, for the client's `hc<AppType>`. */
export type AppType = ReturnType<typeof createApp>;
