// Allocates a sample to agencies in proportion to their headcounts (largest remainders), with a minimum per agency.

/** An agency and its headcount N_h. */
export interface AllocationStratum {
  code: string;
  headcount: number;
}

/**
 * Respondents per agency adding up to `total` exactly: proportional to headcount, at least
 * `minimum` each (and never more than the headcount), remainders to the largest fractions.
 * Deterministic. Throws when `total` cannot meet the minimum.
 *
 * @example
 * allocateRespondents([{ code: 'a', headcount: 300 }, { code: 'b', headcount: 100 }], 8);
 * // Map { 'a' => 6, 'b' => 2 }
 */
export function allocateRespondents(
  strata: readonly AllocationStratum[],
  total: number,
  minimum = 0,
): Map<string, number> {
  const floors = strata.map((s) => Math.min(minimum, s.headcount));
  const reserved = floors.reduce((s, n) => s + n, 0);
  if (reserved > total) throw new Error(`${total} respondents cannot give each agency ${minimum}`);
  const population = strata.reduce((s, a) => s + a.headcount, 0);
  const rest = total - reserved;
  const exact = strata.map((s) => (rest * s.headcount) / population);
  const sizes = exact.map((x, i) => Math.min(floors[i]! + Math.floor(x), strata[i]!.headcount));
  let left = total - sizes.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  while (left > 0) {
    let placed = false;
    for (const [, i] of order) {
      if (left === 0) break;
      if (sizes[i]! < strata[i]!.headcount) {
        sizes[i]! += 1;
        left -= 1;
        placed = true;
      }
    }
    if (!placed) throw new Error(`${total} respondents exceed the agencies' headcounts`);
  }
  return new Map(strata.map((s, i) => [s.code, sizes[i]!]));
}
