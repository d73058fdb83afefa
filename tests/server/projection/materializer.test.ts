// Tests the idle materializer: it folds pending responses in on its own and stops cleanly.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startMaterializer } from '../../../server/projection/materializer.ts';
import { readCellCounts } from '../../../server/repositories/cell-counts.ts';
import { insertResponse } from '../../../server/repositories/responses.ts';
import { testDialects, useTestDatabase } from '../../helpers/test-databases.ts';
import { validTestAnswers } from '../../helpers/test-questionnaire.ts';
import { setUpTestStudies, type TestStudies } from '../../helpers/test-studies.ts';

describe.each(testDialects())('the idle materializer on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let studies: TestStudies;
  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
  });

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

  it('stops at once when idle', async () => {
    const materializer = startMaterializer({
      db: t.db,
      questionnaires: studies.questionnaires,
      intervalMs: 60_000,
      onError: vi.fn(),
    });
    const started = performance.now();
    await materializer.stop();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
