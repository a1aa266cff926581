// Target behaviours (ny adfærd) and their links to benefits, enablers and units of the same project.
// A behaviour a survey version measures is archived instead of deleted, so its answers keep their meaning.
import { eq } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { behaviourBenefits, behaviourEnablers, behaviourUnits, behaviours, benefits } from '../../db/schema';
import type { BehaviourInput, BehaviourPatch } from '../contract/behaviours';
import { type Clock, nowIso } from './clock';
import { notFound } from './errors';
import { checkLinks } from './projectLinks';
import { getProjectDetail, getProjectRow } from './projects';
import { surveyReferences, type ArchiveReason } from './surveyUsage';
import { bumpVersions, claimVersion, linkChanges, nextVersion } from './versioned';

export async function getBehaviourRow(db: DbLike, behaviourId: number) {
  const [row] = await db.select().from(behaviours).where(eq(behaviours.id, behaviourId)).limit(1);
  if (!row) throw notFound('Behaviour');
  return row;
}

/** The behaviour as the project JSON shows it: with its links and why a delete would archive it. */
export async function getBehaviour(db: DbLike, behaviourId: number) {
  const row = await getBehaviourRow(db, behaviourId);
  return (await getProjectDetail(db, row.projectId)).behaviours.find((b) => b.id === behaviourId)!;
}

/** Replaces each link set that is given; an omitted set stays as it was. */
export async function writeBehaviourLinks(db: DbLike, behaviourId: number, input: Pick<BehaviourInput, 'benefitIds' | 'enablerIds' | 'unitIds'>) {
  if (input.benefitIds) {
    const before = await db.select({ id: behaviourBenefits.benefitId }).from(behaviourBenefits).where(eq(behaviourBenefits.behaviourId, behaviourId));
    await db.delete(behaviourBenefits).where(eq(behaviourBenefits.behaviourId, behaviourId));
    for (const benefitId of new Set(input.benefitIds)) await db.insert(behaviourBenefits).values({ behaviourId, benefitId });
    // Each benefit gained or lost is itself changed (its behaviourIds): a new version for it too.
    await bumpVersions(db, benefits, linkChanges(before.map((b) => b.id), input.benefitIds));
  }
  if (input.enablerIds) {
    await db.delete(behaviourEnablers).where(eq(behaviourEnablers.behaviourId, behaviourId));
    for (const enablerId of new Set(input.enablerIds)) await db.insert(behaviourEnablers).values({ behaviourId, enablerId });
  }
  if (input.unitIds) {
    await db.delete(behaviourUnits).where(eq(behaviourUnits.behaviourId, behaviourId));
    for (const unitId of new Set(input.unitIds)) await db.insert(behaviourUnits).values({ behaviourId, unitId });
  }
}

export async function createBehaviour(db: Db, projectId: number, input: BehaviourInput) {
  const { benefitIds, enablerIds, unitIds, ...fields } = input;
  return transaction(db, async (tx) => {
    await getProjectRow(tx, projectId);
    await checkLinks(tx, projectId, { benefitIds, enablerIds, unitIds });
    const [row] = await tx.insert(behaviours).values({ ...fields, projectId }).returning();
    await writeBehaviourLinks(tx, row.id, input);
    return getBehaviour(tx, row.id);
  });
}

/** Writes the change, links included, only if the behaviour is still at the version the client started from. */
export async function updateBehaviour(db: Db, behaviourId: number, input: BehaviourPatch) {
  const { version, benefitIds, enablerIds, unitIds, ...fields } = input;
  return transaction(db, async (tx) => {
    await claimVersion(tx, behaviours, behaviourId, version, { what: 'behaviour', read: () => getBehaviour(tx, behaviourId), sent: input });
    const current = await getBehaviourRow(tx, behaviourId);
    await checkLinks(tx, current.projectId, { benefitIds, enablerIds, unitIds });
    if (Object.keys(fields).length) await tx.update(behaviours).set(fields).where(eq(behaviours.id, behaviourId));
    await writeBehaviourLinks(tx, behaviourId, input);
    return getBehaviour(tx, behaviourId);
  });
}

/** True when a stored survey version measures this behaviour: its history must survive. */
export async function behaviourInSurvey(db: DbLike, projectId: number, behaviourId: number): Promise<boolean> {
  return (await surveyReferences(db, projectId)).behaviourIds.has(behaviourId);
}

export type DeleteResult = { archived: false; deleted: true } | { archived: true; reason: ArchiveReason };

/** Hard-deletes an unused behaviour; archives one that a survey version already measures, and says so. */
export async function deleteBehaviour(db: Db, behaviourId: number, clock: Clock): Promise<DeleteResult> {
  return transaction(db, async (tx): Promise<DeleteResult> => {
    const row = await getBehaviourRow(tx, behaviourId);
    if (await behaviourInSurvey(tx, row.projectId, behaviourId)) {
      if (!row.archivedAt) await tx.update(behaviours).set({ archivedAt: nowIso(clock), version: nextVersion(behaviours) }).where(eq(behaviours.id, behaviourId));
      return { archived: true, reason: 'used_by_survey' };
    }
    const linked = await tx.select({ id: behaviourBenefits.benefitId }).from(behaviourBenefits).where(eq(behaviourBenefits.behaviourId, behaviourId));
    await bumpVersions(tx, benefits, linked.map((l) => l.id));
    await tx.delete(behaviours).where(eq(behaviours.id, behaviourId));
    return { archived: false, deleted: true };
  });
}

/** Brings an archived behaviour back into the project, its surveys and its benefits map. */
export async function restoreBehaviour(db: DbLike, behaviourId: number, version: number) {
  await claimVersion(db, behaviours, behaviourId, version, { what: 'behaviour', read: () => getBehaviour(db, behaviourId), sent: {} }, { archivedAt: null });
  return getBehaviour(db, behaviourId);
}
