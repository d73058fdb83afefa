// Publishes a questionnaire version uploaded by an administrator: compiled and checked first, immutable once stored.
import type { Kysely } from 'kysely';
import type { QuestionnaireDefinition, SurveyJson } from '../../../surveys/types.ts';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import {
  findQuestionnaireDefinition,
  insertQuestionnaireVersion,
} from '../../storage/repositories/questionnaire-versions.ts';
import { canonicalJson } from '../questionnaires/canonical-json.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { compileQuestionnaire } from '../validation/compile-questionnaire.ts';
import { metadataProblems, type QuestionnaireMetadata } from './questionnaire-metadata.ts';

/**
 * Compiles the SurveyJS JSON with the validator (anything it does not support is refused),
 * checks the metadata against the JSON, and stores the version; the running registry learns
 * it at once, so a study can use it without a restart. Publishing the same content again is
 * a no-op (`created: false`); different content under a published id and version is refused
 * with `QUESTIONNAIRE_VERSION_EXISTS`, because responses may already have answered it.
 * Throws `INVALID_QUESTIONNAIRE` with a detail per problem (`field`: where, `problem`: what).
 *
 * @example
 * const { created } = await publishQuestionnaireVersion(db, questionnaires, { json, metadata });
 */
export async function publishQuestionnaireVersion(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  { json, metadata }: { json: SurveyJson; metadata: QuestionnaireMetadata },
): Promise<{ id: string; version: number; created: boolean }> {
  const definition: QuestionnaireDefinition = { ...metadata, json };
  const { id, version } = definition;
  let compiled;
  try {
    compiled = compileQuestionnaire(json);
  } catch (error) {
    throw new AppError(
      'INVALID_QUESTIONNAIRE',
      'The questionnaire uses what the validator does not support.',
      [{ field: 'json', problem: (error as Error).message }],
    );
  }
  const problems = metadataProblems(definition);
  if (problems.length > 0) {
    throw new AppError(
      'INVALID_QUESTIONNAIRE',
      'The metadata does not match the questionnaire.',
      problems,
    );
  }

  const text = canonicalJson(definition);
  const refuseIfDifferent = async () => {
    const stored = await findQuestionnaireDefinition(db, id, version);
    if (stored !== undefined && stored !== text) {
      throw new AppError(
        'QUESTIONNAIRE_VERSION_EXISTS',
        `Questionnaire ${id} version ${version} is published with other content; published versions never change. Publish it as a new version.`,
      );
    }
    return stored !== undefined;
  };
  if (await refuseIfDifferent()) return { id, version, created: false };
  try {
    await insertQuestionnaireVersion(db, { questionnaireId: id, version, definition: text });
  } catch (error) {
    // Another request published the same version meanwhile: same answer as if it came first.
    if (await refuseIfDifferent()) return { id, version, created: false };
    throw error;
  }
  questionnaires.add({ definition, compiled });
  return { id, version, created: true };
}
