// Display decisions over the server's numbers: which wave a view shows, each unit's go-live status, which
// cells to mark as lagging and which colour a cell gets. No statistic is computed here: every number is the
// server's, and what is hidden is the server's (a hidden cell stays hidden, whatever its neighbours show).
import { extras, type BehaviourReport, type OverallCell, type Report, type ReportUnit, type ReportWave, type UnitCell, type UnitChange } from './api';

/** The waves whose results the server shows, in the report's order. */
export const shownWaves = (r: Report) => r.waves.filter((w) => w.resultsShown);

/**
 * The wave the per-unit views show: the wave the headline compares to (when the server says which and it has
 * per-unit numbers), else the latest shown wave with per-unit numbers; null when no wave has any yet.
 */
export function levelWave(r: Report): ReportWave | null {
  const withUnits = r.waves.filter((w) => w.resultsShown && w.unitResultsShown);
  const to = extras.compare(r)?.toWaveId;
  return withUnits.find((w) => w.id === to) ?? withUnits[withUnits.length - 1] ?? null;
}

/** The two waves of a behaviour's headline: the server's change, else its compare, else the first and the latest shown. */
export function headlineWaves(r: Report, b: BehaviourReport): { from: ReportWave | null; to: ReportWave | null } {
  const waves = shownWaves(r);
  const byId = (id: number | null | undefined) => (id == null ? null : (waves.find((w) => w.id === id) ?? null));
  if (b.change) return { from: byId(b.change.fromWaveId), to: byId(b.change.toWaveId) };
  const c = extras.compare(r);
  if (c && (c.fromWaveId != null || c.toWaveId != null)) return { from: byId(c.fromWaveId), to: byId(c.toWaveId) };
  const measured = waves.filter((w) => b.adoption?.overall.some((o) => o.waveId === w.id && o.measured));
  return { from: measured.length > 1 ? measured[0] : null, to: measured[measured.length - 1] ?? null };
}

export const overallOf = (cells: OverallCell[] | undefined, waveId: number | undefined) => cells?.find((c) => c.waveId === waveId);

// ---------- go-live ----------

export interface GoLive {
  /** The go-live day (YYYY-MM-DD), or null when none is planned. For a reporting group: when its last member goes live. */
  date: string | null;
  live: boolean;
}

/** Whether a row's unit (for a group: its last member) was not yet live when a follow-up wave opened: its level
 *  there is expected to be low (it may be the comparison group), so the heatmap says so and marks no lag. */
export function notLiveAtWave(status: GoLive | undefined, wave: { phase: string; opensOn: string | null } | null): boolean {
  if (!status || !wave || wave.phase !== 'followup' || !wave.opensOn) return false;
  return status.date === null || status.date > wave.opensOn;
}

/** Today in Copenhagen as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * A report row's go-live status: the server's (units[].goLiveDate, live) when it sends it, else from the
 * project's rollouts (a group is live when every member is). Undefined when nothing is known about it.
 */
export function goLiveOf(unit: ReportUnit | undefined, rollouts: { unitId: number; goLiveDate: string | null }[] | undefined): GoLive | undefined {
  if (!unit) return undefined;
  const server = extras.goLive(unit);
  if (server) return { date: server.goLiveDate ?? null, live: server.live ?? (!!server.goLiveDate && server.goLiveDate <= today()) };
  if (!rollouts) return undefined;
  const dates = unit.unitIds.map((id) => rollouts.find((r) => r.unitId === id));
  if (dates.every((d) => !d)) return undefined;
  const planned = dates.map((d) => d?.goLiveDate ?? null);
  if (planned.some((d) => d === null)) return { date: null, live: false };
  const last = (planned as string[]).reduce((a, b) => (a > b ? a : b));
  return { date: last, live: last <= today() };
}

// ---------- lagging ----------

/** A unit's level is lagging when the server shows it and it is below the project total of the same wave. */
export function levelLags(cell: UnitCell | undefined, total: OverallCell | undefined): boolean {
  if (!cell || cell.hidden || cell.p == null) return false;
  if (!total || !total.measured || total.hidden || total.p == null) return false;
  return cell.p < total.p;
}

/** A unit's change is lagging when the server calls it a likely decline, or (without a label) its interval lies below 0. */
export function changeLags(c: { hidden: boolean; d: number | null; hi: number | null; label?: { code: string } | null } | undefined): boolean {
  if (!c || c.hidden || c.d == null) return false;
  if (c.label?.code) return c.label.code === 'likely_decline';
  return c.hi != null && c.hi < 0;
}

export interface LaggingRow {
  behaviourId: number;
  behaviourTitle: string;
  unitName: string;
  group: string | null;
  level?: { p: number; total: number };
  change?: UnitChange;
}

/** Every lagging unit × behaviour, by the same rules as the heatmap (for the printable report). */
export function laggingRows(r: Report): LaggingRow[] {
  const wave = levelWave(r);
  const rows: LaggingRow[] = [];
  for (const b of r.behaviours) {
    if (!b.adoption) continue;
    const total = overallOf(b.adoption.overall, wave?.id);
    const changes = extras.unitChanges(b);
    for (const u of b.adoption.units) {
      const cell = u.cells.find((c) => c.waveId === wave?.id);
      const change = changes?.find((c) => c.key === u.key);
      // As in the heatmap: a unit not yet live when the follow-up opened is not behind.
      const lv = wave && !notLiveAtWave(goLiveOf(r.units.find((x) => x.key === u.key), undefined), wave) && levelLags(cell, total);
      const ch = changeLags(change);
      if (!lv && !ch) continue;
      rows.push({
        behaviourId: b.id,
        behaviourTitle: b.title,
        unitName: u.unitName,
        group: u.group,
        level: lv && cell?.p != null && total?.measured && total.p != null ? { p: cell.p, total: total.p } : undefined,
        change: ch ? change : undefined,
      });
    }
  }
  return rows;
}

// ---------- colours ----------
// ColorBrewer schemes that stay apart for the common colour-vision deficiencies: Blues (sequential) for a level,
// PuOr (diverging: orange = down, purple = up) for a change. Each cell also carries its number in text.

export const LEVEL_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Bins of 20 percent: 0–19, 20–39, 40–59, 60–79, 80–100. */
export const levelColour = (p: number) => LEVEL_COLOURS[Math.min(4, Math.max(0, Math.floor((p * 100) / 20)))];

export const CHANGE_COLOURS = ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'] as const;
/** Bins in points: below −20, −20 to −10, −10 to 0, 0 to +10, +10 to +20, +20 and more. */
export const CHANGE_BINS = [-20, -10, 0, 10, 20] as const;
export function changeColour(d: number) {
  const pts = Math.round(d * 100);
  const i = CHANGE_BINS.findIndex((edge) => pts < edge);
  return CHANGE_COLOURS[i === -1 ? CHANGE_COLOURS.length - 1 : i];
}

/** Relative luminance (WCAG 2) of #rrggbb. */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text, whichever contrasts more with the background (always ≥ 4.5:1). */
export function textOn(hex: string): '#000000' | '#ffffff' {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
