// Benefits (gevinstprofil): what should change, who owns it, how it is measured, and its links to goals and
// behaviours of the same project. A benefit a survey measures, or one with KPI measurements, is archived, not deleted.
import { eq } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { behaviourBenefits, benefitGoals, benefits, benefitTypes, kpiMeasurements, units } from '../../db/schema';
import { notFound } from '../http/errors';
import type { DeleteResult } from './behaviours';
import { fieldError } from './fieldErrors';
import { checkLinks } from './projectLinks';
import { getProjectDetail, getProjectRow } from './projects';
import { surveyReferences } from './surveyUsage';

export interface BenefitInput {
  title: string;
  direction?: 'positive' | 'negative';
  type?: (typeof benefitTypes)[number];
  owner?: string;
  ownerUnitId?: number | null;
  measure?: string;
  measureUnit?: string;
  dataSource?: string;
  baselineValue?: number | null;
  baselineDate?: string | null;
  targetValue?: number | null;
  targetDate?: string | null;
  sortOrder?: number;
  goalIds?: number[];
  behaviourIds?: number[];
}

export function getBenefitRow(db: DbLike, benefitId: number) {
  const row = db.select().from(benefits).where(eq(benefits.id, benefitId)).get();
  if (!row) throw notFound('Benefit');
  return row;
}

/** The benefit as the project JSON shows it: links, measurements, progress and why a delete would archive it. */
export function getBenefit(db: DbLike, benefitId: number) {
  const row = getBenefitRow(db, benefitId);
  return getProjectDetail(db, row.projectId).benefits.find((b) => b.id === benefitId)!;
}

/** Rules across fields, checked on the values the row will have after the change. */
function checkBenefit(db: DbLike, next: { baselineDate?: string | null; targetDate?: string | null }, ownerUnitId: number | null | undefined) {
  if (next.baselineDate && next.targetDate && next.targetDate < next.baselineDate) {
    throw fieldError('target_before_baseline', 'targetDate', `The target date ${next.targetDate} is before the baseline date ${next.baselineDate}`);
  }
  if (ownerUnitId != null) {
    const unit = db.select().from(units).where(eq(units.id, ownerUnitId)).get();
    if (!unit) throw fieldError('unit_unknown', 'ownerUnitId', `Unit ${ownerUnitId} does not exist`);
    if (unit.retiredAt) throw fieldError('unit_retired', 'ownerUnitId', `"${unit.name}" is retired; choose an active unit`);
  }
}

function writeBenefitLinks(db: DbLike, benefitId: number, input: Pick<BenefitInput, 'goalIds' | 'behaviourIds'>) {
  if (input.goalIds) {
    db.delete(benefitGoals).where(eq(benefitGoals.benefitId, benefitId)).run();
    for (const goalId of new Set(input.goalIds)) db.insert(benefitGoals).values({ benefitId, goalId }).run();
  }
  if (input.behaviourIds) {
    db.delete(behaviourBenefits).where(eq(behaviourBenefits.benefitId, benefitId)).run();
    for (const behaviourId of new Set(input.behaviourIds)) db.insert(behaviourBenefits).values({ behaviourId, benefitId }).run();
  }
}

export function createBenefit(db: Db, projectId: number, input: BenefitInput) {
  const { goalIds, behaviourIds, ...fields } = input;
  return db.transaction((tx) => {
    getProjectRow(tx, projectId);
    checkBenefit(tx, fields, fields.ownerUnitId);
    checkLinks(tx, projectId, { goalIds, behaviourIds });
    const row = tx.insert(benefits).values({ ...fields, projectId }).returning().get();
    writeBenefitLinks(tx, row.id, input);
    return getBenefit(tx, row.id);
  });
}

export function updateBenefit(db: Db, benefitId: number, input: Partial<BenefitInput>) {
  const { goalIds, behaviourIds, ...fields } = input;
  return db.transaction((tx) => {
    const current = getBenefitRow(tx, benefitId);
    // Keeping an owner unit that has since been retired is fine; choosing a retired one is not.
    const ownerChanged = fields.ownerUnitId !== undefined && fields.ownerUnitId !== current.ownerUnitId;
    checkBenefit(tx, { ...current, ...fields }, ownerChanged ? fields.ownerUnitId : undefined);
    checkLinks(tx, current.projectId, { goalIds, behaviourIds });
    if (Object.keys(fields).length) tx.update(benefits).set(fields).where(eq(benefits.id, benefitId)).run();
    writeBenefitLinks(tx, benefitId, input);
    return getBenefit(tx, benefitId);
  });
}

/** Hard-deletes an unused benefit; archives one a survey version measures or that has KPI measurements. */
export function deleteBenefit(db: Db, benefitId: number): DeleteResult {
  return db.transaction((tx) => {
    const row = getBenefitRow(tx, benefitId);
    const reason = surveyReferences(tx, row.projectId).benefitIds.has(benefitId)
      ? ('used_by_survey' as const)
      : tx.select({ id: kpiMeasurements.id }).from(kpiMeasurements).where(eq(kpiMeasurements.benefitId, benefitId)).get()
        ? ('has_measurements' as const)
        : null;
    if (reason) {
      if (!row.archivedAt) tx.update(benefits).set({ archivedAt: new Date().toISOString() }).where(eq(benefits.id, benefitId)).run();
      return { archived: true, reason } as const;
    }
    tx.delete(benefits).where(eq(benefits.id, benefitId)).run();
    return { archived: false, deleted: true } as const;
  });
}

export function restoreBenefit(db: DbLike, benefitId: number) {
  getBenefitRow(db, benefitId);
  db.update(benefits).set({ archivedAt: null }).where(eq(benefits.id, benefitId)).run();
  return getBenefit(db, benefitId);
}
