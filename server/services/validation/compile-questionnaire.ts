// Compiles a SurveyJS questionnaire once into a fast validator with SurveyJS semantics, instead of a Model per request.

import type { SurveyJson } from '../../../surveys/types.ts';
import { surveyElements } from '../../../surveys/survey-json-elements.ts';
import type { JsonElement } from '../../../surveys/survey-json-elements.ts';
import { readItems } from '../../../surveys/survey-json-options.ts';
import type { AnswerItem, CompiledQuestionnaire, ValidationProblem } from './types.ts';
import { compileCondition } from './compiled-condition.ts';
import type { CompiledCondition } from './compiled-condition.ts';
import { assertSupportedProperties } from './supported-properties.ts';
import { checkText, compileQuestionCheck, defaultTextLimit } from './question-checks.ts';
import type { OfferedNow, QuestionCheck } from './question-checks.ts';
import { compilePipedChoices } from './piped-choices.ts';
import type { PipedChoices } from './piped-choices.ts';
import { assertSatisfiable } from './contradictions.ts';
import { isEmptyAnswer, isPlainObject } from './empty-answer.ts';
import { visibilityOrder } from './visibility-order.ts';

interface CompiledQuestion {
  check: QuestionCheck;
  /** visibleIf of the page, the enclosing panels and the question itself, outermost first. */
  visibleIf: CompiledCondition[];
  /** `visible: false` on the question or a container: never shown, never answerable. */
  neverShown: boolean;
  required: boolean;
  requiredIf: CompiledCondition | undefined;
  /** `<name>-Comment`, where the "other" text of a question with an other item arrives. */
  commentKey: string | undefined;
  /** Choices copied from another question (`choicesFromQuestion`). */
  piped: PipedChoices | undefined;
  /** `hideIfChoicesEmpty` / `hideIfRowsEmpty`: hidden while it offers nothing. */
  hideIfEmpty: boolean;
  /** Fixed choices of a non-piped choice question with `hideIfChoicesEmpty`: none means never shown. */
  hasFixedChoices: boolean;
  /** Matrix rows and the `rowsVisibleIf` that decides which of them are shown. */
  rows: { values: (string | number)[]; visibleIf: CompiledCondition } | undefined;
}

// A blank string is no answer to SurveyJS's required check: `Question.isEmpty` trims it first.
function isBlankText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '';
}

const displayOnlyTypes = new Set(['html']);

function read(answers: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(answers, key) ? answers[key] : undefined;
}

function assertSupportedItems(element: JsonElement, where: string): void {
  const choiceLists = ['choices'];
  const plainLists = ['rows', 'columns', 'rateValues'];
  for (const [lists, kind] of [
    [choiceLists, 'choiceItem'],
    [plainLists, 'item'],
  ] as const) {
    for (const list of lists) {
      const items = element[list];
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (isPlainObject(item)) assertSupportedProperties(item, kind, `${where}.${list}`);
      }
      const values = readItems(element, list).map((item) => item.value);
      if (new Set(values).size !== values.length)
        throw new Error(`${where}: "${list}" repeats a value`);
    }
  }
}

/**
 * Compiles a questionnaire's SurveyJS JSON into a validator. Do it once per questionnaire
 * version and reuse the result: compiling walks the JSON and parses every condition with
 * survey-core's expression engine; validating then costs microseconds.
 *
 * Throws when the JSON uses a question type, property or condition the validator does not
 * implement, so a future questionnaire cannot silently bypass validation.
 *
 * @example
 * const compiled = compileQuestionnaire(netralitasAsn.json);
 * compiled.validate({ A4: 'laki_laki' }) // [{ question: 'A5', problem: 'required' }, …]
 */
