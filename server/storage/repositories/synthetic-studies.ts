// Marks studies whose responses were generated (the demo) and tells whether a study is one.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Marks a study as synthetic: its responses were generated, so every output must say so.
 *
 * @example
 * await markStudySynthetic(trx, 'kasn-2021-sintetis');
 */
export async function markStudySynthetic(db: Kysely<Database>, studyId: string): Promise<void> {
  await db
    .insertInto('synthetic_studies')
    .values({ study_id: studyId })
    .onConflict((oc) => oc.column('study_id').doNothing())
    .execute();
}

/**
 * Whether a study's responses are synthetic.
 *
 * @example
 * if (await isStudySynthetic(db, study.id)) title += ' (synthetic data)';
 */
export async function isStudySynthetic(db: Kysely<Database>, studyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('synthetic_studies')
    .select('study_id')
    .where('study_id', '=', studyId)
    .executeTakeFirst();
  return row !== undefined;
}
