// A suggested wave schedule from the rollout's go-live dates. The baseline closes before the first go-live, so
// no unit answers it already live. Follow-ups come 3 and 6 months (optionally 12) after the LAST go-live, so
// every unit has had that long. A staggered rollout (go-lives more than two weeks apart) gets one more follow-up,
// 3 months after the first go-live, that deliberately keeps the units not yet live: at that wave they are the
// comparison group the statistics need (docs/statistics.md §7a, comparisonGroups.ts).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollouts, units, waves } from '../../db/schema';
import { type Clock, nowIso } from './clock';
import { comparisonAdvice } from './comparisonGroups';
import { copenhagenDay, fromCopenhagenLocal } from './copenhagenTime';
import { getProjectRow } from './projects';

const OPENS = '08:00';
const CLOSES = '16:00';
/** Go-lives closer than this count as one cohort. */
const COHORT_DAYS = 14;
/** A follow-up is open for two weeks; the baseline from 4 weeks to 1 week before the first go-live. */
const FOLLOWUP_DAYS = 14;

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const addMonths = (day: string, n: number) => {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last), 12)).toISOString().slice(0, 10);
};
const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
/** Staff answer at work: an opening on a weekend moves to Monday, a close on a weekend to the Friday before. */
const openingDay = (day: string) => addDays(day, weekday(day) === 6 ? 2 : weekday(day) === 0 ? 1 : 0);
const closingDay = (day: string) => addDays(day, weekday(day) === 6 ? -1 : weekday(day) === 0 ? -2 : 0);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86400_000);

const instantOf = (local: string) => {
  const r = fromCopenhagenLocal(local);
  if (!r.ok) throw new Error(`Not a Copenhagen time: ${local}`);
  return r.instant;
};

interface ExistingWave {
  name: string;
  phase: 'baseline' | 'followup';
  opensAt: string | null;
  closesAt: string | null;
  opensOn: string | null;
  closesOn: string | null;
}

/** An end of a stored wave as an instant: its own, else (an older row) its Copenhagen day, else none. */
const startOf = (w: ExistingWave) => w.opensAt ?? (w.opensOn ? instantOf(`${w.opensOn}T00:00`) : null);
const endOf = (w: ExistingWave) => w.closesAt ?? (w.closesOn ? instantOf(`${w.closesOn}T23:59`) : null);

/**
 * Whether a stored wave already covers a suggested one: the same phase and time that overlaps it (equal included;
 * one closing as the other opens does not). A wave with only one end set is placed at that moment: it covers the
 * suggestion it falls in, not every later one. A wave with no times at all (a draft not yet planned) cannot be
 * placed: it covers the suggestion of the same phase and name only. A wave of the same name at another time or in
 * the other phase covers nothing.
 */
export function covers(w: ExistingWave, s: { name: string; phase: ExistingWave['phase']; opensAt: string; closesAt: string }): boolean {
  if (w.phase !== s.phase) return false;
  const [start, end] = [startOf(w), endOf(w)];
  if (start === null && end === null) return w.name.trim().toLowerCase() === s.name.trim().toLowerCase();
  const [lo, hi] = [start ?? end!, end ?? start!];
  if (lo === hi) return s.opensAt <= lo && lo <= s.closesAt;
  return lo < s.closesAt && s.opensAt < hi;
}

export type SuggestionKind = 'baseline' | 'comparison' | 'followup3' | 'followup6' | 'followup12';

export interface SuggestedWave {
  kind: SuggestionKind;
  name: string;
  phase: 'baseline' | 'followup';
  opensAtLocal: string;
  closesAtLocal: string;
  opensAt: string;
  closesAt: string;
  /** Suggested, but the secretariat may well leave it out (the 12-month follow-up). */
  optional: boolean;
  /** Units live at its opening, and those not yet (or with no date): kept only where the wave is a comparison. */
  liveUnitIds: number[];
  notLiveUnitIds: number[];
  includeNotLive: boolean;
  /** A wave of the project already covers this suggestion: same phase, and its time overlaps the suggested one
   *  (or, not yet timed, it has the same name). Another wave of the same name at another time does not. */
  exists: boolean;
  /** The first such wave, for the client to name. */
  existingWave: { id: number; name: string } | null;
}

export interface ScheduleSuggestion {
  timeZone: 'Europe/Copenhagen';
  goLives: { unitId: number; unitName: string; goLiveDate: string | null }[];
  staggered: boolean;
  waves: SuggestedWave[];
  /** Problems with the plan: no go-live dates, a baseline that can no longer close before the first go-live. */
  notes: ('no_go_live_dates' | 'baseline_too_late' | 'units_without_date' | 'past_waves_left_out')[];
  /** Whether these waves give a comparison between units live and not yet live at some follow-up. */
  givesComparison: boolean;
}

