// A wave's responses per agency and day on every dialect: sealed and pending ones alike, a pending retry of a sealed id once.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { importResponses } from '../../../../server/services/projection/import-responses.ts';
import { parseSubmission } from '../../../../server/services/submissions/parse-submission.ts';
import { responseStore } from '../../../../server/services/submissions/response-store.ts';
import { submitResponse } from '../../../../server/services/submissions/submit-response.ts';
import { countResponsesByAgencyAndDay } from '../../../../server/storage/repositories/wave-responses.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('countResponsesByAgencyAndDay on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    // Sealed: imported responses go straight to `responses`.
    await importResponses(t.db, studies.questionnaires, studies.openWave.id, [
      { agencyCode: 'kab-sleman', answers: validTestAnswers, submittedOn: '2021-09-15' },
      { agencyCode: 'prov-jambi', answers: validTestAnswers, submittedOn: '2021-09-15' },
    ]);
    // Pending: acknowledged submissions wait for their batch to be sealed.
    const deps = {
      db: t.db,
      questionnaires: studies.questionnaires,
      store: responseStore(t.db),
      today: () => '2021-09-16',
    };
    for (let i = 0; i < 3; i++) {
      await submitResponse(
        deps,
        'open-study',
        parseSubmission({ id: randomUUID(), agency: 'kab-sleman', answers: validTestAnswers }),
      );
    }
    // A retry that raced the seal: the same id pending and sealed counts once.
    const sealed = await t.db
      .selectFrom('responses')
      .selectAll()
      .where('agency_code', '=', 'prov-jambi')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('pending_responses')
      .values({
        client_id: sealed.client_id,
        wave_id: sealed.wave_id,
        agency_code: sealed.agency_code,
        questionnaire_id: sealed.questionnaire_id,
        questionnaire_version: sealed.questionnaire_version,
        submitted_on: '2021-09-16',
        answers: sealed.answers,
        materialized: false,
      })
      .execute();
  });

  it('counts every acknowledged response, pending ones included, each once', async () => {
    expect(await countResponsesByAgencyAndDay(t.db, studies.openWave.id)).toEqual([
      { agencyCode: 'kab-sleman', day: '2021-09-15', responses: 1 },
      { agencyCode: 'kab-sleman', day: '2021-09-16', responses: 3 },
      { agencyCode: 'prov-jambi', day: '2021-09-15', responses: 1 },
    ]);
  });
});
