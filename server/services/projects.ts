// Projects and everything a project page shows: goals, enablers, benefits with their KPI measurements,
// behaviours, links and rollouts. getProjectDetail is also the municipality's JSON feed for its own reporting.
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
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
  rollouts,
  units,
  waves,
} from '../../db/schema';
import type { NewProjectInput, ProjectOrder, ProjectPatch } from '../contract/projects';
import { type Clock, nowIso } from './clock';
import { conflict, notFound } from './errors';
import { kpiProgress } from './measurements';
import { checkLinks } from './projectLinks';
import { surveyReferences, type ArchiveReason } from './surveyUsage';
import { claimVersion } from './versioned';

const countBy = (rows: { projectId: number; n: number }[]) => new Map(rows.map((r) => [r.projectId, r.n]));

export async function listProjects(db: DbLike, options: { includeArchived?: boolean } = {}) {
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      status: projects.status,
      purpose: projects.purpose,
      projectLead: projects.projectLead,
      mid: projects.mid,
      archivedAt: projects.archivedAt,
      version: projects.version,
      createdAt: projects.createdAt,
    })
    .from(projects)
    .where(options.includeArchived ? undefined : isNull(projects.archivedAt))
    // By id, so projects of the same name keep one order through the (stable) sort by Danish name.
    .orderBy(asc(projects.id));
  rows.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const benefitCounts = countBy(await db.select({ projectId: benefits.projectId, n: count() }).from(benefits).where(isNull(benefits.archivedAt)).groupBy(benefits.projectId));
  const behaviourCounts = countBy(await db.select({ projectId: behaviours.projectId, n: count() }).from(behaviours).where(isNull(behaviours.archivedAt)).groupBy(behaviours.projectId));
  const unitCounts = countBy(await db.select({ projectId: rollouts.projectId, n: count() }).from(rollouts).groupBy(rollouts.projectId));
  return rows.map((p) => ({
    ...p,
    benefitCount: benefitCounts.get(p.id) ?? 0,
    behaviourCount: behaviourCounts.get(p.id) ?? 0,
    unitCount: unitCounts.get(p.id) ?? 0,
  }));
}

/** The pairing secret never leaves the server (services/pairing.ts reads it itself). */
const withoutSecret = <T extends { pairingSecret: string | null }>({ pairingSecret: _secret, ...row }: T): Omit<T, 'pairingSecret'> => row;

export async function getProjectRow(db: DbLike, projectId: number) {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId)).limit(1);
  if (!row) throw notFound('Project');
  return withoutSecret(row);
}

/** The whole project as one JSON document — the page's data and the municipality's own reporting feed. */
export async function getProjectDetail(db: DbLike, projectId: number) {
  const project = await getProjectRow(db, projectId);
  const goalRows = await db.select().from(goals).where(eq(goals.projectId, projectId)).orderBy(asc(goals.sortOrder), asc(goals.id));
  const enablerRows = await db.select().from(enablers).where(eq(enablers.projectId, projectId)).orderBy(asc(enablers.sortOrder), asc(enablers.id));
  const benefitRows = (
    await db
      .select({ benefit: benefits, ownerUnitName: units.name })
      .from(benefits)
      .leftJoin(units, eq(units.id, benefits.ownerUnitId))
      .where(eq(benefits.projectId, projectId))
      .orderBy(asc(benefits.sortOrder), asc(benefits.id))
  ).map((r) => ({ ...r.benefit, ownerUnitName: r.ownerUnitName }));
  const behaviourRows = await db.select().from(behaviours).where(eq(behaviours.projectId, projectId)).orderBy(asc(behaviours.sortOrder), asc(behaviours.id));
  const behaviourIds = behaviourRows.map((b) => b.id);
  const benefitIds = benefitRows.map((b) => b.id);
  // Link lists in primary-key order, so every *Ids array below comes out in ascending id order.
  const bb = behaviourIds.length
    ? await db.select().from(behaviourBenefits).where(inArray(behaviourBenefits.behaviourId, behaviourIds)).orderBy(asc(behaviourBenefits.behaviourId), asc(behaviourBenefits.benefitId))
    : [];
  const be = behaviourIds.length
    ? await db.select().from(behaviourEnablers).where(inArray(behaviourEnablers.behaviourId, behaviourIds)).orderBy(asc(behaviourEnablers.behaviourId), asc(behaviourEnablers.enablerId))
    : [];
  const bu = behaviourIds.length
    ? await db.select().from(behaviourUnits).where(inArray(behaviourUnits.behaviourId, behaviourIds)).orderBy(asc(behaviourUnits.behaviourId), asc(behaviourUnits.unitId))
    : [];
  const bg = benefitIds.length
    ? await db.select().from(benefitGoals).where(inArray(benefitGoals.benefitId, benefitIds)).orderBy(asc(benefitGoals.benefitId), asc(benefitGoals.goalId))
    : [];
  const measurementRows = benefitIds.length
    ? await db.select().from(kpiMeasurements).where(inArray(kpiMeasurements.benefitId, benefitIds)).orderBy(asc(kpiMeasurements.measuredOn), asc(kpiMeasurements.id))
    : [];
  const rolloutRows = await db
    .select({ unitId: rollouts.unitId, goLiveDate: rollouts.goLiveDate, unitName: units.name, headcount: units.headcount, retiredAt: units.retiredAt })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(eq(rollouts.projectId, projectId))
    // Unplanned units (no go-live date) first on both engines, as SQLite sorts nulls.
    .orderBy(sql`${rollouts.goLiveDate} asc nulls first`, asc(units.name), asc(units.id));
  const inSurvey = await surveyReferences(db, projectId);
  // A behaviour is archived only for a survey, but its reason has the same type as a benefit's.
  const behaviourArchiveReason = (id: number): ArchiveReason | null => (inSurvey.behaviourIds.has(id) ? 'used_by_survey' : null);
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
      archiveReason: behaviourArchiveReason(b.id),
    })),
    rollouts: rolloutRows,
  };
}

