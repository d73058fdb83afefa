// The beta distribution's quantile function (R's qbeta), solved to full double precision.
//
// Kept ours: @stdlib/stats-base-dists-beta-quantile 0.2.3 is 3.0e-10 relative from R's qbeta at
// shape parameters near 1e15 (the tests ask 1e-14), 2.8e-10 from the normal limit at 1e20, and
// NaN for a shape parameter of 0 (tests/analysis/distribution-functions).

import { betaKernel, betaTails } from './incomplete-beta.ts';
import { logBeta } from './log-gamma.ts';
import { normalQuantile } from './normal-quantile.ts';

/** A point of [0, 1] kept as both x and 1 − x, so whichever is small keeps its relative precision. */
export interface UnitPoint {
  x: number;
  y: number;
}

const maxIterations = 400;

/**
 * Both shape parameters at least this large: the quantile comes from the normal approximation
 * with its skewness term. The terms it leaves out are O(σ z³ / min(a, b)) and σ is at most
 * 1/√min(a, b) of the mean, so they are far under an ulp of the quantile. The continued fraction,
 * by contrast, needs ever more iterations near the mean: seconds at 1e20, without end at 1e30,
 * which a Korn–Graubard interval asks for when an SE is rounding noise around 0.
 */
const asymptoticShape = 1e15;

function fromX(x: number): UnitPoint {
  return { x, y: 1 - x };
}

function fromY(y: number): UnitPoint {
  return { x: 1 - y, y };
}

// The midpoint along the coordinate that is small at both ends, so bisection near 1 stays exact.
function midpoint(low: UnitPoint, high: UnitPoint): UnitPoint {
  if (low.y <= 0.5 && high.y <= 0.5) return fromY((low.y + high.y) / 2);
  return fromX((low.x + high.x) / 2);
}

// Starting value: a normal approximation around the mean, or the leading term of the tail
// (I_x ≈ x^a / (a B(a, b)) near 0, and the mirror image near 1), whichever fits better.
function startingPoints(target: number, lowerTail: boolean, a: number, b: number): UnitPoint[] {
  const total = a + b;
  const mean = a / total;
  const sd = Math.sqrt((a * b) / (total * total * (total + 1)));
  const z = normalQuantile(target);
  const points: UnitPoint[] = [];
  const normal = mean + (lowerTail ? z : -z) * sd;
  if (normal > 0 && normal < 1) points.push(fromX(normal));
  const logB = logBeta(a, b);
  if (lowerTail) {
    const x = Math.exp((Math.log(target) + Math.log(a) + logB) / a);
    if (x > 0 && x < 1) points.push(fromX(x));
  } else {
    const y = Math.exp((Math.log(target) + Math.log(b) + logB) / b);
    if (y > 0 && y < 1) points.push(fromY(y));
  }
  return points;
}

// The Cornish–Fisher expansion to the skewness term, x = μ + σ (z + γ (z² − 1) / 6), with
// x and 1 − x each offset from their own mean so neither loses relative precision.
// Reference: Johnson, Kotz & Balakrishnan (1995), Continuous Univariate Distributions 2, 25.2.
function asymptoticPoint(z: number, a: number, b: number): UnitPoint {
  const total = a + b;
  const sd = Math.sqrt(((a / total) * (b / total)) / (total + 1));
  const skewness =
    (2 * (b - a) * Math.sqrt(total + 1)) / ((total + 2) * Math.sqrt(a) * Math.sqrt(b));
  const offset = sd * (z + (skewness * (z * z - 1)) / 6);
  return { x: a / total + offset, y: b / total - offset };
}

