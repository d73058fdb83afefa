// Starts a respondent link's API requests as soon as the entry script runs, before the survey code has arrived.

import {
  api,
  type Agency,
  type ApiResult,
  type QuestionnaireJson,
  type StudyDetail,
} from '../api-client';
import type { RespondentLink } from '../routes';
import { agencyOfLink } from './link-access';

/** What the respondent page needs from the server before it can show anything but "loading". */
export interface LinkData {
  study: Promise<ApiResult<StudyDetail>>;
  /** The agency of the link (agency code, link code, or invitation, which also says whether it is unused). */
  agency: Promise<ApiResult<Agency>>;
  questionnaire: Promise<ApiResult<QuestionnaireJson>>;
}

let early: { link: RespondentLink; data: LinkData } | undefined;

function request(link: RespondentLink): LinkData {
  const agency = agencyOfLink(link);
  const data = {
    study: api.getStudy(link.study),
    agency,
    questionnaire: api.getQuestionnaire(link.study),
  };
  // Failures are read where the promises are awaited; until then they are not "unhandled".
  for (const p of Object.values(data)) p.catch(() => undefined);
  return data;
}

/**
 * Called by the entry script for a respondent path: on a slow link the three requests then
 * travel while the survey renderer (the largest download) is still arriving.
 *
 * @example
 * if (route.page === 'respondent') prefetchLinkData(route.link);
 */
export function prefetchLinkData(link: RespondentLink): void {
  early = { link, data: request(link) };
}

/**
 * The prefetched requests for this link, once; later calls (a retry after a failed load)
 * ask the server again.
 *
 * @example
 * const { study, agency, questionnaire } = takeLinkData(link);
 */
export function takeLinkData(link: RespondentLink): LinkData {
  const taken = early;
  early = undefined;
  if (taken && sameLink(taken.link, link)) return taken.data;
  return request(link);
}

function sameLink(a: RespondentLink, b: RespondentLink): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
