// The interval engine behind the disclosure attacker (test/api/disclosureAttacker.test.ts): integer bounds
// propagation over published totals, as in auditing a suppressed table.
import { describe, expect, it } from 'vitest';
import { IntervalModel, InfeasibleError, sumBounds } from '../support/disclosureAudit';

/** Six units, U4 and U6 hidden; the others and the total published. */
function classicTable(extra?: (m: IntervalModel, u: number[]) => void) {
  const m = new IntervalModel();
  const published = [10, 8, 7, null, 6, null];
  const u = published.map((_, i) => m.addVar(`U${i + 1}`, 0, 30));
  published.forEach((value, i) => value !== null && m.fix(u[i], value));
  m.eq(u.map((v) => [1, v] as const), 40, 'total');
  extra?.(m, u);
  return { m: m.propagate(), u };
}

describe('interval propagation', () => {
  it('the classic table: two hidden cells summing to 9 keep each other in [0, 9]', () => {
    // True values U4 = 3, U6 = 6: total 40 − visible 31 = 9 is all an attacker has.
    const { m, u } = classicTable();
    expect(m.bounds(u[3])).toEqual([0, 9]);
    expect(m.bounds(u[5])).toEqual([0, 9]);
    expect(m.bounds(u[0])).toEqual([10, 10]);
  });

  it('one more fact (U6 ≥ 6, e.g. from an earlier snapshot) pins U4 to [0, 3]', () => {
    const { m, u } = classicTable((m, u) => m.ge([[1, u[5]]], 6, 'U6 seen as 6 before'));
    expect(m.bounds(u[3])).toEqual([0, 3]);
    expect(m.bounds(u[5])).toEqual([6, 9]);
  });

  it('a single hidden cell is found exactly as total − the others', () => {
    const m = new IntervalModel();
    const [a, b, c] = ['A', 'B', 'C'].map((n) => m.addVar(n, 0, 20));
    m.fix(a, 9);
    m.fix(b, 10);
    m.eq([[1, a], [1, b], [1, c]], 23);
    m.propagate();
    expect(m.bounds(c)).toEqual([4, 4]);
  });

  it('a known-safe table keeps every hidden cell wide', () => {
    // Two hidden units of 12 and 9 answers (sum 21 ≥ k), headcounts 25 and 30: each is only known to be in [0, 21].
    const m = new IntervalModel();
    const visible = m.addVar('V', 0, 40);
    const h1 = m.addVar('H1', 0, 25);
    const h2 = m.addVar('H2', 0, 30);
    m.fix(visible, 30);
    m.eq([[1, visible], [1, h1], [1, h2]], 51);
    m.propagate();
    expect(m.bounds(h1)).toEqual([0, 21]);
    expect(m.bounds(h2)).toEqual([0, 21]);
  });

  it('uses upper bounds too: a partner with headcount 2 narrows the other hidden cell from below', () => {
    const m = new IntervalModel();
    const u = m.addVar('U', 0, 20);
    const v = m.addVar('V', 0, 2);
    m.eq([[1, u], [1, v]], 5);
    m.propagate();
    expect(m.bounds(u)).toEqual([3, 5]);
  });

  it('chains through a two-way table (rows × columns with margins)', () => {
    // 2 × 2 with all margins published and one interior cell: the other three follow.
    const m = new IntervalModel();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => m.addVar(n, 0, 50));
    m.eq([[1, a], [1, b]], 10, 'row 1');
    m.eq([[1, c], [1, d]], 12, 'row 2');
    m.eq([[1, a], [1, c]], 9, 'col 1');
    m.fix(a, 4);
    m.propagate();
    expect([m.bounds(b), m.bounds(c), m.bounds(d)]).toEqual([[6, 6], [5, 5], [7, 7]]);
  });

  it('rounds to integers and follows negative coefficients (monotonicity over time: x₁ ≤ x₂)', () => {
    const m = new IntervalModel();
    const x = m.addVar('x', 0, 10);
    const before = m.addVar('before', 0, 10);
    const after = m.addVar('after', 0, 10);
    m.le([[2, x]], 5);
    m.le([[1, before], [-1, after]], 0, 'before ≤ after');
    m.fix(before, 7);
    m.propagate();
    expect(m.bounds(x)).toEqual([0, 2]);
    expect(m.bounds(after)).toEqual([7, 10]);
    expect(sumBounds(m, [x, after])).toEqual([7, 12]);
  });

  it('detects contradicting observations', () => {
    const m = new IntervalModel();
    const [a, b] = ['a', 'b'].map((n) => m.addVar(n, 0, 5));
    m.eq([[1, a], [1, b]], 11, 'total');
    expect(() => m.propagate()).toThrow(InfeasibleError);
    const m2 = new IntervalModel();
    const c = m2.addVar('c', 0, 5);
    m2.fix(c, 3);
    m2.fix(c, 4);
    expect(() => m2.propagate()).toThrow(/infeasible/);
    expect(() => new IntervalModel().addVar('empty', 3, 2)).toThrow(InfeasibleError);
  });
});
