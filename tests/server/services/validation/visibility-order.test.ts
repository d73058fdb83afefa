// Tests of the order in which question conditions are evaluated.

import { describe, expect, it } from 'vitest';
import { visibilityOrder } from '../../../../server/services/validation/visibility-order.ts';

describe('visibilityOrder', () => {
  it('keeps document order when nothing depends on anything', () => {
    expect(visibilityOrder(['a', 'b', 'c'], [[], [], []])).toEqual([0, 1, 2]);
  });

  it('puts a question after every question its conditions read', () => {
    expect(visibilityOrder(['a', 'b', 'c'], [[2], [0], []])).toEqual([2, 0, 1]);
  });

  it('counts a dependency read twice once', () => {
    expect(visibilityOrder(['a', 'b'], [[], [0, 0]])).toEqual([0, 1]);
  });

  it('throws on a cycle, naming the questions caught in it', () => {
    expect(() => visibilityOrder(['a', 'b', 'c'], [[], [2], [1]])).toThrow(/cycle among: b, c/);
    expect(() => visibilityOrder(['self'], [[0]])).toThrow(/cycle among: self/);
  });
});
