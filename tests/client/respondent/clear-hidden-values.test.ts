// The page's completion sends no answer the server would call hidden: the reported H2 → H5 → H6 case, piped choices, hidden matrix rows.

import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { createSurveyModel } from '../../../client/respondent/create-survey-model';
import { compileQuestionnaire } from '../../../server/services/validation/compile-questionnaire';
import { netralitasAsn } from '../../../surveys/netralitas-asn';
import { netralitasAsnV2 } from '../../../surveys/netralitas-asn-v2';
import {
  generatorQuestions,
  seededRandom,
  validAnswerSet,
} from '../../helpers/answer-set-generator';

/** A complete valid answer set without the pressure panel (H2–H6), to build cases on. */
function baseAnswers(json: Record<string, unknown>): Record<string, unknown> {
  const answers = validAnswerSet(seededRandom(11), generatorQuestions(json));
  for (const key of Object.keys(answers)) if (/^H[2-6]/.test(key)) delete answers[key];
  return answers;
}

function complete(model: Model): void {
  model.currentPage = model.visiblePages[model.visiblePages.length - 1]!;
  model.completeLastPage();
}

describe('completing on the respondent page', () => {
  const v1 = compileQuestionnaire(netralitasAsn.json);

  it('drops H6 after H2 changes from ya, although H6 hid only once H5 was cleared', () => {
    const model = createSurveyModel(netralitasAsn.json, 'id', undefined);
    model.mergeData(baseAnswers(netralitasAsn.json));
    model.getQuestionByName('H2').value = 'ya';
    model.getQuestionByName('H5').value = 'tidak';
    model.getQuestionByName('H6').value = ['takut_karier'];
    model.getQuestionByName('H2').value = 'tidak_ingin_menjawab';
    // SurveyJS still shows H6: its condition reads H5's value, which a hidden H5 keeps.
    expect(model.getQuestionByName('H6').isVisible).toBe(true);
    complete(model);
    expect(model.state).toBe('completed');
    expect(model.data).toMatchObject({ H2: 'tidak_ingin_menjawab' });
    expect(model.data).not.toHaveProperty('H5');
    expect(model.data).not.toHaveProperty('H6');
    expect(v1.validate(model.data)).toEqual([]);
  });

  it('would send H6 with SurveyJS’s single clearing pass, which the server refuses', () => {
    const model = new Model(netralitasAsn.json);
    model.clearInvisibleValues = 'onComplete';
    model.mergeData(baseAnswers(netralitasAsn.json));
    model.setValue('H2', 'ya');
    model.setValue('H5', 'tidak');
    model.setValue('H6', ['takut_karier']);
    model.setValue('H2', 'tidak_ingin_menjawab');
    complete(model);
    expect(model.data).toHaveProperty('H6');
    expect(v1.validate(model.data)).toContainEqual({
      question: 'H6',
      problem: 'answered but hidden by its condition',
    });
  });

  it('stops on E2 when E1 no longer ticks the "other" cause E2 chose, then sends what the server accepts', () => {
    const v2 = compileQuestionnaire(netralitasAsnV2.json);
    const model = createSurveyModel(netralitasAsnV2.json, 'id', undefined);
    model.mergeData(baseAnswers(netralitasAsnV2.json));
    const e1 = model.getQuestionByName('E1');
    e1.value = ['utang_budi', 'other'];
    e1.comment = 'tekanan keluarga';
    model.getQuestionByName('E2').value = 'other';
    e1.value = ['utang_budi'];
    // survey-core keeps a value it reads as "other" although E2 no longer offers it.
    expect(model.getQuestionByName('E2').value).toBe('other');
    complete(model);
    expect(model.state).toBe('running');
    expect(model.currentPage.name).toBe('bagian_e');
    model.getQuestionByName('E2').value = 'utang_budi';
    complete(model);
    expect(model.state).toBe('completed');
    expect(model.data).toMatchObject({ E1: ['utang_budi'], E2: 'utang_budi' });
    expect(v2.validate(model.data)).toEqual([]);
  });

  it('drops D3 ratings of parties unticked in D2', () => {
    const v2 = compileQuestionnaire(netralitasAsnV2.json);
    const model = createSurveyModel(netralitasAsnV2.json, 'id', undefined);
    model.mergeData(baseAnswers(netralitasAsnV2.json));
    model.getQuestionByName('D2').value = ['tim_sukses', 'media'];
    model.getQuestionByName('D3').value = { tim_sukses: 1, media: 4 };
    model.getQuestionByName('D2').value = ['tim_sukses'];
    complete(model);
    expect(model.state).toBe('completed');
    expect(model.data.D3).toEqual({ tim_sukses: 1 });
    expect(v2.validate(model.data)).toEqual([]);
  });
});
