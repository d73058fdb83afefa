// Keeps a wave's cell counts between report jobs while its counts and the agency frame are unchanged: reading them is most of a small job's cost.
import type { Kysely } from 'kysely';
import type { CellCounts } from '../../../analysis/index.ts';
import type { Database } from '../../storage/db/schema.ts';
import type { Agency } from '../../storage/repositories/agencies.ts';
import { countedRespondents, readCellCounts } from '../../storage/repositories/cell-counts.ts';

/** Cell counts of recent waves, each under the version it was read at. */
export interface CellCountsCache {
  /**
   * The wave's current cell counts: the cached ones when the wave still has as many counted
   * respondents and `agencies` (the frame, read by the caller just before) is unchanged, else
   * freshly read (`readCellCounts`). The version is read before the counts, so counts newer
   * than their key are at worst read again, never kept stale.
   */
  cells(db: Kysely<Database>, waveId: number, agencies: readonly Agency[]): Promise<CellCounts>;
  /**
   * The cached counts of the wave whose `countsVersion` is `version`, if still held: answers
   * computed from them agree with earlier answers from the same version.
   */
  pinned(waveId: number, version: string): Promise<CellCounts | undefined>;
}

/**
 * Creates a cache holding the counts of at most `size` (wave, version) pairs (default two: the
 * version a disclosure pattern was decided on and the latest; a large wave's counts take
 * hundreds of MB). One per thread that runs report jobs (the worker, or the main thread when
 * jobs run inline). The cached counts are shared: callers must not change them.
 *
 * @example
 * const cache = createCellCountsCache();
 * const cells = await cache.cells(db, wave.id, await listAgencies(db));
 */
export function createCellCountsCache(size = 2): CellCountsCache {
  const entries = new Map<string, { waveId: number; cells: Promise<CellCounts> }>();
  const touch = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    entries.set(key, entry);
  };
  return {
    async cells(db, waveId, agencies) {
      // Whatever the counts are read with: each agency's headcount and attributes.
      const frame = agencies.map((a) => [a.code, a.headcount, a.province, a.islandRegion, a.type]);
      const key = JSON.stringify([waveId, await countedRespondents(db, waveId), frame]);
      const cached = entries.get(key);
      if (cached !== undefined) {
        touch(key);
        return cached.cells;
      }
      const cells = readCellCounts(db, waveId);
      entries.set(key, { waveId, cells });
      cells.catch(() => entries.delete(key));
      while (entries.size > size) entries.delete(entries.keys().next().value as string);
      return cells;
    },
    async pinned(waveId, version) {
      for (const [key, entry] of entries) {
        if (entry.waveId !== waveId) continue;
        const cells = await entry.cells.catch(() => undefined);
        if (cells !== undefined && countsVersion(cells) === version) {
          touch(key);
          return cells;
        }
      }
      return undefined;
    },
  };
}

const versions = new WeakMap<CellCounts, string>();

/**
 * A version of cell counts: their respondents and each stratum's N_h and attributes. Counts
 * only grow, and every fold adds respondents with their answers, so equal versions of one
 * wave mean equal bases and estimates.
 *
 * @example
 * countsVersion(cells); // '[10617,[["kab-aceh-barat",…]]]'
 */
export function countsVersion(cells: CellCounts): string {
  let version = versions.get(cells);
  if (version === undefined) {
    let respondents = 0;
    const strata = new Set<string>();
    for (const entry of cells.respondents) {
      respondents += entry.count;
      if (entry.count > 0) strata.add(entry.stratum);
    }
    version = JSON.stringify([
      respondents,
      [...strata].sort().map((id) => {
        const info = cells.strata.get(id);
        return [id, info?.populationSize, info?.attributes];
      }),
    ]);
    versions.set(cells, version);
  }
  return version;
}
