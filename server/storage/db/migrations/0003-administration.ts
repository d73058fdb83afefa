// Third migration: the raking margins an administrator sets per wave (variable, level, population share).
import { sql, type Kysely, type Migration } from 'kysely';

/** Creates `raking_margins`: one row per (wave, variable, level), shares of the population. */
export const administration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('raking_margins')
      .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id'))
      .addColumn('variable', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('share', 'double precision', (c) =>
        c.notNull().check(sql`share >= 0 and share <= 1`),
      )
      .addPrimaryKeyConstraint('raking_margins_pk', ['wave_id', 'variable', 'level'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('raking_margins').execute();
  },
};
