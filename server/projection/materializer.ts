// Runs materializePending on an idle timer while the server is up, so reports rarely have much to catch up.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
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
}

/** A running timer; `stop()` resolves once no run is in progress. */
export interface Materializer {
  stop(): Promise<void>;
}

/**
 * Starts materializing every `intervalMs`, never two runs at once.
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
}: MaterializerOptions): Materializer {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = materializePending(db, questionnaires, {
        batchSize: idleBatchSize,
        skipLocked: true,
      })
        .then(
          () => undefined,
          (error: unknown) => onError(error),
        )
        .finally(schedule);
    }, intervalMs);
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
