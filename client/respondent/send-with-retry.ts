// Repeats a submission until the server gives a definite answer, for respondents on flaky connections.

import type { ApiResult } from '../api-client';

export interface RetryOptions {
  /**
   * Waits before attempt `attempt + 1`. The page passes one that also ends early when the
   * browser comes back online or the respondent taps "try now".
   */
  wait?: (ms: number) => Promise<void>;
  /** Called before each wait, so the page can say that it is retrying and why. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /** Stops retrying (the page was left); the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Delays between attempts; the last one repeats. */
  delaysMs?: readonly number[];
}

const defaultDelaysMs = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/** Statuses that say "not now" rather than "no": the same request may succeed later. */
const transientStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/**
 * Calls `send` until it settles with a definite result: success or a client error other than
 * 408/429. Network failures and 5xx are retried with growing delays, forever: the server
 * treats a repeated response id as the same submission, so retrying is always safe, and the
 * respondent's answers are kept on the device meanwhile.
 *
 * @example
 * const result = await sendWithRetry(() => api.submitResponse(study, body), {
 *   onRetry: ({ reason }) => setStatus(`retrying: ${reason}`),
 * });
 */
export async function sendWithRetry<T>(
  send: () => Promise<ApiResult<T>>,
  options: RetryOptions = {},
): Promise<ApiResult<T>> {
  const { signal, onRetry } = options;
  const delays = options.delaysMs?.length ? options.delaysMs : defaultDelaysMs;
  const wait = options.wait ?? ((ms: number) => sleep(ms, signal));
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    let reason: string;
    try {
      const result = await send();
      if (result.ok || !transientStatus(result.status)) return result;
      reason = `HTTP ${result.status}`;
    } catch (error) {
      signal?.throwIfAborted();
      reason = error instanceof Error ? error.message : String(error);
    }
    const delayMs = delays[Math.min(attempt - 1, delays.length - 1)] ?? 1_000;
    onRetry?.({ attempt, delayMs, reason });
    await wait(delayMs);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    }
  });
}
