// Primary and complementary cell suppression over a declared set of tables, so no shown figure lets a hidden one be recovered.

/** A cell that may be shown: its unweighted base n and the minimum base k that applies to it. */
export interface SuppressionCell {
  id: string;
  /** Unweighted respondents in the cell's base. */
  n: number;
  /** Minimum cell size for this cell (a stricter k for sensitive items). */
  minimum: number;
}

/**
 * An additive relation between shown cells: `total` = Σ `members` + `unclassified`. One per
 * breakdown of a total (an agency by sex; a province by position type; the nation by island
 * region). `unclassified` counts respondents in the total but in no member (the breakdown
 * variable left blank): never shown, so always unknown to a reader, and itself a group that
 * must not be isolated when it is smaller than the minimum.
 */
export interface SuppressionRelation {
  total: string;
  members: readonly string[];
  /** Respondents of the total in no member (default 0). */
  unclassified?: number;
}

/** Why a cell is not shown. */
export type SuppressionReason =
  /** Its base is below the minimum k. */
  | 'below-minimum'
  /** It would let a hidden cell be recovered by subtraction (complementary suppression). */
  | 'complementary';

/**
 * Decides which cells to hide so that no cell below its minimum is shown and none can be
 * recovered from what is shown, over a whole declared set of tables at once (so no two
 * requests for tables of the set together reveal a hidden cell).
 *
 * 1. Primary suppression: every cell with n < its minimum is hidden.
 * 2. Complementary suppression: in each relation total = Σ members + unclassified, the hidden
 *    cells with n > 0 and the unclassified group (when not empty) are the unknowns. Exactly one
 *    unknown would follow by subtraction, so the smallest shown member with n > 0 is hidden
 *    too (the total when no member is left). An unknown unclassified group of at least the
 *    minimum may be recovered: it is no small cell and is never shown. Zero-n cells never
 *    protect another (their value adds nothing to a difference). Repeated until no relation
 *    changes, so a cell hidden in one table is protected in every table it appears in.
 *
 * Inside one agency every design weight is equal, so the agency's percentage is the n-weighted
 * mean of its categories': protecting n protects the percentages too (STATISTICS.md,
 * "Disclosure control"). Heuristic in the spirit of sdcTable's `protectTable(method = "HITAS")`
 * (de Wolf 2002), for the small hierarchical tables of one study; it is not cost-optimal.
 *
 * @returns the hidden cells and why; cells not in the map are shown. Throws on a relation
 *   naming an unknown cell or a minimum below 1.
 * @example
 * suppressCells(
 *   [{ id: 'all', n: 40, minimum: 10 }, { id: 'F', n: 6, minimum: 10 }, { id: 'M', n: 34, minimum: 10 }],
 *   [{ total: 'all', members: ['F', 'M'] }],
 * ); // Map { 'F' => 'below-minimum', 'M' => 'complementary' }
 */
export function suppressCells(
  cells: readonly SuppressionCell[],
  relations: readonly SuppressionRelation[],
): Map<string, SuppressionReason> {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  for (const relation of relations) {
    for (const id of [relation.total, ...relation.members]) {
      if (!byId.has(id)) throw new Error(`Suppression relation names an unknown cell: ${id}`);
    }
  }
  const hidden = new Map<string, SuppressionReason>();
  for (const cell of cells) {
    if (!(cell.minimum >= 1)) throw new Error(`Cell ${cell.id}: minimum must be at least 1`);
    if (cell.n < cell.minimum) hidden.set(cell.id, 'below-minimum');
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      const next = complementFor(relation, byId, hidden);
      if (next !== undefined) {
        hidden.set(next, 'complementary');
        changed = true;
      }
    }
  }
  return hidden;
}

/** The cell to hide so the relation keeps two unknowns, or undefined when it is safe. */
function complementFor(
  relation: SuppressionRelation,
  byId: ReadonlyMap<string, SuppressionCell>,
  hidden: ReadonlyMap<string, SuppressionReason>,
): string | undefined {
  const cellOf = (id: string) => byId.get(id) as SuppressionCell;
  const ids = [relation.total, ...relation.members];
  const unknownCells = ids.filter((id) => hidden.has(id) && cellOf(id).n > 0);
  const unclassified = relation.unclassified ?? 0;
  const unknowns = unknownCells.length + (unclassified > 0 ? 1 : 0);
  if (unknowns !== 1) return undefined;
  if (unknownCells.length === 0) {
    // The unclassified group alone is recoverable: harmless unless it is a small group.
    if (unclassified >= cellOf(relation.total).minimum) return undefined;
  }
  const candidates = relation.members
    .filter((id) => !hidden.has(id) && cellOf(id).n > 0)
    .sort((a, b) => cellOf(a).n - cellOf(b).n || (a < b ? -1 : a > b ? 1 : 0));
  if (candidates[0] !== undefined) return candidates[0];
  return hidden.has(relation.total) ? undefined : relation.total;
}
