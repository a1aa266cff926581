// A unit's agreed description of a behaviour ("sådan gør vi hos os"), recorded by its leader, usually at the end
// of a workshop; and every unit's wording side by side per behaviour for the secretariat, so that a behaviour
// described very differently across units is visible. Versioned like every edit: a stale version answers 409.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { serialize, transaction, type Db } from '../../db/client';
import { behaviours, rollouts, unitBehaviourDescriptions, units, workshops } from '../../db/schema';
import type { UnitDescriptionInput } from '../contract/workshops';
import { nowIso, type Clock } from './clock';
import { invalid } from './errors';
import { staleVersion } from './versioned';
import { assertBehaviourAndUnitInProject } from './workshops';

const descriptionColumns = {
  behaviourId: unitBehaviourDescriptions.behaviourId,
  unitId: unitBehaviourDescriptions.unitId,
  description: unitBehaviourDescriptions.description,
  descriptionEn: unitBehaviourDescriptions.descriptionEn,
  workshopId: unitBehaviourDescriptions.workshopId,
  updatedAt: unitBehaviourDescriptions.updatedAt,
  version: unitBehaviourDescriptions.version,
};

export type UnitDescription = { behaviourId: number; unitId: number; description: string; descriptionEn: string; workshopId: number | null; updatedAt: string; version: number };

const where = (behaviourId: number, unitId: number) => and(eq(unitBehaviourDescriptions.behaviourId, behaviourId), eq(unitBehaviourDescriptions.unitId, unitId));

/**
 * Records (or changes) the unit's description. The first one is sent without a version; a change names the version
 * it started from. When it names the workshop it came from, that workshop is closed in the same step.
 */
export async function setUnitDescription(db: Db, projectId: number, unitId: number, behaviourId: number, input: UnitDescriptionInput, userId: number, clock: Clock): Promise<UnitDescription> {
  await assertBehaviourAndUnitInProject(db, projectId, unitId, behaviourId);
  const now = nowIso(clock);
  return transaction(db, async (tx) => {
    await serialize(tx, `unit-description:${behaviourId}:${unitId}`);
    if (input.workshopId != null) {
      const [w] = await tx.select({ id: workshops.id }).from(workshops).where(and(eq(workshops.id, input.workshopId), eq(workshops.projectId, projectId), eq(workshops.unitId, unitId), eq(workshops.behaviourId, behaviourId))).limit(1);
      if (!w) throw invalid('workshop_mismatch', 'The workshop is not one of this unit on this behaviour', [{ path: 'workshopId', code: 'workshop_mismatch', message: 'Not a workshop of this unit and behaviour' }]);
    }
    const values = { description: input.description, descriptionEn: input.descriptionEn ?? '', workshopId: input.workshopId ?? null, updatedBy: userId, updatedAt: now };
    const [current] = await tx.select(descriptionColumns).from(unitBehaviourDescriptions).where(where(behaviourId, unitId)).limit(1);
    const sent = { description: values.description, descriptionEn: values.descriptionEn };
    let saved: UnitDescription;
    if (current) {
      if (input.version !== current.version) throw staleVersion('description', current, current.version, sent);
      [saved] = await tx
        .update(unitBehaviourDescriptions)
        .set({ ...values, version: current.version + 1 })
        .where(and(where(behaviourId, unitId), eq(unitBehaviourDescriptions.version, current.version)))
        .returning(descriptionColumns);
    } else {
      [saved] = await tx.insert(unitBehaviourDescriptions).values({ behaviourId, unitId, ...values }).returning(descriptionColumns);
    }
    if (input.workshopId != null) await tx.update(workshops).set({ status: 'closed', closedAt: now }).where(and(eq(workshops.id, input.workshopId), eq(workshops.status, 'open')));
    return saved;
  });
}

/** Every live behaviour of the project with each of its units' descriptions (null where a unit has none yet). */
export async function projectDescriptions(db: Db, projectId: number) {
  const bs = await db
    .select({ id: behaviours.id, title: behaviours.title, titleEn: behaviours.titleEn, description: behaviours.description, oldBehaviour: behaviours.oldBehaviour })
    .from(behaviours)
    .where(and(eq(behaviours.projectId, projectId), isNull(behaviours.archivedAt)))
    .orderBy(asc(behaviours.sortOrder), asc(behaviours.id));
  const us = await db
    .select({ id: units.id, name: units.name, nameEn: units.nameEn })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(eq(rollouts.projectId, projectId))
    .orderBy(asc(units.name), asc(units.id));
  const rows = await db
    .select(descriptionColumns)
    .from(unitBehaviourDescriptions)
    .innerJoin(behaviours, eq(behaviours.id, unitBehaviourDescriptions.behaviourId))
    .where(eq(behaviours.projectId, projectId));
  const byKey = new Map(rows.map((r) => [`${r.behaviourId}:${r.unitId}`, r]));
  return {
    units: us,
    behaviours: bs.map((b) => ({
      ...b,
      described: us.filter((u) => byKey.has(`${b.id}:${u.id}`)).length,
      units: us.map((u) => {
        const d = byKey.get(`${b.id}:${u.id}`);
        return { unitId: u.id, unitName: u.name, description: d ? { description: d.description, descriptionEn: d.descriptionEn, workshopId: d.workshopId, updatedAt: d.updatedAt, version: d.version } : null };
      }),
    })),
  };
}
