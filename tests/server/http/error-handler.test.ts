// Tests the error mapping: envelopes for AppErrors, a hidden and logged 500 otherwise, quiet answers to aborted requests.
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../server/errors.ts';
import { errorHandler } from '../../../server/http/error-handler.ts';

function appThrowing(error: Error) {
  const logError = vi.fn();
  const app = new Hono().post('/x', async (c) => {
    await c.req.text();
    throw error;
  });
  app.onError(errorHandler(logError));
  return { app, logError };
}

describe('errorHandler', () => {
  it('logs an unexpected error once and hides it behind a generic 500', async () => {
    const { app, logError } = appThrowing(new Error('database on fire'));
    const res = await app.request('/x', { method: 'POST', body: '{}' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'INTERNAL', message: 'Something went wrong on the server.' },
    });
    expect(logError).toHaveBeenCalledTimes(1);
  });

  it('answers a request whose client went away with REQUEST_ABORTED and logs nothing', async () => {
    const { app, logError } = appThrowing(new Error('premature close'));
    const controller = new AbortController();
    controller.abort();
    const res = await app.request('/x', { method: 'POST', body: '{}', signal: controller.signal });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('REQUEST_ABORTED');
    expect(logError).not.toHaveBeenCalled();
  });

  it('answers an AppError with its bounded envelope', async () => {
    const details = Array.from({ length: 80 }, (_, i) => ({
      field: `f${i}`,
      problem: 'p'.repeat(500),
    }));
    const { app } = appThrowing(new AppError('INVALID_REQUEST', 'bad', details));
    const body = await (await app.request('/x', { method: 'POST', body: '{}' })).json();
    expect(body.error.details).toHaveLength(50);
    expect(body.error.omittedDetails).toBe(30);
    expect(body.error.details[0].problem).toHaveLength(200);
  });
});
