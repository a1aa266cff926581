// Unit tests for server/analysis: every vector of STATISTICS.md to 6 decimals, degenerate input,
// and brute-force cross-checks on expanded individual observations.
// Reference values marked "SciPy" were computed with SciPy 1.17 (scipy.stats) for this file.
import { describe, it, expect } from 'vitest';
import {
  Z95,
  normalCdf,
  normalSf,
  normalQuantile,
  tQuantile,
  tQuantile975,
  tCdf,
  wilson,
  newcombe,
  mannWhitney,
  cliffsDelta,
  cliffMagnitude,
  mcnemar,
  newcombePaired,
  wilcoxonSignedRank,
  did2x2,
  staggeredDid,
  combineWeighted,
  benjaminiHochberg,
  suppress,
  suppressTree,
  suppressTwoWay,
  responseRates,
  formatRate,
  managerLabel,
  labelFromCounts,
  estimateLabel,
  changeLabel,
  formatLabel,
  formatPoints,
  LABEL_TEXT,
  type UnitNode,
  type TwoWayCell,
} from '../../server/analysis';

const close = (actual: number | null | undefined, expected: number, digits = 6) => {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  expect(Number.isNaN(actual)).toBe(false);
  expect(actual as number).toBeCloseTo(expected, digits);
};

/** Small deterministic PRNG (mulberry32) for randomized cross-checks. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const expand = (counts: number[]) => counts.flatMap((c, k) => Array.from({ length: c }, () => k));

describe('math', () => {
  it('Z95 is the 97.5% normal quantile', () => {
    expect(Z95).toBe(1.959963984540054);
    close(normalQuantile(0.975), Z95, 12);
    close(normalQuantile(1e-10), -6.361340902404056, 10); // SciPy
  });

  it('normal CDF to better than 1e-7 (SciPy references)', () => {
    close(normalCdf(0), 0.5, 15);
    close(normalCdf(1), 0.8413447460685429, 12);
    close(normalCdf(0.5), 0.6914624612740131, 12);
    close(normalCdf(-0.3), 0.3820885778110474, 12);
    close(normalCdf(-3.5), 0.00023262907903552502, 14);
    close(normalCdf(2.096614), 0.9819861205247328, 12);
    expect(normalSf(3) / 0.0013498980316300933).toBeCloseTo(1, 12);
    expect(normalSf(2.9999) / 0.001350341282954925).toBeCloseTo(1, 12);
    expect(normalSf(6) / 9.865876450376946e-10).toBeCloseTo(1, 10);
    expect(normalSf(10) / 7.61985302416047e-24).toBeCloseTo(1, 10);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
  });

  it('Student t 0.975 quantile for any df (SciPy references, 1e-6 or better)', () => {
    const ref: Array<[number, number]> = [
      [0.5, 164.55767348048818],
      [1, 12.706204736174694],
      [2, 4.302652729749462],
      [3, 3.1824463052837078],
      [4, 2.7764451051977934],
      [5, 2.5705818356363146],
      [10, 2.228138851986274],
      [30, 2.0422724563012378],
      [83, 1.9889597801751624],
      [1000, 1.9623390808264083],
      [1e4, 1.960201239890626],
      [1e5, 1.9599877075346095],
      [1e6, 1.959966356814107],
      [1e9, 1.959963986912325],
    ];
    for (const [df, q] of ref) expect(Math.abs((tQuantile975(df) as number) - q)).toBeLessThan(1e-9 * Math.max(1, q));
    expect(tQuantile975(Infinity)).toBeCloseTo(Z95, 12);
    close(tQuantile(0.995, 7), 3.4994832973504924, 10);
    close(tQuantile(0.025, 3.5), -2.9400886379827296, 10);
    close(tQuantile(0.9999, 1.5), 242.26409884652412, 8);
    close(tCdf(tQuantile975(17) as number, 17), 0.975, 12);
    expect(tQuantile(0.5, 9)).toBe(0);
    expect(tQuantile975(0)).toBeNull();
    expect(tQuantile975(-3)).toBeNull();
    expect(tQuantile975(NaN)).toBeNull();
    expect(tQuantile(1, 5)).toBeNull();
  });
});

describe('wilson', () => {
  it('STATISTICS.md vectors', () => {
    const vectors: Array<[number, number, number, number]> = [
      [20, 40, 0.351995, 0.648005],
      [0, 5, 0, 0.434482],
      [5, 5, 0.565518, 1],
      [56, 70, 0.691834, 0.876953],
    ];
    for (const [x, n, lo, hi] of vectors) {
      const w = wilson(x, n)!;
      close(w.p, x / n);
      close(w.lo, lo);
      close(w.hi, hi);
    }
    expect(wilson(0, 5)!.lo).toBe(0);
    expect(wilson(5, 5)!.hi).toBe(1);
  });

  it('n = 0 and invalid input give null, never NaN', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, 2)).toBeNull();
    expect(wilson(-1, 5)).toBeNull();
    expect(wilson(NaN, 5)).toBeNull();
    expect(wilson(1, Infinity)).toBeNull();
  });
});

describe('newcombe', () => {
  it('STATISTICS.md vector: 56/70 − 48/80', () => {
    const r = newcombe(56, 70, 48, 80)!;
    close(r.d, 0.2);
    close(r.lo, 0.052431);
    close(r.hi, 0.333873);
  });

  it('n = 0 in either wave gives null', () => {
    expect(newcombe(1, 0, 2, 3)).toBeNull();
    expect(newcombe(1, 3, 0, 0)).toBeNull();
  });

  it('all answers in one category stays finite', () => {
    const r = newcombe(10, 10, 10, 10)!;
    expect(r.d).toBe(0);
    expect(r.lo).toBeLessThan(0);
    expect(r.hi).toBeGreaterThan(0);
  });
});

/** Brute force over individual observations: dominance matrix, ranks, Cliff's S² as in effsize's "Naive" algorithm. */
function bruteOrdinal(after: number[], before: number[]) {
  const A = expand(after);
  const B = expand(before);
  const nA = A.length;
  const nB = B.length;
  const dm = A.map((a) => B.map((b) => Math.sign(a - b)));
  let sum = 0;
  for (const row of dm) for (const v of row) sum += v;
  const delta = sum / (nA * nB);
  const dd = Math.abs(delta) === 1 ? (delta * (nA * nB - 1)) / (nA * nB) : delta;
  const di = dm.map((row) => row.reduce((s, v) => s + v, 0) / nB);
  const dj = B.map((_, j) => dm.reduce((s, row) => s + row[j], 0) / nA);
  let ssr = 0;
  for (const row of dm) for (const v of row) ssr += (v - dd) ** 2;
  const s2 =
    (nB * nB * di.reduce((s, v) => s + (v - dd) ** 2, 0) + nA * nA * dj.reduce((s, v) => s + (v - dd) ** 2, 0) - ssr) /
    (nA * nB * (nA - 1) * (nB - 1));
  const q = tQuantile975(nA + nB - 2)!;
  const root = q * Math.sqrt(s2) * Math.sqrt((1 - dd * dd) ** 2 + q * q * s2);
  const den = 1 - dd * dd + q * q * s2;
  // U by counting pairs; z from pooled mid-ranks.
  let u = 0;
  for (const a of A) for (const b of B) u += a > b ? 1 : a === b ? 0.5 : 0;
  const pooled = [...A, ...B];
  const N = pooled.length;
  const rank = (v: number) => pooled.filter((w) => w < v).length + (pooled.filter((w) => w === v).length + 1) / 2;
  const meanRank = (N + 1) / 2;
  const rankVar = pooled.reduce((s, v) => s + (rank(v) - meanRank) ** 2, 0) / (N - 1);
  const varU = ((nA * nB) / N) * rankVar; // permutation variance of the rank sum, = the tie-corrected formula
  const z = (u - (nA * nB) / 2) / Math.sqrt(varU);
  return { delta, s2, lo: (dd - dd ** 3 - root) / den, hi: (dd - dd ** 3 + root) / den, u, z };
}

