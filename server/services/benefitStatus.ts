// Benefit realisation status for the steering group (issue 12): each benefit's status (på vej, i risiko,
// realiseret, opgivet) with its reason, next action and history, beside the evidence — the adoption of its
// behaviours, the comparison group, the KPI against baseline and target, and what staff noticed, all taken from the
// project report as the disclosure policy lets it show (nothing here computes a statistic or decides what is
// hidden) — and the units' actions and agreed descriptions the viewer may see.
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { actions, behaviours, benefitStatusHistory, benefits, unitBehaviourDescriptions, units, users } from '../../db/schema';
import type { SessionUser } from '../auth/sessions';
import type { BenefitStatusInput } from '../contract/benefitStatus';
import { accessFor } from './access';
import { nowIso, todayUtc, type Clock } from './clock';
import type { DisclosurePolicy } from './disclosure';
import { DomainError, notFound } from './errors';
import { kpiProgress } from './measurements';
import { getProjectReport } from './report';
import { claimVersion } from './versioned';

type BenefitRow = typeof benefits.$inferSelect;

/** Admin, an editor of the benefit's project, or the account named as its owner (who can read the project: the
 *  route's access check has made sure). Anyone else who reads the project gets 403. */
export function maySetStatus(user: SessionUser, benefit: Pick<BenefitRow, 'projectId' | 'ownerUserId'>): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'editor' && user.ledProjectIds.includes(benefit.projectId)) return true;
  return benefit.ownerUserId !== null && benefit.ownerUserId === user.id;
}

export async function assertMaySetStatus(db: DbLike, user: SessionUser, benefitId: number): Promise<void> {
  const [row] = await db.select({ projectId: benefits.projectId, ownerUserId: benefits.ownerUserId }).from(benefits).where(eq(benefits.id, benefitId)).limit(1);
  if (!row) throw notFound('Benefit');
  if (!maySetStatus(user, row)) throw new DomainError('forbidden', 'not_benefit_owner', "Only the benefit's owner, the project's editors and the secretariat may set its status");
}

async function historyOf(db: DbLike, benefitIds: number[]) {
  if (!benefitIds.length) return [];
  return db
    .select({ id: benefitStatusHistory.id, benefitId: benefitStatusHistory.benefitId, status: benefitStatusHistory.status, reason: benefitStatusHistory.reason, nextAction: benefitStatusHistory.nextAction, changedByEmail: benefitStatusHistory.changedByEmail, changedByName: users.name, changedAt: benefitStatusHistory.changedAt })
    .from(benefitStatusHistory)
    .leftJoin(users, eq(users.id, benefitStatusHistory.changedBy))
    .where(inArray(benefitStatusHistory.benefitId, benefitIds))
    .orderBy(asc(benefitStatusHistory.changedAt), asc(benefitStatusHistory.id));
}

/** The status part of benefits, with the owner account's name and e-mail and the history, newest last. */
async function statusRows(db: DbLike, where: SQL | undefined) {
  const rows = await db
    .select({ benefit: benefits, ownerName: users.name, ownerEmail: users.email })
    .from(benefits)
    .leftJoin(users, eq(users.id, benefits.ownerUserId))
    .where(where)
    .orderBy(asc(benefits.sortOrder), asc(benefits.id));
  const history = await historyOf(db, rows.map((r) => r.benefit.id));
  return rows.map(({ benefit: b, ownerName, ownerEmail }) => ({
    id: b.id,
    projectId: b.projectId,
    version: b.version,
    title: b.title,
    titleEn: b.titleEn,
    direction: b.direction,
    type: b.type,
    /** The owner as the profile names them (free text), and the owner's account, which sets the status. */
    owner: b.owner,
    ownerUser: b.ownerUserId !== null ? { id: b.ownerUserId, name: ownerName ?? '', email: ownerEmail ?? '' } : null,
    status: b.status,
    statusReason: b.statusReason,
    nextAction: b.nextAction,
    statusChangedAt: b.statusChangedAt,
    history: history.filter((h) => h.benefitId === b.id).map(({ benefitId: _b, ...h }) => h),
    row: b,
  }));
}

/** One benefit's status, owner and history (the answer of a status change, and the current state in a 409). */
export async function getBenefitStatus(db: DbLike, benefitId: number) {
  const [row] = await statusRows(db, eq(benefits.id, benefitId));
  if (!row) throw notFound('Benefit');
  const { row: _row, ...status } = row;
  return status;
}

/** Sets the status from the version the client saw (409 stale_version otherwise) and adds it to the history. */
export async function setBenefitStatus(db: Db, benefitId: number, input: BenefitStatusInput, by: SessionUser, clock: Clock) {
  const { version, status, reason = '', nextAction = '' } = input;
  return transaction(db, async (tx) => {
    const changedAt = nowIso(clock);
    await claimVersion(
      tx,
      benefits,
      benefitId,
      version,
      { what: 'benefit', read: () => getBenefitStatus(tx, benefitId), sent: { status, statusReason: reason, nextAction } },
      { status, statusReason: reason, nextAction, statusChangedAt: changedAt },
    );
    await tx.insert(benefitStatusHistory).values({ benefitId, status, reason, nextAction, changedBy: by.id, changedByEmail: by.email, changedAt });
    return getBenefitStatus(tx, benefitId);
  });
}

