// Migration 0005: submissions land in pending tables until a batch is sealed into `responses` in random order (anonymity against the operator).
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `pending_responses` holds acknowledged submissions until their batch is sealed, and
 * `pending_profile_counts` / `pending_answer_counts` their analysis counts meanwhile (keyed by
 * the profile's canonical key, so no permanent profile id is handed out before sealing).
 * Sealing moves a batch into `responses` in random order and empties all three; see
 * services/submissions/seal-batch.ts for why.
 */
export const sealedBatches: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pending_responses')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id'))
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('questionnaire_id', 'text', (c) => c.notNull())
      .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
      .addColumn('submitted_on', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('materialized', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();

    await db.schema
      .createTable('pending_profile_counts')
      .addColumn('wave_id', 'integer', (c) => c.notNull())
      .addColumn('agency_code', 'text', (c) => c.notNull())
      .addColumn('questionnaire_id', 'text', (c) => c.notNull())
      .addColumn('profile_key', 'text', (c) => c.notNull())
      .addColumn('values_json', 'text', (c) => c.notNull())
      .addColumn('respondents', 'integer', (c) => c.notNull().check(sql`respondents >= 0`))
      .addPrimaryKeyConstraint('pending_profile_counts_pk', [
        'wave_id',
        'agency_code',
        'questionnaire_id',
        'profile_key',
      ])
      .execute();

    await db.schema
      .createTable('pending_answer_counts')
      .addColumn('wave_id', 'integer', (c) => c.notNull())
      .addColumn('agency_code', 'text', (c) => c.notNull())
      .addColumn('questionnaire_id', 'text', (c) => c.notNull())
      .addColumn('profile_key', 'text', (c) => c.notNull())
      .addColumn('variable', 'text', (c) => c.notNull())
      .addColumn('option', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
      .addPrimaryKeyConstraint('pending_answer_counts_pk', [
        'wave_id',
        'agency_code',
        'questionnaire_id',
        'profile_key',
        'variable',
        'option',
      ])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['pending_answer_counts', 'pending_profile_counts', 'pending_responses']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
