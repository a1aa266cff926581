/**
 * Difference in differences for staggered rollouts: did the share of favourable answers rise
 * more in units that went live than in units that had not gone live yet?
 * Pure functions, no I/O. Proportions in 0..1, 95% intervals.
 */
import { isArray, isFiniteNumber } from './math';
import { newcombe, type Count, type DifferenceInterval } from './proportions';

export interface DidResult {
  /** dT − dC: change in the treated group minus change in the comparison group. */
  did: number;
  lo: number;
  hi: number;
  /** Newcombe interval of the treated group's change (after − before). */
  treated: DifferenceInterval;
  /** Newcombe interval of the comparison group's change (after − before). */
  control: DifferenceInterval;
}

/**
 * 2×2 difference in differences on pooled responses, interval by MOVER from the two Newcombe
 * intervals (the two changes are from disjoint groups of respondents, taken as independent):
 *   DiD = dT − dC;  lo = DiD − sqrt((dT − loT)² + (hiC − dC)²);  hi = DiD + sqrt((hiT − dT)² + (dC − loC)²)
 * Null when any of the four counts is empty or invalid.
 *
 * @example did2x2({ x: 30, n: 80 }, { x: 52, n: 85 }, { x: 28, n: 75 }, { x: 31, n: 70 })
 * // { did: 0.167241…, lo: −0.049491…, hi: 0.376827…, treated: …, control: … }
 */
export function did2x2(treatedBefore: Count, treatedAfter: Count, controlBefore: Count, controlAfter: Count): DidResult | null {
  if (!treatedBefore || !treatedAfter || !controlBefore || !controlAfter) return null;
  const treated = newcombe(treatedAfter.x, treatedAfter.n, treatedBefore.x, treatedBefore.n);
  const control = newcombe(controlAfter.x, controlAfter.n, controlBefore.x, controlBefore.n);
  if (treated === null || control === null) return null;
  const did = treated.d - control.d;
  const lo = did - Math.sqrt((treated.d - treated.lo) ** 2 + (control.hi - control.d) ** 2);
  const hi = did + Math.sqrt((treated.hi - treated.d) ** 2 + (control.d - control.lo) ** 2);
  return { did, lo, hi, treated, control };
}

/** An estimate with its interval and a non-negative weight, for `combineWeighted`. */
export interface WeightedEstimate {
  est: number;
  lo: number;
  hi: number;
  weight: number;
}

/**
 * Weighted average of independent estimates with a MOVER-style interval.
 * With normalised weights w_i (Σ w_i = 1):
 *   est = Σ w_i·est_i;  lo = est − sqrt(Σ (w_i·(est_i − lo_i))²);  hi = est + sqrt(Σ (w_i·(hi_i − est_i))²)
 * This is MOVER (Zou & Donner) for a linear combination with positive coefficients and assumes the
 * estimates are independent. Items with a weight that is not positive and finite are left out;
 * null when nothing is left.
 */
export function combineWeighted(items: readonly WeightedEstimate[]): { est: number; lo: number; hi: number; weight: number } | null {
  const used = items.filter((it) => isFiniteNumber(it.weight) && it.weight > 0 && isFiniteNumber(it.est) && isFiniteNumber(it.lo) && isFiniteNumber(it.hi));
  const total = used.reduce((s, it) => s + it.weight, 0);
  if (used.length === 0 || !(total > 0)) return null;
  let est = 0;
  let below = 0;
  let above = 0;
  for (const it of used) {
    const w = it.weight / total;
    est += w * it.est;
    below += (w * (it.est - it.lo)) ** 2;
    above += (w * (it.hi - it.est)) ** 2;
  }
  return { est, lo: est - Math.sqrt(below), hi: est + Math.sqrt(above), weight: total };
}

/** One rollout cohort: the units whose go-live falls before the same wave, pooled. */
export interface StaggeredCohort {
  /** Any label, e.g. the id of the first post-rollout wave or a list of unit names. */
  id: string;
  /**
   * The first wave measured after this cohort went live (its rollout falls before this wave).
   * null = not rolled out during these waves: the cohort only ever serves as a comparison.
   */
  firstPostWave: string | null;
  /** Favourable answers x out of n answers, pooled over the cohort's units, per wave id. A missing wave = no data. */
  counts: Readonly<Record<string, Count>>;
}

export interface StaggeredDidInput {
  /** Wave ids in time order (baseline first). */
  waves: readonly string[];
  cohorts: readonly StaggeredCohort[];
}

