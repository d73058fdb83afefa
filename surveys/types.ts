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
}
