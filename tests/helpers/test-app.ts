// Builds the real HTTP app over a test database, with a pinned clock and a captured error log.
import type { Kysely } from 'kysely';
import { vi } from 'vitest';
import { createApp, type AppDeps } from '../../server/http/app.ts';
import type { Database } from '../../server/storage/db/schema.ts';
import type { QuestionnaireRegistry } from '../../server/services/questionnaires/questionnaire-registry.ts';

/** 20:00 UTC on 15 September 2021 is already the 16th in Jakarta (UTC+7). */
export const testNow = new Date('2021-09-15T20:00:00Z');

/** A fixed cookie secret, so several test apps on one database read each other's cookies. */
export const testSessionSecret = 'test-session-secret-of-at-least-32-characters';

/**
 * `createApp` with a 64 KiB body limit, Jakarta days, no client build, a fixed cookie secret
 * and a spy as error log; `overrides` replace any of those.
 *
 * @example
 * const { app, logError } = createTestApp(db, questionnaires);
 * const res = await app.request('/api/studies');
 */
export function createTestApp(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  overrides: Partial<AppDeps> = {},
) {
  const logError = vi.fn();
  const app = createApp({
    db,
    questionnaires,
    config: { bodyLimitBytes: 64 * 1024, timeZone: 'Asia/Jakarta', clientDir: '/nonexistent' },
    logError,
    now: () => testNow,
    sessionSecret: testSessionSecret,
    ...overrides,
  });
  return { app, logError };
}

/**
 * POSTs a JSON body (or a raw string) and returns the status and parsed body.
 *
 * @example
 * const { status, body } = await postJson(app, '/api/studies/s/responses', { id, agency, answers });
 */
export async function postJson(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
