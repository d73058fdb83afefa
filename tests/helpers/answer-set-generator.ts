// Seeded generator of answer sets for a questionnaire: valid ones that follow its branching, and ones with planted faults.

import { ConditionRunner } from 'survey-core';
import type { SurveyJson } from '../../surveys/types.ts';
import { surveyElements } from '../../surveys/survey-json-elements.ts';
import type { JsonElement } from '../../surveys/survey-json-elements.ts';
import {
  choiceOptions,
  pipedChoiceOptions,
  ratingOptions,
  readItems,
} from '../../surveys/survey-json-options.ts';
import type { JsonOption } from '../../surveys/survey-json-options.ts';

/** A deterministic source of randomness, so a failing set can be replayed from its seed. */
export interface Random {
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/**
 * mulberry32: a small, well-mixed 32-bit generator, plenty for test data.
 *
 * @example
 * seededRandom(1).int(10) // the same number every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (probability) => next() < probability,
  };
}

/** One question of the questionnaire as the generator sees it. */
export interface GeneratorQuestion {
  element: JsonElement;
  name: string;
  type: string;
  required: boolean;
  conditions: ConditionRunner[];
  /** The question a `choicesFromQuestion` copies from. */
  source?: JsonElement;
  /** A matrix's `rowsVisibleIf`, run with `item` set to each row's value. */
  rowsCondition?: ConditionRunner;
}

/**
 * The questions of a survey with their (page, panel, own) visibleIf runners, in document order.
 *
 * @example
 * generatorQuestions(json).map((q) => q.name)
 */
export function generatorQuestions(json: SurveyJson): GeneratorQuestion[] {
  const sites = surveyElements(json).filter(({ element }) => element.type !== 'html');
  const byName = new Map(sites.map(({ element }) => [String(element.name), element]));
  return sites.map(({ element, page, panels }) => ({
    element,
    name: String(element.name),
    type: String(element.type),
    // SurveyJS requires a matrix that requires each row, and a checkbox with a minimum.
    required:
      element.isRequired === true ||
      element.eachRowRequired === true ||
      (typeof element.minSelectedChoices === 'number' && element.minSelectedChoices > 0),
    conditions: [page, ...panels, element]
      .map((holder) => holder.visibleIf)
      .filter((condition): condition is string => typeof condition === 'string')
      .map((condition) => new ConditionRunner(condition)),
    ...(typeof element.choicesFromQuestion === 'string'
      ? { source: byName.get(element.choicesFromQuestion) }
      : {}),
    ...(typeof element.rowsVisibleIf === 'string'
      ? { rowsCondition: new ConditionRunner(element.rowsVisibleIf) }
      : {}),
  }));
}

/**
 * The choices a question offers given the answers so far: its own, or for piped choices the
 * source's items its answer ticks (mode `selected`), does not tick (`unselected`) or all.
 *
 * @example
 * offeredChoices(e2, { E1: ['utang_budi'] }).map((o) => o.value) // ['utang_budi']
 */
export function offeredChoices(
  question: GeneratorQuestion,
  answers: Record<string, unknown>,
): JsonOption[] {
  const { element, source } = question;
  if (!source) return choiceOptions(element);
  const mode = element.choicesFromQuestionMode ?? 'all';
  const ticked = answers[String(source.name)];
  const isTicked = (value: unknown) =>
    Array.isArray(ticked) ? ticked.includes(value) : ticked === value;
  return pipedChoiceOptions(element, source).filter((option) => {
    if (option.special !== undefined || mode === 'all') return true;
    if (option.value === 'other' && !answers[`${String(source.name)}-Comment`]) return false;
    return isTicked(option.value) === (mode === 'selected');
  });
}

/** The matrix rows shown given the answers so far. */
export function offeredRows(
  question: GeneratorQuestion,
  answers: Record<string, unknown>,
): JsonOption[] {
  const rows = readItems(question.element, 'rows');
  const condition = question.rowsCondition;
  if (!condition) return rows;
  return rows.filter((row) => condition.runValues({ ...answers, item: row.value }) === true);
}

function offersSomething(question: GeneratorQuestion, answers: Record<string, unknown>): boolean {
  if (question.element.hideIfRowsEmpty === true) return offeredRows(question, answers).length > 0;
  if (question.element.hideIfChoicesEmpty === true)
    return offeredChoices(question, answers).length > 0;
  return true;
}

/**
 * Which questions are shown for `answers`, evaluating conditions in document order against the
 * answers as given (the questionnaire only refers backwards, which its own test checks).
 *
 * @example
 * shownQuestions(questions, { A7: 'pppk' }).has('A8b') // true
 */
export function shownQuestions(
  questions: GeneratorQuestion[],
  answers: Record<string, unknown>,
): Set<string> {
  const shown = new Set<string>();
  for (const question of questions) {
    if (
      question.conditions.every((condition) => condition.runValues(answers) === true) &&
      offersSomething(question, answers)
    )
      shown.add(question.name);
  }
  return shown;
}

const words = [
  'netral',
  'kampanye',
  'atasan',
  'sosialisasi',
  'sanksi',
  'laporan',
  'pilkada',
  'instansi',
];

function someText(random: Random, maxWords: number): string {
  return Array.from({ length: 1 + random.int(maxWords) }, () => random.pick(words)).join(' ');
}

/**
 * A valid answer for one question, with the "other" text when the answer ticks "other".
 *
 * @example
 * validAnswer(random, question) // { value: ['utang_budi'], comment: undefined }
 */
export function validAnswer(
  random: Random,
  question: GeneratorQuestion,
  answers: Record<string, unknown> = {},
): { value: unknown; comment?: string } {
  const { element, type } = question;
  if (type === 'radiogroup' || type === 'dropdown') {
    const option = random.pick(offeredChoices(question, answers));
    return option.special === 'other'
      ? { value: option.value, comment: someText(random, 6) }
      : { value: option.value };
  }
  if (type === 'checkbox') {
    const options = offeredChoices(question, answers);
    const max =
      typeof element.maxSelectedChoices === 'number' ? element.maxSelectedChoices : options.length;
    const min = typeof element.minSelectedChoices === 'number' ? element.minSelectedChoices : 0;
    const first = random.pick(options);
    if (first.exclusive) return { value: [first.value] };
    const pool = options.filter((option) => !option.exclusive && option.value !== first.value);
    const chosen = [first.value];
    const extra = Math.max(min - 1, random.int(Math.min(max, pool.length + 1)));
    for (let index = 0; index < extra; index += 1) {
      const next = pool.splice(random.int(pool.length), 1)[0];
      if (next) chosen.push(next.value);
    }
    const other = options.find((option) => option.special === 'other')?.value;
    return other !== undefined && chosen.includes(other)
      ? { value: chosen, comment: someText(random, 6) }
      : { value: chosen };
  }
  if (type === 'rating') return { value: random.pick(ratingOptions(element)).value };
  if (type === 'matrix') {
    const columns = readItems(element, 'columns').map((column) => column.value);
    const everyRow = element.eachRowRequired === true;
    const value: Record<string, unknown> = {};
    const rows = offeredRows(question, answers);
    for (const row of rows) {
      if (everyRow || random.chance(0.6)) value[String(row.value)] = random.pick(columns);
    }
    if (Object.keys(value).length === 0 && rows[0])
      value[String(rows[0].value)] = random.pick(columns);
    return { value };
  }
  if (type === 'comment' || type === 'text') {
    const limit = typeof element.maxLength === 'number' ? element.maxLength : Infinity;
    return { value: someText(random, 40).slice(0, limit).trim() || 'netral' };
  }
  if (type === 'boolean') return { value: random.chance(0.5) };
  throw new Error(`no generator for question type ${type}`);
}

/**
 * A valid answer set: every shown required question answered, optional ones now and then,
 * hidden ones never.
 *
 * @example
 * validAnswerSet(seededRandom(7), generatorQuestions(netralitasAsn.json))
 */
export function validAnswerSet(
  random: Random,
  questions: GeneratorQuestion[],
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    if (!question.conditions.every((condition) => condition.runValues(answers) === true)) continue;
    if (!offersSomething(question, answers)) continue;
    if (!question.required && !random.chance(0.7)) continue;
    const { value, comment } = validAnswer(random, question, answers);
    answers[question.name] = value;
    if (comment !== undefined) answers[`${question.name}-Comment`] = comment;
  }
  return answers;
}
