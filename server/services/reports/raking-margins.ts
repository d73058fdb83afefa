// Where a wave's raking margins come from, and their shares turned into population totals for rake().
import type { Kysely } from 'kysely';
import { marginFromShares, type RakingMargin } from '../../../analysis/index.ts';
import type { Database } from '../../storage/db/schema.ts';
import { findWaveMargins } from '../../storage/repositories/raking-margins.ts';
import { AppError } from '../../errors.ts';
import type { MarginShares } from './report-types.ts';

/**
 * Finds the national raking margins of a wave, or undefined when it has none. The
 * administration's per-wave margins plug in here; until then the demo study's margins come
 * from `staticMarginSource`.
 */
export type MarginSource = (
  studyId: string,
  waveId: number,
) => Promise<readonly MarginShares[] | undefined>;

/**
 * A margin source from a fixed table of margins by study (used for the demo study).
 *
 * @example
 * const margins = staticMarginSource({ 'kasn-2021-sintetis': [{ variable: 'A4', shares: { … } }] });
 */
export function staticMarginSource(
  byStudy: Readonly<Record<string, readonly MarginShares[]>>,
): MarginSource {
  return async (studyId) => byStudy[studyId];
}

/**
 * A wave's margins as the administration stored them (`raking_margins`), else the fallback's
 * (the demo's synthetic study defines its own).
 *
 * @example
 * const margins = databaseMarginSource(db, staticMarginSource({ 'kasn-2021-sintetis': demoMargins }));
 */
export function databaseMarginSource(
  db: Kysely<Database>,
  fallback: MarginSource = async () => undefined,
): MarginSource {
  return async (studyId, waveId) => {
    const stored = await findWaveMargins(db, waveId);
    return stored.length > 0 ? stored : fallback(studyId, waveId);
  };
}

/**
 * Turns shares into totals of the population N̂ = Σ N_h with `marginFromShares`: shares that
 * do not add up to 1 within 1e-9 are an error (never rescaled), as is a margin on `agency` (its totals are the headcounts, always
 * raked to) or a variable given twice.
 *
 * @example
 * marginTotals([{ variable: 'A4', shares: { F: 0.52, M: 0.48 } }], 1000);
 * // [{ variable: 'A4', totals: Map { 'F' => 520, 'M' => 480 } }]
 */
export function marginTotals(margins: readonly MarginShares[], population: number): RakingMargin[] {
  const seen = new Set<string>();
  return margins.map((margin) => {
    if (margin.variable === 'agency') {
      throw new AppError('RAKING_FAILED', 'Agency totals are always raked to; give other margins.');
    }
    if (seen.has(margin.variable)) {
      throw new AppError('RAKING_FAILED', `Margin "${margin.variable}" is given twice.`);
    }
    seen.add(margin.variable);
    try {
      return {
        variable: margin.variable,
        totals: marginFromShares(margin.variable, margin.shares, population),
      };
    } catch (error) {
      throw new AppError('RAKING_FAILED', `Raking margins refused: ${(error as Error).message}.`);
    }
  });
}
