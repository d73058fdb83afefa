// Refuses request bodies over a size limit, judging declared lengths from the header alone.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';

export interface BodyLimitOptions {
  /** Largest accepted body in bytes. */
  maxSize: number;
  /** Called for a body over the limit; throw (or return a response) to refuse it. */
  onError: (c: Context) => Response | Promise<Response>;
}

/**
 * A body limit that answers from `Content-Length` when the request declares one, and counts
 * the bytes of a chunked body with Hono's `bodyLimit` otherwise. Hono's middleware reads
 * `c.req.raw.body` even when the header decides, which on @hono/node-server builds a full
 * web `Request` and stream around the socket: more work than the rest of a small JSON
 * request. Trusting the header is safe because Node's HTTP parser ends a body at its
 * declared length, and it is what Hono's middleware does too.
 *
 * @example
 * app.post('/responses', bodyLimit({ maxSize: 64 * 1024, onError: () => { throw … } }), handler);
 */
export function bodyLimit({ maxSize, onError }: BodyLimitOptions): MiddlewareHandler {
  const streaming = streamingBodyLimit({ maxSize, onError });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (
      declared === undefined ||
      !/^\d+$/.test(declared) ||
      c.req.header('transfer-encoding') !== undefined
    ) {
      return streaming(c, next);
    }
    if (Number(declared) > maxSize) return onError(c);
    await next();
  };
}
