// Cell counts folded from respondent-level records (a responses CSV) row by row, validated as they come.

import type { CellCounts, OptionCount, ProfileCount, QuestionCount, StratumInfo } from './cells.ts';
import { parseHeadcount } from './headcounts-from-records.ts';
import { RecordError } from './record-error.ts';
import { cellText } from './cell-text.ts';
import { compareCodeUnits } from './code-unit-order.ts';

/** How to read respondent records; see {@link createCellFolder}. */
export interface RecordsOptions {
  /** Column names in file order (trimmed like every cell). */
  header: readonly string[];
  /** The stratum column. Default `agency`. */
  stratumColumn?: string;
  /** Column holding N_h on every row, used when `headcounts` is not given. Default `stratum_N`. */
  headcountColumn?: string;
  /** N_h by stratum from a frame; takes the place of the headcount column. */
  headcounts?: ReadonlyMap<string, number>;
  /** Columns to skip. Default `['resp_id']`. */
  ignoredColumns?: readonly string[];
  /** Domain (breakdown) columns: respondent variables, not questions. */
  domainColumns?: readonly string[];
  /** Other respondent variables that are not questions (e.g. raking variables). */
  respondentColumns?: readonly string[];
  /** Prefixes P whose columns `P_x` form one multi-select question with options x (0/1 each). */
  multiSelectPrefixes?: readonly string[];
  /**
   * Most distinct answers a categorical question may have. Default 1,000: more is a free-text or
   * identifier column (a NIP, a timestamp), whose options would grow memory with the rows and
   * give a row of output per respondent.
   */
  maxOptions?: number;
}

/** A question found in the records, with its options in report order. */
export interface RecordQuestion {
  name: string;
  /** Categorical: distinct answers in code-unit order; multi-select: the `x` of each `P_x`, in column order. */
  options: string[];
  multiSelect: boolean;
}

/** The cells of a set of records and the questions they hold. */
export interface FoldedCells {
  cells: CellCounts;
  questions: RecordQuestion[];
  /** Respondent variables kept in the profiles (domain columns, then other respondent columns). */
  profileVariables: string[];
}

/** {@link FoldedCells} of records held in memory, with each record's profile. */
export interface RecordCells extends FoldedCells {
  /** Profile id of each record, in record order (to attach per-respondent scores to the same cells). */
  rowProfiles: Int32Array;
}

/** Folds respondent rows into cell counts one at a time; see {@link createCellFolder}. */
export interface CellFolder {
  /** Column names as the folder reads them (trimmed). */
  readonly header: readonly string[];
  /**
   * Adds one respondent: `fields` in header order, `row` its 1-based data row (for messages).
   * Returns the respondent's profile id. Throws a {@link RecordError} for an invalid row.
   */
  addRow(fields: readonly (string | undefined)[], row: number): number;
  /** Rows added so far. */
  readonly rows: number;
  /** The cells of every row added; throws a {@link RecordError} when there were none. */
  finish(): FoldedCells;
}

interface QuestionPlan {
  name: string;
  /** Position in the header of each of `columns`. */
  positions: number[];
  multiSelect: boolean;
  /** Categorical: the one column; multi-select: one per option. */
  columns: string[];
  options: string[];
  optionIndex: Map<string, number>;
}

/** One stratum's headcount, respondents so far and cells (by profile id). */
interface StratumState {
  stratum: string;
  headcount: number;
  /** The headcount cell as last read (empty when headcounts come from a frame). */
  headcountText: string;
  respondents: number;
  tallies: (CellTally | undefined)[];
}

interface CellTally {
  stratum: string;
  profile: number;
  respondents: number;
  bases: Float64Array;
  choices: number[][];
}

