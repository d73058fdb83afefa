// Listens with Node's HTTP server, its timeouts set, and answers its own parser's refusals in the JSON envelope.
import { getRequestListener, RequestError, type ServerType } from '@hono/node-server';
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EdgeConfig } from '../config.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import { statusOfError } from './error-handler.ts';

export interface ListenOptions {
  port: number;
  host: string;
  edge: Pick<EdgeConfig, 'requestTimeoutMs' | 'headersTimeoutMs'>;
}

/**
 * Starts Node's HTTP server with @hono/node-server's request listener on `host:port` and
 * resolves once it listens. Node's own limits:
 * a request must arrive whole within `requestTimeoutMs` and its headers within
 * `headersTimeoutMs` (Node's defaults, 300 s and 60 s, let a slow client hold a socket and a
 * half-read body for minutes); Node checks them every second. Requests refused before the
 * app sees them get the envelope instead of an empty answer: Node's parser's
 * (`answerClientError`), the listener's (`answerUnreadableRequest`), `CONNECT`, and an
 * HTTP/1.1 request without Host.
 *
 * @example
 * const server = await listen(app.fetch, { port: 3000, host: '127.0.0.1', edge });
 */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  { port, host, edge }: ListenOptions,
): Promise<ServerType> {
  const server = createServer(
    {
      requestTimeout: edge.requestTimeoutMs,
      headersTimeout: edge.headersTimeoutMs,
      connectionsCheckingInterval: 1000,
      // An HTTP/1.1 request without Host reaches the listener, which refuses it in the
      // envelope (Node's own check answers a bare 400).
      requireHostHeader: false,
    },
    getRequestListener(
      (request, { incoming }) =>
        // HTTP/1.1 requires Host (RFC 9112 §3.2); an HTTP/1.0 health check may omit it.
        incoming.httpVersion === '1.1' && incoming.headers.host === undefined
          ? refusalResponse(new AppError('INVALID_REQUEST', 'An HTTP/1.1 request must send Host.'))
          : fetch(request),
      { hostname: host, errorHandler: answerUnreadableRequest },
    ),
  );
  server.on('clientError', answerClientError);
  server.on('connect', (_request: IncomingMessage, socket: Duplex) =>
    writeRefusal(
      socket,
      new AppError('INVALID_REQUEST', 'CONNECT is not supported: this server is not a proxy.'),
    ),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * What the listener answers when it cannot make a request of what arrived (no Host, a target
 * that is not a path such as `OPTIONS *`, a backslash in the path): `400 INVALID_REQUEST` in the
 * envelope, where @hono/node-server would answer an empty 400. The app catches its own errors,
 * so anything else reaching here is unexpected: `500 INTERNAL`, also in the envelope.
 */
function answerUnreadableRequest(error: unknown): Response {
  return refusalResponse(
    error instanceof RequestError
      ? new AppError('INVALID_REQUEST', `The request cannot be read: ${error.message}.`)
      : new AppError('INTERNAL', 'Something went wrong on the server.'),
  );
}

/** An error's envelope as a response, with the headers every API error carries. */
function refusalResponse(refusal: AppError): Response {
  return Response.json(refusal.toBody(), {
    status: statusOfError(refusal),
    headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** Node's parser error codes and what the client is told. */
function refusalOf(code: string | undefined): AppError | undefined {
  const refusal = (errorCode: ErrorCode, message: string) => new AppError(errorCode, message);
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return refusal('HEADERS_TOO_LARGE', 'The request headers are too large.');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return refusal('REQUEST_TIMEOUT', 'The request did not arrive in time.');
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined;
    default:
      // HPE_INVALID_METHOD, HPE_INVALID_CONTENT_LENGTH, HPE_UNEXPECTED_CONTENT_LENGTH, …
      return refusal('INVALID_REQUEST', 'The request is not valid HTTP.');
  }
}

/**
 * Node's `clientError` handler: writes a complete HTTP/1.1 answer with the JSON envelope and
 * closes the connection (Node's default writes a bare status line with no body). Nothing is
 * written when the socket is gone or an answer has already started on it, and nothing is
 * logged: these are the client's faults.
 *
 * @example
 * server.on('clientError', answerClientError);
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const refusal = refusalOf(error.code);
  const alreadyAnswering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })
    ._httpMessage?.headersSent;
  if (refusal === undefined || alreadyAnswering) {
    socket.destroy();
    return;
  }
  writeRefusal(socket, refusal);
}

/** Writes a whole HTTP/1.1 answer with the envelope on a raw socket and closes it. */
function writeRefusal(socket: Duplex, refusal: AppError): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(refusal.toBody());
  const status = statusOfError(refusal);
  socket.end(
    [
      `HTTP/1.1 ${status} ${reasonPhrase[status] ?? 'Error'}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'X-Content-Type-Options: nosniff',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

const reasonPhrase: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};
