// Builds the HTTP app: the JSON API under /api, the built client elsewhere, one error mapping for all.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps.ts';
import { AppError } from '../errors.ts';
import { errorHandler } from './error-handler.ts';
import { agencyRoutes } from './routes/agencies.ts';
import { clientPages } from './routes/client-pages.ts';
import { invitationTokenRoutes } from './routes/invitation-tokens.ts';
import { responseRoutes } from './routes/responses.ts';
import { studyRoutes } from './routes/studies.ts';

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
export function createApp(deps: AppDeps) {
  const app = new Hono()
    // Two headers are all JSON answers need; the full set goes on pages (below). Set before
    // the handler runs: changing a finished response's headers makes Node build it twice.
    .use('/api/*', async (c, next) => {
      c.header('Cache-Control', 'no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      await next();
    })
    // JSON is gzipped for slow links (the questionnaire: 51 kB → 11 kB); the middleware leaves
    // server-sent event streams and bodies under 1 KiB as they are.
    .use('/api/*', compress())
    .route('/api/studies', studyRoutes(deps))
    .route('/api/studies', responseRoutes(deps))
    .route('/api/studies', invitationTokenRoutes(deps))
    .route('/api/agencies', agencyRoutes(deps));

  // no-referrer: token links (/s/:study/t/:token) must not leak to other sites.
  app.use('*', secureHeaders({ referrerPolicy: 'no-referrer', crossOriginEmbedderPolicy: false }));
  app.route('/', clientPages({ clientDir: deps.config.clientDir, db: deps.db }));
  app.notFound(() => {
    throw new AppError('NOT_FOUND', 'Not found.');
  });
  app.onError(errorHandler(deps.logError ?? console.error));
  return app;
}

/** The app's route types, for the client's `hc<AppType>`. */
export type AppType = ReturnType<typeof createApp>;