describe('mannWhitney and cliffsDelta', () => {
  const after = [1, 4, 8, 17, 15];
  const before = [3, 7, 10, 12, 8];

  it('STATISTICS.md vector: U 1129.5, z 2.096614, p 0.036028, delta 0.255', () => {
    const r = mannWhitney(after, before)!;
    close(r.u, 1129.5);
    close(r.z, 2.096614);
    close(r.p, 0.036028);
    close(r.delta, 0.255);
    expect(r.nA).toBe(45);
    expect(r.nB).toBe(40);
    // SciPy mannwhitneyu(use_continuity=False, method='asymptotic'): p = 0.03602775566537664
    close(r.p, 0.03602775566537664, 12);
  });

  it('Cliff interval matches effsize::cliff.delta (computed value written down, brute force agrees)', () => {
    // Computed for this vector with the effsize formulas (unbiased S², qt(0.975, 83) = 1.98895978…):
    // S² = 0.013820648795648796, lo = 0.013202188507236748, hi = 0.46862245354805515.
    const r = cliffsDelta(after, before)!;
    close(r.delta, 0.255);
    close(r.lo, 0.013202);
    close(r.hi, 0.468622);
    close(r.lo, 0.013202188507236748, 12);
    close(r.hi, 0.46862245354805515, 12);
    expect(r.magnitude).toBe('small');
    const brute = bruteOrdinal(after, before);
    close(brute.s2, 0.013820648795648796, 14);
    close(r.lo, brute.lo, 12);
    close(r.hi, brute.hi, 12);
  });

  it('a second vector and a fully disjoint one agree with the effsize formulas', () => {
    const r = cliffsDelta([0, 2, 5, 9, 4], [2, 4, 6, 3, 1])!;
    close(r.delta, 0.478125, 12);
    close(r.lo, 0.10236307533050239, 10);
    close(r.hi, 0.7344764653547907, 10);
    // Disjoint groups: effsize uses δ·(nm−1)/nm for the variance and sets the upper bound to 1.
    const d = cliffsDelta([0, 0, 0, 0, 5], [5])!;
    expect(d.delta).toBe(1);
    expect(d.hi).toBe(1);
    close(d.lo, 0.8178146606123984, 10);
    expect(d.magnitude).toBe('large');
    const m = cliffsDelta([5], [0, 0, 0, 0, 5])!;
    expect(m.delta).toBe(-1);
    expect(m.lo).toBe(-1);
  });

  it('randomized: O(K) results equal brute force over expanded observations', () => {
    const rand = rng(20240501);
    for (let trial = 0; trial < 60; trial++) {
      const K = 2 + Math.floor(rand() * 5);
      const a = Array.from({ length: K }, () => Math.floor(rand() * 9));
      const b = Array.from({ length: K }, () => Math.floor(rand() * 9));
      if (expand(a).length < 2 || expand(b).length < 2) continue;
      const brute = bruteOrdinal(a, b);
      const mw = mannWhitney(a, b)!;
      expect(mw.u).toBeCloseTo(brute.u, 9);
      expect(mw.delta).toBeCloseTo(brute.delta, 12);
      if (Number.isFinite(brute.z)) close(mw.z, brute.z, 9);
      const cd = cliffsDelta(a, b)!;
      if (brute.s2 > 1e-12) {
        close(cd.lo, brute.delta === -1 ? -1 : brute.lo, 9);
        close(cd.hi, brute.delta === 1 ? 1 : brute.hi, 9);
      }
    }
  });

  it('magnitude words (Hess & Kromrey)', () => {
    expect(cliffMagnitude(0.146)).toBe('negligible');
    expect(cliffMagnitude(-0.147)).toBe('small');
    expect(cliffMagnitude(0.33)).toBe('medium');
    expect(cliffMagnitude(-0.474)).toBe('large');
  });

  it('degenerate input: empty groups, all ties, a group of one, unequal lengths', () => {
    expect(mannWhitney([], [])).toBeNull();
    expect(mannWhitney([0, 0], [1, 2])).toBeNull();
    expect(cliffsDelta([3], [])).toBeNull();
    expect(mannWhitney([1, -2], [1, 2])).toBeNull();
    const ties = mannWhitney([0, 0, 7], [0, 0, 4])!;
    expect(ties.u).toBe(14);
    expect(ties.z).toBeNull();
    expect(ties.p).toBeNull();
    expect(ties.delta).toBe(0);
    const tieCliff = cliffsDelta([0, 0, 7], [0, 0, 4])!;
    expect(tieCliff.delta).toBe(0);
    expect(tieCliff.lo).toBeNull();
    expect(tieCliff.hi).toBeNull();
    const one = cliffsDelta([0, 1], [3, 2])!;
    expect(one.lo).toBeNull();
    expect(Number.isNaN(one.delta)).toBe(false);
    // Unequal number of categories: the shorter is padded with zeros.
    expect(mannWhitney([1, 2, 3], [3, 2])!.u).toBe(mannWhitney([1, 2, 3], [3, 2, 0])!.u);
  });
});