function planQuestions(
  header: readonly string[],
  options: RecordsOptions,
  stratumColumn: string,
  headcountColumn: string | null,
) {
  const seen = new Set<string>();
  for (const [position, column] of header.entries()) {
    if (column === '') {
      throw new RecordError(`a column has no name (field ${position + 1} of the header)`, 0, null);
    }
    if (seen.has(column)) throw new RecordError('the column name appears twice', 0, column);
    seen.add(column);
  }
  if (!seen.has(stratumColumn)) throw new RecordError('missing column', 0, stratumColumn);
  if (headcountColumn !== null && !seen.has(headcountColumn)) {
    throw new RecordError(`missing column (or give the headcounts in a frame)`, 0, headcountColumn);
  }
  const profileVariables: string[] = [];
  for (const column of [...(options.domainColumns ?? []), ...(options.respondentColumns ?? [])]) {
    if (!seen.has(column)) throw new RecordError('no such column', 0, column);
    if (column !== stratumColumn && !profileVariables.includes(column))
      profileVariables.push(column);
  }
  const reserved = new Set<string>([
    stratumColumn,
    ...(headcountColumn === null ? [] : [headcountColumn]),
    ...(options.ignoredColumns ?? ['resp_id']),
    ...profileVariables,
  ]);
  // A frame replaces the headcount column; it is still not a question.
  if (options.headcounts !== undefined) reserved.add(options.headcountColumn ?? 'stratum_N');

  const prefixOf = new Map<string, string>();
  for (const prefix of options.multiSelectPrefixes ?? []) {
    const columns = header.filter(
      (column) => column.startsWith(`${prefix}_`) && column.length > prefix.length + 1,
    );
    if (columns.length === 0)
      throw new RecordError(`no columns for multi-select "${prefix}"`, 0, `${prefix}_*`);
    for (const column of columns) {
      const other = prefixOf.get(column);
      if (other !== undefined) {
        throw new RecordError(`belongs to both multi-select "${other}" and "${prefix}"`, 0, column);
      }
      if (reserved.has(column)) {
        throw new RecordError(
          `is both a multi-select option and a design or domain column`,
          0,
          column,
        );
      }
      prefixOf.set(column, prefix);
    }
  }

  const plans: QuestionPlan[] = [];
  const planByPrefix = new Map<string, QuestionPlan>();
  for (const column of header) {
    if (reserved.has(column)) continue;
    const prefix = prefixOf.get(column);
    if (prefix === undefined) {
      if (planByPrefix.has(column)) {
        throw new RecordError(`clashes with the multi-select question of that name`, 0, column);
      }
      plans.push({
        name: column,
        positions: [header.indexOf(column)],
        multiSelect: false,
        columns: [column],
        options: [],
        optionIndex: new Map(),
      });
      continue;
    }
    let plan = planByPrefix.get(prefix);
    if (plan === undefined) {
      if (plans.some((existing) => existing.name === prefix)) {
        throw new RecordError(`clashes with the multi-select question of that name`, 0, prefix);
      }
      plan = {
        name: prefix,
        positions: [],
        multiSelect: true,
        columns: [],
        options: [],
        optionIndex: new Map(),
      };
      planByPrefix.set(prefix, plan);
      plans.push(plan);
    }
    const option = column.slice(prefix.length + 1);
    plan.optionIndex.set(option, plan.options.length);
    plan.options.push(option);
    plan.columns.push(column);
    plan.positions.push(header.indexOf(column));
  }
  return { plans, profileVariables };
}

/**
 * Starts folding respondent rows into cell counts, the CSV contract of the `analyze` command:
 * `agency` is the stratum; N_h comes from a `stratum_N` column (constant within an agency) or
 * from frame headcounts; domain and respondent columns become profile variables; the columns
 * `P_x` of a multi-select prefix P form one question (0/1 per option x, all empty = not
 * answered); every other column is a categorical question; an empty cell is "not answered".
 * Every cell and header name is trimmed ({@link cellText}) whatever its column's kind. Memory
 * grows with the cells (agency × profile) and options, never with the rows, so a file of any
 * length can be streamed through {@link CellFolder.addRow}.
 *
 * Throws a {@link RecordError} naming the row and column for: a missing `agency` or headcount
 * column, an unknown domain column, an empty agency, an agency without a headcount, a headcount
 * that changes within an agency or is not a whole number, more respondents than the headcount
 * (n_h > N_h), a multi-select value other than 0 or 1 (or only some options answered), a
 * categorical question with more than `maxOptions` distinct answers, and no rows at all (from
 * `finish`).
 *
 * @example
 * const folder = createCellFolder({ header, domainColumns: ['province'], multiSelectPrefixes: ['ms'] });
 * for (const [index, fields] of rows.entries()) folder.addRow(fields, index + 1);
 * const { cells, questions } = folder.finish();
 */
