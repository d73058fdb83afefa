// Refuses addresses that hold a NUL byte, which PostgreSQL cannot store or compare in text.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';

/**
 * A NUL byte (raw or `%00`) anywhere in the path or query is `400 INVALID_REQUEST` before any
 * route looks at it: no code, slug or token contains one, and PostgreSQL refuses it in a
 * text parameter with an error that would otherwise surface as a 500. Bodies need no such
 * check: answers are stored as JSON text, where a NUL is written `\u0000`, and every field
 * that reaches a query on its own (id, agency, token, link) has a pattern without it.
 *
 * @example
 * app.use('*', refuseNul());
 */
export function refuseNul(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    if (url.includes('\u0000') || /%00/i.test(url)) {
      throw new AppError('INVALID_REQUEST', 'The address holds a NUL byte.');
    }
    await next();
  };
}
