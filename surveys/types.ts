// Shapes of a questionnaire definition: SurveyJS JSON plus the metadata reports need.

/** Text in both interface languages; Indonesian is the default. */
export interface LocalizedText {
  id: string;
  en: string;
}

/** SurveyJS survey JSON. Localized strings are `{ "default": <Indonesian>, "en": <English> }`. */
export type SurveyJson = Record<string, unknown>;

/** A respondent-level variable reports may be broken down (and raked) by, e.g. sex or position type. */
export interface DomainVariable {
  /** The SurveyJS question name holding the value (a single-choice question). */
  question: string;
  label: LocalizedText;
  /** Maps answer values to reporting groups (e.g. rank `III/a` → `III`); unmapped values pass through. */
  recode?: Record<string, string>;
}

/** A published figure an item replicates, shown beside our estimate ("vs nasional 2021"). */
export interface ReferenceFigure {
  /** Reported variable (question name, or `question.row` for a matrix row). */
  variable: string;
  /** Option value(s) whose share the figure is; several values mean their sum (top-2 box). */
  options: string[];
  /** Published percentage, 0–100. */
  percent: number;
  label: LocalizedText;
  source: { publisher: string; title: string; url: string; published: string };
  /** Confidence tag from the research notes: V verified, B single report, R reconstructed. */
  confidence: 'V' | 'B' | 'R';
}

/** A published, immutable questionnaire version. */
export interface QuestionnaireDefinition {
  id: string;
  version: number;
  title: LocalizedText;
  json: SurveyJson;
  domainVariables: DomainVariable[];
  referenceFigures: ReferenceFigure[];
  /** Knowledge tests scored from keyed items (e.g. the understanding score). */
  knowledgeScores?: KnowledgeScore[];
  /** Likert composites (e.g. the agency neutrality perception index). */
  likertIndexes?: LikertIndex[];
}

/**
 * The keyed answer of one knowledge item. A single-choice item is correct when its answer is
 * one of `correct`; a checkbox item (`rule: 'exact-set'`) only when the ticked set equals
 * `correct`, so ticking a wrong channel as well as the right ones does not score.
 */
export interface ScoringKey {
  /** Question name of the item. */
  variable: string;
  /** Option value(s) that are correct. */
  correct: string[];
  rule: 'one-of' | 'exact-set';
}

/** A band of a knowledge score, e.g. "Baik" from 80% correct upwards. */
export interface ScoreBand {
  /** Lowest percentage correct (0–100) that falls in this band. */
  minPercent: number;
  label: LocalizedText;
}

/**
 * A knowledge test scored as the percentage of keyed items answered correctly; an unanswered
 * item or "Tidak tahu" counts as incorrect.
 */
export interface KnowledgeScore {
  id: string;
  label: LocalizedText;
  keys: ScoringKey[];
  /** Bands from the highest `minPercent` down; the last one should start at 0. */
  bands: ScoreBand[];
}

/** A grade of a Likert index, e.g. A from 88.31 upwards (PermenPANRB 14/2017 conversion). */
export interface IndexGrade {
  grade: string;
  /** Lowest converted score (after rounding to 2 decimals) that earns this grade. */
  minScore: number;
  label: LocalizedText;
}

/**
 * A composite of Likert items computed like the IKM: the mean item score times `multiplier`,
 * then graded. Items are variables (`question.row` for matrix rows) whose values are the
 * numbers `scaleMin`..`scaleMax`.
 */
export interface LikertIndex {
  id: string;
  label: LocalizedText;
  items: string[];
  scaleMin: number;
  scaleMax: number;
  multiplier: number;
  /** Grades from the highest `minScore` down. */
  grades: IndexGrade[];
  /** Where the method comes from, shown beside the index. */
  methodNote: LocalizedText;
}
