// The survey renderer and model factory in one lazily loaded chunk: the largest download of the page, fetched while the notice is read.

import { createSurveyModel } from './create-survey-model';
import { applyRespondentSettings } from './respondent-survey-settings';
import { SurveyView } from './survey-view';

export { createSurveyModel, applyRespondentSettings, SurveyView };

/** What the respondent page gets once the chunk has arrived (load-survey-runtime.ts). */
export interface SurveyRuntime {
  createSurveyModel: typeof createSurveyModel;
  applyRespondentSettings: typeof applyRespondentSettings;
  SurveyView: typeof SurveyView;
}
