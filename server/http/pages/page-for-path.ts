// Decides, from the path alone and a lookup or two, which client page a GET shows and whether it exists.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { findAgency } from '../../storage/repositories/agencies.ts';
import { findInvitationToken } from '../../storage/repositories/invitation-tokens.ts';
import { findStudy } from '../../storage/repositories/studies.ts';
import { findWaveLinkCode } from '../../storage/repositories/wave-link-codes.ts';

/** What the server knows about a page path before any JavaScript runs. */
export type PageForPath =
  | { page: 'landing' }
  /** A signed-in page (the client asks for sign-in itself when needed). */
  | { page: 'sign-in' | 'research' | 'admin' | 'agency' }
  /** A link that can be opened: the agency named in the header (absent if unknown yet). */
  | { page: 'respondent'; agencyName: string | undefined }
  | { page: 'not-found' };

/** The signed-in pages of client/routes.ts by their one path segment. */
const workspacePages: Readonly<Record<string, 'sign-in' | 'research' | 'admin' | 'agency'>> = {
  masuk: 'sign-in',
  signin: 'sign-in',
  research: 'research',
  admin: 'admin',
  agency: 'agency',
};

/** The client's URL scheme (client/routes.ts), split into decoded segments. */
function segments(pathname: string): string[] | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  try {
    return parts.map((p) => decodeURIComponent(p));
  } catch {
    return undefined;
  }
}

/**
 * `/` is the landing page; `/masuk` (`/signin`), `/research`, `/admin` and `/agency` the signed-in pages; `/s/:study/:agency`, `/s/:study/l/:code` and `/s/:study/t/:token`
 * are respondent pages when the study exists, the link is of the kind the study takes, and the
 * agency, link code or invitation is known; anything else is `not-found` (the server answers it with 404 and the problem page,
 * so a mistyped link never downloads the survey renderer). A spent invitation or a closed wave
 * is still a respondent page: the page explains those itself.
 *
 * @example
 * await pageForPath(db, '/s/netralitas-asn-2021/kab-sleman') // { page: 'respondent', agencyName: 'Kabupaten Sleman' }
 * await pageForPath(db, '/s/netralitas-asn-2021/kab-salah')  // { page: 'not-found' }
 */
export async function pageForPath(db: Kysely<Database>, pathname: string): Promise<PageForPath> {
  const parts = segments(pathname);
  if (!parts) return { page: 'not-found' };
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { page: 'landing' };
  if (parts.length === 1) {
    const segment = parts[0] ?? '';
    if (Object.hasOwn(workspacePages, segment)) return { page: workspacePages[segment]! };
  }
  if (parts[0] !== 's' || parts.some((p) => p === '')) return { page: 'not-found' };
  const [, studyId = '', second = '', third] = parts;
  const kind =
    parts.length === 3
      ? 'agency'
      : parts.length === 4 && second === 't'
        ? 'token'
        : parts.length === 4 && second === 'l'
          ? 'link'
          : undefined;
  if (kind === undefined) return { page: 'not-found' };
  const study = await findStudy(db, studyId);
  const studyKind = study?.usesTokens ? 'token' : study?.usesLinkCodes ? 'link' : 'agency';
  if (!study || studyKind !== kind) return { page: 'not-found' };
  const agencyCode = await agencyOfPath(db, kind, studyId, second, third ?? '');
  const agency = agencyCode === undefined ? undefined : await findAgency(db, agencyCode);
  return agency ? { page: 'respondent', agencyName: agency.name } : { page: 'not-found' };
}

/** The agency a respondent path names: its code, its invitation's, or its link code's. */
async function agencyOfPath(
  db: Kysely<Database>,
  kind: 'agency' | 'token' | 'link',
  studyId: string,
  second: string,
  third: string,
): Promise<string | undefined> {
  if (kind === 'agency') return second;
  if (kind === 'token') return (await findInvitationToken(db, studyId, third))?.agencyCode;
  const link = await findWaveLinkCode(db, third);
  return link?.studyId === studyId ? link.agencyCode : undefined;
}
