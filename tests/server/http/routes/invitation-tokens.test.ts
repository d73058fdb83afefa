// Tests the invitation-status route on every dialect: an unused token's agency, the refusals, and that asking changes nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  hashToken,
  issueInvitationTokens,
  spendInvitationToken,
} from '../../../../server/storage/repositories/invitation-tokens.ts';
import { createStudy } from '../../../../server/storage/repositories/studies.ts';
import { createTestApp, postJson } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { testQuestionnaire, validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';
import { storedResponses } from '../../../helpers/stored-responses.ts';

describe.each(testDialects())('GET /api/studies/:study/tokens/:token on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  let app: ReturnType<typeof createTestApp>['app'];
  let logError: ReturnType<typeof createTestApp>['logError'];

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    ({ app, logError } = createTestApp(t.db, studies.questionnaires));
  });

  const ask = async (study: string, token: string) => {
    const res = await app.request(`/api/studies/${study}/tokens/${token}`);
    return { status: res.status, body: (await res.json()) as unknown, headers: res.headers };
  };
  const tokenRows = () => t.db.selectFrom('invitation_tokens').selectAll().execute();
  const responseRows = () => storedResponses(t.db);

  it('names the agency of an unused invitation, with the public agency fields and nothing else', async () => {
    const res = await ask('token-study', studies.tokens[0]!);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      agency: {
        code: 'kab-sleman',
        name: 'Kabupaten Sleman',
        type: 'kabupaten',
        province: 'Daerah Istimewa Yogyakarta',
        islandRegion: 'Jawa-Bali',
      },
      status: 'unused',
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('changes nothing when asked, so the invitation can still be used once, and only once', async () => {
    const token = studies.tokens[1]!;
    const tokensBefore = await tokenRows();
    const responsesBefore = await responseRows();
    for (let i = 0; i < 3; i += 1) expect((await ask('token-study', token)).status).toBe(200);
    expect(await tokenRows()).toEqual(tokensBefore);
    expect(await responseRows()).toEqual(responsesBefore);

    const id = randomUUID();
    const submitted = await postJson(app, '/api/studies/token-study/responses', {
      id,
      token,
      answers: validTestAnswers,
    });
    expect(submitted).toEqual({ status: 201, body: { id } });
    // Neither the token nor its hash reaches the response row.
    const [row] = await storedResponses(t.db, id);
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(hashToken(token));

    const after = await ask('token-study', token);
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ error: { code: 'TOKEN_USED' } });
  });

  it('refuses a spent invitation with 409 TOKEN_USED, without naming its agency', async () => {
    const token = studies.tokens[2]!;
    expect(await spendInvitationToken(t.db, token)).toBe(true);
    const res = await ask('token-study', token);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: { code: 'TOKEN_USED', message: 'This invitation has already been used.' },
    });
  });

  it('answers an unknown token and another study’s token alike, with 404 TOKEN_NOT_FOUND', async () => {
    await createStudy(t.db, {
      id: 'other-token-study',
      questionnaireId: testQuestionnaire.id,
      questionnaireVersion: testQuestionnaire.version,
      title: { id: 'Studi lain', en: 'Other study' },
      usesTokens: true,
    });
    const [elsewhere] = await issueInvitationTokens(t.db, {
      studyId: 'other-token-study',
      agencyCode: 'kab-bantul',
      count: 1,
    });
    const unknown = await ask('token-study', 'A'.repeat(24));
    const otherStudys = await ask('token-study', elsewhere!);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      error: { code: 'TOKEN_NOT_FOUND', message: 'There is no such invitation in this study.' },
    });
    expect(otherStudys).toMatchObject({ status: unknown.status, body: unknown.body });
    // The same token is recognised in the study it was issued for.
    expect((await ask('other-token-study', elsewhere!)).status).toBe(200);
  });

  it('answers TOKEN_NOT_FOUND in a study that takes agency links, even for a token stored for it', async () => {
    const [stray] = await issueInvitationTokens(t.db, {
      studyId: 'open-study',
      agencyCode: 'kab-sleman',
      count: 1,
    });
    const res = await ask('open-study', stray!);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'TOKEN_NOT_FOUND', message: 'This study does not use invitation tokens.' },
    });
  });

  it('answers 404 STUDY_NOT_FOUND for an unknown study', async () => {
    const res = await ask('no-such-study', studies.tokens[3]!);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'STUDY_NOT_FOUND' } });
  });

  it('looks up a token with an encoded slash as a token, not as another path', async () => {
    const res = await ask('token-study', encodeURIComponent(`${studies.tokens[3]!}/x`));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'TOKEN_NOT_FOUND' } });
    expect(logError).not.toHaveBeenCalled();
  });
});
