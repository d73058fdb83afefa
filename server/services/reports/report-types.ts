// The shapes of a report request and of its answer: rows with labels, weighting, footnotes; and the fieldwork monitor.
import type { LocalizedText } from '../../../surveys/types.ts';

/** Interface languages of labels. */
export type Language = 'id' | 'en';
export const languages = ['id', 'en'] as const satisfies readonly Language[];

/** Design weights (N_h / n_h) or design weights raked to the wave's margins. */
export type WeightingChoice = 'design' | 'raked';
export const weightingChoices = ['design', 'raked'] as const satisfies readonly WeightingChoice[];

/**
 * A breakdown: one variable (`'province'`) or a two-way cross (`['province', 'A4']`). Variables
 * are `agency` (the stratum), the agency attributes `province`, `islandRegion` and `type`, and
 * the questionnaire's domain variables (question names such as `A4`).
 */
export type Breakdown = string | readonly [string, string];

/**
 * A national raking margin: population shares of one variable's levels, adding up to 1
 * (`{ variable: 'A4', shares: { laki_laki: 0.4871, perempuan: 0.5129 } }`). Agency headcounts
 * are always raked to as well, so agency totals stay exact.
 */
export interface MarginShares {
  variable: string;
  shares: Readonly<Record<string, number>>;
}

/** What to compute. */
export interface ReportRequest {
  waveId: number;
  weighting: WeightingChoice;
  /** Breakdowns besides the national rows, in order. */
  by: readonly Breakdown[];
  lang: Language;
  /** The wave's raking margins; required (non-empty) when `weighting` is `raked`. */
  margins?: readonly MarginShares[];
}

/** Quality flags of a row (researchers see every cell; small ones are flagged, not hidden). */
export interface ReportRowFlags {
  /** NCHS-style: effective n < 30 or an interval 30 points wide or wider. */
  lowReliability: boolean;
  /** Every agency in the base answered in full: no sampling error. */
  census: boolean;
  /** Fewer than 8 degrees of freedom: review before publishing. */
  fewDegreesOfFreedom: boolean;
  /** No interval could be formed (df = 0 or an empty base). */
  noInterval: boolean;
}

/** One weighted percentage: question × option × domain, with its labels in the chosen language. */
export interface ReportRow {
  question: string;
  questionLabel: string;
  option: string;
  optionLabel: string;
  /** Variables crossed (empty for national rows), their values and the values' labels. */
  domainVariables: string[];
  domainValues: string[];
  domainLabels: string[];
  /** Unweighted respondents in the base and among them those choosing the option. */
  nBase: number;
  nOption: number;
  /** Proportion on the 0–1 scale; null for an empty base. */
  estimate: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** `logit`; null when there is no interval. */
  ciMethod: string | null;
  /** `design`, `census` or `unweighted-clopper-pearson` (see STATISTICS.md). */
  ciBasis: string | null;
  df: number;
  deff: number | null;
  nEff: number | null;
  flags: ReportRowFlags;
}

/** A report footnote: a stable code and its text. */
export interface Footnote {
  code: string;
  text: string;
}

/** A breakdown variable with its label in the chosen language. */
export interface BreakdownLabel {
  variables: string[];
  labels: string[];
}

/** The answer to a report request. */
export interface Report {
  study: { id: string; title: string; synthetic: boolean };
  wave: { id: number; name: string };
  lang: Language;
  weighting: {
    kind: WeightingChoice;
    /** e.g. `design → raked (agency, A4)`. */
    description: string;
    margins: MarginShares[];
    /** Raking passes until every margin was met; null for design weights. */
    iterations: number | null;
  };
  breakdowns: BreakdownLabel[];
  /** Respondents in the counts and agencies among them. */
  respondents: number;
  strata: number;
  rows: ReportRow[];
  footnotes: Footnote[];
}

/** The fieldwork of one agency: respondents, headcount, response rate, last submission day. */
export interface AgencyFieldwork {
  code: string;
  name: string;
  province: string;
  islandRegion: string;
  type: string;
  /** n_h: stored responses. */
  responses: number;
  /** N_h: the frame headcount. */
  headcount: number;
  /** n_h / N_h. */
  responseRate: number;
  /** `YYYY-MM-DD`, null without responses. */
  lastSubmissionDay: string | null;
}

