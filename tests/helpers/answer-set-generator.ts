// Seeded generator of answer sets for a questionnaire: valid ones that follow its branching, and ones with planted faults.

import { ConditionRunner } from 'survey-core';
import type { SurveyJson } from '../../surveys/types.ts';
import { surveyElements } from '../../surveys/survey-json-elements.ts';
import type { JsonElement } from '../../surveys/survey-json-elements.ts';
import { choiceOptions, ratingOptions, readItems } from '../../surveys/survey-json-options.ts';

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
}

/**
 * The questions of a survey with their (page, panel, own) visibleIf runners, in document order.
 *
 * @example
 * generatorQuestions(json).map((q) => q.name)
 */
export function generatorQuestions(json: SurveyJson): GeneratorQuestion[] {
  return surveyElements(json)
    .filter(({ element }) => element.type !== 'html')
    .map(({ element, page, panels }) => ({
      element,
      name: String(element.name),
      type: String(element.type),
      required: element.isRequired === true,
      conditions: [page, ...panels, element]
        .map((holder) => holder.visibleIf)
        .filter((condition): condition is string => typeof condition === 'string')
        .map((condition) => new ConditionRunner(condition)),
    }));
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
    if (question.conditions.every((condition) => condition.runValues(answers) === true))
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
): { value: unknown; comment?: string } {
  const { element, type } = question;
  if (type === 'radiogroup' || type === 'dropdown') {
    const value = random.pick(choiceOptions(element)).value;
    return value === 'other' ? { value, comment: someText(random, 6) } : { value };
  }
  if (type === 'checkbox') {
    const options = choiceOptions(element);
    const max =
      typeof element.maxSelectedChoices === 'number' ? element.maxSelectedChoices : options.length;
    const first = random.pick(options);
    if (first.exclusive) return { value: [first.value] };
    const pool = options.filter((option) => !option.exclusive && option.value !== first.value);
    const chosen = [first.value];
    const extra = random.int(Math.min(max, pool.length + 1));
    for (let index = 0; index < extra; index += 1) {
      const next = pool.splice(random.int(pool.length), 1)[0];
      if (next) chosen.push(next.value);
    }
    return chosen.includes('other')
      ? { value: chosen, comment: someText(random, 6) }
      : { value: chosen };
  }
  if (type === 'rating') return { value: random.pick(ratingOptions(element)).value };
  if (type === 'matrix') {
    const columns = readItems(element, 'columns').map((column) => column.value);
    const everyRow = element.eachRowRequired === true;
    const value: Record<string, unknown> = {};
    for (const row of readItems(element, 'rows')) {
      if (everyRow || random.chance(0.6)) value[String(row.value)] = random.pick(columns);
    }
    if (Object.keys(value).length === 0)
      value[String(readItems(element, 'rows')[0]?.value)] = random.pick(columns);
    return { value };
  }
  if (type === 'comment' || type === 'text') return { value: someText(random, 40) };
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
    if (!question.required && !random.chance(0.7)) continue;
    const { value, comment } = validAnswer(random, question);
    answers[question.name] = value;
    if (comment !== undefined) answers[`${question.name}-Comment`] = comment;
  }
  return answers;
}