describe('paired', () => {
  it('STATISTICS.md vectors: newcombePaired r6 s9 t3 u2 and McNemar b9 c3', () => {
    const r = newcombePaired(6, 9, 3, 2)!;
    close(r.d, 0.3);
    close(r.lo, -0.02694);
    close(r.hi, 0.555137);
    const m = mcnemar(9, 3)!;
    close(m.chi2, 3.0);
    close(m.pExact, 0.145996);
    expect(m.pExact).toBeCloseTo(2 * (1 + 12 + 66 + 220) / 4096, 14);
    close(m.pChi2, 0.08326451666355042, 12); // SciPy chi2.sf(3, 1)
  });

  it('McNemar exact p: symmetric, capped at 1, large n without overflow', () => {
    expect(mcnemar(3, 9)!.pExact).toBeCloseTo(mcnemar(9, 3)!.pExact, 14);
    expect(mcnemar(5, 5)!.pExact).toBe(1);
    const big = mcnemar(600, 500)!;
    expect(big.pExact).toBeGreaterThan(0);
    expect(big.pExact).toBeLessThan(0.01);
    // Normal approximation agrees roughly for large n.
    expect(Math.abs(big.pExact - big.pChi2!)).toBeLessThan(0.002);
  });

  it('degenerate paired input', () => {
    expect(mcnemar(0, 0)).toEqual({ chi2: null, pChi2: null, pExact: 1 });
    expect(mcnemar(-1, 2)).toBeNull();
    expect(mcnemar(1.5, 2)).toBeNull();
    expect(newcombePaired(0, 0, 0, 0)).toBeNull();
    expect(newcombePaired(1, -1, 0, 0)).toBeNull();
    const same = newcombePaired(10, 0, 0, 0)!; // everybody yes → yes: phi undefined, taken as 0
    expect(same.d).toBe(0);
    expect(Number.isFinite(same.lo) && Number.isFinite(same.hi)).toBe(true);
    expect(same.lo).toBeLessThanOrEqual(0);
    expect(same.hi).toBeGreaterThanOrEqual(0);
  });

  const before = [3, 2, 4, 1, 5, 3, 2, 2, 4, 3, 1, 2, 3, 4, 2];
  const after = [4, 4, 4, 3, 4, 3, 5, 2, 5, 4, 2, 1, 4, 5, 3];

  /** Brute force: W+ from Walsh averages, Var from the squared mid-ranks (permutation variance). */
  function bruteWilcoxon(b: number[], a: number[]) {
    const d = a.map((v, i) => v - b[i]).filter((v) => v !== 0);
    let wPlus = 0;
    for (let i = 0; i < d.length; i++) {
      for (let j = i; j < d.length; j++) {
        const s = d[i] + d[j];
        if (s > 0) wPlus += 1;
        else if (s === 0 && i !== j) wPlus += 0.5;
      }
    }
    const n = d.length;
    const total = (n * (n + 1)) / 2;
    const ranks = d.map((v) => d.filter((w) => Math.abs(w) < Math.abs(v)).length + (d.filter((w) => Math.abs(w) === Math.abs(v)).length + 1) / 2);
    const variance = ranks.reduce((s, r) => s + r * r, 0) / 4;
    return { wPlus, wMinus: total - wPlus, n, z: (wPlus - total / 2) / Math.sqrt(variance) };
  }

  it('wilcoxonSignedRank: vector (SciPy wilcoxon, approx, no correction) and brute force', () => {
    const r = wilcoxonSignedRank(before, after)!;
    expect(r.n).toBe(12);
    expect(r.wPlus).toBe(68);
    expect(r.wMinus).toBe(10);
    close(r.z, 2.388834644432167, 10);
    close(r.p, 0.016901907650198607, 10);
    close(r.r, 58 / 78, 12);
    const b = bruteWilcoxon(before, after);
    expect(b.wPlus).toBe(68);
    close(r.z, b.z, 12);
  });

  it('wilcoxonSignedRank randomized against brute force', () => {
    const rand = rng(7);
    for (let trial = 0; trial < 80; trial++) {
      const len = 1 + Math.floor(rand() * 25);
      const b = Array.from({ length: len }, () => 1 + Math.floor(rand() * 5));
      const a = Array.from({ length: len }, () => 1 + Math.floor(rand() * 5));
      const r = wilcoxonSignedRank(b, a)!;
      const brute = bruteWilcoxon(b, a);
      expect(r.n).toBe(brute.n);
      expect(r.wPlus).toBeCloseTo(brute.wPlus, 9);
      expect(r.wMinus).toBeCloseTo(brute.wMinus, 9);
      if (brute.n > 0) close(r.z, brute.z, 9);
      else expect(r.z).toBeNull();
    }
  });

  it('wilcoxonSignedRank degenerate input', () => {
    expect(wilcoxonSignedRank([], [])).toEqual({ wPlus: 0, wMinus: 0, n: 0, z: null, p: null, r: null });
    expect(wilcoxonSignedRank([1, 2, 3], [1, 2, 3])!.z).toBeNull();
    expect(wilcoxonSignedRank([1, 2], [1])).toBeNull();
    const withGaps = wilcoxonSignedRank([1, NaN, 2], [3, 4, NaN])!;
    expect(withGaps.n).toBe(1);
    expect(withGaps.wPlus).toBe(1);
    expect(withGaps.r).toBe(1);
  });
});

