// Tests the study routes on every dialect: open studies, one study, the questionnaire in each language.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { testQuestionnaire } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies } from '../../../helpers/test-studies.ts';
import { demoNotice } from '../../../../server/services/seed/demo-notice.ts';
import { setStudyNotice } from '../../../../server/storage/repositories/study-notices.ts';

describe.each(testDialects())('study routes on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: ReturnType<typeof createTestApp>['app'];

  beforeAll(async () => {
    const { questionnaires } = await setUpTestStudies(t.db);
    ({ app } = createTestApp(t.db, questionnaires));
  });

  it('lists the studies with an open wave, leaving out closed ones', async () => {
    const res = await app.request('/api/studies');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      {
        id: 'open-study',
        title: { id: 'Studi open-study', en: 'Study open-study' },
        usesTokens: false,
        usesLinkCodes: false,
        open: true,
      },
      {
        id: 'token-study',
        title: { id: 'Studi token-study', en: 'Study token-study' },
        usesTokens: true,
        usesLinkCodes: false,
        open: true,
      },
    ]);
  });

  it('describes one study, saying whether a wave is open, and answers 404 for an unknown one', async () => {
    const closed = await app.request('/api/studies/closed-study');
    expect(await closed.json()).toEqual({
      id: 'closed-study',
      title: { id: 'Studi closed-study', en: 'Study closed-study' },
      usesTokens: false,
      usesLinkCodes: false,
      open: false,
      notice: null,
    });
    const open = await app.request('/api/studies/token-study');
    expect(await open.json()).toMatchObject({ id: 'token-study', usesTokens: true, open: true });
    const unknown = await app.request('/api/studies/nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'STUDY_NOT_FOUND' } });
  });

  it('gives a study’s respondent notice as the study team set it', async () => {
    await setStudyNotice(t.db, 'open-study', demoNotice);
    const res = await app.request('/api/studies/open-study');
    expect(await res.json()).toMatchObject({ id: 'open-study', notice: demoNotice });
  });

  it('serves the questionnaire JSON in Indonesian unless English is asked for', async () => {
    const byDefault = await app.request('/api/studies/open-study/questionnaire');
    expect(byDefault.status).toBe(200);
    expect(await byDefault.json()).toEqual({ ...testQuestionnaire.json, locale: 'id' });
    const english = await app.request('/api/studies/open-study/questionnaire?lang=en');
    expect(await english.json()).toEqual({ ...testQuestionnaire.json, locale: 'en' });
  });

  it('answers 404 STUDY_NOT_FOUND for the questionnaire of an unknown study', async () => {
    const res = await app.request('/api/studies/nope/questionnaire');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'STUDY_NOT_FOUND' } });
  });

  it('rejects an unsupported language with 400', async () => {
    const res = await app.request('/api/studies/open-study/questionnaire?lang=fr');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'INVALID_REQUEST', details: [{ field: 'lang' }] },
    });
  });

  it('answers 404 in the error envelope for an unknown API path', async () => {
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });

  it('tells browsers not to cache API answers nor guess their type', async () => {
    const res = await app.request('/api/studies');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