export async function suggestedSchedule(db: Db, projectId: number, clock: Clock): Promise<ScheduleSuggestion> {
  await getProjectRow(db, projectId);
  const goLives = await db
    .select({ unitId: rollouts.unitId, unitName: units.name, goLiveDate: rollouts.goLiveDate })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(and(eq(rollouts.projectId, projectId), isNull(units.retiredAt)))
    .orderBy(asc(rollouts.goLiveDate), asc(units.name), asc(units.id));
  const existing = await db
    .select({ id: waves.id, name: waves.name, phase: waves.phase, opensAt: waves.opensAt, closesAt: waves.closesAt, opensOn: waves.opensOn, closesOn: waves.closesOn })
    .from(waves)
    .where(eq(waves.projectId, projectId))
    .orderBy(asc(waves.id));
  const dates = goLives.map((g) => g.goLiveDate).filter((d): d is string => d !== null).sort();
  const notes: ScheduleSuggestion['notes'] = [];
  if (goLives.some((g) => g.goLiveDate === null)) notes.push('units_without_date');
  if (!dates.length) return { timeZone: 'Europe/Copenhagen', goLives, staggered: false, waves: [], notes: ['no_go_live_dates', ...notes.filter((n) => n !== 'units_without_date')], givesComparison: false };
  const [first, last] = [dates[0], dates[dates.length - 1]];
  const staggered = daysBetween(first, last) > COHORT_DAYS;
  const today = copenhagenDay(nowIso(clock));

  const wave = (kind: SuggestionKind, name: string, phase: SuggestedWave['phase'], opens: string, closes: string, includeNotLive: boolean, optional = false): SuggestedWave => {
    const live = goLives.filter((g) => g.goLiveDate !== null && g.goLiveDate <= opens).map((g) => g.unitId);
    const notLive = goLives.filter((g) => !live.includes(g.unitId)).map((g) => g.unitId);
    const opensAtLocal = `${opens}T${OPENS}`;
    const closesAtLocal = `${closes}T${CLOSES}`;
    const opensAt = instantOf(opensAtLocal);
    const closesAt = instantOf(closesAtLocal);
    const covering = existing.find((w) => covers(w, { name, phase, opensAt, closesAt }));
    return { kind, name, phase, opensAtLocal, closesAtLocal, opensAt, closesAt, optional, liveUnitIds: live, notLiveUnitIds: notLive, includeNotLive, exists: !!covering, existingWave: covering ? { id: covering.id, name: covering.name } : null };
  };

  // Baseline: 4 to 1 weeks before the first go-live; if that has begun, from tomorrow, still closing a week before.
  const baselineOpens = openingDay(addDays(first, -28) > today ? addDays(first, -28) : addDays(today, 1));
  const baselineCloses = closingDay(addDays(first, -7));
  const suggestions: SuggestedWave[] = [];
  if (baselineCloses > baselineOpens) suggestions.push(wave('baseline', 'Nulpunktsmåling', 'baseline', baselineOpens, baselineCloses, true));
  else notes.push('baseline_too_late');
  const followup = (kind: SuggestionKind, name: string, from: string, months: number, includeNotLive: boolean, optional = false) => {
    const opens = openingDay(addMonths(from, months));
    return wave(kind, name, 'followup', opens, closingDay(addDays(opens, FOLLOWUP_DAYS - 1)), includeNotLive, optional);
  };
  if (staggered) {
    const comparison = followup('comparison', 'Opfølgning 3 måneder efter første idriftsættelse', first, 3, true);
    // Only a comparison while some units are still not live at it (and some are).
    if (comparison.notLiveUnitIds.length && comparison.liveUnitIds.length) suggestions.push(comparison);
  }
  suggestions.push(followup('followup3', 'Opfølgning efter 3 måneder', last, 3, false));
  suggestions.push(followup('followup6', 'Opfølgning efter 6 måneder', last, 6, false));
  suggestions.push(followup('followup12', 'Opfølgning efter 12 måneder', last, 12, false, true));
  // A wave whose opening has passed can no longer be planned: it is left out, and the note says so.
  const ahead = suggestions.filter((w) => w.opensAt > nowIso(clock));
  if (ahead.length < suggestions.length) notes.push('past_waves_left_out');
  suggestions.splice(0, suggestions.length, ...ahead);
  const advice = comparisonAdvice(
    goLives,
    suggestions.map((s, i) => ({ id: i + 1, opensOn: s.opensAtLocal.slice(0, 10) })),
  );
  return { timeZone: 'Europe/Copenhagen', goLives, staggered, waves: suggestions, notes, givesComparison: advice.comparableWaveIds.length > 0 };
}
