// Renders a SurveyJS model with survey-react-ui and the fontless theme; the only file that imports them.

import type { SurveyModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';
import './survey-overrides.css';

export interface SurveyViewProps {
  model: SurveyModel;
  /** Kept mounted but out of sight while answers are sent, so returning to it loses nothing. */
  hidden?: boolean;
}

export function SurveyView({ model, hidden = false }: SurveyViewProps) {
  return (
    <div className="survey-view" hidden={hidden}>
      <Survey model={model} />
    </div>
  );
}
