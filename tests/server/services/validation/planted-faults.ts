// Faults to plant in a valid answer set, one kind each, with the question the validator must name.

import type { GeneratorQuestion, Random } from '../../../helpers/answer-set-generator.ts';
import {
  offeredChoices,
  offeredRows,
  shownQuestions,
  validAnswer,
} from '../../../helpers/answer-set-generator.ts';
import {
  choiceOptions,
  pipedChoiceOptions,
  ratingOptions,
  readItems,
} from '../../../../surveys/survey-json-options.ts';

/** An answer set with one planted fault and the question key a validator must report. */
export interface PlantedFault {
  kind: string;
  answers: Record<string, unknown>;
  /** The problem's `question`: a name, `matrix.row`, `<name>-Comment`, or an unknown key. */
  expect: string;
  /** A variant SurveyJS accepts (e.g. an exclusive item alone under a minimum): no problem expected. */
  valid?: boolean;
}

type Planter = (
  random: Random,
  questions: GeneratorQuestion[],
  valid: Record<string, unknown>,
) => Omit<PlantedFault, 'kind'> | undefined;

const hasOther = (question: GeneratorQuestion) => question.element.showOtherItem === true;
const isSingle = (question: GeneratorQuestion) =>
  question.type === 'radiogroup' || question.type === 'dropdown';

function shownAnswered(
  questions: GeneratorQuestion[],
  valid: Record<string, unknown>,
  filter: (q: GeneratorQuestion) => boolean,
) {
  const shown = shownQuestions(questions, valid);
  return questions.filter(
    (question) =>
      shown.has(question.name) && valid[question.name] !== undefined && filter(question),
  );
}

function hidden(
  questions: GeneratorQuestion[],
  valid: Record<string, unknown>,
  filter: (q: GeneratorQuestion) => boolean,
) {
  const shown = shownQuestions(questions, valid);
  return questions.filter((question) => !shown.has(question.name) && filter(question));
}

function withAnswer(
  valid: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  return { ...valid, [key]: value };
}

function without(valid: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const copy = { ...valid };
  for (const key of keys) delete copy[key];
  return copy;
}

// A number near the scale that it does not draw.
function outsideScale(random: Random, question: GeneratorQuestion): number {
  const scale = ratingOptions(question.element).map((option) => Number(option.value));
  const low = Math.min(...scale);
  const high = Math.max(...scale);
  const candidates = [low - 1, high + 1, low + 0.5, high + 10, 0, 5, -1].filter(
    (value) => !scale.includes(value),
  );
  return random.pick(candidates);
}

const textTypes = new Set(['text', 'comment']);

