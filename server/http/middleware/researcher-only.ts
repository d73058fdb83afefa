// The guard of the researcher route group: the caller is resolved from key or session, and only researchers and administrators pass.
import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { AppDeps } from '../app-deps.ts';
import { authenticate, requireRole } from './auth.ts';

/**
 * `authenticate` then `requireRole('researcher', 'admin')`, as one middleware the research
 * routes put first: 401 for anonymous callers and wrong keys, 403 for agency keys. Declared
 * per route (not with `use('*')`) because the group shares `/api/studies` with the
 * respondents' public routes.
 *
 * @example
 * new Hono().get('/:study/results', researcherOnly(deps), handler);
 */
export function researcherOnly(deps: AppDeps & { sessionSecret: string }): MiddlewareHandler {
  const { db, sessionSecret, config, now = () => new Date() } = deps;
  return every(
    authenticate({ db, sessionSecret, now, publicOrigin: config.edge?.publicOrigin }),
    requireRole('researcher', 'admin'),
  );
}
