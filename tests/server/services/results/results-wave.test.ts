// The release rule attacked across time: while a wave is open, no agency or public answer moves with its submissions, sealed or pending; closing releases it for good.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessKey } from '../../../../server/services/auth/access-keys.ts';
import {
  addWave,
  closeStudyWave,
  openStudyWave,
} from '../../../../server/services/administration/study-waves.ts';
import type { QuestionnaireRegistry } from '../../../../server/services/questionnaires/questionnaire-registry.ts';
import { sealDueBatch } from '../../../../server/services/submissions/seal-batch.ts';
import type { AgencyResults } from '../../../../server/services/results/results-types.ts';
import {
  generateResultsStudy,
  publishResultsStudy,
  resultsOptions,
  setUpResultsFrame,
  type ResultsStudy,
} from '../../../helpers/results-study.ts';
import { createTestApp, postJson } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { bearer } from '../../../helpers/test-keys.ts';

type App = ReturnType<typeof createTestApp>['app'];

const answerArbitrary = fc.record({
  A4: fc.constantFrom(...resultsOptions.A4),
  A6: fc.constantFrom(...resultsOptions.A6),
  A9: fc.constantFrom(...resultsOptions.A9),
  Q1: fc.constantFrom(...resultsOptions.Q1),
  H2: fc.constantFrom(...resultsOptions.H2),
  I: fc.record({
    I1: fc.constantFrom('1', '2', '3', '4'),
    I2: fc.constantFrom('1', '2', '3', '4'),
  }),
});

/** Text with every decimal number rounded to 12 significant digits. */
const toTwelveDigits = (text: string) =>
  text.replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => String(Number(Number(n).toPrecision(12))));

/** One step of fieldwork: a submission from an agency, then perhaps a seal of every pending one. */
const stepArbitrary = fc.record({ answers: answerArbitrary, seal: fc.boolean() });

describe.each(testDialects())('results of open waves are never shown on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: App;
  let questionnaires: QuestionnaireRegistry;
  let study: ResultsStudy;
  let agency: string;
  const keys: Record<string, string> = {};

  /** Every agency-facing and public answer about the study, as text (the exact bytes shown). */
  const looks = async () => {
    const paths = [
      `/api/agency/results?study=${study.studyId}&lang=en`,
      `/api/agency/results.csv?study=${study.studyId}&lang=id`,
      `/api/agency/results?lang=id`,
      `/api/public/studies?lang=en`,
      `/api/public/studies/${study.studyId}/headline?lang=en`,
      `/api/public/studies/${study.studyId}/ranking?indicator=Q1:ya&by=province&lang=en`,
    ];
    const seen: string[] = [];
    for (const path of paths) {
      const res = await app.request(path, { headers: bearer(keys.agency!) });
      seen.push(`${path} ${res.status} ${await res.text()}`);
    }
    return seen;
  };

  const submit = async (answers: Record<string, unknown>) => {
    const { status } = await postJson(app, `/api/studies/${study.studyId}/responses`, {
      id: randomUUID(),
      agency,
      answers,
    });
    expect(status).toBe(201);
  };

  beforeAll(async () => {
    questionnaires = await setUpResultsFrame(t.db);
    study = await generateResultsStudy(t.db, questionnaires, 'gen-release', 'release-seed-1');
    await publishResultsStudy(t.db, study.studyId);
    agency = [...study.sizes].find(([, n]) => n >= 20)![0];
    keys.agency = (await createAccessKey(t.db, { role: 'agency', agencyCode: agency })).key;
    keys.admin = (await createAccessKey(t.db, { role: 'admin', agencyCode: null })).key;
    ({ app } = createTestApp(t.db, questionnaires));
  }, 120_000);

  it('keeps every agency and public answer byte-identical while a second wave is answered, sealed or not, then releases it on close', async () => {
    const released = await looks();
    const w1: AgencyResults = JSON.parse(released[0]!.slice(released[0]!.indexOf('{')));
    expect(w1.wave.name).toBe('W1');

    const w2 = await addWave(t.db, study.studyId, {
      name: 'W2',
      opensOn: '2021-09-10',
      closesOn: '2021-09-30',
    });
    await openStudyWave(t.db, study.studyId, w2.id);
    let submitted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const { answers, seal } of steps) {
          await submit(answers);
          submitted++;
          if (seal)
            await sealDueBatch(t.db, questionnaires, { minBatchSize: 1, today: '2099-01-01' });
          // The attacker's two looks, before and after one colleague's submission.
          expect(await looks()).toEqual(released);
        }
      }),
      { numRuns: 6 },
    );

    await closeStudyWave(t.db, study.studyId, w2.id, '2021-09-16');
    const after = await app.request(`/api/agency/results?study=${study.studyId}&lang=en`, {
      headers: bearer(keys.agency!),
    });
    const w2Results = (await after.json()) as AgencyResults;
    expect(w2Results.wave.name).toBe('W2');
    expect(w2Results.agency.respondents).toBe(submitted);
    // Released results stay put once the last pending ones are sealed (up to the last bits of
    // a double: counts summed in another order).
    const beforeSeal = (await looks()).map(toTwelveDigits);
    await sealDueBatch(t.db, questionnaires, { minBatchSize: 1, today: '2099-01-01' });
    expect((await looks()).map(toTwelveDigits)).toEqual(beforeSeal);
  }, 240_000);

  it('never opens a released wave again, but opens a closed wave nobody answered', async () => {
    const waves = await app.request('/api/admin/studies', { headers: bearer(keys.admin!) });
    const listed = (
      (await waves.json()) as {
        id: string;
        waves: { name: string; id: number; released: boolean }[];
      }[]
    ).find((s) => s.id === study.studyId)!.waves;
    expect(listed.map((w) => [w.name, w.released])).toEqual([
      ['W1', true],
      ['W2', true],
    ]);
    for (const wave of listed) {
      const res = await app.request(`/api/admin/studies/${study.studyId}/waves/${wave.id}/open`, {
        method: 'POST',
        headers: bearer(keys.admin!),
      });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('WAVE_RELEASED');
    }
    const empty = await addWave(t.db, study.studyId, {
      name: 'W3',
      opensOn: '2021-10-01',
      closesOn: null,
    });
    await openStudyWave(t.db, study.studyId, empty.id);
    await closeStudyWave(t.db, study.studyId, empty.id, '2021-10-02');
    expect((await openStudyWave(t.db, study.studyId, empty.id)).status).toBe('open');
    await closeStudyWave(t.db, study.studyId, empty.id, '2021-10-03');
  });

  it('answers a study whose only wave is open with RESULTS_NOT_RELEASED, and lists it nowhere public', async () => {
    await generateResultsStudy(t.db, questionnaires, 'gen-unreleased', 'release-seed-2');
    await publishResultsStudy(t.db, 'gen-unreleased');
    await t.db
      .updateTable('waves')
      .set({ status: 'open', closes_on: '2021-10-31' })
      .where('study_id', '=', 'gen-unreleased')
      .execute();
    for (const path of [
      '/api/agency/results?study=gen-unreleased',
      '/api/public/studies/gen-unreleased/headline',
    ]) {
      const res = await app.request(path, { headers: bearer(keys.agency!) });
      expect(res.status).toBe(404);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('RESULTS_NOT_RELEASED');
      expect(error.message).toContain('planned to close on 2021-10-31');
    }
    const listed = await app.request('/api/public/studies');
    expect(((await listed.json()) as { id: string }[]).map((s) => s.id)).not.toContain(
      'gen-unreleased',
    );
  });
});