/** Every kind of fault, by name; a planter returns undefined when the set offers no place for it. */
export const planters: Record<string, Planter> = {
  'missing required answer': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) => q.required);
    if (candidates.length === 0) return undefined;
    const { name } = random.pick(candidates);
    return { answers: without(valid, name, `${name}-Comment`), expect: name };
  },
  'missing matrix row': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) => q.element.eachRowRequired === true);
    if (candidates.length === 0) return undefined;
    const { name } = random.pick(candidates);
    const rows = { ...(valid[name] as Record<string, unknown>) };
    const row = random.pick(Object.keys(rows));
    delete rows[row];
    return { answers: withAnswer(valid, name, rows), expect: `${name}.${row}` };
  },
  'answer to a hidden question': (random, questions, valid) => {
    // A piped question hidden for want of choices has no valid answer to give it.
    const candidates = hidden(
      questions,
      valid,
      (q) => q.source === undefined && q.rowsCondition === undefined,
    );
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const { value } = validAnswer(random, question, valid);
    return { answers: withAnswer(valid, question.name, value), expect: question.name };
  },
  'answers hidden through a chain': (random, questions, valid) => {
    const h6 = questions.find((q) => q.name === 'H6');
    if (!h6) return undefined;
    // H2 no longer 'ya' hides H5, and H6 with it, although H5 = 'tidak' would show H6 on its own.
    const answers: Record<string, unknown> = without(
      valid,
      'H3',
      'H4',
      'H3-Comment',
      'H4-Comment',
      'H6-Comment',
    );
    answers.H2 = random.pick(['tidak', 'tidak_ingin_menjawab']);
    answers.H5 = 'tidak';
    const { value, comment } = validAnswer(random, h6);
    answers.H6 = value;
    if (comment !== undefined) answers['H6-Comment'] = comment;
    return { answers, expect: 'H6' };
  },
  'unknown key': (random, _questions, valid) => {
    const key = random.pick([
      'Z99',
      'a4',
      'F1',
      'A4-Comment',
      'provinsi',
      'H1.medsos',
      'constructor',
    ]);
    return {
      answers: withAnswer(valid, key, random.pick(['ya', 1, ['x']])),
      expect: key,
    };
  },
  'value outside the choices': (random, questions, valid) => {
    const candidates = shownAnswered(
      questions,
      valid,
      (q) => isSingle(q) || q.type === 'checkbox' || q.type === 'rating',
    );
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const current = valid[question.name];
    let value: unknown;
    if (question.type === 'rating') value = outsideScale(random, question);
    else if (question.type === 'checkbox')
      value = [...(current as unknown[]).slice(1), 'bukan_pilihan'];
    else value = random.pick(['bukan_pilihan', 'Ya', 'LAINNYA', '']);
    if (value === '') value = ' ';
    return { answers: withAnswer(valid, question.name, value), expect: question.name };
  },
  'value of the wrong type': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, () => true);
    const question = random.pick(candidates);
    const current = valid[question.name];
    let value: unknown;
    if (isSingle(question)) value = random.pick([[current], { value: current }, true, 1]);
    else if (question.type === 'checkbox')
      value = random.pick([(current as unknown[])[0], { 0: current }, 3]);
    else if (question.type === 'rating') value = random.pick([String(current), [current], true]);
    else if (question.type === 'matrix')
      value = random.pick([Object.values(current as object), 'F1', 4]);
    else value = random.pick([42, ['teks'], { teks: 'x' }, true]);
    return { answers: withAnswer(valid, question.name, value), expect: question.name };
  },
  'more choices than allowed': (random, questions, valid) => {
    const candidates = shownAnswered(
      questions,
      valid,
      (q) => typeof q.element.maxSelectedChoices === 'number',
    );
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const max = question.element.maxSelectedChoices as number;
    const values = choiceOptions(question.element)
      .filter((option) => !option.exclusive && option.value !== 'other')
      .map((option) => option.value);
    const chosen = values.slice(0, max + 1 + random.int(2));
    return {
      answers: without(withAnswer(valid, question.name, chosen), `${question.name}-Comment`),
      expect: question.name,
    };
  },
  'the same choice twice': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) => q.type === 'checkbox');
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const current = valid[question.name] as unknown[];
    return {
      answers: withAnswer(valid, question.name, [...current, current[0]]),
      expect: question.name,
    };
  },
  'exclusive choice combined with another': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) =>
      choiceOptions(q.element).some((o) => o.exclusive),
    );
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const options = choiceOptions(question.element);
    const exclusive = random.pick(options.filter((option) => option.exclusive)).value;
    const other = random.pick(
      options.filter((option) => !option.exclusive && option.value !== 'other'),
    ).value;
    return {
      answers: withAnswer(
        valid,
        question.name,
        random.chance(0.5) ? [exclusive, other] : [other, exclusive],
      ),
      expect: question.name,
    };
  },
  'unknown matrix row': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) => q.type === 'matrix');
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const row = random.pick(['X9', 'F7', 'i1', '']);
    return withRowAnswered(valid, question, row);
  },
  'matrix cell outside the columns': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) => q.type === 'matrix');
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const rows = { ...(valid[question.name] as Record<string, unknown>) };
    const row = random.pick(Object.keys(rows));
    const cell = rows[row];
    rows[row] = random.pick([5, 0, 'setuju', typeof cell === 'number' ? String(cell) : 3, [cell]]);
    return {
      answers: withAnswer(valid, question.name, rows),
      expect: `${question.name}.${row}`,
    };
  },
  '"other" ticked without its text': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, hasOther);
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const value = question.type === 'checkbox' ? ['other'] : 'other';
    const answers = without(withAnswer(valid, question.name, value), `${question.name}-Comment`);
    if (random.chance(0.3)) answers[`${question.name}-Comment`] = '';
    return { answers, expect: `${question.name}-Comment` };
  },
  '"other" text without "other" ticked': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) => {
      const value = valid[q.name];
      return hasOther(q) && value !== 'other' && !(Array.isArray(value) && value.includes('other'));
    });
    if (candidates.length === 0) return undefined;
    const { name } = random.pick(candidates);
    return {
      answers: withAnswer(valid, `${name}-Comment`, 'sesuatu'),
      expect: `${name}-Comment`,
    };
  },
  'text over the length limit': (random, questions, valid) => {
    if (random.chance(0.5)) {
      const h9 = shownAnswered(questions, { ...valid, H9: 'x' }, (q) => q.name === 'H9');
      if (h9.length > 0)
        return {
          answers: withAnswer(valid, 'H9', 'a'.repeat(2001 + random.int(500))),
          expect: 'H9',
        };
    }
    const candidates = shownAnswered(questions, valid, hasOther);
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const answers = withAnswer(
      valid,
      question.name,
      question.type === 'checkbox' ? ['other'] : 'other',
    );
    answers[`${question.name}-Comment`] = 'b'.repeat(2001 + random.int(500));
    return { answers, expect: `${question.name}-Comment` };
  },
  '"other" text for a hidden question': (random, questions, valid) => {
    const candidates = hidden(questions, valid, hasOther);
    if (candidates.length === 0) return undefined;
    const { name } = random.pick(candidates);
    return {
      answers: withAnswer(valid, `${name}-Comment`, 'teks'),
      expect: `${name}-Comment`,
    };
  },
  'an exclusive choice alone under a minimum': (random, questions, valid) => {
    // Only where the answer steers nothing, so the variant stays a valid set.
    const steering = steeringNames(questions);
    const candidates = shownAnswered(
      questions,
      valid,
      (q) =>
        !steering.has(q.name.toLowerCase()) &&
        typeof q.element.minSelectedChoices === 'number' &&
        q.element.minSelectedChoices > 1 &&
        offeredChoices(q, valid).some((option) => option.exclusive),
    );
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const exclusive = random.pick(offeredChoices(question, valid).filter((o) => o.exclusive));
    const answers = without(
      withAnswer(valid, question.name, [exclusive.value]),
      `${question.name}-Comment`,
    );
    return { answers, expect: question.name, valid: true };
  },
  'fewer choices than the minimum': (random, questions, valid) => {
    const candidates = shownAnswered(
      questions,
      valid,
      (q) => typeof q.element.minSelectedChoices === 'number' && q.element.minSelectedChoices > 1,
    );
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    const plain = offeredChoices(question, valid).filter(
      (option) => !option.exclusive && option.special === undefined,
    );
    const answers = without(
      withAnswer(valid, question.name, [random.pick(plain).value]),
      `${question.name}-Comment`,
    );
    return { answers, expect: question.name };
  },
  'blank answer to a required text': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) => q.required && textTypes.has(q.type));
    if (candidates.length === 0) return undefined;
    const { name } = random.pick(candidates);
    return {
      answers: withAnswer(valid, name, random.pick([' ', '   ', '\t', ' \n  ', '\u00a0'])),
      expect: name,
    };
  },
  'rating value outside the scale': (random, questions, valid) => {
    const candidates = shownAnswered(questions, valid, (q) => q.type === 'rating');
    if (candidates.length === 0) return undefined;
    const question = random.pick(candidates);
    return {
      answers: withAnswer(valid, question.name, outsideScale(random, question)),
      expect: question.name,
    };
  },
  'piped choice not offered': (random, questions, valid) => {
    const found = pickPlace(random, questions, valid, (q) => notOffered(q, valid));
    if (!found) return undefined;
    const { question, place: foreign } = found;
    const value = question.type === 'checkbox' ? [foreign] : foreign;
    return { answers: withAnswer(valid, question.name, value), expect: question.name };
  },
  'answer to a hidden matrix row': (random, questions, valid) => {
    const found = pickPlace(random, questions, valid, (q) =>
      q.rowsCondition ? hiddenRows(q, valid) : [],
    );
    if (!found) return undefined;
    const { question, place: row } = found;
    return withRowAnswered(valid, question, row);
  },
};

