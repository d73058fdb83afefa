// Disclosure settings per study: minimum cell sizes, sensitive items, and whether the public dashboard may show it.
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `disclosure_settings` holds one row per study that departs from the defaults (k = 10, a
 * stricter k for the questionnaire's sensitive items, not public). The checks repeat the rules
 * of STATISTICS.md so no stored setting can fall below them: k ≥ 5, sensitive k ≥ k.
 */
export const disclosureSettings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('disclosure_settings')
      .addColumn('study_id', 'text', (c) => c.primaryKey().references('studies.id'))
      .addColumn('minimum_cell_size', 'integer', (c) =>
        c.notNull().check(sql`minimum_cell_size >= 5`),
      )
      .addColumn('sensitive_minimum_cell_size', 'integer', (c) => c.notNull())
      .addColumn('sensitive_questions', 'text', (c) => c.notNull())
      .addColumn('public', 'boolean', (c) => c.notNull())
      .addCheckConstraint(
        'disclosure_settings_sensitive_minimum',
        sql`sensitive_minimum_cell_size >= minimum_cell_size`,
      )
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('disclosure_settings').execute();
  },
};
