// Builds the codebook of a questionnaire from its SurveyJS JSON, so labels and options never drift from what respondents saw.

import type { LocalizedText, QuestionnaireDefinition } from './types.ts';
import { surveyElements } from './survey-json-elements.ts';
import type { JsonElement } from './survey-json-elements.ts';
import {
  anyChoiceOptions,
  ratingOptions,
  readItems,
  readLocalized,
} from './survey-json-options.ts';
import type { JsonOption } from './survey-json-options.ts';

/** How a variable's values are read. */
export type CodebookVariableType = 'single' | 'multiple' | 'rating' | 'boolean' | 'text';

/** One option of a codebook variable; `value` is written as it appears in answer items. */
export interface CodebookOption {
  value: string;
  label: LocalizedText;
}

/** One reportable variable: a question, or one row of a matrix question (`question.row`). */
export interface CodebookRow {
  variable: string;
  /** The SurveyJS question name the value lives under. */
  question: string;
  /** Question title; for a matrix row, the matrix title. */
  questionLabel: LocalizedText;
  /** The variable's own label: the row text for a matrix row, else the question title. */
  label: LocalizedText;
  type: CodebookVariableType;
  /** The SurveyJS element type, e.g. `radiogroup`. */
  surveyType: string;
  options: CodebookOption[];
  /** Reports may break estimates down by this variable. */
  domain: boolean;
  /** Several options may be ticked: shares are of respondents, not of mentions. */
  multiSelect: boolean;
  required: boolean;
  /** The question's own SurveyJS `visibleIf`, when it has one. */
  visibleIf?: string;
  /** Name of the page it is on. */
  page: string;
}

const textTypes = new Set(['text', 'comment']);
const singleTypes = new Set(['radiogroup', 'dropdown']);
const multipleTypes = new Set(['checkbox', 'tagbox']);
const displayTypes = new Set(['html', 'image']);

function toCodebookOptions(options: JsonOption[]): CodebookOption[] {
  return options.map((option) => ({ value: String(option.value), label: option.label }));
}

function booleanOptions(element: JsonElement): CodebookOption[] {
  return [
    { value: 'true', label: readLocalized(element.labelTrue, { id: 'Ya', en: 'Yes' }) },
    { value: 'false', label: readLocalized(element.labelFalse, { id: 'Tidak', en: 'No' }) },
  ];
}

/**
 * The codebook of a questionnaire: one row per reportable variable, in questionnaire order.
 * Display-only elements (html, image) have no row; an element type it cannot describe throws.
 *
 * @example
 * buildCodebook(netralitasAsn).find((row) => row.variable === 'F.F1')?.options.length // 4
 */
export function buildCodebook(definition: QuestionnaireDefinition): CodebookRow[] {
  const domains = new Set(definition.domainVariables.map((domain) => domain.question));
  const rows: CodebookRow[] = [];
  const sites = surveyElements(definition.json);
  const byName = new Map(sites.map((site) => [String(site.element.name), site.element]));
  const source = (name: string) => byName.get(name);
  for (const { element, page } of sites) {
    const type = String(element.type);
    if (displayTypes.has(type)) continue;
    const name = String(element.name);
    const title = readLocalized(element.title, { id: name, en: name });
    const base = {
      question: name,
      questionLabel: title,
      surveyType: type,
      required: element.isRequired === true,
      page: String(page.name),
      ...(typeof element.visibleIf === 'string' ? { visibleIf: element.visibleIf } : {}),
    };
    if (type === 'matrix') {
      const columns = toCodebookOptions(readItems(element, 'columns'));
      for (const row of readItems(element, 'rows')) {
        const variable = `${name}.${String(row.value)}`;
        rows.push({
          ...base,
          variable,
          label: row.label,
          type: 'single',
          options: columns,
          domain: domains.has(variable),
          multiSelect: false,
        });
      }
      continue;
    }
    let variableType: CodebookVariableType;
    let options: CodebookOption[];
    if (singleTypes.has(type)) {
      variableType = 'single';
      options = toCodebookOptions(anyChoiceOptions(element, source));
    } else if (multipleTypes.has(type)) {
      variableType = 'multiple';
      options = toCodebookOptions(anyChoiceOptions(element, source));
    } else if (type === 'rating') {
      variableType = 'rating';
      options = toCodebookOptions(ratingOptions(element));
    } else if (type === 'boolean') {
      variableType = 'boolean';
      options = booleanOptions(element);
    } else if (textTypes.has(type)) {
      variableType = 'text';
      options = [];
    } else {
      throw new Error(`codebook: question ${name} has a type it cannot describe: ${type}`);
    }
    rows.push({
      ...base,
      variable: name,
      label: title,
      type: variableType,
      options,
      domain: domains.has(name),
      multiSelect: variableType === 'multiple',
    });
  }
  return rows;
}
