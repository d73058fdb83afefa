// Tests graceful shutdown: a request in flight when the server is told to stop still completes, and one that never completes is cut off after the grace period.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-server.ts';
import { storedResponses } from '../helpers/stored-responses.ts';

/** Starts a POST whose body is sent in two halves; resolves the status once answered. */
function slowPost(url: string, body: string) {
  const req = request(`${url}/api/studies/netralitas-asn-2021/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answered = new Promise<number | 'cut off'>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve('cut off'));
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { answered, finish: () => req.end(body.slice(half)) };
}

describe('graceful shutdown', () => {
  it('lets a request in flight run to its answer, then closes the database', async () => {
    const server = await startTestServer({ shutdownTimeoutMs: 10_000 });
    const id = randomUUID();
    const answers = { A1: 'L' };
    const post = slowPost(server.url, JSON.stringify({ id, agency: 'kab-sleman', answers }));
    await new Promise((r) => setTimeout(r, 100));
    const { db } = server;
    const closed = server.close();
    await new Promise((r) => setTimeout(r, 100));
    post.finish();
    // The answers are incomplete for the questionnaire: a 422 proves the request ran to its end.
    expect(await post.answered).toBe(422);
    await closed;
    // The pool is closed only after the request: querying now fails.
    await expect(storedResponses(db)).rejects.toThrow();
  });

  it('cuts off a request still unfinished when the grace period is over', async () => {
    const server = await startTestServer({ shutdownTimeoutMs: 300 });
    const post = slowPost(server.url, JSON.stringify({ id: randomUUID(), agency: 'kab-sleman' }));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await post.answered).toBe('cut off');
  });
});
