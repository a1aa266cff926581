// Projects and everything a project page shows: goals, enablers, benefits with their KPI measurements,
// behaviours, links and rollouts. getProjectDetail is also the municipality's JSON feed for its own reporting.
import { asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import {
  behaviourBenefits,
  behaviourEnablers,
  behaviourUnits,
  behaviours,
  benefitGoals,
  benefits,
  enablers,
  goals,
  kpiMeasurements,
  projects,
  projectStatuses,
  rollouts,
  units,
} from '../../db/schema';
import { notFound } from '../http/errors';
import { kpiProgress } from './measurements';
import { checkLinks } from './projectLinks';
import { surveyReferences, type ArchiveReason } from './surveyUsage';

export type ProjectStatus = (typeof projectStatuses)[number];

export interface ProjectInput {
  name: string;
  purpose?: string;
  projectLead?: string;
  status?: ProjectStatus;
  mid?: number;
}

/** On creation the secretariat may declare goals, enablers and the primary behaviour(s) up front. */
export interface NewProjectInput extends ProjectInput {
  goals?: string[];
  enablers?: string[];
  primaryBehaviours?: string[];
}

const countBy = (rows: { projectId: number; n: number }[]) => new Map(rows.map((r) => [r.projectId, r.n]));

export function listProjects(db: DbLike, options: { includeArchived?: boolean } = {}) {
  const rows = db
    .select({
      id: projects.id,
      name: projects.name,
      status: projects.status,
      purpose: projects.purpose,
      projectLead: projects.projectLead,
      mid: projects.mid,
      archivedAt: projects.archivedAt,
      createdAt: projects.createdAt,
    })
    .from(projects)
    .where(options.includeArchived ? undefined : isNull(projects.archivedAt))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const benefitCounts = countBy(db.select({ projectId: benefits.projectId, n: count() }).from(benefits).where(isNull(benefits.archivedAt)).groupBy(benefits.projectId).all());
  const behaviourCounts = countBy(db.select({ projectId: behaviours.projectId, n: count() }).from(behaviours).where(isNull(behaviours.archivedAt)).groupBy(behaviours.projectId).all());
  const unitCounts = countBy(db.select({ projectId: rollouts.projectId, n: count() }).from(rollouts).groupBy(rollouts.projectId).all());
  return rows.map((p) => ({
    ...p,
    benefitCount: benefitCounts.get(p.id) ?? 0,
    behaviourCount: behaviourCounts.get(p.id) ?? 0,
    unitCount: unitCounts.get(p.id) ?? 0,
  }));
}

export function getProjectRow(db: DbLike, projectId: number) {
  const row = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!row) throw notFound('Project');
  return row;
}

/** The whole project as one JSON document — the page's data and the municipality's own reporting feed. */
export function getProjectDetail(db: DbLike, projectId: number) {
  const project = getProjectRow(db, projectId);
  const goalRows = db.select().from(goals).where(eq(goals.projectId, projectId)).orderBy(asc(goals.sortOrder), asc(goals.id)).all();
  const enablerRows = db.select().from(enablers).where(eq(enablers.projectId, projectId)).orderBy(asc(enablers.sortOrder), asc(enablers.id)).all();
  const benefitRows = db
    .select({ benefit: benefits, ownerUnitName: units.name })
    .from(benefits)
    .leftJoin(units, eq(units.id, benefits.ownerUnitId))
    .where(eq(benefits.projectId, projectId))
    .orderBy(asc(benefits.sortOrder), asc(benefits.id))
    .all()
    .map((r) => ({ ...r.benefit, ownerUnitName: r.ownerUnitName }));
  const behaviourRows = db.select().from(behaviours).where(eq(behaviours.projectId, projectId)).orderBy(asc(behaviours.sortOrder), asc(behaviours.id)).all();
  const behaviourIds = behaviourRows.map((b) => b.id);
  const benefitIds = benefitRows.map((b) => b.id);
  const bb = behaviourIds.length ? db.select().from(behaviourBenefits).where(inArray(behaviourBenefits.behaviourId, behaviourIds)).all() : [];
  const be = behaviourIds.length ? db.select().from(behaviourEnablers).where(inArray(behaviourEnablers.behaviourId, behaviourIds)).all() : [];
  const bu = behaviourIds.length ? db.select().from(behaviourUnits).where(inArray(behaviourUnits.behaviourId, behaviourIds)).all() : [];
  const bg = benefitIds.length ? db.select().from(benefitGoals).where(inArray(benefitGoals.benefitId, benefitIds)).all() : [];
  const measurementRows = benefitIds.length
    ? db.select().from(kpiMeasurements).where(inArray(kpiMeasurements.benefitId, benefitIds)).orderBy(asc(kpiMeasurements.measuredOn), asc(kpiMeasurements.id)).all()
    : [];
  const rolloutRows = db
    .select({ unitId: rollouts.unitId, goLiveDate: rollouts.goLiveDate, unitName: units.name, headcount: units.headcount, retiredAt: units.retiredAt })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(eq(rollouts.projectId, projectId))
    .orderBy(asc(rollouts.goLiveDate), asc(units.name))
    .all();
  const inSurvey = surveyReferences(db, projectId);
  return {
    ...project,
    goals: goalRows.map((g) => ({ ...g, benefitIds: bg.filter((l) => l.goalId === g.id).map((l) => l.benefitId) })),
    enablers: enablerRows.map((e) => ({ ...e, behaviourIds: be.filter((l) => l.enablerId === e.id).map((l) => l.behaviourId) })),
    benefits: benefitRows.map((b) => {
      const measurements = measurementRows.filter((m) => m.benefitId === b.id);
      const archiveReason: ArchiveReason | null = inSurvey.benefitIds.has(b.id) ? 'used_by_survey' : measurements.length ? 'has_measurements' : null;
      return {
        ...b,
        goalIds: bg.filter((l) => l.benefitId === b.id).map((l) => l.goalId),
        behaviourIds: bb.filter((l) => l.benefitId === b.id).map((l) => l.behaviourId),
        measurements,
        progress: kpiProgress(b, measurements),
        /** Set when DELETE would archive rather than delete, and why. */
        archiveReason,
      };
    }),
    behaviours: behaviourRows.map((b) => ({
      ...b,
      benefitIds: bb.filter((l) => l.behaviourId === b.id).map((l) => l.benefitId),
      enablerIds: be.filter((l) => l.behaviourId === b.id).map((l) => l.enablerId),
      unitIds: bu.filter((l) => l.behaviourId === b.id).map((l) => l.unitId),
      archiveReason: (inSurvey.behaviourIds.has(b.id) ? 'used_by_survey' : null) as ArchiveReason | null,
    })),
    rollouts: rolloutRows,
  };
}

