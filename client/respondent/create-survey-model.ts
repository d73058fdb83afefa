// Builds the SurveyJS model for a respondent: language, theme, progress and completion behaviour.

import { Model, settings, surveyLocalization, type Question, type SurveyModel } from 'survey-core';
// Registers survey-core's Indonesian interface strings (buttons, errors, progress text) as "id".
import 'survey-core/i18n/indonesian';
import type { Lang } from '../lang';
import type { Draft } from './draft-store';
import { clearHiddenValuesToFixedPoint, refreshPipedChoices } from './clear-hidden-values';

// Our questionnaires keep Indonesian under `default` and English under `en`; SurveyJS reads
// `default` as the text of its default locale, which must therefore be Indonesian, not English.
surveyLocalization.defaultLocale = 'id';
// The default theme draws page progress as a row of step buttons, which a 360 px screen cuts
// off after three steps; the classic bar with "Halaman 2 dari 9" fits any width.
settings.legacyProgressBarView = true;
// SurveyJS animates questions in and out without asking the system; people who turned motion
// off (and slow phones that would stutter through it) get none.
settings.animationEnabled = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * The default theme, adjusted: fonts already on the device (its "Open Sans" would need a
 * web-font request) and the page frame's colours (base.css) instead of SurveyJS teal.
 */
const themeVariables = {
  '--sjs2-typography-font-family-text':
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  '--sjs2-typography-font-family-code': 'ui-monospace, "DejaVu Sans Mono", monospace',
  '--sjs2-color-project-brand-600': 'var(--brand)',
  '--sjs2-color-utility-surface-survey': 'var(--surface)',
};

/**
 * Questionnaire JSON stays as published; what is about presentation on this page is set here
 * so every questionnaire gets it.
 *
 * @example
 * const model = createSurveyModel(json, 'id', drafts.load());
 */
export function createSurveyModel(
  json: Record<string, unknown>,
  lang: Lang,
  draft: Draft | undefined,
): SurveyModel {
  const model = new Model(json);
  model.locale = lang;
  model.applyTheme({ cssVariables: themeVariables });
  model.showProgressBar = true;
  model.progressBarLocation = 'belowHeader';
  model.progressBarType = 'pages';
  // The title and introduction fill a phone's first screen; after page one they only push the
  // questions down, so show them on the first page alone.
  const showTitleOnFirstPage = (): void => {
    model.showTitle = model.currentPageNo === 0;
  };
  model.onCurrentPageChanged.add(showTitleOnFirstPage);
  // The page renders its own completion, sending and error states around the model.
  model.showCompletePage = false;
  // The server rejects answers to questions the branching hid, so never send them. SurveyJS
  // clears them in one pass once completed, when conditions no longer run, so a question that
  // hides only because another hidden answer was cleared would keep its answer. Clearing to a
  // fixed point just before completion, while conditions still run, leaves SurveyJS's own
  // pass nothing to do.
  model.clearInvisibleValues = 'onComplete';
  model.onValueChanged.add((_, { name }) => {
    if (name.endsWith('-Comment')) refreshPipedChoices(model, name.slice(0, -'-Comment'.length));
  });
  model.onCompleting.add((_, options) => {
    if (!clearHiddenValuesToFixedPoint(model)) return;
    // Clearing can leave a shown required question empty (a piped choice no longer offered,
    // or a question a "{X} empty" condition shows once X is cleared): the person answers it first.
    const unanswered = model
      .getAllQuestions()
      .some((q: Question) => q.isVisible && q.isParentVisible && q.isRequired && q.isEmpty());
    if (unanswered && !model.validate(true, true)) options.allow = false;
  });
  // Autosave should catch text as it is typed, not only when the field loses focus.
  model.textUpdateMode = 'onTyping';
  if (draft) {
    model.data = draft.answers;
    // Page numbers count visible pages, which depend on the answers just restored.
    if (draft.pageNo < model.visiblePages.length) model.currentPageNo = draft.pageNo;
  }
  showTitleOnFirstPage();
  return model;
}
