// The service worker: keeps a respondent's page, its code and its questionnaire so a link opened once also works offline.
//
// Built by Vite as `/service-worker.js` (its own entry, no shared chunks). It stores only what
// the server sends to everyone who opens the same link — the page, hashed assets, the study,
// agency and questionnaire — never answers: those stay in the page's draft until sent.

/** The slice of the service-worker global scope used here (lib.webworker clashes with DOM). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as WorkerScope;

/** Bump when what is stored changes meaning; older caches are deleted on activation. */
const cacheName = 'netralitas-offline-v1';

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== cacheName) await caches.delete(name);
      // The page that registered this worker is served by it from now on, not after a reload.
      await worker.clients.claim();
    })(),
  );
});

/**
 * `{ type: 'keep', urls }`: the page lists what it loaded before this worker controlled it
 * (its own address, scripts, styles, API answers), to be stored now.
 */
worker.addEventListener('message', (event) => {
  const urls = keepRequest(event.data);
  if (urls.length > 0) event.waitUntil(keep(urls));
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (url.pathname === '/service-worker.js') return;
  if (url.pathname.startsWith('/assets/')) return event.respondWith(cacheFirst(request));
  if (request.mode === 'navigate') return event.respondWith(networkFirst(request, true));
  if (url.pathname.startsWith('/api/')) return event.respondWith(networkFirst(request, false));
});

function keepRequest(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const { type, urls } = data as { type?: unknown; urls?: unknown };
  if (type !== 'keep' || !Array.isArray(urls)) return [];
  return urls.filter(
    (u): u is string =>
      typeof u === 'string' && new URL(u, worker.location.href).origin === worker.location.origin,
  );
}

async function keep(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(cacheName);
  await Promise.all(
    urls.map(async (url) => {
      if (await cache.match(url)) return;
      try {
        const response = await fetch(url, { credentials: 'omit' });
        if (response.ok || isPage404(url, response)) await cache.put(url, response);
      } catch {
        // Offline already: it is kept the next time it loads.
      }
    }),
  );
}

/** A mistyped link's 404 page is worth keeping too: offline it should still say so. */
function isPage404(url: string, response: Response): boolean {
  return response.status === 404 && !new URL(url).pathname.startsWith('/api/');
}

/** Hashed names never change meaning, so a stored copy is always right. */
async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const stored = await cache.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/**
 * The network's answer when there is one (and it refreshes a stored copy); the stored copy
 * when the device is offline. Pages are stored whenever they load; API answers only once the
 * page asked to keep them, so browsing the landing page stores nothing of the API.
 */
async function networkFirst(request: Request, isPage: boolean): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    const worthKeeping = response.ok || (isPage && response.status === 404);
    if (worthKeeping && (isPage || (await cache.match(request)))) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    // A page opened with another `?lang=` is the same page.
    const stored = await cache.match(request, { ignoreSearch: isPage });
    if (stored) return stored;
    throw error;
  }
}
