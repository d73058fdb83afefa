// Migration 0006: agency links with an unguessable code per wave, as a study option.
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `studies.uses_link_codes`: respondents reach the study by `/s/<study>/l/<code>`, and a
 * submission names the code instead of the (public) agency code. `wave_link_codes`: one code
 * per (wave, agency), so a new wave gets new links and a code never outlives its wave. Codes
 * are shared by everyone of an agency, so they are stored as they are (an administrator may
 * need to send them again); they say nothing about any respondent.
 */
export const waveLinkCodes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('studies')
      .addColumn('uses_link_codes', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
      .execute();
    await db.schema
      .createTable('wave_link_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id'))
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addUniqueConstraint('wave_link_codes_wave_agency_unique', ['wave_id', 'agency_code'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('wave_link_codes').execute();
    await db.schema.alterTable('studies').dropColumn('uses_link_codes').execute();
  },
};
