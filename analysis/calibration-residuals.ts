// Calibration residuals for variances under post-stratified or raked weights, computed per cell.

import type { SurveyDesign } from './design.ts';
import type { PostStratificationStep, RakingStep, Weighting } from './weighting.ts';

/**
 * Turns the cell sums Σ_{i∈c} x_i of a linearized statistic into the amount `d_c` subtracted
 * from each respondent of cell c by the calibration steps (the residual is x_i − d_c).
 */
export interface CalibrationResiduals {
  /** Writes d_c for every respondent cell into `deltas`, given the cell sums of x. */
  deltas(cellSums: Float64Array, deltas: Float64Array): void;
}

interface PreparedPostStratification {
  kind: 'post-stratification';
  levelOfCell: Int32Array;
  weights: Float64Array;
  /** oldw_c / w_c. */
  ratio: Float64Array;
  /** Σ_{c∈g} n_c · oldw_c. */
  denominators: Float64Array;
  means: Float64Array;
}

/** One raking margin, with the sparse coupling K_{ℓℓ'} = Σ_{c∈ℓ∩ℓ'} n_c · w'_c / w_c to each other margin. */
interface PreparedMargin {
  levelOfCell: Int32Array;
  weights: Float64Array;
  inverseWeights: Float64Array;
  respondents: Float64Array;
  couplingOther: Int32Array;
  couplingRows: Int32Array[];
  couplingColumns: Int32Array[];
  couplingValues: Float64Array[];
  /** Work buffers: Σ_{c∈ℓ} x_c / w_c, the level means of a sweep, and β (total removed per unit weight). */
  initial: Float64Array;
  sums: Float64Array;
  removed: Float64Array;
}

interface PreparedRaking {
  kind: 'raking';
  sweeps: number;
  margins: PreparedMargin[];
  /** Where each margin's levels start in the stacked level vector. */
  offsets: Int32Array;
  /**
   * The sweeps as one linear map from the level sums to β, stored by column (column j, at
   * j × levels, is β for a unit level sum at stacked level j), when small enough to keep;
   * applying it to a sparse vector of level sums (a domain within one agency) costs far less
   * than sweeping.
   */
  transfer: Float64Array | null;
  /** Cost of one sweep pass in level space (for choosing between the two). */
  sweepCost: number;
  stacked: Float64Array;
}

/** Largest stacked level count for which the sweep map is kept as a matrix (8 MB). */
const maxTransferLevels = 1000;

type PreparedStep = PreparedPostStratification | PreparedRaking;

function preparePostStratification(
  design: SurveyDesign,
  step: PostStratificationStep,
): PreparedPostStratification {
  const denominators = new Float64Array(step.levelCount);
  const ratio = new Float64Array(step.levelOfCell.length);
  step.levelOfCell.forEach((level, cell) => {
    const before = step.weightsBefore[cell] as number;
    ratio[cell] = before / (step.weightsAfter[cell] as number);
    denominators[level] =
      (denominators[level] as number) + (design.cellCount[cell] as number) * before;
  });
  return {
    kind: 'post-stratification',
    levelOfCell: step.levelOfCell,
    weights: step.weightsAfter,
    ratio,
    denominators,
    means: new Float64Array(step.levelCount),
  };
}

