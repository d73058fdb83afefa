// What a request's headers say about the page that sent it, and the one refusal for requests that did not come from this site.
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import { ownOrigin } from '../own-origin.ts';

/**
 * `own`: sent by this server's pages (`Origin` equals the server's origin or, without
 * `Origin`, `Sec-Fetch-Site: same-origin`). `foreign`: sent by a browser from another site
 * (another `Origin`, `null` included, or `Sec-Fetch-Site` `cross-site` / `same-site`).
 * `unknown`: neither header says (curl, scripts, a typed address: `Sec-Fetch-Site: none`).
 */
export type RequestOrigin = 'own' | 'foreign' | 'unknown';

/**
 * Reads `Origin`, then `Sec-Fetch-Site`. `publicOrigin` is `PUBLIC_ORIGIN` behind a proxy.
 *
 * @example
 * requestOrigin(c, undefined) // 'foreign' for Origin: https://evil.example
 */
export function requestOrigin(c: Context, publicOrigin: string | undefined): RequestOrigin {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === ownOrigin(c, publicOrigin) ? 'own' : 'foreign';
  const site = c.req.header('sec-fetch-site');
  if (site === 'same-origin') return 'own';
  return site === undefined || site === 'none' ? 'unknown' : 'foreign';
}

/**
 * Methods that change state and so need an origin check.
 *
 * @example
 * isUnsafeMethod('DELETE') // true
 */
export function isUnsafeMethod(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/**
 * The one refusal for a request whose origin is not good enough: `403 FORBIDDEN_ORIGIN`,
 * whether the edge saw a foreign site or a signed-in change came without proof of this site.
 */
export function forbiddenOrigin(): AppError {
  return new AppError('FORBIDDEN_ORIGIN', 'Requests from other sites are not accepted.');
}
