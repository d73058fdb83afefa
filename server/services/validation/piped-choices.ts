// Piped choices (SurveyJS `choicesFromQuestion`): the options a question copies from another question's choices and answer.

import type { JsonElement } from '../../../surveys/survey-json-elements.ts';
import {
  builtInOptions,
  pipeModeOf,
  readItems,
  type JsonOption,
} from '../../../surveys/survey-json-options.ts';
import { isEmptyAnswer } from './empty-answer.ts';

const choiceTypes = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox']);
const multipleTypes = new Set(['checkbox', 'tagbox']);

/** A piped question's link to its source, ready to list what one respondent is offered. */
export interface PipedChoices {
  /** The source question's exact name. */
  source: string;
  /**
   * The options offered given the source's shown answer and "other" text (`undefined` when the
   * source is hidden or unanswered), in SurveyJS's order: copied items, then the question's own
   * built-in none/refuse/don't-know/other items.
   */
  offered(sourceValue: unknown, sourceComment: unknown): JsonOption[];
}

/**
 * Compiles `choicesFromQuestion` / `choicesFromQuestionMode` with survey-core 3's semantics
 * (`QuestionSelectBase.getChoicesFromSelectQuestion`): the source's own choices are copied,
 * never its built-in none/refuse/don't-know/other items, keeping `isExclusive`; mode `all`
 * copies every choice, `selected` those the source's answer ticks, `unselected` the rest; in
 * `selected` mode a question without its own "other" item also gets the source's "other"
 * (value `other`) when the source ticks it with a text. Throws, naming the question, when the
 * source is missing, itself, not a choice question or itself piped, when the question also
 * lists `choices`, or when a required question could be left with nothing to choose (set
 * `hideIfChoicesEmpty`).
 *
 * @example
 * const piped = compilePipedChoices(e2, (name) => byName.get(name));
 * piped.offered(['utang_budi', 'other'], 'adat').map((o) => o.value) // ['utang_budi', 'other']
 */
export function compilePipedChoices(
  element: JsonElement,
  find: (name: string) => JsonElement | undefined,
): PipedChoices {
  const name = String(element.name);
  const where = `question ${name}`;
  const sourceName = element.choicesFromQuestion;
  if (typeof sourceName !== 'string' || sourceName === '')
    throw new Error(`${where}: choicesFromQuestion must name a question`);
  const source = find(sourceName);
  if (!source) throw new Error(`${where}: choicesFromQuestion names ${sourceName}, not a question`);
  if (source === element)
    throw new Error(`${where}: choicesFromQuestion names the question itself`);
  if (!choiceTypes.has(String(source.type)))
    throw new Error(
      `${where}: choicesFromQuestion names ${sourceName}, a ${String(source.type)}, not a choice question`,
    );
  if (source.choicesFromQuestion !== undefined)
    throw new Error(
      `${where}: choicesFromQuestion names ${sourceName}, whose choices are piped too; the validator does not follow chains of piped choices`,
    );
  if (element.choices !== undefined)
    throw new Error(`${where}: lists choices, which SurveyJS ignores beside choicesFromQuestion`);
  const mode = pipeModeOf(element);
  if (element.isRequired === true && mode !== 'all' && element.hideIfChoicesEmpty !== true) {
    throw new Error(
      `${where}: is required, but its ${mode} choices from ${sourceName} can be empty, leaving nothing to answer; set hideIfChoicesEmpty`,
    );
  }
  const items = readItems(source, 'choices');
  const own = builtInOptions(element);
  const carriesOther =
    mode === 'selected' && element.showOtherItem !== true && source.showOtherItem === true;
  const sourceMultiple = multipleTypes.has(String(source.type));
  assertPipedMinimumReachable(element, source, { mode, items, own, carriesOther, where });
  return {
    source: String(source.name),
    offered(sourceValue, sourceComment) {
      if (mode === 'all') return [...items, ...own];
      const answered = !isEmptyAnswer(sourceValue);
      const ticked = (value: unknown): boolean =>
        answered &&
        (sourceMultiple
          ? Array.isArray(sourceValue) && sourceValue.includes(value)
          : sourceValue === value);
      const wanted = mode === 'selected';
      const offered = items.filter((item) => ticked(item.value) === wanted);
      // SurveyJS copies the typed text as the item's label; any non-empty text qualifies.
      if (carriesOther && ticked('other') && typeof sourceComment === 'string' && sourceComment)
        offered.push({
          value: 'other',
          label: { id: sourceComment, en: sourceComment },
          exclusive: false,
        });
      return [...offered, ...own];
    },
  };
}

/**
 * Throws when a multiple-choice question's `minSelectedChoices` is above the most choices its
 * piped options could ever let a respondent tick together: the source's non-exclusive choices
 * (in `selected` mode, no more than the source itself can tick: one for a single-choice source,
 * its `maxSelectedChoices` when set, plus the carried "other"), and the question's own
 * non-exclusive built-in items. SurveyJS would refuse every answer, so no one could finish.
 */
function assertPipedMinimumReachable(
  element: JsonElement,
  source: JsonElement,
  piped: {
    mode: ReturnType<typeof pipeModeOf>;
    items: readonly JsonOption[];
    own: readonly JsonOption[];
    carriesOther: boolean;
    where: string;
  },
): void {
  if (!multipleTypes.has(String(element.type))) return;
  const min = element.minSelectedChoices;
  if (typeof min !== 'number' || min <= 0) return;
  const { mode, items, own, carriesOther, where } = piped;
  let copied = items.filter((item) => !item.exclusive).length;
  if (mode === 'selected') {
    copied += carriesOther ? 1 : 0;
    const sourceMax = source.maxSelectedChoices;
    if (!multipleTypes.has(String(source.type))) copied = Math.min(copied, 1);
    else if (typeof sourceMax === 'number' && sourceMax > 0) copied = Math.min(copied, sourceMax);
  }
  const together = copied + own.filter((option) => !option.exclusive).length;
  if (min > together)
    throw new Error(
      `${where}: minSelectedChoices ${min} is more than the ${together} choices that can be ticked together (choices from ${String(source.name)}, ${mode} mode)`,
    );
}
