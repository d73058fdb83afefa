// Maps a browser path to the page it shows; the one place that knows the client's URL scheme.

/**
 * How a respondent arrived: an agency's shared link (plain, or with the wave's unguessable
 * code in studies that use link codes) or a personal invitation token.
 */
export type RespondentLink =
  | { study: string; kind: 'agency'; agency: string }
  | { study: string; kind: 'link'; code: string }
  | { study: string; kind: 'token'; token: string };

export type Route =
  | { page: 'landing' }
  | { page: 'respondent'; link: RespondentLink }
  | { page: 'not-found' }
  | WorkspaceRoute;

/** The signed-in pages: sign-in, the researcher workspace, administration, the agency dashboard. */
export type WorkspaceRoute =
  { page: 'signin' } | { page: 'research' } | { page: 'admin' } | { page: 'agency' };

/** Paths of the signed-in pages (`/masuk` is the Indonesian name of `/signin`). */
export const workspacePaths: Record<string, WorkspaceRoute> = {
  masuk: { page: 'signin' },
  signin: { page: 'signin' },
  research: { page: 'research' },
  admin: { page: 'admin' },
  agency: { page: 'agency' },
};

const segment = (value: string): string | undefined => {
  try {
    const decoded = decodeURIComponent(value);
    return decoded === '' ? undefined : decoded;
  } catch {
    // A malformed %-escape is an unknown link, not a crash.
    return undefined;
  }
};

/**
 * Parses `/`, `/s/:study/:agency`, `/s/:study/l/:code`, `/s/:study/t/:token` and the signed-in
 * pages `/masuk` (`/signin`), `/research`, `/admin`, `/agency` (a trailing slash is tolerated).
 *
 * @example
 * parseRoute('/s/netralitas-asn-2021/kab-sleman')
 * // { page: 'respondent', link: { study: 'netralitas-asn-2021', kind: 'agency', agency: 'kab-sleman' } }
 */
export function parseRoute(pathname: string): Route {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { page: 'landing' };
  if (parts.length === 1 && Object.hasOwn(workspacePaths, parts[0] as string)) {
    return workspacePaths[parts[0] as string] as WorkspaceRoute;
  }
  if (parts[0] !== 's') return { page: 'not-found' };
  const values = parts.slice(1).map(segment);
  if (values.some((v) => v === undefined)) return { page: 'not-found' };
  const [study, second, third] = values as string[];
  if (values.length === 2 && study && second) {
    return { page: 'respondent', link: { study, kind: 'agency', agency: second } };
  }
  if (values.length === 3 && study && second === 't' && third) {
    return { page: 'respondent', link: { study, kind: 'token', token: third } };
  }
  if (values.length === 3 && study && second === 'l' && third) {
    return { page: 'respondent', link: { study, kind: 'link', code: third } };
  }
  return { page: 'not-found' };
}

/** The path of an agency link, for the landing page and tests. */
export function agencyLinkPath(study: string, agency: string): string {
  return `/s/${encodeURIComponent(study)}/${encodeURIComponent(agency)}`;
}

/**
 * The path of any respondent link, the inverse of `parseRoute`.
 *
 * @example
 * respondentLinkPath({ study: 's', kind: 'link', code: 'Vb2' }) // '/s/s/l/Vb2'
 */
export function respondentLinkPath(link: RespondentLink): string {
  const study = encodeURIComponent(link.study);
  if (link.kind === 'agency') return agencyLinkPath(link.study, link.agency);
  if (link.kind === 'link') return `/s/${study}/l/${encodeURIComponent(link.code)}`;
  return `/s/${study}/t/${encodeURIComponent(link.token)}`;
}
