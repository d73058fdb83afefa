// Tests the node server's edge over real sockets: parser refusals in the envelope, timeouts, aborted uploads.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../../server/start-server.ts';
import { compileQuestionnaire } from '../../../server/services/validation/compile-questionnaire.ts';
import { questionnaires } from '../../../surveys/index.ts';

/** Sends raw bytes, returns everything the server wrote before closing (or after `waitMs`). */
function exchange(port: number, chunks: (string | Buffer)[], waitMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, waitMs);
    socket.on('data', (data) => (received += data.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (received) resolve(received);
      else reject(error);
    });
    for (const chunk of chunks) socket.write(chunk);
  });
}

function parseAnswer(raw: string): { status: number; body: { error?: { code: string } } } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: body ? JSON.parse(body) : {} };
}

describe('the node listener', () => {
  const dir = mkdtempSync(join(tmpdir(), 'node-listener-'));
  const logError = vi.fn();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      config: {
        port: 0,
        host: '127.0.0.1',
        database: { dialect: 'sqlite', path: join(dir, 'test.db') },
        shutdownTimeoutMs: 5000,
        sealBatchSize: 100,
        bodyLimitBytes: 64 * 1024,
        materializeIntervalMs: 60_000,
        timeZone: 'Asia/Jakarta',
        clientDir: join(dir, 'no-client'),
        seedDemo: true,
        edge: { requestTimeoutMs: 1500, headersTimeoutMs: 1000, logRequests: false },
      },
      definitions: questionnaires,
      compile: compileQuestionnaire,
      logError,
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const path = '/api/studies/netralitas-asn-2021/responses';

  it.each([
    ['an unknown method', `FOO${'O'.repeat(10)} / HTTP/1.1\r\nHost: x\r\n\r\n`, 400],
    [
      'a non-numeric Content-Length',
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`,
      400,
    ],
    [
      'two different Content-Lengths',
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      400,
    ],
    ['a header line without a colon', `GET / HTTP/1.1\r\nHost: x\r\nbroken\r\n\r\n`, 400],
    [
      'headers over 16 KiB',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
    ['a NUL byte in the request line', `GET /api/\u0000 HTTP/1.1\r\nHost: x\r\n\r\n`, 400],
    [
      'a target that is not a path',
      `OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      400,
    ],
    [
      'an HTTP/1.1 request without Host',
      `GET /api/studies HTTP/1.1\r\nConnection: close\r\n\r\n`,
      400,
    ],
    [
      'a CONNECT (this is not a proxy)',
      `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n`,
      400,
    ],
  ])('answers %s with the JSON envelope, not an empty body', async (_name, request, status) => {
    const answer = parseAnswer(await exchange(server.port, [request]));
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toMatch(/^[A-Z_]+$/);
  });

  it('still answers an HTTP/1.0 health check that sends no Host', async () => {
    const raw = await exchange(server.port, ['GET /healthz HTTP/1.0\r\n\r\n']);
    expect(raw.split(' ')[1]).toBe('200');
  });

  it('drops a request whose headers never finish, with 408 in the envelope', async () => {
    const started = Date.now();
    const raw = await exchange(server.port, [`GET /api/studies HTTP/1.1\r\nHost: x\r\n`], 8000);
    expect(Date.now() - started).toBeLessThan(6000);
    const answer = parseAnswer(raw);
    expect(answer.status).toBe(408);
    expect(answer.body.error?.code).toBe('REQUEST_TIMEOUT');
  });

  it('does not hold a partial body for minutes: 408 in the envelope within the request timeout', async () => {
    const started = Date.now();
    const raw = await exchange(
      server.port,
      [
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":`,
      ],
      10_000,
    );
    expect(Date.now() - started).toBeLessThan(6000);
    const answer = parseAnswer(raw);
    expect(answer.status).toBe(408);
    expect(answer.body.error?.code).toBe('REQUEST_TIMEOUT');
    expect(logError).not.toHaveBeenCalled();
  });

  it.each([
    ['a declared length', 'Content-Length: 5000\r\n\r\n{"id":"'],
    ['a chunked body', 'Transfer-Encoding: chunked\r\n\r\n7\r\n{"id":"\r\n'],
  ])(
    'does not log an upload with %s that the client aborted as an unexpected error',
    async (_name, rest) => {
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write(
            `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${rest}`,
          );
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 200);
        });
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(logError).not.toHaveBeenCalled();
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
    },
  );
});
