// Runs materializePending on an idle timer while the server is up, so reports rarely have much to catch up.
import type { Kysely } from 'kysely';
import { performance } from 'node:perf_hooks';
import type { Database } from '../../storage/db/schema.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { sealDueBatch } from '../submissions/seal-batch.ts';
import { materializePending } from './materialize-pending.ts';

/**
 * Small batches: on SQLite a batch holds the only connection, so submissions wait for it;
 * 200 responses take a few tens of milliseconds.
 */
const idleBatchSize = 200;

export interface MaterializerOptions {
  db: Kysely<Database>;
  questionnaires: QuestionnaireRegistry;
  intervalMs: number;
  onError: (error: unknown) => void;
  /**
   * Seals pending submissions after counting them, when a batch is due (see seal-batch.ts):
   * k, the fewest responses per batch, and today's day in the study calendar. Without it
   * nothing is sealed.
   */
  seal?: { minBatchSize: number; today: () => string };
  /**
   * A tick is skipped when the event loop was busy more than this share of the interval
   * before it (default 0.5): above it, a run would take CPU from requests.
   */
  busyUtilization?: number;
  /** Ticks skipped in a row at most, so sustained load cannot defer the work forever (default 12). */
  maxSkippedTicks?: number;
}

/** A running timer; `stop()` resolves once no run is in progress. */
export interface Materializer {
  stop(): Promise<void>;
}

/**
 * Starts materializing (and sealing due batches) every `intervalMs`, never two runs at once. While submissions keep the
 * server busy the run is put off (at most `maxSkippedTicks` ticks in a row): folding a response
 * in costs more CPU than accepting it, and reports catch up on their own (they materialize
 * first), so the work is best done when the server has CPU to spare.
 *
 * @example
 * const materializer = startMaterializer({ db, questionnaires, intervalMs: 5000, onError: console.error });
 * process.on('SIGTERM', () => materializer.stop());
 */
export function startMaterializer({
  db,
  questionnaires,
  intervalMs,
  onError,
  busyUtilization = 0.5,
  maxSkippedTicks = 12,
  seal,
}: MaterializerOptions): Materializer {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let skipped = 0;

  const tick = (utilization: number) => {
    if (utilization > busyUtilization && skipped < maxSkippedTicks) {
      skipped += 1;
      schedule();
      return;
    }
    skipped = 0;
    running = materializePending(db, questionnaires, {
      batchSize: idleBatchSize,
      skipLocked: true,
    })
      .then(async () => {
        if (seal) {
          await sealDueBatch(db, questionnaires, {
            minBatchSize: seal.minBatchSize,
            today: seal.today(),
          });
        }
      })
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(schedule);
  };

  const schedule = () => {
    if (stopped) return;
    // Measured from here, so a run's own work never counts as load at the next tick.
    const since = performance.eventLoopUtilization();
    timer = setTimeout(() => tick(performance.eventLoopUtilization(since).utilization), intervalMs);
    // The timer alone must not keep the process alive.
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
