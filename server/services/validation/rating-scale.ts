// The values a rating question draws, refused at compile time when its settings contradict each other or survey-core draws otherwise.

import { Model } from 'survey-core';
import type { JsonElement } from '../../../surveys/survey-json-elements.ts';
import {
  ratingMaximumValueCount,
  ratingOptions,
  ratingRange,
  readItems,
  smileyMaximumValueCount,
} from '../../../surveys/survey-json-options.ts';

// The properties that decide which values survey-core draws, copied in the JSON's own order
// (survey-core clamps rateMin and rateMax against each other as it reads them).
const scaleProperties = new Set([
  'rateValues',
  'rateMin',
  'rateMax',
  'rateStep',
  'rateCount',
  'rateType',
  'autoGenerate',
]);

function numberProperty(element: JsonElement, key: string, where: string): number | undefined {
  const value = element[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`${where}: ${key} must be a number`);
  return value;
}

function assertConsistent(element: JsonElement, where: string): void {
  const min = numberProperty(element, 'rateMin', where);
  const max = numberProperty(element, 'rateMax', where);
  const step = numberProperty(element, 'rateStep', where);
  const count = numberProperty(element, 'rateCount', where);
  const listed = readItems(element, 'rateValues');
  const generated = listed.length === 0 || element.autoGenerate === true;
  if (generated) {
    if (step !== undefined && !(step > 0))
      throw new Error(`${where}: rateStep ${step} is not above 0, so no scale can be drawn`);
    if (min !== undefined && max !== undefined && min > max)
      throw new Error(`${where}: rateMin ${min} is above rateMax ${max}`);
    if (min !== undefined && max !== undefined && count !== undefined)
      throw new Error(
        `${where}: rateCount ${count} beside both rateMin and rateMax is ignored by SurveyJS; give two of them`,
      );
    if (count !== undefined && min === undefined && max === undefined)
      throw new Error(
        `${where}: rateCount ${count} without rateMin or rateMax is ignored by SurveyJS (it draws rateMin 1 to rateMax 5)`,
      );
    if (count !== undefined && (!Number.isInteger(count) || count < 2))
      throw new Error(`${where}: rateCount ${count} is not a whole number of at least 2`);
  } else if (count !== undefined && count !== listed.length) {
    throw new Error(
      `${where}: rateCount ${count} contradicts the ${listed.length} rateValues listed`,
    );
  }
  const drawn = ratingOptions({ ...element, rateType: undefined }).length;
  if (drawn < 2)
    throw new Error(
      `${where}: the scale has ${drawn} value${drawn === 1 ? '' : 's'}, fewer than 2`,
    );
  if (generated) {
    const range = ratingRange(element);
    const wanted = Math.floor((range.max - range.min) / range.step + 1e-9) + 1;
    if (wanted > ratingMaximumValueCount)
      throw new Error(
        `${where}: the scale asks for ${wanted} values, and SurveyJS generates at most ${ratingMaximumValueCount}; list rateValues instead`,
      );
  }
  if (element.rateType === 'smileys' && drawn > smileyMaximumValueCount)
    throw new Error(
      `${where}: SurveyJS draws at most ${smileyMaximumValueCount} smileys, and the scale has ${drawn} values`,
    );
}

/**
 * The values a rating question accepts: exactly those survey-core draws. Throws, naming the
 * question and the reason, when its settings contradict each other (rateMin above rateMax, a
 * rateCount SurveyJS ignores or that disagrees with the listed rateValues, a step of 0, fewer
 * than 2 values, more smileys or generated values than SurveyJS draws), and as a last guard when
 * our reading of the settings differs from what survey-core itself draws for them.
 *
 * @example
 * ratingScale({ type: 'rating', name: 'r', rateMax: 7, rateCount: 3 }) // [5, 6, 7]
 * ratingScale({ type: 'rating', name: 'r', rateMin: 5, rateMax: 3 }) // throws: rateMin 5 is above rateMax 3
 */
export function ratingScale(element: JsonElement): (string | number)[] {
  const where = `question ${String(element.name)}`;
  assertConsistent(element, where);
  const ours = ratingOptions(element).map((option) => option.value);
  const shape = Object.fromEntries(
    Object.entries(element).filter(([key]) => scaleProperties.has(key)),
  );
  const model = new Model({ elements: [{ ...shape, type: 'rating', name: 'scale' }] });
  const question = model.getQuestionByName('scale') as unknown as {
    visibleChoices: { value: unknown }[];
  };
  const drawn = question.visibleChoices.map((item) => item.value);
  model.dispose();
  if (JSON.stringify(drawn) !== JSON.stringify(ours)) {
    throw new Error(
      `${where}: SurveyJS draws the rating values ${JSON.stringify(drawn)}, not ${JSON.stringify(ours)}; list rateValues instead`,
    );
  }
  return ours;
}
