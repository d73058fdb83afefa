// Limits failed sign-in attempts per client, counted in memory only (no address is ever stored).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { AppError } from '../../errors.ts';

export interface SignInRateLimitOptions {
  /** Failed attempts allowed per client and window. */
  attempts: number;
  /** The window, in ms (default 15 minutes). */
  windowMs?: number;
}

/** The connection's address; requests built in tests (`app.request`) have none. */
function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * hono-rate-limiter with its in-memory store, keyed by the connection's address: after
 * `attempts` failed sign-ins in a window the client gets `TOO_MANY_REQUESTS` (429, with
 * `Retry-After`) until the window ends. Successful sign-ins do not count. The counters live
 * in this process's memory for one window and are never written anywhere; each server
 * process counts on its own, which bounds guessing well enough for 256-bit keys.
 *
 * @example
 * app.post('/session', signInRateLimit({ attempts: 10 }), handler);
 */
export function signInRateLimit({ attempts, windowMs = 15 * 60_000 }: SignInRateLimitOptions) {
  return rateLimiter({
    windowMs,
    limit: attempts,
    standardHeaders: 'draft-7',
    skipSuccessfulRequests: true,
    keyGenerator: clientOf,
    handler: () => {
      throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later.');
    },
  });
}
