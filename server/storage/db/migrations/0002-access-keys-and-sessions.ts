// Second migration: access keys (stored as hashes), server-side sessions and server settings such as the cookie secret.
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * Creates `access_keys`, `sessions` and `server_settings`. Keys and session ids are kept only
 * as SHA-256 hashes, so a copy of the database lets nobody sign in. Nothing here records an
 * address or user agent; a key keeps the day it was created, a session the instant it expires.
 */
export const accessKeysAndSessions: Migration = {
  async up(db: Kysely<unknown>) {
    const serial =
      dialectOf(db) === 'postgres'
        ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
        : (c: ColumnDefinitionBuilder) => c.primaryKey();

    await db.schema
      .createTable('access_keys')
      .addColumn('id', 'integer', serial)
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('admin', 'researcher', 'agency')`),
      )
      .addColumn('agency_code', 'text', (c) => c.references('agencies.code'))
      .addColumn('created_on', 'text', (c) => c.notNull())
      .addColumn('revoked', 'boolean', (c) => c.notNull().defaultTo(false))
      // An agency key names its agency; the other roles see every agency and name none.
      .addCheckConstraint(
        'access_keys_agency_iff_agency_role',
        sql`(role = 'agency' and agency_code is not null) or (role <> 'agency' and agency_code is null)`,
      )
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('key_id', 'integer', (c) => c.notNull().references('access_keys.id'))
      // ISO 8601 UTC instant: fixed width, so text order is time order on both dialects.
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_key_id').on('sessions').column('key_id').execute();

    await db.schema
      .createTable('server_settings')
      .addColumn('setting', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['server_settings', 'sessions', 'access_keys']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
