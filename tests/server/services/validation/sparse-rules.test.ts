// SurveyJS rules the first questionnaire barely used: exclusive items under a minimum, blank text, generated rating scales, piped choices, shown matrix rows.

import { describe, expect, it } from 'vitest';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import { netralitasAsnV2 } from '../../../../surveys/netralitas-asn-v2.ts';
import type { SurveyJson } from '../../../../surveys/types.ts';

const validatorFor = (elements: unknown[]) =>
  compileQuestionnaire({ pages: [{ name: 'p1', elements }] } as SurveyJson);
const about = (name: string, problems: { question: string; problem: string }[]) =>
  problems.filter((p) => p.question === name || p.question.startsWith(`${name}.`));

describe('the compiled validator', () => {
  it('accepts an exclusive item alone under a minimum, as SurveyJS exempts it', () => {
    const compiled = validatorFor([
      {
        type: 'checkbox',
        name: 'c',
        minSelectedChoices: 2,
        choices: ['a', 'b', { value: 'x', isExclusive: true }],
        showNoneItem: true,
      },
    ]);
    expect(compiled.validate({ c: ['none'] })).toEqual([]);
    expect(compiled.validate({ c: ['x'] })).toEqual([]);
    expect(compiled.validate({ c: ['a'] })).toEqual([
      { question: 'c', problem: 'fewer than 2 choices' },
    ]);
    // survey-core counts an empty optional answer as below the minimum too.
    expect(compiled.validate({})).toEqual([{ question: 'c', problem: 'fewer than 2 choices' }]);
  });

  it('counts a blank answer to a required text or comment as not answered', () => {
    const compiled = validatorFor([
      { type: 'comment', name: 'k', isRequired: true },
      { type: 'text', name: 't', isRequired: true },
      { type: 'comment', name: 'o' },
    ]);
    for (const blank of [' ', '   ', '\t\n', '\u00a0 ']) {
      expect(compiled.validate({ k: blank, t: blank, o: blank })).toEqual([
        { question: 'k', problem: 'required' },
        { question: 't', problem: 'required' },
      ]);
    }
    expect(compiled.validate({ k: ' x ', t: 'y' })).toEqual([]);
  });

  it('accepts exactly the rating values SurveyJS draws', () => {
    const compiled = validatorFor([
      { type: 'rating', name: 'a', rateMax: 7, rateCount: 3 },
      { type: 'rating', name: 'b', rateType: 'smileys', rateMin: 0, rateMax: 9 },
      { type: 'rating', name: 'c', rateMin: 0, rateMax: 10, rateStep: 2.5 },
    ]);
    expect(compiled.validate({ a: 5, b: 9, c: 7.5 })).toEqual([]);
    for (const [name, value] of [
      ['a', 4],
      ['a', 8],
      ['b', 10],
      ['c', 2],
      ['c', 12.5],
    ] as const) {
      expect(about(name, compiled.validate({ [name]: value })), `${name}=${value}`).toEqual([
        { question: name, problem: 'not one of the rating values' },
      ]);
    }
  });

  it('offers a piped question only what its source ticks, with the source’s typed "other"', () => {
    const v2 = compileQuestionnaire(netralitasAsnV2.json);
    const base = { E1: ['utang_budi', 'sanksi_lemah', 'other'], 'E1-Comment': 'adat' };
    expect(about('E2', v2.validate({ ...base, E2: 'utang_budi' }))).toEqual([]);
    expect(about('E2', v2.validate({ ...base, E2: 'other' }))).toEqual([]);
    expect(about('E2', v2.validate({ ...base, E2: 'kurang_integritas' }))).toEqual([
      { question: 'E2', problem: 'not one of the choices' },
    ]);
    expect(about('E2', v2.validate({ E1: ['utang_budi'], E2: 'other' }))).toEqual([
      { question: 'E2', problem: 'not one of the choices' },
    ]);
    expect(about('E2', v2.validate({ ...base }))).toEqual([
      { question: 'E2', problem: 'required' },
    ]);
  });

  it('supports all, selected and unselected piping and hides a question left without choices', () => {
    const compiled = validatorFor([
      {
        type: 'checkbox',
        name: 's',
        choices: ['a', 'b', { value: 'x', isExclusive: true }],
        showNoneItem: true,
      },
      { type: 'checkbox', name: 'all', choicesFromQuestion: 's' },
      {
        type: 'checkbox',
        name: 'un',
        choicesFromQuestion: 's',
        choicesFromQuestionMode: 'unselected',
        hideIfChoicesEmpty: true,
      },
      {
        type: 'radiogroup',
        name: 'sel',
        choicesFromQuestion: 's',
        choicesFromQuestionMode: 'selected',
        hideIfChoicesEmpty: true,
      },
    ]);
    expect(compiled.validate({ s: ['a'], all: ['b'], un: ['b'], sel: 'a' })).toEqual([]);
    // Built-in items are never copied; a copied isExclusive item stays exclusive.
    expect(about('all', compiled.validate({ s: ['a'], all: ['none'] }))).toEqual([
      { question: 'all', problem: 'not one of the choices: none' },
    ]);
    expect(about('all', compiled.validate({ s: ['a'], all: ['x', 'a'] }))).toHaveLength(1);
    expect(about('un', compiled.validate({ s: ['a'], un: ['a'] }))).toEqual([
      { question: 'un', problem: 'not one of the choices: a' },
    ]);
    // With "none" ticked nothing is selected: `sel` is hidden, so an answer to it is refused.
    expect(about('sel', compiled.validate({ s: ['none'], sel: 'a' }))).toEqual([
      { question: 'sel', problem: 'answered but hidden by its condition' },
    ]);
  });

  it('takes answers only for matrix rows its rowsVisibleIf shows (D3 rows from D2 in v2)', () => {
    const v2 = compileQuestionnaire(netralitasAsnV2.json);
    const D2 = ['tim_sukses', 'media'];
    expect(about('D3', v2.validate({ D2, D3: { tim_sukses: 1, media: 4 } }))).toEqual([]);
    expect(about('D3', v2.validate({ D2, D3: { tim_sukses: 1, parpol: 2 } }))).toEqual([
      { question: 'D3.parpol', problem: 'answered but hidden by its condition' },
    ]);
    expect(about('D3', v2.validate({ D2: ['tidak_ada'], D3: { media: 1 } }))).toEqual([
      { question: 'D3', problem: 'answered but hidden by its condition' },
    ]);
  });
});
