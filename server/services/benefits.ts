// Benefits (gevinstprofil): what should change, who owns it, how it is measured, and its links to goals and
// behaviours of the same project. A benefit a survey measures, or one with KPI measurements, is archived, not deleted.
import { eq } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { behaviourBenefits, behaviours, benefitGoals, benefits, kpiMeasurements, units } from '../../db/schema';
import type { BenefitInput, BenefitPatch } from '../contract/benefits';
import type { DeleteResult } from './behaviours';
import { type Clock, nowIso } from './clock';
import { notFound } from './errors';
import { fieldError } from './fieldErrors';
import { checkBenefitOwnerUser } from './benefitOwners';
import { checkLinks } from './projectLinks';
import { getProjectDetail, getProjectRow } from './projects';
import { surveyReferences } from './surveyUsage';
import { bumpVersions, claimVersion, linkChanges, nextVersion } from './versioned';

export async function getBenefitRow(db: DbLike, benefitId: number) {
  const [row] = await db.select().from(benefits).where(eq(benefits.id, benefitId)).limit(1);
  if (!row) throw notFound('Benefit');
  return row;
}

/** The benefit as the project JSON shows it: links, measurements, progress and why a delete would archive it. */
export async function getBenefit(db: DbLike, benefitId: number) {
  const row = await getBenefitRow(db, benefitId);
  return (await getProjectDetail(db, row.projectId)).benefits.find((b) => b.id === benefitId)!;
}

/** Rules across fields, checked on the values the row will have after the change. */
async function checkBenefit(db: DbLike, next: { baselineDate?: string | null; targetDate?: string | null }, ownerUnitId: number | null | undefined) {
  if (next.baselineDate && next.targetDate && next.targetDate < next.baselineDate) {
    throw fieldError('target_before_baseline', 'targetDate', `The target date ${next.targetDate} is before the baseline date ${next.baselineDate}`);
  }
  if (ownerUnitId != null) {
    const [unit] = await db.select().from(units).where(eq(units.id, ownerUnitId)).limit(1);
    if (!unit) throw fieldError('unit_unknown', 'ownerUnitId', `Unit ${ownerUnitId} does not exist`);
    if (unit.retiredAt) throw fieldError('unit_retired', 'ownerUnitId', `"${unit.name}" is retired; choose an active unit`);
  }
}

async function writeBenefitLinks(db: DbLike, benefitId: number, input: Pick<BenefitInput, 'goalIds' | 'behaviourIds'>) {
  if (input.goalIds) {
    await db.delete(benefitGoals).where(eq(benefitGoals.benefitId, benefitId));
    for (const goalId of new Set(input.goalIds)) await db.insert(benefitGoals).values({ benefitId, goalId });
  }
  if (input.behaviourIds) {
    const before = await db.select({ id: behaviourBenefits.behaviourId }).from(behaviourBenefits).where(eq(behaviourBenefits.benefitId, benefitId));
    await db.delete(behaviourBenefits).where(eq(behaviourBenefits.benefitId, benefitId));
    for (const behaviourId of new Set(input.behaviourIds)) await db.insert(behaviourBenefits).values({ behaviourId, benefitId });
    // Each behaviour gained or lost is itself changed (its benefitIds): a new version for it too.
    await bumpVersions(db, behaviours, linkChanges(before.map((b) => b.id), input.behaviourIds));
  }
}

export async function createBenefit(db: Db, projectId: number, input: BenefitInput) {
  const { goalIds, behaviourIds, ...fields } = input;
  return transaction(db, async (tx) => {
    await getProjectRow(tx, projectId);
    await checkBenefit(tx, fields, fields.ownerUnitId);
    await checkBenefitOwnerUser(tx, projectId, fields.ownerUserId);
    await checkLinks(tx, projectId, { goalIds, behaviourIds });
    const [row] = await tx.insert(benefits).values({ ...fields, projectId }).returning();
    await writeBenefitLinks(tx, row.id, input);
    return getBenefit(tx, row.id);
  });
}

/** Writes the change only if the benefit is still at the version the client started from (versioned.ts). */
export async function updateBenefit(db: Db, benefitId: number, input: BenefitPatch) {
  const { version, goalIds, behaviourIds, ...fields } = input;
  return transaction(db, async (tx) => {
    await claimVersion(tx, benefits, benefitId, version, { what: 'benefit', read: () => getBenefit(tx, benefitId), sent: input });
    const current = await getBenefitRow(tx, benefitId);
    // Keeping an owner unit that has since been retired is fine; choosing a retired one is not.
    const ownerChanged = fields.ownerUnitId !== undefined && fields.ownerUnitId !== current.ownerUnitId;
    await checkBenefit(tx, { ...current, ...fields }, ownerChanged ? fields.ownerUnitId : undefined);
    // As with the owner unit: an owner who has since lost access may stay; a newly named one must read the project.
    if (fields.ownerUserId !== undefined && fields.ownerUserId !== current.ownerUserId) await checkBenefitOwnerUser(tx, current.projectId, fields.ownerUserId);
    await checkLinks(tx, current.projectId, { goalIds, behaviourIds });
    if (Object.keys(fields).length) await tx.update(benefits).set(fields).where(eq(benefits.id, benefitId));
    await writeBenefitLinks(tx, benefitId, input);
    return getBenefit(tx, benefitId);
  });
}

/** Hard-deletes an unused benefit; archives one a survey version measures or that has KPI measurements. */
export async function deleteBenefit(db: Db, benefitId: number, clock: Clock): Promise<DeleteResult> {
  return transaction(db, async (tx): Promise<DeleteResult> => {
    const row = await getBenefitRow(tx, benefitId);
    const reason = (await surveyReferences(tx, row.projectId)).benefitIds.has(benefitId)
      ? ('used_by_survey' as const)
      : (await tx.select({ id: kpiMeasurements.id }).from(kpiMeasurements).where(eq(kpiMeasurements.benefitId, benefitId)).limit(1)).length
        ? ('has_measurements' as const)
        : null;
    if (reason) {
      if (!row.archivedAt) await tx.update(benefits).set({ archivedAt: nowIso(clock), version: nextVersion(benefits) }).where(eq(benefits.id, benefitId));
      return { archived: true, reason };
    }
    const linked = await tx.select({ id: behaviourBenefits.behaviourId }).from(behaviourBenefits).where(eq(behaviourBenefits.benefitId, benefitId));
    await bumpVersions(tx, behaviours, linked.map((l) => l.id));
    await tx.delete(benefits).where(eq(benefits.id, benefitId));
    return { archived: false, deleted: true };
  });
}

/** From the version the client saw; one already restored meanwhile answers 409 like any stale edit. */
export async function restoreBenefit(db: DbLike, benefitId: number, version: number) {
  await claimVersion(db, benefits, benefitId, version, { what: 'benefit', read: () => getBenefit(db, benefitId), sent: {} }, { archivedAt: null });
  return getBenefit(db, benefitId);
}
