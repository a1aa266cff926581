/**
 * Many comparisons on one page: Benjamini–Hochberg false discovery rate. Pure, no I/O.
 * Badges ("likely improvement") go only to changes that survive it, q = 0.10 by default.
 */
import { isArray, isFiniteNumber } from './math';

/** The default false discovery rate for badges. */
export const DEFAULT_FDR = 0.1;

export interface BenjaminiHochbergResult {
  /** BH-adjusted p-values (q-values) in input order, capped at 1; null where the input was not a p-value. */
  adjusted: (number | null)[];
  /** True where adjusted ≤ q (the step-up procedure); false for invalid entries. */
  reject: boolean[];
}

/**
 * Benjamini–Hochberg step-up over the family shown together on one page.
 * adjusted_(i) = min_{j ≥ i} (m · p_(j) / j), capped at 1, with m = the number of valid p-values.
 * Entries that are null, NaN or outside 0..1 are left out of the family (adjusted null, reject false).
 * An empty list gives empty arrays; a q that is not in (0, 1] rejects nothing.
 *
 * @example benjaminiHochberg([0.5, 0.01, 0.001, 0.69, 0.02, 0.05, 0.0025], 0.05)
 * // adjusted [0.583333…, 0.023333…, 0.007, 0.69, 0.035, 0.07, 0.00875], reject [F, T, T, F, T, F, T]
 */
export function benjaminiHochberg(pValues: ReadonlyArray<number | null | undefined>, q: number = DEFAULT_FDR): BenjaminiHochbergResult {
  const list = isArray(pValues) ? pValues : [];
  const adjusted: (number | null)[] = list.map(() => null);
  const reject = list.map(() => false);
  const valid = list
    .map((p, i) => ({ p, i }))
    .filter((e): e is { p: number; i: number } => isFiniteNumber(e.p) && e.p >= 0 && e.p <= 1)
    .sort((a, b) => a.p - b.p || a.i - b.i);
  const m = valid.length;
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const e = valid[rank - 1];
    running = Math.min(running, (m * e.p) / rank);
    adjusted[e.i] = running;
  }
  const qOk = isFiniteNumber(q) && q > 0 && q <= 1;
  // Tiny relative tolerance so that p_(i) = i·q/m exactly (a tie at the boundary) is rejected despite rounding.
  for (const e of valid) reject[e.i] = qOk && (adjusted[e.i] as number) <= q * (1 + 1e-12);
  return { adjusted, reject };
}
