// Tests a compiled condition against survey-core's own runner on the same values: names, cases, comments, rows.
import { ConditionRunner } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../../server/services/validation/compiled-condition.ts';

const questions = new Map(['Q1', 'Matrix', 'Pick', 'Other'].map((n) => [n.toLowerCase(), n]));

/** Values as the validator passes them: many answered questions besides those a condition reads. */
const values: Record<string, unknown> = {
  ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`filler${i}`, 'x'])),
  Q1: 'ya',
  Matrix: { r1: 2, r2: 5 },
  Pick: ['a', 'other'],
  'Pick-Comment': 'sendiri',
  Other: 3,
};

describe('compileCondition', () => {
  it.each([
    "{Q1} = 'ya'",
    "{q1} = 'YA'",
    '{matrix.r1} = 2',
    '{Matrix.r2} > 4',
    "{pick} contains 'other'",
    "{Pick-Comment} = 'sendiri'",
    '{pick-comment} notempty and {OTHER} = 3',
    '{Pick[0]} = {pick[0]}',
    "{Q1} = 'tidak' or {Other} < 2",
  ])('agrees with survey-core on %s', (expression) => {
    const expected = new ConditionRunner(expression).runValues(values) === true;
    expect(compileCondition(expression, 'test', questions).test(values)).toBe(expected);
  });

  it('sees a change in any value it reads', () => {
    const condition = compileCondition(
      '{pick-comment} notempty and {OTHER} = 3',
      'test',
      questions,
    );
    expect(condition.test(values)).toBe(true);
    expect(condition.test({ ...values, 'Pick-Comment': undefined })).toBe(false);
    expect(condition.test({ ...values, Other: 4 })).toBe(false);
  });
});
