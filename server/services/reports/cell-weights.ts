// The analysis weight of every (agency, respondent profile) cell, design and raked, for microdata exports.
import { designWeights, rake, stratumTotals } from '../../../analysis/index.ts';
import type { DomainVariable } from '../../../surveys/types.ts';
import type { ProfileValues } from '../projection/respondent-profile.ts';
import { designOf, type ReportInput } from './build-report.ts';
import { marginTotals } from './raking-margins.ts';
import type { MarginShares } from './report-types.ts';

/** Weights of one (agency, profile) cell: every respondent in it carries them. */
export interface CellWeight {
  agency: string;
  /** See {@link profileWeightKey}. */
  profile: string;
  design: number;
  /** Null when the wave has no margins (or raking failed: see `rakingProblem`). */
  raked: number | null;
}

/** Cell weights and, when raking was asked for but failed, why. */
export interface CellWeights {
  weights: CellWeight[];
  rakingProblem: string | null;
}

/**
 * The key of a respondent profile for weight lookups: its domain-variable values in the
 * questionnaire's order (recoded, null when not answered), so the export can find a
 * response's weights from its answers.
 *
 * @example
 * profileWeightKey(domainVariables, { A4: 'perempuan', A5: null }); // '["perempuan",null]'
 */
export function profileWeightKey(
  domainVariables: readonly DomainVariable[],
  values: ProfileValues,
): string {
  return JSON.stringify(domainVariables.map((d) => values[d.question] ?? null));
}

/**
 * Design weights N_h / n_h per cell and, when margins are given, the weights raked to the
 * agency headcounts and those margins (the same raking as `buildReport`).
 *
 * @example
 * const { weights } = cellWeights(input, margins);
 */
export function cellWeights(input: ReportInput, margins: readonly MarginShares[]): CellWeights {
  const design = designOf(input.cells);
  const base = designWeights(design);
  let raked: Float64Array | null = null;
  let rakingProblem: string | null = null;
  if (margins.length > 0 && design.strata.length > 0) {
    try {
      const agencyTotals = stratumTotals(design);
      const population = [...agencyTotals.values()].reduce((s, n) => s + n, 0);
      const result = rake(base, [
        { variable: 'agency', totals: agencyTotals },
        ...marginTotals(margins, population),
      ]);
      if (result.converged) raked = result.weighting.weights;
      else rakingProblem = `raking did not converge after ${result.iterations} passes`;
    } catch (error) {
      rakingProblem = (error as Error).message;
    }
  }
  const domainVariables = input.definition.domainVariables;
  const weights: CellWeight[] = [];
  for (let cell = 0; cell < design.cellCount.length; cell++) {
    const values = input.cells.profiles.get(design.cellProfile[cell] as number) ?? {};
    weights.push({
      agency: design.strata[design.cellStratum[cell] as number] as string,
      profile: profileWeightKey(domainVariables, values),
      design: base.weights[cell] as number,
      raked: raked === null ? null : (raked[cell] as number),
    });
  }
  return { weights, rakingProblem };
}
