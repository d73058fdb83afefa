// Puts the server's field-level rejections (HTTP 422 details) back onto the questions they concern.

import type { ItemValue, Question, SurveyModel } from 'survey-core';

/** One detail of an INVALID_RESPONSE error: a question name, or `question.row` for a matrix row. */
export interface AnswerProblem {
  question: string;
  problem: string;
}

function questionOf(model: SurveyModel, problem: AnswerProblem): Question | undefined {
  if (problem.question === '') return undefined;
  const [name = ''] = problem.question.split('.');
  return model.getQuestionByName(name) ?? undefined;
}

/**
 * The label a respondent recognises for a problem: the question's title in the current
 * language, plus the row's text for a matrix row; undefined for the answer set as a whole.
 *
 * @example
 * problemLabel(model, { question: 'E1.r2', problem: 'required' }) // 'Penilaian … — Baris 2'
 */
export function problemLabel(model: SurveyModel, problem: AnswerProblem): string | undefined {
  const question = questionOf(model, problem);
  if (!question) return problem.question || undefined;
  const rowName = problem.question.split('.').slice(1).join('.');
  const rows = (question as Question & { rows?: ItemValue[] }).rows;
  const row = rowName ? rows?.find((r) => String(r.value) === rowName) : undefined;
  return row ? `${question.title} — ${row.text}` : question.title;
}

/**
 * Shows each problem under its question (as SurveyJS shows its own validation errors) and
 * opens the page of the first visible one, so the respondent lands where the fix is needed.
 */
export function applyServerProblems(
  model: SurveyModel,
  problems: readonly AnswerProblem[],
  describe: (problem: string) => string = (problem) => problem,
): void {
  let first: Question | undefined;
  for (const problem of problems) {
    const question = questionOf(model, problem);
    if (!question) continue;
    question.addError(describe(problem.problem));
    if (!first && question.isVisible && question.page) first = question;
  }
  if (first?.page && first.page.isVisible) model.currentPage = first.page;
}

/** Focuses the question a listed problem points at (used by the problem summary's links). */
export function focusProblem(model: SurveyModel, problem: AnswerProblem): void {
  const question = questionOf(model, problem);
  if (question?.isVisible) question.focus(true);
}
