// Decides, from the path alone and a lookup or two, which client page a GET shows and whether it exists.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { findAgency } from '../../storage/repositories/agencies.ts';
import { findInvitationToken } from '../../storage/repositories/invitation-tokens.ts';
import { findStudy } from '../../storage/repositories/studies.ts';

/** What the server knows about a page path before any JavaScript runs. */
export type PageForPath =
  | { page: 'landing' }
  /** A link that can be opened: the agency named in the header (absent if unknown yet). */
  | { page: 'respondent'; agencyName: string | undefined }
  | { page: 'not-found' };

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
 * `/` is the landing page; `/s/:study/:agency` and `/s/:study/t/:token` are respondent pages
 * when the study exists, the link is of the kind the study takes, and the agency or invitation
 * is known; anything else is `not-found` (the server answers it with 404 and the problem page,
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
  if (parts[0] !== 's' || parts.some((p) => p === '')) return { page: 'not-found' };
  const [, studyId = '', second = '', third] = parts;
  const isAgencyLink = parts.length === 3;
  const isTokenLink = parts.length === 4 && second === 't';
  if (!isAgencyLink && !isTokenLink) return { page: 'not-found' };
  const study = await findStudy(db, studyId);
  if (!study || study.usesTokens !== isTokenLink) return { page: 'not-found' };
  const agencyCode = isTokenLink
    ? (await findInvitationToken(db, studyId, third ?? ''))?.agencyCode
    : second;
  const agency = agencyCode === undefined ? undefined : await findAgency(db, agencyCode);
  return agency ? { page: 'respondent', agencyName: agency.name } : { page: 'not-found' };
}
