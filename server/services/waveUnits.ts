// Which units a follow-up should reach: a unit not yet live when the wave opens has nothing to follow up, so it
// is left out by default. Kept deliberately, it is the comparison group (units not yet live against units live
// at the same wave, docs/statistics.md §7a).
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rollouts, units, waveLinks } from '../../db/schema';
import { copenhagenDay, formatCopenhagen } from './copenhagenTime';

export interface NotLiveUnit {
  unitId: number;
  unitName: string;
  /** Its planned go-live day; null when none is planned. */
  goLiveDate: string | null;
  /** Whether it keeps its link (the secretariat chose to include units not yet live). */
  included: boolean;
  message: string;
}

/** The units among `unitIds` not live on the wave's opening day (go-live after it, or unknown), by name. */
export async function notLiveAtOpening(db: Db, projectId: number, unitIds: readonly number[], opensAt: string, include: boolean): Promise<NotLiveUnit[]> {
  if (!unitIds.length) return [];
  const openDay = copenhagenDay(opensAt);
  const rows = await db
    .select({ unitId: rollouts.unitId, unitName: units.name, goLiveDate: rollouts.goLiveDate })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(and(eq(rollouts.projectId, projectId), inArray(rollouts.unitId, [...unitIds])))
    .orderBy(asc(units.name), asc(units.id));
  // A project with no go-live date at all has no plan to check against: its units are named but kept.
  const [planned] = await db.select({ unitId: rollouts.unitId }).from(rollouts).where(and(eq(rollouts.projectId, projectId), isNotNull(rollouts.goLiveDate))).limit(1);
  // Live on its go-live day, as the comparison counts it (comparisonGroups.ts: go-live ≤ the wave's open day).
  return rows
    .filter((r) => r.goLiveDate === null || r.goLiveDate > openDay)
    .map((r) => {
      const when = r.goLiveDate ? `goes live ${r.goLiveDate}` : 'has no planned go-live date';
      if (!planned) return { ...r, included: true, message: `${r.unitName} ${when} (the project has no go-live dates yet): kept; set the go-live dates so follow-ups reach only units live at their opening` };
      const what = include
        ? 'included deliberately: its answers are a comparison group (not yet live), not a follow-up'
        : 'left out; include it deliberately if it should answer as a comparison group (not yet live)';
      return { ...r, included: include, message: `${r.unitName} ${when}, after the follow-up opens ${formatCopenhagen(opensAt, 'en')}: ${what}` };
    });
}

/** A follow-up's linked units not yet live at its opening: kept deliberately, named so the secretariat sees it. */
export async function linkedNotLive(db: Db, wave: { id: number; projectId: number; phase: 'baseline' | 'followup'; opensAt: string | null }): Promise<NotLiveUnit[]> {
  if (wave.phase !== 'followup' || !wave.opensAt) return [];
  const links = await db.select({ unitId: waveLinks.unitId }).from(waveLinks).where(eq(waveLinks.waveId, wave.id)).orderBy(asc(waveLinks.unitId));
  return notLiveAtOpening(db, wave.projectId, links.map((l) => l.unitId), wave.opensAt, true);
}
