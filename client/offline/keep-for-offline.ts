// Registers the service worker and hands it what this page loaded, so the same link opens again without a connection.

/** A same-origin GET the page made that is worth keeping (no submissions, no other sites). */
function keepable(url: string): boolean {
  const parsed = new URL(url, window.location.href);
  return parsed.origin === window.location.origin && !parsed.pathname.endsWith('/responses');
}

/**
 * Registers `/service-worker.js` (client/offline/service-worker.ts) and, once it is active,
 * asks it to store this page's address and everything it has loaded so far: the first visit's
 * requests happened before the worker existed, so it could not see them. Does nothing where
 * service workers are unavailable (plain http other than localhost, old browsers); the page
 * then works online only, as before.
 *
 * @example
 * keepForOffline(); // after the questionnaire has loaded
 */
export function keepForOffline(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register('/service-worker.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const loaded = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter(keepable);
      registration.active?.postMessage({
        type: 'keep',
        urls: [window.location.href, ...new Set(loaded)],
      });
    })
    .catch(() => {
      // Registration refused (private mode, policy): online use is unaffected.
    });
}
