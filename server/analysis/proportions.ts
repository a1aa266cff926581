/**
 * Proportions of favourable answers and their change between two anonymous waves.
 * Proportions are in 0..1, intervals at the 95% level (z = Z95). Pure functions, no I/O.
 */
import { Z95, isFiniteNumber, normalCdf } from './math';

/** x favourable answers out of n answers ("ved ikke / ikke relevant" left out of n). */
export interface Count {
  x: number;
  n: number;
}

/** A proportion with its interval, all in 0..1. */
export interface ProportionInterval {
  p: number;
  lo: number;
  hi: number;
}

/** A difference of proportions (later minus earlier) with its interval, in −1..1. */
export interface DifferenceInterval {
  d: number;
  lo: number;
  hi: number;
}

/** True when 0 ≤ x ≤ n, n > 0 and both are finite (x and n need not be integers). */
export function isValidCount(x: number, n: number): boolean {
  return isFiniteNumber(x) && isFiniteNumber(n) && n > 0 && x >= 0 && x <= n;
}

/**
 * Wilson score interval for x favourable out of n.
 * n = 0 (or any invalid input: negative, x > n, non-finite) gives null — no interval, never NaN.
 *
 * @example wilson(20, 40) // { p: 0.5, lo: 0.351995…, hi: 0.648005… }
 */
export function wilson(x: number, n: number, z: number = Z95): ProportionInterval | null {
  if (!isValidCount(x, n) || !isFiniteNumber(z) || z <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const lo = x === 0 ? 0 : Math.max(0, centre - half);
  const hi = x === n ? 1 : Math.min(1, centre + half);
  return { p, lo, hi };
}

/**
 * Newcombe's hybrid score interval (method 10) for p1 − p2, where wave 1 is the follow-up and
 * wave 2 the baseline (so a positive d is an increase). Built from the two Wilson intervals.
 * Null when either wave has no valid count.
 *
 * @example newcombe(56, 70, 48, 80) // { d: 0.2, lo: 0.052431…, hi: 0.333873… }
 */
export function newcombe(x1: number, n1: number, x2: number, n2: number): DifferenceInterval | null {
  const w1 = wilson(x1, n1);
  const w2 = wilson(x2, n2);
  if (w1 === null || w2 === null) return null;
  return newcombeFromWilson(w1, w2);
}

/** Newcombe's method 10 from two Wilson results (first minus second). */
export function newcombeFromWilson(w1: ProportionInterval, w2: ProportionInterval): DifferenceInterval {
  const d = w1.p - w2.p;
  const lo = d - Math.sqrt((w1.p - w1.lo) ** 2 + (w2.hi - w2.p) ** 2);
  const hi = d + Math.sqrt((w1.hi - w1.p) ** 2 + (w2.p - w2.lo) ** 2);
  return { d, lo: Math.max(-1, lo), hi: Math.min(1, hi) };
}

/** Half the width of an interval (e.g. the Wilson half-width the labels compare with 0.20). */
export function halfWidth(interval: { lo: number; hi: number }): number {
  return (interval.hi - interval.lo) / 2;
}

/**
 * Two-sided p of the pooled score test for p1 = p2 (the test Newcombe's interval inverts, near enough), so the
 * multiplicity correction and the interval speak about the same thing. Null when either n is 0.
 *
 * @example twoProportionP(56, 70, 48, 80) // 0.008…
 */
export function twoProportionP(x1: number, n1: number, x2: number, n2: number): number | null {
  if (!(n1 > 0 && n2 > 0) || !isFiniteNumber(x1) || !isFiniteNumber(x2)) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (variance === 0) return 1; // both all-favourable or all-unfavourable: no difference to test
  const z = Math.abs(x1 / n1 - x2 / n2) / Math.sqrt(variance);
  return Math.min(1, 2 * (1 - normalCdf(z)));
}
