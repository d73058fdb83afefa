// Tests that every path value is checked at the edge and that input a database refuses is a 4xx in the envelope, never a 5xx, on both dialects.
import { Hono } from 'hono';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../../server/http/error-handler.ts';
import { databaseErrorKind } from '../../../server/storage/db/database-errors.ts';
import { createTestApp } from '../../helpers/test-app.ts';
import { seededRandom } from '../../helpers/answer-set-generator.ts';
import { testDialects, useTestDatabase } from '../../helpers/test-databases.ts';
import { validTestAnswers } from '../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../helpers/test-studies.ts';

/** Segments no identifier can be: each kind an attacker or a broken link produces. */
const fixedBad = [
  'kab-sleman%00',
  '%00',
  'kab%00sleman',
  'X%00',
  'kab-sleman%0A',
  'kab-sleman%20',
  'KAB-SLEMAN',
  'kab_sleman',
  'kab--sleman',
  '-kab',
  'kab-',
  '%E2%80%AEkab',
  '%F0%9F%98%80',
  '%ED%A0%80',
  '%C3%28',
  '%FF%FE',
  "kab'%20or%201=1--",
  'kab%22',
  '..%2F..%2Fetc',
  'a'.repeat(101),
  '9'.repeat(40),
];

/** Random strings over bytes that include every control character and non-ASCII. */
function randomBad(count: number): string[] {
  const random = seededRandom(9);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random.next() * 30);
    let segment = 'kab-';
    for (let j = 0; j < length; j++) {
      const byte = Math.floor(random.next() * 256);
      segment += `%${byte.toString(16).padStart(2, '0').toUpperCase()}`;
    }
    // A segment that happens to be a valid slug is not bad input.
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(decodeURIComponentSafe(segment) ?? '')) continue;
    out.push(segment);
  }
  return out;
}

function decodeURIComponentSafe(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

describe.each(testDialects())('edge validation on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  let app: ReturnType<typeof createTestApp>['app'];
  let logError: ReturnType<typeof createTestApp>['logError'];

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    ({ app, logError } = createTestApp(t.db, studies.questionnaires));
  });

  const bad = [...fixedBad, ...randomBad(60)];
  const token = () => studies.tokens[19]!;
  const requests = (segment: string): [string, RequestInit?][] => [
    [`/api/agencies/${segment}`],
    [`/api/studies/${segment}`],
    [`/api/studies/${segment}/questionnaire`],
    [`/api/studies/${segment}/tokens/${token()}`],
    [`/api/studies/token-study/tokens/${segment}`],
    [
      `/api/studies/${segment}/responses`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: crypto.randomUUID(),
          agency: 'kab-sleman',
          answers: validTestAnswers,
        }),
      },
    ],
  ];

  it('answers every malformed path value with a 4xx envelope and never queries with it', async () => {
    let checked = 0;
    for (const segment of bad) {
      for (const [path, init] of requests(segment)) {
        const res = await app.request(path, init);
        const body = (await res.json()) as { error?: { code?: string; message?: string } };
        expect(res.status, `${init?.method ?? 'GET'} ${path}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${init?.method ?? 'GET'} ${path}`).toBeLessThan(500);
        expect(typeof body.error?.code).toBe('string');
        expect(typeof body.error?.message).toBe('string');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(400);
    expect(logError).not.toHaveBeenCalled();
    const stored = await t.db.selectFrom('pending_responses').select('client_id').execute();
    expect(stored).toEqual([]);
  });

  it('refuses a NUL byte anywhere in the address at the edge, and answers a malformed code like an unknown one', async () => {
    // No page ever sends a NUL byte: the edge refuses it before any route (400).
    for (const path of ['/api/agencies/kab-sleman%00', '/api/studies/X%00/questionnaire']) {
      const res = await app.request(path);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    }
    // A code of the wrong shape is answered like an unknown one, with the reason.
    const agency = await app.request('/api/agencies/Kab_Sleman');
    expect(agency.status).toBe(404);
    expect(await agency.json()).toEqual({
      error: {
        code: 'AGENCY_NOT_FOUND',
        message: 'There is no such agency.',
        details: [
          {
            field: 'code',
            problem: 'lower-case letters and digits in hyphen-separated words',
          },
        ],
      },
    });
    const study = await app.request('/api/studies/X.Y/questionnaire');
    expect(study.status).toBe(404);
    expect(await study.json()).toMatchObject({ error: { code: 'STUDY_NOT_FOUND' } });
    // Valid identifiers still work.
    expect((await app.request('/api/agencies/kab-sleman')).status).toBe(200);
    expect((await app.request('/api/studies/open-study')).status).toBe(200);
    expect((await app.request(`/api/studies/token-study/tokens/${token()}`)).status).toBe(200);
  });

  it('maps a value the database itself refuses to 400 in the envelope, not 500', async () => {
    const logged: unknown[] = [];
    const probe = new Hono()
      .get('/nul', async () => {
        // The query the edge now prevents: text with a NUL byte (PostgreSQL: 22021).
        await sql`select cast(${'kab\u0000'} as text) = 'x' as hit`.execute(t.db);
        await sql`select cast(${'not a number'} as integer) + 0 as n`.execute(t.db);
        // SQLite accepts both; make it refuse something as well.
        throw Object.assign(new Error('string or blob too big'), { code: 'SQLITE_TOOBIG' });
      })
      .onError(errorHandler((message, error) => logged.push([message, error])));
    const res = await probe.request('/nul');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    expect(logged).toEqual([]);
  });
});

describe('databaseErrorKind', () => {
  const withCode = (code: string) => Object.assign(new Error(code), { code });

  it('calls every PostgreSQL data exception (class 22) and SQLite value refusal invalid input', () => {
    for (const code of ['22021', '22P02', '22003', '22001', '22007', '22008', 'SQLITE_TOOBIG']) {
      expect(databaseErrorKind(withCode(code))).toBe('invalid-input');
    }
  });

  it('calls timeouts and lock waits busy, and leaves every other error alone', () => {
    expect(databaseErrorKind(withCode('57014'))).toBe('busy');
    expect(databaseErrorKind(withCode('SQLITE_BUSY'))).toBe('busy');
    for (const error of [withCode('23505'), withCode('42P01'), new Error('x'), 'text', null]) {
      expect(databaseErrorKind(error)).toBeUndefined();
    }
  });
});
