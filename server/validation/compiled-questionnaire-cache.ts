// Keeps one compiled validator per questionnaire version, so request handlers never compile on the hot path.

import type { SurveyJson } from '../../surveys/types.ts';
import type { CompiledQuestionnaire } from './types.ts';
import { compileQuestionnaire } from './compile-questionnaire.ts';

// Keyed by the JSON object: a published version's JSON is immutable and lives as long as the process.
const cache = new WeakMap<SurveyJson, CompiledQuestionnaire>();

/**
 * The compiled validator of a questionnaire version, compiled on first use and reused after.
 * Call it at start-up for every published version to surface compile errors before serving.
 *
 * @example
 * const compiled = compiledQuestionnaireFor(findQuestionnaire('netralitas-asn')!);
 * const problems = compiled.validate(await c.req.json());
 */
export function compiledQuestionnaireFor(definition: { json: SurveyJson }): CompiledQuestionnaire {
  let compiled = cache.get(definition.json);
  if (!compiled) {
    compiled = compileQuestionnaire(definition.json);
    cache.set(definition.json, compiled);
  }
  return compiled;
}
