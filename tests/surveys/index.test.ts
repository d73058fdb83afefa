// Tests of the list of published questionnaires and the lookup by id and version.

import { describe, expect, it } from 'vitest';
import { findQuestionnaire, questionnaires } from '../../surveys/index.ts';

describe('the published questionnaires', () => {
  it('include netralitas-asn version 1 and nothing else yet', () => {
    expect(questionnaires.map((q) => `${q.id}@${q.version}`)).toEqual(['netralitas-asn@1']);
  });

  it('are found by id, newest version by default, or by an exact version', () => {
    expect(findQuestionnaire('netralitas-asn')?.version).toBe(1);
    expect(findQuestionnaire('netralitas-asn', 1)?.id).toBe('netralitas-asn');
  });

  it('return undefined for an unknown id or version', () => {
    expect(findQuestionnaire('tidak-ada')).toBeUndefined();
    expect(findQuestionnaire('netralitas-asn', 2)).toBeUndefined();
  });
});
