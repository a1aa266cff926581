// Paired proportions: Newcombe's hybrid score interval with the continuity-corrected phi (Fagerland, Lydersen &
// Laake 2014) and McNemar's test, against published reference values.
import { describe, expect, it } from 'vitest';
import { correctedPhi, mcnemar, newcombePaired } from '../../server/analysis/paired';
import { wilson } from '../../server/analysis/proportions';

describe('newcombePaired (hybrid score, corrected phi)', () => {
  it('matches the contingencytables reference for Cavo et al. 2012 (FLL 2014, Chapter 8)', () => {
    // R: Newcombe_square_and_add_CI_paired_2x2(matrix(c(59, 6, 16, 80), 2, byrow = TRUE))
    //    → estimate = -0.0621 (95% CI -0.1186 to -0.0046); rows = follow-up here, so r, s, t, u = 59, 6, 16, 80.
    const r = newcombePaired(59, 6, 16, 80)!;
    expect(r.d).toBeCloseTo(-10 / 161, 12);
    expect(r.lo).toBeCloseTo(-0.1186, 4);
    expect(r.hi).toBeCloseTo(-0.0046, 4);
  });

  it('keeps the existing STATISTICS.md vector (A = r·u − s·t < 0: no correction)', () => {
    const r = newcombePaired(6, 9, 3, 2)!;
    expect(r.d).toBeCloseTo(0.3, 12);
    expect(r.lo).toBeCloseTo(-0.026940, 5);
    expect(r.hi).toBeCloseTo(0.555137, 5);
  });

  it('nobody changed: a non-zero width, from phi = (A − n/2)/√(…) < 1', () => {
    // 10 yes→yes, 10 no→no. Raw phi = 1 would give (0, 0). A = 100, n/2 = 10 → phi = 90/100 = 0.9, and both
    // Wilson intervals are those of 10/20, so each half-width is e·√(2 − 2·0.9) with e = 0.5 − Wilson lower.
    expect(correctedPhi(10, 0, 0, 10)).toBeCloseTo(0.9, 14);
    const w = wilson(10, 20)!;
    const half = (w.p - w.lo) * Math.sqrt(0.2);
    const r = newcombePaired(10, 0, 0, 10)!;
    expect(r.d).toBe(0);
    expect(r.hi - r.lo).toBeGreaterThan(0.1);
    expect(r.lo).toBeCloseTo(-half, 12);
    expect(r.hi).toBeCloseTo(half, 12);
    expect(r.hi).toBeCloseTo(0.0897567, 6);
  });

  it('the correction: 0 ≤ A ≤ n/2 gives phi 0, A > n/2 subtracts n/2, A < 0 is kept', () => {
    expect(correctedPhi(3, 2, 2, 3)).toBe(0); // A = 5, n/2 = 5
    expect(correctedPhi(4, 1, 1, 4)).toBeCloseTo((15 - 5) / 25, 14);
    expect(correctedPhi(2, 3, 3, 2)).toBeCloseTo(-5 / 25, 14);
    expect(correctedPhi(10, 0, 0, 0)).toBe(0); // a zero margin
  });

  it('is mirror-symmetric: swapping improvers and decliners negates the interval', () => {
    const a = newcombePaired(1, 1, 7, 12)!; // Bentur et al. 2009, as in FLL 2014
    const b = newcombePaired(1, 7, 1, 12)!;
    expect(a.d).toBeCloseTo(-6 / 21, 12);
    expect(b.d).toBeCloseTo(-a.d, 12);
    expect(b.lo).toBeCloseTo(-a.hi, 12);
    expect(b.hi).toBeCloseTo(-a.lo, 12);
    expect(a.lo).toBeLessThan(a.d);
    expect(a.hi).toBeLessThan(0);
  });

  it('stays within −1…1 and refuses bad counts', () => {
    const all = newcombePaired(0, 20, 0, 0)!;
    expect(all.d).toBe(1);
    expect(all.hi).toBeLessThanOrEqual(1);
    expect(all.lo).toBeGreaterThan(0);
    expect(newcombePaired(0, 0, 0, 0)).toBeNull();
    expect(newcombePaired(1, Number.NaN, 0, 0)).toBeNull();
  });
});

describe('mcnemar', () => {
  it('matches the contingencytables reference for Cavo et al. 2012', () => {
    // McNemar_asymptotic_test_paired_2x2 → P = 0.033006; McNemar_exact_cond_test_paired_2x2 → P = 0.052479.
    const m = mcnemar(6, 16)!;
    expect(m.pChi2).toBeCloseTo(0.033006, 6);
    expect(m.pExact).toBeCloseTo(0.052479, 6);
  });

  it('nobody changed: no chi-square, exact p = 1', () => {
    expect(mcnemar(0, 0)).toEqual({ chi2: null, pChi2: null, pExact: 1 });
  });
});
