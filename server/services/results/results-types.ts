// The JSON shapes of the agency and public results (what the dashboards import as types): every cell already disclosure-controlled.
import type { Language } from '../reports/report-types.ts';

/**
 * Why a cell is not shown. `below-minimum`: its unweighted base is below k;
 * `complementary`: showing it would let a hidden cell be recovered by subtraction;
 * `peer-group-too-small`: the peer group has fewer than 3 other agencies with respondents or
 * fewer than k respondents besides the agency's own; `agency-below-minimum`: the agency has
 * fewer than k respondents, so only its response count is shown.
 */
export type SuppressionReason =
  'below-minimum' | 'complementary' | 'peer-group-too-small' | 'agency-below-minimum';

/** A bound shown instead of an exact 0% or 100% of a sensitive item on a base under 50. */
export interface ShownBound {
  side: 'at-least' | 'at-most';
  /** On the 0–1 scale: 0.9 reads "≥ 90%". */
  value: number;
}

/** The numbers of a shown cell (proportions on the 0–1 scale). */
export interface CellFigures {
  nBase: number;
  /** Null when a bound stands in for the share. */
  nOption: number | null;
  /** Null when a bound stands in for it, or the base is empty. */
  estimate: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  df: number;
  deff: number | null;
  nEff: number | null;
  bound: ShownBound | null;
  lowReliability: boolean;
}

/**
 * One cell as it leaves the server: shown (`suppressed: null`, `figures` set) or hidden
 * (`suppressed` says why, `figures` null: no number of a hidden cell is ever sent).
 */
export type DisclosedCell =
  { suppressed: null; figures: CellFigures } | { suppressed: SuppressionReason; figures: null };

/** A row: one option of one question in one domain. */
export interface DisclosedRow {
  question: string;
  questionLabel: string;
  option: string;
  optionLabel: string;
  /** Empty for national rows; e.g. `['A4']` / `['perempuan']`. */
  domainVariables: string[];
  domainValues: string[];
  domainLabels: string[];
  cell: DisclosedCell;
}

/** The rules that were applied, for the page's footnote. */
export interface DisclosureSummary {
  /** k. */
  minimumCellSize: number;
  /** k for sensitive items. */
  sensitiveMinimumCellSize: number;
  sensitiveQuestions: string[];
  /** Peer figures need at least this many other agencies with respondents. */
  minimumPeerAgencies: number;
  /** The declared tables the suppression pattern was decided over, all at once. */
  tables: string[];
}

/** The study and wave a result is about. */
export interface ResultsContext {
  study: { id: string; title: string; synthetic: boolean };
  wave: { id: number; name: string; status: string; opensOn: string; closesOn: string | null };
  lang: Language;
  weighting: 'design';
  footnotes: { code: string; text: string }[];
}

/** A significance mark: the agency differs from the nation at the 5% level (design-based t test). */
export interface SignificanceMark {
  /** p̂_agency − p̂_nation, on the 0–1 scale. */
  difference: number;
  pValue: number;
  direction: 'higher' | 'lower';
}

/** One option of one question as the agency dashboard shows it: agency, nation, peers. */
export interface AgencyComparisonRow {
  question: string;
  questionLabel: string;
  option: string;
  optionLabel: string;
  agency: DisclosedCell;
  national: DisclosedCell;
  /** Hidden (`peer-group-too-small`) when the group fails the peer rule for this question. */
  peer: DisclosedCell;
  /** Set only where the agency cell is shown (never a bound) and p < 0.05. */
  significance: SignificanceMark | null;
}

/** Respondent counts of the agency by one variable's categories, each subject to k. */
export interface RespondentCounts {
  variable: string;
  label: string;
  categories: {
    value: string;
    label: string;
    respondents: number | null;
    suppressed: SuppressionReason | null;
  }[];
}

/** The agency neutrality perception index of one domain (agency, nation or peer group). */
export type PerceptionIndexCell =
  | {
      suppressed: SuppressionReason;
      index: null;
      grade: null;
      nBase: null;
      se: null;
      ciLow: null;
      ciHigh: null;
    }
  | {
      suppressed: null;
      /** Mean of the 1–4 items × 25, rounded to 2 decimals (25–100). */
      index: number;
      /** PermenPANRB 14/2017 grade: A from 88.31, B from 76.61, C from 65, D below. */
      grade: 'A' | 'B' | 'C' | 'D';
      nBase: number;
      /**
       * Design-based standard error of the index, in index points (the 25–100 scale): Taylor
       * linearization of the weighted mean of respondents' scores (mean of their items) × 25,
       * strata = agencies, fpc = N_h; R `SE(svymean(~I(score * 25), svydesign(ids = ~1,
       * strata = ~agency, fpc = ~stratum_N, weights = ~weight)))` (`svyby` for a domain).
       * Null when some respondent of the base has no counted score (counts folded before
       * item totals were counted).
       */
      se: number | null;
      /**
       * 95% interval of the unrounded index, index points: index ± t_{df, .975} · SE, df =
       * respondents in the base − strata among them (R `confint(…, df = df)`); [index, index]
       * for an all-census base; null when `se` is null or df < 1.
       */
      ciLow: number | null;
      ciHigh: number | null;
    };

