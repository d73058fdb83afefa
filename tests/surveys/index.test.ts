// Tests of the list of published questionnaires and the lookup by id and version.

import { describe, expect, it } from 'vitest';
import { findQuestionnaire, questionnaires } from '../../surveys/index.ts';

describe('the published questionnaires', () => {
  it('include netralitas-asn versions 1 and 2, oldest first', () => {
    expect(questionnaires.map((q) => `${q.id}@${q.version}`)).toEqual([
      'netralitas-asn@1',
      'netralitas-asn@2',
    ]);
  });

  it('are found by id, newest version by default, or by an exact version', () => {
    expect(findQuestionnaire('netralitas-asn')?.version).toBe(2);
    expect(findQuestionnaire('netralitas-asn', 1)?.id).toBe('netralitas-asn');
  });

  it('return undefined for an unknown id or version', () => {
    expect(findQuestionnaire('tidak-ada')).toBeUndefined();
    expect(findQuestionnaire('netralitas-asn', 3)).toBeUndefined();
  });
});
