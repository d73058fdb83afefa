// Drives survey-core's Model as a respondent would: answers page by page, goes back to change answers that steer branching, completes.

import { ConditionRunner } from 'survey-core';
import type {
  ItemValue,
  Question,
  QuestionCheckboxModel,
  QuestionMatrixModel,
  QuestionSelectBase,
  SurveyModel,
} from 'survey-core';
import type { SurveyJson } from '../../surveys/types.ts';
import { surveyElements } from '../../surveys/survey-json-elements.ts';
import type { Random } from './answer-set-generator.ts';

/**
 * The questions whose answers steer what others show (conditions, piped choices, shown matrix
 * rows), each with its depth in the chain: 0 for a head (steered by nothing), 1 for a question
 * a head steers, and so on.
 */
export function steeringDepths(json: SurveyJson): Map<string, number> {
  const sites = surveyElements(json);
  const lowerToName = new Map(
    sites.map((s) => [String(s.element.name).toLowerCase(), String(s.element.name)]),
  );
  const readsOf = (expression: unknown): string[] =>
    typeof expression === 'string'
      ? new ConditionRunner(expression)
          .getVariables()
          .map((variable) => lowerToName.get(variable.split(/[.[-]/)[0]!.toLowerCase()))
          .filter((name): name is string => name !== undefined)
      : [];
  const dependsOn = new Map<string, string[]>();
  const steering = new Set<string>();
  for (const { element, page, panels } of sites) {
    const deps = [
      ...[page, ...panels, element].flatMap((holder) => readsOf(holder.visibleIf)),
      ...readsOf(element.rowsVisibleIf),
      ...(typeof element.choicesFromQuestion === 'string' ? [element.choicesFromQuestion] : []),
    ];
    dependsOn.set(String(element.name), deps);
    for (const dep of deps) steering.add(dep);
  }
  const depth = (name: string, seen = new Set<string>()): number => {
    const deps = dependsOn.get(name) ?? [];
    if (deps.length === 0 || seen.has(name)) return 0;
    seen.add(name);
    return 1 + Math.max(...deps.map((dep) => depth(dep, seen)));
  };
  return new Map([...steering].map((name) => [name, depth(name)]));
}

const words = ['netral', 'kampanye', 'atasan', 'sanksi', 'laporan', 'pilkada', 'instansi'];

function someText(random: Random): string {
  return Array.from({ length: 1 + random.int(6) }, () => random.pick(words)).join(' ');
}

function values(items: readonly ItemValue[]): unknown[] {
  return items.map((item) => item.value as unknown);
}

/**
 * A value a person could give `question` now, from what the page shows it: its visible
 * choices (piped ones included), visible matrix rows, drawn rating values; `undefined` when
 * it offers nothing. `avoid` is the current value, to give a different answer when changing.
 */
function answerFor(question: Question, random: Random, avoid?: unknown): unknown {
  const type = question.getType();
  if (type === 'radiogroup' || type === 'dropdown' || type === 'rating') {
    const offered = values((question as QuestionSelectBase).visibleChoices).filter(
      (value) => value !== avoid,
    );
    return offered.length > 0 ? random.pick(offered) : undefined;
  }
  if (type === 'checkbox' || type === 'tagbox') {
    const checkbox = question as QuestionCheckboxModel;
    const choices = checkbox.visibleChoices;
    if (choices.length === 0) return undefined;
    const exclusive = choices.filter((item) => item.isExclusive);
    if (exclusive.length > 0 && random.chance(0.15)) return [random.pick(exclusive).value];
    const pool = choices.filter((item) => !item.isExclusive).map((item) => item.value as unknown);
    if (pool.length === 0) return [random.pick(exclusive).value];
    const min = Math.max(1, checkbox.minSelectedChoices);
    const max = checkbox.maxSelectedChoices > 0 ? checkbox.maxSelectedChoices : pool.length;
    const wanted = Math.min(pool.length, min + random.int(Math.max(1, max - min + 1)));
    const chosen = new Set<unknown>();
    while (chosen.size < wanted) chosen.add(random.pick(pool));
    return pool.filter((value) => chosen.has(value));
  }
  if (type === 'matrix') {
    const matrix = question as QuestionMatrixModel;
    const rows = matrix.visibleRows.map((row) => row.name);
    const columns = values(matrix.visibleColumns);
    if (rows.length === 0 || columns.length === 0) return undefined;
    const every = matrix.eachRowRequired || random.chance(0.5);
    const value: Record<string, unknown> = {};
    for (const row of rows) if (every || random.chance(0.6)) value[row] = random.pick(columns);
    if (Object.keys(value).length === 0) value[rows[0]!] = random.pick(columns);
    return value;
  }
  if (type === 'text' || type === 'comment') return someText(random);
  if (type === 'boolean') return random.chance(0.5);
  throw new Error(`no answer for question type ${type}`);
}

function selectsOther(question: Question, value: unknown): boolean {
  const select = question as QuestionSelectBase;
  if (!select.showOtherItem) return false;
  return Array.isArray(value) ? value.includes('other') : value === 'other';
}

/** What one path submitted, for the test's checks and figures. */
export interface PathRecord {
  /** Answers changed after going back on this path. */
  changes: number;
  /** Times Complete stopped on a question the completion's clearing left empty. */
  refusals: number;
  /** Answers SurveyJS still showed just before completion that the fixed point cleared (hidden through a chain). */
  clearedThroughChains: string[];
  completed: boolean;
  data: Record<string, unknown>;
}

/**
 * A respondent session in `model` (made by the page's own factory), yielding `paths` completed
 * paths. It starts afresh and answers every visible required question and most optional ones
 * page by page, pressing Next (which validates each page). Each path then goes back to a
 * question that steers branching (the first change of a path among the heads of chains),
 * gives it another answer or clears an optional one, 1–3 times, answering whatever newly
 * became required (and some newly shown optional questions) after each change, and presses
 * Complete on the last page. The next path resumes from what was sent, as the page does when
 * the server refuses a submission (`clear(false, false)`), so paths differ in their changes
 * while the session pays for the first page-by-page pass once. Questions that steer nothing
 * are answered a page at a time with one `mergeData` on the first pass (a tenth of the cost of
 * typing them); everything else one by one, as typed.
 *
 * @example
 * for (const record of respondentSession(createSurveyModel(json, 'id', undefined), seededRandom(7), steeringDepths(json), 20)) …
 */
export function* respondentSession(
  model: SurveyModel,
  random: Random,
  steering: ReadonlyMap<string, number>,
  paths: number,
): Generator<PathRecord> {
  // Answers the shown, unanswered questions of `questions` in order; steering ones typed one
  // at a time, so what they show or offer is known before the questions after them.
  const shownNow = (question: Question): boolean => question.isVisible && question.isParentVisible;
  const fill = (questions: readonly Question[], optionalChance: number, batched: boolean): void => {
    let batch: Record<string, unknown> = {};
    const flush = (): void => {
      if (Object.keys(batch).length > 0) model.mergeData(batch);
      batch = {};
    };
    for (const question of questions) {
      const steers = steering.has(question.name);
      const steered = Boolean(question.choicesFromQuestion) || question.getType() === 'matrix';
      if (steers || steered) flush();
      if (!shownNow(question) || !question.isEmpty()) continue;
      if (!question.isRequired && !random.chance(optionalChance)) continue;
      const value = answerFor(question, random);
      if (value === undefined) continue;
      const comment = selectsOther(question, value) ? someText(random) : undefined;
      if (steers || !batched) {
        question.value = value;
        if (comment !== undefined) question.comment = comment;
      } else {
        batch[question.name] = value;
        if (comment !== undefined) batch[`${question.name}-Comment`] = comment;
      }
    }
    flush();
  };

  model.clear(true, true);
  for (;;) {
    fill(model.currentPage.questions, 0.7, true);
    if (model.isLastPage) break;
    // A refused Next shows what is missing (survey-core refreshes piped choices late when
    // only the source's "other" text changed); the person answers it and tries again.
    let tries = 0;
    while (!model.nextPage()) {
      tries += 1;
      if (tries > 2) {
        const errors = model.currentPage.questions
          .filter((q: Question) => q.errors.length > 0)
          .map((q: Question) => `${q.name}: ${q.errors.map((e) => e.getErrorType()).join(', ')}`);
        throw new Error(`Next was refused on ${model.currentPage.name}: ${errors.join(' | ')}`);
      }
      fill(model.currentPage.questions, 0, false);
    }
  }

  const byDepth = [...steering].sort((a, b) => a[1] - b[1]);
  const all = model.getAllQuestions();
  for (let path = 0; path < paths; path += 1) {
    if (model.state === 'completed') model.clear(false, false);
    const changes = 1 + random.int(3);
    for (let change = 0; change < changes; change += 1) {
      const shown = byDepth
        .map(([name, depth]) => ({ question: model.getQuestionByName(name), depth }))
        .filter(({ question }) => shownNow(question));
      if (shown.length === 0) break;
      // Heads of chains first: a path's first change picks among the shallowest shown questions.
      const shallowest = Math.min(...shown.map((entry) => entry.depth));
      const pool = change === 0 ? shown.filter((entry) => entry.depth === shallowest) : shown;
      const { question } = random.pick(pool);
      const before = new Set(all.filter(shownNow));
      if (!question.isRequired && !question.isEmpty() && random.chance(0.2)) {
        question.clearValue();
      } else {
        const value = answerFor(question, random, question.value);
        if (value !== undefined) question.value = value;
        if (selectsOther(question, value)) question.comment = someText(random);
      }
      // The person answers what the change newly showed (required always, optional often)
      // and anything shown that is required and still empty, in questionnaire order.
      fill(
        all.filter((q) => !before.has(q) || q.isRequired),
        0.6,
        false,
      );
    }
    const shownWithValue = all.filter((q) => shownNow(q) && !q.isEmpty()).map((q) => q.name);
    model.currentPage = model.visiblePages[model.visiblePages.length - 1]!;
    let refusals = 0;
    // Completion clears hidden answers; if that empties a required question (a piped choice
    // no longer offered), the page shows it and the person answers it, then completes again.
    while (!model.completeLastPage() && refusals < 3) {
      refusals += 1;
      fill(all, 0, false);
      model.currentPage = model.visiblePages[model.visiblePages.length - 1]!;
    }
    const completed = model.state === 'completed';
    const data = model.data as Record<string, unknown>;
    yield {
      changes,
      refusals,
      clearedThroughChains: shownWithValue.filter((name) => !(name in data)),
      completed,
      data,
    };
  }
}
