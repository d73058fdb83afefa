// Reads a wave's stored responses for exports and the fieldwork monitor: by agency in keyset batches, and counts by agency and day.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { toCount } from '../db/values.ts';

/**
 * The agencies with responses in a wave, in code order.
 *
 * @example
 * for (const code of await listWaveAgencies(db, wave.id)) { … }
 */
export async function listWaveAgencies(db: Kysely<Database>, waveId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('responses')
    .select('agency_code')
    .distinct()
    .where('wave_id', '=', waveId)
    .orderBy('agency_code')
    .execute();
  return rows.map((r) => r.agency_code);
}

/** A stored response's row id and client id: what an export orders rows by, without answers. */
export interface ResponseKey {
  /** Serial row id: a keyset cursor and a lookup key, never exported. */
  id: number;
  /** The client's UUID: exports only hash it (to order rows), never write it. */
  clientId: string;
}

/**
 * One batch of an agency's response keys in a wave after row id `afterId` and up to `untilId`
 * (keyset pagination on the `responses_by_agency` index), at most `limit` of them, in row-id
 * order. No answers are read: an export orders an agency's rows from these first.
 *
 * @example
 * let after = 0;
 * for (;;) { const batch = await readAgencyResponseKeys(db, 1, 'kab-sleman', after, 5000);
 *   if (batch.length === 0) break; after = batch.at(-1)!.id; }
 */
export async function readAgencyResponseKeys(
  db: Kysely<Database>,
  waveId: number,
  agencyCode: string,
  afterId: number,
  limit: number,
  untilId: number = Number.MAX_SAFE_INTEGER,
): Promise<ResponseKey[]> {
  // The driver's rows as they come (see readAnswersById: no per-row copy to pretenure).
  return db
    .selectFrom('responses')
    .select(['id', 'client_id as clientId'])
    .where('wave_id', '=', waveId)
    .where('agency_code', '=', agencyCode)
    .where('id', '>', afterId)
    .where('id', '<=', untilId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A stored response's answers as stored (JSON text), by row id. */
export interface StoredAnswers {
  id: number;
  /** The answers object as JSON text: callers parse one at a time, when they need it. */
  answersJson: string;
}

/**
 * The stored answers of the responses with these row ids (primary-key lookups), in no
 * particular order; ids with no row are left out. Callers pass a few hundred ids at a time: both
 * dialects cap the parameters of one statement.
 *
 * @example
 * const byId = new Map((await readAnswersById(db, [12, 7, 40])).map((r) => [r.id, r.answersJson]));
 */
export async function readAnswersById(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<StoredAnswers[]> {
  if (ids.length === 0) return [];
  // The driver's rows as they come. A copy per row would be an allocation site whose objects
  // all outlive a young-generation collection mid-batch; V8 then allocates every later one
  // straight into the old generation (pretenuring), and a million-row export grew it by up to
  // 90 MB of garbage before a full collection.
  return db
    .selectFrom('responses')
    .select(['id', 'answers as answersJson'])
    .where('id', 'in', ids)
    .execute();
}

/** Responses of one agency on one day. */
export interface AgencyDayCount {
  agencyCode: string;
  /** `YYYY-MM-DD`. */
  day: string;
  responses: number;
}

/**
 * Responses per (agency, submission day) of a wave, every acknowledged response counted: sealed
 * ones and those still pending (a pending duplicate of a sealed id, a retry that raced the
 * seal, is left out), folded into the analysis counts or not. Read in one snapshot, so a batch
 * sealed meanwhile is counted once. The fieldwork monitor derives n_h, last day and the daily
 * series.
 *
 * @example
 * const counts = await countResponsesByAgencyAndDay(db, wave.id);
 */
export async function countResponsesByAgencyAndDay(
  db: Kysely<Database>,
  waveId: number,
): Promise<AgencyDayCount[]> {
  if (db.isTransaction) return countByAgencyAndDay(db, waveId);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => countByAgencyAndDay(trx, waveId));
}

async function countByAgencyAndDay(
  db: Kysely<Database>,
  waveId: number,
): Promise<AgencyDayCount[]> {
  const sealed = await db
    .selectFrom('responses')
    .select((eb) => ['agency_code', 'submitted_on', eb.fn.countAll<number | string>().as('n')])
    .where('wave_id', '=', waveId)
    .groupBy(['agency_code', 'submitted_on'])
    .execute();
  const pending = await db
    .selectFrom('pending_responses as p')
    .select((eb) => ['p.agency_code', 'p.submitted_on', eb.fn.countAll<number | string>().as('n')])
    .where('p.wave_id', '=', waveId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('responses as r').select('r.id').whereRef('r.client_id', '=', 'p.client_id'),
        ),
      ),
    )
    .groupBy(['p.agency_code', 'p.submitted_on'])
    .execute();
  const counts = new Map<string, AgencyDayCount>();
  for (const row of [...sealed, ...pending]) {
    const key = `${row.agency_code}\u0000${row.submitted_on}`;
    const count = counts.get(key) ?? {
      agencyCode: row.agency_code,
      day: row.submitted_on,
      responses: 0,
    };
    count.responses += toCount(row.n);
    counts.set(key, count);
  }
  return [...counts.values()].sort(
    (a, b) => byCodeUnits(a.agencyCode, b.agencyCode) || byCodeUnits(a.day, b.day),
  );
}

// Code-unit order, the same on both dialects (SQL ORDER BY follows the database's collation).
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The largest row id of a wave's responses (0 without responses): exports read up to it, so a
 * download is a snapshot even while the wave takes submissions.
 *
 * @example
 * const until = await lastResponseId(db, wave.id);
 */
export async function lastResponseId(db: Kysely<Database>, waveId: number): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.max<number | string | null>('id').as('id'))
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  return toCount(row?.id ?? null);
}
