// Refuses request bodies that do not declare themselves JSON (text/plain, forms), before reading them.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';

/**
 * Accepts `Content-Type: application/json`, with any parameters but a charset other than
 * UTF-8; anything else (no header, `text/plain`, a form) is refused with
 * `415 UNSUPPORTED_MEDIA_TYPE`. A web page can send `text/plain` and forms to any site without
 * asking first; `application/json` from another origin needs a CORS preflight, which this
 * server never grants, so requiring it closes the "simple request" door as well.
 *
 * @example
 * app.post('/:study/responses', jsonBodyOnly(), handler);
 */
export function jsonBodyOnly(): MiddlewareHandler {
  return async (c, next) => {
    const [type = '', ...parameters] = (c.req.header('content-type') ?? '').split(';');
    const charset = parameters
      .map((p) => p.trim().toLowerCase())
      .find((p) => p.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/"/g, '');
    if (
      type.trim().toLowerCase() !== 'application/json' ||
      (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    ) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the body as JSON with Content-Type: application/json.',
      );
    }
    await next();
  };
}
