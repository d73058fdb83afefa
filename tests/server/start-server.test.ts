// Tests the assembled server over real HTTP: demo seeding, submissions through the network, restarts, refusal to start.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultEdgeConfig, type Config } from '../../server/config.ts';
import { demoAnswerGenerator } from '../../server/services/seed/demo-answers.ts';
import { startServer } from '../../server/start-server.ts';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire.ts';
import { netralitasAsn } from '../../surveys/netralitas-asn.ts';
import { netralitasAsnV2 } from '../../surveys/netralitas-asn-v2.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { storedResponses } from '../helpers/stored-responses.ts';

// The demo studies use the newest version of the questionnaire.
const nextAnswers = demoAnswerGenerator(
  netralitasAsnV2.json,
  compileQuestionnaire(netralitasAsnV2.json),
  'start-server-test',
);

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('startTestServer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('serves the demo studies on a random local port', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/studies`);
    expect((await res.json()).map((s: { id: string }) => s.id)).toEqual([
      'netralitas-asn-2021',
      'netralitas-asn-kode',
      'netralitas-asn-token',
    ]);
  });

  it('commits a submission before answering 201', async () => {
    const id = randomUUID();
    const res = await post(`${server.url}/api/studies/netralitas-asn-2021/responses`, {
      id,
      agency: 'kab-sleman',
      answers: nextAnswers(),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id });
    const rows = await storedResponses(server.db, id);
    expect(rows.map((r) => r.agency_code)).toEqual(['kab-sleman']);
  });

  it('takes a chunked submission and refuses one that grows over the body limit', async () => {
    /** POSTs `text` with no declared length: fetch sends a stream chunked. */
    const postChunked = (text: string) =>
      fetch(`${server.url}/api/studies/netralitas-asn-2021/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Blob([text]).stream(),
        duplex: 'half',
      } as RequestInit);
    const id = randomUUID();
    const small = await postChunked(
      JSON.stringify({ id, agency: 'kab-sleman', answers: nextAnswers() }),
    );
    expect(small.status).toBe(201);
    expect(await small.json()).toEqual({ id });
    const big = await postChunked(
      JSON.stringify({
        id: randomUUID(),
        agency: 'kab-sleman',
        answers: { A1: 'x'.repeat(70 * 1024) },
      }),
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('refuses a body declared over the limit', async () => {
    const res = await post(`${server.url}/api/studies/netralitas-asn-2021/responses`, {
      id: randomUUID(),
      agency: 'kab-sleman',
      answers: { A1: 'x'.repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('hands out demo tokens that work once', async () => {
    const { token, agencyCode } = server.tokens[0]!;
    const url = `${server.url}/api/studies/netralitas-asn-token/responses`;
    const first = await post(url, { id: randomUUID(), token, answers: nextAnswers() });
    expect(first.status).toBe(201);
    const again = await post(url, { id: randomUUID(), token, answers: nextAnswers() });
    expect(again.status).toBe(409);
    expect(agencyCode).toMatch(/^(kab|kota)-/);
  });
});

describe('startServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    database: { dialect: 'sqlite', path: join(dir, 'data', 'netralitas.db') },
    bodyLimitBytes: 65_536,
    materializeIntervalMs: 60_000,
    timeZone: 'Asia/Jakarta',
    clientDir: join(dir, 'no-client'),
    seedDemo: true,
    edge: { ...defaultEdgeConfig, logRequests: false },
    shutdownTimeoutMs: 5000,
    sealBatchSize: 100,
  };
  const start = (definitions = [netralitasAsn]) =>
    startServer({ config, definitions, compile: compileQuestionnaire, demoResponses: 5 });

  it('seeds the demo into a new database only, keeping its data across restarts', async () => {
    const first = await start();
    expect(first.demo).toMatchObject({ responses: 5 });
    await first.close();
    expect(existsSync(config.database.dialect === 'sqlite' ? config.database.path : '')).toBe(true);

    const second = await start();
    try {
      expect(second.demo).toBeUndefined();
      const res = await fetch(`${second.url}/api/agencies/kab-sleman`);
      expect(res.status).toBe(200);
      const rows = await second.db.selectFrom('responses').select('id').execute();
      expect(rows).toHaveLength(5);
    } finally {
      await second.close();
    }
  });

  it('refuses to start when a published questionnaire version was edited', async () => {
    const edited = { ...netralitasAsn, title: { id: 'Diubah', en: 'Changed' } };
    await expect(start([edited])).rejects.toThrow(/differs from the version published/);
  });

  it('reports a port already in use', async () => {
    const running = await start();
    try {
      await expect(
        startServer({
          config: { ...config, port: running.port },
          definitions: [netralitasAsn],
          compile: compileQuestionnaire,
        }),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await running.close();
    }
  });
});
