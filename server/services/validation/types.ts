// The contract of a compiled questionnaire: validates submissions and flattens answers for aggregation.

/** One field-level reason a submission was rejected. */
export interface ValidationProblem {
  /** Question name (or `question.row` for a matrix row); `''` for the answer object itself. */
  question: string;
  problem: string;
}

/**
 * One reportable answer: the variable and the option chosen. A single choice gives one item;
 * a checkbox one item per ticked option; a matrix one item per row (`variable` = `question.row`);
 * a rating its value as text. Free-text answers give none.
 */
export interface AnswerItem {
  variable: string;
  option: string;
}

export interface CompiledQuestionnaire {
  /** Every problem with an answer set, in question order; empty when it is valid. */
  validate(answers: unknown): ValidationProblem[];
  /** Items of an answer set that `validate` accepted. */
  answerItems(answers: Record<string, unknown>): AnswerItem[];
  /** Names of the multi-select variables (their base is "answered at all", not the sum of options). */
  multiSelectVariables: ReadonlySet<string>;
}
