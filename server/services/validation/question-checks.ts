// How each supported SurveyJS question type's answer is checked and flattened into answer items.

import type { JsonElement } from '../../../surveys/survey-json-elements.ts';
import { choiceOptions, readItems } from '../../../surveys/survey-json-options.ts';
import type { JsonOption } from '../../../surveys/survey-json-options.ts';
import type { AnswerItem, ValidationProblem } from './types.ts';
import { isEmptyAnswer, isPlainObject } from './empty-answer.ts';
import { ratingScale } from './rating-scale.ts';

/** Longest free text accepted where the questionnaire sets no `maxLength`. */
export const defaultTextLimit = 2000;

/**
 * What a question offers one respondent when that depends on other answers: the choices a
 * piped question copies from its source, the matrix rows a `rowsVisibleIf` leaves shown.
 */
export interface OfferedNow {
  choices?: readonly JsonOption[];
  rows?: ReadonlySet<string>;
}

/** The answer rules of one question, independent of whether it is shown. */
export interface QuestionCheck {
  name: string;
  /** Checkbox or tagbox: its share base is "answered at all". */
  multiSelect: boolean;
  /** Has SurveyJS's "other" item, whose text arrives under `<name>-Comment`. */
  hasOther: boolean;
  /** Problems with a non-empty answer: its type, its values, its limits; `offered` when they depend on other answers. */
  check(value: unknown, problems: ValidationProblem[], offered?: OfferedNow): void;
  /** Problems with an empty answer of a visible question that must be answered. */
  checkMissing(required: boolean, problems: ValidationProblem[]): void;
  /** Whether a non-empty answer ticks "other". */
  selectsOther(value: unknown): boolean;
  /** Reportable items of a non-empty answer. */
  items(value: unknown, out: AnswerItem[]): void;
}