describe('did2x2 and staggeredDid', () => {
  it('STATISTICS.md vector', () => {
    const r = did2x2({ x: 30, n: 80 }, { x: 52, n: 85 }, { x: 28, n: 75 }, { x: 31, n: 70 })!;
    close(r.did, 0.167241);
    close(r.lo, -0.049491);
    close(r.hi, 0.376827);
    close(r.treated.d, 52 / 85 - 30 / 80, 12);
    close(r.control.d, 31 / 70 - 28 / 75, 12);
  });

  it('empty groups give null', () => {
    expect(did2x2({ x: 0, n: 0 }, { x: 52, n: 85 }, { x: 28, n: 75 }, { x: 31, n: 70 })).toBeNull();
  });

  it('combineWeighted: weighted mean with MOVER bounds; one item is itself', () => {
    const one = combineWeighted([{ est: 0.1, lo: -0.05, hi: 0.3, weight: 40 }])!;
    close(one.est, 0.1, 14);
    close(one.lo, -0.05, 14);
    close(one.hi, 0.3, 14);
    const two = combineWeighted([
      { est: 0.2, lo: 0.0, hi: 0.35, weight: 30 },
      { est: 0.1, lo: -0.1, hi: 0.3, weight: 10 },
    ])!;
    close(two.est, 0.75 * 0.2 + 0.25 * 0.1, 14);
    close(two.lo, two.est - Math.sqrt((0.75 * 0.2) ** 2 + (0.25 * 0.2) ** 2), 14);
    close(two.hi, two.est + Math.sqrt((0.75 * 0.15) ** 2 + (0.25 * 0.2) ** 2), 14);
    expect(two.weight).toBe(40);
    expect(combineWeighted([])).toBeNull();
    expect(combineWeighted([{ est: 0.1, lo: 0, hi: 0.2, weight: 0 }])).toBeNull();
  });

  const waves = ['w1', 'w2', 'w3'];
  const early = { id: 'early', firstPostWave: 'w2', counts: { w1: { x: 30, n: 80 }, w2: { x: 52, n: 85 }, w3: { x: 55, n: 82 } } };
  const late = { id: 'late', firstPostWave: 'w3', counts: { w1: { x: 28, n: 75 }, w2: { x: 31, n: 70 }, w3: { x: 50, n: 72 } } };
  const never = { id: 'never', firstPostWave: null, counts: { w1: { x: 20, n: 50 }, w2: { x: 22, n: 52 }, w3: { x: 21, n: 49 } } };

  it('per cohort and post wave against units not yet rolled out, pooled over responses', () => {
    const r = staggeredDid({ waves, cohorts: [early, late, never] });
    expect(r.cells.map((c) => `${c.cohort}:${c.preWave}->${c.wave}:${c.controlCohorts.join('+')}`)).toEqual([
      'early:w1->w2:late+never',
      'early:w1->w3:never', // late is rolled out at w3: never a comparison there
      'late:w2->w3:never',
    ]);
    const [e0, e1, l0] = r.cells;
    const ref0 = did2x2({ x: 30, n: 80 }, { x: 52, n: 85 }, { x: 48, n: 125 }, { x: 53, n: 122 })!;
    close(e0.did, ref0.did, 14);
    close(e0.lo, ref0.lo, 14);
    close(e0.hi, ref0.hi, 14);
    expect(e0.controlBefore).toEqual({ x: 48, n: 125 });
    expect(e0.eventTime).toBe(0);
    expect(e0.weight).toBe(80);
    const ref1 = did2x2({ x: 30, n: 80 }, { x: 55, n: 82 }, { x: 20, n: 50 }, { x: 21, n: 49 })!;
    close(e1.did, ref1.did, 14);
    expect(e1.eventTime).toBe(1);
    const refL = did2x2({ x: 31, n: 70 }, { x: 50, n: 72 }, { x: 22, n: 52 }, { x: 21, n: 49 })!;
    close(l0.did, refL.did, 14);
    expect(l0.weight).toBe(70);

    // Event time 0 combines early (weight 80) and late (weight 70).
    const ev0 = r.byEventTime.find((e) => e.eventTime === 0)!;
    const c0 = combineWeighted([
      { est: e0.did, lo: e0.lo, hi: e0.hi, weight: 80 },
      { est: l0.did, lo: l0.lo, hi: l0.hi, weight: 70 },
    ])!;
    close(ev0.did, c0.est, 14);
    close(ev0.lo, c0.lo, 14);
    close(ev0.hi, c0.hi, 14);
    expect(ev0.cohorts).toEqual(['early', 'late']);
    expect(r.byEventTime.find((e) => e.eventTime === 1)!.cohorts).toEqual(['early']);
    // Overall: each cohort's latest post wave (early w1→w3, late w2→w3).
    const co = combineWeighted([
      { est: e1.did, lo: e1.lo, hi: e1.hi, weight: 80 },
      { est: l0.did, lo: l0.lo, hi: l0.hi, weight: 70 },
    ])!;
    close(r.overall!.did, co.est, 14);
    close(r.overall!.lo, co.lo, 14);
    close(r.overall!.hi, co.hi, 14);

    // Placebo: late has two pre-rollout waves (w1, w2); compared with never (early is live at w2).
    expect(r.placebo).toHaveLength(1);
    const p = r.placebo[0];
    expect([p.cohort, p.preWave, p.wave, p.eventTime, p.controlCohorts.join('+')]).toEqual(['late', 'w1', 'w2', -1, 'never']);
    close(p.did, did2x2({ x: 28, n: 75 }, { x: 31, n: 70 }, { x: 20, n: 50 }, { x: 22, n: 52 })!.did, 14);
    close(r.placeboCombined!.did, p.did, 14);
    expect(r.skipped).toEqual([]);
  });

  it('skips what cannot be compared, and says why', () => {
    const r = staggeredDid({
      waves,
      cohorts: [
        { id: 'first', firstPostWave: 'w1', counts: { w1: { x: 5, n: 10 } } },
        { id: 'typo', firstPostWave: 'w9', counts: {} },
        { id: 'a', firstPostWave: 'w2', counts: { w1: { x: 30, n: 80 }, w2: { x: 52, n: 85 }, w3: { x: 1, n: 0 } } },
        { id: 'b', firstPostWave: 'w3', counts: { w1: { x: 28, n: 75 }, w2: { x: 31, n: 70 }, w3: { x: 50, n: 72 } } },
      ],
    });
    expect(r.skipped).toEqual([
      { cohort: 'first', wave: 'w1', reason: 'no_pre_wave' },
      { cohort: 'typo', wave: 'w9', reason: 'unknown_wave' },
      { cohort: 'a', wave: 'w3', reason: 'no_data' },
      { cohort: 'b', wave: 'w3', reason: 'no_controls' }, // everybody is live at w3
    ]);
    expect(r.cells.map((c) => `${c.cohort}:${c.wave}:${c.controlCohorts.join('+')}`)).toEqual(['a:w2:b']);
    expect(r.placebo).toEqual([]); // b's only not-yet-live comparison at w2 would be nobody
    expect(r.placeboCombined).toBeNull();
  });

  it('degenerate input: no waves or cohorts', () => {
    const r = staggeredDid({ waves: [], cohorts: [] });
    expect(r).toEqual({ cells: [], byEventTime: [], overall: null, placebo: [], placeboCombined: null, skipped: [] });
    expect(staggeredDid({ waves, cohorts: [never] }).cells).toEqual([]);
  });
});

