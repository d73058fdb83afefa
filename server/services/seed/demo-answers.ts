// Generates plausible, valid answer sets for demo data, with uneven option shares so charts have shape.
import type { SurveyJson } from '../../../surveys/types.ts';
import { surveyElements, type JsonElement } from '../../../surveys/survey-json-elements.ts';
import {
  anyChoiceOptions,
  choiceOptions,
  ratingOptions,
  readItems,
  type JsonOption,
} from '../../../surveys/survey-json-options.ts';
import type { CompiledQuestionnaire } from '../validation/types.ts';
import { seededRandom } from './seeded-random.ts';

type Answers = Record<string, unknown>;

/**
 * Published rates to draw from, by variable (question name, or `question.row` for a matrix
 * row): for a single-choice variable the probability of each listed option (the unlisted ones
 * share the rest by the generator's own shares); for a multi-select question the probability
 * that each listed option is ticked. See `referenceTargets`.
 */
export type AnswerTargets = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * A generator of valid answer sets. It answers every question with options drawn from fixed,
 * uneven per-question shares, then lets the validator prune what the branching hides (an
 * answer to a hidden question is an error); a set that cannot be made valid is drawn again.
 *
 * @example
 * const next = demoAnswerGenerator(definition.json, compiled, 'demo');
 * const answers = next();
 */
export function demoAnswerGenerator(
  json: SurveyJson,
  compiled: CompiledQuestionnaire,
  seed: string,
  targets: AnswerTargets = new Map(),
): () => Answers {
  const random = seededRandom(seed);
  const questions = surveyElements(json).map((site) => site.element);
  const byName = new Map(questions.map((question) => [String(question.name), question]));
  // Dirichlet(1) shares per question, fixed for the whole run.
  const shares = new Map<string, number[]>();
  const sharesOf = (key: string, count: number): number[] => {
    let found = shares.get(key);
    if (!found) {
      const draw = seededRandom(`${seed}:${key}`);
      found = Array.from({ length: count }, () => -Math.log(1 - draw()));
      shares.set(key, found);
    }
    return found;
  };
  // Target probabilities replace the listed options' shares; the rest keep their proportions.
  const targeted = new Map<string, number[]>();
  const weightsOf = (key: string, items: readonly { value: string | number }[]): number[] => {
    const target = targets.get(key);
    if (!target) return sharesOf(key, items.length);
    let found = targeted.get(key);
    if (!found) {
      const own = sharesOf(key, items.length);
      const listed = items.map((item) => target.get(String(item.value)));
      const rest = 1 - listed.reduce<number>((s, p) => s + (p ?? 0), 0);
      const restShares = own.reduce((s, w, i) => (listed[i] === undefined ? s + w : s), 0);
      found = items.map(
        (_, i) => listed[i] ?? (restShares > 0 ? (own[i]! / restShares) * rest : 0),
      );
      targeted.set(key, found);
    }
    return found;
  };
  const pick = <T extends { value: string | number }>(key: string, items: readonly T[]): T => {
    const weights = weightsOf(key, items);
    let remaining = random() * weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < items.length; i++) {
      remaining -= weights[i]!;
      if (remaining < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  };

  const answer = (question: JsonElement, answers: Answers): unknown => {
    const name = String(question.name);
    if (typeof question.choicesFromQuestion === 'string') {
      // Piped choices: pick among what the source answer ticked (the validator prunes the rest).
      const ticked = answers[question.choicesFromQuestion];
      const offered = plain(anyChoiceOptions(question, (n) => byName.get(n))).filter(
        (option) => Array.isArray(ticked) && ticked.includes(option.value),
      );
      if (offered.length === 0) return undefined;
      const chosen = pick(name, offered).value;
      return question.type === 'checkbox' || question.type === 'tagbox' ? [chosen] : chosen;
    }
    switch (question.type) {
      case 'radiogroup':
      case 'dropdown': {
        // A published "other" share is drawn as "other" with a placeholder text.
        const options = choiceOptions(question);
        const otherRate = targets.get(name)?.get('other');
        if (otherRate !== undefined && options.some((o) => o.special === 'other')) {
          if (random() < otherRate) return 'other';
        }
        return pick(name, plain(options)).value;
      }
      case 'rating':
        return pick(name, ratingOptions(question)).value;
      case 'boolean':
        return random() < 0.5;
      case 'checkbox':
      case 'tagbox': {
        const options = choiceOptions(question);
        const target = targets.get(name);
        if (target) return tickAtRates(random, options, target, question.maxSelectedChoices);
        const exclusive = options.filter((o) => o.exclusive && o.special !== 'other');
        if (exclusive.length > 0 && random() < 0.1) return [pick(`${name}:x`, exclusive).value];
        const pool = plain(options);
        const max =
          typeof question.maxSelectedChoices === 'number' ? question.maxSelectedChoices : 3;
        const wanted = 1 + Math.floor(random() * Math.min(max, pool.length));
        const chosen = new Set<string | number>();
        for (let tries = 0; chosen.size < wanted && tries < 50; tries++) {
          chosen.add(pick(name, pool).value);
        }
        // SurveyJS keeps ticks in option order.
        return pool.filter((o) => chosen.has(o.value)).map((o) => o.value);
      }
      case 'matrix': {
        const columns = readItems(question, 'columns');
        return Object.fromEntries(
          readItems(question, 'rows').map((row) => [
            String(row.value),
            pick(`${name}.${String(row.value)}`, columns).value,
          ]),
        );
      }
      default:
        // Free text and display elements: demo respondents leave them empty.
        return undefined;
    }
  };

  return () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const answers: Answers = {};
      for (const question of questions) {
        const value = answer(question, answers);
        if (value !== undefined) answers[String(question.name)] = value;
        if (value === 'other') answers[`${String(question.name)}-Comment`] = otherText;
      }
      for (let round = 0; round < 10; round++) {
        const problems = compiled.validate(answers);
        if (problems.length === 0) return answers;
        const before = JSON.stringify(answers);
        for (const { question } of problems) prune(answers, question);
        if (JSON.stringify(answers) === before) break;
      }
    }
    throw new Error('Could not generate a valid demo answer set');
  };
}

