// The comparison with units not yet live: which reporting cells form which rollout cohort, from go-live dates
// and wave dates, and the staggered difference in differences over them. Only cells shown in every wave used
// enter, so the comparison is a function of numbers the report already shows and reveals nothing new.
import { staggeredDid, type StaggeredCohort } from '../analysis';

/** A shown wave with per-unit results, in time order. */
export interface ComparisonWave {
  id: number;
  opensOn: string | null;
}

/** One reporting cell's adoption per wave (only where shown) and its members' go-live dates. */
export interface ComparisonRow {
  key: string;
  goLiveDates: (string | null)[];
  /** Favourable x of n substantive answers per wave id, for the waves where the cell is shown. */
  counts: ReadonlyMap<number, { x: number; n: number }>;
}

export type ComparisonUnavailable = 'single_wave' | 'none_live' | 'all_live_at_first_wave' | 'no_controls' | 'one_shown_cell';

export type Comparison =
  | { available: true; did: number; lo: number; hi: number; placebo: { did: number; lo: number; hi: number } | null; cohorts: number; controls: number }
  | { available: false; reason: ComparisonUnavailable };

/**
 * A cell's first wave after its go-live: the first wave that opens on or after the go-live day (a go-live during
 * a wave counts from the next one). null = not live during these waves. A cell whose members go live in
 * different waves belongs to no cohort (undefined): it is neither treated nor a clean comparison.
 */
export function firstPostWave(goLiveDates: readonly (string | null)[], waves: readonly ComparisonWave[]): number | null | undefined {
  const post = goLiveDates.map((d) => (d === null ? null : (waves.find((w) => w.opensOn !== null && d <= w.opensOn)?.id ?? null)));
  return post.every((p) => p === post[0]) ? post[0] : undefined;
}

/** The staggered difference in differences of one item over the cells shown in every wave. */
export function comparisonOf(rows: readonly ComparisonRow[], waves: readonly ComparisonWave[]): Comparison {
  if (waves.length < 2) return { available: false, reason: 'single_wave' };
  const stable = rows.filter((r) => waves.every((w) => (r.counts.get(w.id)?.n ?? 0) > 0));
  const cohortOf = new Map(stable.map((r) => [r.key, firstPostWave(r.goLiveDates, waves)]));
  const grouped = new Map<string, StaggeredCohort & { counts: Record<string, { x: number; n: number }> }>();
  for (const r of stable) {
    const post = cohortOf.get(r.key);
    if (post === undefined) continue;
    const id = post === null ? 'not_live' : String(post);
    const cohort = grouped.get(id) ?? { id, firstPostWave: post === null ? null : String(post), counts: {} };
    for (const w of waves) {
      const c = r.counts.get(w.id)!;
      const sum = cohort.counts[String(w.id)] ?? { x: 0, n: 0 };
      cohort.counts[String(w.id)] = { x: sum.x + c.x, n: sum.n + c.n };
    }
    grouped.set(id, cohort);
  }
  const cohorts = [...grouped.values()];
  if (stable.length < 2) return { available: false, reason: 'one_shown_cell' };
  if (!cohorts.some((c) => c.firstPostWave !== null)) return { available: false, reason: 'none_live' };
  if (cohorts.every((c) => c.firstPostWave === String(waves[0].id))) return { available: false, reason: 'all_live_at_first_wave' };
  const result = staggeredDid({ waves: waves.map((w) => String(w.id)), cohorts });
  if (!result.overall) return { available: false, reason: 'no_controls' };
  const controls = new Set(result.cells.filter((c) => result.overall!.cohorts.includes(c.cohort)).flatMap((c) => c.controlCohorts));
  return {
    available: true,
    did: result.overall.did,
    lo: result.overall.lo,
    hi: result.overall.hi,
    placebo: result.placeboCombined ? { did: result.placeboCombined.did, lo: result.placeboCombined.lo, hi: result.placeboCombined.hi } : null,
    cohorts: result.overall.cohorts.length,
    controls: controls.size,
  };
}

