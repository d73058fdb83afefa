// Queries on pending (not yet sealed) responses: the idempotent insert, the retry lookup, claims for counting and the batch a seal takes.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialect.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { Database } from '../db/schema.ts';
import { toCount } from '../db/values.ts';
import type { NewResponse } from './responses.ts';

/** A pending response as read back: the stored columns, answers still JSON text. */
export interface PendingResponse {
  clientId: string;
  waveId: number;
  agencyCode: string;
  questionnaireId: string;
  questionnaireVersion: number;
  submittedOn: string;
  answers: string;
}

/** The columns a response is stored with, pending or sealed, and read back with. */
export const responseColumns = [
  'client_id',
  'wave_id',
  'agency_code',
  'questionnaire_id',
  'questionnaire_version',
  'submitted_on',
  'answers',
] as const;

/**
 * Stores a submission as pending unless its client id is stored already, pending or sealed,
 * or its wave is no longer open; true when this call stored it. The wave is checked in the
 * insert itself (on PostgreSQL with a share lock on the wave row, which closing the wave waits
 * for): a wave closed after the submission looked it up gets nothing more, so a released wave
 * never changes. One statement, so an agency-link submission on PostgreSQL
 * needs no transaction. A retry racing the seal of its own first attempt can slip past the
 * `responses` check (the seal commits between the check's snapshot and the insert); the seal
 * then skips that duplicate and counting ignores it meanwhile, so it is never counted twice.
 *
 * @example
 * const stored = await insertPendingResponse(trx, response);
 */
export async function insertPendingResponse(
  db: Kysely<Database>,
  response: NewResponse,
): Promise<boolean> {
  const result = await insertPending(
    db,
    response.clientId,
    response.waveId,
    response.agencyCode,
    response.questionnaireId,
    response.questionnaireVersion,
    response.submittedOn,
    JSON.stringify(response.answers),
  );
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * The wave's row if it is open. On PostgreSQL it is locked for share until the inserting
 * transaction ends: `closeWave`'s update waits for it, and an insert that waited for a close
 * sees the closed row and inserts nothing (READ COMMITTED re-checks the locked row).
 */
function openWaveRow(db: Kysely<Database>, waveId: number) {
  const row = db
    .selectFrom('waves')
    .select('waves.id')
    .where('waves.id', '=', sql<number>`cast(${waveId} as integer)`)
    .where('waves.status', '=', 'open');
  return dialectOf(db) === 'postgres' ? row.forShare() : row;
}

// Prepared: the one insert every submission makes. Casts type the SELECT's parameters on PostgreSQL.
const insertPending = preparedQuery(
  (
    db: Kysely<Database>,
    clientId: string,
    waveId: number,
    agencyCode: string,
    questionnaireId: string,
    questionnaireVersion: number,
    submittedOn: string,
    answers: string,
  ) =>
    db
      .insertInto('pending_responses')
      .columns(responseColumns)
      .expression(
        db
          .selectNoFrom((eb) => [
            eb.cast<string>(eb.val(clientId), 'text').as('client_id'),
            eb.cast<number>(eb.val(waveId), 'integer').as('wave_id'),
            eb.cast<string>(eb.val(agencyCode), 'text').as('agency_code'),
            eb.cast<string>(eb.val(questionnaireId), 'text').as('questionnaire_id'),
            eb.cast<number>(eb.val(questionnaireVersion), 'integer').as('questionnaire_version'),
            eb.cast<string>(eb.val(submittedOn), 'text').as('submitted_on'),
            eb.cast<string>(eb.val(answers), 'text').as('answers'),
          ])
          .where((eb) =>
            eb.and([
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('responses')
                    .select('responses.id')
                    .where('client_id', '=', clientId),
                ),
              ),
              eb.exists(openWaveRow(db, waveId)),
            ]),
          ),
      )
      .onConflict((oc) => oc.column('client_id').doNothing()),
);

/**
 * The study of a pending response, found by its client id; undefined if none is pending.
 *
 * @example
 * const studyId = await findPendingResponseStudy(db, '1b4e28ba-2fa1-41d2-883f-0016d3cca427');
 */
export async function findPendingResponseStudy(
  db: Kysely<Database>,
  clientId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('pending_responses')
    .innerJoin('waves', 'waves.id', 'pending_responses.wave_id')
    .select('waves.study_id')
    .where('pending_responses.client_id', '=', clientId)
    .executeTakeFirst();
  return row?.study_id;
}

/**
 * Flags up to `limit` pending responses as counted and returns them, for the caller to add
 * to the pending counts in the same transaction. Skips duplicates of sealed responses (see
 * `insertPendingResponse`). On PostgreSQL the rows are locked, optionally `SKIP LOCKED`, so
 * two processes never count one row twice.
 *
 * @example
 * const rows = await claimUncountedPending(trx, 200, { skipLocked: true });
 */
export async function claimUncountedPending(
  db: Kysely<Database>,
  limit: number,
  { skipLocked = false }: { skipLocked?: boolean } = {},
): Promise<PendingResponse[]> {
  const postgres = dialectOf(db) === 'postgres';
  const rows = await db
    .updateTable('pending_responses')
    .set({ materialized: true })
    .where('client_id', 'in', (eb) => {
      const uncounted = eb
        .selectFrom('pending_responses as p')
        .select('p.client_id')
        .where(sql<boolean>`p.materialized = false`)
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('responses as r')
                .select('r.id')
                .whereRef('r.client_id', '=', 'p.client_id'),
            ),
          ),
        )
        .limit(limit);
      if (!postgres) return uncounted;
      return skipLocked ? uncounted.forUpdate().skipLocked() : uncounted.forUpdate();
    })
    .returning(responseColumns)
    .execute();
  return rows.map(fromRow);
}

/**
 * Removes every pending response and returns them: the batch a seal moves. On PostgreSQL it
 * first locks the table against writers (submissions and counting wait the few hundred
 * milliseconds a seal takes), so the batch is exactly what the pending counts hold; on
 * SQLite the delete is the transaction's first statement and takes the write lock.
 * Call it in the sealing transaction.
 *
 * @example
 * const batch = await takeAllPending(trx);
 */
export async function takeAllPending(db: Kysely<Database>): Promise<PendingResponse[]> {
  if (!db.isTransaction) throw new Error('takeAllPending must run in the sealing transaction');
  if (dialectOf(db) === 'postgres') {
    await sql`lock table pending_responses in exclusive mode`.execute(db);
  }
  const rows = await db.deleteFrom('pending_responses').returning(responseColumns).execute();
  return rows.map(fromRow);
}

/**
 * How many responses are pending and the day of the oldest, to decide whether a seal is due.
 *
 * @example
 * const { count, oldestDay } = await pendingSummary(db);
 */
export async function pendingSummary(
  db: Kysely<Database>,
): Promise<{ count: number; oldestDay: string | undefined }> {
  const row = await db
    .selectFrom('pending_responses')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('submitted_on').as('oldest')])
    .executeTakeFirstOrThrow();
  return { count: toCount(row.n), oldestDay: row.oldest ?? undefined };
}

function fromRow(row: {
  client_id: string;
  wave_id: number;
  agency_code: string;
  questionnaire_id: string;
  questionnaire_version: number;
  submitted_on: string;
  answers: string;
}): PendingResponse {
  return {
    clientId: row.client_id,
    waveId: row.wave_id,
    agencyCode: row.agency_code,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    submittedOn: row.submitted_on,
    answers: row.answers,
  };
}