describe('benjaminiHochberg', () => {
  it('STATISTICS.md vector, q = 0.05', () => {
    const r = benjaminiHochberg([0.5, 0.01, 0.001, 0.69, 0.02, 0.05, 0.0025], 0.05);
    const expected = [0.583333, 0.023333, 0.007, 0.69, 0.035, 0.07, 0.00875];
    expected.forEach((v, i) => close(r.adjusted[i], v));
    expect(r.reject).toEqual([false, true, true, false, true, false, true]);
  });

  it('default q = 0.10; empty list; invalid entries left out', () => {
    expect(benjaminiHochberg([0.5, 0.01, 0.001, 0.69, 0.02, 0.05, 0.0025]).reject).toEqual([false, true, true, false, true, true, true]);
    expect(benjaminiHochberg([])).toEqual({ adjusted: [], reject: [] });
    const r = benjaminiHochberg([0.01, null, NaN, 0.04], 0.05);
    expect(r.adjusted[1]).toBeNull();
    expect(r.adjusted[2]).toBeNull();
    close(r.adjusted[0], 0.02, 12);
    close(r.adjusted[3], 0.04, 12);
    expect(r.reject).toEqual([true, false, false, true]);
    expect(benjaminiHochberg([1, 1])).toEqual({ adjusted: [1, 1], reject: [false, false] });
  });
});

