// The signed-in pages' door to the server: `hc<AppType>` with the session cookie, settled into typed results.

import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/http/app';
import type { Report } from '../../server/services/reports/report-types';
import type { AgencyResults } from '../../server/services/results/results-types';

/** One reason the server gave: a request field, an answer's question, or a CSV line and column. */
export type Problem =
  | { kind: 'field'; where: string; problem: string }
  | { kind: 'csv'; line: number; column: number | null; columnName?: string; problem: string };

/** The server's error envelope, its details read into `Problem`s. */
export interface WorkspaceError {
  status: number;
  code: string;
  message: string;
  problems: Problem[];
}

/** A settled call: the body on success, the error otherwise. Network failures reject. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: WorkspaceError };

const client = hc<AppType>('/', {
  // The session cookie is SameSite=Strict and httpOnly: same-origin requests carry it.
  init: { credentials: 'same-origin', cache: 'no-store' },
});
const admin = client.api.admin;
const studies = client.api.studies;

export type Role = 'admin' | 'researcher' | 'agency';
export interface SessionInfo {
  role: Role;
  agency: string | null;
}
export type AccessKeyInfo = InferResponseType<(typeof admin)['keys']['$get'], 200>[number];
export type StudyWithWaves = InferResponseType<(typeof admin)['studies']['$get'], 200>[number];
export type PublishedQuestionnaire = InferResponseType<
  (typeof admin)['questionnaires']['$get'],
  200
>[number];
export type OpenStudy = InferResponseType<(typeof studies)['$get'], 200>[number];
export type { AgencyResults, Report };
/** The fieldwork monitor's data as the route sends it: the report plus the open wave's bursts. */
export type FieldworkReport = InferResponseType<
  (typeof studies)[':study']['fieldwork']['$get'],
  200
>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function readProblem(detail: unknown): Problem | undefined {
  if (!isRecord(detail) || typeof detail.problem !== 'string') return undefined;
  if (typeof detail.line === 'number') {
    return {
      kind: 'csv',
      line: detail.line,
      column: typeof detail.column === 'number' ? detail.column : null,
      columnName: typeof detail.columnName === 'string' ? detail.columnName : undefined,
      problem: detail.problem,
    };
  }
  const where = typeof detail.field === 'string' ? detail.field : detail.question;
  return { kind: 'field', where: typeof where === 'string' ? where : '', problem: detail.problem };
}

/** Reads the error envelope; a body that is not one keeps only the status. */
export function readError(body: unknown, status: number): WorkspaceError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error || typeof error.code !== 'string') {
    return { status, code: `HTTP_${status}`, message: `HTTP ${status}`, problems: [] };
  }
  const details = Array.isArray(error.details) ? error.details : [];
  return {
    status,
    code: error.code,
    message: typeof error.message === 'string' ? error.message : '',
    problems: details.map(readProblem).filter((p): p is Problem => p !== undefined),
  };
}

async function settle<T>(request: Promise<Response>, read: 'json' | 'text' = 'json') {
  const res = await request;
  if (res.ok) {
    const value = (read === 'json' ? await res.json().catch(() => null) : await res.text()) as T;
    return { ok: true, value } as Settled<T>;
  }
  const body: unknown = await res.json().catch(() => undefined);
  return { ok: false, error: readError(body, res.status) } as Settled<T>;
}

const textBody = (text: string, type: string) => ({
  headers: { 'content-type': type },
  init: { body: text },
});

/** Query of a results request; `by` as the API spells it (`province,A4*province`). */
export interface ResultsQuery {
  by: string;
  weighting: 'design' | 'raked';
  lang: 'id' | 'en';
  wave?: number;
}

function resultsSearch(query: ResultsQuery) {
  return {
    by: query.by,
    weighting: query.weighting,
    lang: query.lang,
    ...(query.wave === undefined ? {} : { wave: String(query.wave) }),
  };
}

/** The path of a study download, e.g. `researchFile('s', 'results.csv', { by: 'A4' })`. */
export function researchFile(study: string, file: string, search: Record<string, string> = {}) {
  const query = new URLSearchParams(search).toString();
  return `/api/studies/${encodeURIComponent(study)}/${file}${query ? `?${query}` : ''}`;
}

