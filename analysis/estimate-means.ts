// Weighted means of per-respondent scores, national and by domain, with linearization SE.

import { compareCodeUnits } from './code-unit-order.ts';
import { calibrationResiduals } from './calibration-residuals.ts';
import { cellKey } from './design.ts';
import { designEffect, effectiveSampleSize, kishDesignEffect } from './design-effect.ts';
import { resolveBreakdown, type DomainSelection, type DomainSpec } from './domains.ts';
import { intervalCase } from './interval-rules.ts';
import { meanInterval } from './mean-intervals.ts';
import { emptyRowFlags, estimateFlags, type MeanEstimate } from './results.ts';
import type { ScoreCount } from './score-cells.ts';
import { stratifiedVariance, stratumFactors, withoutVarianceNoise } from './stratified-variance.ts';
import type { Weighting } from './weighting.ts';

/** Options of {@link estimateMeans}. */
export interface MeanOptions {
  /** Scores to report, in order; default every score in the cells, in code-unit order. */
  scores?: readonly string[];
  /** Breakdowns besides the national figure; a `DomainSelection` gives some domains of one. */
  domains?: readonly (DomainSpec | DomainSelection)[];
  /** Include the national rows. Default true. */
  national?: boolean;
  /** Confidence level of the t interval. Default 0.95. */
  level?: number;
}

interface ScoreColumns {
  cells: Int32Array;
  counts: Float64Array;
  sums: Float64Array;
  squares: Float64Array;
}

function indexScores(
  weighting: Weighting,
  scoreCounts: readonly ScoreCount[],
): Map<string, ScoreColumns> {
  const { design } = weighting;
  const byScore = new Map<string, Map<number, [number, number, number]>>();
  for (const entry of scoreCounts) {
    if (!Number.isInteger(entry.count) || entry.count < 0) {
      throw new Error(
        `score "${entry.score}": counts must be non-negative integers, got ${entry.count}`,
      );
    }
    if (entry.count === 0) continue;
    const cell = design.cellByKey.get(cellKey(entry.stratum, entry.profile));
    if (cell === undefined) {
      throw new Error(
        `score "${entry.score}" of stratum "${entry.stratum}", profile ${entry.profile}: no respondents there`,
      );
    }
    let cells = byScore.get(entry.score);
    if (cells === undefined) {
      cells = new Map();
      byScore.set(entry.score, cells);
    }
    const sums = cells.get(cell) ?? [0, 0, 0];
    cells.set(cell, [sums[0] + entry.count, sums[1] + entry.sum, sums[2] + entry.sumOfSquares]);
  }
  const columns = new Map<string, ScoreColumns>();
  for (const [score, cells] of byScore) {
    const list = [...cells].sort((a, b) => a[0] - b[0]);
    for (const [cell, [count]] of list) {
      if (count > (design.cellCount[cell] as number)) {
        throw new Error(`score "${score}": more scores than respondents in a cell (${count})`);
      }
    }
    columns.set(score, {
      cells: Int32Array.from(list, ([cell]) => cell),
      counts: Float64Array.from(list, ([, sums]) => sums[0]),
      sums: Float64Array.from(list, ([, sums]) => sums[1]),
      squares: Float64Array.from(list, ([, sums]) => sums[2]),
    });
  }
  return columns;
}

/**
 * Estimates the weighted mean of each per-respondent score, nationally and by domain, from score
 * cells (see {@link ScoreCount}).
 *
 * μ̂ = Σ w s / Σ w over respondents with a score in the domain. Its linearization is
 * z_i = w_i (s_i − μ̂) / Σw (0 for everyone else), so per cell Σz = w (Σs − μ̂ n)/Σw and
 * Σz² = w² (Σs² − 2μ̂ Σs + μ̂² n)/(Σw)²; the variance is the stratified one with finite-population
 * correction (and calibration residuals under post-stratified or raked weights), exactly as for
 * proportions, with the same rounding-noise rule (`withoutVarianceNoise`). The interval follows
 * the rule shared with proportions (`intervalCase`, see {@link meanInterval}): μ̂ ± t_{df} · SE
 * with df = respondents − strata among them; [μ̂, μ̂] for a census with SE 0 (under raked
 * weights a census can have SE > 0 and then gets the t interval); null at df < 1 and at SE 0
 * outside a census, flagged. Flags as for proportions (`estimateFlags`). A share
 * (e.g. the share classed "Baik") is the mean of a 0/1 score. Reference: Lumley (2010), 2.2–2.3.
 *
 * @example
 * estimateMeans(designWeights(design), scoreCounts, { domains: ['agency'] });
 */