export function compileQuestionnaire(json: SurveyJson): CompiledQuestionnaire {
  assertSupportedProperties(json, 'survey', 'survey');
  if (json.pages !== undefined && json.elements !== undefined) {
    throw new Error('survey: has both "pages" and top-level "elements"; SurveyJS would ignore one');
  }
  const sites = surveyElements(json);
  const seenPages = new Set<JsonElement>();
  const seenPanels = new Set<JsonElement>();
  const questionSites = [];
  for (const site of sites) {
    if (!seenPages.has(site.page)) {
      seenPages.add(site.page);
      assertSupportedProperties(site.page, 'page', `page ${String(site.page.name)}`);
    }
    for (const panel of site.panels) {
      if (seenPanels.has(panel)) continue;
      seenPanels.add(panel);
      assertSupportedProperties(panel, 'panel', `panel ${String(panel.name)}`);
    }
    const type = String(site.element.type);
    const where = `question ${String(site.element.name)}`;
    if (typeof site.element.name !== 'string' || site.element.name === '') {
      throw new Error(`a ${type} element has no name`);
    }
    assertSupportedProperties(site.element, type, where);
    if (displayOnlyTypes.has(type)) continue;
    assertSupportedItems(site.element, where);
    assertSatisfiable(site.element);
    questionSites.push(site);
  }

  const names = questionSites.map((site) => String(site.element.name));
  const byLowerName = new Map<string, string>();
  for (const name of names) {
    // SurveyJS resolves names case-insensitively, so `a7` and `A7` would be one variable.
    if (byLowerName.has(name.toLowerCase())) throw new Error(`question name ${name} is used twice`);
    byLowerName.set(name.toLowerCase(), name);
  }
  const indexOf = new Map(names.map((name, index) => [name, index]));
  const elementByName = new Map(
    questionSites.map((site) => [String(site.element.name), site.element]),
  );
  const containerConditions = new Map<JsonElement, CompiledCondition>();
  const conditionOf = (holder: JsonElement, where: string): CompiledCondition[] => {
    if (holder.visibleIf === undefined) return [];
    if (typeof holder.visibleIf !== 'string')
      throw new Error(`${where}: visibleIf must be a string`);
    let compiled = containerConditions.get(holder);
    if (!compiled) {
      compiled = compileCondition(holder.visibleIf, `${where}.visibleIf`, byLowerName);
      containerConditions.set(holder, compiled);
    }
    return [compiled];
  };

  const questions: CompiledQuestion[] = questionSites.map(({ element, page, panels }) => {
    const name = String(element.name);
    const check = compileQuestionCheck(element);
    if (element.requiredIf !== undefined && typeof element.requiredIf !== 'string') {
      throw new Error(`question ${name}: requiredIf must be a string`);
    }
    const piped =
      element.choicesFromQuestion === undefined
        ? undefined
        : compilePipedChoices(element, (source) =>
            elementByName.get(byLowerName.get(source.toLowerCase()) ?? ''),
          );
    let rows: CompiledQuestion['rows'];
    if (element.rowsVisibleIf !== undefined) {
      if (typeof element.rowsVisibleIf !== 'string')
        throw new Error(`question ${name}: rowsVisibleIf must be a string`);
      if (byLowerName.has('item'))
        throw new Error(
          `question ${name}: rowsVisibleIf's {item} would read the question named item`,
        );
      rows = {
        values: readItems(element, 'rows').map((row) => row.value),
        visibleIf: compileCondition(
          element.rowsVisibleIf,
          `question ${name}.rowsVisibleIf`,
          byLowerName,
          true,
        ),
      };
    }
    return {
      check,
      visibleIf: [
        ...conditionOf(page, `page ${String(page.name)}`),
        ...panels.flatMap((panel) => conditionOf(panel, `panel ${String(panel.name)}`)),
        ...conditionOf(element, `question ${name}`),
      ],
      neverShown: [page, ...panels, element].some((holder) => holder.visible === false),
      required: element.isRequired === true,
      requiredIf:
        typeof element.requiredIf === 'string'
          ? compileCondition(element.requiredIf, `question ${name}.requiredIf`, byLowerName)
          : undefined,
      commentKey: check.hasOther ? `${name}-Comment` : undefined,
      piped,
      hideIfEmpty: element.hideIfChoicesEmpty === true || element.hideIfRowsEmpty === true,
      hasFixedChoices:
        element.type === 'matrix'
          ? readItems(element, 'rows').length > 0
          : readItems(element, 'choices').length > 0,
      rows,
    };
  });

  // A question waits for what its conditions read, for the source of its piped choices and
  // for what its rowsVisibleIf reads.
  const order = visibilityOrder(
    names,
    questions.map((question) =>
      [
        ...question.visibleIf.flatMap((condition) => condition.dependsOn),
        ...(question.piped ? [question.piped.source] : []),
        ...(question.rows ? question.rows.visibleIf.dependsOn : []),
      ].map((dep) => indexOf.get(dep) ?? -1),
    ),
  );
  const knownKeys = new Set<string>(names);
  for (const question of questions) if (question.commentKey) knownKeys.add(question.commentKey);

  function validate(answers: unknown): ValidationProblem[] {
    if (!isPlainObject(answers))
      return [{ question: '', problem: 'answers must be a JSON object' }];
    // Conditions see only answers of questions already found visible, so a hidden parent hides its children.
    const shownValues: Record<string, unknown> = {};
    // In visibility order every question a condition reads is settled before the condition
    // runs, so an expression repeated on several questions ("{B1} = 'ya'") holds the same
    // for all of them; running survey-core's engine once each is most of validation's cost.
    const outcomes = new Map<string, boolean>();
    const holds = (condition: CompiledCondition): boolean => {
      let outcome = outcomes.get(condition.expression);
      if (outcome === undefined) {
        outcome = condition.test(shownValues);
        outcomes.set(condition.expression, outcome);
      }
      return outcome;
    };
    const visible = new Array<boolean>(questions.length).fill(false);
    const offeredNow = new Array<OfferedNow | undefined>(questions.length);
    for (const index of order) {
      const question = questions[index];
      if (!question) continue;
      let isVisible = !question.neverShown && question.visibleIf.every(holds);
      if (isVisible) {
        const offered = offeredTo(question, shownValues);
        offeredNow[index] = offered;
        if (question.hideIfEmpty) isVisible = offersSomething(question, offered);
      }
      visible[index] = isVisible;
      if (!isVisible) continue;
      const value = read(answers, question.check.name);
      if (!isEmptyAnswer(value)) shownValues[question.check.name] = value;
      if (question.commentKey) {
        const comment = read(answers, question.commentKey);
        if (!isEmptyAnswer(comment)) shownValues[question.commentKey] = comment;
      }
    }

    const problems: ValidationProblem[] = [];
    questions.forEach((question, index) => {
      const { check, commentKey } = question;
      const value = read(answers, check.name);
      const empty = isEmptyAnswer(value);
      const comment = commentKey ? read(answers, commentKey) : undefined;
      const commentEmpty = isEmptyAnswer(comment);
      if (!visible[index]) {
        if (!empty)
          problems.push({ question: check.name, problem: 'answered but hidden by its condition' });
        if (commentKey && !commentEmpty) {
          problems.push({ question: commentKey, problem: 'answered but hidden by its condition' });
        }
        return;
      }
      const requiredNow = question.required || (question.requiredIf?.test(shownValues) ?? false);
      if (empty) check.checkMissing(requiredNow, problems);
      else if (requiredNow && isBlankText(value))
        problems.push({ question: check.name, problem: 'required' });
      else check.check(value, problems, offeredNow[index]);
      if (!commentKey) return;
      const otherChosen = !empty && check.selectsOther(value);
      if (!commentEmpty) checkText(commentKey, comment, defaultTextLimit, problems);
      if (otherChosen && (commentEmpty || (typeof comment === 'string' && comment.trim() === ''))) {
        problems.push({ question: commentKey, problem: 'required when "other" is chosen' });
      } else if (!otherChosen && !commentEmpty) {
        problems.push({ question: commentKey, problem: 'given but "other" is not chosen' });
      }
    });
    for (const key of Object.keys(answers)) {
      if (!knownKeys.has(key)) problems.push({ question: key, problem: 'unknown question' });
    }
    return problems;
  }

  // Piped choices and matrix rows a rowsVisibleIf leaves shown, from the answers shown so far.
  function offeredTo(
    question: CompiledQuestion,
    shownValues: Record<string, unknown>,
  ): OfferedNow | undefined {
    if (question.piped) {
      const { source } = question.piped;
      return {
        choices: question.piped.offered(shownValues[source], shownValues[`${source}-Comment`]),
      };
    }
    if (question.rows) {
      const { values, visibleIf } = question.rows;
      return {
        rows: new Set(
          values
            .filter((item) => visibleIf.test({ ...shownValues, item }))
            .map((item) => String(item)),
        ),
      };
    }
    return undefined;
  }

  function offersSomething(question: CompiledQuestion, offered: OfferedNow | undefined): boolean {
    if (offered?.choices) return offered.choices.length > 0;
    if (offered?.rows) return offered.rows.size > 0;
    return question.hasFixedChoices;
  }

  function answerItems(answers: Record<string, unknown>): AnswerItem[] {
    const items: AnswerItem[] = [];
    for (const { check } of questions) {
      const value = read(answers, check.name);
      if (!isEmptyAnswer(value)) check.items(value, items);
    }
    return items;
  }

  return {
    validate,
    answerItems,
    multiSelectVariables: new Set(
      questions.filter((q) => q.check.multiSelect).map((q) => q.check.name),
    ),
  };
}
