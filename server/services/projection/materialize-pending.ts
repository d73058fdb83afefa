// Folds responses stored since the last run into the analysis projection, batch by batch, each batch atomically.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../storage/db/dialect.ts';
import type { Database } from '../../storage/db/schema.ts';
import { addPendingCounts } from '../../storage/repositories/pending-counts.ts';
import { claimUncountedPending } from '../../storage/repositories/pending-responses.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import {
  aggregateResponses,
  projectablePending,
  type CountAggregate,
} from './aggregate-responses.ts';
import { storeAggregate } from './store-aggregate.ts';

export interface MaterializeOptions {
  /** Responses claimed per transaction. */
  batchSize?: number;
  /**
   * PostgreSQL only: pass over rows another run is materializing instead of waiting for it.
   * The idle timer does; a report must not (it would read counts before that batch commits).
   */
  skipLocked?: boolean;
}

/**
 * Materializes every response not yet counted and returns how many it folded in: rows of
 * `responses` stored unmaterialized (before sealed batches existed) into the permanent
 * counts, and pending submissions (not sealed yet) into the pending counts, which reports
 * read too. Sealing later moves pending responses into the permanent counts itself
 * (services/submissions/seal-batch.ts). Each batch is one
 * transaction: claim rows (flag them), aggregate in memory, add the counts. A crash rolls the
 * batch back whole. On PostgreSQL the claim locks its rows (`FOR UPDATE`, optionally
 * `SKIP LOCKED`); SQLite has a single writer, and the claim being the transaction's first
 * statement makes it wait for the write lock (busy timeout) instead of failing.
 *
 * Reports call this first, so every acknowledged response counts.
 *
 * @example
 * await materializePending(db, questionnaires);
 * const cells = await readCellCounts(db, wave.id);
 */
export async function materializePending(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  { batchSize = 1000, skipLocked = false }: MaterializeOptions = {},
): Promise<number> {
  const postgres = dialectOf(db) === 'postgres';
  let total = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .updateTable('responses')
        .set({ materialized: true })
        .where('id', 'in', (eb) => {
          const pending = eb
            .selectFrom('responses')
            .select('id')
            // Literal, as in the partial index `responses_pending`, so the planner can use it.
            .where(sql<boolean>`materialized = false`)
            .orderBy('id')
            .limit(batchSize);
          if (!postgres) return pending;
          return skipLocked ? pending.forUpdate().skipLocked() : pending.forUpdate();
        })
        .returning([
          'wave_id',
          'agency_code',
          'questionnaire_id',
          'questionnaire_version',
          'answers',
        ])
        .execute();
      if (rows.length === 0) return 0;
      const aggregate = aggregateResponses(
        rows.map((r) => ({
          waveId: r.wave_id,
          agencyCode: r.agency_code,
          questionnaireId: r.questionnaire_id,
          questionnaireVersion: r.questionnaire_version,
          answers: JSON.parse(r.answers) as Record<string, unknown>,
        })),
        questionnaires,
      );
      await storeAggregate(trx, aggregate);
      return rows.length;
    });
    // A short batch is not the end on PostgreSQL: rows re-checked after a lock wait drop out.
    if (claimed === 0) break;
    total += claimed;
    // SQLite runs synchronously: without a turn of the event loop between batches, requests
    // that arrived meanwhile would wait for the whole backlog instead of one batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (;;) {
    const counted = await db.transaction().execute(async (trx) => {
      const rows = await claimUncountedPending(trx, batchSize, { skipLocked });
      if (rows.length === 0) return 0;
      await addPendingAggregate(
        trx,
        aggregateResponses(rows.map(projectablePending), questionnaires),
      );
      return rows.length;
    });
    if (counted === 0) return total;
    total += counted;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Adds a batch's counts to the pending counts, profiles by key (no permanent id before sealing). */
async function addPendingAggregate(db: Kysely<Database>, aggregate: CountAggregate): Promise<void> {
  const profileOf = new Map(aggregate.profiles.map((p) => [p.ref, p]));
  const profile = (ref: string) => {
    const found = profileOf.get(ref);
    if (!found) throw new Error(`Unknown profile reference ${ref}`);
    return found;
  };
  await addPendingCounts(
    db,
    aggregate.profileCounts.map((c) => {
      const p = profile(c.profileRef);
      return {
        waveId: c.waveId,
        agencyCode: c.agencyCode,
        questionnaireId: p.questionnaireId,
        profileKey: p.key,
        values: p.values,
        respondents: c.respondents,
      };
    }),
    aggregate.answerCounts.map((c) => {
      const p = profile(c.profileRef);
      return {
        waveId: c.waveId,
        agencyCode: c.agencyCode,
        questionnaireId: p.questionnaireId,
        profileKey: p.key,
        variable: c.variable,
        option: c.option,
        count: c.count,
      };
    }),
  );
}
