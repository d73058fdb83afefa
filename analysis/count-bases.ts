// Unweighted bases of every question in every domain of some breakdowns: all that cell suppression reads, without estimating anything.

import type { SurveyDesign } from './design.ts';
import { resolveDomains, type DomainSpec } from './domains.ts';

/** The bases of one breakdown (national when `variables` is empty). */
export interface BreakdownBases {
  /** The variables crossed; empty for the national row. */
  variables: readonly string[];
  /** Each domain's values, in the order `estimateProportions` lists them. */
  levels: readonly (readonly string[])[];
  /**
   * Unweighted respondents who answered question q in domain d, at `bases[d * questions + q]`
   * (q in the order of the requested questions). 0 where nobody in the domain answered.
   */
  bases: Int32Array;
}

/** Options of {@link countBases}. */
export interface CountBasesOptions {
  /** Questions, in order; a question nobody answered has base 0 everywhere. */
  questions: readonly string[];
  /** Breakdowns besides the national row. */
  domains?: readonly DomainSpec[];
}

/**
 * The unweighted base n of every question in every domain of the national row and of each
 * breakdown: the `nBase` that `estimateProportions` gives each row, for the same domains (every
 * combination of values present among respondents, as `svyby` forms its groups), from one pass
 * over each question's base cells. No weight is read: this is what disclosure control decides
 * on (minimum cell size and complementary suppression need bases only), at a fraction of the
 * cost of estimating every cell.
 *
 * @example
 * const [national, byAgency] = countBases(design, { questions: ['Q1'], domains: ['agency'] });
 * byAgency.bases[0]; // respondents of the first agency who answered Q1
 */
export function countBases(design: SurveyDesign, options: CountBasesOptions): BreakdownBases[] {
  const { questions } = options;
  const specs: (DomainSpec | null)[] = [null, ...(options.domains ?? [])];
  return specs.map((spec) => {
    const domains = resolveDomains(design, spec);
    const bases = new Int32Array(domains.levels.length * questions.length);
    questions.forEach((name, q) => {
      const index = design.questions.get(name);
      if (index === undefined) return;
      for (let e = 0; e < index.baseCells.length; e++) {
        const level = domains.levelOfCell[index.baseCells[e] as number] as number;
        if (level < 0) continue;
        const slot = level * questions.length + q;
        bases[slot] = (bases[slot] as number) + (index.baseCounts[e] as number);
      }
    });
    return { variables: domains.variables, levels: domains.levels, bases };
  });
}