/** Checks the protection invariant: every family with a visible parent hides nothing or ≥ 2 cells adding up to ≥ k. */
function checkTree(node: UnitNode, k: number, hidden: Set<string>) {
  if (node.n < k) expect(hidden.has(node.id)).toBe(true);
  const children = node.children ?? [];
  if (children.length === 0) return;
  const hid = children.filter((c) => hidden.has(c.id));
  const direct = node.n - children.reduce((s, c) => s + c.n, 0);
  if (!hidden.has(node.id) && direct === 0 && hid.length > 0) {
    expect(hid.length).toBeGreaterThanOrEqual(2);
    expect(hid.reduce((s, c) => s + c.n, 0)).toBeGreaterThanOrEqual(k);
  }
  if (hidden.has(node.id) && direct === 0) expect(hid.length).toBeGreaterThan(0); // not rebuildable from its children
  for (const c of children) checkTree(c, k, hidden);
}

describe('anonymity', () => {
  it('STATISTICS.md vectors (k 5)', () => {
    expect(suppress([{ id: 'A', n: 9 }, { id: 'B', n: 10 }, { id: 'C', n: 4 }], 5)).toEqual({ hidden: ['A', 'C'], hideParent: false });
    expect(suppress([{ id: 'D', n: 2 }, { id: 'E', n: 2 }, { id: 'F', n: 12 }], 5)).toEqual({ hidden: ['D', 'E', 'F'], hideParent: false });
    expect(suppress([{ id: 'P', n: 6 }, { id: 'Q', n: 7 }, { id: 'R', n: 8 }], 5)).toEqual({ hidden: [], hideParent: false });
  });

  it('hides the parent when no visible sibling is left; degenerate input', () => {
    expect(suppress([{ id: 'only', n: 3 }], 5)).toEqual({ hidden: ['only'], hideParent: true });
    expect(suppress([{ id: 'a', n: 2 }, { id: 'b', n: 2 }], 5)).toEqual({ hidden: ['a', 'b'], hideParent: true });
    expect(suppress([], 5)).toEqual({ hidden: [], hideParent: false });
    expect(suppress([{ id: 'a', n: NaN }, { id: 'b', n: 20 }, { id: 'c', n: 30 }], 5)).toEqual({ hidden: ['a', 'b'], hideParent: false });
    // A non-finite k falls back to the default 5, never to "show everything".
    expect(suppress([{ id: 'a', n: 3 }, { id: 'b', n: 20 }], NaN).hidden).toEqual(['a', 'b']);
  });

  it('suppressTree: every level, complementary hiding carried down, responses at a parent', () => {
    const tree: UnitNode = {
      id: 'root',
      n: 60,
      children: [
        { id: 'X', n: 30, children: [{ id: 'X1', n: 15 }, { id: 'X2', n: 15 }] },
        { id: 'Y', n: 27 },
        { id: 'Z', n: 3 },
      ],
    };
    expect(suppressTree(tree, 5)).toEqual({ hidden: ['Y', 'Z'] });
    // Now X is the smallest visible sibling, so X hides Z — and X must not be rebuildable from X1 + X2.
    const tree2: UnitNode = { ...tree, n: 73, children: [tree.children![0], { id: 'Y', n: 40 }, { id: 'Z', n: 3 }] };
    const r2 = suppressTree(tree2, 5);
    expect(r2.hidden).toEqual(['X', 'X1', 'Z']);
    checkTree(tree2, 5, new Set(r2.hidden));
    // Small groups inside a unit at a lower level.
    const tree3: UnitNode = {
      id: 'root',
      n: 50,
      children: [
        { id: 'C1', n: 25, children: [{ id: 'U1', n: 4 }, { id: 'U2', n: 9 }, { id: 'U3', n: 12 }] },
        { id: 'C2', n: 25, children: [{ id: 'U4', n: 25 }] },
      ],
    };
    expect(suppressTree(tree3, 5).hidden).toEqual(['U1', 'U2']);
    // Responses at the root's own link (n − Σ children = 2) cannot be worked out by subtraction.
    expect(suppressTree({ id: 'r', n: 47, children: [{ id: 'A', n: 20 }, { id: 'B', n: 25 }] }, 5).hidden).toEqual(['A']);
    expect(suppressTree({ id: 'r', n: 50, children: [{ id: 'A', n: 20 }, { id: 'B', n: 25 }] }, 5).hidden).toEqual([]);
    // A root below k hides everything.
    expect(suppressTree({ id: 'r', n: 4, children: [{ id: 'a', n: 2 }, { id: 'b', n: 2 }] }, 5).hidden).toEqual(['r', 'a', 'b']);
    expect(suppressTree({ id: 'r', n: 7 }, 5).hidden).toEqual([]);
  });

  it('suppressTree randomized: the protection invariant always holds', () => {
    const rand = rng(99);
    let id = 0;
    const build = (depth: number): UnitNode => {
      if (depth === 0 || rand() < 0.3) return { id: `u${id++}`, n: Math.floor(rand() * 14) };
      const children = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => build(depth - 1));
      return { id: `u${id++}`, n: children.reduce((s, c) => s + c.n, 0), children };
    };
    for (let trial = 0; trial < 200; trial++) {
      const tree = build(3);
      const r = suppressTree(tree, 5);
      checkTree(tree, 5, new Set(r.hidden));
    }
  });

  it('suppressTwoWay: unit × wave', () => {
    const cells: TwoWayCell[] = [
      { row: 'A', col: 'w1', n: 9 },
      { row: 'B', col: 'w1', n: 10 },
      { row: 'C', col: 'w1', n: 4 },
      { row: 'A', col: 'w2', n: 9 },
      { row: 'B', col: 'w2', n: 10 },
      { row: 'C', col: 'w2', n: 12 },
    ];
    // Units across waves add up to nothing shown: only each wave's column is a family.
    expect(suppressTwoWay(cells, 5, { rowTotalsShown: false })).toEqual({
      hidden: [{ row: 'A', col: 'w1' }, { row: 'C', col: 'w1' }],
      hiddenRowTotals: [],
      hiddenColTotals: [],
    });
    // With row totals shown too, hiding spreads until every row and column is protected.
    const both = suppressTwoWay(cells, 5);
    const hidden = new Set(both.hidden.map((c) => `${c.row}|${c.col}`));
    const families = [
      ...['A', 'B', 'C'].map((r) => cells.filter((c) => c.row === r)),
      ...['w1', 'w2'].map((w) => cells.filter((c) => c.col === w)),
    ];
    for (const fam of families) {
      const hid = fam.filter((c) => hidden.has(`${c.row}|${c.col}`));
      if (hid.length > 0) {
        expect(hid.length).toBeGreaterThanOrEqual(2);
        expect(hid.reduce((s, c) => s + c.n, 0)).toBeGreaterThanOrEqual(5);
      }
    }
    expect(hidden.has('C|w1')).toBe(true);
    expect(suppressTwoWay([], 5)).toEqual({ hidden: [], hiddenRowTotals: [], hiddenColTotals: [] });
    // A column whose total is below k hides its total as well.
    expect(suppressTwoWay([{ row: 'A', col: 'w1', n: 2 }, { row: 'B', col: 'w1', n: 1 }], 5, { rowTotalsShown: false }).hiddenColTotals).toEqual(['w1']);
  });
});

