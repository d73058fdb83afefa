// Where a wave's raking margins come from, and their shares turned into population totals for rake().
import type { Kysely } from 'kysely';
import { marginFromShares, type RakingMargin } from '../../../analysis/index.ts';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import { findWaveMargins } from '../../storage/repositories/raking-margins.ts';
import type { MarginShares } from './report-types.ts';

/**
 * Finds the national raking margins of a wave, or undefined when it has none: the
 * administration's per-wave margins (`waveMarginSource`), or fixed ones in tests and benchmarks
 * (`staticMarginSource`).
 */
export type MarginSource = (
  studyId: string,
  waveId: number,
) => Promise<readonly MarginShares[] | undefined>;

/**
 * The margins an administrator set for the wave (`raking_margins`), undefined when none are.
 *
 * @example
 * const reports = createReportService({ db, database, questionnaires, margins: waveMarginSource(db) });
 */
export function waveMarginSource(db: Kysely<Database>): MarginSource {
  return async (_studyId, waveId) => {
    const margins = await findWaveMargins(db, waveId);
    return margins.length > 0 ? margins : undefined;
  };
}

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
