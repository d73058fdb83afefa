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
  const options = readItems(element, 'choices');
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

/**
 * The values a rating question accepts: its `rateValues`, or else the sequence
 * `rateMin`..`rateMax` by `rateStep` (SurveyJS defaults 1, 5, 1).
 *
 * @example
 * ratingOptions({ name: 'r', rateMin: 0, rateMax: 10, rateStep: 5 }).map((o) => o.value) // [0, 5, 10]
 */
export function ratingOptions(element: JsonElement): JsonOption[] {
  const listed = readItems(element, 'rateValues');
  if (listed.length > 0) return listed;
  const min = numberOr(element.rateMin, 1);
  const max = numberOr(element.rateMax, 5);
  const step = numberOr(element.rateStep, 1);
  if (!(step > 0) || max < min) throw new Error(`${String(element.name)}: invalid rating range`);
  const options: JsonOption[] = [];
  // Counting steps rather than adding them keeps fractional steps free of drift.
  for (let index = 0; min + index * step <= max + 1e-9; index += 1) {
    const value = Number((min + index * step).toFixed(10));
    options.push({ value, label: { id: String(value), en: String(value) }, exclusive: false });
  }
  return options;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