describe('responseRates', () => {
  it('STATISTICS.md vector: headcount 42, 2 ineligible, 26 complete, 3 partial → 65.0%, 72.5%', () => {
    const r = responseRates({ headcount: 42, ineligible: 2, complete: 26, partial: 3 });
    expect(r.eligible).toBe(40);
    close(r.rr1, 0.65);
    close(r.rr2, 0.725);
    expect(r.over100).toBe(false);
    expect(r.countsShown).toBe(true);
    expect(formatRate(r.rr1, 'en')).toBe('65.0%');
    expect(formatRate(r.rr2, 'en')).toBe('72.5%');
    expect(formatRate(r.rr2, 'da')).toBe('72,5 %');
  });

  it('flags over 100%, guards E = 0, hides counts for small units', () => {
    const over = responseRates({ headcount: 10, complete: 11, partial: 1 });
    expect(over.over100).toBe(true);
    close(over.rr2, 1.2);
    const none = responseRates({ headcount: 0, complete: 0 });
    expect(none.rr1).toBeNull();
    expect(none.rr2).toBeNull();
    expect(none.over100).toBe(false);
    expect(responseRates({ headcount: 3, ineligible: 5, complete: 1 }).eligible).toBe(0);
    expect(responseRates({ headcount: 3, ineligible: 5, complete: 1 }).over100).toBe(true);
    expect(responseRates({ headcount: 4, complete: 2 }).countsShown).toBe(false);
    expect(responseRates({ headcount: 4, complete: 2 }, 3).countsShown).toBe(true);
    expect(formatRate(null, 'da')).toBe('–');
  });
});