export type ProjectDetail = Awaited<ReturnType<typeof getProjectDetail>>;

/** Creates the project, and any goals, enablers and primary behaviours given, all or nothing. */
export async function createProject(db: Db, input: NewProjectInput) {
  const { goals: goalTitles = [], enablers: enablerTitles = [], primaryBehaviours = [], ...fields } = input;
  return transaction(db, async (tx) => {
    const [project] = await tx.insert(projects).values(fields).returning();
    for (const [sortOrder, title] of goalTitles.entries()) await tx.insert(goals).values({ projectId: project.id, title, sortOrder });
    for (const [sortOrder, title] of enablerTitles.entries()) await tx.insert(enablers).values({ projectId: project.id, title, sortOrder });
    for (const [sortOrder, title] of primaryBehaviours.entries()) await tx.insert(behaviours).values({ projectId: project.id, title, sortOrder, isPrimary: true });
    return withoutSecret(project);
  });
}

/** Writes the change only if the project is still at the version the client started from (versioned.ts). */
export async function updateProject(db: DbLike, projectId: number, input: ProjectPatch) {
  const { version, ...fields } = input;
  // A project still collecting answers is not finished: its open or planned waves are closed (or deleted) first.
  if (fields.status === 'afsluttet') {
    const [running] = await db.select({ id: waves.id }).from(waves).where(and(eq(waves.projectId, projectId), eq(waves.status, 'open'))).limit(1);
    if (running) throw conflict('waves_still_open', 'The project has an open or planned wave: close it before the project is marked as finished');
  }
  await claimVersion(db, projects, projectId, version, { what: 'project', read: () => getProjectRow(db, projectId), sent: input }, fields);
  return getProjectRow(db, projectId);
}

/** Archiving hides a project from the default list; everything in it stays, and it can be restored. From the
 *  version the client saw: already archived (or restored) answers the project as it is, without a new version. */
export async function setProjectArchived(db: DbLike, projectId: number, archived: boolean, version: number, clock: Clock) {
  const current = await getProjectRow(db, projectId);
  if (!!current.archivedAt === archived && current.version === version) return current;
  const read = () => getProjectRow(db, projectId);
  await claimVersion(db, projects, projectId, version, { what: 'project', read, sent: {} }, { archivedAt: archived ? nowIso(clock) : null });
  return read();
}

/** Drag-and-drop order: each list given sets sortOrder = position; ids must belong to the project. */
export async function reorderProject(db: Db, projectId: number, order: ProjectOrder) {
  return transaction(db, async (tx) => {
    await getProjectRow(tx, projectId);
    await checkLinks(tx, projectId, order);
    for (const [sortOrder, id] of (order.goalIds ?? []).entries()) await tx.update(goals).set({ sortOrder }).where(eq(goals.id, id));
    for (const [sortOrder, id] of (order.enablerIds ?? []).entries()) await tx.update(enablers).set({ sortOrder }).where(eq(enablers.id, id));
    for (const [sortOrder, id] of (order.benefitIds ?? []).entries()) await tx.update(benefits).set({ sortOrder }).where(eq(benefits.id, id));
    for (const [sortOrder, id] of (order.behaviourIds ?? []).entries()) await tx.update(behaviours).set({ sortOrder }).where(eq(behaviours.id, id));
    return getProjectDetail(tx, projectId);
  });
}
