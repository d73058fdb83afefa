// The cell counts every estimate is computed from: the output of one aggregate query (or of a CSV).

/** A stratum (agency): its population headcount N_h and attributes usable as domains. */
export interface StratumInfo {
  populationSize: number;
  /** Agency-level domain variables, e.g. `{ province: 'Jambi', islandRegion: 'Sumatera', type: 'kabupaten' }`. */
  attributes: Record<string, string>;
}

/**
 * Counts by stratum and respondent profile. A profile is one combination of the respondent-level
 * grouping variables (sex, position type, …); design, post-stratified and raked weights are all
 * constant within a (stratum, profile) cell, so counts carry every Σw and Σw² the estimators need.
 *
 * Entries for the same cell add up (incremental counts can be passed as they are). Domains are
 * the stratum itself (addressed as `agency` by default, see `createDesign`), any stratum
 * attribute, any profile variable, or a pair of them. A multi-select question is one question
 * whose options are counted separately over the same base. Per-respondent scores (for means)
 * travel in `ScoreCount` cells (score-cells.ts).
 */
export interface CellCounts {
  strata: Map<string, StratumInfo>;
  /** Profile id → value of each respondent-level variable (`null`: not answered). */
  profiles: Map<number, Record<string, string | null>>;
  /** Respondents per (stratum, profile); summed over profiles this is n_h. */
  respondents: ProfileCount[];
  /** Respondents who answered each question, per (stratum, profile). */
  bases: QuestionCount[];
  /** Respondents who chose each option, per (stratum, profile, question). */
  choices: OptionCount[];
}

export interface ProfileCount {
  stratum: string;
  profile: number;
  count: number;
}

export interface QuestionCount extends ProfileCount {
  question: string;
}

export interface OptionCount extends QuestionCount {
  option: string;
}