/**
 * The path of the agency's results CSV: the same study and language as the page, so it holds
 * exactly the cells the page shows.
 *
 * @example
 * agencyCsvPath('netralitas-asn-2021', 'en') // '/api/agency/results.csv?study=netralitas-asn-2021&lang=en'
 */
export function agencyCsvPath(study: string, lang: 'id' | 'en'): string {
  return `/api/agency/results.csv?${new URLSearchParams({ study, lang }).toString()}`;
}

export const workspaceApi = {
  session: () => settle<SessionInfo>(client.api.session.$get()),
  signIn: (key: string) => settle<SessionInfo>(client.api.session.$post({ json: { key } })),
  signOut: () => settle<null>(client.api.session.$delete(), 'text'),

  openStudies: () => settle<OpenStudy[]>(studies.$get()),
  /** Every study, open or closed, with its waves (researcher and admin). */
  researchStudies: () => settle<StudyWithWaves[]>(client.api.research.studies.$get()),
  results: (study: string, query: ResultsQuery) =>
    settle<Report>(
      studies[':study'].results.$get({ param: { study }, query: resultsSearch(query) }),
    ),
  fieldwork: (study: string, wave?: number) =>
    settle<FieldworkReport>(
      studies[':study'].fieldwork.$get({
        param: { study },
        query: wave === undefined ? {} : { wave: String(wave) },
      }),
    ),

  /** The signed-in agency's dashboard; without `study`, the latest wave with responses. */
  agencyResults: (study: string | undefined, lang: 'id' | 'en') =>
    settle<AgencyResults>(
      client.api.agency.results.$get({ query: study ? { study, lang } : { lang } }),
    ),

  keys: () => settle<AccessKeyInfo[]>(admin.keys.$get()),
  createKey: (role: Role, agency?: string) =>
    settle<AccessKeyInfo & { key: string }>(
      admin.keys.$post({ json: agency ? { role, agency } : { role } }),
    ),
  revokeKey: (id: number) =>
    settle<AccessKeyInfo>(admin.keys[':id'].revoke.$post({ param: { id: String(id) } })),
  questionnaires: () => settle<PublishedQuestionnaire[]>(admin.questionnaires.$get()),
  /** `json` and `metadata` as parsed from the uploaded files; the server checks both. */
  publishQuestionnaire: (json: Record<string, unknown>, metadata: unknown) =>
    settle<{ id: string; version: number; created: boolean }>(
      admin.questionnaires.$post(
        { json: { json, metadata: metadata as never } },
        // The metadata is the user's file, checked by the server: send it exactly as read.
        textBody(JSON.stringify({ json, metadata }), 'application/json'),
      ),
    ),
  studies: () => settle<StudyWithWaves[]>(admin.studies.$get()),
  createStudy: (body: {
    id: string;
    questionnaire: { id: string; version: number };
    title: { id: string; en: string };
    usesTokens: boolean;
  }) => settle<StudyWithWaves>(admin.studies.$post({ json: body })),
  addWave: (study: string, wave: { name: string; opensOn: string; closesOn: string | null }) =>
    settle<unknown>(admin.studies[':study'].waves.$post({ param: { study }, json: wave })),
  openWave: (study: string, wave: number) =>
    settle<unknown>(
      admin.studies[':study'].waves[':wave'].open.$post({ param: { study, wave: String(wave) } }),
    ),
  closeWave: (study: string, wave: number) =>
    settle<unknown>(
      admin.studies[':study'].waves[':wave'].close.$post({ param: { study, wave: String(wave) } }),
    ),
  uploadFrame: (csv: string, illustrative: boolean) =>
    settle<{ imported: number; removed: string[]; kept: string[] }>(
      admin.frame.$put(
        { query: { illustrative: illustrative ? 'true' : 'false' } },
        textBody(csv, 'text/csv'),
      ),
    ),
  uploadMargins: (study: string, wave: number, csv: string) =>
    settle<unknown>(
      admin.studies[':study'].waves[':wave'].margins.$put(
        { param: { study, wave: String(wave) } },
        textBody(csv, 'text/csv'),
      ),
    ),
  /** The CSV of new invitation links: the only copy, so the caller must offer it at once. */
  issueTokens: (study: string, batches: { agency: string; count: number }[]) =>
    settle<string>(
      admin.studies[':study'].invitations.$post({ param: { study }, json: { batches } }),
      'text',
    ),
};
