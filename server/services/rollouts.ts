// The project's units and their go-live dates (idriftsættelse), and the timeline that shows them next to the waves.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { behaviours, behaviourUnits, rollouts, units, waveLinks, waves } from '../../db/schema';
import { notFound } from '../http/errors';
import { todayUtc } from './clock';
import { fieldError } from './fieldErrors';
import { getProjectRow } from './projects';
import { effectiveStatus } from './waves';

/** Adds the unit to the project or changes its go-live date (null = not planned yet). */
export function setRollout(db: DbLike, projectId: number, unitId: number, goLiveDate: string | null) {
  getProjectRow(db, projectId);
  const unit = db.select().from(units).where(eq(units.id, unitId)).get();
  if (!unit) throw notFound('Unit');
  const existing = db.select().from(rollouts).where(and(eq(rollouts.projectId, projectId), eq(rollouts.unitId, unitId))).get();
  // A retired unit keeps its rollout as history, but is not added to a project anew.
  if (unit.retiredAt && !existing) throw fieldError('unit_retired', 'unitId', `"${unit.name}" is retired and cannot be rolled out to`);
  db.insert(rollouts)
    .values({ projectId, unitId, goLiveDate })
    .onConflictDoUpdate({ target: [rollouts.projectId, rollouts.unitId], set: { goLiveDate } })
    .run();
  return { projectId, unitId, goLiveDate };
}

/** Takes the unit out of the project, and out of the project's behaviours that named it. */
export function removeRollout(db: Db, projectId: number, unitId: number) {
  db.transaction((tx) => {
    const res = tx.delete(rollouts).where(and(eq(rollouts.projectId, projectId), eq(rollouts.unitId, unitId))).run();
    if (res.changes === 0) throw notFound('Rollout');
    const projectBehaviours = tx.select({ id: behaviours.id }).from(behaviours).where(eq(behaviours.projectId, projectId)).all().map((b) => b.id);
    if (projectBehaviours.length) {
      tx.delete(behaviourUnits).where(and(eq(behaviourUnits.unitId, unitId), inArray(behaviourUnits.behaviourId, projectBehaviours))).run();
    }
  });
}

/** Go-live dates per unit and the waves (with their units) on one time axis. */
export function getTimeline(db: DbLike, projectId: number) {
  getProjectRow(db, projectId);
  const unitRows = db
    .select({ unitId: rollouts.unitId, goLiveDate: rollouts.goLiveDate, unitName: units.name, parentId: units.parentId, kind: units.kind, headcount: units.headcount, retiredAt: units.retiredAt })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(eq(rollouts.projectId, projectId))
    .all()
    // Planned dates first in date order, then the units without a date.
    .sort((a, b) => (a.goLiveDate ?? '9999').localeCompare(b.goLiveDate ?? '9999') || a.unitName.localeCompare(b.unitName, 'da'));
  const waveRows = db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(asc(waves.opensOn), asc(waves.id)).all();
  const links = waveRows.length
    ? db.select({ waveId: waveLinks.waveId, unitId: waveLinks.unitId }).from(waveLinks).where(inArray(waveLinks.waveId, waveRows.map((w) => w.id))).all()
    : [];
  const timelineWaves = waveRows.map((w) => ({
    id: w.id,
    name: w.name,
    phase: w.phase,
    status: effectiveStatus(w),
    opensOn: w.opensOn,
    closesOn: w.closesOn,
    unitIds: links.filter((l) => l.waveId === w.id).map((l) => l.unitId),
  }));
  const dates = [...unitRows.map((r) => r.goLiveDate), ...waveRows.flatMap((w) => [w.opensOn, w.closesOn])].filter((d): d is string => !!d).sort();
  return {
    today: todayUtc(),
    range: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null,
    rollouts: unitRows.map(({ retiredAt, ...r }) => ({ ...r, retired: retiredAt !== null })),
    waves: timelineWaves,
  };
}
