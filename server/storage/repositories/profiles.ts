// Queries on respondent profiles: the distinct combinations of domain-variable values, each with an id.
import type { Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import { compareText } from '../db/compare-text.ts';
import type { Database } from '../db/schema.ts';

/** A profile to store or find, e.g. `{ sex: 'P', rank: 'III' }` under its canonical key. */
export interface ProfileInput {
  questionnaireId: string;
  key: string;
  values: Record<string, string | null>;
}

const chunkSize = 500;

/**
 * The ids of the given profiles, in input order, creating the missing ones. Profiles are
 * only ever added, so an id, once handed out, always means the same values.
 *
 * @example
 * const [id] = await ensureProfiles(trx, [{ questionnaireId: 'q', key, values }]);
 */
export async function ensureProfiles(
  db: Kysely<Database>,
  profiles: readonly ProfileInput[],
): Promise<number[]> {
  // Sorted so concurrent PostgreSQL materializers take unique-index locks in the same order.
  const sorted = [...profiles].sort(
    (a, b) => compareText(a.questionnaireId, b.questionnaireId) || compareText(a.key, b.key),
  );
  for (const chunk of chunks(sorted, chunkSize)) {
    await db
      .insertInto('profiles')
      .values(
        chunk.map((p) => ({
          questionnaire_id: p.questionnaireId,
          key: p.key,
          values_json: JSON.stringify(p.values),
        })),
      )
      .onConflict((oc) => oc.columns(['questionnaire_id', 'key']).doNothing())
      .execute();
  }

  const ids = new Map<string, number>();
  const byQuestionnaire = new Map<string, ProfileInput[]>();
  for (const p of profiles) {
    const group = byQuestionnaire.get(p.questionnaireId);
    if (group) group.push(p);
    else byQuestionnaire.set(p.questionnaireId, [p]);
  }
  for (const [questionnaireId, group] of byQuestionnaire) {
    for (const chunk of chunks(group, chunkSize)) {
      const rows = await db
        .selectFrom('profiles')
        .select(['id', 'key'])
        .where('questionnaire_id', '=', questionnaireId)
        .where(
          'key',
          'in',
          chunk.map((p) => p.key),
        )
        .execute();
      for (const row of rows) ids.set(JSON.stringify([questionnaireId, row.key]), row.id);
    }
  }
  return profiles.map((p) => {
    const id = ids.get(JSON.stringify([p.questionnaireId, p.key]));
    if (id === undefined) throw new Error(`Profile ${p.key} was not stored`);
    return id;
  });
}
