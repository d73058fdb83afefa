// Tests two stateless server processes against one PostgreSQL: submissions spread over both, each stored once, the counts exactly those of the stored rows.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateResponses } from '../../server/services/projection/aggregate-responses.ts';
import { materializePending } from '../../server/services/projection/materialize-pending.ts';
import { loadQuestionnaireRegistry } from '../../server/services/questionnaires/questionnaire-registry.ts';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire.ts';
import { createDatabase } from '../../server/storage/db/create-database.ts';
import type { Database } from '../../server/storage/db/schema.ts';
// The demo studies use the newest version of the questionnaire.
import { netralitasAsnV2 as netralitasAsn } from '../../surveys/netralitas-asn-v2.ts';
import {
  generatorQuestions,
  seededRandom,
  validAnswerSet,
} from '../helpers/answer-set-generator.ts';
import { storedResponses } from '../helpers/stored-responses.ts';
import { testPostgresUrl } from '../helpers/test-databases.ts';

const root = resolve(import.meta.dirname, '../..');
const url = testPostgresUrl();
const submissions = 240;

interface ServerProcess {
  child: ChildProcess;
  url: string;
}

/** Starts `server/index.ts` (through tsx) and resolves with its URL once it listens. */
function startProcess(env: Record<string, string>): Promise<ServerProcess> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['server/index.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: '0', CLIENT_DIR: '/nonexistent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening) resolvePromise({ child, url: listening[1]! });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stop({ child }: ServerProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise();
    child.removeAllListeners('exit');
    child.on('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

/** Sums count rows by meaning (profile key, not id): permanent and pending counts together. */
async function projectionTally(db: Kysely<Database>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (key: unknown[], count: number) => {
    const k = JSON.stringify(key);
    out.set(k, (out.get(k) ?? 0) + Number(count));
  };
  const permanent = await db
    .selectFrom('answer_counts')
    .innerJoin('profiles', 'profiles.id', 'answer_counts.profile_id')
    .select(['wave_id', 'agency_code', 'profiles.key', 'variable', 'option', 'count'])
    .execute();
  for (const r of permanent) add([r.wave_id, r.agency_code, r.key, r.variable, r.option], r.count);
  const pending = await db.selectFrom('pending_answer_counts').selectAll().execute();
  for (const r of pending)
    add([r.wave_id, r.agency_code, r.profile_key, r.variable, r.option], r.count);
  const people = await db
    .selectFrom('profile_counts')
    .innerJoin('profiles', 'profiles.id', 'profile_counts.profile_id')
    .select(['wave_id', 'agency_code', 'profiles.key', 'respondents'])
    .execute();
  for (const r of people) add([r.wave_id, r.agency_code, r.key, 'n'], r.respondents);
  const pendingPeople = await db.selectFrom('pending_profile_counts').selectAll().execute();
  for (const r of pendingPeople) add([r.wave_id, r.agency_code, r.profile_key, 'n'], r.respondents);
  for (const [k, v] of out) if (v === 0) out.delete(k);
  return out;
}

describe.runIf(url)('two server processes on one PostgreSQL', () => {
  const schema = `test_two_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  let db: Kysely<Database>;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const processUrl = new URL(url!);
    processUrl.searchParams.set('options', `-c search_path=${schema}`);
    const env = {
      DATABASE_URL: processUrl.toString(),
      // Both count and seal every 100 ms: their runs overlap all the time.
      MATERIALIZE_INTERVAL_MS: '100',
      SEAL_BATCH_SIZE: '20',
      DATABASE_POOL_SIZE: '4',
      // Every submission comes from this one test process: the per-address limit is not under test.
      SUBMIT_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_REQUESTS: 'false',
    };
    // The first migrates and seeds the demo; the second finds both done.
    const first = await startProcess({ ...env, SEED_DEMO: 'true' });
    servers = [first];
    servers.push(await startProcess({ ...env, SEED_DEMO: 'false' }));
    db = createDatabase({ dialect: 'postgres', url: url!, schema });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map(stop));
    await db?.destroy();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('stores every submission once, whichever process took it or its retry, with exact counts', async () => {
    const questions = generatorQuestions(netralitasAsn.json);
    const agencies = ['kab-sleman', 'kota-medan', 'kab-bantul', 'kab-gunungkidul'];
    const ids: string[] = [];
    // The demo seed's responses (and its synthetic wave), already stored before any submission.
    const seeded = (await storedResponses(db)).length;
    const post = async (server: ServerProcess, body: unknown) => {
      const res = await fetch(`${server.url}/api/studies/netralitas-asn-2021/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.status;
    };
    for (let start = 0; start < submissions; start += 12) {
      const round = Array.from({ length: 12 }, async (_, j) => {
        const i = start + j;
        const id = randomUUID();
        ids.push(id);
        const body = {
          id,
          agency: agencies[i % agencies.length],
          answers: validAnswerSet(seededRandom(5000 + i), questions),
        };
        expect(await post(servers[i % 2]!, body)).toBe(201);
        // Every fifth is retried on the other process, as a client whose answer was lost would.
        if (i % 5 === 0) expect(await post(servers[(i + 1) % 2]!, body)).toBe(201);
      });
      await Promise.all(round);
    }
    // Let both processes count and seal whatever they will.
    await new Promise((r) => setTimeout(r, 1500));
    await Promise.all(servers.map(stop));

    const stored = await storedResponses(db);
    const clientIds = stored.map((r) => r.client_id);
    expect(new Set(clientIds).size).toBe(clientIds.length);
    expect(clientIds.length).toBe(submissions + seeded);
    expect(new Set(ids.filter((id) => !clientIds.includes(id)))).toEqual(new Set());
    // Batches were sealed by both processes while the others counted.
    expect(stored.filter((r) => r.sealed).length).toBeGreaterThan(seeded);

    const questionnaires = await loadQuestionnaireRegistry(db, compileQuestionnaire);
    const expected = aggregateResponses(
      stored.map((r) => ({
        waveId: r.wave_id,
        agencyCode: r.agency_code,
        questionnaireId: r.questionnaire_id,
        questionnaireVersion: r.questionnaire_version,
        answers: JSON.parse(r.answers) as Record<string, unknown>,
      })),
      questionnaires,
    );
    const keyOf = new Map(expected.profiles.map((p) => [p.ref, p.key]));
    const expectedTally = new Map<string, number>();
    for (const c of expected.answerCounts) {
      const k = JSON.stringify([
        c.waveId,
        c.agencyCode,
        keyOf.get(c.profileRef),
        c.variable,
        c.option,
      ]);
      expectedTally.set(k, (expectedTally.get(k) ?? 0) + c.count);
    }
    for (const c of expected.profileCounts) {
      const k = JSON.stringify([c.waveId, c.agencyCode, keyOf.get(c.profileRef), 'n']);
      expectedTally.set(k, (expectedTally.get(k) ?? 0) + c.respondents);
    }
    // What a report does first: catch up on whatever the processes had not counted yet.
    await materializePending(db, questionnaires);
    expect(await projectionTally(db)).toEqual(expectedTally);
  }, 180_000);
});