export function estimateMeans(
  weighting: Weighting,
  scoreCounts: readonly ScoreCount[],
  options: MeanOptions = {},
): MeanEstimate[] {
  const { design, weights } = weighting;
  const level = options.level ?? 0.95;
  const columnsByScore = indexScores(weighting, scoreCounts);
  const scores = options.scores ?? [...columnsByScore.keys()].sort(compareCodeUnits);
  const factors = stratumFactors(design);
  const residuals = calibrationResiduals(weighting);
  const cells = design.cellCount.length;
  const strata = design.strata.length;
  const cellSums = new Float64Array(cells);
  const cellSquares = new Float64Array(cells);
  const deltas = new Float64Array(cells);
  const stratumSums = new Float64Array(strata);
  const stratumSquares = new Float64Array(strata);
  const stratumSeen = new Uint8Array(strata);
  const specs: (DomainSpec | DomainSelection | null)[] = [
    ...(options.national === false ? [] : [null]),
    ...(options.domains ?? []),
  ];
  const rows: MeanEstimate[] = [];

  for (const spec of specs) {
    const domains = resolveBreakdown(design, spec);
    for (const score of scores) {
      const columns = columnsByScore.get(score);
      if (columns === undefined)
        throw new Error(`unknown score "${score}": no values in the score cells`);
      const byLevel: number[][] = domains.levels.map(() => []);
      columns.cells.forEach((cell, e) => {
        const domain = domains.levelOfCell[cell] as number;
        if (domain >= 0) (byLevel[domain] as number[]).push(e);
      });
      domains.levels.forEach((values, domain) => {
        const entries = byLevel[domain] as number[];
        let n = 0;
        let weighted = 0;
        let weighted2 = 0;
        let weightedSum = 0;
        let weightedSquares = 0;
        for (const e of entries) {
          const w = weights[columns.cells[e] as number] as number;
          const count = columns.counts[e] as number;
          n += count;
          weighted += w * count;
          weighted2 += w * w * count;
          weightedSum += w * (columns.sums[e] as number);
          weightedSquares += w * (columns.squares[e] as number);
        }
        const label = { domainVariables: domains.variables, domainValues: values };
        if (n === 0) {
          rows.push({
            score,
            ...label,
            nBase: 0,
            weightedBase: 0,
            estimate: null,
            se: null,
            ci: null,
            df: 0,
            deff: null,
            nEff: null,
            kishDeff: null,
            flags: { ...emptyRowFlags },
          });
          return;
        }
        const mean = weightedSum / weighted;
        const inverse = 1 / weighted;
        stratumSums.fill(0);
        stratumSquares.fill(0);
        stratumSeen.fill(0);
        // Σz² and Σd², which bound every term of the variance (see withoutVarianceNoise).
        let magnitude = 0;
        for (const e of entries) {
          const cell = columns.cells[e] as number;
          const w = weights[cell] as number;
          const count = columns.counts[e] as number;
          const sum = columns.sums[e] as number;
          // Σ(s − μ̂)² over the cell, from its raw sums; never below 0 after rounding.
          const centred = Math.max(
            0,
            (columns.squares[e] as number) - 2 * mean * sum + mean * mean * count,
          );
          cellSums[cell] = w * (sum - mean * count) * inverse;
          cellSquares[cell] = w * w * centred * inverse * inverse;
          magnitude += cellSquares[cell] as number;
          stratumSeen[design.cellStratum[cell] as number] = 1;
        }
        if (residuals !== null) {
          residuals.deltas(cellSums, deltas);
          for (let cell = 0; cell < cells; cell++) {
            const delta = deltas[cell] as number;
            if (delta === 0) continue;
            const h = design.cellStratum[cell] as number;
            const count = design.cellCount[cell] as number;
            stratumSums[h] = (stratumSums[h] as number) - count * delta;
            stratumSquares[h] = (stratumSquares[h] as number) + count * delta * delta;
            magnitude += count * delta * delta;
          }
        }
        for (const e of entries) {
          const cell = columns.cells[e] as number;
          const h = design.cellStratum[cell] as number;
          const sum = cellSums[cell] as number;
          const delta = residuals === null ? 0 : (deltas[cell] as number);
          stratumSums[h] = (stratumSums[h] as number) + sum;
          stratumSquares[h] =
            (stratumSquares[h] as number) + (cellSquares[cell] as number) - 2 * delta * sum;
          cellSums[cell] = 0;
          cellSquares[cell] = 0;
        }
        let strataInBase = 0;
        let census = true;
        stratumSeen.forEach((seen, h) => {
          if (seen === 0) return;
          strataInBase++;
          if ((factors.scales[h] as number) > 0) census = false;
        });
        const variance = withoutVarianceNoise(
          stratifiedVariance(factors, stratumSums, stratumSquares),
          magnitude,
        );
        const se = Math.sqrt(variance);
        const df = n - strataInBase;
        const ci = meanInterval({ estimate: mean, se, df, census, level });
        const spread =
          (weightedSquares - 2 * mean * weightedSum + mean * mean * weighted) / weighted;
        const deff = designEffect(variance, spread, n, weighted);
        const nEff = effectiveSampleSize(n, deff);
        rows.push({
          score,
          ...label,
          nBase: n,
          weightedBase: weighted,
          estimate: mean,
          se,
          ci,
          df,
          deff,
          nEff,
          kishDeff: kishDesignEffect(n, weighted, weighted2),
          flags: estimateFlags({
            intervalCase: intervalCase({ se, df, census }),
            census,
            nBase: n,
            nEff,
            df,
            ci,
            estimate: mean,
            proportion: false,
          }),
        });
      });
    }
  }
  return rows;
}
