// Tests what the administration API does on every dialect: keys, questionnaire versions, studies and waves, frame, margins and invitations, and that bad input changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { createAccessKey } from '../../../../server/services/auth/access-keys.ts';
import { createTestApp, testNow } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { bearer, issueTestKeys, signIn, type TestKeys } from '../../../helpers/test-keys.ts';
import { testQuestionnaire } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies, testFrameCsv, type TestStudies } from '../../../helpers/test-studies.ts';

type App = ReturnType<typeof createTestApp>['app'];

const { json: surveyJson, ...metadata } = testQuestionnaire;

/** Version 2 of the test questionnaire: one more question. */
const version2 = {
  json: {
    ...surveyJson,
    pages: [
      {
        name: 'p1',
        elements: [
          ...((surveyJson.pages as { elements: unknown[] }[])[0]!.elements as unknown[]),
          { type: 'radiogroup', name: 'extra', choices: ['a', 'b'] },
        ],
      },
    ],
  },
  metadata: { ...metadata, version: 2 },
};

describe.each(testDialects())('administration API on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: App;
  let keys: TestKeys;
  let studies: TestStudies;
  let admin: Record<string, string>;

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    keys = await issueTestKeys(t.db);
    ({ app } = createTestApp(t.db, studies.questionnaires));
    admin = bearer(keys.admin);
  });

  const call = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const res = await app.request(path, {
      method,
      headers: { ...admin, 'content-type': type },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed: unknown = res.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : text;
    return {
      status: res.status,
      body: parsed as Record<string, unknown> & unknown[] & string,
      headers: res.headers,
    };
  };
  const rows = (
    table:
      | 'access_keys'
      | 'questionnaire_versions'
      | 'studies'
      | 'waves'
      | 'raking_margins'
      | 'invitation_tokens'
      | 'agencies',
  ) =>
    t.db
      .selectFrom(table)
      .selectAll()
      .execute()
      .then((r) => JSON.stringify(r));

  describe('keys', () => {
    it('creates a key shown once, lists keys without secrets, and revokes', async () => {
      const created = await call('POST', '/api/admin/keys', {
        role: 'agency',
        agency: 'kab-bantul',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        role: 'agency',
        agencyCode: 'kab-bantul',
        revoked: false,
        createdOn: '2021-09-16',
      });
      const key = created.body.key as unknown as string;
      expect((await signIn(app, key)).cookie).toMatch(/^netralitas_session=/);
      const listed = await call('GET', '/api/admin/keys');
      expect(JSON.stringify(listed.body)).not.toMatch(/nsk_|hash/i);
      for (const k of listed.body as unknown as object[])
        expect(Object.keys(k).sort()).toEqual(['agencyCode', 'createdOn', 'id', 'revoked', 'role']);
      const revoked = await call('POST', `/api/admin/keys/${String(created.body.id)}/revoke`);
      expect(revoked.body).toMatchObject({ id: created.body.id, revoked: true });
      expect((await app.request('/api/session', { headers: bearer(key) })).status).toBe(401);
    });

    it('refuses bad key requests with the envelope and creates nothing', async () => {
      const before = await rows('access_keys');
      expect((await call('POST', '/api/admin/keys', { role: 'king' })).body).toMatchObject({
        error: { code: 'INVALID_REQUEST', details: [{ field: 'role' }] },
      });
      expect((await call('POST', '/api/admin/keys', { role: 'agency' })).body).toMatchObject({
        error: { code: 'INVALID_REQUEST', details: [{ field: 'agency' }] },
      });
      expect(
        (await call('POST', '/api/admin/keys', { role: 'agency', agency: 'kab-atlantis' })).status,
      ).toBe(404);
      expect(
        (await call('POST', '/api/admin/keys', { role: 'researcher', agency: 'kab-sleman' }))
          .status,
      ).toBe(400);
      expect((await call('POST', '/api/admin/keys', '{"role":')).body).toMatchObject({
        error: { code: 'INVALID_JSON' },
      });
      expect((await call('POST', '/api/admin/keys/999999/revoke')).body).toMatchObject({
        error: { code: 'KEY_NOT_FOUND' },
      });
      expect((await call('POST', '/api/admin/keys/abc/revoke')).body).toMatchObject({
        error: { code: 'INVALID_REQUEST', details: [{ field: 'id' }] },
      });
      expect(await rows('access_keys')).toBe(before);
    });
  });

  describe('questionnaire versions', () => {
    it('publishes a version that a new study fields at once, without a restart', async () => {
      const published = await call('POST', '/api/admin/questionnaires', version2);
      expect(published).toMatchObject({
        status: 201,
        body: { id: 'test-survey', version: 2, created: true },
      });
      const again = await call('POST', '/api/admin/questionnaires', version2);
      expect(again).toMatchObject({ status: 200, body: { created: false } });
      const listed = await call('GET', '/api/admin/questionnaires');
      expect(listed.body).toContainEqual({ id: 'test-survey', version: 2, title: metadata.title });

      expect(
        (
          await call('POST', '/api/admin/studies', {
            id: 'v2-study',
            questionnaire: { id: 'test-survey', version: 2 },
            title: { id: 'Dua', en: 'Two' },
            usesTokens: false,
          })
        ).status,
      ).toBe(201);
      const wave = await call('POST', '/api/admin/studies/v2-study/waves', {
        name: 'W1',
        opensOn: '2021-09-01',
      });
      await call('POST', `/api/admin/studies/v2-study/waves/${String(wave.body.id)}/open`);
      const questionnaire = await app.request('/api/studies/v2-study/questionnaire');
      expect(JSON.stringify(await questionnaire.json())).toContain('"extra"');
      const submitted = await app.request('/api/studies/v2-study/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: crypto.randomUUID(),
          agency: 'kab-sleman',
          answers: { sex: 'm', aware: 'no', extra: 'b' },
        }),
      });
      expect(submitted.status).toBe(201);
    });

    it('refuses to change a published version', async () => {
      const before = await rows('questionnaire_versions');
      const changed = {
        ...version2,
        metadata: { ...version2.metadata, title: { id: 'Lain', en: 'Other' } },
      };
      expect(await call('POST', '/api/admin/questionnaires', changed)).toMatchObject({
        status: 409,
        body: { error: { code: 'QUESTIONNAIRE_VERSION_EXISTS' } },
      });
      const builtIn = { json: { ...surveyJson, title: 'edited' }, metadata };
      expect((await call('POST', '/api/admin/questionnaires', builtIn)).status).toBe(409);
      expect(await rows('questionnaire_versions')).toBe(before);
    });

    it('refuses what the validator does not support, saying what and where', async () => {
      const before = await rows('questionnaire_versions');
      const unsupported = {
        json: { pages: [{ name: 'p1', elements: [{ type: 'signaturepad', name: 'sig' }] }] },
        metadata: { ...metadata, version: 3, domainVariables: [] },
      };
      const refused = await call('POST', '/api/admin/questionnaires', unsupported);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        error: { code: 'INVALID_QUESTIONNAIRE', details: [{ field: 'json' }] },
      });
      expect(JSON.stringify(refused.body)).toMatch(/signaturepad/);
      const property = {
        json: {
          pages: [
            {
              name: 'p1',
              elements: [{ type: 'text', name: 'q', validators: [{ type: 'email' }] }],
            },
          ],
        },
        metadata: { ...metadata, version: 3, domainVariables: [] },
      };
      expect(
        JSON.stringify((await call('POST', '/api/admin/questionnaires', property)).body),
      ).toMatch(/validators/);
      expect(await rows('questionnaire_versions')).toBe(before);
    });

    it('lists every metadata reference that does not resolve, and every malformed field', async () => {
      const before = await rows('questionnaire_versions');
      const wrong = {
        json: surveyJson,
        metadata: {
          ...metadata,
          version: 4,
          domainVariables: [
            { question: 'nope', label: { id: 'x', en: 'x' } },
            { question: 'channels', label: { id: 'x', en: 'x' } },
            { question: 'rank', label: { id: 'x', en: 'x' }, recode: { 'V/a': 'V' } },
          ],
          knowledgeScores: [
            {
              id: 'k',
              label: { id: 'k', en: 'k' },
              keys: [{ variable: 'aware', correct: ['maybe'], rule: 'exact-set' }],
              bands: [{ minPercent: 0, label: { id: 'b', en: 'b' } }],
            },
          ],
        },
      };
      const refused = await call('POST', '/api/admin/questionnaires', wrong);
      expect(refused.status).toBe(422);
      const fields = (
        refused.body as unknown as { error: { details: { field: string }[] } }
      ).error.details.map((d) => d.field);
      expect(fields).toEqual([
        'metadata.domainVariables.0.question',
        'metadata.domainVariables.1.question',
        'metadata.domainVariables.2.recode',
        'metadata.knowledgeScores.0.keys.0.correct',
        'metadata.knowledgeScores.0.keys.0.rule',
      ]);
      const malformed = await call('POST', '/api/admin/questionnaires', {
        json: surveyJson,
        metadata: { ...metadata, version: 0, id: 'Bad Id', extra: 1 },
      });
      expect(malformed.status).toBe(400);
      const malformedFields = (
        malformed.body as unknown as { error: { details: { field: string }[] } }
      ).error.details
        .map((d) => d.field)
        .sort();
      expect(malformedFields).toEqual(['metadata', 'metadata.id', 'metadata.version']);
      expect(await rows('questionnaire_versions')).toBe(before);
    });
  });

  describe('studies and waves', () => {
    it('creates a study and waves, opens one at a time and closes early on today', async () => {
      const study = await call('POST', '/api/admin/studies', {
        id: 'wave-study',
        questionnaire: { id: 'test-survey', version: 1 },
        title: { id: 'Gelombang', en: 'Waves' },
        usesTokens: false,
      });
      expect(study).toMatchObject({ status: 201, body: { id: 'wave-study', waves: [] } });
      const first = await call('POST', '/api/admin/studies/wave-study/waves', {
        name: '2021',
        opensOn: '2021-09-01',
        closesOn: '2021-10-31',
      });
      expect(first).toMatchObject({
        status: 201,
        body: { status: 'closed', opensOn: '2021-09-01', closesOn: '2021-10-31' },
      });
      const second = await call('POST', '/api/admin/studies/wave-study/waves', {
        name: '2022',
        opensOn: '2022-09-01',
      });
      expect((await (await app.request('/api/studies/wave-study')).json()).open).toBe(false);

      expect(
        (await call('POST', `/api/admin/studies/wave-study/waves/${String(first.body.id)}/open`))
          .body,
      ).toMatchObject({ status: 'open' });
      expect((await (await app.request('/api/studies/wave-study')).json()).open).toBe(true);
      expect(
        await call('POST', `/api/admin/studies/wave-study/waves/${String(second.body.id)}/open`),
      ).toMatchObject({ status: 409, body: { error: { code: 'WAVE_ALREADY_OPEN' } } });

      const closed = await call(
        'POST',
        `/api/admin/studies/wave-study/waves/${String(first.body.id)}/close`,
      );
      expect(closed.body).toMatchObject({ status: 'closed', closesOn: '2021-09-16' });
      expect(
        await call('POST', `/api/admin/studies/wave-study/waves/${String(first.body.id)}/close`),
      ).toMatchObject({ status: 409, body: { error: { code: 'WAVE_CLOSED' } } });
      expect(
        (await call('POST', `/api/admin/studies/wave-study/waves/${String(second.body.id)}/open`))
          .status,
      ).toBe(200);
      const listed = await call('GET', '/api/admin/studies');
      const waves = (listed.body as unknown as { id: string; waves: { status: string }[] }[]).find(
        (s) => s.id === 'wave-study',
      )!.waves;
      expect(waves.map((w) => w.status)).toEqual(['closed', 'open']);
      expect(testNow.toISOString()).toBe('2021-09-15T20:00:00.000Z');
    });

    it('refuses bad study and wave requests and changes nothing', async () => {
      const before = (await rows('studies')) + (await rows('waves'));
      const study = {
        id: 'open-study',
        questionnaire: { id: 'test-survey', version: 1 },
        title: { id: 'x', en: 'x' },
        usesTokens: false,
      };
      expect((await call('POST', '/api/admin/studies', study)).body).toMatchObject({
        error: { code: 'STUDY_EXISTS' },
      });
      expect(
        (
          await call('POST', '/api/admin/studies', {
            ...study,
            id: 'new-one',
            questionnaire: { id: 'test-survey', version: 99 },
          })
        ).body,
      ).toMatchObject({ error: { code: 'QUESTIONNAIRE_NOT_FOUND' } });
      expect(
        (await call('POST', '/api/admin/studies', { ...study, id: 'Has Spaces' })).body,
      ).toMatchObject({ error: { code: 'INVALID_REQUEST', details: [{ field: 'id' }] } });
      expect(
        (
          await call('POST', '/api/admin/studies/open-study/waves', {
            name: 'W1',
            opensOn: '2021-09-01',
          })
        ).body,
      ).toMatchObject({ error: { code: 'WAVE_EXISTS' } });
      expect(
        (
          await call('POST', '/api/admin/studies/open-study/waves', {
            name: 'W9',
            opensOn: '2021-02-30',
          })
        ).body,
      ).toMatchObject({ error: { details: [{ field: 'opensOn' }] } });
      expect(
        (
          await call('POST', '/api/admin/studies/open-study/waves', {
            name: 'W9',
            opensOn: '2021-09-01',
            closesOn: '2021-08-01',
          })
        ).body,
      ).toMatchObject({ error: { details: [{ field: 'closesOn' }] } });
      expect(
        (await call('POST', '/api/admin/studies/nope/waves', { name: 'W9', opensOn: '2021-09-01' }))
          .body,
      ).toMatchObject({ error: { code: 'STUDY_NOT_FOUND' } });
      expect(
        (await call('POST', `/api/admin/studies/closed-study/waves/${studies.openWave.id}/close`))
          .body,
      ).toMatchObject({ error: { code: 'WAVE_NOT_FOUND' } });
      expect((await rows('studies')) + (await rows('waves'))).toBe(before);
    });
  });

  describe('the agency frame', () => {
    it('replaces the frame (keeping agencies something names) and refuses a malformed one naming line and column, importing none of it', async () => {
      const header = 'code,name,type,province,island_region,headcount';
      const gunungkidul =
        'kab-gunungkidul,Kabupaten Gunungkidul,kabupaten,Daerah Istimewa Yogyakarta,Jawa-Bali,350\n';
      const whole = testFrameCsv + gunungkidul;
      expect(await call('PUT', '/api/admin/frame', whole, 'text/csv')).toMatchObject({
        status: 200,
        body: { imported: 5, removed: [], kept: [] },
      });
      // Without kab-gunungkidul (nothing names it: removed) and prov-jambi (a key names it: kept).
      await createAccessKey(t.db, { role: 'agency', agencyCode: 'prov-jambi' });
      const partial = testFrameCsv
        .split('\n')
        .filter((line) => !line.startsWith('prov-jambi,'))
        .join('\n');
      expect(await call('PUT', '/api/admin/frame', partial, 'text/csv')).toMatchObject({
        status: 200,
        body: { imported: 3, removed: ['kab-gunungkidul'], kept: ['prov-jambi'] },
      });
      expect(await call('PUT', '/api/admin/frame', whole, 'text/csv')).toMatchObject({
        status: 200,
        body: { imported: 5, removed: [], kept: [] },
      });
      const before = await rows('agencies');
      const bad = `${header}\nkab-kulon-progo,Kabupaten Kulon Progo,kabupaten,DIY,Jawa-Bali,300\nkab-x,Kabupaten X,desa,Jambi,Sumatera,-5\n`;
      const refused = await call('PUT', '/api/admin/frame', bad, 'text/csv');
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        error: {
          code: 'INVALID_FRAME',
          details: [
            { line: 3, column: 3, columnName: 'type' },
            { line: 3, column: 6, columnName: 'headcount' },
          ],
        },
      });
      expect(await rows('agencies')).toBe(before);
    });

    it('refuses a Windows-1252 file at its bad byte unless the encoding is named, then keeps its dashes', async () => {
      const text =
        testFrameCsv.replaceAll(',', ';').replaceAll('\n', '\r\n') +
        'kab-gunung-mas;Kabupaten Gunung Mas \u2013 uji;kabupaten;Kalimantan Tengah;Kalimantan;412\r\n';
      const bytes = Uint8Array.from(text, (ch) => (ch === '\u2013' ? 0x96 : ch.charCodeAt(0)));
      const send = (query: string) =>
        app.request(`/api/admin/frame${query}`, {
          method: 'PUT',
          headers: { ...admin, 'content-type': 'text/csv' },
          body: bytes,
        });
      const refused = await send('');
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({
        error: { code: 'INVALID_ENCODING', details: [{ line: 6, column: 2 }] },
      });
      expect((await send('?encoding=windows-1252')).status).toBe(200);
      const [agency] = await t.db
        .selectFrom('agencies')
        .select('name')
        .where('code', '=', 'kab-gunung-mas')
        .execute();
      expect(agency?.name).toBe('Kabupaten Gunung Mas \u2013 uji');
      expect((await send('?encoding=klingon')).status).toBe(400);
    });
  });

  describe('raking margins', () => {
    const path = () => `/api/admin/studies/open-study/waves/${studies.openWave.id}/margins`;

    it('stores margins per wave and replaces them whole', async () => {
      const csv =
        'variable,level,share\r\nsex,m,0.48\r\nsex,f,0.52\r\nrank,II,0.1\r\nrank,III,0.6\r\nrank,IV,0.3\r\n';
      expect((await call('PUT', path(), csv, 'text/csv')).status).toBe(200);
      expect((await call('GET', path())).body).toEqual([
        { variable: 'rank', shares: { II: 0.1, III: 0.6, IV: 0.3 } },
        { variable: 'sex', shares: { f: 0.52, m: 0.48 } },
      ]);
      await call('PUT', path(), 'share,level,variable\n1,m,sex\n0,f,sex\n', 'text/csv');
      expect((await call('GET', path())).body).toEqual([
        { variable: 'sex', shares: { f: 0, m: 1 } },
      ]);
    });

    it('lists every problem with its line and column and keeps the stored margins', async () => {
      const before = await rows('raking_margins');
      const csv = [
        'variable,level,share',
        'sex,m,0.5',
        'sex,m,0.5',
        'age,young,0.5',
        'sex,,0.1',
        'rank,III/a,1',
        'rank,IV,abc',
        'rank,II,1.5',
      ].join('\n');
      const refused = await call('PUT', path(), csv, 'text/csv');
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ error: { code: 'INVALID_MARGINS' } });
      const details = (
        refused.body as unknown as { error: { details: { line: number; column: number }[] } }
      ).error.details;
      expect(details.map((d) => [d.line, d.column])).toEqual([
        [3, 2],
        [4, 1],
        [5, 2],
        [6, 2],
        [7, 3],
        [8, 3],
      ]);
      const sums = await call(
        'PUT',
        path(),
        'variable,level,share\nsex,m,0.5\nsex,f,0.49\n',
        'text/csv',
      );
      expect(sums.body).toMatchObject({
        error: {
          details: [{ line: 2, column: 3, problem: 'the shares of sex add up to 0.99, not 1' }],
        },
      });
      for (const bad of [
        '',
        'variable,level\nsex,m\n',
        'variable,level,share\n',
        'variable,level,share\n"sex,m,1\n',
      ]) {
        expect((await call('PUT', path(), bad, 'text/csv')).status).toBe(422);
      }
      expect(await rows('raking_margins')).toBe(before);
    });

    it('accepts any shares that add up to 1 within 1e-9 and refuses any further off', async () => {
      let seed = 7;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      for (let trial = 0; trial < 25; trial++) {
        const raw = [random(), random(), random(), random()];
        const total = raw.reduce((a, b) => a + b, 0);
        const shares = raw.map((x) => x / total);
        const csv = (s: number[]) =>
          `variable,level,share\n${['II', 'III', 'IV'].map((l, i) => `rank,${l},${s[i]!.toPrecision(17)}`).join('\n')}\n`;
        const three = [shares[0]!, shares[1]!, shares[2]! + shares[3]!];
        expect((await call('PUT', path(), csv(three), 'text/csv')).status).toBe(200);
        const off = [three[0]! + 2e-9 + random() * 1e-3, three[1]!, three[2]!];
        expect((await call('PUT', path(), csv(off), 'text/csv')).status).toBe(422);
      }
    });
  });

  describe('invitations', () => {
    it('issues batches per agency as a one-time CSV whose links work', async () => {
      const before = (await t.db.selectFrom('invitation_tokens').select('token_hash').execute())
        .length;
      const res = await call('POST', '/api/admin/studies/token-study/invitations', {
        batches: [
          { agency: 'kab-sleman', count: 3 },
          { agency: 'prov-jambi', count: 2 },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="invitations-token-study.csv"',
      );
      const parsed = Papa.parse<{ agency: string; link: string }>(res.body, {
        header: true,
        skipEmptyLines: true,
      });
      expect(parsed.data.map((r) => r.agency)).toEqual([
        'kab-sleman',
        'kab-sleman',
        'kab-sleman',
        'prov-jambi',
        'prov-jambi',
      ]);
      for (const { agency, link } of parsed.data) {
        const token = /^http:\/\/localhost\/s\/token-study\/t\/([A-Za-z0-9_-]{24})$/.exec(
          link,
        )![1]!;
        const status = await (await app.request(`/api/studies/token-study/tokens/${token}`)).json();
        expect(status).toMatchObject({ agency: { code: agency }, status: 'unused' });
        expect(await rows('invitation_tokens')).not.toContain(token);
      }
      expect(
        (await t.db.selectFrom('invitation_tokens').select('token_hash').execute()).length,
      ).toBe(before + 5);
    });

    it('refuses agency-link studies, unknown agencies and bad batches, issuing nothing', async () => {
      const before = await rows('invitation_tokens');
      const batch = (agency: string, count: number) => ({ batches: [{ agency, count }] });
      expect(
        (await call('POST', '/api/admin/studies/open-study/invitations', batch('kab-sleman', 1)))
          .body,
      ).toMatchObject({ error: { code: 'STUDY_WITHOUT_TOKENS' } });
      const unknown = await call('POST', '/api/admin/studies/token-study/invitations', {
        batches: [
          { agency: 'kab-sleman', count: 1 },
          { agency: 'kab-atlantis', count: 1 },
        ],
      });
      expect(unknown.body).toMatchObject({
        error: { code: 'AGENCY_NOT_FOUND', details: [{ field: 'batches.1.agency' }] },
      });
      expect(
        (await call('POST', '/api/admin/studies/token-study/invitations', batch('kab-sleman', 0)))
          .body,
      ).toMatchObject({ error: { details: [{ field: 'batches.0.count' }] } });
      expect(
        (await call('POST', '/api/admin/studies/token-study/invitations', { batches: [] })).status,
      ).toBe(400);
      expect(
        (await call('POST', '/api/admin/studies/nope/invitations', batch('kab-sleman', 1))).body,
      ).toMatchObject({ error: { code: 'STUDY_NOT_FOUND' } });
      expect(await rows('invitation_tokens')).toBe(before);
    });
  });

  it('refuses an admin cookie on a state change from another origin, changing nothing', async () => {
    const { cookie } = await signIn(app, keys.admin);
    const before = await rows('access_keys');
    const res = await app.request('/api/admin/keys', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(res.status).toBe(403);
    expect(await rows('access_keys')).toBe(before);
  });
});
