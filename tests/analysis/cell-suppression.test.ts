// Cell suppression: small cells hidden, and nothing hidden recoverable by an attacker who subtracts, over random linked tables.
import { describe, expect, it } from 'vitest';
import {
  suppressCells,
  type SuppressionCell,
  type SuppressionRelation,
} from '../../analysis/cell-suppression.ts';
import { seededRandom } from '../../server/services/seed/seeded-random.ts';

/**
 * What an attacker learns: every shown n, every zero (worst case: they know which groups are
 * empty), and whatever follows from a relation with exactly one unknown, repeated until
 * nothing new follows. Returns the ids (and `unclassified:<relation index>`) they can compute.
 */
function recoverable(
  cells: readonly SuppressionCell[],
  relations: readonly SuppressionRelation[],
  hidden: ReadonlyMap<string, unknown>,
): Set<string> {
  const known = new Set(cells.filter((c) => !hidden.has(c.id) || c.n === 0).map((c) => c.id));
  const residualId = (r: SuppressionRelation) => `unclassified:${relations.indexOf(r)}`;
  for (const r of relations) if ((r.unclassified ?? 0) === 0) known.add(residualId(r));
  const learned = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const r of relations) {
      const terms = [r.total, ...r.members, residualId(r)];
      const unknown = terms.filter((id) => !known.has(id));
      if (unknown.length !== 1) continue;
      const id = unknown[0] as string;
      known.add(id);
      learned.add(id);
      progress = true;
    }
  }
  return learned;
}

interface Tables {
  cells: SuppressionCell[];
  relations: SuppressionRelation[];
  residuals: Map<string, number>;
}

/**
 * A random agency's declared tables: its total, one breakdown per domain variable (2–6
 * categories, some small, some empty) with respondents who left the variable blank, and a
 * random k per table family, as the agency dashboard declares them.
 */
function randomTables(random: () => number): Tables {
  const minimum = 5 + Math.floor(random() * 11);
  const total = 1 + Math.floor(random() * 120);
  const cells: SuppressionCell[] = [{ id: 'total', n: total, minimum }];
  const relations: SuppressionRelation[] = [];
  const residuals = new Map<string, number>();
  const variables = 1 + Math.floor(random() * 3);
  for (let v = 0; v < variables; v++) {
    const categories = 2 + Math.floor(random() * 5);
    const shares = Array.from({ length: categories + 1 }, () => random() ** 3);
    const sum = shares.reduce((a, b) => a + b, 0);
    let left = total;
    const members: string[] = [];
    for (let c = 0; c < categories; c++) {
      const n = Math.min(left, Math.round((total * (shares[c] as number)) / sum));
      left -= n;
      const id = `v${v}:c${c}`;
      cells.push({ id, n, minimum });
      members.push(id);
    }
    const unclassified = random() < 0.5 ? 0 : left;
    if (unclassified === 0 && left > 0) {
      const last = cells[cells.length - 1] as SuppressionCell;
      last.n += left;
    }
    residuals.set(`v${v}`, unclassified);
    relations.push({ total: 'total', members, unclassified });
  }
  return { cells, relations, residuals };
}

