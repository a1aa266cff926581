/**
 * Two independent groups of ordinal answers (e.g. a 5-point scale after vs before), given as
 * counts per category with index 0 = the lowest answer. Everything is O(K) in the number of
 * categories, never O(n). Pure functions, no I/O.
 */
import { isArray, isFiniteNumber, tQuantile975, twoSidedNormalP } from './math';

export interface MannWhitneyResult {
  /** U of the after-group: wins + ties/2 over all nA·nB (after, before) pairs. */
  u: number;
  /** Normal approximation with tie correction, no continuity correction; null when Var U = 0 (all answers tied). */
  z: number | null;
  /** Two-sided p = 2(1 − Φ(|z|)); null when z is null. */
  p: number | null;
  /** Cliff's delta = (wins − losses)/(nA·nB), in −1..1; positive = after higher. */
  delta: number;
  nA: number;
  nB: number;
}

export type CliffMagnitude = 'negligible' | 'small' | 'medium' | 'large';

export interface CliffsDeltaResult {
  delta: number;
  /** Feng & Cliff interval as in R's effsize::cliff.delta; null when it is undefined (a group below 2, or zero variance). */
  lo: number | null;
  hi: number | null;
  magnitude: CliffMagnitude;
  nA: number;
  nB: number;
}

interface Dominance {
  a: number[];
  b: number[];
  nA: number;
  nB: number;
  /** B(<k), B(>k), A(<k), A(>k) per category k. */
  bBelow: number[];
  bAbove: number[];
  aBelow: number[];
  aAbove: number[];
  wins: number;
  ties: number;
  losses: number;
}

/** Validates counts (finite, ≥ 0) and pads both to the same length; null when invalid. */
function dominance(countsA: readonly number[], countsB: readonly number[]): Dominance | null {
  if (!isArray(countsA) || !isArray(countsB)) return null;
  const K = Math.max(countsA.length, countsB.length);
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < K; k++) {
    const ak = countsA[k] ?? 0;
    const bk = countsB[k] ?? 0;
    if (!isFiniteNumber(ak) || !isFiniteNumber(bk) || ak < 0 || bk < 0) return null;
    a.push(ak);
    b.push(bk);
  }
  const nA = a.reduce((s, v) => s + v, 0);
  const nB = b.reduce((s, v) => s + v, 0);
  const bBelow: number[] = [];
  const aBelow: number[] = [];
  let cumA = 0;
  let cumB = 0;
  for (let k = 0; k < K; k++) {
    bBelow.push(cumB);
    aBelow.push(cumA);
    cumA += a[k];
    cumB += b[k];
  }
  const bAbove = b.map((bk, k) => nB - bBelow[k] - bk);
  const aAbove = a.map((ak, k) => nA - aBelow[k] - ak);
  let wins = 0;
  let ties = 0;
  for (let k = 0; k < K; k++) {
    wins += a[k] * bBelow[k];
    ties += a[k] * b[k];
  }
  const losses = nA * nB - wins - ties;
  return { a, b, nA, nB, bBelow, bAbove, aBelow, aAbove, wins, ties, losses };
}

/**
 * Mann–Whitney U of the after-group against the before-group, on category counts.
 * Null when either group is empty or a count is invalid; z and p null when every answer is tied.
 *
 * @example mannWhitney([1, 4, 8, 17, 15], [3, 7, 10, 12, 8]) // { u: 1129.5, z: 2.096614…, p: 0.036028…, delta: 0.255, … }
 */
export function mannWhitney(countsAfter: readonly number[], countsBefore: readonly number[]): MannWhitneyResult | null {
  const dm = dominance(countsAfter, countsBefore);
  if (dm === null || dm.nA <= 0 || dm.nB <= 0) return null;
  const { nA, nB, wins, ties, losses } = dm;
  const N = nA + nB;
  const u = wins + ties / 2;
  const delta = (wins - losses) / (nA * nB);
  let tieSum = 0;
  for (let k = 0; k < dm.a.length; k++) {
    const t = dm.a[k] + dm.b[k];
    tieSum += t * t * t - t;
  }
  const varU = ((nA * nB) / 12) * (N + 1 - tieSum / (N * (N - 1)));
  // Relative tolerance: with all answers in one category Var U is 0 up to rounding.
  if (!(varU > 1e-12 * ((nA * nB) / 12) * (N + 1))) return { u, z: null, p: null, delta, nA, nB };
  const z = (u - (nA * nB) / 2) / Math.sqrt(varU);
  return { u, z, p: twoSidedNormalP(z), delta, nA, nB };
}

