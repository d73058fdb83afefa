// The fixed, declared table set every agency-facing and public answer is drawn from, and how its tables nest.
import type { DomainNesting } from '../../../analysis/decide-disclosure.ts';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';
import type { Breakdown } from '../reports/report-types.ts';

/** Domain variables an agency sees its own respondents broken down by, when the questionnaire declares them. */
export const agencyBreakdownVariables = ['A4', 'A6', 'A9'] as const;

/** The domain variable of position type, the public dashboard's breakdown besides island region. */
export const positionTypeVariable = 'A9';

/** The breakdowns of the declared set, and a readable name of each table. */
export interface DeclaredTables {
  by: Breakdown[];
  names: string[];
  /** Domain variables an agency is broken down by (a subset of the questionnaire's). */
  agencyVariables: string[];
}

/**
 * The one table set of a questionnaire, the union of what agencies and the public see:
 * national; by island region, agency type, province, agency; by each domain variable; each
 * agency × sex, education, position type (those the questionnaire declares; all its domain
 * variables when it declares none of them); peer groups (agency type × island region).
 * Disclosure is decided over all of it at once, so no two answers (to one audience or to
 * both) together reveal a hidden cell; an audience is then shown a part of it.
 *
 * @example
 * declaredTables(definition).by; // ['islandRegion', 'type', 'province', 'agency', 'A4', …, ['agency', 'A4'], …, ['type', 'islandRegion']]
 */
export function declaredTables(definition: QuestionnaireDefinition): DeclaredTables {
  const domainVariables = definition.domainVariables.map((d) => d.question);
  const named = agencyBreakdownVariables.filter((v) => domainVariables.includes(v));
  const agencyVariables = named.length > 0 ? [...named] : domainVariables;
  const by: Breakdown[] = [
    'islandRegion',
    'type',
    'province',
    'agency',
    ...domainVariables,
    ...agencyVariables.map((v): Breakdown => ['agency', v]),
    ['type', 'islandRegion'],
  ];
  const names = [
    'national',
    ...by.map((b) => (typeof b === 'string' ? `by ${b}` : `${b[0]} × ${b[1]}`)),
  ];
  return { by, names, agencyVariables };
}

/**
 * How the declared tables nest: each agency lies within its province and within its peer
 * group (agency type × island region), each province within its island region (so a
 * province's cell is the sum of its agencies', a region's of its provinces').
 *
 * @example
 * tableNesting([{ code: 'kab-sleman', type: 'kabupaten', province: 'DI Yogyakarta', islandRegion: 'Jawa' }]);
 */
export function tableNesting(
  agencies: readonly { code: string; type: string; province: string; islandRegion: string }[],
): DomainNesting[] {
  return [
    {
      variable: 'agency',
      within: ['type', 'islandRegion'],
      parentOf: new Map(agencies.map((a) => [a.code, [a.type, a.islandRegion]])),
    },
    {
      variable: 'agency',
      within: 'province',
      parentOf: new Map(agencies.map((a) => [a.code, a.province])),
    },
    {
      variable: 'province',
      within: 'islandRegion',
      parentOf: new Map(agencies.map((a) => [a.province, a.islandRegion])),
    },
  ];
}
