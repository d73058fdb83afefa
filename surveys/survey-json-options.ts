// Reads the answer options SurveyJS JSON allows: choices with special items, rating values, matrix rows and columns.

import type { LocalizedText } from './types.ts';
import type { JsonElement } from './survey-json-elements.ts';

/** One allowed answer value with its label. */
export interface JsonOption {
  value: string | number;
  label: LocalizedText;
  /** Ticking it clears every other tick (SurveyJS `isExclusive`, "none", "refused", "don't know"). */
  exclusive: boolean;
  /** Set for SurveyJS's built-in items; `other` carries its text in `<name>-Comment`. */
  special?: 'other' | 'none' | 'refused' | 'dontknow';
}

/**
 * Reads a SurveyJS localizable string (`"text"` or `{ default, en, … }`) as `{ id, en }`;
 * a missing English text falls back to the default one, as SurveyJS does.
 *
 * @example
 * readLocalized({ default: 'Ya', en: 'Yes' }) // { id: 'Ya', en: 'Yes' }
 */
export function readLocalized(value: unknown, fallback?: LocalizedText): LocalizedText {
  if (typeof value === 'string') return { id: value, en: value };
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const id = typeof record.default === 'string' ? record.default : undefined;
    const en = typeof record.en === 'string' ? record.en : id;
    if (id !== undefined && en !== undefined) return { id, en };
  }
  return fallback ?? { id: '', en: '' };
}

// SurveyJS accepts "value|text" shorthand for items.
const itemSeparator = '|';

