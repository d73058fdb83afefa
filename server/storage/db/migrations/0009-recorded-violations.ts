// Recorded neutrality violations published by supervisory bodies (Bawaslu, KASN, BKN), shown beside perception results.
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * One row per (region, election year, source): counts by stage as published, with where the
 * figure came from. Context for results, not survey data: no respondent is involved.
 */
export const recordedViolations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('recorded_violations')
      .addColumn('region_type', 'text', (c) =>
        c.notNull().check(sql`region_type in ('provinsi', 'kabupaten', 'kota')`),
      )
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('agency_code', 'text')
      .addColumn('election_year', 'integer', (c) => c.notNull())
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('cases_recorded', 'integer', (c) => c.notNull().check(sql`cases_recorded >= 0`))
      .addColumn('recommended_to_kasn', 'integer')
      .addColumn('followed_up', 'integer')
      .addColumn('civil_servants', 'integer')
      .addColumn('civil_servants_source', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('illustrative', 'boolean', (c) => c.notNull())
      .addPrimaryKeyConstraint('recorded_violations_pk', [
        'region_type',
        'region',
        'election_year',
        'source',
      ])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('recorded_violations').execute();
  },
};
