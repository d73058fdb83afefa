// Compile-time refusal of answer rules no answer can meet, so a questionnaire fails when published rather than every respondent later.

import type { JsonElement } from '../../../surveys/survey-json-elements.ts';
import { choiceOptions, readItems } from '../../../surveys/survey-json-options.ts';

const choiceTypes = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox']);
const multipleTypes = new Set(['checkbox', 'tagbox']);

function count(element: JsonElement, key: string, where: string): number | undefined {
  const value = element[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new Error(`${where}: ${key} must be a whole number of at least 0`);
  return value;
}

/**
 * Throws, naming the question and the reason, when its own settings rule out every answer or
 * make it unanswerable: `minSelectedChoices` above `maxSelectedChoices` or above the choices
 * that can be ticked together, a required choice question without choices, a required matrix
 * without columns or rows, a negative or fractional limit. A `maxSelectedChoices` above the
 * number of choices is fine (it never binds). Rating scales are checked by `ratingScale`.
 *
 * @example
 * assertSatisfiable({ type: 'checkbox', name: 'q', choices: ['a', 'b', 'c'],
 *   minSelectedChoices: 3, maxSelectedChoices: 2 }) // throws: minSelectedChoices 3 is above maxSelectedChoices 2
 */
export function assertSatisfiable(element: JsonElement): void {
  const type = String(element.type);
  const where = `question ${String(element.name)}`;
  const required = element.isRequired === true;
  if (multipleTypes.has(type)) {
    const min = count(element, 'minSelectedChoices', where) ?? 0;
    const max = count(element, 'maxSelectedChoices', where) ?? 0;
    if (max > 0 && min > max)
      throw new Error(`${where}: minSelectedChoices ${min} is above maxSelectedChoices ${max}`);
    if (element.choicesFromQuestion === undefined) {
      const together = choiceOptions(element).filter((option) => !option.exclusive).length;
      if (min > together)
        throw new Error(
          `${where}: minSelectedChoices ${min} is more than the ${together} choices that can be ticked together`,
        );
    }
  }
  if (choiceTypes.has(type) && element.choicesFromQuestion === undefined) {
    if (required && element.hideIfChoicesEmpty !== true && choiceOptions(element).length === 0)
      throw new Error(`${where}: is required but offers no choices`);
  }
  if (type === 'matrix' && required) {
    if (readItems(element, 'columns').length === 0)
      throw new Error(`${where}: is required but has no columns to choose`);
    if (readItems(element, 'rows').length === 0)
      throw new Error(`${where}: is required but has no rows`);
  }
  if (type === 'text' || type === 'comment') count(element, 'maxLength', where);
}
