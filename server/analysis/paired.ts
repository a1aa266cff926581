/**
 * Paired answers (the optional self-generated code links a person's baseline and follow-up).
 * Supplementary: show only when the number of pairs reaches the anonymity threshold.
 * Pure functions, no I/O.
 */
import { isArray, isFiniteNumber, twoSidedNormalP } from './math';
import { wilson, type DifferenceInterval } from './proportions';

export interface McNemarResult {
  /** (b − c)²/(b + c) without continuity correction; null when b + c = 0. */
  chi2: number | null;
  /** p of chi2 on 1 df (= 2(1 − Φ(√chi2))); null when chi2 is null. */
  pChi2: number | null;
  /** Exact two-sided binomial p = min(1, 2·Σ_{i ≤ min(b,c)} C(b+c, i)/2^(b+c)); 1 when b + c = 0. */
  pExact: number;
}

/**
 * McNemar's test with b = improvers (no → yes) and c = decliners (yes → no).
 * Null when b or c is negative, non-finite or not a whole number.
 *
 * @example mcnemar(9, 3) // { chi2: 3, pChi2: 0.0832…, pExact: 0.145996… }
 */
export function mcnemar(b: number, c: number): McNemarResult | null {
  if (!isFiniteNumber(b) || !isFiniteNumber(c) || b < 0 || c < 0 || !Number.isInteger(b) || !Number.isInteger(c)) return null;
  const n = b + c;
  if (n === 0) return { chi2: null, pChi2: null, pExact: 1 };
  const chi2 = (b - c) ** 2 / n;
  const m = Math.min(b, c);
  // Σ_{i ≤ m} C(n, i) / 2^n in log space: term_{i+1} = term_i · (n − i)/(i + 1).
  let logTerm = -n * Math.LN2;
  let sum = 0;
  for (let i = 0; i <= m; i++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log(n - i) - Math.log(i + 1);
  }
  return { chi2, pChi2: twoSidedNormalP(Math.sqrt(chi2)), pExact: Math.min(1, 2 * sum) };
}

/**
 * Difference of paired proportions, follow-up minus baseline, with Newcombe's hybrid score ("square-and-add")
 * interval, method 10 of Newcombe (1998), as recommended by Fagerland, Lydersen & Laake (2014, "Recommended
 * tests and confidence intervals for paired binomial proportions", Stat Med 33:2850–2875).
 * r = yes→yes, s = no→yes, t = yes→no, u = no→no (baseline→follow-up); n = r + s + t + u; d = (s − t)/n.
 * With the Wilson intervals (l₁, u₁) of the follow-up share p₁ = (r + s)/n and (l₂, u₂) of the baseline share
 * p₂ = (r + t)/n:
 *   lo = d − √((p₁ − l₁)² − 2φ(p₁ − l₁)(u₂ − p₂) + (u₂ − p₂)²)
 *   hi = d + √((u₁ − p₁)² − 2φ(u₁ − p₁)(p₂ − l₂) + (p₂ − l₂)²)
 * where φ is the continuity-corrected correlation: with A = r·u − s·t, A* = A − n/2 when A > n/2, 0 when
 * 0 ≤ A ≤ n/2, and A when A < 0; φ = A* ÷ √((r+s)(t+u)(r+t)(s+u)), and 0 when a margin is 0.
 * The correction matters when nobody changed (s = t = 0): the raw φ is then 1 and the interval collapses to
 * (0, 0); the corrected φ < 1 keeps it as wide as the data allow.
 * Null when there are no pairs or a count is invalid.
 *
 * @example newcombePaired(6, 9, 3, 2) // { d: 0.3, lo: −0.026940…, hi: 0.555137… }
 * @example newcombePaired(59, 6, 16, 80) // { d: −0.062112…, lo: −0.1186…, hi: −0.0046… } (Cavo et al. 2012, FLL 2014)
 */
