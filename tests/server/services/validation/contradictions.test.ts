// Questionnaires whose answer rules no answer can meet are refused when compiled, naming the question and the reason.

import { describe, expect, it } from 'vitest';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import type { SurveyJson } from '../../../../surveys/types.ts';

const compileOne = (element: Record<string, unknown>) => () =>
  compileQuestionnaire({ pages: [{ name: 'p1', elements: [element] }] } as SurveyJson);

const checkbox = (extra: Record<string, unknown>) => ({
  type: 'checkbox',
  name: 'q',
  choices: ['a', 'b', 'c'],
  ...extra,
});

describe('compileQuestionnaire refuses contradictions', () => {
  it('a minimum above the maximum, or above the choices that can be ticked together', () => {
    expect(compileOne(checkbox({ minSelectedChoices: 3, maxSelectedChoices: 2 }))).toThrow(
      'question q: minSelectedChoices 3 is above maxSelectedChoices 2',
    );
    expect(
      compileOne(
        checkbox({ choices: ['a', 'b', { value: 'x', isExclusive: true }], minSelectedChoices: 3 }),
      ),
    ).toThrow(
      'question q: minSelectedChoices 3 is more than the 2 choices that can be ticked together',
    );
    expect(compileOne(checkbox({ minSelectedChoices: 1.5 }))).toThrow(/whole number/);
    expect(compileOne(checkbox({ maxSelectedChoices: -1 }))).toThrow(/whole number/);
  });

  it('accepts a maximum above the number of choices (it never binds)', () => {
    expect(compileOne(checkbox({ maxSelectedChoices: 10, minSelectedChoices: 2 }))).not.toThrow();
  });

  it('a required question with nothing to choose', () => {
    expect(compileOne({ type: 'radiogroup', name: 'q', choices: [], isRequired: true })).toThrow(
      'question q: is required but offers no choices',
    );
    expect(compileOne({ type: 'matrix', name: 'q', rows: ['r'], isRequired: true })).toThrow(
      /no columns/,
    );
  });

  it('rating scales SurveyJS would draw otherwise than written', () => {
    const rating = (extra: Record<string, unknown>) => ({ type: 'rating', name: 'r', ...extra });
    expect(compileOne(rating({ rateMin: 5, rateMax: 3 }))).toThrow(
      'question r: rateMin 5 is above rateMax 3',
    );
    expect(compileOne(rating({ rateStep: 0 }))).toThrow(/rateStep 0 is not above 0/);
    expect(compileOne(rating({ rateCount: 10 }))).toThrow(/without rateMin or rateMax is ignored/);
    expect(compileOne(rating({ rateMin: 1, rateMax: 10, rateCount: 4 }))).toThrow(
      /beside both rateMin and rateMax is ignored/,
    );
    expect(compileOne(rating({ rateValues: [1, 2, 3], rateCount: 2 }))).toThrow(
      /rateCount 2 contradicts the 3 rateValues/,
    );
    expect(compileOne(rating({ rateStep: 7 }))).toThrow(/fewer than 2/);
    expect(compileOne(rating({ rateMax: 30 }))).toThrow(/at most 20/);
    expect(compileOne(rating({ rateType: 'smileys', rateMax: 12 }))).toThrow(/at most 10 smileys/);
  });

  it('piped choices that cannot work', () => {
    const source = { type: 'checkbox', name: 's', choices: ['a', 'b'] };
    const compile =
      (target: Record<string, unknown>, extra: Record<string, unknown>[] = []) =>
      () =>
        compileQuestionnaire({
          pages: [
            {
              name: 'p1',
              elements: [source, ...extra, { type: 'radiogroup', name: 't', ...target }],
            },
          ],
        } as SurveyJson);
    expect(compile({ choicesFromQuestion: 'zz' })).toThrow(/names zz, not a question/);
    expect(compile({ choicesFromQuestion: 't' })).toThrow(/the question itself/);
    expect(compile({ choicesFromQuestion: 'c' }, [{ type: 'comment', name: 'c' }])).toThrow(
      /a comment, not a choice question/,
    );
    expect(compile({ choicesFromQuestion: 's', choices: ['a'] })).toThrow(/ignores beside/);
    expect(compile({ choicesFromQuestion: 's', choicesFromQuestionMode: 'some' })).toThrow(
      /must be "all", "selected" or "unselected"/,
    );
    expect(
      compile({ choicesFromQuestion: 's', choicesFromQuestionMode: 'selected', isRequired: true }),
    ).toThrow(/can be empty, leaving nothing to answer; set hideIfChoicesEmpty/);
    expect(compile({ choiceValuesFromQuestion: 'v', choicesFromQuestion: 's' })).toThrow(
      /not supported/,
    );
  });

  it('a piped minimum above the choices its source could ever offer together', () => {
    const compile = (source: Record<string, unknown>, target: Record<string, unknown>) => () =>
      compileQuestionnaire({
        pages: [
          {
            name: 'p1',
            elements: [
              { name: 's', ...source },
              { type: 'checkbox', name: 't', choicesFromQuestion: 's', ...target },
            ],
          },
        ],
      } as SurveyJson);
    const two = { type: 'checkbox', choices: ['a', 'b'] };
    expect(compile(two, { minSelectedChoices: 3 })).toThrow(
      'question t: minSelectedChoices 3 is more than the 2 choices that can be ticked together (choices from s, all mode)',
    );
    const selected = { choicesFromQuestionMode: 'selected', hideIfChoicesEmpty: true };
    expect(compile(two, { ...selected, minSelectedChoices: 3 })).toThrow(/the 2 choices/);
    // A single-choice source passes on one choice; a capped source no more than its cap.
    expect(
      compile(
        { type: 'radiogroup', choices: ['a', 'b', 'c'] },
        { ...selected, minSelectedChoices: 2 },
      ),
    ).toThrow(/the 1 choices/);
    expect(
      compile(
        { type: 'checkbox', choices: ['a', 'b', 'c'], maxSelectedChoices: 1 },
        { ...selected, minSelectedChoices: 2 },
      ),
    ).toThrow(/the 1 choices/);
    // Exclusive copies do not count; the question's own "other" does.
    const withNone = { type: 'checkbox', choices: ['a', 'b', { value: 'n', isExclusive: true }] };
    expect(compile(withNone, { minSelectedChoices: 3 })).toThrow(/the 2 choices/);
    expect(compile(withNone, { minSelectedChoices: 3, showOtherItem: true })).not.toThrow();
    expect(compile(two, { minSelectedChoices: 2 })).not.toThrow();
    expect(
      compile({ ...two, showOtherItem: true }, { ...selected, minSelectedChoices: 3 }),
    ).not.toThrow();
  });
});
