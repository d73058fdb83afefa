// The methodological footnotes every report of a weighting must carry (lonely strata, censuses, calibration).

import type { Weighting } from './weighting.ts';

/** One footnote: a stable code for the results layer to translate, and the English text. */
export interface MethodNote {
  code:
    | 'design'
    | 'lonely-strata'
    | 'census-strata'
    | 'post-stratified'
    | 'raked'
    | 'intervals'
    | 'no-interval-rule';
  text: string;
}

/**
 * The footnotes for reports computed with a weighting: the design and variance method, the
 * lonely-stratum rule (every report must state it), census strata, what the
 * calibration did and which variance it implies, and the interval rule for edge cases.
 *
 * @example
 * methodNotes(raked.weighting).map((note) => note.text);
 */
export function methodNotes(weighting: Weighting): MethodNote[] {
  const { design } = weighting;
  const notes: MethodNote[] = [
    {
      code: 'design',
      text:
        `Stratified sample by ${design.stratumVariable} (${design.strata.length} strata); weights ${weighting.description}. ` +
        'Standard errors by Taylor linearization with finite-population correction; domains are estimated ' +
        'from the full design, not by subsetting respondents.',
    },
  ];
  if (design.singletonStrata.length > 0) {
    notes.push({
      code: 'lonely-strata',
      text:
        `${design.singletonStrata.length} stratum/strata with a single respondent (${design.singletonStrata.join(', ')}) ` +
        'contribute their squared deviation from zero, as R survey.lonely.psu = "adjust"; their own estimates are not shown.',
    });
  }
  if (design.censusStrata.length > 0) {
    notes.push({
      code: 'census-strata',
      text: `${design.censusStrata.length} stratum/strata answered in full (census) and contribute no sampling error.`,
    });
  }
  for (const step of weighting.calibration) {
    if (step.kind === 'post-stratification') {
      notes.push({
        code: 'post-stratified',
        text: `Post-stratified to population totals of ${step.variable}; variances use the post-stratified residuals.`,
      });
    } else {
      notes.push({
        code: 'raked',
        text:
          `Raked to population margins of ${step.margins.map((margin) => margin.variable).join(', ')}; variances use ` +
          `calibration residuals approximated by ${step.sweeps} sweeps over the margins, as R's survey package (rake).`,
      });
    }
  }
  notes.push(
    {
      code: 'intervals',
      text: '95% intervals on the logit scale with t quantiles on the design degrees of freedom (respondents − strata).',
    },
    {
      code: 'no-interval-rule',
      text:
        "Where R's logistic fit fails although the standard error is above 0, the logit interval is computed in closed " +
        'form at the estimate. At 0% or 100% (standard error 0) the interval is Korn–Graubard with the unweighted base ' +
        'as effective n (NCHS). A base of census agencies with standard error 0 has no sampling error: the interval is ' +
        'the estimate itself. With no degrees of freedom there is no interval, and the row is flagged.',
    },
  );
  return notes;
}
