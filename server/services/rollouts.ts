// The project's units and their go-live dates (idriftsættelse), and the timeline that shows them next to the waves.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { behaviours, behaviourUnits, rollouts, units, waveLinks, waves } from '../../db/schema';
import type { RolloutInput } from '../contract/rollouts';
import { type Clock, todayUtc } from './clock';
import { notFound } from './errors';
import { fieldError } from './fieldErrors';
import { comparisonAdvice } from './comparisonGroups';
import { getProjectRow } from './projects';
import { effectiveStatus } from './waves';

/** Adds the unit to the project or changes its go-live date (null = not planned yet). */
export async function setRollout(db: DbLike, projectId: number, unitId: number, goLiveDate: RolloutInput['goLiveDate']) {
  await getProjectRow(db, projectId);
  const [unit] = await db.select().from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit) throw notFound('Unit');
  const [existing] = await db.select().from(rollouts).where(and(eq(rollouts.projectId, projectId), eq(rollouts.unitId, unitId))).limit(1);
  // A retired unit keeps its rollout as history, but is not added to a project anew.
  if (unit.retiredAt && !existing) throw fieldError('unit_retired', 'unitId', `"${unit.name}" is retired and cannot be rolled out to`);
  await db
    .insert(rollouts)
    .values({ projectId, unitId, goLiveDate })
    .onConflictDoUpdate({ target: [rollouts.projectId, rollouts.unitId], set: { goLiveDate } });
  return { projectId, unitId, goLiveDate };
}

/** Takes the unit out of the project, and out of the project's behaviours that named it. */
export async function removeRollout(db: Db, projectId: number, unitId: number): Promise<void> {
  await transaction(db, async (tx) => {
    const removed = await tx
      .delete(rollouts)
      .where(and(eq(rollouts.projectId, projectId), eq(rollouts.unitId, unitId)))
      .returning({ unitId: rollouts.unitId });
    if (removed.length === 0) throw notFound('Rollout');
    const projectBehaviours = (await tx.select({ id: behaviours.id }).from(behaviours).where(eq(behaviours.projectId, projectId))).map((b) => b.id);
    if (projectBehaviours.length) {
      await tx.delete(behaviourUnits).where(and(eq(behaviourUnits.unitId, unitId), inArray(behaviourUnits.behaviourId, projectBehaviours)));
    }
  });
}

/** Go-live dates per unit and the waves (with their units) on one time axis. */
export async function getTimeline(db: DbLike, projectId: number, clock: Clock) {
  await getProjectRow(db, projectId);
  const unitRows = (
    await db
      .select({ unitId: rollouts.unitId, goLiveDate: rollouts.goLiveDate, unitName: units.name, parentId: units.parentId, kind: units.kind, headcount: units.headcount, retiredAt: units.retiredAt })
      .from(rollouts)
      .innerJoin(units, eq(units.id, rollouts.unitId))
      .where(eq(rollouts.projectId, projectId))
      .orderBy(asc(rollouts.unitId))
  )
    // Planned dates first in date order, then the units without a date.
    .sort((a, b) => (a.goLiveDate ?? '9999').localeCompare(b.goLiveDate ?? '9999') || a.unitName.localeCompare(b.unitName, 'da'));
  // Undated drafts first, as SQLite sorts nulls; PostgreSQL would put them last.
  const waveRows = await db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(sql`${waves.opensOn} asc nulls first`, asc(waves.id));
  const links = waveRows.length
    ? await db
        .select({ waveId: waveLinks.waveId, unitId: waveLinks.unitId })
        .from(waveLinks)
        .where(inArray(waveLinks.waveId, waveRows.map((w) => w.id)))
        .orderBy(asc(waveLinks.waveId), asc(waveLinks.unitId))
    : [];
  const timelineWaves = waveRows.map((w) => ({
    id: w.id,
    name: w.name,
    phase: w.phase,
    status: effectiveStatus(w, clock),
    opensOn: w.opensOn,
    closesOn: w.closesOn,
    unitIds: links.filter((l) => l.waveId === w.id).map((l) => l.unitId),
  }));
  const dates = [...unitRows.map((r) => r.goLiveDate), ...waveRows.flatMap((w) => [w.opensOn, w.closesOn])].filter((d): d is string => !!d).sort();
  return {
    today: todayUtc(clock),
    range: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null,
    rollouts: unitRows.map(({ retiredAt, ...r }) => ({ ...r, retired: retiredAt !== null })),
    waves: timelineWaves,
    // Whether the plan lets the report compare units that went live with units not yet live, or what would.
    comparison: comparisonAdvice(unitRows.filter((r) => r.retiredAt === null), waveRows.map((w) => ({ id: w.id, opensOn: w.opensOn }))),
  };
}
