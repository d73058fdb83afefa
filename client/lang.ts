// The interface language: Indonesian by default, English on request, remembered on this device.

export const languages = ['id', 'en'] as const;
export type Lang = (typeof languages)[number];

/** Not identifying: one of two values, shared by every study on the device. */
const storageKey = 'netralitas:lang';
/** The same choice, for the server's first HTML. */
const langCookie = 'netralitas-lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The language to start in: a `?lang=` in the link wins (so an English invitation opens in
 * English), then what this device chose last time, then Indonesian.
 *
 * @example
 * initialLang(new URLSearchParams('lang=en'), localStorage) // 'en'
 */
export function initialLang(search: URLSearchParams, storage: Storage | undefined): Lang {
  const fromLink = search.get('lang');
  if (isLang(fromLink)) return fromLink;
  const saved = safeRead(storage);
  return isLang(saved) ? saved : 'id';
}

/** Remembers the choice and tells assistive technology which language the page is in. */
export function applyLang(lang: Lang, storage: Storage | undefined): void {
  document.documentElement.lang = lang;
  try {
    storage?.setItem(storageKey, lang);
  } catch {
    // Private browsing or a full quota: the choice simply isn't remembered.
  }
  // The server writes the loading text before any script runs, in the language this cookie
  // names (server/http/pages/shell-text.ts). One of two values, sent only to this site.
  document.cookie = `${langCookie}=${lang}; path=/; max-age=31536000; samesite=strict`;
}

function safeRead(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

/** localStorage, or undefined where the browser forbids it (some privacy modes throw on access). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