export function newcombePaired(r: number, s: number, t: number, u: number): DifferenceInterval | null {
  for (const v of [r, s, t, u]) if (!isFiniteNumber(v) || v < 0) return null;
  const n = r + s + t + u;
  if (!(n > 0)) return null;
  const wAfter = wilson(r + s, n); // yes at follow-up
  const wBefore = wilson(r + t, n); // yes at baseline
  if (wAfter === null || wBefore === null) return null;
  const pA = wAfter.p;
  const pB = wBefore.p;
  const d = (s - t) / n;
  const phi = correctedPhi(r, s, t, u);
  const dl = Math.sqrt(Math.max(0, (pA - wAfter.lo) ** 2 - 2 * phi * (pA - wAfter.lo) * (wBefore.hi - pB) + (wBefore.hi - pB) ** 2));
  const du = Math.sqrt(Math.max(0, (wAfter.hi - pA) ** 2 - 2 * phi * (wAfter.hi - pA) * (pB - wBefore.lo) + (pB - wBefore.lo) ** 2));
  return { d, lo: Math.max(-1, d - dl), hi: Math.min(1, d + du) };
}

/** Newcombe's continuity-corrected phi of the paired 2×2 table (see newcombePaired); 0 when a margin is 0. */
export function correctedPhi(r: number, s: number, t: number, u: number): number {
  const n = r + s + t + u;
  const denom = (r + s) * (t + u) * (r + t) * (s + u);
  if (!(denom > 0)) return 0;
  const a = r * u - s * t;
  const corrected = a > n / 2 ? a - n / 2 : a >= 0 ? 0 : a;
  return corrected / Math.sqrt(denom);
}

export interface WilcoxonResult {
  /** Sum of the mid-ranks of |after − before| over pairs that improved. */
  wPlus: number;
  /** Same over pairs that declined. */
  wMinus: number;
  /** Pairs used: complete pairs with a non-zero difference. */
  n: number;
  /** (W+ − n(n+1)/4)/sqrt(Var), tie-corrected, no continuity correction; null when n = 0. */
  z: number | null;
  /** Two-sided normal p; null when z is null. */
  p: number | null;
  /** Matched-pairs rank-biserial r = (W+ − W−)/(W+ + W−); null when n = 0. */
  r: number | null;
}

/**
 * Wilcoxon signed-rank test on paired answers, difference = after − before.
 * Pairs where either value is not a finite number are left out; zero differences are dropped;
 * |differences| get mid-ranks; Var W+ = n(n+1)(2n+1)/24 − Σ(t³ − t)/48.
 * Null when the two arrays differ in length (they must be aligned pair by pair).
 *
 * @example wilcoxonSignedRank([3, 2, 4], [4, 4, 4]) // { wPlus: 3, wMinus: 0, n: 2, … }
 */
export function wilcoxonSignedRank(before: readonly number[], after: readonly number[]): WilcoxonResult | null {
  if (!isArray(before) || !isArray(after) || before.length !== after.length) return null;
  const diffs: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const b = before[i];
    const a = after[i];
    if (!isFiniteNumber(a) || !isFiniteNumber(b)) continue;
    const d = a - b;
    if (d !== 0) diffs.push(d);
  }
  const n = diffs.length;
  if (n === 0) return { wPlus: 0, wMinus: 0, n: 0, z: null, p: null, r: null };
  const order = diffs.map((d, i) => ({ abs: Math.abs(d), positive: d > 0, i })).sort((x, y) => x.abs - y.abs);
  let wPlus = 0;
  let wMinus = 0;
  let tieSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && order[end + 1].abs === order[start].abs) end++;
    const t = end - start + 1;
    const midRank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) {
      if (order[j].positive) wPlus += midRank;
      else wMinus += midRank;
    }
    tieSum += t * t * t - t;
    start = end + 1;
  }
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48;
  const r = (wPlus - wMinus) / (wPlus + wMinus);
  if (!(variance > 0)) return { wPlus, wMinus, n, z: null, p: null, r };
  const z = (wPlus - (n * (n + 1)) / 4) / Math.sqrt(variance);
  return { wPlus, wMinus, n, z, p: twoSidedNormalP(z), r };
}
