// Runs the hostile corpus against the real app over real sockets on every dialect: 4xx envelopes only, nothing stored, healthy after.
import type { ServerType } from '@hono/node-server';
import { sql } from 'kysely';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../../server/http/app.ts';
import { listen } from '../../../../server/http/node-listener.ts';
import { issueLinkCodesForOpenWave } from '../../../../server/services/links/link-codes.ts';
import { dialectOf } from '../../../../server/storage/db/dialect.ts';
import { testNow } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { createLinkCodeStudy, setUpTestStudies } from '../../../helpers/test-studies.ts';
import { hostileCorpus, rawHostileRequests, type HostileRequest } from './hostile-corpus.ts';

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function send(port: number, r: HostileRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: r.method,
        path: r.path,
        headers: { ...r.headers, ...(r.body ? { 'content-length': r.body.length } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

function sendRaw(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d.toString('utf8')));
    socket.on('close', () => resolve(received));
    socket.on('error', (error) => (received ? resolve(received) : reject(error)));
    socket.setTimeout(5000, () => socket.destroy());
    socket.write(raw, 'latin1');
  });
}

/** The problem with an answer, or undefined when it is a 4xx JSON envelope. */
function problemOf(answer: Answer): string | undefined {
  if (answer.status < 400 || answer.status > 499) return `status ${answer.status}`;
  if (!answer.contentType.startsWith('application/json')) return `type ${answer.contentType}`;
  try {
    const code = (JSON.parse(answer.body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? undefined : 'no error code';
  } catch {
    return `not JSON: ${answer.body.slice(0, 80)}`;
  }
}

describe.each(testDialects())('the hostile corpus on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  const logError = vi.fn();
  let server: ServerType;
  let port: number;
  let corpus: HostileRequest[];

  /** Rows of every table of this database, and the spent tokens (an update, not an insert). */
  const snapshot = async () => {
    const schema =
      dialectOf(t.db) === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s
        : undefined;
    const tables = (await t.db.introspection.getTables()).filter(
      (table) => schema === undefined || table.schema === schema,
    );
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
        table.name,
      )}`.execute(t.db);
      counts[table.name] = Number(rows[0]!.n);
    }
    const used = await t.db.selectFrom('invitation_tokens').select('used').execute();
    counts['invitation_tokens used'] = used.filter((r) => Boolean(r.used)).length;
    return counts;
  };

  beforeAll(async () => {
    const studies = await setUpTestStudies(t.db);
    await createLinkCodeStudy(t.db, 'code-study');
    await createLinkCodeStudy(t.db, 'other-code-study');
    const [link] = await issueLinkCodesForOpenWave(t.db, 'code-study', ['kab-sleman']);
    const [other] = await issueLinkCodesForOpenWave(t.db, 'other-code-study', ['kab-sleman']);
    const app = createApp({
      db: t.db,
      questionnaires: studies.questionnaires,
      config: {
        bodyLimitBytes: 64 * 1024,
        timeZone: 'Asia/Jakarta',
        clientDir: '/nonexistent',
        // The rate limit would answer most of the corpus with 429 and hide what lies behind it.
        edge: { submitRateLimitPerMinute: 1_000_000 },
      },
      logError,
      now: () => testNow,
    });
    corpus = hostileCorpus(app.routes, {
      token: studies.tokens[0]!,
      linkCode: link!.code,
      otherStudyLinkCode: other!.code,
      answers: validTestAnswers,
    });
    server = await listen(app.fetch, {
      port: 0,
      host: '127.0.0.1',
      edge: { requestTimeoutMs: 5000, headersTimeoutMs: 5000 },
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  it('holds at least 500 requests and covers every registered route', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
  });

  it('answers every request with a 4xx envelope, never a 5xx, stores nothing and stays healthy', async () => {
    const before = await snapshot();
    const problems: string[] = [];
    const batch = 8;
    for (let i = 0; i < corpus.length; i += batch) {
      const slice = corpus.slice(i, i + batch);
      const answers = await Promise.all(slice.map((r) => send(port, r)));
      answers.forEach((answer, j) => {
        const request = slice[j]!;
        // Signing out holds nothing and clears the cookie whatever the request carried.
        const signOut = request.method === 'DELETE' && request.path === '/api/session';
        const problem = signOut && answer.status === 204 ? undefined : problemOf(answer);
        if (problem)
          problems.push(
            `${slice[j]!.kind} (${slice[j]!.method} ${slice[j]!.path.slice(0, 80)}): ${problem}`,
          );
      });
    }
    for (const [name, raw] of rawHostileRequests) {
      const text = await sendRaw(port, raw);
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const status = Number(head.split(' ')[1]);
      const problem = problemOf({
        status,
        contentType: /content-type: application\/json/i.test(head) ? 'application/json' : head,
        body,
      });
      if (problem) problems.push(`raw ${name}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(logError).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
    const health = await send(port, {
      kind: 'health',
      method: 'GET',
      path: '/healthz',
      headers: {},
    });
    expect(health.status).toBe(200);
  });
});