/** Totals of a group of agencies (a province, an island region, the nation). */
export interface FieldworkTotal {
  group: string;
  agencies: number;
  agenciesWithResponses: number;
  responses: number;
  headcount: number;
  responseRate: number;
}

/** The fieldwork monitor of a wave. */
export interface FieldworkReport {
  study: { id: string; title: LocalizedText; synthetic: boolean };
  wave: { id: number; name: string; status: string; opensOn: string; closesOn: string | null };
  headcountsIllustrative: boolean;
  national: FieldworkTotal;
  agencies: AgencyFieldwork[];
  provinces: FieldworkTotal[];
  islandRegions: FieldworkTotal[];
  /** Responses per submission day, in day order. */
  days: { day: string; responses: number }[];
}

/** What disclosure control is decided on: the unweighted bases of a set of breakdowns. */
export interface BasesRequest {
  waveId: number;
  /** Breakdowns besides the national row, as in a report request. */
  by: readonly Breakdown[];
  lang: Language;
}

/** The bases of one breakdown: every domain × question (the `nBase` of its report rows). */
export interface BreakdownCellBases {
  /** Empty for the national row. */
  variables: string[];
  /** Each domain's values, in report order. */
  levels: string[][];
  /** Respondents who answered question q in domain d at `bases[d * questions.length + q]`. */
  bases: Int32Array;
}

/**
 * A wave's bases under its design (national row first, then each requested breakdown) and what
 * a report says about the wave besides its rows. No estimate is computed.
 */
export interface CellBases {
  /** The counts these bases come from (see `CellRows.version`): equal versions, equal counts. */
  version: string;
  study: { id: string; title: string; synthetic: boolean };
  wave: { id: number; name: string };
  lang: Language;
  /** Respondents in the counts. */
  respondents: number;
  footnotes: Footnote[];
  /** The reported questions (free text excepted), in codebook order: a report's questions. */
  questions: string[];
  breakdowns: BreakdownCellBases[];
}

/** Some domains of one breakdown to estimate. */
export interface CellSelection {
  /** The breakdown; null for the national row. */
  by: Breakdown | null;
  /** The wanted domains' values (one array per domain); every domain when absent. */
  values?: readonly (readonly string[])[];
  /** The questions to estimate; every reported question when absent. */
  questions?: readonly string[];
  /** Also estimate the questionnaire's Likert indexes in these domains (`CellRows.indexes`). */
  indexes?: boolean;
}

/** Rows of some cells under design weights: exactly the report's rows for those cells. */
export interface CellsRequest {
  waveId: number;
  /**
   * The version of counts to estimate from (`CellBases.version`), while they are still held;
   * the latest counts otherwise (the answer's `version` then differs).
   */
  version?: string;
  lang: Language;
  selections: readonly CellSelection[];
}

/** Rows of some cells, and the version of the counts they were computed from. */
export interface CellRows {
  /** Equal to `CellBases.version` when both come from the same counts and frame. */
  version: string;
  rows: ReportRow[];
  /** Index estimates of the selections that asked for them, in selection order. */
  indexes: IndexEstimateRow[];
}

/**
 * A Likert index of one domain under design weights: the weighted mean of respondents' scores
 * (the mean of their item values, 1–4) times the index's multiplier (25: range 25–100), with
 * its linearization SE and t interval on that scale. R: `svymean(~score * 25, design)` (or
 * `svyby` for a domain) with `svydesign(ids = ~1, strata = ~agency, fpc = ~N_h)`, interval
 * `confint(…, df = n − strata)`.
 */
export interface IndexEstimateRow {
  /** The index's id (`likertIndexes[].id`). */
  index: string;
  domainVariables: string[];
  domainValues: string[];
  /** Respondents with every item answered, in the domain. */
  nBase: number;
  /** Unrounded index (mean score × multiplier); null for an empty domain. */
  value: number | null;
  /** SE of `value`, same scale. */
  se: number | null;
  /** 95% interval value ± t_{df, .975} · SE; null where there is none (df < 1). */
  ciLow: number | null;
  ciHigh: number | null;
  /** Respondents in the domain's base − strata among them. */
  df: number;
}
