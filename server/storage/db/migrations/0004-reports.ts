// Migration for reports and downloads: an index to read a wave's responses agency by agency, and the synthetic-study mark.
import type { Kysely, Migration } from 'kysely';

/**
 * `responses_by_agency` lets exports and the fieldwork monitor read one agency of one wave in
 * keyset batches (`agency_code = ? and id > ? order by id`) without scanning the table.
 * `synthetic_studies` marks studies whose responses were generated (the demo), so every report,
 * download and page can say so; it is a table of its own so no study column changes.
 */
export const reportsSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('responses_by_agency')
      .on('responses')
      .columns(['wave_id', 'agency_code', 'id'])
      .execute();
    await db.schema
      .createTable('synthetic_studies')
      .addColumn('study_id', 'text', (c) => c.primaryKey().references('studies.id'))
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('synthetic_studies').execute();
    await db.schema.dropIndex('responses_by_agency').execute();
  },
};