/** One wave of the comparison group's line: the cells not yet live at that wave, pooled. */
export interface ComparisonPoint {
  waveId: number;
  /** Favourable x of n substantive answers over the pooled cells; 0 of 0 when no cell is pooled. */
  x: number;
  n: number;
  /** How many shown cells are pooled, and how many shown cells were already live at this wave (not in the pool). */
  cells: number;
  liveCells: number;
}

/**
 * The comparison group's line for the drill-down: per wave, the cells not yet live at that wave (go-live after
 * the wave opened, or none planned), pooled. Only cells the report shows at that wave enter, so every pooled
 * number is a sum of numbers already on the page: a hidden cell is never in a pool, and no pool minus the shown
 * cells leaves a hidden one. (Pooling hidden cells would not be safe: complementary hiding makes all hidden cells
 * of a wave reach k together, not the hidden cells of one side of the rollout.) A cell whose members go live in
 * different waves is in no pool. null when no wave has a shown live cell beside a cell not yet live: without a unit
 * live, the pool is just the project total.
 */
export function comparisonSeries(rows: readonly ComparisonRow[], waves: readonly ComparisonWave[]): ComparisonPoint[] | null {
  const index = (id: number | null | undefined) => (id === null ? Infinity : waves.findIndex((w) => w.id === id));
  const posts = rows.map((r) => ({ row: r, post: firstPostWave(r.goLiveDates, waves) }));
  const series = waves.map((w, t) => {
    const shown = posts.filter((p) => p.post !== undefined && (p.row.counts.get(w.id)?.n ?? 0) > 0);
    const pooled = w.opensOn === null ? [] : shown.filter((p) => index(p.post) > t);
    const sum = pooled.reduce((a, p) => ({ x: a.x + p.row.counts.get(w.id)!.x, n: a.n + p.row.counts.get(w.id)!.n }), { x: 0, n: 0 });
    return { waveId: w.id, ...sum, cells: pooled.length, liveCells: w.opensOn === null ? 0 : shown.length - pooled.length };
  });
  // A line where some wave has a unit live beside one not yet live (shown or hidden: which units are live is public).
  const notYetLive = (t: number) => posts.some((p) => p.post !== undefined && index(p.post) > t);
  return series.some((s, t) => s.liveCells > 0 && notYetLive(t)) ? series : null;
}

/** What the planned go-lives and waves allow: a comparison at some follow-up, or which units to go live later. */
export interface ComparisonAdvice {
  /** Follow-up waves at which some units will be live (with a wave before their go-live) and others not yet. */
  comparableWaveIds: number[];
  /** When none: the units whose go-live could move after `afterWaveId` to give one (the later half of the plan). */
  suggestion: { afterWaveId: number; unitIds: number[] } | null;
}

/**
 * For the secretariat when it schedules: does the plan give a comparison group? A unit compares when it goes live
 * after one wave and before a later one, while other units are still not live at that later wave. Without one,
 * suggest moving the later half of the planned units past the second wave (a staggered rollout).
 */
export function comparisonAdvice(rollouts: readonly { unitId: number; goLiveDate: string | null }[], waves: readonly ComparisonWave[]): ComparisonAdvice {
  const dated = waves.filter((w) => w.opensOn !== null).sort((a, b) => a.opensOn!.localeCompare(b.opensOn!));
  const index = (post: number | null | undefined) => (post === null || post === undefined ? Infinity : dated.findIndex((w) => w.id === post));
  const post = rollouts.map((r) => index(firstPostWave([r.goLiveDate], dated)));
  const comparableWaveIds = dated
    .map((w, t) => ({ w, t }))
    .filter(({ t }) => t >= 1 && post.some((g) => g >= 1 && g <= t) && post.some((g) => g > t))
    .map(({ w }) => w.id);
  if (comparableWaveIds.length || dated.length < 2 || rollouts.length < 2) return { comparableWaveIds, suggestion: null };
  const planned = rollouts.filter((r) => r.goLiveDate !== null).sort((a, b) => a.goLiveDate!.localeCompare(b.goLiveDate!));
  const later = planned.slice(Math.ceil(planned.length / 2));
  return { comparableWaveIds, suggestion: later.length ? { afterWaveId: dated[1].id, unitIds: later.map((r) => r.unitId) } : null };
}