/** The perception index widget: agency beside nation and peers. */
export interface PerceptionIndexResult {
  id: string;
  label: string;
  methodNote: string;
  /** Items of the index (matrix rows such as `I.I1`). */
  items: string[];
  agency: PerceptionIndexCell;
  national: PerceptionIndexCell;
  peer: PerceptionIndexCell;
  /** How the index, its SE and interval are computed, and when the index is hidden. */
  note: string;
}

/** `GET /api/agency/results`. */
export interface AgencyResults extends ResultsContext {
  agency: {
    code: string;
    name: string;
    type: string;
    province: string;
    islandRegion: string;
    /** n_h: always shown. */
    respondents: number;
    /** False when respondents < k: then only `respondents` is shown of the agency. */
    shown: boolean;
  };
  peerGroup: {
    type: string;
    islandRegion: string;
    /** Agencies of the group with respondents, besides this one (null when the group is hidden). */
    otherAgencies: number | null;
    shown: boolean;
  };
  disclosure: DisclosureSummary;
  /** Question × option: agency, national, peer. */
  comparison: AgencyComparisonRow[];
  /** The agency by each of its breakdown variables (sex, education, position type). */
  breakdowns: DisclosedRow[];
  /** The nation by the same variables as `breakdowns`, to read them against. */
  nationalBreakdowns: DisclosedRow[];
  respondentCounts: RespondentCounts[];
  /** One per index the questionnaire declares (netralitas-asn: the agency neutrality perception index). */
  perceptionIndexes: PerceptionIndexResult[];
  significanceNote: string;
}

/** One study of `GET /api/public/studies`: public (or synthetic) and with responses. */
export interface PublicStudy {
  id: string;
  /** In the requested language. */
  title: string;
  /** Its responses are made up (a demo): every page showing it says so. */
  synthetic: boolean;
  /** The wave the dashboard shows: the most recently opened one with responses. */
  wave: { id: number; name: string };
  /** Stored responses of that wave. */
  responses: number;
  /** The indicators the ranking offers, `label` in the requested language. */
  rankingIndicators: { question: string; option: string; label: string }[];
}

/** A headline indicator of the public dashboard, with the published KASN 2021 figure. */
export interface HeadlineIndicator {
  variable: string;
  options: string[];
  label: string;
  /** Sum of the options' shares when more than one (top-2 box); its interval is then null. */
  national: DisclosedCell;
  /** The options one by one, with their intervals. */
  components: DisclosedRow[];
  published: {
    percent: number;
    source: { publisher: string; title: string; url: string; published: string };
  };
  byIslandRegion: { value: string; label: string; cell: DisclosedCell }[];
  byPositionType: { value: string; label: string; cell: DisclosedCell }[];
}

/** `GET /api/public/studies/:study/headline`. */
export interface PublicHeadline extends ResultsContext {
  disclosure: DisclosureSummary;
  respondents: number;
  indicators: HeadlineIndicator[];
}

/** One province or agency type of a ranking. */
export interface RankingEntry {
  value: string;
  label: string;
  cell: DisclosedCell;
  /** Null for a hidden entry. Ranks 1 = highest share; a range where intervals overlap others. */
  rank: { best: number; worst: number; tieGroup: number } | null;
}

/** `GET /api/public/studies/:study/ranking`. */
export interface PublicRanking extends ResultsContext {
  disclosure: DisclosureSummary;
  indicator: { question: string; option: string; questionLabel: string; optionLabel: string };
  by: 'province' | 'type';
  /** Shown entries by estimate (highest first), then hidden ones by name. */
  entries: RankingEntry[];
  note: string;
}

/** One recorded-violation row of `GET /api/public/violations`. */
export interface PublicViolation {
  regionType: string;
  region: string;
  province: string;
  electionYear: number;
  reportedOn: string;
  source: string;
  casesRecorded: number;
  recommendedToKasn: number | null;
  followedUp: number | null;
  civilServants: number | null;
  civilServantsSource: string;
  /** Cases per 1,000 civil servants; null without a denominator. */
  ratePerThousand: number | null;
  illustrative: boolean;
  note: string;
  /** The province's perception figure on the study's indicator, where the public dashboard shows one. */
  perception: { province: string; cell: DisclosedCell } | null;
}

/** `GET /api/public/violations`. */
export interface PublicViolations {
  /** The study and indicator the perception figures come from; null when no public study has responses. */
  perception: {
    studyId: string;
    waveId: number;
    question: string;
    option: string;
    label: string;
  } | null;
  violations: PublicViolation[];
}
