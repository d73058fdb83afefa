// Reads every stored response, pending or sealed, the way tests need to check what a submission stored.
import type { Kysely } from 'kysely';
import type { Database } from '../../server/storage/db/schema.ts';
import { responseColumns } from '../../server/storage/repositories/pending-responses.ts';

/** A stored response: the columns pending and sealed rows share, and which table holds it. */
export interface StoredResponse {
  client_id: string;
  wave_id: number;
  agency_code: string;
  questionnaire_id: string;
  questionnaire_version: number;
  submitted_on: string;
  answers: string;
  materialized: boolean | number;
  sealed: boolean;
}

/**
 * Rows of `pending_responses` and `responses` (optionally only those whose client id starts
 * with `clientIdPrefix`): a submission is acknowledged once it is pending, and sealing later
 * moves it into `responses`. A pending duplicate of a sealed id (a retry that raced the seal)
 * is left out, as every count leaves it out.
 *
 * @example
 * const [row] = await storedResponses(db, id);
 */
export async function storedResponses(
  db: Kysely<Database>,
  clientIdPrefix = '',
): Promise<StoredResponse[]> {
  const columns = [...responseColumns, 'materialized'] as const;
  const sealed = await db
    .selectFrom('responses')
    .select(columns)
    .where('client_id', 'like', `${clientIdPrefix}%`)
    .execute();
  const sealedIds = new Set(sealed.map((r) => r.client_id));
  const pending = await db
    .selectFrom('pending_responses')
    .select(columns)
    .where('client_id', 'like', `${clientIdPrefix}%`)
    .execute();
  return [
    ...pending.filter((r) => !sealedIds.has(r.client_id)).map((r) => ({ ...r, sealed: false })),
    ...sealed.map((r) => ({ ...r, sealed: true })),
  ];
}
