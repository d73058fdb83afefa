// Every question and option of one agency against the nation, under design weights: the significance marks of the agency dashboard.
import { agencyContrast, designWeights, type AgencyContrast } from '../../../analysis/index.ts';
import { buildCodebook } from '../../../surveys/codebook.ts';
import { designOf, type ReportInput } from './build-report.ts';

/**
 * `agencyContrast` (design weights, the test R's `svycontrast` gives) for every reported
 * question (free text excepted) and every option answered in the wave, for the agency
 * `stratum`. Empty when the agency has no respondents.
 *
 * @example
 * const contrasts = agencyContrasts(await loadReportInput(db, studyId, waveId), 'kab-sleman');
 */
export function agencyContrasts(input: ReportInput, stratum: string): AgencyContrast[] {
  const design = designOf(input.cells);
  if (!design.strata.includes(stratum)) return [];
  const weighting = designWeights(design);
  const reported = buildCodebook(input.definition).filter((row) => row.type !== 'text');
  const contrasts: AgencyContrast[] = [];
  for (const row of reported) {
    const index = design.questions.get(row.variable);
    if (!index) continue;
    for (const option of index.options) {
      contrasts.push(agencyContrast(weighting, stratum, row.variable, option));
    }
  }
  return contrasts;
}
