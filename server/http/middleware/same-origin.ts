// Refuses state-changing requests that a browser sent on behalf of another site.
import type { MiddlewareHandler } from 'hono';
import { forbiddenOrigin, isUnsafeMethod, requestOrigin } from './request-origin.ts';

/**
 * For every method but GET, HEAD and OPTIONS, a request whose origin is `foreign`
 * (`requestOrigin`) is refused with `403 FORBIDDEN_ORIGIN` before the body is read. A
 * request whose origin is `unknown` is not from a browser page (curl, scripts, the bench) and
 * is judged on its content alone: cross-site forgery needs a visitor's browser, and browsers
 * send `Origin` on every cross-origin POST. Signed-in changes ask for more (`authenticate`).
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
    if (isUnsafeMethod(c.req.method) && requestOrigin(c, publicOrigin) === 'foreign') {
      throw forbiddenOrigin();
    }
    await next();
  };
}
