// The origin this server answers as: PUBLIC_ORIGIN when configured, else the scheme and Host of the request.
import type { Context } from 'hono';

/**
 * The server's own origin for a request, e.g. `https://survei.example.go.id`. With
 * `publicOrigin` (the `PUBLIC_ORIGIN` setting, needed behind a TLS-terminating proxy, where
 * the request arrives as plain http) that is the answer; otherwise the request URL's origin,
 * which @hono/node-server builds from the `Host` header. A forged `Host` gains nothing: a
 * browser sends the real host of the page it talks to, and a non-browser client is not
 * cross-site request forgery.
 *
 * @example
 * ownOrigin(c, undefined) // 'http://127.0.0.1:3000' for a request to that address
 */
export function ownOrigin(c: Context, publicOrigin: string | undefined): string {
  return publicOrigin ?? new URL(c.req.url).origin;
}

/**
 * Whether the client reached the server over HTTPS: by the configured public origin, or by
 * the request URL itself (the server terminating TLS).
 *
 * @example
 * if (servedOverHttps(c, config.publicOrigin)) c.header('Strict-Transport-Security', '…');
 */
export function servedOverHttps(c: Context, publicOrigin: string | undefined): boolean {
  return ownOrigin(c, publicOrigin).startsWith('https:');
}