function prepareRaking(design: SurveyDesign, step: RakingStep): PreparedRaking {
  const counts = design.cellCount;
  const cells = counts.length;
  const margins: PreparedMargin[] = step.margins.map((margin) => {
    const respondents = new Float64Array(margin.levelCount);
    for (let cell = 0; cell < cells; cell++) {
      const level = margin.levelOfCell[cell] as number;
      respondents[level] = (respondents[level] as number) + (counts[cell] as number);
    }
    return {
      levelOfCell: margin.levelOfCell,
      weights: margin.weights,
      inverseWeights: Float64Array.from(margin.weights, (weight) => 1 / weight),
      respondents,
      couplingOther: new Int32Array(0),
      couplingRows: [],
      couplingColumns: [],
      couplingValues: [],
      initial: new Float64Array(margin.levelCount),
      sums: new Float64Array(margin.levelCount),
      removed: new Float64Array(margin.levelCount),
    };
  });
  margins.forEach((margin, m) => {
    const others: number[] = [];
    margins.forEach((other, o) => {
      if (o === m) return;
      const width = other.respondents.length;
      const entries = new Map<number, number>();
      for (let cell = 0; cell < cells; cell++) {
        const key =
          (margin.levelOfCell[cell] as number) * width + (other.levelOfCell[cell] as number);
        const value =
          (counts[cell] as number) *
          (other.weights[cell] as number) *
          (margin.inverseWeights[cell] as number);
        entries.set(key, (entries.get(key) ?? 0) + value);
      }
      const keys = [...entries.keys()];
      others.push(o);
      margin.couplingRows.push(Int32Array.from(keys, (key) => Math.floor(key / width)));
      margin.couplingColumns.push(Int32Array.from(keys, (key) => key % width));
      margin.couplingValues.push(Float64Array.from(keys, (key) => entries.get(key) as number));
    });
    margin.couplingOther = Int32Array.from(others);
  });
  const offsets = new Int32Array(margins.length + 1);
  margins.forEach((margin, m) => {
    offsets[m + 1] = (offsets[m] as number) + margin.respondents.length;
  });
  const levels = offsets[margins.length] as number;
  let sweepCost = levels;
  for (const margin of margins)
    for (const values of margin.couplingValues) sweepCost += values.length;
  const prepared: PreparedRaking = {
    kind: 'raking',
    sweeps: step.sweeps,
    margins,
    offsets,
    transfer: null,
    sweepCost: sweepCost * step.sweeps,
    stacked: new Float64Array(levels),
  };
  if (levels <= maxTransferLevels) {
    const transfer = new Float64Array(levels * levels);
    for (let j = 0; j < levels; j++) {
      margins.forEach((margin, m) => {
        margin.initial.fill(0);
        const local = j - (offsets[m] as number);
        if (local >= 0 && local < margin.initial.length) margin.initial[local] = 1;
      });
      sweepLevels(prepared);
      margins.forEach((margin, m) => {
        const offset = offsets[m] as number;
        for (let level = 0; level < margin.removed.length; level++) {
          transfer[j * levels + offset + level] = margin.removed[level] as number;
        }
      });
    }
    prepared.transfer = transfer;
  }
  return prepared;
}

// R's sweeps carried out in level space: from the level sums in `initial` to β in `removed`.
function sweepLevels(step: PreparedRaking): void {
  const { margins } = step;
  for (const margin of margins) margin.removed.fill(0);
  for (let sweep = 0; sweep < step.sweeps; sweep++) {
    for (const margin of margins) {
      const { sums, initial, removed, respondents } = margin;
      const levels = sums.length;
      for (let level = 0; level < levels; level++) {
        sums[level] =
          (initial[level] as number) - (respondents[level] as number) * (removed[level] as number);
      }
      for (let k = 0; k < margin.couplingOther.length; k++) {
        const theirs = (margins[margin.couplingOther[k] as number] as PreparedMargin).removed;
        const rows = margin.couplingRows[k] as Int32Array;
        const columns = margin.couplingColumns[k] as Int32Array;
        const values = margin.couplingValues[k] as Float64Array;
        for (let e = 0; e < values.length; e++) {
          const row = rows[e] as number;
          sums[row] =
            (sums[row] as number) -
            (values[e] as number) * (theirs[columns[e] as number] as number);
        }
      }
      for (let level = 0; level < levels; level++) {
        removed[level] =
          (removed[level] as number) + (sums[level] as number) / (respondents[level] as number);
      }
    }
  }
}

function applyPostStratification(
  step: PreparedPostStratification,
  counts: Float64Array,
  current: Float64Array,
  deltas: Float64Array,
): void {
  const { levelOfCell, ratio, denominators, weights, means } = step;
  const cells = counts.length;
  means.fill(0);
  for (let cell = 0; cell < cells; cell++) {
    const level = levelOfCell[cell] as number;
    means[level] = (means[level] as number) + (current[cell] as number) * (ratio[cell] as number);
  }
  for (let level = 0; level < means.length; level++) {
    means[level] = (means[level] as number) / (denominators[level] as number);
  }
  for (let cell = 0; cell < cells; cell++) {
    const delta = (weights[cell] as number) * (means[levelOfCell[cell] as number] as number);
    deltas[cell] = (deltas[cell] as number) + delta;
    current[cell] = (current[cell] as number) - (counts[cell] as number) * delta;
  }
}

