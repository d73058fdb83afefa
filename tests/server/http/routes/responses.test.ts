// Tests the submission API on every dialect: status codes, the error envelope, idempotency, tokens, nothing stored on error.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { QuestionnaireRegistry } from '../../../../server/services/questionnaires/questionnaire-registry.ts';
import { issueInvitationTokens } from '../../../../server/storage/repositories/invitation-tokens.ts';
import { countResponses } from '../../../../server/storage/repositories/responses.ts';
import { createStudy } from '../../../../server/storage/repositories/studies.ts';
import { closeWave, createWave } from '../../../../server/storage/repositories/waves.ts';
import { createTestApp, postJson } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';
import { storedResponses } from '../../../helpers/stored-responses.ts';

describe.each(testDialects())('POST /api/studies/:study/responses on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  let app: ReturnType<typeof createTestApp>['app'];
  let logError: ReturnType<typeof createTestApp>['logError'];

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    ({ app, logError } = createTestApp(t.db, studies.questionnaires));
  });

  const submit = (study: string, body: unknown, headers?: Record<string, string>) =>
    postJson(app, `/api/studies/${study}/responses`, body, headers);
  const allResponses = async () => (await storedResponses(t.db)).length;
  /** Runs `act` and asserts it stored no response and spent no token. */
  const expectNothingStored = async (act: () => Promise<void>) => {
    const responsesBefore = await allResponses();
    const usedBefore = await usedTokens();
    await act();
    expect(await allResponses()).toBe(responsesBefore);
    expect(await usedTokens()).toBe(usedBefore);
  };
  const usedTokens = async () =>
    (await t.db.selectFrom('invitation_tokens').select('used').execute()).filter((r) =>
      Boolean(r.used),
    ).length;

  it('stores a valid submission and answers 201 with its id', async () => {
    const id = randomUUID();
    const res = await submit('open-study', { id, agency: 'kab-sleman', answers: validTestAnswers });
    expect(res).toEqual({ status: 201, body: { id } });
    const rows = await storedResponses(t.db, id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      wave_id: studies.openWave.id,
      agency_code: 'kab-sleman',
      questionnaire_id: 'test-survey',
      questionnaire_version: 1,
      // The pinned clock is 20:00 UTC on the 15th: already the 16th in Jakarta.
      submitted_on: '2021-09-16',
    });
    expect(JSON.parse(row.answers)).toEqual(validTestAnswers);
    expect(Boolean(row.materialized)).toBe(false);
  });

  it('stores the same id only once and answers a retry as it answered the first time', async () => {
    const id = randomUUID();
    const body = { id, agency: 'kab-sleman', answers: validTestAnswers };
    const first = await submit('open-study', body);
    const retry = await submit('open-study', {
      ...body,
      answers: { ...validTestAnswers, sex: 'm' },
    });
    const upperCaseRetry = await submit('open-study', { ...body, id: id.toUpperCase() });
    expect(retry).toEqual(first);
    expect(upperCaseRetry).toEqual(first);
    const rows = await storedResponses(t.db, id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.answers).sex).toBe('f');
  });

  it('stores one row when the same id arrives twice at the same time', async () => {
    const id = randomUUID();
    const body = { id, agency: 'kota-yogyakarta', answers: validTestAnswers };
    const results = await Promise.all([submit('open-study', body), submit('open-study', body)]);
    expect(results).toEqual([
      { status: 201, body: { id } },
      { status: 201, body: { id } },
    ]);
    const rows = await storedResponses(t.db, id);
    expect(rows).toHaveLength(1);
  });

  it('refuses a response id already used in another study', async () => {
    const id = randomUUID();
    await submit('open-study', { id, agency: 'kab-sleman', answers: validTestAnswers });
    const res = await submit('token-study', {
      id,
      token: studies.tokens[10]!,
      answers: validTestAnswers,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'RESPONSE_ID_CONFLICT' } });
  });

  it('lets only one of two studies have an id that arrives for both at the same time', async () => {
    const id = randomUUID();
    const results = await Promise.all([
      submit('open-study', { id, agency: 'kab-sleman', answers: validTestAnswers }),
      submit('token-study', { id, token: studies.tokens[11]!, answers: validTestAnswers }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({
      error: { code: 'RESPONSE_ID_CONFLICT' },
    });
    const rows = await storedResponses(t.db, id);
    expect(rows).toHaveLength(1);
  });

  it('rejects invalid answers with 422 and a detail per question, storing nothing', async () => {
    await expectNothingStored(async () => {
      const res = await submit('open-study', {
        id: randomUUID(),
        agency: 'kab-sleman',
        answers: { sex: 'x', aware: 'no', channels: ['web'], unknown: 1 },
      });
      expect(res.status).toBe(422);
      const { error } = res.body as {
        error: { code: string; message: string; details: unknown[] };
      };
      expect(error.code).toBe('INVALID_RESPONSE');
      expect(error.message).toEqual(expect.any(String));
      expect(error.details).toEqual(
        expect.arrayContaining([
          { question: 'sex', problem: expect.any(String) },
          { question: 'channels', problem: expect.any(String) },
          { question: 'unknown', problem: expect.any(String) },
        ]),
      );
      expect(error.details).toHaveLength(3);
    });
  });

  it('answers 404 for an unknown study or agency, storing nothing', async () => {
    await expectNothingStored(async () => {
      const study = await submit('no-such-study', {
        id: randomUUID(),
        agency: 'kab-sleman',
        answers: validTestAnswers,
      });
      expect(study.status).toBe(404);
      expect(study.body).toMatchObject({ error: { code: 'STUDY_NOT_FOUND' } });
      const agency = await submit('open-study', {
        id: randomUUID(),
        agency: 'kab-atlantis',
        answers: validTestAnswers,
      });
      expect(agency.status).toBe(404);
      expect(agency.body).toMatchObject({ error: { code: 'AGENCY_NOT_FOUND' } });
    });
  });

  it('rejects a submission for a closed wave with 409, storing nothing', async () => {
    await expectNothingStored(async () => {
      const res = await submit('closed-study', {
        id: randomUUID(),
        agency: 'kab-sleman',
        answers: validTestAnswers,
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: 'WAVE_CLOSED' } });
    });
    expect(await countResponses(t.db, studies.closedWave.id)).toBe(0);
  });

  it('still answers 201 to a retry of a response stored before its wave closed', async () => {
    await createStudy(t.db, {
      id: 'closing-study',
      questionnaireId: 'test-survey',
      questionnaireVersion: 1,
      title: { id: 'Ditutup', en: 'Closing' },
      usesTokens: false,
    });
    const wave = await createWave(t.db, {
      studyId: 'closing-study',
      name: 'W1',
      status: 'open',
      opensOn: '2021-09-01',
      closesOn: null,
    });
    const body = { id: randomUUID(), agency: 'kab-bantul', answers: validTestAnswers };
    const first = await submit('closing-study', body);
    await closeWave(t.db, wave.id, '2021-09-30');
    expect(await submit('closing-study', body)).toEqual(first);
    expect(first.status).toBe(201);
    expect(await countResponses(t.db, wave.id)).toBe(1);
  });

  it('refuses a body over 64 KiB with 413, whether or not its length is declared', async () => {
    const big = JSON.stringify({
      id: randomUUID(),
      agency: 'kab-sleman',
      answers: { ...validTestAnswers, remarks: 'x'.repeat(70 * 1024) },
    });
    await expectNothingStored(async () => {
      const declared = await submit('open-study', big, {
        'content-length': String(Buffer.byteLength(big)),
      });
      const streamed = await submit('open-study', big);
      for (const res of [declared, streamed]) {
        expect(res.status).toBe(413);
        expect(res.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
      }
    });
  });

  it('answers 400 to a body that is not JSON', async () => {
    await expectNothingStored(async () => {
      const res = await submit('open-study', '{"id": "oops",');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: { code: 'INVALID_JSON', message: expect.any(String) },
      });
    });
  });

  it.each([
    ['a missing id', { agency: 'kab-sleman', answers: {} }, ['id']],
    ['an id that is not a UUID', { id: '42', agency: 'kab-sleman', answers: {} }, ['id']],
    [
      'an extra key',
      { id: randomUUID(), agency: 'kab-sleman', answers: {}, ip: '10.0.0.1' },
      ['ip'],
    ],
    [
      'both agency and token',
      { id: randomUUID(), agency: 'kab-sleman', token: 'a'.repeat(24), answers: {} },
      ['token'],
    ],
    ['neither agency nor token', { id: randomUUID(), answers: {} }, ['agency']],
    [
      'answers that are a list',
      { id: randomUUID(), agency: 'kab-sleman', answers: [] },
      ['answers'],
    ],
    ['a body that is a list', [], ['']],
  ])('rejects an envelope with %s with 400 and field details', async (_case, body, fields) => {
    await expectNothingStored(async () => {
      const res = await submit('open-study', body);
      expect(res.status).toBe(400);
      const { error } = res.body as { error: { code: string; details: { field: string }[] } };
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.details.map((d) => d.field)).toEqual(fields);
    });
  });

  describe('in a study with invitation tokens', () => {
    it('accepts one submission per token and records it for the token agency', async () => {
      const id = randomUUID();
      const res = await submit('token-study', {
        id,
        token: studies.tokens[0]!,
        answers: validTestAnswers,
      });
      expect(res).toEqual({ status: 201, body: { id } });
      const rows = await storedResponses(t.db, id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ agency_code: 'kab-sleman', wave_id: studies.tokenWave.id });
    });

    it('refuses a used token with 409 TOKEN_USED, storing nothing', async () => {
      const token = studies.tokens[1]!;
      await submit('token-study', { id: randomUUID(), token, answers: validTestAnswers });
      await expectNothingStored(async () => {
        const res = await submit('token-study', {
          id: randomUUID(),
          token,
          answers: validTestAnswers,
        });
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ error: { code: 'TOKEN_USED' } });
      });
    });

    it('answers a retry with the same response id after success with 201 as the first time', async () => {
      const body = { id: randomUUID(), token: studies.tokens[2]!, answers: validTestAnswers };
      const first = await submit('token-study', body);
      expect(first.status).toBe(201);
      expect(await submit('token-study', body)).toEqual(first);
    });

    it('lets only one of two simultaneous submissions with the same token through', async () => {
      const token = studies.tokens[3]!;
      const before = await countResponses(t.db, studies.tokenWave.id);
      const results = await Promise.all(
        [randomUUID(), randomUUID()].map((id) =>
          submit('token-study', { id, token, answers: validTestAnswers }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await countResponses(t.db, studies.tokenWave.id)).toBe(before + 1);
    });

    it('answers 404 to an unknown token or one issued for another study', async () => {
      await expectNothingStored(async () => {
        const unknown = await submit('token-study', {
          id: randomUUID(),
          token: 'A'.repeat(24),
          answers: validTestAnswers,
        });
        expect(unknown.status).toBe(404);
        expect(unknown.body).toMatchObject({ error: { code: 'TOKEN_NOT_FOUND' } });
        const [elsewhere] = await issueInvitationTokens(t.db, {
          studyId: 'open-study',
          agencyCode: 'kab-sleman',
          count: 1,
        });
        const other = await submit('token-study', {
          id: randomUUID(),
          token: elsewhere!,
          answers: validTestAnswers,
        });
        expect(other.status).toBe(404);
        expect(other.body).toMatchObject({ error: { code: 'TOKEN_NOT_FOUND' } });
      });
    });

    it('does not spend the token when the answers are invalid', async () => {
      const token = studies.tokens[4]!;
      await expectNothingStored(async () => {
        const res = await submit('token-study', { id: randomUUID(), token, answers: { sex: 'm' } });
        expect(res.status).toBe(422);
      });
      const res = await submit('token-study', {
        id: randomUUID(),
        token,
        answers: validTestAnswers,
      });
      expect(res.status).toBe(201);
    });

    it('asks for a token instead of an agency, and an agency instead of a token elsewhere', async () => {
      await expectNothingStored(async () => {
        const agency = await submit('token-study', {
          id: randomUUID(),
          agency: 'kab-sleman',
          answers: validTestAnswers,
        });
        expect(agency.status).toBe(400);
        expect(agency.body).toMatchObject({
          error: { code: 'INVALID_REQUEST', details: [{ field: 'token' }] },
        });
        const token = await submit('open-study', {
          id: randomUUID(),
          token: studies.tokens[5]!,
          answers: validTestAnswers,
        });
        expect(token.status).toBe(400);
        expect(token.body).toMatchObject({
          error: { code: 'INVALID_REQUEST', details: [{ field: 'agency' }] },
        });
      });
    });
  });

  it('logs an unexpected failure and answers a generic 500 without internals', async () => {
    // A registry without the study's questionnaire cannot happen in a consistent database.
    const { app: broken, logError: brokenLog } = createTestApp(t.db, new QuestionnaireRegistry([]));
    const res = await postJson(broken, '/api/studies/open-study/responses', {
      id: randomUUID(),
      agency: 'kab-sleman',
      answers: validTestAnswers,
    });
    expect(res).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } },
    });
    expect(brokenLog).toHaveBeenCalledTimes(1);
    expect(logError).not.toHaveBeenCalled();
  });
});
