// The client's only door to the server: `hc<AppType>` calls wrapped into settled, typed results.

import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../server/http/app';

/** The server's one error envelope: `{ error: { code, message, details? } }`. */
export interface ApiError {
  code: string;
  message: string;
  details?: { question: string; problem: string }[];
}

/** A settled call: the parsed body on success, the status and error envelope otherwise. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiError };

const requestInit: RequestInit = {
  // Respondents are anonymous: never send a cookie a researcher's session may have left.
  credentials: 'omit',
  cache: 'no-store',
};

const client = hc<AppType>('/', { init: requestInit });

const studies = client.api.studies;
const agencies = client.api.agencies;

export type StudySummary = InferResponseType<(typeof studies)['$get'], 200>[number];
/** One study as `GET /api/studies/:study` gives it: the summary and the respondent notice. */
export type StudyDetail = InferResponseType<(typeof studies)[':study']['$get'], 200>;
export type StudyNotice = NonNullable<StudyDetail['notice']>;
export type Agency = InferResponseType<(typeof agencies)[':code']['$get'], 200>;
/** An invitation that can still be used, and the agency it was issued for. */
export type TokenStatus = InferResponseType<
  (typeof studies)[':study']['tokens'][':token']['$get'],
  200
>;
/** The agency a coded agency link stands for. */
export type LinkStatus = InferResponseType<
  (typeof studies)[':study']['links'][':code']['$get'],
  200
>;
/** SurveyJS JSON as the server sends it: localized strings, `locale` set. */
export type QuestionnaireJson = Record<string, unknown>;

export type ResponseSubmission =
  | { id: string; agency: string; answers: Record<string, unknown> }
  | { id: string; token: string; answers: Record<string, unknown> }
  | { id: string; link: string; answers: Record<string, unknown> };

/** Network failures reject (so callers can retry); HTTP errors resolve as `ok: false`. */
async function settle<T>(request: Promise<Response>): Promise<ApiResult<T>> {
  const res = await request;
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, value: body as T };
  return { ok: false, status: res.status, error: readError(body, res.status) };
}

function readError(body: unknown, status: number): ApiError {
  const error = (body as { error?: Partial<ApiError> } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return { ...error, code: error.code, message: error.message ?? '' };
  }
  // A proxy's HTML error page or an empty body: keep the status, invent nothing else.
  return { code: `HTTP_${status}`, message: `HTTP ${status}` };
}

export const api = {
  listOpenStudies: () => settle<StudySummary[]>(studies.$get()),

  getStudy: (study: string) => settle<StudyDetail>(studies[':study'].$get({ param: { study } })),

  getAgency: (code: string) => settle<Agency>(agencies[':code'].$get({ param: { code } })),

  /** Asked before the questionnaire is shown; it only reads, so it never spends the token. */
  getTokenStatus: (study: string, token: string) =>
    settle<TokenStatus>(
      // `hc` pastes params into the path as they are; a token from a hand-edited link could
      // hold `/` or `?` and ask about some other path.
      studies[':study'].tokens[':token'].$get({
        param: { study: encodeURIComponent(study), token: encodeURIComponent(token) },
      }),
    ),

  /** Asked before the questionnaire is shown: which agency a coded link stands for. */
  getLinkStatus: (study: string, code: string) =>
    settle<LinkStatus>(
      studies[':study'].links[':code'].$get({
        param: { study: encodeURIComponent(study), code: encodeURIComponent(code) },
      }),
    ),

  /** Both languages are in every localized string, so the page switches without refetching. */
  getQuestionnaire: (study: string) =>
    settle<QuestionnaireJson>(studies[':study'].questionnaire.$get({ param: { study } })),

  submitResponse: (study: string, submission: ResponseSubmission) =>
    settle<{ id: string }>(
      studies[':study'].responses.$post(
        { param: { study } },
        // The route parses the body itself (it has no validator to type it), so send it raw.
        {
          headers: { 'content-type': 'application/json' },
          init: { ...requestInit, body: JSON.stringify(submission) },
        },
      ),
    ),
};
