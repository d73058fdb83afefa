// What each kind of respondent link sends and asks: agency code, link code or invitation token.

import {
  api,
  type Agency,
  type ApiResult,
  type ResponseSubmission,
  type StudySummary,
} from '../api-client';
import type { RespondentLink } from '../routes';

/**
 * The submission body for a link: the agency code, the link code or the token, as the link
 * carries it.
 *
 * @example
 * submissionFor({ study: 's', kind: 'link', code: 'Vb2…' }, id, answers) // { id, link: 'Vb2…', answers }
 */
export function submissionFor(
  link: RespondentLink,
  id: string,
  answers: Record<string, unknown>,
): ResponseSubmission {
  if (link.kind === 'agency') return { id, agency: link.agency, answers };
  if (link.kind === 'link') return { id, link: link.code, answers };
  return { id, token: link.token, answers };
}

/**
 * The part of a draft key that tells links of one study apart.
 *
 * @example
 * linkWho({ study: 's', kind: 'agency', agency: 'kab-sleman' }) // 'a:kab-sleman'
 */
export function linkWho(link: RespondentLink): string {
  if (link.kind === 'agency') return `a:${link.agency}`;
  if (link.kind === 'link') return `l:${link.code}`;
  return `t:${link.token}`;
}

/**
 * Whether the link is of the kind the study takes (an agency link to a token study, a plain
 * link to a study with link codes… can never be submitted).
 *
 * @example
 * linkFitsStudy({ study: 's', kind: 'token', token: 'x' }, { usesTokens: true, usesLinkCodes: false })
 * // true
 */
export function linkFitsStudy(
  link: RespondentLink,
  study: Pick<StudySummary, 'usesTokens' | 'usesLinkCodes'>,
): boolean {
  const wanted = study.usesTokens ? 'token' : study.usesLinkCodes ? 'link' : 'agency';
  return link.kind === wanted;
}

/**
 * The agency of a link: asking for it also tells whether an invitation or a link code is
 * known (and the invitation unused), before anything is filled in.
 */
export function agencyOfLink(link: RespondentLink): Promise<ApiResult<Agency>> {
  if (link.kind === 'agency') return api.getAgency(link.agency);
  if (link.kind === 'link') {
    return api
      .getLinkStatus(link.study, link.code)
      .then((r): ApiResult<Agency> => (r.ok ? { ok: true, value: r.value.agency } : r));
  }
  return api
    .getTokenStatus(link.study, link.token)
    .then((r): ApiResult<Agency> => (r.ok ? { ok: true, value: r.value.agency } : r));
}
