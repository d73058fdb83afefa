// Builds the HTTP app: the JSON API under /api, the built client elsewhere, one error mapping for all.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps.ts';
import { AppError } from '../errors.ts';
import { errorHandler } from './error-handler.ts';
import { agencyRoutes } from './routes/agencies.ts';
import { clientPages } from './routes/client-pages.ts';
import { invitationTokenRoutes } from './routes/invitation-tokens.ts';
import { authenticate, requireRole } from './middleware/auth.ts';
import { every } from 'hono/combine';
import { researchRoutes } from './routes/research.ts';
import { responseRoutes } from './routes/responses.ts';
import { sessionRoutes } from './routes/session.ts';
import { adminRoutes } from './routes/admin.ts';
import { newSecret } from '../services/auth/secrets.ts';
import { studyRoutes } from './routes/studies.ts';
import { databaseMarginSource } from '../services/reports/raking-margins.ts';
import { createReportService } from '../services/reports/report-service.ts';
import { createResultsService } from '../services/results/results-service.ts';
import { agencyResultsRoutes } from './routes/agency-results.ts';
import { publicResultsRoutes } from './routes/public-results.ts';

export type { AppDeps } from './app-deps.ts';

/**
 * Creates the app. Routes are chained so `AppType` carries their types to the client's `hc`.
 * No request logging: paths can carry invitation tokens, and addresses and user agents are
 * never recorded.
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
      margins: databaseMarginSource(deps.db),
    });
  // Research routes share /api/studies with public ones, so the guard goes on each route.
  const researchers = every(
    authenticate({
      db: deps.db,
      sessionSecret: deps.sessionSecret,
      now: deps.now ?? (() => new Date()),
      publicOrigin: deps.config.edge?.publicOrigin,
    }),
    requireRole('researcher', 'admin'),
  );
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
    // Two headers are all JSON answers need; the full set goes on pages (below). Set before
    // the handler runs: changing a finished response's headers makes Node build it twice.
    .use('/api/*', async (c, next) => {
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      await next();
    })
    .route('/api/studies', studyRoutes(deps))
    .route('/api/studies', responseRoutes(deps))
    .route('/api/studies', invitationTokenRoutes(deps))
    .route('/api/studies', researchRoutes(deps, reports, researchers))
    .route('/api/agencies', agencyRoutes(deps))
    .route('/api/session', sessionRoutes(deps))
    .route('/api/admin', adminRoutes(deps))
    .route('/api/agency', agencyResultsRoutes(results, agencies))
    .route('/api/public', publicResultsRoutes(results));

  // no-referrer: token links (/s/:study/t/:token) must not leak to other sites.
  app.use('*', secureHeaders({ referrerPolicy: 'no-referrer', crossOriginEmbedderPolicy: false }));
  app.route('/', clientPages(deps.config.clientDir));
  app.notFound(() => {
    throw new AppError('NOT_FOUND', 'Not found.');
  });
  app.onError(errorHandler(deps.logError ?? console.error));
  return app;
}

/** The app's route types, for the client's `hc<AppType>`. */
export type AppType = ReturnType<typeof createApp>;
