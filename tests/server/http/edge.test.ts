// Tests the HTTP edge in process: JSON-only submissions, same-origin refusal, rate limit, headers, bounded errors, log, health.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/http/app.ts';
import { maxErrorDetails, maxErrorText } from '../../../server/http/bounded-error-body.ts';
import { submissionDaySummary } from '../../../server/http/submission-day-summary.ts';
import { submissionBursts } from '../../../server/services/monitoring/submission-bursts.ts';
import { testNow } from '../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../helpers/test-databases.ts';
import { validTestAnswers } from '../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../helpers/test-studies.ts';

const [sqlite] = testDialects();

describe('the HTTP edge', () => {
  const t = useTestDatabase(sqlite!);
  let studies: TestStudies;
  const lines: Record<string, unknown>[] = [];
  const bursts = submissionBursts(() => testNow.getTime());
  const summary = submissionDaySummary((line) => lines.push(line));
  const appWith = (edge: Record<string, unknown> = {}, clientDir = '/none') =>
    createApp({
      db: t.db,
      questionnaires: studies.questionnaires,
      config: { bodyLimitBytes: 64 * 1024, timeZone: 'Asia/Jakarta', clientDir, edge },
      logError: () => {
        throw new Error('no unexpected error is expected here');
      },
      now: () => testNow,
      bursts,
      requestLog: { write: (line) => lines.push(line), submissions: summary },
    });
  let app: ReturnType<typeof appWith>;

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    app = appWith();
  });

  const submission = () => ({ id: randomUUID(), agency: 'kab-sleman', answers: validTestAnswers });
  /** What @hono/node-server hands the app: the request's socket, here a client's address. */
  const fromAddress = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
  const post = (
    body: string,
    headers: Record<string, string>,
    target = app,
    env: object = fromAddress('10.0.0.1'),
  ) =>
    target.request(
      'http://survei.test/api/studies/open-study/responses',
      { method: 'POST', headers, body },
      env,
    );
  const countResponses = async () =>
    Number(
      (
        await t.db
          .selectFrom('responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a submission not sent as application/json with 415, whatever the body holds', async () => {
    const before = await countResponses();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'application/json; charset=latin1',
    ]) {
      const res = await post(JSON.stringify(submission()), { 'content-type': type });
      expect(res.status, type).toBe(415);
      expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const none = await post(JSON.stringify(submission()), {});
    expect(none.status).toBe(415);
    expect(await countResponses()).toBe(before);
    const ok = await post(JSON.stringify(submission()), {
      'content-type': 'Application/JSON; charset=UTF-8',
    });
    expect(ok.status).toBe(201);
  });

  it('refuses state changes from another origin (Origin or Sec-Fetch-Site) with 403 and accepts its own', async () => {
    const before = await countResponses();
    const json = { 'content-type': 'application/json' };
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: 'http://survei.test.evil.example' },
      { origin: 'https://survei.test' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await post(JSON.stringify(submission()), { ...json, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe('FORBIDDEN_ORIGIN');
    }
    // text/plain from a foreign page: refused at the origin, before the body or its type.
    const simple = await post('{}', {
      'content-type': 'text/plain',
      origin: 'http://evil.example',
    });
    expect(simple.status).toBe(403);
    expect(await countResponses()).toBe(before);

    for (const headers of <Record<string, string>[]>[
      { origin: 'http://survei.test' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ]) {
      const res = await post(JSON.stringify(submission()), { ...json, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(201);
    }
  });

  it('takes the own origin from PUBLIC_ORIGIN when configured (a TLS-terminating proxy in front)', async () => {
    const behindProxy = appWith({ publicOrigin: 'https://survei.example.go.id' });
    const json = { 'content-type': 'application/json' };
    const own = await post(JSON.stringify(submission()), {
      ...json,
      origin: 'https://survei.example.go.id',
    });
    expect(own.status).toBe(403); // `app` has no PUBLIC_ORIGIN: the request's own origin rules
    const res = await post(
      JSON.stringify(submission()),
      { ...json, origin: 'https://survei.example.go.id' },
      behindProxy,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
  });

  it('puts the security headers on API answers, errors and 404s; HSTS only over HTTPS', async () => {
    const answers = [
      await app.request('http://survei.test/api/studies'),
      await app.request('http://survei.test/api/studies/nope'),
      await app.request('http://survei.test/no/such/path'),
      await post('not json', { 'content-type': 'application/json' }),
      await app.request('http://survei.test/healthz'),
    ];
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const overTls = await app.request('https://survei.test/api/studies');
    expect(overTls.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('limits submissions per client and minute with 429 and Retry-After, counting in memory', async () => {
    const limited = appWith({ submitRateLimitPerMinute: 3 });
    const json = { 'content-type': 'application/json' };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await post(JSON.stringify(submission()), json, limited);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const body = await last!.json();
    expect(body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused before the body is read: an invalid body still gets 429, not 400.
    expect((await post('not json', json, limited)).status).toBe(429);
    // Another address has its own count.
    const other = await post(JSON.stringify(submission()), json, limited, fromAddress('10.0.0.2'));
    expect(other.status).toBe(201);
  });

  it('caps the problems an invalid submission gets back, and says how many were left out', async () => {
    const answers: Record<string, string> = {};
    // About 60 KB of unknown keys with long names: once answered with about 27× its size.
    for (let i = 0; i < 800; i++) answers[`unknown_${i}_${'x'.repeat(50)}`] = 'y'.repeat(5);
    const body = JSON.stringify({ id: randomUUID(), agency: 'kab-sleman', answers });
    const res = await post(body, { 'content-type': 'application/json' });
    expect(res.status).toBe(422);
    const text = await res.text();
    const error = JSON.parse(text).error;
    expect(error.details).toHaveLength(maxErrorDetails);
    expect(error.omittedDetails).toBeGreaterThan(700);
    for (const detail of error.details) {
      for (const value of Object.values(detail)) {
        expect(String(value).length).toBeLessThanOrEqual(maxErrorText);
      }
    }
    expect(text.length).toBeLessThan(body.length);
  });

  it('cuts a long path value echoed in a message', async () => {
    const res = await app.request(`http://survei.test/api/agencies/${'a'.repeat(5000)}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message.length).toBeLessThanOrEqual(maxErrorText);
  });

  it('refuses a NUL byte anywhere in the address before any route or query sees it', async () => {
    for (const path of [
      '/api/agencies/kab-sleman%00',
      '/api/studies/open-study%00/questionnaire',
      '/api/studies/open-study/questionnaire?lang=id%00',
      '/healthz?x=%00',
    ]) {
      const res = await app.request(`http://survei.test${path}`);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.code).toBe('INVALID_REQUEST');
    }
  });

  it('answers GET /healthz with 200 when the database answers', async () => {
    const res = await app.request('http://survei.test/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('logs route patterns, never paths, and no submission one by one; counts them per day untimed', async () => {
    summary.flush();
    lines.length = 0;
    const token = studies.tokens[0]!;
    await app.request(`http://survei.test/api/studies/token-study/tokens/${token}`);
    await app.request('http://survei.test/api/agencies/kab-sleman');
    await post(JSON.stringify(submission()), { 'content-type': 'application/json' });
    await post('{', { 'content-type': 'application/json' });
    expect(lines).toEqual([
      expect.objectContaining({
        method: 'GET',
        route: '/api/studies/:study/tokens/:token',
        status: 200,
      }),
      expect.objectContaining({ method: 'GET', route: '/api/agencies/:code', status: 200 }),
    ]);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain('kab-sleman');
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['method', 'ms', 'route', 'status', 'time']);
    }
    lines.length = 0;
    summary.flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      msg: 'submissions',
      day: '2021-09-16',
      byStatus: { 201: 1, 400: 1 },
    });
    expect(lines[0]).not.toHaveProperty('time');
  });

  it('logs the route that answered and no submission one by one when the page routes are served too', async () => {
    // The built client, as production serves it: its catch-all page route matches every path.
    const withPages = appWith({}, join(import.meta.dirname, '../../../dist/client'));
    summary.flush();
    lines.length = 0;
    await withPages.request('http://survei.test/api/agencies/kab-sleman');
    await post(JSON.stringify(submission()), { 'content-type': 'application/json' }, withPages);
    await post('{', { 'content-type': 'application/json' }, withPages);
    await post(JSON.stringify(submission()), { 'content-type': 'text/plain' }, withPages);
    await withPages.request('http://survei.test/s/open-study/kab-sleman');
    expect(lines.map((line) => `${String(line.method)} ${String(line.route)}`)).toEqual([
      'GET /api/agencies/:code',
      'GET /*',
    ]);
    lines.length = 0;
    summary.flush();
    expect(lines).toEqual([
      { msg: 'submissions', day: '2021-09-16', byStatus: { 201: 1, 400: 1, 415: 1 } },
    ]);
  });

  it('counts stored submissions per agency in the current hour for the burst monitor', () => {
    const window = bursts.windows('open-study').find((w) => w.agencyCode === 'kab-sleman');
    expect(window).toMatchObject({ hoursAgo: 0 });
    expect(window!.submissions).toBeGreaterThan(5);
    expect(bursts.windows('another-study')).toEqual([]);
  });
});
