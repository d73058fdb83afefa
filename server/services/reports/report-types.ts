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
