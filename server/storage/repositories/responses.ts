// Queries on stored responses: the idempotent insert, the retry lookup, and counts.
import type { Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import type { Database } from '../db/schema.ts';
import { toCount } from '../db/values.ts';

/** A response as stored: answers already validated against its questionnaire version. */
export interface NewResponse {
  /** The client's UUID; a second insert with it stores nothing. */
  clientId: string;
  waveId: number;
  agencyCode: string;
  questionnaireId: string;
  questionnaireVersion: number;
  /** `YYYY-MM-DD`. */
  submittedOn: string;
  answers: Record<string, unknown>;
}

/** Rows per multi-row insert: 8 parameters each, under SQLite's 32,766 and PostgreSQL's 65,535. */
const chunkSize = 1000;

function toRow(response: NewResponse, materialized: boolean) {
  return {
    client_id: response.clientId,
    wave_id: response.waveId,
    agency_code: response.agencyCode,
    questionnaire_id: response.questionnaireId,
    questionnaire_version: response.questionnaireVersion,
    submitted_on: response.submittedOn,
    answers: JSON.stringify(response.answers),
    materialized,
  };
}

/**
 * Stores a response unless its client id is already stored; true when this call stored it.
 * The row starts unmaterialized: aggregation is deferred so a submission costs one insert.
 *
 * @example
 * const stored = await insertResponse(trx, response);
 */
export async function insertResponse(
  db: Kysely<Database>,
  response: NewResponse,
): Promise<boolean> {
  const row = toRow(response, false);
  const result = await insertSealed(
    db,
    row.client_id,
    row.wave_id,
    row.agency_code,
    row.questionnaire_id,
    row.questionnaire_version,
    row.submitted_on,
    row.answers,
  );
  return Number(result.numAffectedRows ?? 0) > 0;
}

// Prepared: a row straight into the sealed table (tests and imports; submissions go through
// pending_responses and are sealed in batches, see pending-responses.ts).
const insertSealed = preparedQuery(
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
      .insertInto('responses')
      .values({
        client_id: clientId,
        wave_id: waveId,
        agency_code: agencyCode,
        questionnaire_id: questionnaireId,
        questionnaire_version: questionnaireVersion,
        submitted_on: submittedOn,
        answers,
        materialized: false,
      })
      .onConflict((oc) => oc.column('client_id').doNothing()),
);

/**
 * Stores many responses already folded into the counts by the caller (same transaction).
 * A duplicate client id fails the whole statement: bulk imports are not retries.
 *
 * @example
 * await insertMaterializedResponses(trx, responses);
 */
export async function insertMaterializedResponses(
  db: Kysely<Database>,
  responses: NewResponse[],
): Promise<void> {
  for (const chunk of chunks(responses, chunkSize)) {
    const rows = chunk.map((r) => toRow(r, true));
    await db.insertInto('responses').values(rows).execute();
  }
}

/**
 * Inserts a sealed batch in the order given (the caller shuffled it), already counted by the
 * caller in the same transaction, skipping client ids stored already (a retry that raced
 * the seal of its first attempt). Returns the client ids this call inserted.
 *
 * @example
 * const inserted = await insertSealedResponses(trx, shuffledBatch);
 */
export async function insertSealedResponses(
  db: Kysely<Database>,
  responses: readonly (Omit<NewResponse, 'answers'> & { answers: string })[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of chunks(responses, chunkSize)) {
    const rows = await db
      .insertInto('responses')
      .values(
        chunk.map((r) => ({
          client_id: r.clientId,
          wave_id: r.waveId,
          agency_code: r.agencyCode,
          questionnaire_id: r.questionnaireId,
          questionnaire_version: r.questionnaireVersion,
          submitted_on: r.submittedOn,
          answers: r.answers,
          materialized: true,
        })),
      )
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .execute();
    for (const row of rows) inserted.add(row.client_id);
  }
  return inserted;
}

/**
 * The study a stored response belongs to, found by its client id; undefined if not stored.
 *
 * @example
 * const studyId = await findResponseStudy(db, '1b4e28ba-2fa1-41d2-883f-0016d3cca427');
 */
export async function findResponseStudy(
  db: Kysely<Database>,
  clientId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('responses')
    .innerJoin('waves', 'waves.id', 'responses.wave_id')
    .select('waves.study_id')
    .where('responses.client_id', '=', clientId)
    .executeTakeFirst();
  return row?.study_id;
}

/**
 * How many responses a wave holds (all of them: sealed or pending, materialized or not).
 * A pending duplicate of a sealed response (a retry that raced the seal) is not counted.
 *
 * @example
 * await countResponses(db, wave.id);
 */
export async function countResponses(db: Kysely<Database>, waveId: number): Promise<number> {
  const sealed = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('wave_id', '=', waveId)
    .executeTakeFirstOrThrow();
  const pending = await db
    .selectFrom('pending_responses as p')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('p.wave_id', '=', waveId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('responses as r')
            .select('r.id')
            .whereRef('r.client_id', '=', 'p.client_id'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return toCount(sealed.n) + toCount(pending.n);
}
