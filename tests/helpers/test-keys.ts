// Issues one key per role for route tests and signs in with them: admin, researcher, and two agencies of the test frame.
import type { Kysely } from 'kysely';
import { createAccessKey } from '../../server/services/auth/access-keys.ts';
import type { Database } from '../../server/storage/db/schema.ts';

/** Clear keys of every signed-in role; agency A is kab-sleman, agency B kota-yogyakarta. */
export interface TestKeys {
  admin: string;
  researcher: string;
  agencyA: string;
  agencyB: string;
}

/** The agencies behind `agencyA` and `agencyB` (both in the test frame). */
export const agencyA = 'kab-sleman';
export const agencyB = 'kota-yogyakarta';

/**
 * Creates the four keys; the test frame must be imported first (agency keys need agencies).
 *
 * @example
 * const keys = await issueTestKeys(db);
 * await app.request('/api/session', { headers: bearer(keys.admin) });
 */
export async function issueTestKeys(db: Kysely<Database>): Promise<TestKeys> {
  const key = async (role: 'admin' | 'researcher' | 'agency', agencyCode?: string) =>
    (await createAccessKey(db, { role, agencyCode: agencyCode ?? null, today: '2021-09-01' })).key;
  return {
    admin: await key('admin'),
    researcher: await key('researcher'),
    agencyA: await key('agency', agencyA),
    agencyB: await key('agency', agencyB),
  };
}

/**
 * The Authorization header of an API client holding `key`.
 *
 * @example
 * await app.request('/api/admin/keys', { headers: bearer(keys.admin) });
 */
export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

type RequestApp = {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
};

/** The origin `app.request` gives requests (`http://localhost`), sent as browsers would. */
export const testOrigin = 'http://localhost';

/**
 * Signs in with `key` through `POST /api/session` and returns the `Cookie` header a browser
 * would send afterwards (with a same-origin `Origin`, as a browser adds to unsafe methods).
 * Throws when sign-in fails.
 *
 * @example
 * const headers = await signIn(app, keys.researcher);
 * await app.request('/api/session', { headers });
 */
export async function signIn(
  app: RequestApp,
  key: string,
): Promise<{ cookie: string; origin: string }> {
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: testOrigin },
    body: JSON.stringify({ key }),
  });
  if (res.status !== 200) throw new Error(`Sign-in failed with ${res.status}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('Sign-in set no cookie');
  return { cookie, origin: testOrigin };
}
