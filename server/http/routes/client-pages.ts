// Serves the built browser client: its hashed assets, and its one HTML page for every page path.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Only the server's own scripts, styles, images and API: no inline script, no eval, no
 * framing, no plugins, no `<base>` rewriting links. Inline styles stay allowed because
 * SurveyJS renders its SVG icons and layout with `style` attributes; without them the icons
 * grow unsized over the navigation buttons. `data:` images: the page's empty favicon.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Static files from `clientDir` (Vite's output), and `index.html` for `/` and any other GET
 * whose last segment has no file extension (the client routes `/s/:study/:agency` and
 * `/s/:study/t/:token` itself), sent with `contentSecurityPolicy`. Without a build nothing is
 * mounted and such paths get the JSON 404.
 *
 * @example
 * app.route('/', clientPages('dist/client'));
 */
export function clientPages(clientDir: string) {
  const app = new Hono();
  if (!existsSync(join(clientDir, 'index.html'))) return app;

  app.use('*', async (c, next) => {
    await next();
    if (!c.res.ok) return;
    if (c.req.path.startsWith('/assets/')) {
      // Vite content-hashes asset names, so a name never changes meaning.
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    } else if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      // The page must be revalidated so a new deployment's asset names are picked up.
      c.header('Cache-Control', 'no-cache');
      c.header('Content-Security-Policy', contentSecurityPolicy);
    }
  });
  app.use('*', serveStatic({ root: clientDir }));
  const page = serveStatic({ root: clientDir, path: 'index.html' });
  app.get('*', async (c, next) => {
    const last = c.req.path.split('/').pop() ?? '';
    if (c.req.path.startsWith('/api/') || last.includes('.')) return next();
    return page(c, next);
  });
  return app;
}
