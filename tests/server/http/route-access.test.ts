// Every route the app registers, against every caller, gets exactly the access of ARCHITECTURE.md's roles table; a new route must be declared here.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../helpers/test-databases.ts';
import { bearer, issueTestKeys, type TestKeys } from '../../helpers/test-keys.ts';
import { setUpTestStudies, type TestStudies } from '../../helpers/test-studies.ts';

/** Who may call a route (ARCHITECTURE.md, "Roles and access"). */
type Access = 'anyone' | 'signed-in' | 'admin' | 'researcher or admin' | 'agency';

/**
 * The declared access of a route pattern. Unknown patterns are an error, so a route added
 * without deciding who may call it fails this test.
 */
function accessOf(method: string, path: string): Access {
  if (path.startsWith('/api/admin')) return 'admin';
  if (path.startsWith('/api/agency')) return 'agency';
  if (path === '/api/session') return method === 'GET' ? 'signed-in' : 'anyone';
  if (path.startsWith('/api/research/')) return 'researcher or admin';
  if (
    /^\/api\/studies\/:study\/(results(\.csv)?|fieldwork|codebook\.(csv|json)|microdata\.(csv|R|do|sps)|manifest\.json)$/.test(
      path,
    )
  ) {
    return 'researcher or admin';
  }
  const publicPatterns = [
    /^\/api\/studies(\/:study(\/questionnaire|\/responses|\/tokens\/:token|\/links\/:code)?)?$/,
    /^\/api\/agencies(\/:code)?$/,
    /^\/api\/public\/(studies(\/:study\/(headline|ranking))?|violations)$/,
    /^\/healthz$/,
    /^\/(?!api\/)/,
  ];
  if (publicPatterns.some((pattern) => pattern.test(path))) return 'anyone';
  throw new Error(`Undeclared route ${method} ${path}: declare who may call it`);
}

type Caller = 'anonymous' | 'agency A' | 'agency B' | 'researcher' | 'admin';
const callers: Caller[] = ['anonymous', 'agency A', 'agency B', 'researcher', 'admin'];

function allowed(access: Access, caller: Caller): boolean {
  switch (access) {
    case 'anyone':
      return true;
    case 'signed-in':
      return caller !== 'anonymous';
    case 'admin':
      return caller === 'admin';
    case 'researcher or admin':
      return caller === 'researcher' || caller === 'admin';
    case 'agency':
      return caller === 'agency A' || caller === 'agency B';
  }
}

function headersOf(caller: Caller, keys: TestKeys): Record<string, string> {
  switch (caller) {
    case 'anonymous':
      return {};
    case 'agency A':
      return bearer(keys.agencyA);
    case 'agency B':
      return bearer(keys.agencyB);
    case 'researcher':
      return bearer(keys.researcher);
    case 'admin':
      return bearer(keys.admin);
  }
}

/** A concrete path for a pattern: parameters filled with values of the test studies. */
function concrete(path: string, studies: TestStudies): string {
  return path
    .replace(':study', 'open-study')
    .replace(/:wave(Id)?/, String(studies.openWave.id))
    .replace(':id', '999999')
    .replace(':token', 'no-such-token')
    .replace(':code', 'kab-sleman')
    .replace(/:[A-Za-z]+/g, 'x')
    .replace('*', 'x');
}

describe.each(testDialects())('route access on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let keys: TestKeys;
  let studies: TestStudies;
  let app: ReturnType<typeof createTestApp>['app'];

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    keys = await issueTestKeys(t.db);
    app = createTestApp(t.db, studies.questionnaires).app;
  });

  it('declares the access of every registered route', () => {
    const routes = app.routes.filter((r) => r.method !== 'ALL');
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) expect(() => accessOf(route.method, route.path)).not.toThrow();
  });

  it('lets through exactly the callers the roles table allows, on every route', async () => {
    const routes = app.routes.filter(
      (r) => r.method !== 'ALL' && accessOf(r.method, r.path) !== 'anyone',
    );
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const access = accessOf(route.method, route.path);
      for (const caller of callers) {
        const res = await app.request(concrete(route.path, studies), {
          method: route.method,
          headers: { ...headersOf(caller, keys), 'content-type': 'application/json' },
          ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: '{}' }),
        });
        await res.arrayBuffer();
        const expected = allowed(access, caller)
          ? 'not 401/403'
          : caller === 'anonymous'
            ? 401
            : 403;
        const ok =
          expected === 'not 401/403'
            ? res.status !== 401 && res.status !== 403
            : res.status === expected;
        if (!ok) problems.push(`${key} as ${caller}: ${res.status}, expected ${expected}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