export function createCellFolder(options: RecordsOptions): CellFolder {
  const header = options.header.map((name) => name.trim());
  const stratumColumn = options.stratumColumn ?? 'agency';
  const headcountColumn =
    options.headcounts === undefined ? (options.headcountColumn ?? 'stratum_N') : null;
  const { plans, profileVariables } = planQuestions(
    header,
    options,
    stratumColumn,
    headcountColumn,
  );
  const stratumPosition = header.indexOf(stratumColumn);
  const headcountPosition = headcountColumn === null ? -1 : header.indexOf(headcountColumn);
  const profilePositions = profileVariables.map((variable) => header.indexOf(variable));
  const maxOptions = options.maxOptions ?? 1000;

  const strata = new Map<string, StratumState>();
  const profileIds = new Map<string, number>();
  const profiles = new Map<number, Record<string, string | null>>();
  let rows = 0;

  const stratumOf = (fields: readonly (string | undefined)[], row: number): StratumState => {
    const stratum = cellText(fields[stratumPosition]);
    if (stratum === '') throw new RecordError('empty agency', row, stratumColumn);
    let state = strata.get(stratum);
    if (headcountColumn === null) {
      if (state !== undefined) return state;
      const headcount = options.headcounts?.get(stratum);
      if (headcount === undefined) {
        throw new RecordError(
          `agency "${stratum}" has no headcount in the frame`,
          row,
          stratumColumn,
        );
      }
      state = { stratum, headcount, headcountText: '', respondents: 0, tallies: [] };
      strata.set(stratum, state);
      return state;
    }
    const text = cellText(fields[headcountPosition]);
    // Rows of an agency repeat its headcount: parse it once.
    if (state !== undefined && state.headcountText === text) return state;
    const parsed = parseHeadcount(text);
    if (parsed === null) {
      throw new RecordError(
        `headcount of agency "${stratum}" must be a whole number of at least 1, got "${text}"`,
        row,
        headcountColumn,
      );
    }
    if (state !== undefined && state.headcount !== parsed) {
      throw new RecordError(
        `agency "${stratum}" has headcount ${parsed} here but ${state.headcount} on an earlier row`,
        row,
        headcountColumn,
      );
    }
    if (state === undefined) {
      state = { stratum, headcount: parsed, headcountText: text, respondents: 0, tallies: [] };
      strata.set(stratum, state);
    }
    state.headcountText = text;
    return state;
  };

  const newProfile = (key: string, values: readonly (string | null)[]): number => {
    const profile = profileIds.size;
    profileIds.set(key, profile);
    profiles.set(
      profile,
      Object.fromEntries(profileVariables.map((variable, i) => [variable, values[i] ?? null])),
    );
    return profile;
  };

  const profileOf = (fields: readonly (string | undefined)[]): number => {
    // One profile variable, the common case: its value is its key ('' being "not answered").
    if (profilePositions.length === 1) {
      const value = cellText(fields[profilePositions[0] as number]);
      return profileIds.get(value) ?? newProfile(value, [value === '' ? null : value]);
    }
    const values = profilePositions.map((position) => {
      const value = cellText(fields[position]);
      return value === '' ? null : value;
    });
    const key = JSON.stringify(values);
    return profileIds.get(key) ?? newProfile(key, values);
  };

  const addRow = (fields: readonly (string | undefined)[], row: number): number => {
    const state = stratumOf(fields, row);
    if (state.respondents + 1 > state.headcount) {
      throw new RecordError(
        `agency "${state.stratum}" has more respondents than its headcount of ${state.headcount} (n_h > N_h)`,
        row,
        headcountColumn ?? stratumColumn,
      );
    }
    state.respondents++;
    const profile = profileOf(fields);
    let tally = state.tallies[profile];
    if (tally === undefined) {
      tally = {
        stratum: state.stratum,
        profile,
        respondents: 0,
        bases: new Float64Array(plans.length),
        choices: plans.map(() => []),
      };
      state.tallies[profile] = tally;
    }
    tally.respondents++;
    for (let q = 0; q < plans.length; q++) {
      foldAnswer(plans[q] as QuestionPlan, q, tally, fields, row, maxOptions);
    }
    rows++;
    return profile;
  };

  const finish = (): FoldedCells => {
    if (rows === 0) throw new RecordError('no data rows', null, null);
    return collect(plans, strata, profiles, profileVariables);
  };

  return {
    header,
    addRow,
    finish,
    get rows() {
      return rows;
    },
  };
}

