// Queries on published questionnaire versions, stored whole so a version can never change silently.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A stored version: its identity and the definition's canonical JSON text. */
export interface StoredQuestionnaireVersion {
  questionnaireId: string;
  version: number;
  definition: string;
}

/**
 * Every stored version, oldest first.
 *
 * @example
 * for (const v of await listQuestionnaireVersions(db)) compile(JSON.parse(v.definition));
 */
export async function listQuestionnaireVersions(
  db: Kysely<Database>,
): Promise<StoredQuestionnaireVersion[]> {
  const rows = await db
    .selectFrom('questionnaire_versions')
    .selectAll()
    .orderBy('questionnaire_id')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    questionnaireId: r.questionnaire_id,
    version: r.version,
    definition: r.definition,
  }));
}

/**
 * The stored definition text of one version, or undefined.
 *
 * @example
 * await findQuestionnaireDefinition(db, 'netralitas-asn', 1);
 */
export async function findQuestionnaireDefinition(
  db: Kysely<Database>,
  questionnaireId: string,
  version: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('questionnaire_versions')
    .select('definition')
    .where('questionnaire_id', '=', questionnaireId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.definition;
}

/**
 * Stores a new version. Fails if it exists: published versions are never overwritten.
 *
 * @example
 * await insertQuestionnaireVersion(db, { questionnaireId: 'netralitas-asn', version: 1, definition });
 */
export async function insertQuestionnaireVersion(
  db: Kysely<Database>,
  version: StoredQuestionnaireVersion,
): Promise<void> {
  await db
    .insertInto('questionnaire_versions')
    .values({
      questionnaire_id: version.questionnaireId,
      version: version.version,
      definition: version.definition,
    })
    .execute();
}