/** The text a synthetic respondent types for "other". */
const otherText = 'Lainnya (data sintetis)';

/** Chance that an option without a published rate is ticked. */
const unlistedTickRate = 0.05;

/**
 * Ticks each option independently, keeps at most `maxSelected` (dropping at random) and, when
 * none came up, one drawn in proportion to the rates (a required question has an answer). The
 * rates are first scaled down by the fixed point of r = target / (1 + P(none) / Σr), so that
 * with that extra tick every option's marginal rate is its target (options without a published
 * rate get a small one). Options stay in order.
 */
function tickAtRates(
  random: () => number,
  options: JsonOption[],
  target: ReadonlyMap<string, number>,
  maxSelected: unknown,
): (string | number)[] {
  const pool = plain(options);
  const wanted = pool.map((o) => target.get(String(o.value)) ?? unlistedTickRate);
  let rates = wanted;
  for (let round = 0; round < 50; round++) {
    const none = rates.reduce((p, r) => p * (1 - r), 1);
    const sum = rates.reduce((s, r) => s + r, 0);
    rates = wanted.map((r) => r / (1 + none / sum));
  }
  let ticked = pool.filter((_, i) => random() < rates[i]!);
  const max = typeof maxSelected === 'number' ? maxSelected : pool.length;
  while (ticked.length > max) ticked.splice(Math.floor(random() * ticked.length), 1);
  if (ticked.length === 0) {
    let u = random() * rates.reduce((s, r) => s + r, 0);
    const index = rates.findIndex((r) => (u -= r) < 0);
    ticked = [pool[index < 0 ? pool.length - 1 : index]!];
  }
  return ticked.map((o) => o.value);
}

/** Drops the answer a problem names: a whole question, or one row of a matrix (a hidden row). */
function prune(answers: Answers, key: string): void {
  const [name, row] = key.split('.') as [string, string | undefined];
  const value = answers[name];
  if (row !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const rows = value as Record<string, unknown>;
    delete rows[row];
    if (Object.keys(rows).length > 0) return;
  }
  delete answers[name];
}

/** Options a demo respondent may pick: no "other" (it needs a text), no exclusive items. */
function plain(options: JsonOption[]): JsonOption[] {
  const usable = options.filter((o) => !o.exclusive && o.special !== 'other');
  return usable.length > 0 ? usable : options.filter((o) => o.special !== 'other');
}
