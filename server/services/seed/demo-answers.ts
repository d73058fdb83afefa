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
  const pick = <T>(key: string, items: readonly T[]): T => {
    const weights = sharesOf(key, items.length);
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
      case 'dropdown':
        return pick(name, plain(choiceOptions(question))).value;
      case 'rating':
        return pick(name, ratingOptions(question)).value;
      case 'boolean':
        return random() < 0.5;
      case 'checkbox':
      case 'tagbox': {
        const options = choiceOptions(question);
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
