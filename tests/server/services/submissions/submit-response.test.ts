// A wave closing while a submission is under way: the submission gets WAVE_CLOSED and leaves nothing, on every dialect; on PostgreSQL the close waits for a submission in flight.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  submitResponse,
  type SubmitDeps,
} from '../../../../server/services/submissions/submit-response.ts';
import { responseStore } from '../../../../server/services/submissions/response-store.ts';
import { insertPendingResponse } from '../../../../server/storage/repositories/pending-responses.ts';
import { closeWave, openWave } from '../../../../server/storage/repositories/waves.ts';
import { validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import {
  testDialects,
  useTestDatabase,
  type TestDialect,
} from '../../../helpers/test-databases.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

/** A test database with the test studies (`open-study` open), and its pending rows by client id. */
function useOpenStudy(dialect: TestDialect) {
  const t = useTestDatabase(dialect);
  let studies: TestStudies | undefined;
  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
  });
  return {
    t,
    studies: (): TestStudies => {
      if (!studies) throw new Error('The studies exist only inside tests and hooks');
      return studies;
    },
    pendingOf: (clientId: string) =>
      t.db
        .selectFrom('pending_responses')
        .select('client_id')
        .where('client_id', '=', clientId)
        .execute(),
  };
}

describe.each(testDialects())('a wave closing during a submission on $dialect', (dialect) => {
  const { t, studies, pendingOf } = useOpenStudy(dialect);

  it('refuses with WAVE_CLOSED and stores nothing when the wave closes between look-up and insert', async () => {
    const store = responseStore(t.db);
    const deps: SubmitDeps = {
      db: t.db,
      questionnaires: studies().questionnaires,
      today: () => '2021-09-16',
      // The close lands after the study and its open wave were looked up.
      store: async (response, token) => {
        await closeWave(t.db, studies().openWave.id, '2021-09-16');
        return store(response, token);
      },
    };
    const id = randomUUID();
    try {
      await expect(
        submitResponse(deps, 'open-study', {
          id,
          agency: 'kab-sleman',
          answers: validTestAnswers,
        }),
      ).rejects.toMatchObject({ code: 'WAVE_CLOSED' });
      expect(await pendingOf(id)).toEqual([]);
    } finally {
      await openWave(t.db, studies().openWave.id);
    }
  });
});

// PostgreSQL only: its submissions commit concurrently over a pool (SQLite has one writer).
describe.each(testDialects().filter((d) => d.dialect === 'postgres'))(
  'a wave closing while a submission is in flight on $dialect',
  (dialect) => {
    const { t, studies, pendingOf } = useOpenStudy(dialect);

    it('makes a close wait for a submission in flight, and refuses the next one', async () => {
      const first = randomUUID();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const didInsert = new Promise<void>((resolve) => (inserted = resolve));
      const response = (clientId: string) => ({
        clientId,
        waveId: studies().openWave.id,
        agencyCode: 'kab-sleman',
        questionnaireId: 'test-survey',
        questionnaireVersion: 1,
        submittedOn: '2021-09-16',
        answers: validTestAnswers,
      });
      // A submission's transaction that has inserted and not yet committed.
      const submission = t.db.transaction().execute(async (trx) => {
        expect(await insertPendingResponse(trx, response(first))).toBe(true);
        inserted();
        await held;
      });
      await didInsert;
      let closed = false;
      const closing = closeWave(t.db, studies().openWave.id, '2021-09-16').then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(closed).toBe(false);
      release();
      await submission;
      await closing;
      try {
        expect(await pendingOf(first)).toHaveLength(1);
        const late = randomUUID();
        expect(await insertPendingResponse(t.db, response(late))).toBe(false);
        expect(await pendingOf(late)).toEqual([]);
      } finally {
        await openWave(t.db, studies().openWave.id);
      }
    });
  },
);
