// Publishes the questionnaires the code ships, refusing to run if a published version was edited.
import type { Kysely } from 'kysely';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';
import type { Database } from '../../storage/db/schema.ts';
import {
  findQuestionnaireDefinition,
  insertQuestionnaireVersion,
} from '../../storage/repositories/questionnaire-versions.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * Stores each definition's version if it is new, and throws if a stored version differs from
 * the code's: responses already collected answered the stored text, so an edit must be
 * published as a new version instead.
 *
 * @example
 * await publishQuestionnaires(db, questionnaires); // at start-up, before serving
 */
export async function publishQuestionnaires(
  db: Kysely<Database>,
  definitions: readonly QuestionnaireDefinition[],
): Promise<void> {
  for (const definition of definitions) {
    const text = canonicalJson(definition);
    const stored = await findQuestionnaireDefinition(db, definition.id, definition.version);
    if (stored === undefined) {
      await insertQuestionnaireVersion(db, {
        questionnaireId: definition.id,
        version: definition.version,
        definition: text,
      });
    } else if (stored !== text) {
      throw new Error(
        `Questionnaire "${definition.id}" version ${definition.version} differs from the version ` +
          'published in the database. Published versions are immutable: give the changed ' +
          `questionnaire a new version number (${definition.version + 1}).`,
      );
    }
  }
}
