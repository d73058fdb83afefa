// Tests the slicing of rows for multi-row statements.
import { describe, expect, it } from 'vitest';
import { chunks } from '../../../../server/storage/db/chunks.ts';

describe('chunks', () => {
  it('slices rows in order, the last slice holding the remainder', () => {
    expect([...chunks([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('yields nothing for no rows', () => {
    expect([...chunks([], 500)]).toEqual([]);
  });

  it('refuses a size that would never advance', () => {
    expect(() => [...chunks([1], 0)]).toThrow(/chunk size/);
  });
});
