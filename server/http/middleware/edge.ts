// The middleware every request passes first: security headers, same-origin check, request log.
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { calendarDay } from '../../services/submissions/calendar-day.ts';
import { refuseNul } from './refuse-nul.ts';
import { requestLog } from './request-log.ts';
import { sameOrigin } from './same-origin.ts';
import { securityHeaders } from './security-headers.ts';

/** The submission route's pattern; its answers are counted per day, not logged one by one. */
export const submissionRoute = '/api/studies/:study/responses';

/**
 * The app-wide edge, in order: the request log when `deps.requestLog` is given, headers on
 * every answer (so errors and API answers carry them too), refusal of cross-site state
 * changes, refusal of NUL bytes in the address. Route-specific limits (JSON only, rate limit, body size) sit on their routes.
 *
 * @example
 * app.use('*', ...edgeMiddleware(deps));
 */
export function edgeMiddleware(deps: AppDeps): MiddlewareHandler[] {
  const publicOrigin = deps.config.edge?.publicOrigin;
  const handlers = [securityHeaders({ publicOrigin }), sameOrigin({ publicOrigin }), refuseNul()];
  if (deps.requestLog) {
    const dayOf = calendarDay(deps.config.timeZone);
    const now = deps.now ?? (() => new Date());
    handlers.unshift(
      requestLog({ ...deps.requestLog, today: () => dayOf(now()), submissionRoute }),
    );
  }
  return handlers;
}
