// Serves the built browser client: precompressed hashed assets, and for page paths HTML that shows text before the scripts arrive.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { readClientBuild } from '../pages/client-build.ts';
import { pageForPath } from '../pages/page-for-path.ts';
import { renderShell } from '../pages/render-shell.ts';
import { langCookie, shellLang } from '../pages/shell-text.ts';

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
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Text formats the build also wrote as `.br` and `.gz` (tooling/precompress-plugin.ts). */
const compressibleAsset = /\.(js|mjs|css|html|json|svg|txt|webmanifest)$/;

export interface ClientPagesOptions {
  clientDir: string;
  /** Asked whether a link's study, agency or invitation exists, to answer 404 at once. */
  db: Kysely<Database>;
}

/**
 * Static files from `clientDir` (Vite's output), sent as brotli or gzip when the browser takes
 * it, with `Vary: Accept-Encoding`; hashed `/assets/` cached for a year as immutable, other
 * files and pages revalidated (`no-cache`). Every other GET whose last segment has no file
 * extension gets the page shell (render-shell.ts) in the language of `?lang=` or the
 * `netralitas-lang` cookie, with `contentSecurityPolicy`, and status 404 when the path is no
 * page or names a study, agency or invitation that does not exist. Without a build nothing is
 * mounted and such paths get the JSON 404.
 *
 * @example
 * app.route('/', clientPages({ clientDir: 'dist/client', db }));
 */
export function clientPages({ clientDir, db }: ClientPagesOptions) {
  const app = new Hono();
  const build = readClientBuild(clientDir);
  if (!build) return app;

  app.use('*', async (c, next) => {
    // Vite's manifest is for the server, not for browsers.
    if (c.req.path.startsWith('/.vite/')) return c.notFound();
    await next();
    if (!c.res.ok) return;
    // The page policy, not the API's `default-src 'none'`: a service worker's own fetches
    // obey the policy its script was served with.
    c.header('Content-Security-Policy', contentSecurityPolicy);
    if (compressibleAsset.test(c.req.path)) c.header('Vary', 'Accept-Encoding');
    if (c.req.path.startsWith('/assets/')) {
      // Vite content-hashes asset names, so a name never changes meaning.
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    } else if (!c.res.headers.has('Cache-Control')) {
      // The service worker and any unhashed file: check for a new deployment every time.
      c.header('Cache-Control', 'no-cache');
    }
  });
  const isFile = (path: string): boolean => (path.split('/').pop() ?? '').includes('.');
  // `/api` itself too: an API client that drops the slash gets the JSON 404, not a page.
  const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');
  const files = serveStatic({ root: clientDir, precompressed: true });
  // Only names with an extension are files: `/` must get the shell, not index.html as built.
  app.use('*', (c, next) => (isFile(c.req.path) ? files(c, next) : next()));
  app.get('*', compress(), async (c, next) => {
    if (isApiPath(c.req.path) || isFile(c.req.path)) return next();
    const page = await pageForPath(db, c.req.path);
    const lang = shellLang(c.req.query('lang'), getCookie(c, langCookie));
    // The page must be revalidated so a new deployment's asset names are picked up; it
    // depends on the language cookie.
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Cookie');
    c.header('Content-Security-Policy', contentSecurityPolicy);
    return c.html(renderShell(build, page, lang), page.page === 'not-found' ? 404 : 200);
  });
  return app;
}