/** The actions and agreed descriptions of the project in the units the viewer may see (null = all). */
async function unitWork(db: DbLike, projectId: number, unitIds: Set<number> | null, clock: Clock) {
  const inScope = <T extends { unitId: number }>(rows: T[]) => (unitIds ? rows.filter((r) => unitIds.has(r.unitId)) : rows);
  const actionRows = await db
    .select({ id: actions.id, unitId: actions.unitId, unitName: units.name, behaviourId: actions.behaviourId, behaviourTitle: behaviours.title, type: actions.type, title: actions.title, owner: actions.owner, dueDate: actions.dueDate, status: actions.status, note: actions.note, doneOn: actions.doneOn })
    .from(actions)
    .innerJoin(units, eq(units.id, actions.unitId))
    .innerJoin(behaviours, eq(behaviours.id, actions.behaviourId))
    .where(eq(actions.projectId, projectId))
    .orderBy(asc(units.name), asc(behaviours.sortOrder), asc(actions.id));
  const today = todayUtc(clock);
  const descriptionRows = await db
    .select({ behaviourId: unitBehaviourDescriptions.behaviourId, behaviourTitle: behaviours.title, unitId: unitBehaviourDescriptions.unitId, unitName: units.name, description: unitBehaviourDescriptions.description, descriptionEn: unitBehaviourDescriptions.descriptionEn, updatedAt: unitBehaviourDescriptions.updatedAt })
    .from(unitBehaviourDescriptions)
    .innerJoin(behaviours, eq(behaviours.id, unitBehaviourDescriptions.behaviourId))
    .innerJoin(units, eq(units.id, unitBehaviourDescriptions.unitId))
    .where(and(eq(behaviours.projectId, projectId), isNull(behaviours.archivedAt)))
    .orderBy(asc(behaviours.sortOrder), asc(behaviours.id), asc(units.name));
  return {
    // Overdue: past its due date and neither done nor dropped (the secretariat's flag on the actions overview).
    actions: inScope(actionRows).map((a) => ({ ...a, overdue: a.dueDate !== null && a.dueDate < today && a.status !== 'done' && a.status !== 'dropped' })),
    descriptions: inScope(descriptionRows),
  };
}

/**
 * GET /projects/:projectId/benefit-status: per benefit its status and history and the evidence, from the report
 * the viewer would get (same unit scope, same hidden cells). Per-unit cells are left out: the steering group
 * reads the project; the report keeps the unit view.
 */
export async function getBenefitStatusReport(db: Db, projectId: number, viewer: SessionUser, policy: DisclosurePolicy, clock: Clock) {
  const access = await accessFor(db, viewer);
  const report = await getProjectReport(db, projectId, policy, { unitIds: access.unitIds }, clock);
  const rows = await statusRows(db, and(eq(benefits.projectId, projectId), isNull(benefits.archivedAt)));
  const behaviourOf = new Map(report.behaviours.map((b) => [b.id, b]));
  const overallOnly = <T extends { key: string; construct: string; text: unknown; overall: unknown }>(item: T | null) =>
    item ? { key: item.key, construct: item.construct, text: item.text, overall: item.overall as T['overall'] } : null;

  const list = report.benefits.flatMap((rb) => {
    const status = rows.find((r) => r.id === rb.id);
    if (!status) return [];
    const { row, ...rest } = status;
    const evidenceBehaviours = rb.behaviourIds.flatMap((id) => {
      const b = behaviourOf.get(id);
      if (!b) return [];
      return [{ id: b.id, title: b.title, adoption: overallOnly(b.adoption), change: b.change, changeNote: b.changeNote, comparison: b.comparison, comparisonLine: b.comparisonLine }];
    });
    // Drawbacks to watch beside a positive benefit: the negative benefits created by the same behaviours.
    const drawbackIds = rb.direction === 'positive' ? report.benefits.filter((o) => o.direction === 'negative' && o.behaviourIds.some((id) => rb.behaviourIds.includes(id))).map((o) => o.id) : [];
    // The report's measurements are oldest first, so their order stands in for the id kpiProgress breaks ties by.
    const measurements = rb.measurements;
    return [
      {
        ...rest,
        canSetStatus: maySetStatus(viewer, row),
        evidence: {
          behaviours: evidenceBehaviours,
          kpi: { measure: rb.measure, measureUnit: rb.measureUnit, dataSource: rb.dataSource, baseline: rb.baseline, target: rb.target, measurements, progress: kpiProgress(row, measurements.map((m, i) => ({ ...m, id: i, benefitId: rb.id }))) },
          /** What staff said: the benefit happened for them, or (a negative benefit) they noticed the drawback. */
          staff: rb.staff.map((s) => ({ behaviourId: s.behaviourId, item: overallOnly(s.item) })),
          drawbackIds,
        },
      },
    ];
  });
  return {
    project: report.project,
    threshold: report.threshold,
    waves: report.waves.map((w) => ({ id: w.id, name: w.name, phase: w.phase, status: w.status, opensOn: w.opensOn, closesOn: w.closesOn, resultsShown: w.resultsShown })),
    benefits: list,
    ...(await unitWork(db, projectId, access.unitIds, clock)),
  };
}