/** One 2×2 comparison: a cohort from `preWave` to `wave` against the units not yet live at `wave`. */
export interface StaggeredDidCell {
  cohort: string;
  /** The cohort's last pre-rollout wave (for a placebo: the wave before that). */
  preWave: string;
  wave: string;
  /** Waves since rollout: 0 = first post wave; −1 for a placebo. */
  eventTime: number;
  /** The cohort's baseline n (answers at preWave), its weight when cohorts are combined. */
  weight: number;
  /** Ids of the cohorts pooled into the comparison group. */
  controlCohorts: string[];
  treatedBefore: Count;
  treatedAfter: Count;
  controlBefore: Count;
  controlAfter: Count;
  did: number;
  lo: number;
  hi: number;
  /** Newcombe intervals of the two changes. */
  treated: DifferenceInterval;
  control: DifferenceInterval;
}

/** Cells combined over cohorts (weights = baseline n). */
export interface CombinedDid {
  did: number;
  lo: number;
  hi: number;
  /** Sum of the baseline n of the combined cells. */
  weight: number;
  cohorts: string[];
}

export type StaggeredSkipReason =
  | 'unknown_wave' // firstPostWave is not one of the waves
  | 'no_pre_wave' // rolled out before the first wave: no pre-rollout measurement
  | 'no_data' // the cohort has no answers at one of the two waves
  | 'no_controls'; // no unit without rollout yet has answers at both waves

export interface StaggeredDidResult {
  /** Every (cohort, post wave) comparison that could be made. */
  cells: StaggeredDidCell[];
  /** Cells with the same event time combined over cohorts, weighted by baseline n. */
  byEventTime: Array<CombinedDid & { eventTime: number }>;
  /** Each cohort's latest comparable post wave, combined over cohorts weighted by baseline n. */
  overall: CombinedDid | null;
  /** Placebo per cohort with two pre-rollout waves: the change between them vs units not yet live; should be near 0. */
  placebo: StaggeredDidCell[];
  /** The placebo cells combined over cohorts, weighted by their baseline n. */
  placeboCombined: CombinedDid | null;
  /** Comparisons that could not be made, and why. */
  skipped: Array<{ cohort: string; wave: string | null; reason: StaggeredSkipReason }>;
}

function usable(c: Count | undefined): c is Count {
  return !!c && isFiniteNumber(c.x) && isFiniteNumber(c.n) && c.n > 0 && c.x >= 0 && c.x <= c.n;
}

function combineCells(cells: readonly StaggeredDidCell[]): CombinedDid | null {
  const c = combineWeighted(cells.map((cell) => ({ est: cell.did, lo: cell.lo, hi: cell.hi, weight: cell.weight })));
  if (c === null) return null;
  return { did: c.est, lo: c.lo, hi: c.hi, weight: c.weight, cohorts: cells.map((cell) => cell.cohort) };
}

/**
 * Difference in differences for a staggered rollout.
 *
 * For each cohort g whose first post-rollout wave has index G ≥ 1, and each post wave t ≥ G:
 * - treated change: cohort g from its last pre-rollout wave (G − 1) to t;
 * - comparison change: all other cohorts not yet rolled out at t (firstPostWave after t, or null),
 *   pooled over their responses, from the same wave G − 1 to t. Cohorts already rolled out are never
 *   used as comparison. A comparison cohort is pooled only if it has answers at both waves.
 * - `did2x2` on the four pooled counts (MOVER interval from the two Newcombe intervals).
 *
 * Placebo: where a cohort has two pre-rollout waves (G ≥ 2), the same comparison from G − 2 to
 * G − 1 against the cohorts not yet rolled out at G − 1 (eventTime −1). A placebo interval far
 * from 0 warns that the cohorts were already drifting apart before the rollout.
 *
 * Combining cohorts: cells are combined by `combineWeighted` — a weighted average of the DiDs with
 * weights = the cohort's baseline n (answers at its pre-rollout wave), and MOVER-style bounds
 * lo = D − sqrt(Σ (w_i(D_i − lo_i))²), hi = D + sqrt(Σ (w_i(hi_i − D_i))²).
 * ASSUMPTION: the combined cells are independent. The treated parts are disjoint cohorts, but a
 * not-yet-rolled-out cohort can be the comparison for several cohorts, which makes the cells
 * positively correlated; the combined interval can then be somewhat too narrow. Show the per-cohort
 * cells next to it. `byEventTime` combines cells with the same number of waves since rollout;
 * `overall` takes from each cohort only its latest comparable post wave (one cell per cohort).
 *
 * @example
 * staggeredDid({
 *   waves: ['w1', 'w2', 'w3'],
 *   cohorts: [
 *     { id: 'early', firstPostWave: 'w2', counts: { w1: { x: 30, n: 80 }, w2: { x: 52, n: 85 }, w3: { x: 55, n: 82 } } },
 *     { id: 'late', firstPostWave: 'w3', counts: { w1: { x: 28, n: 75 }, w2: { x: 31, n: 70 }, w3: { x: 50, n: 72 } } },
 *     { id: 'never', firstPostWave: null, counts: { w1: { x: 20, n: 50 }, w2: { x: 22, n: 52 }, w3: { x: 21, n: 49 } } },
 *   ],
 * });
 * // cells: early w1→w2 vs late+never; early w1→w3 vs never; late w2→w3 vs never
 * // placebo: late w1→w2 vs never
 */
