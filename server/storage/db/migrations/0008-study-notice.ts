// Migration 0008: the notice a study shows respondents before the first question (who, why, contact, legal basis, retention).
import type { Kysely, Migration } from 'kysely';

/**
 * One row per study that has its own notice, as JSON (see `StudyNotice`). A table of its own
 * rather than a column of `studies`: the submission path reads `studies` on every request and
 * never needs the notice.
 */
export const studyNotice: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('study_notices')
      .addColumn('study_id', 'text', (c) => c.primaryKey().references('studies.id'))
      .addColumn('notice', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('study_notices').execute();
  },
};
