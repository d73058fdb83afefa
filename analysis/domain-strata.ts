// The (domain, stratum) pairs of a breakdown: where one pass over cells accumulates every domain's sums.

import type { SurveyDesign } from './design.ts';
import type { ResolvedDomains } from './domains.ts';

/**
 * Every (domain, stratum) combination that has respondents, numbered so sums can be
 * accumulated in one pass over the cells and then read domain by domain.
 */
export interface DomainStrata {
  /** Pair index of each respondent cell; −1 for cells in no domain. */
  pairOfCell: Int32Array;
  /** Stratum index of each pair. */
  pairStratum: Int32Array;
  /** Pairs of domain d are `levelPairs[levelStart[d] … levelStart[d + 1] − 1]`. */
  levelStart: Int32Array;
  levelPairs: Int32Array;
  pairCount: number;
}

/**
 * Numbers the (domain, stratum) pairs of a resolved breakdown. A domain's estimate needs, per
 * stratum, only sums over the domain's cells in that stratum, so these pairs are the units the
 * estimators accumulate into.
 *
 * @example
 * const pairs = domainStrata(design, resolveDomains(design, 'province'));
 */
export function domainStrata(design: SurveyDesign, domains: ResolvedDomains): DomainStrata {
  const cells = design.cellStratum.length;
  const strata = design.strata.length;
  const pairByKey = new Map<number, number>();
  const pairOfCell = new Int32Array(cells);
  const pairStratumList: number[] = [];
  const pairLevelList: number[] = [];
  for (let cell = 0; cell < cells; cell++) {
    const level = domains.levelOfCell[cell] as number;
    if (level < 0) {
      pairOfCell[cell] = -1;
      continue;
    }
    const stratum = design.cellStratum[cell] as number;
    const key = level * strata + stratum;
    let pair = pairByKey.get(key);
    if (pair === undefined) {
      pair = pairStratumList.length;
      pairByKey.set(key, pair);
      pairStratumList.push(stratum);
      pairLevelList.push(level);
    }
    pairOfCell[cell] = pair;
  }
  const levels = domains.levels.length;
  const levelStart = new Int32Array(levels + 1);
  for (const level of pairLevelList) levelStart[level + 1] = (levelStart[level + 1] as number) + 1;
  for (let level = 0; level < levels; level++) {
    levelStart[level + 1] = (levelStart[level + 1] as number) + (levelStart[level] as number);
  }
  const fill = levelStart.slice(0, levels);
  const levelPairs = new Int32Array(pairLevelList.length);
  pairLevelList.forEach((level, pair) => {
    const position = fill[level] as number;
    levelPairs[position] = pair;
    fill[level] = position + 1;
  });
  return {
    pairOfCell,
    pairStratum: Int32Array.from(pairStratumList),
    levelStart,
    levelPairs,
    pairCount: pairStratumList.length,
  };
}
