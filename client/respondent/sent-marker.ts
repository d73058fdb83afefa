// Remembers, per agency link, that this browser already sent a response, so a second visit asks before starting again.

import type { RespondentLink } from '../routes';

export interface SentMarker {
  /** Whether a response to this link was sent from this browser and not set aside since. */
  isSet(): boolean;
  set(): void;
  /** The next person on a shared PC starts a new response. */
  clear(): void;
}

const keyPrefix = 'netralitas:sent:v1';

/**
 * Only that a response was sent, never which one or when: the marker identifies nothing, and
 * an invitation link needs none (the server refuses a spent invitation itself).
 *
 * @example
 * const sent = createSentMarker(localStorage, link);
 * if (sent.isSet()) showSentBefore();
 */
export function createSentMarker(storage: Storage | undefined, link: RespondentLink): SentMarker {
  const key = link.kind === 'agency' ? `${keyPrefix}:${link.study}:a:${link.agency}` : undefined;
  const attempt = <T>(run: (s: Storage, k: string) => T, fallback: T): T => {
    if (!storage || !key) return fallback;
    try {
      return run(storage, key);
    } catch {
      // Storage refused (privacy mode, full quota): behave as a browser that never sent.
      return fallback;
    }
  };
  return {
    isSet: () => attempt((s, k) => s.getItem(k) === '1', false),
    set: () => attempt((s, k) => s.setItem(k, '1'), undefined),
    clear: () => attempt((s, k) => s.removeItem(k), undefined),
  };
}
