// Runs small units of write work that arrive together in one transaction, so they share one commit.
import type { Kysely } from 'kysely';

/** Write work to run inside a transaction shared with other units; it may run twice (see below). */
export type GroupedWork<DB, T> = (trx: Kysely<DB>) => Promise<T>;

/** Queues units of work and commits them together. */
export interface GroupCommit<DB> {
  /**
   * Runs `work` in the next group's transaction and settles once that transaction committed
   * (or with the error `work` threw, having written nothing).
   */
  run<T>(work: GroupedWork<DB, T>): Promise<T>;
}

interface Queued<DB> {
  work: GroupedWork<DB, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: units queued while the event loop handles a round of I/O run one after the
 * other in one transaction, started on the next `setImmediate` turn, and each caller hears
 * back only after the commit. On SQLite the commit is most of what a small insert costs and
 * the single connection makes every caller wait for the previous one's, so sharing it is
 * where the throughput comes from; durability is unchanged, since nothing is acknowledged
 * before the transaction holding it committed.
 *
 * One unit failing must not undo the others. When a unit throws, the group's transaction is
 * rolled back and every unit of the group runs again, each in its own transaction, so the
 * failing one fails alone with its own error. Units must therefore be plain database work
 * that can be repeated after a rollback. The fallback costs more, but only a rare race (two
 * submissions spending one token) gets there.
 *
 * @example
 * const group = createGroupCommit(db);
 * const stored = await group.run((trx) => insertResponse(trx, response));
 */
export function createGroupCommit<DB>(db: Kysely<DB>): GroupCommit<DB> {
  let queue: Queued<DB>[] = [];
  // True from the first queued unit until the flush that takes it has settled every caller.
  let scheduled = false;

  const flush = async () => {
    const group = queue;
    queue = [];
    try {
      await commitGroup(db, group);
    } finally {
      // Units queued meanwhile get a group of their own, after this one's callers heard back.
      if (queue.length > 0) setImmediate(flush);
      else scheduled = false;
    }
  };

  return {
    run<T>(work: GroupedWork<DB, T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}

async function commitGroup<DB>(db: Kysely<DB>, group: Queued<DB>[]): Promise<void> {
  if (group.length === 1) return runAlone(db, group[0]!);
  let results: unknown[];
  try {
    results = await db.transaction().execute(async (trx) => {
      const values: unknown[] = [];
      for (const { work } of group) values.push(await work(trx));
      return values;
    });
  } catch {
    // Which unit failed, and whether the rest would have committed, is not known here.
    for (const queued of group) await runAlone(db, queued);
    return;
  }
  group.forEach(({ resolve }, i) => resolve(results[i]));
}

async function runAlone<DB>(db: Kysely<DB>, { work, resolve, reject }: Queued<DB>): Promise<void> {
  try {
    resolve(await db.transaction().execute((trx) => work(trx)));
  } catch (error) {
    reject(error);
  }
}