/** Hess & Kromrey's words for |δ|: < 0.147 negligible, < 0.33 small, < 0.474 medium, else large. */
export function cliffMagnitude(delta: number): CliffMagnitude {
  const a = Math.abs(delta);
  if (a < 0.147) return 'negligible';
  if (a < 0.33) return 'small';
  if (a < 0.474) return 'medium';
  return 'large';
}

/**
 * Cliff's delta of after against before with the Feng & Cliff interval, reproducing R's
 * effsize::cliff.delta defaults (unbiased variance, Student t quantile at 0.975 on nA + nB − 2 df):
 *
 *   S² = [nB² Σ_i (d_i. − δ)² + nA² Σ_j (d_.j − δ)² − SSR] / [nA·nB·(nA−1)(nB−1)]
 *   lo, hi = [δ − δ³ ∓ q·S·sqrt((1−δ²)² + q²S²)] / [1 − δ² + q²S²]
 *
 * Like effsize, when the groups do not overlap at all (|δ| = 1) the variance and interval use
 * δ·(nA·nB − 1)/(nA·nB) and the bound on the side of δ is set to ±1.
 * Degenerate input: an empty group (or invalid counts) → null; a group of 1, or S² ≤ 0 (e.g. all
 * answers in one category) → lo and hi null (effsize would give NaN or a zero-width interval).
 *
 * @example cliffsDelta([1, 4, 8, 17, 15], [3, 7, 10, 12, 8]) // { delta: 0.255, lo: 0.013202…, hi: 0.468622…, magnitude: 'small', … }
 */
export function cliffsDelta(countsAfter: readonly number[], countsBefore: readonly number[]): CliffsDeltaResult | null {
  const dm = dominance(countsAfter, countsBefore);
  if (dm === null || dm.nA <= 0 || dm.nB <= 0) return null;
  const { a, b, nA, nB, wins, ties, losses } = dm;
  const nm = nA * nB;
  const delta = (wins - losses) / nm;
  const magnitude = cliffMagnitude(delta);
  const none = { delta, lo: null, hi: null, magnitude, nA, nB };
  if (nA < 2 || nB < 2) return none;
  const dd = Math.abs(delta) >= 1 ? delta * ((nm - 1) / nm) : delta; // effsize's d.
  let sumI = 0; // Σ over after-answers of (d_i. − δ)²
  let sumJ = 0; // Σ over before-answers of (d_.j − δ)²
  for (let k = 0; k < a.length; k++) {
    const di = (dm.bBelow[k] - dm.bAbove[k]) / nB;
    const dj = (dm.aAbove[k] - dm.aBelow[k]) / nA;
    sumI += a[k] * (di - dd) ** 2;
    sumJ += b[k] * (dj - dd) ** 2;
  }
  const ssr = wins * (1 - dd) ** 2 + ties * dd * dd + losses * (1 + dd) ** 2;
  const s2 = (nB * nB * sumI + nA * nA * sumJ - ssr) / (nm * (nA - 1) * (nB - 1));
  const q = tQuantile975(nA + nB - 2);
  if (!(s2 > 1e-15) || q === null) return none;
  const root = q * Math.sqrt(s2) * Math.sqrt((1 - dd * dd) ** 2 + q * q * s2);
  const denom = 1 - dd * dd + q * q * s2;
  let lo = (dd - dd ** 3 - root) / denom;
  let hi = (dd - dd ** 3 + root) / denom;
  if (delta >= 1) hi = 1;
  if (delta <= -1) lo = -1;
  lo = Math.max(-1, lo);
  hi = Math.min(1, hi);
  return { delta, lo, hi, magnitude, nA, nB };
}
