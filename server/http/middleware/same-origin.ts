// Refuses state-changing requests that a browser sent on behalf of another site.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';
import { ownOrigin } from '../own-origin.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * For every method but GET, HEAD and OPTIONS: an `Origin` header other than the server's own
 * (`ownOrigin`; `null`, sent by sandboxed frames and some redirects, is foreign too) or, when
 * no `Origin` is sent, `Sec-Fetch-Site` other than `same-origin` or `none`, is refused with
 * `403 FORBIDDEN_ORIGIN` before the body is read. A request with neither header is not from
 * a browser page (curl, scripts, the bench) and is judged on its content alone: cross-site
 * forgery needs a visitor's browser, and browsers send `Origin` on every cross-origin POST.
 *
 * @example
 * app.use('/api/*', sameOrigin({ publicOrigin: undefined }));
 */
export function sameOrigin({
  publicOrigin,
}: {
  publicOrigin: string | undefined;
}): MiddlewareHandler {
  return async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      const foreign =
        origin !== undefined
          ? origin !== ownOrigin(c, publicOrigin)
          : fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
      if (foreign) {
        throw new AppError('FORBIDDEN_ORIGIN', 'Requests from other sites are not accepted.');
      }
    }
    await next();
  };
}
