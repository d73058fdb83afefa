// Tests coded agency links on every dialect: looking a code up, submitting with it, and codes that cannot be made up.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueLinkCodesForOpenWave } from '../../../../server/services/links/link-codes.ts';
import { closeWave, createWave } from '../../../../server/storage/repositories/waves.ts';
import { createTestApp, postJson } from '../../../helpers/test-app.ts';
import { storedResponses } from '../../../helpers/stored-responses.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { createLinkCodeStudy, setUpTestStudies } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('coded agency links on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: ReturnType<typeof createTestApp>['app'];
  let codes: Map<string, string>;
  let otherStudyCode: string;

  beforeAll(async () => {
    const studies = await setUpTestStudies(t.db);
    ({ app } = createTestApp(t.db, studies.questionnaires));
    await createLinkCodeStudy(t.db, 'code-study');
    await createLinkCodeStudy(t.db, 'other-code-study');
    const issued = await issueLinkCodesForOpenWave(t.db, 'code-study');
    codes = new Map(issued.map((l) => [l.agencyCode, l.code]));
    otherStudyCode = (await issueLinkCodesForOpenWave(t.db, 'other-code-study', ['kab-sleman']))[0]!
      .code;
  });

  const stored = async (id: string) =>
    (await storedResponses(t.db, id)).map((r) => ({ agency_code: r.agency_code }));
  const submit = (study: string, body: Record<string, unknown>) =>
    postJson(app, `/api/studies/${study}/responses`, {
      id: randomUUID(),
      answers: validTestAnswers,
      ...body,
    });

  it('issues one unguessable code per agency of the frame, the same ones when asked again', async () => {
    expect(codes.size).toBe(4);
    for (const code of codes.values()) expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const again = await issueLinkCodesForOpenWave(t.db, 'code-study');
    expect(new Map(again.map((l) => [l.agencyCode, l.code]))).toEqual(codes);
  });

  it('tells the page which agency a code stands for', async () => {
    const res = await app.request(`/api/studies/code-study/links/${codes.get('kab-sleman')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      agency: expect.objectContaining({ code: 'kab-sleman', name: 'Kabupaten Sleman' }),
    });
  });

  it('answers LINK_NOT_FOUND alike for a made-up code, another study’s code and a study without codes', async () => {
    for (const path of [
      `/api/studies/code-study/links/${'A'.repeat(22)}`,
      `/api/studies/code-study/links/kab-sleman`,
      `/api/studies/code-study/links/${otherStudyCode}`,
      `/api/studies/open-study/links/${codes.get('kab-sleman')}`,
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe('LINK_NOT_FOUND');
    }
  });

  it('stores a submission made with a code under the code’s agency', async () => {
    const id = randomUUID();
    const res = await postJson(app, '/api/studies/code-study/responses', {
      id,
      link: codes.get('kota-yogyakarta'),
      answers: validTestAnswers,
    });
    expect(res).toEqual({ status: 201, body: { id } });
    expect(await stored(id)).toEqual([{ agency_code: 'kota-yogyakarta' }]);
  });

  it('refuses the public agency code, a made-up code and another study’s code, storing nothing', async () => {
    const before = await t.db.selectFrom('responses').select('id').execute();
    const byAgency = await submit('code-study', { agency: 'kab-sleman' });
    expect(byAgency.status).toBe(400);
    expect(byAgency.body).toMatchObject({
      error: { code: 'INVALID_REQUEST', details: [{ field: 'link' }] },
    });
    for (const link of ['B'.repeat(22), otherStudyCode]) {
      const res = await submit('code-study', { link });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'LINK_NOT_FOUND' } });
    }
    const codeInPlainStudy = await submit('open-study', { link: codes.get('kab-sleman') });
    expect(codeInPlainStudy.body).toMatchObject({
      error: { code: 'INVALID_REQUEST', details: [{ field: 'agency' }] },
    });
    const both = await submit('code-study', {
      link: codes.get('kab-sleman'),
      agency: 'kab-sleman',
    });
    expect(both.status).toBe(400);
    expect(await t.db.selectFrom('responses').select('id').execute()).toHaveLength(before.length);
  });

  it('gives a new wave new codes: the old wave’s codes answer WAVE_CLOSED, a stored retry still 201', async () => {
    const oldCode = codes.get('kab-sleman')!;
    const id = randomUUID();
    const first = await postJson(app, '/api/studies/code-study/responses', {
      id,
      link: oldCode,
      answers: validTestAnswers,
    });
    expect(first.status).toBe(201);
    const wave = await t.db
      .selectFrom('waves')
      .select('id')
      .where('study_id', '=', 'code-study')
      .executeTakeFirstOrThrow();
    await closeWave(t.db, wave.id, '2021-10-01');
    await createWave(t.db, {
      studyId: 'code-study',
      name: 'W2',
      status: 'open',
      opensOn: '2021-10-02',
      closesOn: null,
    });
    const fresh = await issueLinkCodesForOpenWave(t.db, 'code-study', ['kab-sleman']);
    expect(fresh[0]!.code).not.toBe(oldCode);

    const look = await app.request(`/api/studies/code-study/links/${oldCode}`);
    expect(look.status).toBe(409);
    expect((await look.json()).error.code).toBe('WAVE_CLOSED');
    const late = await submit('code-study', { link: oldCode });
    expect(late.body).toMatchObject({ error: { code: 'WAVE_CLOSED' } });
    const retry = await postJson(app, '/api/studies/code-study/responses', {
      id,
      link: oldCode,
      answers: validTestAnswers,
    });
    expect(retry).toEqual({ status: 201, body: { id } });
    const now = await submit('code-study', { link: fresh[0]!.code });
    expect(now.status).toBe(201);
  });
});
