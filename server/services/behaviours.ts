// Target behaviours (ny adfærd) and their links to benefits, enablers and units of the same project.
// A behaviour a survey version measures is archived instead of deleted, so its answers keep their meaning.
import { eq } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { behaviourBenefits, behaviourEnablers, behaviourUnits, behaviours } from '../../db/schema';
import { notFound } from '../http/errors';
import { checkLinks } from './projectLinks';
import { getProjectDetail, getProjectRow } from './projects';
import { surveyReferences, type ArchiveReason } from './surveyUsage';

export interface BehaviourInput {
  title: string;
  description?: string;
  targetGroup?: string;
  situation?: string;
  expectedFrequency?: string;
  oldBehaviour?: string;
  isPrimary?: boolean;
  sortOrder?: number;
  benefitIds?: number[];
  enablerIds?: number[];
  /** Units it applies to; empty means all of the project's units. */
  unitIds?: number[];
}

export function getBehaviourRow(db: DbLike, behaviourId: number) {
  const row = db.select().from(behaviours).where(eq(behaviours.id, behaviourId)).get();
  if (!row) throw notFound('Behaviour');
  return row;
}

/** The behaviour as the project JSON shows it: with its links and why a delete would archive it. */
export function getBehaviour(db: DbLike, behaviourId: number) {
  const row = getBehaviourRow(db, behaviourId);
  return getProjectDetail(db, row.projectId).behaviours.find((b) => b.id === behaviourId)!;
}

/** Replaces each link set that is given; an omitted set stays as it was. */
export function writeBehaviourLinks(db: DbLike, behaviourId: number, input: Pick<BehaviourInput, 'benefitIds' | 'enablerIds' | 'unitIds'>) {
  if (input.benefitIds) {
    db.delete(behaviourBenefits).where(eq(behaviourBenefits.behaviourId, behaviourId)).run();
    for (const benefitId of new Set(input.benefitIds)) db.insert(behaviourBenefits).values({ behaviourId, benefitId }).run();
  }
  if (input.enablerIds) {
    db.delete(behaviourEnablers).where(eq(behaviourEnablers.behaviourId, behaviourId)).run();
    for (const enablerId of new Set(input.enablerIds)) db.insert(behaviourEnablers).values({ behaviourId, enablerId }).run();
  }
  if (input.unitIds) {
    db.delete(behaviourUnits).where(eq(behaviourUnits.behaviourId, behaviourId)).run();
    for (const unitId of new Set(input.unitIds)) db.insert(behaviourUnits).values({ behaviourId, unitId }).run();
  }
}

export function createBehaviour(db: Db, projectId: number, input: BehaviourInput) {
  const { benefitIds, enablerIds, unitIds, ...fields } = input;
  return db.transaction((tx) => {
    getProjectRow(tx, projectId);
    checkLinks(tx, projectId, { benefitIds, enablerIds, unitIds });
    const row = tx.insert(behaviours).values({ ...fields, projectId }).returning().get();
    writeBehaviourLinks(tx, row.id, input);
    return getBehaviour(tx, row.id);
  });
}

export function updateBehaviour(db: Db, behaviourId: number, input: Partial<BehaviourInput>) {
  const { benefitIds, enablerIds, unitIds, ...fields } = input;
  return db.transaction((tx) => {
    const current = getBehaviourRow(tx, behaviourId);
    checkLinks(tx, current.projectId, { benefitIds, enablerIds, unitIds });
    if (Object.keys(fields).length) tx.update(behaviours).set(fields).where(eq(behaviours.id, behaviourId)).run();
    writeBehaviourLinks(tx, behaviourId, input);
    return getBehaviour(tx, behaviourId);
  });
}

/** True when a stored survey version measures this behaviour: its history must survive. */
export function behaviourInSurvey(db: DbLike, projectId: number, behaviourId: number): boolean {
  return surveyReferences(db, projectId).behaviourIds.has(behaviourId);
}

export type DeleteResult = { archived: false; deleted: true } | { archived: true; reason: ArchiveReason };

/** Hard-deletes an unused behaviour; archives one that a survey version already measures, and says so. */
export function deleteBehaviour(db: Db, behaviourId: number): DeleteResult {
  return db.transaction((tx) => {
    const row = getBehaviourRow(tx, behaviourId);
    if (behaviourInSurvey(tx, row.projectId, behaviourId)) {
      if (!row.archivedAt) tx.update(behaviours).set({ archivedAt: new Date().toISOString() }).where(eq(behaviours.id, behaviourId)).run();
      return { archived: true, reason: 'used_by_survey' } as const;
    }
    tx.delete(behaviours).where(eq(behaviours.id, behaviourId)).run();
    return { archived: false, deleted: true } as const;
  });
}

/** Brings an archived behaviour back into the project, its surveys and its benefits map. */
export function restoreBehaviour(db: DbLike, behaviourId: number) {
  getBehaviourRow(db, behaviourId);
  db.update(behaviours).set({ archivedAt: null }).where(eq(behaviours.id, behaviourId)).run();
  return getBehaviour(db, behaviourId);
}
