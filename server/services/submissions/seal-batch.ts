// Seals the pending submissions into `responses` as one batch in random order, so no spent token can be linked to its response afterwards.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { eraseFreedSpace } from '../../storage/db/erase-freed-space.ts';
import type { Database } from '../../storage/db/schema.ts';
import { clearPendingCounts } from '../../storage/repositories/pending-counts.ts';
import { pendingSummary, takeAllPending } from '../../storage/repositories/pending-responses.ts';
import { insertSealedResponses } from '../../storage/repositories/responses.ts';
import { aggregateResponses, projectablePending } from '../projection/aggregate-responses.ts';
import { storeAggregate } from '../projection/store-aggregate.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';

export interface SealOptions {
  /** k: the fewest responses a batch is sealed with, unless the day they arrived is over. */
  minBatchSize: number;
  /** Today (`YYYY-MM-DD`) in the study calendar: a batch holding an earlier day is sealed whatever its size. */
  today: string;
}

/** Thrown inside the sealing transaction to roll it back when another process sealed first. */
class NotDue extends Error {}

/**
 * Seals every pending response when a batch is due (at least `minBatchSize` pending, or one
 * from a day that is over) and returns how many it sealed (0 when none was due).
 *
 * The threat: whoever runs the database reads every table, row order and system column.
 * A submission spends its token and stores its response in one transaction, so until the
 * seal the pending row shares the token row's PostgreSQL `xmin` and lies in arrival order
 * (`ctid`, SQLite rowid). The seal, in one transaction: takes every pending row, shuffles
 * them with a cryptographic generator, inserts them into `responses` in that order (so ids,
 * `ctid`/rowid and `cmin` follow the shuffle and all rows share the seal's `xmin`), adds the
 * batch to the permanent analysis counts (every count and profile row it touches gets the
 * same `xmin`; new profiles are created in key order) and empties the pending rows and
 * counts. Then the deleted versions are erased (VACUUM; SQLite zeroes them with
 * `secure_delete` and its log is truncated). What remains of a token is its own row, spent
 * at some time: its order among tokens says nothing about the order of responses, so within
 * the batch (and the same agency, which the token names) any pairing is as good as chance.
 *
 * @example
 * await sealDueBatch(db, questionnaires, { minBatchSize: 100, today: '2026-11-29' });
 */
export async function sealDueBatch(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  options: SealOptions,
): Promise<number> {
  const { count, oldestDay } = await pendingSummary(db);
  if (!isDue(count, oldestDay, options)) return 0;
  let sealed: number;
  try {
    sealed = await db.transaction().execute(async (trx) => {
      const batch = await takeAllPending(trx);
      const oldest = batch.reduce<string | undefined>(
        (min, r) => (min === undefined || r.submittedOn < min ? r.submittedOn : min),
        undefined,
      );
      // Re-checked under the lock: a concurrent seal may have taken the batch meanwhile.
      if (!isDue(batch.length, oldest, options)) throw new NotDue();
      const inserted = await insertSealedResponses(trx, shuffled(batch));
      const stored = batch.filter((r) => inserted.has(r.clientId));
      await storeAggregate(trx, aggregateResponses(stored.map(projectablePending), questionnaires));
      await clearPendingCounts(trx);
      return stored.length;
    });
  } catch (error) {
    if (error instanceof NotDue) return 0;
    throw error;
  }
  await eraseFreedSpace(db);
  return sealed;
}

function isDue(count: number, oldestDay: string | undefined, options: SealOptions): boolean {
  if (count === 0) return false;
  return count >= options.minBatchSize || (oldestDay !== undefined && oldestDay < options.today);
}

/** A uniformly random permutation (Fisher–Yates with a cryptographic generator). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