describe('labels', () => {
  it('the example: "Sandsynlig forbedring: +21 point (0 til +40; 45 mod 40 svar)"', () => {
    const label = labelFromCounts({ x: 31, n: 45 }, { x: 19, n: 40 });
    expect(label.code).toBe('likely_improvement');
    expect(formatLabel(label, 'da')).toBe('Sandsynlig forbedring: +21 point (0 til +40; 45 mod 40 svar)');
    expect(formatLabel(label, 'en')).toBe('Likely improvement: +21 points (0 to +40; 45 vs 40 responses)');
    const same = managerLabel({
      n: 45,
      wilson: wilson(31, 45),
      change: newcombe(31, 45, 19, 40),
      nBaseline: 40,
      wilsonBaseline: wilson(19, 40),
    });
    expect(same).toEqual(label);
  });

  it('every row of the table', () => {
    expect(labelFromCounts({ x: 2, n: 4 }).code).toBe('hidden');
    expect(labelFromCounts({ x: 30, n: 40 }, { x: 2, n: 4 }).code).toBe('hidden');
    expect(labelFromCounts({ x: 10, n: 20 }).code).toBe('indicative'); // half-width 0.207
    expect(labelFromCounts({ x: 12, n: 24 }).code).toBe('estimate'); // half-width 0.19
    expect(labelFromCounts({ x: 30, n: 40 }, { x: 10, n: 20 }).code).toBe('indicative');
    expect(labelFromCounts({ x: 20, n: 100 }, { x: 60, n: 100 }).code).toBe('likely_decline');
    expect(labelFromCounts({ x: 400, n: 800 }, { x: 390, n: 800 }).code).toBe('no_meaningful_change');
    expect(labelFromCounts({ x: 25, n: 50 }, { x: 22, n: 50 }).code).toBe('too_early');
    // The minimal important difference is in points; a wider MID turns "too early" into "no meaningful change".
    expect(labelFromCounts({ x: 25, n: 50 }, { x: 22, n: 50 }, { mid: 30 }).code).toBe('no_meaningful_change');
    expect(labelFromCounts({ x: 400, n: 800 }, { x: 390, n: 800 }, { mid: 2 }).code).toBe('too_early');
    // Threshold
    expect(labelFromCounts({ x: 5, n: 8 }, undefined, { threshold: 10 }).code).toBe('hidden');
  });

  it('no badge for a change that does not survive Benjamini–Hochberg', () => {
    // +21 points (0.4 to 40): the interval excludes 0, so without the badge it is "possible", never "too early".
    expect(labelFromCounts({ x: 31, n: 45 }, { x: 19, n: 40 }, { survivesMultiplicity: false }).code).toBe('possible_improvement');
    // 570/1000 vs 520/1000: +5 points (0.6 to 9.3) — entirely above 0, but within ± 10 points.
    expect(labelFromCounts({ x: 570, n: 1000 }, { x: 520, n: 1000 }).code).toBe('likely_improvement');
    expect(labelFromCounts({ x: 570, n: 1000 }, { x: 520, n: 1000 }, { survivesMultiplicity: false }).code).toBe('no_meaningful_change');
  });

  it('texts, formatting, and hidden labels carry no numbers', () => {
    expect(LABEL_TEXT.too_early).toEqual({ da: 'For tidligt at sige', en: 'Too early to tell' });
    const hidden = labelFromCounts({ x: 3, n: 4 }, { x: 1, n: 3 });
    expect(hidden).toEqual({ code: 'hidden', da: 'Skjult for at beskytte små grupper', en: 'Hidden to protect small groups' });
    expect(formatLabel(hidden, 'en')).toBe('Hidden to protect small groups');
    expect(formatLabel(labelFromCounts({ x: 10, n: 20 }), 'da')).toBe('Få svar – kun vejledende: 50 % (30 til 70 %; 20 svar)');
    expect(formatLabel(labelFromCounts({ x: 31, n: 45 }), 'en')).toBe('69% (54 to 80%; 45 responses)');
    expect(formatLabel(labelFromCounts({ x: 20, n: 100 }, { x: 60, n: 100 }), 'da')).toBe(
      'Sandsynlig tilbagegang: \u221240 point (\u221251 til \u221227; 100 mod 100 svar)', // −0.400 (−0.512, −0.268),
    );
    expect(formatPoints(-0.004)).toBe('0');
    expect(formatPoints(0.005)).toBe('+1');
    for (const code of Object.keys(LABEL_TEXT) as Array<keyof typeof LABEL_TEXT>) {
      expect(`${LABEL_TEXT[code].da} ${LABEL_TEXT[code].en}`.toLowerCase()).not.toMatch(/signifi/);
    }
  });

  it('estimateLabel and changeLabel, as server/services/report.ts calls them', () => {
    expect(estimateLabel(null, 0, 1).code).toBe('hidden');
    expect(estimateLabel(wilson(31, 45), 45, 0).code).toBe('estimate');
    expect(estimateLabel(wilson(3, 4), 4).code).toBe('hidden');
    const d = newcombe(31, 45, 19, 40)!;
    const l = changeLabel(d, 0.1, 45, 40);
    expect(l.code).toBe('likely_improvement');
    expect(l.level).toBeUndefined();
    expect(formatLabel(l, 'da')).toBe('Sandsynlig forbedring: +21 point (0 til +40; 45 mod 40 svar)');
    expect(changeLabel(d, 0.1, 45, 40, { wilsonAfter: wilson(31, 45), wilsonBefore: wilson(19, 40) })).toEqual(labelFromCounts({ x: 31, n: 45 }, { x: 19, n: 40 }));
    expect(changeLabel(null, 0.1, 45, 40).code).toBe('hidden');
    expect(changeLabel(newcombe(25, 50, 22, 50), 0.3, 50, 50).code).toBe('no_meaningful_change');
  });
});

describe('twoProportionP (the p behind the change badge)', () => {
  it('agrees with the pooled two-proportion z-test and handles degenerate input', async () => {
    const { twoProportionP } = await import('../../server/analysis');
    // 56/70 vs 48/80: pooled 104/150, var = 0.21262·(1/70 + 1/80), z = 2.6502, p = 0.008045
    expect(twoProportionP(56, 70, 48, 80)!).toBeCloseTo(0.008045, 5);
    expect(twoProportionP(15, 30, 0, 30)!).toBeLessThan(0.001);
    expect(twoProportionP(5, 5, 5, 5)).toBe(1);
    expect(twoProportionP(1, 0, 1, 5)).toBeNull();
  });
});
