// The codebook downloads: every variable with its labels in Indonesian and English, type, options, scoring and microdata columns.
import { buildCodebook } from '../../../surveys/codebook.ts';
import type { LocalizedText, QuestionnaireDefinition } from '../../../surveys/types.ts';
import { csvDocument, type CsvCell } from './csv-text.ts';

/** How a variable is scored, if it is: a keyed knowledge item or a Likert index item. */
export interface CodebookScoring {
  score: string;
  label: LocalizedText;
  /** `one-of`, `exact-set` (knowledge keys) or `likert-item`. */
  rule: string;
  /** Correct option values of a knowledge item; empty for an index item. */
  correct: string[];
}

/** One variable of the codebook download. */
export interface CodebookEntry {
  variable: string;
  question: string;
  label: LocalizedText;
  questionLabel: LocalizedText;
  type: string;
  surveyType: string;
  multiSelect: boolean;
  domain: boolean;
  required: boolean;
  visibleIf: string | null;
  options: { value: string; label: LocalizedText }[];
  scoring: CodebookScoring[];
}

/** The codebook download as JSON. */
export interface CodebookDocument {
  questionnaire: { id: string; version: number; title: LocalizedText };
  variables: CodebookEntry[];
}

/**
 * The codebook of a questionnaire version, with each variable's scoring (knowledge keys and
 * Likert index membership).
 *
 * @example
 * codebookDocument(definition).variables.find((v) => v.variable === 'C1')?.scoring;
 */
export function codebookDocument(definition: QuestionnaireDefinition): CodebookDocument {
  const scoring = new Map<string, CodebookScoring[]>();
  const add = (variable: string, entry: CodebookScoring) =>
    scoring.set(variable, [...(scoring.get(variable) ?? []), entry]);
  for (const score of definition.knowledgeScores ?? []) {
    for (const key of score.keys) {
      add(key.variable, {
        score: score.id,
        label: score.label,
        rule: key.rule,
        correct: key.correct,
      });
    }
  }
  for (const index of definition.likertIndexes ?? []) {
    for (const item of index.items) {
      add(item, { score: index.id, label: index.label, rule: 'likert-item', correct: [] });
    }
  }
  return {
    questionnaire: { id: definition.id, version: definition.version, title: definition.title },
    variables: buildCodebook(definition).map((row) => ({
      variable: row.variable,
      question: row.question,
      label: row.label,
      questionLabel: row.questionLabel,
      type: row.type,
      surveyType: row.surveyType,
      multiSelect: row.multiSelect,
      domain: row.domain,
      required: row.required,
      visibleIf: row.visibleIf ?? null,
      options: row.options,
      scoring: scoring.get(row.variable) ?? [],
    })),
  };
}

/** Columns of codebook.csv: one row per (variable, option); a text variable has one row without option. */
export const codebookCsvColumns = [
  'variable',
  'label_id',
  'label_en',
  'type',
  'multi_select',
  'domain',
  'visible_if',
  'value',
  'value_label_id',
  'value_label_en',
  'correct',
  'scoring',
] as const;

/**
 * The codebook as CSV (UTF-8 with BOM): one row per option, `correct` 1 where the option is a
 * keyed answer, `scoring` naming the scores the variable enters.
 *
 * @example
 * const csv = codebookCsv(definition);
 */
export function codebookCsv(definition: QuestionnaireDefinition): string {
  const rows: CsvCell[][] = [];
  for (const entry of codebookDocument(definition).variables) {
    const scores = entry.scoring.map((s) => `${s.score} (${s.rule})`).join('; ');
    const common = [
      entry.variable,
      entry.label.id,
      entry.label.en,
      entry.type,
      entry.multiSelect ? 1 : 0,
      entry.domain ? 1 : 0,
      entry.visibleIf,
    ];
    if (entry.options.length === 0) rows.push([...common, null, null, null, null, scores]);
    for (const option of entry.options) {
      const keyed = entry.scoring.some((s) => s.correct.includes(option.value));
      rows.push([
        ...common,
        option.value,
        option.label.id,
        option.label.en,
        entry.scoring.some((s) => s.correct.length > 0) ? (keyed ? 1 : 0) : null,
        scores,
      ]);
    }
  }
  return csvDocument(codebookCsvColumns, rows);
}
