// What survey-core's Model submits after a respondent changes answers must pass the compiled validator.

import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { netralitasAsn } from '../../../../surveys/netralitas-asn.ts';
import { compileQuestionnaire } from '../../../../server/services/validation/compile-questionnaire.ts';
import {
  generatorQuestions,
  seededRandom,
  validAnswerSet,
} from '../../../helpers/answer-set-generator.ts';

const json = netralitasAsn.json;
const compiled = compileQuestionnaire(json);
const questions = generatorQuestions(json);

/** Types answers in question by question, as the form does, comments after their question. */
function answerThroughForm(model: Model, answers: Record<string, unknown>): void {
  for (const { name } of questions) {
    if (!(name in answers)) continue;
    const question = model.getQuestionByName(name);
    question.value = answers[name];
    const comment = answers[`${name}-Comment`];
    if (typeof comment === 'string') question.comment = comment;
  }
}

describe('submissions produced by survey-core', () => {
  it('pass validation after a respondent answers one way, then changes their mind and completes', () => {
    for (let seed = 1; seed <= 10; seed += 1) {
      const random = seededRandom(seed);
      const first = validAnswerSet(random, questions);
      const second = validAnswerSet(random, questions);
      const model = new Model(json);
      answerThroughForm(model, first);
      answerThroughForm(model, second);
      model.doComplete();
      expect(compiled.validate(model.data), `seed ${seed}`).toEqual([]);
    }
  });
});
