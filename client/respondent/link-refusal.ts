// Decides, before the questionnaire is shown, whether a link can take answers at all.

import type { ApiResult, StudySummary } from '../api-client';
import type { RespondentLink } from '../routes';
import { linkFitsStudy } from './link-access';
import { loadProblemOf } from './link-problem-of';
import type { LinkProblem } from './messages';

/**
 * Why `link` cannot take answers, judged from its study and from its agency (for a token link:
 * the invitation's status, which names the agency), or undefined when it can. An unknown study,
 * agency or invitation comes first, then a link of the wrong kind for the study, then a spent
 * invitation, then a closed wave.
 *
 * `resumingSend`: this device holds answers whose sending never finished. A spent invitation
 * or a closed wave then does not refuse the link, because the earlier attempt may have been
 * stored with only its reply lost (and spent the token itself): the retry, with the same
 * response id, gets the server's word on that.
 *
 * @example
 * linkRefusal(link, study, { ok: false, status: 409, error: { code: 'TOKEN_USED', message: '' } }, false)
 * // 'token-used'
 */
export function linkRefusal(
  link: RespondentLink,
  study: ApiResult<StudySummary>,
  agency: ApiResult<unknown>,
  resumingSend: boolean,
): LinkProblem | undefined {
  if (!study.ok) return loadProblemOf(study.status, study.error);
  const agencyProblem = agency.ok ? undefined : loadProblemOf(agency.status, agency.error);
  if (agencyProblem !== undefined && agencyProblem !== 'token-used') return agencyProblem;
  // An agency link to a token study (or the reverse) can never be submitted.
  if (!linkFitsStudy(link, study.value)) return 'unknown-link';
  if (resumingSend) return undefined;
  if (agencyProblem === 'token-used') return agencyProblem;
  if (!study.value.open) return 'closed';
  return undefined;
}
