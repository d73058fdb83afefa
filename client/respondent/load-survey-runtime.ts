// Loads the survey renderer chunk on demand, so the notice and problem pages never wait for it.

import type { SurveyRuntime } from './survey-runtime';

let loading: Promise<SurveyRuntime> | undefined;

/**
 * Starts (once) and returns the download of `survey-runtime` (survey-core, survey-react-ui and
 * their styles: about 300 kB compressed). A failed download (offline on a first visit) is
 * forgotten, so the next call tries again.
 *
 * @example
 * const { createSurveyModel, SurveyView } = await loadSurveyRuntime();
 */
export function loadSurveyRuntime(): Promise<SurveyRuntime> {
  loading ??= import('./survey-runtime').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
