// Clears every hidden answer until none is left, the fixed point the server's visibility rules assume.

import type { SurveyModel } from 'survey-core';

/**
 * Clears the values of hidden questions (and of hidden matrix rows, and "other" texts whose
 * item is not ticked) again and again until a pass changes nothing. SurveyJS clears hidden
 * values once on completion, so an answer whose question hides only because another hidden
 * answer was cleared (H6 shown by H5 = 'tidak', H5 hidden by H2) would survive that one pass
 * and the server would refuse it as "answered but hidden". Each pass can only remove values,
 * so the loop ends after at most one pass per question.
 *
 * @example
 * model.onCompleting.add(() => clearHiddenValuesToFixedPoint(model));
 */
export function clearHiddenValuesToFixedPoint(model: SurveyModel): void {
  const questions = model.getAllQuestions();
  for (let pass = 0; pass <= questions.length; pass += 1) {
    const before = JSON.stringify(model.data);
    for (const question of questions) {
      question.clearUnusedValues();
      question.clearValueIfInvisible('onComplete');
    }
    if (JSON.stringify(model.data) === before) return;
  }
}
