// Domains (national, by one variable, or by a pair of variables) resolved to respondent cells.

import type { SurveyDesign } from './design.ts';
import { compareCodeUnits } from './code-unit-order.ts';

/**
 * A breakdown: one variable (`'province'`) or a cross of two (`['province', 'sex']`). A variable
 * is the stratum itself (the design's `stratumVariable`, e.g. `agency`), a stratum attribute
 * (province, island region, type) or a respondent-profile variable (sex, position type).
 */
export type DomainSpec = string | readonly string[];

/**
 * A breakdown restricted to some of its domains: `values` lists each wanted domain's value of
 * every variable (`[['kab-sleman']]` for one agency, `[['kab-sleman', 'perempuan']]` for one
 * cell of a cross). Values no respondent has give no domain. The other respondents stay in
 * the design (outside the domain, z = 0), so estimates equal those of the full breakdown.
 */
export interface DomainSelection {
  by: DomainSpec;
  values: readonly (readonly string[])[];
}

/** A breakdown resolved against a design: every respondent cell's domain, and the domains' labels. */
export interface ResolvedDomains {
  /** The variables crossed; empty for the national "domain" (everyone). */
  variables: readonly string[];
  /** Each domain's value of each variable, sorted by the values in code-unit order. */
  levels: readonly (readonly string[])[];
  /** Domain index of each respondent cell; −1 where a variable is missing (not answered). */
  levelOfCell: Int32Array;
}

/**
 * Every respondent cell's value of one variable: the stratum id, a stratum attribute, or a
 * profile variable; `null` where it is missing. Throws for a name that is none of these, or
 * that is both a stratum attribute and a profile variable.
 *
 * @example
 * cellValues(design, 'province'); // ['Jambi', 'Jambi', 'Bengkulu', …]
 */
export function cellValues(design: SurveyDesign, variable: string): (string | null)[] {
  const cells = design.cellStratum.length;
  if (variable === design.stratumVariable) {
    return Array.from(design.cellStratum, (stratum) => design.strata[stratum] as string);
  }
  const isAttribute = design.stratumInfo.some((info) => variable in info.attributes);
  let isProfile = false;
  for (const values of design.cells.profiles.values()) {
    if (variable in values) {
      isProfile = true;
      break;
    }
  }
  if (isAttribute && isProfile) {
    throw new Error(`variable "${variable}" is both a stratum attribute and a profile variable`);
  }
  if (isAttribute) {
    return Array.from(design.cellStratum, (stratum) => {
      const value = design.stratumInfo[stratum]?.attributes[variable];
      return value === undefined || value === '' ? null : value;
    });
  }
  if (isProfile) {
    const values: (string | null)[] = new Array<string | null>(cells);
    for (let cell = 0; cell < cells; cell++) {
      const value = design.cells.profiles.get(design.cellProfile[cell] as number)?.[variable];
      values[cell] = value === undefined || value === null || value === '' ? null : value;
    }
    return values;
  }
  throw new Error(
    `unknown domain variable "${variable}": not "${design.stratumVariable}", a stratum attribute or a profile variable`,
  );
}

/**
 * Resolves a breakdown to per-cell domain indexes, the way `svyby` forms its groups: every
 * combination of values present among respondents is a domain; respondents missing any of the
 * variables belong to none. `null` gives the national domain (every respondent).
 *
 * @example
 * const byProvinceAndSex = resolveDomains(design, ['province', 'sex']);
 * byProvinceAndSex.levels[0]; // ['Bengkulu', 'F']
 */
export function resolveDomains(design: SurveyDesign, spec: DomainSpec | null): ResolvedDomains {
  const cells = design.cellStratum.length;
  if (spec === null) {
    return { variables: [], levels: [[]], levelOfCell: new Int32Array(cells) };
  }
  const variables = typeof spec === 'string' ? [spec] : [...spec];
  if (variables.length === 0 || variables.length > 2) {
    throw new Error(`a domain crosses one or two variables, got ${variables.length}`);
  }
  if (new Set(variables).size !== variables.length) {
    throw new Error(`a domain cannot cross "${variables[0]}" with itself`);
  }
  const columns = variables.map((variable) => cellValues(design, variable));
  const keyOfCell: (string | null)[] = new Array<string | null>(cells);
  const valuesByKey = new Map<string, string[]>();
  for (let cell = 0; cell < cells; cell++) {
    const values: string[] = [];
    for (const column of columns) {
      const value = column[cell];
      if (value === null || value === undefined) break;
      values.push(value);
    }
    if (values.length < columns.length) {
      keyOfCell[cell] = null;
      continue;
    }
    const key = values.join('\u0000');
    keyOfCell[cell] = key;
    if (!valuesByKey.has(key)) valuesByKey.set(key, values);
  }
  const levels = [...valuesByKey.values()].sort((a, b) => {
    for (let i = 0; i < a.length; i++) {
      const order = compareCodeUnits(a[i] as string, b[i] as string);
      if (order !== 0) return order;
    }
    return 0;
  });
  const levelByKey = new Map(levels.map((values, index) => [values.join('\u0000'), index]));
  const levelOfCell = Int32Array.from(keyOfCell, (key) =>
    key === null ? -1 : (levelByKey.get(key) as number),
  );
  return { variables, levels, levelOfCell };
}

/**
 * Keeps only the listed domains of a resolved breakdown (cells of the others belong to none),
 * in the breakdown's own order. Estimating the kept domains gives exactly the rows the full
 * breakdown gives for them: every sum runs over the same cells in the same order.
 *
 * @example
 * selectLevels(resolveDomains(design, 'agency'), [['kab-sleman']]).levels; // [['kab-sleman']]
 */
export function selectLevels(
  domains: ResolvedDomains,
  values: readonly (readonly string[])[],
): ResolvedDomains {
  const wanted = new Set(values.map((v) => v.join('\u0000')));
  const newIndex = new Int32Array(domains.levels.length).fill(-1);
  const levels: (readonly string[])[] = [];
  domains.levels.forEach((level, index) => {
    if (!wanted.has(level.join('\u0000'))) return;
    newIndex[index] = levels.length;
    levels.push(level);
  });
  const levelOfCell = Int32Array.from(domains.levelOfCell, (level) =>
    level < 0 ? -1 : (newIndex[level] as number),
  );
  return { variables: domains.variables, levels, levelOfCell };
}

/**
 * Resolves a breakdown, all its domains or the selected ones (`DomainSelection`); `null` gives
 * the national domain.
 *
 * @example
 * resolveBreakdown(design, { by: 'agency', values: [['kab-sleman']] }).levels; // [['kab-sleman']]
 */
export function resolveBreakdown(
  design: SurveyDesign,
  spec: DomainSpec | DomainSelection | null,
): ResolvedDomains {
  return spec !== null && typeof spec === 'object' && 'by' in spec
    ? selectLevels(resolveDomains(design, spec.by), spec.values)
    : resolveDomains(design, spec);
}