function foldAnswer(
  plan: QuestionPlan,
  q: number,
  tally: CellTally,
  fields: readonly (string | undefined)[],
  row: number,
  maxOptions: number,
): void {
  const counts = tally.choices[q] as number[];
  const positions = plan.positions;
  if (!plan.multiSelect) {
    const value = cellText(fields[positions[0] as number]);
    if (value === '') return;
    let option = plan.optionIndex.get(value);
    if (option === undefined) {
      if (plan.options.length >= maxOptions) {
        throw new RecordError(
          `more than ${maxOptions} different answers: a free-text or identifier column? Leave it out of the file`,
          row,
          plan.name,
        );
      }
      option = plan.options.length;
      plan.optionIndex.set(value, option);
      plan.options.push(value);
    }
    tally.bases[q] = (tally.bases[q] as number) + 1;
    counts[option] = (counts[option] ?? 0) + 1;
    return;
  }
  let answered = 0;
  for (const position of positions) if (cellText(fields[position]) !== '') answered++;
  if (answered === 0) return;
  for (let option = 0; option < positions.length; option++) {
    const value = cellText(fields[positions[option] as number]);
    if (value === '1') counts[option] = (counts[option] ?? 0) + 1;
    else if (value !== '0') {
      const column = plan.columns[option] as string;
      if (value === '') {
        throw new RecordError(
          `multi-select "${plan.name}" is answered in other columns of this row but empty here`,
          row,
          column,
        );
      }
      throw new RecordError(`multi-select value must be 0 or 1, got "${value}"`, row, column);
    }
  }
  tally.bases[q] = (tally.bases[q] as number) + 1;
}

function collect(
  plans: readonly QuestionPlan[],
  states: ReadonlyMap<string, StratumState>,
  profiles: Map<number, Record<string, string | null>>,
  profileVariables: string[],
): FoldedCells {
  const strata = new Map<string, StratumInfo>();
  for (const [stratum, state] of states)
    strata.set(stratum, { populationSize: state.headcount, attributes: {} });
  const tallies = [...states.values()].flatMap((state) =>
    state.tallies.filter((tally) => tally !== undefined),
  );
  const respondents: ProfileCount[] = [];
  const bases: QuestionCount[] = [];
  const choices: OptionCount[] = [];
  for (const tally of tallies) {
    respondents.push({ stratum: tally.stratum, profile: tally.profile, count: tally.respondents });
    plans.forEach((plan, q) => {
      const base = tally.bases[q] as number;
      if (base === 0) return;
      bases.push({
        stratum: tally.stratum,
        profile: tally.profile,
        question: plan.name,
        count: base,
      });
      const counts = tally.choices[q] as number[];
      plan.options.forEach((option, k) => {
        const count = counts[k] ?? 0;
        // Multi-select options are listed even when nobody ticked them.
        if (count > 0 || plan.multiSelect) {
          choices.push({
            stratum: tally.stratum,
            profile: tally.profile,
            question: plan.name,
            option,
            count,
          });
        }
      });
    });
  }
  const questions = plans.map((plan) => ({
    name: plan.name,
    options: plan.multiSelect ? [...plan.options] : [...plan.options].sort(compareCodeUnits),
    multiSelect: plan.multiSelect,
  }));
  return { cells: { strata, profiles, respondents, bases, choices }, questions, profileVariables };
}

/**
 * Builds cell counts from respondent-level records held in memory: {@link createCellFolder}
 * over every record, in order, with each record's profile id. Same contract and errors.
 *
 * @example
 * const { cells, questions } = cellCountsFromRecords(records, {
 *   header, domainColumns: ['province', 'gender'], multiSelectPrefixes: ['ms'],
 * });
 */
export function cellCountsFromRecords(
  records: readonly Readonly<Record<string, string | undefined>>[],
  options: RecordsOptions,
): RecordCells {
  const folder = createCellFolder(options);
  const rowProfiles = new Int32Array(records.length);
  // Records are keyed by the names as given; the folder reads them trimmed.
  const names = options.header;
  records.forEach((record, index) => {
    rowProfiles[index] = folder.addRow(
      names.map((name) => record[name]),
      index + 1,
    );
  });
  return { ...folder.finish(), rowProfiles };
}
