// Security headers on every answer (API, pages, errors), set before the handler runs.
import type { MiddlewareHandler } from 'hono';
import { servedOverHttps } from '../own-origin.ts';

/**
 * What an API answer may do in a browser: nothing. Pages replace it with their own policy
 * (routes/client-pages.ts); both say `frame-ancestors 'none'`, as `X-Frame-Options: DENY` does.
 */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** One year, as HSTS preload lists ask; sent only on answers that travelled over HTTPS. */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

const fixedHeaders: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Content-Security-Policy', apiContentSecurityPolicy],
  // Token links (/s/:study/t/:token) must not leak to other sites.
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['Origin-Agent-Cluster', '?1'],
];

/**
 * Sets the headers before `next()`: a handler's `c.json` then builds its answer with them
 * once (changing a finished answer's headers makes @hono/node-server build it twice), and an
 * error answer from `onError` carries them too. HSTS only when `servedOverHttps`: over plain
 * http a browser ignores it, and on a local test address it would pin localhost to https.
 *
 * @example
 * app.use('*', securityHeaders({ publicOrigin: config.publicOrigin }));
 */
export function securityHeaders({
  publicOrigin,
}: {
  publicOrigin: string | undefined;
}): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of fixedHeaders) c.header(name, value);
    if (servedOverHttps(c, publicOrigin)) {
      c.header('Strict-Transport-Security', strictTransportSecurity);
    }
    await next();
  };
}
