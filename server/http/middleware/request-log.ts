// One structured line per request: method, route pattern, status, duration; nothing about the person.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { LogLine, SubmissionDaySummary } from '../submission-day-summary.ts';

export interface RequestLogOptions {
  write: LogLine;
  /** Counts the submission route instead of logging it (see submission-day-summary.ts). */
  submissions: SubmissionDaySummary;
  /** Today's day in the study calendar, for the submission counts. */
  today: () => string;
  /** The submission route's pattern, as Hono registers it. */
  submissionRoute: string;
}

/**
 * Writes `{ time, method, route, status, ms }` after each request, e.g.
 * `{"time":"2026-11-29T10:00:00.000Z","method":"GET","route":"/api/studies/:study","status":200,"ms":1.4}`.
 * `route` is the pattern that answered (`/api/studies/:study/tokens/:token`), never the path,
 * which can carry an invitation token or a link code; no address, user agent, query, body or
 * header is read. Unmatched requests log the catch-all pattern (`/api/*` or `*`).
 * POSTs to `submissionRoute` are counted per day instead (no per-submission time).
 *
 * @example
 * app.use('*', requestLog({ write: (l) => logger.info(l), submissions, today, submissionRoute }));
 */
export function requestLog({
  write,
  submissions,
  today,
  submissionRoute,
}: RequestLogOptions): MiddlewareHandler {
  const submissionPath = patternRegExp(submissionRoute);
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      // The handler that answered (Hono leaves routeIndex at the last one run). Not the last
      // route matched: the page routes' catch-all matches every path, so that named every
      // request `/*`, and submissions were logged one by one with their time.
      const route = routePath(c) || '*';
      // After an error thrown past onError there is no response yet: it will be a 500.
      const status = c.finalized ? c.res.status : 500;
      // By path, whichever handler answered (a middleware may refuse it first): a submission's
      // time is never logged.
      if (c.req.method === 'POST' && submissionPath.test(c.req.path)) {
        submissions.record(today(), status);
      } else {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        write({ time: new Date().toISOString(), method: c.req.method, route, status, ms });
      }
    }
  };
}

/** `/api/studies/:study/responses` → a RegExp matching the paths of that route pattern. */
function patternRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}
