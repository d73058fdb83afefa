// The intercept-only logistic fit behind R's logit interval, by the same IRLS steps as glm.fit.

/** Respondents of one cell of a proportion's base: their prior weight and how many chose the option. */
export interface LogitCellColumns {
  /** Prior weight of each cell's respondents (survey weight / mean survey weight). */
  weights: ArrayLike<number>;
  /** Respondents choosing the option (y = 1). */
  ones: ArrayLike<number>;
  /** Respondents in the base not choosing it (y = 0). */
  zeros: ArrayLike<number>;
}

/** Result of {@link fitInterceptLogit}. */
export interface LogitFit {
  /** The fitted log-odds β̂. */
  coefficient: number;
  /** expit(β̂). */
  fitted: number;
  iterations: number;
  converged: boolean;
}

const epsilon = 1e-8;
const maxIterations = 25;

function expit(eta: number): number {
  const e = Math.exp(eta);
  return e / (1 + e);
}

/**
 * Fits logit(μ) = β to 0/1 data with prior weights v by iteratively reweighted least squares,
 * step for step as R's `glm.fit` does for `svyglm(y ~ 1, family = quasibinomial)`, which
 * `svyciprop(method = "logit")` centres its interval on.
 *
 * Start: μ_i = (v_i y_i + ½)/(v_i + 1) (the binomial family's `mustart`). Each step regresses
 * the working response z_i = η_i + (y_i − μ_i)/(μ_i(1 − μ_i)) on 1 with weights v_i μ_i(1 − μ_i);
 * after the first step μ is common to all, and the step is β ← β + (p̂ − μ)/(μ(1 − μ)), Newton's
 * method for the weighted proportion p̂. It stops when the deviance
 * D = −2 Σ v_i [y_i log μ + (1 − y_i) log(1 − μ)] changes by less than 1e-8 · (|D| + 0.1)
 * (`glm.control()`), so β̂ differs from logit(p̂) by up to about 1e-9, as in R.
 * Reference: McCullagh & Nelder (1989), Generalized Linear Models, 2.5; R's `glm.fit`.
 *
 * @example
 * fitInterceptLogit({ weights: [1, 1], ones: [3, 1], zeros: [1, 5] }).fitted; // ≈ 0.4
 */
export function fitInterceptLogit(cells: LogitCellColumns): LogitFit {
  const count = cells.weights.length;
  let weightedOnes = 0;
  let weightedZeros = 0;
  let numerator = 0;
  let denominator = 0;
  let deviance = 0;
  for (let c = 0; c < count; c++) {
    const v = cells.weights[c] as number;
    const ones = cells.ones[c] as number;
    const zeros = cells.zeros[c] as number;
    weightedOnes += v * ones;
    weightedZeros += v * zeros;
    if (ones > 0) {
      const mu = (v + 0.5) / (v + 1);
      const w = v * mu * (1 - mu);
      numerator += ones * w * (Math.log(mu / (1 - mu)) + (1 - mu) / (mu * (1 - mu)));
      denominator += ones * w;
      deviance += ones * -2 * v * Math.log(mu);
    }
    if (zeros > 0) {
      const mu = 0.5 / (v + 1);
      const w = v * mu * (1 - mu);
      numerator += zeros * w * (Math.log(mu / (1 - mu)) - mu / (mu * (1 - mu)));
      denominator += zeros * w;
      deviance += zeros * -2 * v * Math.log(1 - mu);
    }
  }
  const proportion = weightedOnes / (weightedOnes + weightedZeros);
  const devianceAt = (mu: number) =>
    -2 * (weightedOnes * Math.log(mu) + weightedZeros * Math.log(1 - mu));
  let coefficient = numerator / denominator;
  let fitted = expit(coefficient);
  let previous = deviance;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (iteration > 1) {
      coefficient += (proportion - fitted) / (fitted * (1 - fitted));
      fitted = expit(coefficient);
    }
    const current = devianceAt(fitted);
    if (Math.abs(current - previous) / (Math.abs(current) + 0.1) < epsilon) {
      return { coefficient, fitted, iterations: iteration, converged: true };
    }
    previous = current;
  }
  return { coefficient, fitted, iterations: maxIterations, converged: false };
}
