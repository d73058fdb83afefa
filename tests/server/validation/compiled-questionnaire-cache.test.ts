// Tests that each questionnaire version is compiled once and reused.

import { describe, expect, it } from 'vitest';
import { compiledQuestionnaireFor } from '../../../server/validation/compiled-questionnaire-cache.ts';
import { questionnaires } from '../../../surveys/index.ts';

describe('compiledQuestionnaireFor', () => {
  it('compiles every published questionnaire', () => {
    for (const definition of questionnaires) {
      expect(
        compiledQuestionnaireFor(definition).validate({}).length,
        definition.id,
      ).toBeGreaterThan(0);
    }
  });

  it('returns the same compiled validator for the same version', () => {
    const [definition] = questionnaires;
    if (!definition) throw new Error('no published questionnaire');
    expect(compiledQuestionnaireFor(definition)).toBe(compiledQuestionnaireFor({ ...definition }));
  });

  it('compiles a different questionnaire separately', () => {
    const json = { elements: [{ type: 'boolean', name: 'ok', isRequired: true }] };
    const compiled = compiledQuestionnaireFor({ json });
    expect(compiled.validate({})).toEqual([{ question: 'ok', problem: 'required' }]);
    expect(compiled).not.toBe(compiledQuestionnaireFor(questionnaires[0] ?? { json: {} }));
  });
});
