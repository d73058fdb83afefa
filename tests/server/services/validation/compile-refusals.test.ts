// Compile-time refusals: JSON the validator cannot check faithfully must fail loudly, not pass submissions.

import { describe, expect, it } from 'vitest';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import type { SurveyJson } from '../../../../surveys/types.ts';

const compileElements = (elements: unknown[]) => () =>
  compileQuestionnaire({ pages: [{ name: 'p1', elements }] } as SurveyJson);

describe('compileQuestionnaire refuses', () => {
  it('a question type it has no rules for', () => {
    expect(compileElements([{ type: 'file', name: 'f' }])).toThrow(/"file" is not supported/);
    expect(compileElements([{ type: 'matrixdynamic', name: 'md' }])).toThrow(/not supported/);
    expect(compileElements([{ type: 'constructor', name: 'x' }])).toThrow(/not supported/);
  });

  it('properties with answer semantics it does not implement', () => {
    for (const extra of [
      { enableIf: "{a} = 'x'" },
      { validators: [{ type: 'expression' }] },
      { defaultValue: 'a' },
      { choicesVisibleIf: '{item} > 1' },
      { choiceValuesFromQuestion: 'q0' },
      { readOnly: true },
      { showCommentArea: true },
    ]) {
      expect(
        compileElements([{ type: 'radiogroup', name: 'a', choices: ['x'], ...extra }]),
      ).toThrow(/not supported/);
    }
  });

  it('conditional choice items and survey-level behaviour it does not model', () => {
    expect(
      compileElements([
        { type: 'checkbox', name: 'c', choices: [{ value: 'a', visibleIf: 'true' }] },
      ]),
    ).toThrow(/"visibleIf" of a choiceItem/);
    expect(() =>
      compileQuestionnaire({ storeOthersAsComment: false, pages: [] } as SurveyJson),
    ).toThrow(/storeOthersAsComment/);
    expect(() => compileQuestionnaire({ triggers: [], pages: [] } as SurveyJson)).toThrow(
      /triggers/,
    );
  });

  it('a survey with both pages and top-level elements', () => {
    expect(() =>
      compileQuestionnaire({ pages: [], elements: [{ type: 'boolean', name: 'b' }] } as SurveyJson),
    ).toThrow(/both "pages" and top-level "elements"/);
  });

  it('text input types with their own value rules', () => {
    expect(compileElements([{ type: 'text', name: 't', inputType: 'email' }])).toThrow(
      /inputType "email"/,
    );
  });

  it('a condition that does not parse or reads something that is not a question', () => {
    expect(compileElements([{ type: 'boolean', name: 'b', visibleIf: "{a} = = 'x'" }])).toThrow(
      /cannot parse/,
    );
    expect(compileElements([{ type: 'boolean', name: 'b', visibleIf: "{nope} = 'x'" }])).toThrow(
      /\{nope\}/,
    );
  });

  it('conditions that depend on each other in a cycle', () => {
    expect(
      compileElements([
        { type: 'boolean', name: 'a', visibleIf: '{b} = true' },
        { type: 'boolean', name: 'b', visibleIf: '{a} = true' },
      ]),
    ).toThrow(/cycle among: a, b/);
  });

  it('a panel whose condition reads a question inside it', () => {
    expect(() =>
      compileQuestionnaire({
        pages: [
          {
            name: 'p',
            elements: [
              {
                type: 'panel',
                name: 'x',
                visibleIf: '{a} = true',
                elements: [{ type: 'boolean', name: 'a' }],
              },
            ],
          },
        ],
      } as SurveyJson),
    ).toThrow(/cycle/);
  });

  it('question names used twice, even in different case, and nameless questions', () => {
    expect(
      compileElements([
        { type: 'boolean', name: 'a' },
        { type: 'boolean', name: 'A' },
      ]),
    ).toThrow(/used twice/);
    expect(compileElements([{ type: 'boolean' }])).toThrow(/no name/);
  });

  it('choice lists that repeat a value', () => {
    expect(compileElements([{ type: 'radiogroup', name: 'r', choices: ['a', 'a'] }])).toThrow(
      /repeats a value/,
    );
  });
});
