// Unit tests of the compiled validator, one rule at a time, on small questionnaires and on netralitas-asn.

import { describe, expect, it } from 'vitest';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import { netralitasAsn } from '../../../../surveys/netralitas-asn.ts';
import type { SurveyJson } from '../../../../surveys/types.ts';

function validatorFor(elements: unknown[], pageExtras: Record<string, unknown> = {}) {
  return compileQuestionnaire({ pages: [{ name: 'p1', elements, ...pageExtras }] } as SurveyJson);
}

const yesNo = (name: string, extras: Record<string, unknown> = {}) => ({
  type: 'radiogroup',
  name,
  choices: ['ya', 'tidak'],
  ...extras,
});

describe('compileQuestionnaire: the answer object', () => {
  const compiled = validatorFor([yesNo('q1')]);

  it('rejects a body that is not a JSON object, naming no question', () => {
    for (const body of [null, undefined, 'ya', 3, ['ya'], true]) {
      expect(compiled.validate(body)).toEqual([
        { question: '', problem: 'answers must be a JSON object' },
      ]);
    }
  });

  it('accepts an empty object when nothing is required', () => {
    expect(compiled.validate({})).toEqual([]);
  });

  it('rejects keys that are not questions, including prototype names', () => {
    const answers = JSON.parse(
      '{"q1":"ya","Q1":"ya","__proto__":{"x":1},"constructor":"x","q1-Comment":"t"}',
    );
    expect(compiled.validate(answers)).toEqual([
      { question: 'Q1', problem: 'unknown question' },
      { question: '__proto__', problem: 'unknown question' },
      { question: 'constructor', problem: 'unknown question' },
      { question: 'q1-Comment', problem: 'unknown question' },
    ]);
  });

  it('treats null, empty strings, lists and objects as no answer, as SurveyJS does', () => {
    const withEmpties = validatorFor([
      yesNo('q1'),
      { type: 'checkbox', name: 'c', choices: ['a'] },
      { type: 'comment', name: 't' },
      { type: 'matrix', name: 'm', rows: ['r1'], columns: [1, 2] },
    ]);
    expect(withEmpties.validate({ q1: null, c: [], t: '', m: { r1: null } })).toEqual([]);
  });

  it('reports problems in question order, unknown keys last', () => {
    const ordered = validatorFor([
      yesNo('a', { isRequired: true }),
      yesNo('b'),
      yesNo('c', { isRequired: true }),
    ]);
    expect(ordered.validate({ zz: 1, b: 'x' })).toEqual([
      { question: 'a', problem: 'required' },
      { question: 'b', problem: 'not one of the choices' },
      { question: 'c', problem: 'required' },
      { question: 'zz', problem: 'unknown question' },
    ]);
  });
});

