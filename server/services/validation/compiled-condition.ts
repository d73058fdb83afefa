// Precompiles a SurveyJS condition (visibleIf, requiredIf) once with survey-core's own expression engine.

import { ConditionRunner } from 'survey-core';

/** A parsed SurveyJS boolean expression, ready to run against answer values. */
export interface CompiledCondition {
  expression: string;
  /** Question names the expression reads, resolved to their exact spelling. */
  dependsOn: string[];
  /** Whether the condition holds for these values (keyed by question name). */
  test(values: Record<string, unknown>): boolean;
}

// `{F.F1}` reads a matrix row, `{D1-Comment}` the "other" text, `{q[0]}` an array item: all belong to the question.
function questionOf(variable: string): string {
  const cut = variable.search(/[.[]/);
  const head = cut < 0 ? variable : variable.slice(0, cut);
  return head.replace(/-comment$/i, '');
}

/**
 * Parses `expression` with survey-core's `ConditionRunner` and resolves the questions it reads.
 * With `itemVariable`, `{item}` is allowed too: the item a `rowsVisibleIf` is run for (pass its
 * value under the key `item`).
 * SurveyJS matches names case-insensitively, so `{a7}` reads question `A7`. Throws on a
 * syntax error, an asynchronous function or a name that is not a question, so a broken
 * condition fails when the questionnaire is compiled rather than passing every submission.
 *
 * @example
 * const shown = compileCondition("{B1} = 'ya'", 'B2.visibleIf', new Map([['b1', 'B1']]));
 * shown.test({ B1: 'ya' }) // true
 */
export function compileCondition(
  expression: string,
  where: string,
  questionsByLowerName: ReadonlyMap<string, string>,
  itemVariable = false,
): CompiledCondition {
  const runner = new ConditionRunner(expression);
  if (!runner.canRun())
    throw new Error(`${where}: cannot parse the condition ${JSON.stringify(expression)}`);
  if (runner.isAsync)
    throw new Error(`${where}: asynchronous functions are not supported in conditions`);
  const dependsOn = new Set<string>();
  for (const variable of runner.getVariables()) {
    if (itemVariable && variable.toLowerCase() === 'item') continue;
    const question = questionsByLowerName.get(questionOf(variable).toLowerCase());
    if (question === undefined) {
      throw new Error(`${where}: the condition reads {${variable}}, which is not a question`);
    }
    dependsOn.add(question);
  }
  // survey-core finds each variable by scanning every key of the values it is given (names
  // match case-insensitively), so it runs on just the keys the condition can read: each
  // question it names and that question's "other" text. Nothing else can match its variables.
  const readable = [...dependsOn].flatMap((question) => [question, `${question}-Comment`]);
  if (itemVariable) readable.push('item');
  return {
    expression,
    dependsOn: [...dependsOn],
    test: (values) => {
      const read: Record<string, unknown> = {};
      for (const key of readable) if (Object.hasOwn(values, key)) read[key] = values[key];
      return runner.runValues(read) === true;
    },
  };
}
