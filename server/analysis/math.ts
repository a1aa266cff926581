/**
 * Numerical building blocks for the statistics in `server/analysis/`: the normal and Student t
 * distributions, log-gamma and the regularized incomplete beta function. Pure functions, no I/O.
 *
 * Accuracy (checked in test/unit/analysis.test.ts against SciPy reference values):
 * - `normalCdf` / `normalSf`: absolute error well below 1e-12 (relative error about 1e-14 in the tails).
 * - `tQuantile`: about 1e-10 or better for every df > 0 (exact formulas for df = 1 and 2).
 */

/** The 97.5% quantile of the standard normal distribution (two-sided 95% level). */
export const Z95 = 1.959963984540054;

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LN_SQRT_PI = 0.5 * Math.log(Math.PI);

/** Density of the standard normal distribution. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Φ(x) − 1/2 for 0 ≤ x < 3 by Marsaglia's series Φ(x) = 1/2 + φ(x)·(x + x³/3 + x⁵/(3·5) + …).
 * All terms are positive, so there is no cancellation.
 */
function halfCentralMass(x: number): number {
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let i = 1; i < 500; i++) {
    term *= x2 / (2 * i + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return normalPdf(x) * sum;
}

/**
 * Upper tail Q(x) = 1 − Φ(x) for x ≥ 0. Below 3 by the series, above by the continued fraction
 * Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))) evaluated backwards (converges fast for x ≥ 3).
 */
function upperTail(x: number): number {
  if (x < 3) return 0.5 - halfCentralMass(x);
  if (x > 40) return 0;
  let f = x;
  for (let k = 120; k >= 1; k--) f = x + k / f;
  return normalPdf(x) / f;
}

/** Φ(x), the standard normal distribution function. ±Infinity give 0 and 1. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 0) return x < 3 ? 0.5 + halfCentralMass(x) : 1 - upperTail(x);
  return upperTail(-x);
}

/** 1 − Φ(x), computed without cancellation in the upper tail. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/** Two-sided normal p-value 2(1 − Φ(|z|)), at most 1. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * upperTail(Math.abs(z)));
}

/**
 * Inverse of Φ (Acklam's rational approximation, then one Halley step on the exact Φ, giving
 * near machine precision). p ≤ 0 → −Infinity, p ≥ 1 → +Infinity, NaN → NaN.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p)) return NaN;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // Halley refinement; in the upper half work on the upper tail to keep precision.
  const e = p > 0.5 ? -(normalSf(x) - (1 - p)) : normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
  if (Number.isFinite(u)) x = x - u / (1 + 0.5 * x * u);
  return x;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 20000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** Regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Density of Student's t distribution with df > 0 degrees of freedom. */
export function tPdf(t: number, df: number): number {
  if (!(df > 0)) return NaN;
  if (df === Infinity) return normalPdf(t);
  const lnC = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df) - LN_SQRT_PI;
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Upper tail P(T > t) of Student's t with df > 0, computed without cancellation for t > 0. */
export function tSf(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalSf(t);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2); for small t use the complement form to keep precision.
  const t2 = t * t;
  const twoSided = t2 < df
    ? 1 - regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2)
    : regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return t >= 0 ? 0.5 * twoSided : 1 - 0.5 * twoSided;
}

/** Distribution function P(T ≤ t) of Student's t with df > 0. */
export function tCdf(t: number, df: number): number {
  return tSf(-t, df);
}

/**
 * Quantile of Student's t distribution: the t with P(T ≤ t) = p, for 0 < p < 1 and any df > 0
 * (integer or not; df = Infinity gives the normal quantile). Invalid input gives null.
 *
 * df = 1 and df = 2 use their closed forms; df ≥ 10⁴ uses the Cornish–Fisher expansion in 1/df
 * (four terms, error far below 1e-10 there). Otherwise that expansion is the start for Newton's
 * method on the exact tail probability (via the regularized incomplete beta function), kept inside
 * a bisection bracket, to a relative tolerance of 1e-13.
 */
export function tQuantile(p: number, df: number): number | null {
  if (!(p > 0 && p < 1) || !(df > 0) || Number.isNaN(df)) return null;
  if (p === 0.5) return 0;
  if (p < 0.5) {
    const upper = tQuantile(1 - p, df);
    return upper === null ? null : -upper;
  }
  if (df === Infinity) return normalQuantile(p);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const alpha = 1 - p; // upper-tail probability to hit
  const z = normalQuantile(p);
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  let t = z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
  // For very large df the series is already exact to double precision (error O(df⁻⁴)), while the
  // incomplete beta route loses digits to cancellation in ln Γ; use the series there.
  if (df >= 1e4 && Number.isFinite(t)) return t;
  if (!Number.isFinite(t) || t <= 0) t = 1;
  // Bracket [lo, hi] with tSf(lo) ≥ alpha > tSf(hi).
  let lo = 0;
  let hi = t;
  let guard = 0;
  while (tSf(hi, df) >= alpha && guard++ < 2000) {
    lo = hi;
    hi *= 2;
  }
  if (!Number.isFinite(hi)) return null;
  if (t <= lo || t >= hi) t = 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const f = tSf(t, df) - alpha; // decreasing in t
    if (f > 0) lo = t;
    else hi = t;
    const pdf = tPdf(t, df);
    let next = pdf > 0 ? t + f / pdf : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-13 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

/** The 0.975 quantile of Student's t with df degrees of freedom (the two-sided 95% critical value). */
export function tQuantile975(df: number): number | null {
  return tQuantile(0.975, df);
}

/** True when v is a finite number. */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Array.isArray that keeps the element type: the built-in guard (`v is any[]`) turns a `readonly T[]` into `any[]`.
 * The inputs are typed, but callers from JavaScript or JSON may still pass something that is not an array.
 */
export const isArray: (v: unknown) => v is readonly unknown[] = Array.isArray;