function applyRaking(
  step: PreparedRaking,
  counts: Float64Array,
  current: Float64Array,
  deltas: Float64Array,
): void {
  const { margins } = step;
  const cells = counts.length;
  for (const margin of margins) {
    const { initial, levelOfCell, inverseWeights } = margin;
    initial.fill(0);
    for (let cell = 0; cell < cells; cell++) {
      const level = levelOfCell[cell] as number;
      initial[level] =
        (initial[level] as number) + (current[cell] as number) * (inverseWeights[cell] as number);
    }
  }
  const { transfer, offsets, stacked } = step;
  const levels = stacked.length;
  let nonzero = 0;
  if (transfer !== null) {
    for (const margin of margins) {
      for (let level = 0; level < margin.initial.length; level++) {
        if (margin.initial[level] !== 0) nonzero++;
      }
    }
  }
  if (transfer !== null && nonzero * levels < step.sweepCost) {
    // β = T · (level sums), using only the nonzero level sums.
    stacked.fill(0);
    for (let m = 0; m < margins.length; m++) {
      const initial = (margins[m] as PreparedMargin).initial;
      const offset = offsets[m] as number;
      for (let level = 0; level < initial.length; level++) {
        const value = initial[level] as number;
        if (value === 0) continue;
        const column = (offset + level) * levels;
        for (let row = 0; row < levels; row++) {
          stacked[row] = (stacked[row] as number) + (transfer[column + row] as number) * value;
        }
      }
    }
    margins.forEach((margin, m) => {
      margin.removed.set(stacked.subarray(offsets[m] as number, offsets[m + 1] as number));
    });
  } else {
    sweepLevels(step);
  }
  for (let cell = 0; cell < cells; cell++) {
    let delta = 0;
    for (const margin of margins) {
      delta +=
        (margin.weights[cell] as number) *
        (margin.removed[margin.levelOfCell[cell] as number] as number);
    }
    deltas[cell] = (deltas[cell] as number) + delta;
    current[cell] = (current[cell] as number) - (counts[cell] as number) * delta;
  }
}

/**
 * Prepares the residual computation of a weighting's calibration steps; `null` when there are
 * none (design or trimmed design weights), where the residual is x itself.
 *
 * The steps are those of R's `svyrecvar`, applied in order to the linearized values x (z for a
 * mean or proportion, all respondents included, z = 0 outside the domain or base):
 * - post-stratification on g: x_i ← x_i − w_i · Σ_{j∈g} x_j·oldw_j/w_j / Σ_{j∈g} oldw_j
 *   (the residual from the post-stratum means; Lumley 2010, 7.3);
 * - raking: `sweeps` rounds of x_i ← x_i − w_{m,i} · mean_{j∈ℓ_m(i)}(x_j / w_{m,j}) over each
 *   margin m in turn, with w_m the weights right after margin m was matched and an unweighted
 *   mean over the respondents of the level (R's approximation of the raking residuals).
 * Within a cell every respondent has the same weights and levels, so each step subtracts the
 * same amount from all of a cell's respondents, and only cell sums of x are needed. For raking
 * the level means are carried in level space: with β_{m,ℓ} the total removed per unit of w_m at
 * level ℓ, mean_ℓ = (Σ_{c∈ℓ} X_c/w_{m,c} − n_ℓ β_{m,ℓ} − Σ_{m'≠m} Σ_{ℓ'} K^{mm'}_{ℓℓ'} β_{m',ℓ'}) / n_ℓ,
 * where K^{mm'}_{ℓℓ'} = Σ_{c∈ℓ∩ℓ'} n_c w_{m',c}/w_{m,c}, so a sweep costs the size of the
 * margins' cross table, not the number of cells. The residuals are linear in x.
 *
 * @example
 * const residuals = calibrationResiduals(rakedWeighting);
 * residuals?.deltas(cellSums, deltas);
 */
export function calibrationResiduals(weighting: Weighting): CalibrationResiduals | null {
  if (weighting.calibration.length === 0) return null;
  const { design } = weighting;
  const counts = design.cellCount;
  const steps: PreparedStep[] = weighting.calibration.map((step) =>
    step.kind === 'raking' ? prepareRaking(design, step) : preparePostStratification(design, step),
  );
  const current = new Float64Array(counts.length);
  return {
    deltas(cellSums: Float64Array, deltas: Float64Array): void {
      current.set(cellSums);
      deltas.fill(0);
      for (const step of steps) {
        if (step.kind === 'post-stratification') {
          applyPostStratification(step, counts, current, deltas);
        } else {
          applyRaking(step, counts, current, deltas);
        }
      }
    },
  };
}
