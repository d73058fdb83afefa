// Tests the idle materializer: it folds pending responses in on its own, waits out busy spells, and stops cleanly.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { toBoolean } from '../../../../server/storage/db/values.ts';
import { startMaterializer } from '../../../../server/services/projection/materializer.ts';
import { readCellCounts } from '../../../../server/storage/repositories/cell-counts.ts';
import { insertResponse } from '../../../../server/storage/repositories/responses.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { validTestAnswers } from '../../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('the idle materializer on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
  });

  const insertPending = async (agencyCode: string) => {
    const clientId = randomUUID();
    await insertResponse(t.db, {
      clientId,
      waveId: studies.openWave.id,
      agencyCode,
      questionnaireId: 'test-survey',
      questionnaireVersion: 1,
      submittedOn: '2021-09-16',
      answers: validTestAnswers,
    });
    return clientId;
  };
  const isMaterialized = async (clientId: string) => {
    const row = await t.db
      .selectFrom('responses')
      .select('materialized')
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    return toBoolean(row.materialized);
  };

  it('materializes new responses within a few intervals, then stops', async () => {
    const onError = vi.fn();
    const materializer = startMaterializer({
      db: t.db,
      questionnaires: studies.questionnaires,
      intervalMs: 20,
      onError,
    });
    try {
      await insertResponse(t.db, {
        clientId: randomUUID(),
        waveId: studies.openWave.id,
        agencyCode: 'kab-bantul',
        questionnaireId: 'test-survey',
        questionnaireVersion: 1,
        submittedOn: '2021-09-16',
        answers: validTestAnswers,
      });
      await vi.waitFor(
        async () => {
          const cells = await readCellCounts(t.db, studies.openWave.id);
          expect(cells.respondents).toEqual([
            { stratum: 'kab-bantul', profile: expect.any(Number), count: 1 },
          ]);
        },
        { timeout: 5000, interval: 20 },
      );
    } finally {
      await materializer.stop();
    }
    expect(onError).not.toHaveBeenCalled();
  });

  it('puts runs off while the server is busy, but at most maxSkippedTicks in a row', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const materializer = startMaterializer({
      db: t.db,
      questionnaires: studies.questionnaires,
      intervalMs: 1000,
      onError: vi.fn(),
      // Every tick counts as busy.
      busyUtilization: -1,
      maxSkippedTicks: 3,
    });
    try {
      const id = await insertPending('kota-yogyakarta');
      for (let tick = 0; tick < 3; tick += 1) await vi.advanceTimersByTimeAsync(1000);
      expect(await isMaterialized(id)).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      // stop() waits for the run the fourth tick started.
      await materializer.stop();
      expect(await isMaterialized(id)).toBe(true);
    } finally {
      await materializer.stop();
      vi.useRealTimers();
    }
  });

  it('runs at the first tick when the server is idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const materializer = startMaterializer({
      db: t.db,
      questionnaires: studies.questionnaires,
      intervalMs: 1000,
      onError: vi.fn(),
      // No tick counts as busy.
      busyUtilization: 1,
    });
    try {
      const id = await insertPending('kota-yogyakarta');
      await vi.advanceTimersByTimeAsync(1000);
      await materializer.stop();
      expect(await isMaterialized(id)).toBe(true);
    } finally {
      await materializer.stop();
      vi.useRealTimers();
    }
  });

  it('stops without waiting for its next tick, and runs no more afterwards', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const materializer = startMaterializer({
      db: t.db,
      questionnaires: studies.questionnaires,
      intervalMs: 60_000,
      onError: vi.fn(),
      busyUtilization: 1,
    });
    try {
      // Under fake timers a stop() that waited for the 60 s tick would never resolve.
      await materializer.stop();
      const id = await insertPending('kota-yogyakarta');
      await vi.advanceTimersByTimeAsync(180_000);
      expect(await isMaterialized(id)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
