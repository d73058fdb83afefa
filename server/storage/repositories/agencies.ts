// Queries on the agency frame: the regional governments, their attributes and headcounts N_h.
import type { Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import { dialectOf } from '../db/dialect.ts';
import type { AgencyRow, AgencyType, Database } from '../db/schema.ts';
import { toBoolean } from '../db/values.ts';

/** An agency of the frame: a stratum of every study, with its population headcount N_h. */
export interface Agency {
  code: string;
  name: string;
  type: AgencyType;
  province: string;
  islandRegion: string;
  headcount: number;
  /** The headcount is a generated stand-in; every place that shows it must say so. */
  headcountIllustrative: boolean;
}

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's parameter limits. */
const chunkSize = 500;

function toAgency(row: AgencyRow): Agency {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    province: row.province,
    islandRegion: row.island_region,
    headcount: row.headcount,
    headcountIllustrative: toBoolean(row.headcount_illustrative),
  };
}

/**
 * Every agency, by island region, province, then name.
 *
 * @example
 * const agencies = await listAgencies(db);
 */
export async function listAgencies(db: Kysely<Database>): Promise<Agency[]> {
  const rows = await db
    .selectFrom('agencies')
    .selectAll()
    .orderBy('island_region')
    .orderBy('province')
    .orderBy('name')
    .execute();
  return rows.map(toAgency);
}

/**
 * One agency by code, or undefined.
 *
 * @example
 * await findAgency(db, 'kab-sleman');
 */
export async function findAgency(db: Kysely<Database>, code: string): Promise<Agency | undefined> {
  const row = await db
    .selectFrom('agencies')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row && toAgency(row);
}

/**
 * Inserts agencies, or updates those whose code exists. Pass a transaction to make a whole
 * frame one unit.
 *
 * @example
 * await upsertAgencies(trx, agencies);
 */
export async function upsertAgencies(db: Kysely<Database>, agencies: Agency[]): Promise<void> {
  for (const chunk of chunks(agencies, chunkSize)) {
    const rows = chunk.map((a) => ({
      code: a.code,
      name: a.name,
      type: a.type,
      province: a.province,
      island_region: a.islandRegion,
      headcount: a.headcount,
      headcount_illustrative: a.headcountIllustrative,
    }));
    await db
      .insertInto('agencies')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          type: eb.ref('excluded.type'),
          province: eb.ref('excluded.province'),
          island_region: eb.ref('excluded.island_region'),
          headcount: eb.ref('excluded.headcount'),
          headcount_illustrative: eb.ref('excluded.headcount_illustrative'),
        })),
      )
      .execute();
  }
}

/** What replacing the frame did to the agencies the new frame leaves out. */
export interface FrameRemoval {
  /** Codes deleted: nothing named them. */
  removed: string[];
  /** Codes kept although left out: a response, token, key, link or recorded violation names them. */
  kept: string[];
}

/**
 * Deletes every stored agency whose code is not in `frameCodes` and that no row names (a
 * response, sealed or pending, an invitation token, an access key, a coded link, a recorded
 * violation): those are
 * kept, since their waves' weights and their keys still need them. Pass the transaction that
 * loads the new frame, so both are one unit. Both lists come back in code order.
 *
 * @example
 * const { removed, kept } = await removeAgenciesOutside(trx, new Set(['kab-sleman']));
 */
export async function removeAgenciesOutside(
  db: Kysely<Database>,
  frameCodes: ReadonlySet<string>,
): Promise<FrameRemoval> {
  const stored = await db.selectFrom('agencies').select('code').orderBy('code').execute();
  const outside = stored.map((r) => r.code).filter((code) => !frameCodes.has(code));
  const named = new Set<string>();
  for (const chunk of chunks(outside, chunkSize)) {
    // PostgreSQL: lock them first, so a submission naming one either committed before (and is
    // seen below) or waits, then finds it gone (a foreign-key error the submission reports as
    // an unknown agency). SQLite has one writer at a time.
    if (dialectOf(db) === 'postgres') {
      await db
        .selectFrom('agencies')
        .select('code')
        .where('code', 'in', chunk)
        .forUpdate()
        .execute();
    }
    const rows = await db
      .selectFrom('responses')
      .select('agency_code')
      .where('agency_code', 'in', chunk)
      .union(
        db.selectFrom('pending_responses').select('agency_code').where('agency_code', 'in', chunk),
      )
      .union(
        db.selectFrom('invitation_tokens').select('agency_code').where('agency_code', 'in', chunk),
      )
      .union(
        db.selectFrom('wave_link_codes').select('agency_code').where('agency_code', 'in', chunk),
      )
      .union(
        db
          .selectFrom('recorded_violations')
          .select('agency_code')
          .where('agency_code', 'in', chunk)
          .$narrowType<{ agency_code: string }>(),
      )
      .union(
        db
          .selectFrom('access_keys')
          .select('agency_code')
          .where('agency_code', 'in', chunk)
          .$narrowType<{ agency_code: string }>(),
      )
      .execute();
    for (const row of rows) named.add(row.agency_code);
  }
  const removed = outside.filter((code) => !named.has(code));
  for (const chunk of chunks(removed, chunkSize)) {
    await db.deleteFrom('agencies').where('code', 'in', chunk).execute();
  }
  return { removed, kept: outside.filter((code) => named.has(code)) };
}
