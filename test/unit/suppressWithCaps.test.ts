// Complementary hiding that knows the headcounts: two hidden units whose answers add up to both headcounts
// (everyone answered) would pin the small one, so another partner is hidden.
import { describe, expect, it } from 'vitest';
import { suppress, suppressWithCaps } from '../../server/analysis';

describe('suppressWithCaps', () => {
  it('adds a partner when the hidden sum equals the hidden headcounts', () => {
    const groups = [{ id: 'S', n: 3, cap: 3 }, { id: 'M', n: 11, cap: 11 }, { id: 'L', n: 11, cap: 40 }];
    expect(suppress(groups, 5).hidden).toEqual(['S', 'M']);
    expect(suppressWithCaps(groups, 5)).toEqual({ hidden: ['S', 'M', 'L'], hideParent: false });
  });

  it('changes nothing when the others\' headcounts leave room', () => {
    const groups = [{ id: 'S', n: 2, cap: 3 }, { id: 'M', n: 6, cap: 20 }, { id: 'L', n: 11, cap: 40 }];
    expect(suppressWithCaps(groups, 5)).toEqual(suppress(groups, 5));
  });

  it('hides the total when no partner is left, and counts above the cap are taken as the cap', () => {
    expect(suppressWithCaps([{ id: 'S', n: 3, cap: 3 }, { id: 'M', n: 11, cap: 11 }], 5)).toEqual({ hidden: ['S', 'M'], hideParent: true });
    // More answers than the recorded headcount: the headcount is wrong, the count is the real bound.
    expect(suppressWithCaps([{ id: 'S', n: 3, cap: 1 }, { id: 'M', n: 6, cap: 30 }, { id: 'L', n: 20, cap: 30 }], 5).hidden).toEqual(['S', 'M']);
  });

  it('leaves every small hidden group at least k possible values or its whole range', () => {
    const rand = (() => {
      let seed = 7;
      return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    })();
    for (let round = 0; round < 2000; round++) {
      const groups = Array.from({ length: 2 + Math.floor(rand() * 5) }, (_, i) => {
        const cap = 1 + Math.floor(rand() * 25);
        return { id: `g${i}`, n: Math.floor(rand() * (cap + 1)), cap };
      });
      const { hidden, hideParent } = suppressWithCaps(groups, 5);
      if (hideParent) continue;
      const s = groups.filter((g) => hidden.includes(g.id));
      const sum = s.reduce((a, g) => a + g.n, 0);
      const caps = s.reduce((a, g) => a + g.cap, 0);
      for (const g of s.filter((x) => x.n > 0 && x.n < 5)) {
        const lo = Math.max(0, sum - (caps - g.cap));
        const hi = Math.min(g.cap, sum);
        expect(hi - lo + 1 >= 5 || (lo === 0 && hi === g.cap), JSON.stringify({ groups, hidden })).toBe(true);
      }
    }
  });
});
