// The published questionnaires and a lookup by id: the one place the server and client find them.

import type { QuestionnaireDefinition } from './types.ts';
import { netralitasAsn } from './netralitas-asn.ts';
import { netralitasAsnV2 } from './netralitas-asn-v2.ts';

/** Every published questionnaire version, oldest first. */
export const questionnaires: readonly QuestionnaireDefinition[] = [netralitasAsn, netralitasAsnV2];

/**
 * Finds a published questionnaire by id, the newest version unless `version` is given.
 *
 * @example
 * findQuestionnaire('netralitas-asn')?.version // 2
 * findQuestionnaire('netralitas-asn', 7) // undefined
 */
export function findQuestionnaire(
  id: string,
  version?: number,
): QuestionnaireDefinition | undefined {
  let found: QuestionnaireDefinition | undefined;
  for (const questionnaire of questionnaires) {
    if (questionnaire.id !== id) continue;
    if (version !== undefined) {
      if (questionnaire.version === version) return questionnaire;
    } else if (!found || questionnaire.version > found.version) {
      found = questionnaire;
    }
  }
  return found;
}

export type { QuestionnaireDefinition } from './types.ts';