function isChoiceValue(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function missing(name: string) {
  return (required: boolean, problems: ValidationProblem[]): void => {
    if (required) problems.push({ question: name, problem: 'required' });
  };
}

// The values a choice question offers and which of them clear every other tick.
interface ChoiceSet {
  allowed: ReadonlySet<unknown>;
  exclusive: ReadonlySet<unknown>;
}

function choiceSet(options: readonly JsonOption[]): ChoiceSet {
  return {
    allowed: new Set(options.map((option) => option.value)),
    exclusive: new Set(options.filter((option) => option.exclusive).map((option) => option.value)),
  };
}

// A piped question's choices come with each answer set; other questions' are fixed.
function choicesFor(element: JsonElement): (offered?: OfferedNow) => ChoiceSet {
  if (element.choicesFromQuestion !== undefined) {
    return (offered) => choiceSet(offered?.choices ?? []);
  }
  const fixed = choiceSet(choiceOptions(element));
  return () => fixed;
}

function singleChoice(element: JsonElement, name: string): QuestionCheck {
  const choices = choicesFor(element);
  const hasOther = element.showOtherItem === true;
  return {
    name,
    multiSelect: false,
    hasOther,
    check(value, problems, offered) {
      if (!isChoiceValue(value))
        problems.push({ question: name, problem: 'must be a string or number' });
      else if (!choices(offered).allowed.has(value))
        problems.push({ question: name, problem: 'not one of the choices' });
    },
    checkMissing: missing(name),
    selectsOther: (value) => hasOther && value === 'other',
    items(value, out) {
      out.push({ variable: name, option: String(value) });
    },
  };
}

function multipleChoice(element: JsonElement, name: string): QuestionCheck {
  const choices = choicesFor(element);
  const hasOther = element.showOtherItem === true;
  const max = typeof element.maxSelectedChoices === 'number' ? element.maxSelectedChoices : 0;
  const min = typeof element.minSelectedChoices === 'number' ? element.minSelectedChoices : 0;
  return {
    name,
    multiSelect: true,
    hasOther,
    check(value, problems, offered) {
      if (!Array.isArray(value)) {
        problems.push({ question: name, problem: 'must be a list of choices' });
        return;
      }
      const { allowed, exclusive } = choices(offered);
      const seen = new Set<unknown>();
      for (const item of value) {
        if (!isChoiceValue(item))
          problems.push({ question: name, problem: 'must be a list of strings or numbers' });
        else if (!allowed.has(item))
          problems.push({ question: name, problem: `not one of the choices: ${item}` });
        else if (seen.has(item))
          problems.push({ question: name, problem: `lists a choice twice: ${item}` });
        seen.add(item);
      }
      if (max > 0 && value.length > max)
        problems.push({ question: name, problem: `more than ${max} choices` });
      // SurveyJS exempts one exclusive item ("none", "don't know") from the minimum.
      const exempt = value.length === 1 && exclusive.has(value[0]);
      if (min > 0 && value.length < min && !exempt)
        problems.push({ question: name, problem: `fewer than ${min} choices` });
      if (value.length > 1) {
        for (const item of value) {
          if (exclusive.has(item)) {
            problems.push({
              question: name,
              problem: `${String(item)} cannot be combined with other choices`,
            });
          }
        }
      }
    },
    checkMissing(required, problems) {
      if (required) problems.push({ question: name, problem: 'required' });
      // survey-core counts an empty answer as below the minimum even when it is optional.
      else if (min > 0) problems.push({ question: name, problem: `fewer than ${min} choices` });
    },
    selectsOther: (value) => hasOther && Array.isArray(value) && value.includes('other'),
    items(value, out) {
      if (!Array.isArray(value)) return;
      for (const item of value) out.push({ variable: name, option: String(item) });
    },
  };
}

function rating(element: JsonElement, name: string): QuestionCheck {
  const allowed = new Set<unknown>(ratingScale(element));
  const numeric = [...allowed].every((value) => typeof value === 'number');
  return {
    name,
    multiSelect: false,
    hasOther: false,
    check(value, problems) {
      if (numeric ? typeof value !== 'number' : !isChoiceValue(value)) {
        problems.push({
          question: name,
          problem: numeric ? 'must be a number' : 'must be a string or number',
        });
      } else if (!allowed.has(value)) {
        problems.push({ question: name, problem: 'not one of the rating values' });
      }
    },
    checkMissing: missing(name),
    selectsOther: () => false,
    items(value, out) {
      out.push({ variable: name, option: String(value) });
    },
  };
}

function matrix(element: JsonElement, name: string): QuestionCheck {
  const rows = readItems(element, 'rows').map((row) => String(row.value));
  const rowSet = new Set(rows);
  const columns = new Set<unknown>(readItems(element, 'columns').map((column) => column.value));
  const eachRowRequired = element.eachRowRequired === true || element.isAllRowRequired === true;
  return {
    name,
    multiSelect: false,
    hasOther: false,
    check(value, problems, offered) {
      if (!isPlainObject(value)) {
        problems.push({ question: name, problem: 'must be an object of answers keyed by row' });
        return;
      }
      // Rows a `rowsVisibleIf` hides take no answer, as hidden questions take none.
      const shownRows = offered?.rows ?? rowSet;
      for (const row of Object.keys(value)) {
        const question = `${name}.${row}`;
        if (!rowSet.has(row)) problems.push({ question, problem: 'unknown row' });
        else if (!shownRows.has(row))
          problems.push({ question, problem: 'answered but hidden by its condition' });
        else if (!columns.has(value[row]))
          problems.push({ question, problem: 'not one of the columns' });
      }
      if (eachRowRequired) {
        for (const row of rows) {
          if (shownRows.has(row) && !Object.hasOwn(value, row))
            problems.push({ question: `${name}.${row}`, problem: 'required' });
        }
      }
    },
    checkMissing(required, problems) {
      if (required || eachRowRequired) problems.push({ question: name, problem: 'required' });
    },
    selectsOther: () => false,
    items(value, out) {
      if (!isPlainObject(value)) return;
      for (const row of rows) {
        const cell = value[row];
        if (!isEmptyAnswer(cell)) out.push({ variable: `${name}.${row}`, option: String(cell) });
      }
    },
  };
}

function freeText(element: JsonElement, name: string): QuestionCheck {
  if (element.inputType !== undefined && element.inputType !== 'text') {
    throw new Error(
      `${name}: text inputType "${String(element.inputType)}" is not supported by the validator`,
    );
  }
  const limit =
    typeof element.maxLength === 'number' && element.maxLength > 0
      ? element.maxLength
      : defaultTextLimit;
  return {
    name,
    multiSelect: false,
    hasOther: false,
    check(value, problems) {
      checkText(name, value, limit, problems);
    },
    checkMissing: missing(name),
    selectsOther: () => false,
    items() {},
  };
}

function yesNo(name: string): QuestionCheck {
  return {
    name,
    multiSelect: false,
    hasOther: false,
    check(value, problems) {
      if (typeof value !== 'boolean')
        problems.push({ question: name, problem: 'must be true or false' });
    },
    checkMissing: missing(name),
    selectsOther: () => false,
    items(value, out) {
      out.push({ variable: name, option: String(value) });
    },
  };
}

/**
 * Checks a free-text value: a string no longer than `limit` characters.
 *
 * @example
 * const problems = [];
 * checkText('H9', 'x'.repeat(2001), 2000, problems); // problems: longer than 2000 characters
 */
export function checkText(
  question: string,
  value: unknown,
  limit: number,
  problems: ValidationProblem[],
): void {
  if (typeof value !== 'string') problems.push({ question, problem: 'must be text' });
  else if (value.length > limit)
    problems.push({ question, problem: `longer than ${limit} characters` });
}

const factories = new Map<string, (element: JsonElement, name: string) => QuestionCheck>([
  ['radiogroup', singleChoice],
  ['dropdown', singleChoice],
  ['checkbox', multipleChoice],
  ['tagbox', multipleChoice],
  ['rating', rating],
  ['matrix', matrix],
  ['comment', freeText],
  ['text', freeText],
  ['boolean', (_element, name) => yesNo(name)],
]);

/**
 * Builds the answer rules of one question element. Throws for a type without rules, so a new
 * question type cannot slip through validation unchecked.
 *
 * @example
 * compileQuestionCheck({ type: 'radiogroup', name: 'B1', choices: ['ya', 'tidak'] }).check('mungkin', problems)
 */
export function compileQuestionCheck(element: JsonElement): QuestionCheck {
  const name = String(element.name);
  const factory = factories.get(String(element.type));
  if (!factory)
    throw new Error(
      `${name}: question type "${String(element.type)}" is not supported by the validator`,
    );
  return factory(element, name);
}