describe('suppressCells', () => {
  it('hides a small sex cell and its sibling, as the agency total would otherwise give it away', () => {
    const hidden = suppressCells(
      [
        { id: 'all', n: 40, minimum: 10 },
        { id: 'F', n: 6, minimum: 10 },
        { id: 'M', n: 34, minimum: 10 },
      ],
      [{ total: 'all', members: ['F', 'M'] }],
    );
    expect(Object.fromEntries(hidden)).toEqual({ F: 'below-minimum', M: 'complementary' });
  });

  it('treats respondents who left the breakdown blank as a hidden sibling', () => {
    const cells = [
      { id: 'all', n: 50, minimum: 10 },
      { id: 'F', n: 8, minimum: 10 },
      { id: 'M', n: 39, minimum: 10 },
    ];
    // F (8) and the 3 blanks are two unknowns: total − M gives only their sum.
    expect(
      Object.fromEntries(
        suppressCells(cells, [{ total: 'all', members: ['F', 'M'], unclassified: 3 }]),
      ),
    ).toEqual({ F: 'below-minimum' });
    // With every category shown, total − categories isolates the 3 blanks: hide the smallest.
    const shown = [
      { id: 'all', n: 50, minimum: 10 },
      { id: 'F', n: 12, minimum: 10 },
      { id: 'M', n: 35, minimum: 10 },
    ];
    expect(
      Object.fromEntries(
        suppressCells(shown, [{ total: 'all', members: ['F', 'M'], unclassified: 3 }]),
      ),
    ).toEqual({ F: 'complementary' });
  });

  it('does not count an empty hidden cell as protection', () => {
    const hidden = suppressCells(
      [
        { id: 'all', n: 60, minimum: 10 },
        { id: 'a', n: 0, minimum: 10 },
        { id: 'b', n: 4, minimum: 10 },
        { id: 'c', n: 20, minimum: 10 },
        { id: 'd', n: 36, minimum: 10 },
      ],
      [{ total: 'all', members: ['a', 'b', 'c', 'd'] }],
    );
    expect(Object.fromEntries(hidden)).toEqual({
      a: 'below-minimum',
      b: 'below-minimum',
      c: 'complementary',
    });
  });

  it('hides everything below a total that is itself below the minimum', () => {
    const hidden = suppressCells(
      [
        { id: 'all', n: 7, minimum: 10 },
        { id: 'F', n: 3, minimum: 10 },
        { id: 'M', n: 4, minimum: 10 },
      ],
      [{ total: 'all', members: ['F', 'M'] }],
    );
    expect([...hidden.keys()].sort()).toEqual(['F', 'M', 'all']);
  });

  it('protects a cell hidden in one table in every linked table (a province in its island region and by sex)', () => {
    const cells = [
      { id: 'region', n: 100, minimum: 10 },
      { id: 'p1', n: 5, minimum: 10 },
      { id: 'p2', n: 45, minimum: 10 },
      { id: 'p3', n: 50, minimum: 10 },
      { id: 'p2:F', n: 20, minimum: 10 },
      { id: 'p2:M', n: 25, minimum: 10 },
    ];
    const relations = [
      { total: 'region', members: ['p1', 'p2', 'p3'] },
      { total: 'p2', members: ['p2:F', 'p2:M'] },
    ];
    const hidden = suppressCells(cells, relations);
    // p2 hidden to protect p1; then p2 = F + M would give it back, so one of those goes too.
    expect(hidden.get('p2')).toBe('complementary');
    expect(hidden.get('p2:F')).toBe('complementary');
    expect(recoverable(cells, relations, hidden)).toEqual(new Set());
  });

  it('leaves nothing below the minimum shown or recoverable, over 3,000 random agencies', () => {
    const random = seededRandom('cell-suppression-property');
    for (let trial = 0; trial < 3_000; trial++) {
      const { cells, relations } = randomTables(random);
      const hidden = suppressCells(cells, relations);
      for (const cell of cells) {
        if (cell.n < cell.minimum) expect(hidden.has(cell.id), cell.id).toBe(true);
      }
      const learned = [...recoverable(cells, relations, hidden)].filter((id) => {
        if (id.startsWith('unclassified:')) {
          const relation = relations[Number(id.slice('unclassified:'.length))];
          return (relation?.unclassified ?? 0) < (cells[0] as SuppressionCell).minimum;
        }
        return true;
      });
      expect(learned, JSON.stringify({ cells, relations })).toEqual([]);
    }
  });

  it('refuses a relation that names a cell it was not given', () => {
    expect(() =>
      suppressCells([{ id: 'all', n: 5, minimum: 5 }], [{ total: 'all', members: ['x'] }]),
    ).toThrow(/unknown cell: x/);
  });
});