describe('compileQuestionnaire: required and visibleIf', () => {
  it('requires an answer to a visible required question only', () => {
    const compiled = validatorFor([
      yesNo('q1', { isRequired: true }),
      yesNo('q2', { isRequired: true, visibleIf: "{q1} = 'ya'" }),
    ]);
    expect(compiled.validate({ q1: 'tidak' })).toEqual([]);
    expect(compiled.validate({ q1: 'ya' })).toEqual([{ question: 'q2', problem: 'required' }]);
  });

  it('rejects an answer to a question hidden by its condition', () => {
    const compiled = validatorFor([yesNo('q1'), yesNo('q2', { visibleIf: "{q1} = 'ya'" })]);
    expect(compiled.validate({ q1: 'tidak', q2: 'ya' })).toEqual([
      { question: 'q2', problem: 'answered but hidden by its condition' },
    ]);
    expect(compiled.validate({ q2: 'ya' })).toEqual([
      { question: 'q2', problem: 'answered but hidden by its condition' },
    ]);
  });

  it('hides a child whose parent is hidden, even when the parent carries the triggering answer', () => {
    const compiled = validatorFor([
      yesNo('q1'),
      yesNo('q2', { visibleIf: "{q1} = 'ya'" }),
      yesNo('q3', { visibleIf: "{q2} = 'tidak'", isRequired: true }),
    ]);
    expect(compiled.validate({ q1: 'tidak', q2: 'tidak' })).toEqual([
      { question: 'q2', problem: 'answered but hidden by its condition' },
    ]);
    expect(compiled.validate({ q1: 'ya', q2: 'tidak' })).toEqual([
      { question: 'q3', problem: 'required' },
    ]);
  });

  it('evaluates a condition after the questions it reads, wherever they stand', () => {
    const compiled = validatorFor([
      yesNo('early', { visibleIf: "{late} = 'ya'", isRequired: true }),
      yesNo('late'),
    ]);
    expect(compiled.validate({ late: 'ya' })).toEqual([{ question: 'early', problem: 'required' }]);
    expect(compiled.validate({ late: 'tidak' })).toEqual([]);
  });

  it('applies page and panel conditions to the questions inside them', () => {
    const compiled = compileQuestionnaire({
      pages: [
        { name: 'p1', elements: [yesNo('gate')] },
        {
          name: 'p2',
          visibleIf: "{gate} = 'ya'",
          elements: [yesNo('onPage', { isRequired: true })],
        },
        {
          name: 'p3',
          elements: [
            {
              type: 'panel',
              name: 'outer',
              visibleIf: "{gate} = 'tidak'",
              elements: [
                {
                  type: 'panel',
                  name: 'inner',
                  elements: [yesNo('inPanel', { isRequired: true })],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(compiled.validate({ gate: 'ya', onPage: 'ya' })).toEqual([]);
    expect(compiled.validate({ gate: 'tidak', inPanel: 'ya' })).toEqual([]);
    expect(compiled.validate({ gate: 'ya', onPage: 'ya', inPanel: 'ya' })).toEqual([
      { question: 'inPanel', problem: 'answered but hidden by its condition' },
    ]);
    expect(compiled.validate({ gate: 'tidak' })).toEqual([
      { question: 'inPanel', problem: 'required' },
    ]);
  });

  it('never accepts an answer to a question set invisible', () => {
    const compiled = validatorFor([yesNo('q1', { visible: false, isRequired: true })]);
    expect(compiled.validate({})).toEqual([]);
    expect(compiled.validate({ q1: 'ya' })).toEqual([
      { question: 'q1', problem: 'answered but hidden by its condition' },
    ]);
  });

  it('requires a question when its requiredIf holds', () => {
    const compiled = validatorFor([yesNo('q1'), yesNo('q2', { requiredIf: "{q1} = 'ya'" })]);
    expect(compiled.validate({ q1: 'ya' })).toEqual([{ question: 'q2', problem: 'required' }]);
    expect(compiled.validate({ q1: 'tidak' })).toEqual([]);
  });

  it('matches condition names case-insensitively, as SurveyJS does', () => {
    const compiled = validatorFor([
      yesNo('Q1'),
      yesNo('q2', { visibleIf: "{q1} = 'ya'", isRequired: true }),
    ]);
    expect(compiled.validate({ Q1: 'ya' })).toEqual([{ question: 'q2', problem: 'required' }]);
  });

  it('reads matrix rows and checkbox contents in conditions', () => {
    const compiled = validatorFor([
      { type: 'matrix', name: 'm', rows: ['r1'], columns: [1, 2] },
      { type: 'checkbox', name: 'c', choices: ['a', 'b'] },
      yesNo('byRow', { visibleIf: '{m.r1} = 2', isRequired: true }),
      yesNo('byTick', { visibleIf: "{c} contains 'b'", isRequired: true }),
    ]);
    expect(compiled.validate({ m: { r1: 2 }, c: ['a'] })).toEqual([
      { question: 'byRow', problem: 'required' },
    ]);
    expect(compiled.validate({ m: { r1: 1 }, c: ['a', 'b'] })).toEqual([
      { question: 'byTick', problem: 'required' },
    ]);
  });
});

describe('compileQuestionnaire: single choice', () => {
  const compiled = validatorFor([
    yesNo('q1'),
    { type: 'dropdown', name: 'num', choices: [1, 2, { value: 3, text: 'tiga' }] },
    { type: 'radiogroup', name: 'piped', choices: ['a|Pilihan A'] },
  ]);

  it('accepts exactly the choice values, with their JSON type', () => {
    expect(compiled.validate({ q1: 'ya', num: 3, piped: 'a' })).toEqual([]);
    expect(compiled.validate({ num: '3' })).toEqual([
      { question: 'num', problem: 'not one of the choices' },
    ]);
    expect(compiled.validate({ q1: 'Ya', piped: 'a|Pilihan A' })).toEqual([
      { question: 'q1', problem: 'not one of the choices' },
      { question: 'piped', problem: 'not one of the choices' },
    ]);
  });

  it('rejects values that are not a string or number', () => {
    for (const value of [['ya'], { ya: true }, true, Number.POSITIVE_INFINITY]) {
      expect(compiled.validate({ q1: value })).toEqual([
        { question: 'q1', problem: 'must be a string or number' },
      ]);
    }
  });
});

describe('compileQuestionnaire: checkboxes', () => {
  const compiled = validatorFor([
    {
      type: 'checkbox',
      name: 'c',
      choices: ['a', 'b', 'c', 'd', { value: 'tidak_tahu', text: 'Tidak tahu', isExclusive: true }],
      maxSelectedChoices: 3,
      minSelectedChoices: 2,
      showNoneItem: true,
    },
  ]);

  it('accepts distinct choices within the limits', () => {
    expect(compiled.validate({ c: ['a', 'd'] })).toEqual([]);
  });

  it('rejects a value that is not a list', () => {
    expect(compiled.validate({ c: 'a' })).toEqual([
      { question: 'c', problem: 'must be a list of choices' },
    ]);
  });

  it('rejects items outside the choices or of the wrong type', () => {
    expect(compiled.validate({ c: ['a', 'x', null] })).toEqual([
      { question: 'c', problem: 'not one of the choices: x' },
      { question: 'c', problem: 'must be a list of strings or numbers' },
    ]);
  });

  it('rejects the same choice twice', () => {
    expect(compiled.validate({ c: ['a', 'a'] })).toEqual([
      { question: 'c', problem: 'lists a choice twice: a' },
    ]);
  });

  it('rejects more choices than allowed and fewer than required', () => {
    expect(compiled.validate({ c: ['a', 'b', 'c', 'd'] })).toEqual([
      { question: 'c', problem: 'more than 3 choices' },
    ]);
    expect(compiled.validate({ c: ['b'] })).toEqual([
      { question: 'c', problem: 'fewer than 2 choices' },
    ]);
  });

  it('lets an exclusive choice stand alone only', () => {
    expect(compiled.validate({ c: ['none', 'a'] })).toEqual([
      { question: 'c', problem: 'none cannot be combined with other choices' },
    ]);
    expect(compiled.validate({ c: ['a', 'tidak_tahu'] })).toEqual([
      { question: 'c', problem: 'tidak_tahu cannot be combined with other choices' },
    ]);
  });
});

describe('compileQuestionnaire: ratings', () => {
  it('accepts the generated range rateMin..rateMax by rateStep', () => {
    const compiled = validatorFor([
      { type: 'rating', name: 'r', rateMin: 0, rateMax: 10, rateStep: 2 },
    ]);
    expect(compiled.validate({ r: 4 })).toEqual([]);
    expect(compiled.validate({ r: 5 })).toEqual([
      { question: 'r', problem: 'not one of the rating values' },
    ]);
    expect(compiled.validate({ r: 12 })).toEqual([
      { question: 'r', problem: 'not one of the rating values' },
    ]);
    expect(compiled.validate({ r: '4' })).toEqual([{ question: 'r', problem: 'must be a number' }]);
  });

  it('defaults to 1..5 like SurveyJS', () => {
    const compiled = validatorFor([{ type: 'rating', name: 'r' }]);
    expect(compiled.validate({ r: 5 })).toEqual([]);
    expect(compiled.validate({ r: 0 })).toEqual([
      { question: 'r', problem: 'not one of the rating values' },
    ]);
  });

  it('accepts only the listed rateValues when given', () => {
    const compiled = validatorFor([
      { type: 'rating', name: 'r', rateValues: [{ value: 1, text: 'Buruk' }, 3] },
    ]);
    expect(compiled.validate({ r: 3 })).toEqual([]);
    expect(compiled.validate({ r: 2 })).toEqual([
      { question: 'r', problem: 'not one of the rating values' },
    ]);
  });
});

describe('compileQuestionnaire: matrices', () => {
  const compiled = validatorFor([
    { type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: [1, 2, 3, 4], eachRowRequired: true },
    { type: 'matrix', name: 'opt', rows: ['a', 'b'], columns: ['x', 'y'] },
  ]);

  it('accepts an object keyed by rows with allowed columns', () => {
    expect(compiled.validate({ m: { r1: 1, r2: 4 }, opt: { b: 'y' } })).toEqual([]);
  });

  it('rejects a value that is not an object', () => {
    expect(compiled.validate({ m: [1, 2], opt: 'x' })).toEqual([
      { question: 'm', problem: 'must be an object of answers keyed by row' },
      { question: 'opt', problem: 'must be an object of answers keyed by row' },
    ]);
  });

  it('names the row that is unknown or has a value outside the columns', () => {
    expect(compiled.validate({ m: { r1: 1, r2: '4', r3: 2 } })).toEqual([
      { question: 'm.r2', problem: 'not one of the columns' },
      { question: 'm.r3', problem: 'unknown row' },
    ]);
  });

  it('requires every row when eachRowRequired is set, even if the matrix itself is optional', () => {
    expect(compiled.validate({ m: { r2: 3 } })).toEqual([
      { question: 'm.r1', problem: 'required' },
    ]);
    expect(compiled.validate({})).toEqual([{ question: 'm', problem: 'required' }]);
  });
});

describe('compileQuestionnaire: free text and booleans', () => {
  const compiled = validatorFor([
    { type: 'comment', name: 'long' },
    { type: 'text', name: 'short', maxLength: 10 },
    { type: 'boolean', name: 'ok' },
  ]);

  it('accepts text up to 2,000 characters by default, or up to maxLength', () => {
    expect(compiled.validate({ long: 'a'.repeat(2000), short: 'a'.repeat(10) })).toEqual([]);
    expect(compiled.validate({ long: 'a'.repeat(2001), short: 'a'.repeat(11) })).toEqual([
      { question: 'long', problem: 'longer than 2000 characters' },
      { question: 'short', problem: 'longer than 10 characters' },
    ]);
  });

  it('rejects text answers that are not strings', () => {
    expect(compiled.validate({ long: 42, short: ['x'] })).toEqual([
      { question: 'long', problem: 'must be text' },
      { question: 'short', problem: 'must be text' },
    ]);
  });

  it('accepts only true or false for a boolean', () => {
    expect(compiled.validate({ ok: false })).toEqual([]);
    expect(compiled.validate({ ok: 'true' })).toEqual([
      { question: 'ok', problem: 'must be true or false' },
    ]);
  });
});

describe('compileQuestionnaire: the "other" choice and its text', () => {
  const compiled = validatorFor([
    yesNo('gate'),
    { type: 'radiogroup', name: 'r', choices: ['a'], showOtherItem: true },
    {
      type: 'checkbox',
      name: 'c',
      choices: ['a'],
      showOtherItem: true,
      visibleIf: "{gate} = 'ya'",
    },
  ]);

  it('accepts the text under <name>-Comment when other is chosen', () => {
    expect(
      compiled.validate({
        r: 'other',
        'r-Comment': 'teks',
        gate: 'ya',
        c: ['a', 'other'],
        'c-Comment': 'x',
      }),
    ).toEqual([]);
  });

  it('requires the text when other is chosen', () => {
    expect(compiled.validate({ r: 'other', 'r-Comment': '   ' })).toEqual([
      { question: 'r-Comment', problem: 'required when "other" is chosen' },
    ]);
    expect(compiled.validate({ gate: 'ya', c: ['other'] })).toEqual([
      { question: 'c-Comment', problem: 'required when "other" is chosen' },
    ]);
  });

  it('rejects the text when other is not chosen', () => {
    expect(compiled.validate({ r: 'a', 'r-Comment': 'teks' })).toEqual([
      { question: 'r-Comment', problem: 'given but "other" is not chosen' },
    ]);
  });

  it('rejects the text of a hidden question, and text that is too long or not a string', () => {
    expect(compiled.validate({ gate: 'tidak', 'c-Comment': 'x' })).toEqual([
      { question: 'c-Comment', problem: 'answered but hidden by its condition' },
    ]);
    expect(compiled.validate({ r: 'other', 'r-Comment': 'x'.repeat(2001) })).toEqual([
      { question: 'r-Comment', problem: 'longer than 2000 characters' },
    ]);
    expect(compiled.validate({ r: 'other', 'r-Comment': 7 })).toEqual([
      { question: 'r-Comment', problem: 'must be text' },
    ]);
  });
});

describe('compileQuestionnaire: answer items', () => {
  const compiled = validatorFor([
    yesNo('q1'),
    { type: 'checkbox', name: 'c', choices: ['a', 'b'], showOtherItem: true },
    { type: 'matrix', name: 'm', rows: ['r1', 'r2', 'r3'], columns: [1, 2] },
    { type: 'rating', name: 'r' },
    { type: 'comment', name: 't' },
    { type: 'boolean', name: 'ok' },
  ]);

  it('flattens each answer into variable/option items, matrix rows in row order, free text left out', () => {
    const answers = {
      q1: 'ya',
      c: ['b', 'other'],
      'c-Comment': 'x',
      m: { r3: 2, r1: 1 },
      r: 4,
      t: 'teks',
      ok: false,
    };
    expect(compiled.validate(answers)).toEqual([]);
    expect(compiled.answerItems(answers)).toEqual([
      { variable: 'q1', option: 'ya' },
      { variable: 'c', option: 'b' },
      { variable: 'c', option: 'other' },
      { variable: 'm.r1', option: '1' },
      { variable: 'm.r3', option: '2' },
      { variable: 'r', option: '4' },
      { variable: 'ok', option: 'false' },
    ]);
  });

  it('gives no items for unanswered questions', () => {
    expect(compiled.answerItems({ c: [], m: {} })).toEqual([]);
  });

  it('lists the checkbox questions of netralitas-asn as its multi-select variables', () => {
    const netralitas = compileQuestionnaire(netralitasAsn.json);
    expect([...netralitas.multiSelectVariables].sort()).toEqual(
      ['B2', 'B3', 'C18', 'D2', 'E1', 'F7', 'G2', 'G3', 'H3', 'H4', 'H6', 'H8'].sort(),
    );
  });
});
