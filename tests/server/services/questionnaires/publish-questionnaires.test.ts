// Tests publishing on every dialect: new versions stored, identical ones accepted, edited ones refused.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../server/services/questionnaires/canonical-json.ts';
import { publishQuestionnaires } from '../../../../server/services/questionnaires/publish-questionnaires.ts';
import { loadQuestionnaireRegistry } from '../../../../server/services/questionnaires/questionnaire-registry.ts';
import { listQuestionnaireVersions } from '../../../../server/storage/repositories/questionnaire-versions.ts';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { testQuestionnaire, validTestAnswers } from '../../../helpers/test-questionnaire.ts';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], e: undefined })).toBe(
      '{"a":[2,{"c":4,"d":3}],"b":1}',
    );
  });
});

describe.each(testDialects())('publishing questionnaires on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);

  it('stores a new version and accepts the same definition again, whatever its key order', async () => {
    await publishQuestionnaires(t.db, [testQuestionnaire]);
    const reordered = Object.fromEntries(Object.entries(testQuestionnaire).reverse());
    await publishQuestionnaires(t.db, [reordered as typeof testQuestionnaire]);
    expect(await listQuestionnaireVersions(t.db)).toEqual([
      { questionnaireId: 'test-survey', version: 1, definition: canonicalJson(testQuestionnaire) },
    ]);
  });

  it('refuses to start when a published version was edited', async () => {
    const edited = {
      ...testQuestionnaire,
      json: { ...testQuestionnaire.json, title: { default: 'Diubah', en: 'Changed' } },
    };
    await expect(publishQuestionnaires(t.db, [edited])).rejects.toThrow(
      /"test-survey" version 1 differs .* new version number \(2\)/,
    );
  });

  it('publishes the edit as a new version next to the old one', async () => {
    const v2 = { ...testQuestionnaire, version: 2, domainVariables: [] };
    await publishQuestionnaires(t.db, [testQuestionnaire, v2]);
    const registry = await loadQuestionnaireRegistry(t.db, compileQuestionnaire);
    expect(registry.get('test-survey', 1).definition.domainVariables).toHaveLength(2);
    expect(registry.get('test-survey', 2).definition.domainVariables).toEqual([]);
    expect(registry.get('test-survey', 2).compiled.validate(validTestAnswers)).toEqual([]);
    expect(registry.find('test-survey', 3)).toBeUndefined();
  });
});
