// Limits how many submissions one client address may send per minute, counted in memory only.
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../errors.ts';

export interface SubmissionRateLimitOptions {
  /** Submissions one client may send per minute (a fixed one-minute window). */
  perMinute: number;
  /**
   * A header a trusted reverse proxy sets to the client's address (e.g. `x-real-ip`); unset,
   * the TCP peer address is the client. Never trust it without such a proxy in front.
   */
  clientAddressHeader?: string | undefined;
}

/**
 * hono-rate-limiter's in-memory store, keyed by client address. The address lives in the
 * store's map for at most two windows and is never written to the database or the log; a
 * server restart forgets every count. Over the limit: `429 TOO_MANY_REQUESTS` with
 * `Retry-After`, and the request is not read further. A request with no address at all (an
 * in-process `app.request`, which no network client can make) is not counted.
 *
 * @example
 * app.post('/:study/responses', submissionRateLimit({ perMinute: 120 }), handler);
 */
export function submissionRateLimit({
  perMinute,
  clientAddressHeader,
}: SubmissionRateLimitOptions): MiddlewareHandler {
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => clientAddress(c, clientAddressHeader) ?? '',
    // In-process requests (`app.request` in tests and tools) come from no network client.
    skip: (c) => clientAddress(c, clientAddressHeader) === undefined,
    handler: () => {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        'Too many submissions from this network; wait a minute and send again.',
      );
    },
  });
}

function clientAddress(c: Context, header: string | undefined): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming === undefined) return undefined;
  // Behind the trusted proxy, a request without its header still counts, under one key.
  if (header !== undefined) return c.req.header(header)?.split(',')[0]?.trim() || 'no-header';
  return incoming.socket.remoteAddress ?? 'no-address';
}
