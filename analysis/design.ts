// The stratified design built from cell counts: strata, respondent cells, and per-question indexes.

import type { CellCounts, StratumInfo } from './cells.ts';
import { compareCodeUnits } from './code-unit-order.ts';

/** Options of {@link createDesign}. */
export interface DesignOptions {
  /**
   * Name under which the stratum id itself is addressed as a domain or raking variable.
   * Default `'agency'`, since every stratum of these studies is an agency.
   */
  stratumVariable?: string;
}

/** Where one question's answers sit: parallel arrays of respondent-cell index and count. */
export interface QuestionIndex {
  name: string;
  /** Options in the order reports list them (code-unit order, as R sorts factor levels). */
  options: string[];
  baseCells: Int32Array;
  baseCounts: Float64Array;
  /** Per option (same order as `options`): cells where someone chose it, and how many. */
  choiceCells: Int32Array[];
  choiceCounts: Float64Array[];
}

/**
 * A stratified simple random sample without replacement of respondents within strata
 * (`svydesign(ids = ~1, strata = ~agency, fpc = ~N_h)`), held as respondent cells: one per
 * (stratum, profile) with respondents. Everything is indexed once so estimators make single
 * passes over typed arrays.
 */
export interface SurveyDesign {
  readonly cells: CellCounts;
  readonly stratumVariable: string;
  /** Ids of the strata that have respondents, in code-unit order; a stratum's index is its position. */
  readonly strata: readonly string[];
  readonly stratumInfo: readonly StratumInfo[];
  /** N_h by stratum index. */
  readonly populationSizes: Float64Array;
  /** n_h by stratum index: every respondent of the stratum, whatever they answered. */
  readonly sampleSizes: Float64Array;
  /** Respondent cells: stratum index, profile id and respondent count of each. */
  readonly cellStratum: Int32Array;
  readonly cellProfile: Int32Array;
  readonly cellCount: Float64Array;
  /** Respondent cell of each (stratum, profile), keyed by {@link cellKey}. */
  readonly cellByKey: ReadonlyMap<string, number>;
  readonly questions: ReadonlyMap<string, QuestionIndex>;
  /** Strata with one respondent and N_h > 1 (treated with R's `lonely.psu = "adjust"`). */
  readonly singletonStrata: readonly string[];
  /** Strata where every member responded (n_h = N_h): no sampling error. */
  readonly censusStrata: readonly string[];
}

/**
 * The key of a (stratum, profile) cell in {@link SurveyDesign.cellByKey}.
 *
 * @example
 * design.cellByKey.get(cellKey('AG001', 3)); // the cell's index, or undefined if it has no respondents
 */
