// What this page adds to the survey model: a review step, progress by answered questions, tappable scales, focus on page turns.

import { settings, type QuestionRatingModel, type SurveyModel } from 'survey-core';
import { focusCurrentPage } from './focus-page';
import './indonesian-strings';

// One outline for the whole page: the page frame's notices are h1, SurveyJS's survey and page
// titles h2, panels and questions h3 (its defaults start at h3 under no h1 at all).
Object.assign(settings.titleTags, { survey: 'h2', page: 'h2', panel: 'h3', question: 'h3' });

/**
 * Applies the respondent page's presentation to a model made by `createSurveyModel`:
 *
 * - a review of the given answers before the irreversible submit, each page with its own
 *   "Ubah/Edit" button back to it (SurveyJS's preview);
 * - the progress bar counts answered questions ("12 dari 57 pertanyaan terjawab"), since one
 *   page can be ten phone screens long;
 * - rating scales always as a row of buttons: SurveyJS otherwise hides a scale that does not
 *   fit a 360 px screen in a dropdown (survey-overrides.css lets the buttons wrap);
 * - on a page turn the page header comes back into view and focus moves to the new page's
 *   heading, so keyboard and screen-reader users start at the top of the new page.
 *
 * Returns a function that removes the page-turn handler.
 *
 * @example
 * const model = createSurveyModel(json, lang, draft);
 * const dispose = applyRespondentSettings(model);
 */
export function applyRespondentSettings(model: SurveyModel): () => void {
  model.showPreviewBeforeComplete = true;
  model.previewMode = 'answeredQuestions';
  model.progressBarType = 'questions';
  for (const question of model.getAllQuestions()) {
    if (question.getType() === 'rating') (question as QuestionRatingModel).displayMode = 'buttons';
  }
  const onTurn = (): void => focusCurrentPage();
  model.onCurrentPageChanged.add(onTurn);
  model.onShowingPreview.add(onTurn);
  return () => {
    model.onCurrentPageChanged.remove(onTurn);
    model.onShowingPreview.remove(onTurn);
  };
}