export function staggeredDid(input: StaggeredDidInput): StaggeredDidResult {
  const result: StaggeredDidResult = { cells: [], byEventTime: [], overall: null, placebo: [], placeboCombined: null, skipped: [] };
  const waves = isArray(input?.waves) ? input.waves : [];
  const cohorts = isArray(input?.cohorts) ? input.cohorts : [];
  const waveIndex = new Map<string, number>();
  waves.forEach((w, i) => {
    if (!waveIndex.has(w)) waveIndex.set(w, i);
  });
  // Index of each cohort's first post wave; Infinity = never rolled out in these waves.
  const rollout = cohorts.map((c) => (c.firstPostWave === null ? Infinity : waveIndex.get(c.firstPostWave) ?? -1));

  /** One 2×2 cell for cohort gi from wave index `from` to `to`, against cohorts not yet live at `to`. */
  const cell = (gi: number, from: number, to: number, eventTime: number): StaggeredDidCell | StaggeredSkipReason => {
    const g = cohorts[gi];
    const tb = g.counts?.[waves[from]];
    const ta = g.counts?.[waves[to]];
    if (!usable(tb) || !usable(ta)) return 'no_data';
    const controlBefore = { x: 0, n: 0 };
    const controlAfter = { x: 0, n: 0 };
    const controlCohorts: string[] = [];
    cohorts.forEach((h, hi) => {
      if (hi === gi || !(rollout[hi] > to)) return; // only units not yet rolled out at `to`
      const cb = h.counts?.[waves[from]];
      const ca = h.counts?.[waves[to]];
      if (!usable(cb) || !usable(ca)) return;
      controlBefore.x += cb.x;
      controlBefore.n += cb.n;
      controlAfter.x += ca.x;
      controlAfter.n += ca.n;
      controlCohorts.push(h.id);
    });
    if (controlCohorts.length === 0) return 'no_controls';
    const r = did2x2(tb, ta, controlBefore, controlAfter);
    if (r === null) return 'no_data';
    return {
      cohort: g.id,
      preWave: waves[from],
      wave: waves[to],
      eventTime,
      weight: tb.n,
      controlCohorts,
      treatedBefore: { x: tb.x, n: tb.n },
      treatedAfter: { x: ta.x, n: ta.n },
      controlBefore,
      controlAfter,
      ...r,
    };
  };

  const latestPerCohort: StaggeredDidCell[] = [];
  cohorts.forEach((g, gi) => {
    const G = rollout[gi];
    if (G === Infinity) return; // comparison only
    if (G < 0) {
      result.skipped.push({ cohort: g.id, wave: g.firstPostWave, reason: 'unknown_wave' });
      return;
    }
    if (G === 0) {
      result.skipped.push({ cohort: g.id, wave: waves[0] ?? null, reason: 'no_pre_wave' });
      return;
    }
    let last: StaggeredDidCell | null = null;
    for (let t = G; t < waves.length; t++) {
      const c = cell(gi, G - 1, t, t - G);
      if (typeof c === 'string') result.skipped.push({ cohort: g.id, wave: waves[t], reason: c });
      else {
        result.cells.push(c);
        last = c;
      }
    }
    if (last) latestPerCohort.push(last);
    if (G >= 2) {
      const p = cell(gi, G - 2, G - 1, -1);
      if (typeof p !== 'string') result.placebo.push(p);
    }
  });

  const eventTimes = [...new Set(result.cells.map((c) => c.eventTime))].sort((a, b) => a - b);
  for (const e of eventTimes) {
    const combined = combineCells(result.cells.filter((c) => c.eventTime === e));
    if (combined) result.byEventTime.push({ eventTime: e, ...combined });
  }
  result.overall = combineCells(latestPerCohort);
  result.placeboCombined = combineCells(result.placebo);
  return result;
}
