// Tests of what counts as no answer, matched against survey-core's own Helpers.isValueEmpty.

import { describe, expect, it } from 'vitest';
import { Helpers } from 'survey-core';
import {
  isEmptyAnswer,
  isPlainObject,
} from '../../../../server/services/validation/empty-answer.ts';

const samples: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  0,
  Number.NaN,
  false,
  true,
  'ya',
  [],
  [null],
  ['a'],
  {},
  { r1: null },
  { r1: '', r2: [] },
  { r1: 0 },
  { r1: { deep: null } },
];

describe('isEmptyAnswer', () => {
  it('agrees with survey-core on every sample value', () => {
    for (const value of samples) {
      expect(isEmptyAnswer(value), JSON.stringify(value)).toBe(Helpers.isValueEmpty(value));
    }
  });

  it('treats 0 and false as answers', () => {
    expect(isEmptyAnswer(0)).toBe(false);
    expect(isEmptyAnswer(false)).toBe(false);
  });
});

describe('isPlainObject', () => {
  it('accepts JSON objects and rejects arrays, null and class instances', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(JSON.parse('{"a":1}'))).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject(new Date())).toBe(false);
  });
});
