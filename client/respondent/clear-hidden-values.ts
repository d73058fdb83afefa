// Clears every hidden or no-longer-offered answer until none is left, the fixed point the server's visibility rules assume.

import type { Question, QuestionMatrixModel, QuestionSelectBase, SurveyModel } from 'survey-core';

const choiceTypes = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox']);

// Clears what `question` holds that SurveyJS no longer shows; returns whether it cleared anything.
function clearLeftovers(question: Question): boolean {
  if (!question.isVisible || !question.isParentVisible) {
    question.clearValue();
    return true;
  }
  const value: unknown = question.value;
  if (question.getType() === 'matrix') {
    // Answers to rows a rowsVisibleIf hides: survey-core's own clearing drops exactly those.
    const rows = new Set((question as QuestionMatrixModel).visibleRows.map((row) => row.name));
    if (typeof value !== 'object' || value === null) return false;
    if (Object.keys(value).every((row) => rows.has(row))) return false;
    question.clearValueIfInvisible('onComplete');
    return true;
  }
  if (!choiceTypes.has(question.getType())) return false;
  const select = question as QuestionSelectBase;
  if (select.comment && !select.isOtherSelected) {
    select.comment = '';
    return true;
  }
  // survey-core's clearIncorrectValues spares a value it reads as "other", so a piped question
  // can keep the source's "other" after the source drops it: drop choices no longer offered.
  const offered = new Set(select.visibleChoices.map((choice) => choice.value as unknown));
  if (Array.isArray(value)) {
    const kept = value.filter((item) => offered.has(item));
    if (kept.length === value.length) return false;
    question.value = kept.length > 0 ? kept : undefined;
    return true;
  }
  if (value === undefined || offered.has(value)) return false;
  question.clearValue();
  return true;
}

// survey-core's hook that recomputes a question's visible choices (protected in its typings).
interface ChoicesRefresh {
  onVisibleChoicesChanged(): void;
}

/**
 * Recomputes the choices of questions piped from `source` (every piped question when it is
 * omitted). survey-core does not always recompute them when only the source's "other" text
 * changes, so E2 could stay hidden without choices after E1 = ["other"] got its text, and the
 * page would send no E2 while the server, seeing the text, requires it.
 *
 * @example
 * model.onValueChanged.add((_, { name }) => refreshPipedChoices(model, name.replace(/-Comment$/, '')));
 */
export function refreshPipedChoices(model: SurveyModel, source?: string): void {
  for (const question of model.getAllQuestions()) {
    const from = (question as QuestionSelectBase).choicesFromQuestion;
    if (!from || (source !== undefined && from !== source)) continue;
    (question as unknown as ChoicesRefresh).onVisibleChoicesChanged();
  }
}

/**
 * Clears the answers of hidden questions (and of hidden matrix rows, "other" texts whose item
 * is not ticked, and choices a piped question no longer offers) again and again until a pass
 * changes nothing. Run it while the survey is still running (`onCompleting`): SurveyJS clears
 * hidden values in one pass after completion, when conditions no longer run, so an answer
 * whose question hides only because another hidden answer was cleared (H6 shown by
 * H5 = 'tidak', H5 hidden by H2) would survive, and the server would refuse it as "answered
 * but hidden". Each pass only removes values, so the loop ends within one pass per question.
 * Returns whether anything was cleared.
 *
 * @example
 * model.onCompleting.add(() => clearHiddenValuesToFixedPoint(model));
 */
export function clearHiddenValuesToFixedPoint(model: SurveyModel): boolean {
  refreshPipedChoices(model);
  const questions = model.getAllQuestions();
  let cleared = false;
  for (let pass = 0; pass <= questions.length; pass += 1) {
    let changed = false;
    for (const question of questions) {
      // Clearing runs every condition in survey-core, so touch only questions holding something.
      if (question.isEmpty() && !question.comment) continue;
      if (clearLeftovers(question)) changed = true;
    }
    if (!changed) break;
    cleared = true;
  }
  return cleared;
}
