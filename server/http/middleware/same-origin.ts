// Tells whether a request comes from a page of this server itself (the Origin check against cross-site request forgery).
import type { Context } from 'hono';

/**
 * The server's own origin: `publicOrigin` (the `PUBLIC_ORIGIN` variable, needed behind a
 * TLS-terminating proxy) or the origin of the request URL.
 *
 * @example
 * ownOrigin(c, undefined) // 'http://127.0.0.1:3000'
 */
export function ownOrigin(c: Context, publicOrigin: string | undefined): string {
  return publicOrigin ?? new URL(c.req.url).origin;
}

/**
 * Whether a browser sent the request from this server's own pages: its `Origin` equals the
 * server's origin or, when a browser sends no `Origin`, `Sec-Fetch-Site` says `same-origin`.
 * Browsers send `Origin` on every POST, PUT, PATCH and DELETE, so a forged cross-site form or
 * fetch always shows a foreign (or `null`) origin. SameSite=Strict cookies alone are not
 * enough: a sibling subdomain counts as the same site.
 *
 * @example
 * if (!isSameOrigin(c, config.publicOrigin)) throw new AppError('FORBIDDEN', …);
 */
export function isSameOrigin(c: Context, publicOrigin: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === ownOrigin(c, publicOrigin);
  return c.req.header('sec-fetch-site') === 'same-origin';
}

/** Methods that change state and so need the Origin check when a cookie authenticates them. */
export function isUnsafeMethod(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}
