// First migration: questionnaires, studies, waves, the agency frame, responses, tokens and the analysis projection.
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * Creates every table of the first release. Nothing here records an IP address, user agent,
 * name or NIP, and tokens carry neither a timestamp nor a response reference.
 */
export const initialSchema: Migration = {
  async up(db: Kysely<unknown>) {
    const serial =
      dialectOf(db) === 'postgres'
        ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
        : // INTEGER PRIMARY KEY is SQLite's rowid: the cheapest serial key it has.
          (c: ColumnDefinitionBuilder) => c.primaryKey();

    await db.schema
      .createTable('questionnaire_versions')
      .addColumn('questionnaire_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
      .addColumn('definition', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('questionnaire_versions_pk', ['questionnaire_id', 'version'])
      .execute();

    await db.schema
      .createTable('studies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('questionnaire_id', 'text', (c) => c.notNull())
      .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
      .addColumn('title_id', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('uses_tokens', 'boolean', (c) => c.notNull())
      .addForeignKeyConstraint(
        'studies_questionnaire_fk',
        ['questionnaire_id', 'questionnaire_version'],
        'questionnaire_versions',
        ['questionnaire_id', 'version'],
      )
      .execute();

    await db.schema
      .createTable('waves')
      .addColumn('id', 'integer', serial)
      .addColumn('study_id', 'text', (c) => c.notNull().references('studies.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text')
      .addUniqueConstraint('waves_study_name_unique', ['study_id', 'name'])
      .execute();

    // Submissions go to "the" open wave of a study, so there is at most one.
    await db.schema
      .createIndex('waves_one_open_per_study')
      .on('waves')
      .column('study_id')
      .unique()
      .where(sql<boolean>`status = 'open'`)
      .execute();

    await db.schema
      .createTable('agencies')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) =>
        c.notNull().check(sql`type in ('provinsi', 'kabupaten', 'kota')`),
      )
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('island_region', 'text', (c) => c.notNull())
      .addColumn('headcount', 'integer', (c) => c.notNull().check(sql`headcount > 0`))
      .addColumn('headcount_illustrative', 'boolean', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('responses')
      .addColumn('id', 'integer', serial)
      .addColumn('client_id', 'text', (c) => c.notNull().unique())
      .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id'))
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('questionnaire_id', 'text', (c) => c.notNull())
      .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
      .addColumn('submitted_on', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('materialized', 'boolean', (c) => c.notNull().defaultTo(false))
      .addForeignKeyConstraint(
        'responses_questionnaire_fk',
        ['questionnaire_id', 'questionnaire_version'],
        'questionnaire_versions',
        ['questionnaire_id', 'version'],
      )
      .execute();

    // Only pending rows are indexed, so the materializer finds its work without scanning.
    // The predicate is literal text; the materializer's claim query repeats it verbatim.
    await db.schema
      .createIndex('responses_pending')
      .on('responses')
      .column('id')
      .where(sql<boolean>`materialized = false`)
      .execute();

    await db.schema
      .createTable('invitation_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('study_id', 'text', (c) => c.notNull().references('studies.id'))
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();

    await db.schema
      .createTable('profiles')
      .addColumn('id', 'integer', serial)
      .addColumn('questionnaire_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('values_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('profiles_key_unique', ['questionnaire_id', 'key'])
      .execute();

    await db.schema
      .createTable('profile_counts')
      .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id'))
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id'))
      .addColumn('respondents', 'integer', (c) => c.notNull().check(sql`respondents >= 0`))
      .addPrimaryKeyConstraint('profile_counts_pk', ['wave_id', 'agency_code', 'profile_id'])
      .execute();

    await db.schema
      .createTable('answer_counts')
      .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id'))
      .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
      .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id'))
      .addColumn('variable', 'text', (c) => c.notNull())
      .addColumn('option', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
      .addPrimaryKeyConstraint('answer_counts_pk', [
        'wave_id',
        'agency_code',
        'profile_id',
        'variable',
        'option',
      ])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'answer_counts',
      'profile_counts',
      'profiles',
      'invitation_tokens',
      'responses',
      'agencies',
      'waves',
      'studies',
      'questionnaire_versions',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
