// Queries on recorded neutrality violations: counts by stage per region and election, with their source.
import type { Kysely } from 'kysely';
import type { AgencyType, Database, RecordedViolationTable } from '../db/schema.ts';
import type { Insertable, Selectable } from 'kysely';
import { toBoolean } from '../db/values.ts';

/** Cases in one region and election as a supervisory body published them. */
export interface RecordedViolation {
  regionType: AgencyType;
  region: string;
  province: string;
  /** The frame agency this region is, when it is one. */
  agencyCode: string | null;
  electionYear: number;
  /** `YYYY-MM-DD`. */
  reportedOn: string;
  source: string;
  casesRecorded: number;
  recommendedToKasn: number | null;
  followedUp: number | null;
  /** Denominator of the rate per 1,000 civil servants; null when unknown. */
  civilServants: number | null;
  civilServantsSource: string;
  note: string;
  illustrative: boolean;
}

function toRecordedViolation(row: Selectable<RecordedViolationTable>): RecordedViolation {
  return {
    regionType: row.region_type,
    region: row.region,
    province: row.province,
    agencyCode: row.agency_code,
    electionYear: row.election_year,
    reportedOn: row.reported_on,
    source: row.source,
    casesRecorded: row.cases_recorded,
    recommendedToKasn: row.recommended_to_kasn,
    followedUp: row.followed_up,
    civilServants: row.civil_servants,
    civilServantsSource: row.civil_servants_source,
    note: row.note,
    illustrative: toBoolean(row.illustrative),
  };
}

function toRow(v: RecordedViolation): Insertable<RecordedViolationTable> {
  return {
    region_type: v.regionType,
    region: v.region,
    province: v.province,
    agency_code: v.agencyCode,
    election_year: v.electionYear,
    reported_on: v.reportedOn,
    source: v.source,
    cases_recorded: v.casesRecorded,
    recommended_to_kasn: v.recommendedToKasn,
    followed_up: v.followedUp,
    civil_servants: v.civilServants,
    civil_servants_source: v.civilServantsSource,
    note: v.note,
    illustrative: v.illustrative,
  };
}

/**
 * Inserts the rows and replaces those already stored with the same region, election year and
 * source. Run it inside a transaction to make an import all or nothing.
 *
 * @example
 * await inTransaction(db, (trx) => upsertRecordedViolations(trx, rows));
 */
export async function upsertRecordedViolations(
  db: Kysely<Database>,
  violations: readonly RecordedViolation[],
): Promise<void> {
  for (const violation of violations) {
    const row = toRow(violation);
    await db
      .insertInto('recorded_violations')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['region_type', 'region', 'election_year', 'source']).doUpdateSet({
          province: row.province,
          agency_code: row.agency_code,
          reported_on: row.reported_on,
          cases_recorded: row.cases_recorded,
          recommended_to_kasn: row.recommended_to_kasn,
          followed_up: row.followed_up,
          civil_servants: row.civil_servants,
          civil_servants_source: row.civil_servants_source,
          note: row.note,
          illustrative: row.illustrative,
        }),
      )
      .execute();
  }
}

/**
 * Every recorded violation, by province, region, then election year.
 *
 * @example
 * const rows = await listRecordedViolations(db);
 */
export async function listRecordedViolations(db: Kysely<Database>): Promise<RecordedViolation[]> {
  const rows = await db
    .selectFrom('recorded_violations')
    .selectAll()
    .orderBy('province')
    .orderBy('region')
    .orderBy('election_year')
    .orderBy('source')
    .execute();
  return rows.map(toRecordedViolation);
}
