// Limits failed sign-in attempts per client, counted in memory only (no address is ever stored).
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { rateLimiter } from 'hono-rate-limiter';
import { AppError } from '../../errors.ts';

export interface SignInRateLimitOptions {
  /** Failed attempts allowed per client and window. */
  attempts: number;
  /** The window, in ms (default 15 minutes). */
  windowMs?: number;
  /**
   * A header a trusted reverse proxy sets to the client's address (e.g. `x-real-ip`); unset,
   * the TCP peer is the client. Never trust it without such a proxy in front.
   */
  clientAddressHeader?: string | undefined;
}

/** The client's address; requests built in-process (`app.request`) without one share a key. */
function clientAddress(c: Context, header: string | undefined): string {
  if (header !== undefined) return c.req.header(header)?.split(',')[0]?.trim() || 'unknown';
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

/**
 * hono-rate-limiter with its in-memory store, keyed by the client's address: after
 * `attempts` failed sign-ins in a window the client gets `TOO_MANY_REQUESTS` (429, with
 * `Retry-After`) until the window ends. Successful sign-ins do not count. The counters live
 * in this process's memory for one window and are never written anywhere; each server
 * process counts on its own, which bounds guessing well enough for 256-bit keys.
 *
 * @example
 * app.post('/session', signInRateLimit({ attempts: 10 }), handler);
 */
export function signInRateLimit({
  attempts,
  windowMs = 15 * 60_000,
  clientAddressHeader,
}: SignInRateLimitOptions) {
  return rateLimiter({
    windowMs,
    limit: attempts,
    standardHeaders: 'draft-7',
    skipSuccessfulRequests: true,
    keyGenerator: (c) => clientAddress(c, clientAddressHeader),
    handler: () => {
      throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later.');
    },
  });
}
