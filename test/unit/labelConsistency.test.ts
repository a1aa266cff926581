// One method behind one label: on random tables, the change label never contradicts the interval it shows, and a
// badge needs both the interval excluding 0 and survival of Benjamini–Hochberg over the changes shown together.
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, labelFromCounts, newcombe, twoProportionP, DEFAULT_FDR } from '../../server/analysis';

/** mulberry32: the same random tables on every run. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('change labels on random tables', () => {
  it('agree with their own interval and with Benjamini–Hochberg', () => {
    const rand = rng(20261201);
    const mid = 0.1;
    for (let page = 0; page < 300; page++) {
      // A page of 2–8 behaviours, each a baseline and a follow-up of 5–400 answers.
      const tables = Array.from({ length: 2 + Math.floor(rand() * 7) }, () => {
        const nB = 5 + Math.floor(rand() * 400);
        const nA = 5 + Math.floor(rand() * 400);
        const pB = rand();
        const pA = Math.min(1, Math.max(0, pB + (rand() - 0.5) * 0.6));
        return { before: { x: Math.round(pB * nB), n: nB }, after: { x: Math.round(pA * nA), n: nA } };
      });
      const bh = benjaminiHochberg(tables.map((t) => twoProportionP(t.after.x, t.after.n, t.before.x, t.before.n)), DEFAULT_FDR);
      tables.forEach((t, i) => {
        const label = labelFromCounts(t.after, t.before, { mid: mid * 100, survivesMultiplicity: bh.reject[i] });
        const c = newcombe(t.after.x, t.after.n, t.before.x, t.before.n)!;
        const where = JSON.stringify({ page, t, c, survives: bh.reject[i], code: label.code });
        if (label.code === 'hidden' || label.code === 'indicative') return;
        expect(label.change, where).toEqual({ d: c.d, lo: c.lo, hi: c.hi });
        if (label.code === 'likely_improvement') expect(c.lo > 0 && bh.reject[i], where).toBe(true);
        if (label.code === 'likely_decline') expect(c.hi < 0 && bh.reject[i], where).toBe(true);
        if (label.code === 'possible_improvement') expect(c.lo > 0 && !bh.reject[i], where).toBe(true);
        if (label.code === 'possible_decline') expect(c.hi < 0 && !bh.reject[i], where).toBe(true);
        if (label.code === 'no_meaningful_change') expect(c.lo >= -mid - 1e-12 && c.hi <= mid + 1e-12, where).toBe(true);
        // "Too early" only when the interval holds 0 and reaches beyond the minimal important difference.
        if (label.code === 'too_early') expect(c.lo <= 0 && c.hi >= 0 && (c.lo < -mid || c.hi > mid), where).toBe(true);
      });
    }
  });
});
