// The few words the server writes into a page before its JavaScript arrives, in Indonesian and English.

/** The interface languages; the page's own list is `client/lang.ts`. */
export const shellLanguages = ['id', 'en'] as const;
export type ShellLang = (typeof shellLanguages)[number];

export interface ShellText {
  projectName: string;
  agencyLine: (name: string) => string;
  /** While the page's code loads: the landing page's list, or a link's questionnaire. */
  loading: string;
  loadingQuestionnaire: string;
  unknownLinkTitle: string;
  unknownLinkBody: string;
  /** Shown only when JavaScript is off or failed to load. */
  needsJavaScript: string;
}

/**
 * Kept word for word equal to the client's messages (a test compares them), so the text does
 * not change under the reader's eyes when the page's code takes over.
 */
export const shellText: Record<ShellLang, ShellText> = {
  id: {
    projectName: 'Survei Netralitas ASN',
    agencyLine: (name) => `Instansi: ${name}`,
    loading: 'Memuat…',
    loadingQuestionnaire: 'Memuat kuesioner…',
    unknownLinkTitle: 'Tautan tidak dikenal',
    unknownLinkBody:
      'Tautan ini tidak mengarah ke survei yang ada. Periksa kembali tautan yang Anda terima dari instansi Anda; mungkin ada huruf yang salah atau terpotong.',
    needsJavaScript: 'Halaman ini memerlukan JavaScript. Aktifkan JavaScript, lalu muat ulang.',
  },
  en: {
    projectName: 'ASN Neutrality Survey',
    agencyLine: (name) => `Agency: ${name}`,
    loading: 'Loading…',
    loadingQuestionnaire: 'Loading the questionnaire…',
    unknownLinkTitle: 'Unknown link',
    unknownLinkBody:
      'This link does not lead to an existing survey. Check the link you received from your agency; a character may be wrong or missing.',
    needsJavaScript: 'This page needs JavaScript. Turn JavaScript on, then reload.',
  },
};

/** The cookie the page sets when the respondent picks a language (one of two values). */
export const langCookie = 'netralitas-lang';

/**
 * The language to write the shell in: `?lang=` (as the client reads it), then the device's
 * choice from the `netralitas-lang` cookie, then Indonesian.
 *
 * @example
 * shellLang('en', undefined) // 'en'
 * shellLang(undefined, 'en') // 'en'
 * shellLang('xx', undefined) // 'id'
 */
export function shellLang(query: string | undefined, cookie: string | undefined): ShellLang {
  const isLang = (v: string | undefined): v is ShellLang =>
    (shellLanguages as readonly (string | undefined)[]).includes(v);
  if (isLang(query)) return query;
  return isLang(cookie) ? cookie : 'id';
}
