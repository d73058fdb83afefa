// Tells whether a cookie-authenticated request comes from this server's own pages (the guard against cross-site request forgery).
import type { Context } from 'hono';
import { ownOrigin } from '../own-origin.ts';

/**
 * Whether a browser sent the request from this server's own pages: its `Origin` equals the
 * server's origin or, when a browser sends no `Origin`, `Sec-Fetch-Site` says `same-origin`.
 * Unlike a check for foreign origins, this asks for positive evidence, because the session
 * cookie is only ever sent by browsers: a cookie-carrying request with neither header is not
 * trusted to change anything. SameSite=Strict alone is not enough: a sibling subdomain counts
 * as the same site.
 *
 * @example
 * if (!cameFromOwnPage(c, publicOrigin)) throw new AppError('FORBIDDEN', …);
 */
export function cameFromOwnPage(c: Context, publicOrigin: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === ownOrigin(c, publicOrigin);
  return c.req.header('sec-fetch-site') === 'same-origin';
}

/**
 * Methods that change state and so need the origin check when a cookie authenticates them.
 *
 * @example
 * isUnsafeMethod('DELETE') // true
 */
export function isUnsafeMethod(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}