// Finds the point where the chosen tail equals `target` (≤ ½, so the tail is computed directly):
// Newton's method on the distribution function, safeguarded by a bisection bracket.
function solve(target: number, lowerTail: boolean, a: number, b: number): UnitPoint {
  const tailMinusTarget = (point: UnitPoint): number => {
    const tails = betaTails(point.x, point.y, a, b);
    return (lowerTail ? tails.lower : tails.upper) - target;
  };
  // sign * tailMinusTarget increases with x.
  const sign = lowerTail ? 1 : -1;
  let low = fromX(0);
  let high = fromY(0);
  let current: UnitPoint | undefined;
  let best = Infinity;
  for (const start of startingPoints(target, lowerTail, a, b)) {
    const value = Math.abs(tailMinusTarget(start));
    if (value < best) {
      best = value;
      current = start;
    }
  }
  current ??= fromX(0.5);
  let previousStep = Infinity;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const value = tailMinusTarget(current);
    if (value === 0) return current;
    if (sign * value < 0) low = current;
    else high = current;
    const onX: boolean = current.x <= 0.5;
    const scale = onX ? current.x : current.y;
    const density: number = betaKernel(current.x, current.y, a, b) / (current.x * current.y);
    const step: number = -value / (sign * density);
    const size = Math.abs(step);
    // Converged, or Newton is only chasing rounding noise in the distribution function.
    if (size <= 2e-16 * scale || (size >= previousStep && size <= 1e-13 * scale)) {
      return onX ? fromX(current.x + step) : fromY(current.y - step);
    }
    let next: UnitPoint | undefined;
    if (Number.isFinite(step) && density > 0) {
      // The bracket test uses the coordinate being updated; the other may not resolve the step.
      next = onX ? fromX(current.x + step) : fromY(current.y - step);
      const inside = onX ? next.x > low.x && next.x < high.x : next.y < low.y && next.y > high.y;
      if (!inside) next = undefined;
    }
    if (next === undefined) {
      next = midpoint(low, high);
      const width = Math.min(high.x - low.x, low.y - high.y);
      if (width === 0 || width <= 4e-16 * Math.min(next.x, next.y)) return next;
      previousStep = Infinity;
    } else {
      previousStep = size;
    }
    current = next;
  }
  return current;
}

/**
 * The p-quantile of the beta(a, b) distribution: the x with I_x(a, b) = p (R's `qbeta`).
 *
 * Solved by Newton's method on the incomplete beta function (density as derivative) inside a
 * bisection bracket, always matching the tail that is at most ½ so that no 1 − p precision is
 * lost; the result is accurate to a few units in the last place of the smaller of x and 1 − x.
 * When both shape parameters are 1e15 or more the beta is normal to double precision and the
 * quantile is its Cornish–Fisher expansion (R's qbeta gives NaN from about 1e18 on). a = 0 is a
 * point mass at 0 and b = 0 one at 1. Pass `lowerTail: false` to solve P(X > x) = p.
 * Reference: Abramowitz & Stegun (1964) 26.5; Cran, Martin & Thomas (1977), AS 109.
 *
 * @example
 * betaQuantile(0.025, 1, 10); // 1 − 0.975^(1/10) = 0.0025285785444...
 */
export function betaQuantile(p: number, a: number, b: number, lowerTail = true): number {
  return betaQuantilePoint(p, a, b, lowerTail).x;
}

/**
 * Like {@link betaQuantile}, but returns the quantile x together with 1 − x, each to full
 * relative precision (for quantiles within 1e-10 of 1, 1 − x is far more precise than x).
 *
 * @example
 * betaQuantilePoint(0.05, 0.5, 5000, false).x; // the y of a t quantile with 10,000 df
 */
export function betaQuantilePoint(p: number, a: number, b: number, lowerTail = true): UnitPoint {
  if (!(p >= 0 && p <= 1)) throw new Error(`betaQuantile needs p in [0, 1], got ${p}`);
  if (!(a >= 0) || !(b >= 0) || (a === 0 && b === 0)) {
    throw new Error(`beta distribution needs a, b >= 0, not both 0; got ${a}, ${b}`);
  }
  const lowerProbability = lowerTail ? p : 1 - p;
  if (a === 0) return fromX(0);
  if (b === 0) return fromY(0);
  if ((lowerTail && p === 0) || (!lowerTail && p === 1)) return fromX(0);
  if ((lowerTail && p === 1) || (!lowerTail && p === 0)) return fromY(0);
  if (Math.min(a, b) >= asymptoticShape) {
    // The normal quantile of the tail asked for, so a tiny upper-tail p keeps its precision.
    return asymptoticPoint(lowerTail ? normalQuantile(p) : -normalQuantile(p), a, b);
  }
  if (lowerProbability <= 0.5) return solve(lowerTail ? p : 1 - p, true, a, b);
  return solve(lowerTail ? 1 - p : p, false, a, b);
}