export type ProjectDetail = ReturnType<typeof getProjectDetail>;

/** Creates the project, and any goals, enablers and primary behaviours given, all or nothing. */
export function createProject(db: Db, input: NewProjectInput) {
  const { goals: goalTitles = [], enablers: enablerTitles = [], primaryBehaviours = [], ...fields } = input;
  return db.transaction((tx) => {
    const project = tx.insert(projects).values(fields).returning().get();
    goalTitles.forEach((title, sortOrder) => tx.insert(goals).values({ projectId: project.id, title, sortOrder }).run());
    enablerTitles.forEach((title, sortOrder) => tx.insert(enablers).values({ projectId: project.id, title, sortOrder }).run());
    primaryBehaviours.forEach((title, sortOrder) => tx.insert(behaviours).values({ projectId: project.id, title, sortOrder, isPrimary: true }).run());
    return project;
  });
}

export function updateProject(db: DbLike, projectId: number, input: Partial<ProjectInput>) {
  const current = getProjectRow(db, projectId);
  if (Object.keys(input).length === 0) return current;
  return db.update(projects).set(input).where(eq(projects.id, projectId)).returning().get();
}

/** Archiving hides a project from the default list; everything in it stays, and it can be restored. */
export function setProjectArchived(db: DbLike, projectId: number, archived: boolean) {
  const current = getProjectRow(db, projectId);
  if (!!current.archivedAt === archived) return current;
  return db
    .update(projects)
    .set({ archivedAt: archived ? new Date().toISOString() : null })
    .where(eq(projects.id, projectId))
    .returning()
    .get();
}

export interface ProjectOrder {
  goalIds?: number[];
  enablerIds?: number[];
  benefitIds?: number[];
  behaviourIds?: number[];
}

/** Drag-and-drop order: each list given sets sortOrder = position; ids must belong to the project. */
export function reorderProject(db: Db, projectId: number, order: ProjectOrder) {
  return db.transaction((tx) => {
    getProjectRow(tx, projectId);
    checkLinks(tx, projectId, order);
    order.goalIds?.forEach((id, sortOrder) => tx.update(goals).set({ sortOrder }).where(eq(goals.id, id)).run());
    order.enablerIds?.forEach((id, sortOrder) => tx.update(enablers).set({ sortOrder }).where(eq(enablers.id, id)).run());
    order.benefitIds?.forEach((id, sortOrder) => tx.update(benefits).set({ sortOrder }).where(eq(benefits.id, id)).run());
    order.behaviourIds?.forEach((id, sortOrder) => tx.update(behaviours).set({ sortOrder }).where(eq(behaviours.id, id)).run());
    return getProjectDetail(tx, projectId);
  });
}
