// Tests the submission retry loop: what it retries, what it gives back at once, and stopping.
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../client/api-client';
import { sendWithRetry } from '../../../client/respondent/send-with-retry';

type Outcome = ApiResult<{ id: string }> | Error;

/** A send function that plays the given outcomes in order and counts its calls. */
function scripted(outcomes: Outcome[]) {
  const calls = { count: 0 };
  const send = async (): Promise<ApiResult<{ id: string }>> => {
    const next = outcomes[calls.count++];
    if (!next) throw new Error('called more often than scripted');
    if (next instanceof Error) throw next;
    return next;
  };
  return { send, calls };
}

const stored: ApiResult<{ id: string }> = { ok: true, value: { id: 'r1' } };
const failure = (status: number, code: string): ApiResult<{ id: string }> => ({
  ok: false,
  status,
  error: { code, message: code },
});
const noWait = async (): Promise<void> => {};

describe('sendWithRetry', () => {
  it('retries network failures and server errors until the server stores the response', async () => {
    const { send, calls } = scripted([
      new TypeError('Failed to fetch'),
      failure(503, 'INTERNAL'),
      failure(429, 'RATE_LIMITED'),
      stored,
    ]);
    const reasons: string[] = [];
    const result = await sendWithRetry(send, {
      wait: noWait,
      onRetry: ({ reason }) => reasons.push(reason),
    });
    expect(result).toEqual(stored);
    expect(calls.count).toBe(4);
    expect(reasons).toEqual(['Failed to fetch', 'HTTP 503', 'HTTP 429']);
  });

  it('returns a definite refusal at once instead of repeating it', async () => {
    for (const refusal of [
      failure(422, 'INVALID_RESPONSE'),
      failure(409, 'WAVE_CLOSED'),
      failure(404, 'AGENCY_NOT_FOUND'),
    ]) {
      const { send, calls } = scripted([refusal]);
      expect(await sendWithRetry(send, { wait: noWait })).toEqual(refusal);
      expect(calls.count).toBe(1);
    }
  });

  it('waits longer after each failure, repeating the last delay', async () => {
    const { send } = scripted([...Array<Outcome>(4).fill(new TypeError('offline')), stored]);
    const waits: number[] = [];
    await sendWithRetry(send, {
      delaysMs: [10, 20, 40],
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([10, 20, 40, 40]);
  });

  it('stops when the page is left, even during a wait', async () => {
    const controller = new AbortController();
    const { send, calls } = scripted([new TypeError('offline'), stored]);
    const pending = sendWithRetry(send, {
      signal: controller.signal,
      delaysMs: [60_000],
      onRetry: () => controller.abort(new Error('left the page')),
    });
    await expect(pending).rejects.toThrow('left the page');
    expect(calls.count).toBe(1);
  });
});