// Names (lower case) of questions whose answer changes what others show or offer.
function steeringNames(questions: GeneratorQuestion[]): Set<string> {
  const names = new Set<string>();
  for (const q of questions) {
    for (const condition of [...q.conditions, ...(q.rowsCondition ? [q.rowsCondition] : [])])
      for (const variable of condition.getVariables())
        names.add(variable.split(/[.[-]/)[0]!.toLowerCase());
    if (q.source && (q.element.choicesFromQuestionMode ?? 'all') !== 'all')
      names.add(String(q.source.name).toLowerCase());
  }
  return names;
}

// The set with a first-column answer to `row` of matrix `question`, naming that row.
function withRowAnswered(valid: Record<string, unknown>, question: GeneratorQuestion, row: string) {
  const rows = {
    ...(valid[question.name] as Record<string, unknown>),
    [row]: readItems(question.element, 'columns')[0]?.value,
  };
  return { answers: withAnswer(valid, question.name, rows), expect: `${question.name}.${row}` };
}

// A shown, answered question with somewhere to plant a fault, and one such place.
function pickPlace<T>(
  random: Random,
  questions: GeneratorQuestion[],
  valid: Record<string, unknown>,
  places: (q: GeneratorQuestion) => T[],
): { question: GeneratorQuestion; place: T } | undefined {
  const candidates = shownAnswered(questions, valid, (q) => places(q).length > 0);
  if (candidates.length === 0) return undefined;
  const question = random.pick(candidates);
  return { question, place: random.pick(places(question)) };
}

function notOffered(question: GeneratorQuestion, valid: Record<string, unknown>) {
  const offered = new Set(offeredChoices(question, valid).map((option) => option.value));
  const source = question.source;
  if (!source) return [];
  return pipedChoiceOptions(question.element, source)
    .map((option) => option.value)
    .filter((value) => !offered.has(value));
}

function hiddenRows(question: GeneratorQuestion, valid: Record<string, unknown>): string[] {
  const shown = new Set(offeredRows(question, valid).map((row) => String(row.value)));
  return readItems(question.element, 'rows')
    .map((row) => String(row.value))
    .filter((row) => !shown.has(row));
}

/**
 * Plants one fault of `kind` in a copy of `valid`, or returns undefined when the set has no
 * place for that kind (e.g. no hidden question with an other item).
 *
 * @example
 * plantFault('unknown key', random, questions, valid)?.expect // 'Z99'
 */
export function plantFault(
  kind: string,
  random: Random,
  questions: GeneratorQuestion[],
  valid: Record<string, unknown>,
): PlantedFault | undefined {
  const planter = planters[kind];
  if (!planter) throw new Error(`no planter for ${kind}`);
  const fault = planter(random, questions, valid);
  return fault ? { ...fault, kind } : undefined;
}