function readItem(item: unknown, where: string): JsonOption {
  if (typeof item === 'number')
    return { value: item, label: { id: String(item), en: String(item) }, exclusive: false };
  if (typeof item === 'string') {
    const cut = item.indexOf(itemSeparator);
    const value = cut < 0 ? item : item.slice(0, cut);
    const shown = cut < 0 ? item : item.slice(cut + 1);
    return { value, label: { id: shown, en: shown }, exclusive: false };
  }
  if (typeof item === 'object' && item !== null) {
    const record = item as Record<string, unknown>;
    const value = record.value;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${where}: an item has no string or number value`);
    }
    const plain = { id: String(value), en: String(value) };
    return {
      value,
      label: readLocalized(record.text, plain),
      exclusive: record.isExclusive === true,
    };
  }
  throw new Error(`${where}: an item is neither a value nor an object`);
}

/**
 * The items of a list property (`choices`, `rows`, `columns`, `rateValues`).
 *
 * @example
 * readItems({ name: 'q', choices: ['a', { value: 'b', text: 'B' }] }, 'choices').map((o) => o.value) // ['a', 'b']
 */
export function readItems(element: JsonElement, property: string): JsonOption[] {
  const list = element[property];
  if (list === undefined) return [];
  if (!Array.isArray(list))
    throw new Error(`${String(element.name)}: "${property}" must be an array`);
  return list.map((item) => readItem(item, `${String(element.name)}.${property}`));
}

const specialItems = [
  {
    flag: 'showNoneItem',
    value: 'none',
    special: 'none',
    textKey: 'noneText',
    label: { id: 'Tidak ada', en: 'None' },
  },
  {
    flag: 'showRefuseItem',
    value: 'refused',
    special: 'refused',
    textKey: 'refuseText',
    label: { id: 'Tidak ingin menjawab', en: 'Refuse to answer' },
  },
  {
    flag: 'showDontKnowItem',
    value: 'dontknow',
    special: 'dontknow',
    textKey: 'dontKnowText',
    label: { id: 'Tidak tahu', en: "Don't know" },
  },
] as const;

/**
 * The options of a choice question (radiogroup, dropdown, checkbox, tagbox) in display order:
 * its `choices`, then the built-in none/refuse/don't-know items, then "other".
 *
 * @example
 * choiceOptions({ name: 'D1', choices: ['a'], showOtherItem: true }).map((o) => o.value) // ['a', 'other']
 */
export function choiceOptions(element: JsonElement): JsonOption[] {
  return [...readItems(element, 'choices'), ...builtInOptions(element)];
}

/**
 * The built-in items a choice question adds after its choices: none, refuse, don't know (all
 * exclusive), then "other".
 *
 * @example
 * builtInOptions({ name: 'q', showNoneItem: true }).map((o) => o.value) // ['none']
 */
export function builtInOptions(element: JsonElement): JsonOption[] {
  const options: JsonOption[] = [];
  for (const item of specialItems) {
    if (element[item.flag] === true) {
      options.push({
        value: item.value,
        label: readLocalized(element[item.textKey], item.label),
        exclusive: true,
        special: item.special,
      });
    }
  }
  if (element.showOtherItem === true) {
    options.push({
      value: 'other',
      label: readLocalized(element.otherText, { id: 'Lainnya', en: 'Other' }),
      exclusive: false,
      special: 'other',
    });
  }
  return options;
}

/** Which of the source's items a piped question copies (SurveyJS `choicesFromQuestionMode`). */
export type PipeMode = 'all' | 'selected' | 'unselected';

/** The piping mode of a question with `choicesFromQuestion` (default `all`). */
export function pipeModeOf(element: JsonElement): PipeMode {
  const mode = element.choicesFromQuestionMode ?? 'all';
  if (mode !== 'all' && mode !== 'selected' && mode !== 'unselected') {
    throw new Error(
      `${String(element.name)}: choicesFromQuestionMode must be "all", "selected" or "unselected"`,
    );
  }
  return mode;
}

/**
 * Every option a question with `choicesFromQuestion` can offer, whatever the source's answer:
 * the source's own choices (its built-in none/refuse/don't-know/other items are never copied),
 * then, in `selected` mode without an "other" item of its own, the source's "other" (value
 * `other`, shown with the text the respondent typed), then the question's own built-in items.
 * Which of them are offered to one respondent depends on the source's answer (see the
 * validator); this is the codebook's list.
 *
 * @example
 * pipedChoiceOptions({ name: 'E2', choicesFromQuestion: 'E1', choicesFromQuestionMode: 'selected' },
 *   { name: 'E1', choices: ['a', 'b'], showOtherItem: true }).map((o) => o.value) // ['a', 'b', 'other']
 */
export function pipedChoiceOptions(element: JsonElement, source: JsonElement): JsonOption[] {
  const carried = readItems(source, 'choices');
  if (
    pipeModeOf(element) === 'selected' &&
    element.showOtherItem !== true &&
    source.showOtherItem === true
  ) {
    carried.push({
      value: 'other',
      label: readLocalized(source.otherText, { id: 'Lainnya', en: 'Other' }),
      exclusive: false,
    });
  }
  return [...carried, ...builtInOptions(element)];
}

/**
 * The options of a choice question, piped ones included: `source` finds a question by name.
 *
 * @example
 * anyChoiceOptions(e2, (name) => byName.get(name))
 */
export function anyChoiceOptions(
  element: JsonElement,
  source: (name: string) => JsonElement | undefined,
): JsonOption[] {
  if (typeof element.choicesFromQuestion !== 'string') return choiceOptions(element);
  const from = source(element.choicesFromQuestion);
  if (!from)
    throw new Error(
      `${String(element.name)}: choicesFromQuestion names ${element.choicesFromQuestion}, which is not a question`,
    );
  return pipedChoiceOptions(element, from);
}

/** The most values SurveyJS generates for a rating scale (`settings.ratingMaximumRateValueCount`). */
export const ratingMaximumValueCount = 20;
/** The most values SurveyJS draws as smileys; it drops the rest. */
export const smileyMaximumValueCount = 10;

/**
 * The values a rating question draws, as survey-core 3 computes them: its `rateValues` (unless
 * `autoGenerate: true`), or else `rateMin`..`rateMax` by `rateStep` (defaults 1, 5, 1), where a
 * `rateCount` beside only one of `rateMin` / `rateMax` sets the other; at most 20 generated
 * values, and at most 10 for `rateType: "smileys"`. Fractional steps are rounded to the step's
 * decimals after each addition, as SurveyJS does.
 *
 * @example
 * ratingOptions({ name: 'r', rateMin: 0, rateMax: 10, rateStep: 5 }).map((o) => o.value) // [0, 5, 10]
 * ratingOptions({ name: 'r', rateMax: 7, rateCount: 3 }).map((o) => o.value) // [5, 6, 7]
 */
export function ratingOptions(element: JsonElement): JsonOption[] {
  const cap = element.rateType === 'smileys' ? smileyMaximumValueCount : Infinity;
  const listed = readItems(element, 'rateValues');
  if (listed.length > 0 && element.autoGenerate !== true) return listed.slice(0, cap);
  const { min, max, step } = ratingRange(element);
  const options: JsonOption[] = [];
  if (!(step > 0)) return options;
  for (let value = min; value <= max && options.length < ratingMaximumValueCount;) {
    options.push({ value, label: { id: String(value), en: String(value) }, exclusive: false });
    value = roundToStep(value + step, step);
  }
  return options.slice(0, cap);
}

/**
 * The generated range of a rating question without listed values: `rateMin`..`rateMax` by
 * `rateStep` (defaults 1, 5, 1), a `rateCount` beside only one of the bounds setting the other.
 *
 * @example
 * ratingRange({ name: 'r', rateMax: 7, rateCount: 3 }) // { min: 5, max: 7, step: 1 }
 */
export function ratingRange(element: JsonElement): { min: number; max: number; step: number } {
  const step = numberOr(element.rateStep, 1);
  let min = numberOr(element.rateMin, 1);
  let max = numberOr(element.rateMax, 5);
  const count = element.rateCount;
  if (typeof count === 'number') {
    if (element.rateMin !== undefined && element.rateMax === undefined)
      max = min + step * (count - 1);
    if (element.rateMax !== undefined && element.rateMin === undefined)
      min = max - step * (count - 1);
  }
  return { min, max, step };
}

// survey-core's `correctValue`: a non-integer sum is rounded to as many decimals as the step has.
function roundToStep(value: number, step: number): number {
  if (Math.round(value) === value) return value;
  let decimals = 0;
  for (let scaled = step; Math.round(scaled) !== scaled && decimals < 20; scaled *= 10)
    decimals += 1;
  return parseFloat(value.toFixed(decimals));
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
