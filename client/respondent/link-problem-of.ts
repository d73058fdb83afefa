// Decides which explanation page a refused request deserves, from the server's error code.

import type { ApiError } from '../api-client';
import type { LinkProblem } from './messages';

const problemOfCode: Record<string, LinkProblem> = {
  STUDY_NOT_FOUND: 'unknown-link',
  AGENCY_NOT_FOUND: 'unknown-link',
  TOKEN_NOT_FOUND: 'unknown-link',
  NOT_FOUND: 'unknown-link',
  WAVE_CLOSED: 'closed',
  TOKEN_USED: 'token-used',
};

/**
 * Unknown study, agency or token → the unknown-link page; a closed wave or a spent invitation
 * → their own pages; anything else is a refusal the respondent cannot fix by themselves.
 *
 * @example
 * linkProblemOf(409, { code: 'TOKEN_USED', message: '' }) // 'token-used'
 */
export function linkProblemOf(status: number, error: ApiError): LinkProblem {
  return problemOfCode[error.code] ?? (status === 404 ? 'unknown-link' : 'send-refused');
}

/**
 * The same for a request made while loading the page: nothing has been sent yet, so a refusal
 * the respondent cannot fix is a page that failed to load (with a retry), not a refused send.
 *
 * @example
 * loadProblemOf(500, { code: 'INTERNAL', message: '' }) // 'load-failed'
 */
export function loadProblemOf(status: number, error: ApiError): LinkProblem {
  const problem = linkProblemOf(status, error);
  return problem === 'send-refused' ? 'load-failed' : problem;
}