export function cellKey(stratum: string, profile: number): string {
  return `${stratum}\u0000${profile}`;
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

function checkCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${what}: counts must be non-negative integers, got ${value}`);
  }
}

/**
 * Builds the stratified design from cell counts, checking that they are consistent.
 *
 * Design weight of every respondent of stratum h: w = N_h / n_h, with n_h the stratum's
 * respondents (summed over profiles). Entries for the same cell add up, so incremental counts
 * can be passed as they are. Strata listed without respondents are left out (they add nothing to
 * N̂ = Σ N_h over strata with respondents). Throws on counts that cannot come from one survey:
 * unknown strata or profiles, n_h > N_h, a base larger than its cell, a choice count larger
 * than its base.
 *
 * @example
 * const design = createDesign(cells);
 * design.sampleSizes[0]; // n_h of the first stratum
 */
export function createDesign(cells: CellCounts, options: DesignOptions = {}): SurveyDesign {
  const stratumVariable = options.stratumVariable ?? 'agency';

  const cellByKey = new Map<string, number>();
  const stratumOfCell: string[] = [];
  const profileOfCell: number[] = [];
  const countOfCell: number[] = [];
  const sampleByStratum = new Map<string, number>();
  for (const entry of cells.respondents) {
    checkCount(entry.count, `respondents of stratum "${entry.stratum}", profile ${entry.profile}`);
    if (!cells.strata.has(entry.stratum)) {
      throw new Error(`respondents refer to unknown stratum "${entry.stratum}"`);
    }
    if (!cells.profiles.has(entry.profile)) {
      throw new Error(`respondents refer to unknown profile ${entry.profile}`);
    }
    if (entry.count === 0) continue;
    const key = cellKey(entry.stratum, entry.profile);
    const existing = cellByKey.get(key);
    if (existing === undefined) {
      cellByKey.set(key, countOfCell.length);
      stratumOfCell.push(entry.stratum);
      profileOfCell.push(entry.profile);
      countOfCell.push(entry.count);
    } else {
      countOfCell[existing] = (countOfCell[existing] as number) + entry.count;
    }
    sampleByStratum.set(entry.stratum, (sampleByStratum.get(entry.stratum) ?? 0) + entry.count);
  }

  const strata = [...sampleByStratum.keys()].sort(compareCodeUnits);
  const stratumIndex = new Map(strata.map((id, index) => [id, index]));
  const stratumInfo = strata.map((id) => cells.strata.get(id) as StratumInfo);
  const populationSizes = new Float64Array(strata.length);
  const sampleSizes = new Float64Array(strata.length);
  const singletonStrata: string[] = [];
  const censusStrata: string[] = [];
  strata.forEach((id, index) => {
    const population = (stratumInfo[index] as StratumInfo).populationSize;
    const sample = sampleByStratum.get(id) as number;
    if (!(Number.isFinite(population) && population > 0)) {
      throw new Error(
        `stratum "${id}": population size must be a positive number, got ${population}`,
      );
    }
    if (sample > population) {
      throw new Error(`stratum "${id}": ${sample} respondents but a population of ${population}`);
    }
    populationSizes[index] = population;
    sampleSizes[index] = sample;
    if (sample === population) censusStrata.push(id);
    else if (sample === 1) singletonStrata.push(id);
  });

  const cellCount = countOfCell.length;
  const design = {
    cells,
    stratumVariable,
    strata,
    stratumInfo,
    populationSizes,
    sampleSizes,
    cellStratum: Int32Array.from(stratumOfCell, (id) => stratumIndex.get(id) as number),
    cellProfile: Int32Array.from(profileOfCell),
    cellCount: Float64Array.from(countOfCell),
    cellByKey,
    questions: indexQuestions(cells, cellByKey, countOfCell, cellCount),
    singletonStrata,
    censusStrata,
  };
  return design;
}

function indexQuestions(
  cells: CellCounts,
  cellByKey: ReadonlyMap<string, number>,
  countOfCell: readonly number[],
  cellCount: number,
): Map<string, QuestionIndex> {
  // Entries come grouped by cell (a storage read orders them so), so the last cell found is
  // remembered: building and hashing a key for each of a wave's 100,000s of entries cost more
  // than the rest of the indexing.
  let lastStratum: string | undefined;
  let lastProfile = 0;
  let lastCell = -1;
  const lookup = (stratum: string, profile: number, what: string | (() => string)): number => {
    if (stratum === lastStratum && profile === lastProfile) return lastCell;
    const cell = cellByKey.get(cellKey(stratum, profile));
    if (cell === undefined) {
      const subject = typeof what === 'string' ? what : what();
      throw new Error(
        `${subject} of stratum "${stratum}", profile ${profile}: no respondents there`,
      );
    }
    lastStratum = stratum;
    lastProfile = profile;
    lastCell = cell;
    return cell;
  };

  const bases = new Map<string, Float64Array>();
  // Messages are built only on failure: these loops run once per stored count.
  for (const entry of cells.bases) {
    if (!isCount(entry.count)) checkCount(entry.count, `base of "${entry.question}"`);
    if (entry.count === 0) continue;
    const cell = lookup(entry.stratum, entry.profile, () => `base of "${entry.question}"`);
    let dense = bases.get(entry.question);
    if (dense === undefined) {
      dense = new Float64Array(cellCount);
      bases.set(entry.question, dense);
    }
    dense[cell] = (dense[cell] as number) + entry.count;
  }

  const choices = new Map<string, Map<string, Map<number, number>>>();
  for (const entry of cells.choices) {
    const what = () => `choices of "${entry.question}" = "${entry.option}"`;
    if (!isCount(entry.count)) checkCount(entry.count, what());
    const cell = lookup(entry.stratum, entry.profile, what);
    let byOption = choices.get(entry.question);
    if (byOption === undefined) {
      byOption = new Map();
      choices.set(entry.question, byOption);
    }
    let byCell = byOption.get(entry.option);
    if (byCell === undefined) {
      byCell = new Map();
      byOption.set(entry.option, byCell);
    }
    byCell.set(cell, (byCell.get(cell) ?? 0) + entry.count);
  }

  const questions = new Map<string, QuestionIndex>();
  const names = [...new Set([...bases.keys(), ...choices.keys()])];
  for (const name of names) {
    const dense = bases.get(name) ?? new Float64Array(cellCount);
    const baseCellList: number[] = [];
    for (let cell = 0; cell < cellCount; cell++) {
      const base = dense[cell] as number;
      if (base === 0) continue;
      if (base > (countOfCell[cell] as number)) {
        throw new Error(`base of "${name}" exceeds the respondents of its cell (${base})`);
      }
      baseCellList.push(cell);
    }
    const byOption = choices.get(name) ?? new Map<string, Map<number, number>>();
    const options = [...byOption.keys()].sort(compareCodeUnits);
    const choiceCells: Int32Array[] = [];
    const choiceCounts: Float64Array[] = [];
    for (const option of options) {
      const byCell = [...(byOption.get(option) as Map<number, number>)]
        .filter(([, count]) => count > 0)
        .sort((a, b) => a[0] - b[0]);
      for (const [cell, count] of byCell) {
        if (count > (dense[cell] as number)) {
          throw new Error(
            `choices of "${name}" = "${option}" exceed the question's base in their cell (${count})`,
          );
        }
      }
      choiceCells.push(Int32Array.from(byCell, ([cell]) => cell));
      choiceCounts.push(Float64Array.from(byCell, ([, count]) => count));
    }
    questions.set(name, {
      name,
      options,
      baseCells: Int32Array.from(baseCellList),
      baseCounts: Float64Array.from(baseCellList, (cell) => dense[cell] as number),
      choiceCells,
      choiceCounts,
    });
  }
  return questions;
}
