// Action plans (handlinger): what a unit's leader does for one behaviour against the barrier the survey points to.
// Who may write is decided before this (assertUnitLeader); this decides what is stored: the behaviour must be the
// project's, the unit in its rollout, and a closed project (afsluttet or archived) takes no due dates. What a
// viewer sees is narrowed to their units (a unit-scoped manager sees their own units' actions only). An action is
// overdue when its due day has passed in Europe/Copenhagen and it is neither done nor dropped.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { actions, behaviours, projects, rollouts, units } from '../../db/schema';
import type { ActionInput, ActionListQuery, ActionPatch } from '../contract/actions';
import type { SessionUser } from '../auth/sessions';
import type { Access } from './access';
import type { Clock } from './clock';
import { copenhagenDay } from './copenhagenTime';
import { invalid, notFound } from './errors';
import { getProjectRow } from './projects';
import { claimVersion } from './versioned';

type ActionRow = typeof actions.$inferSelect;

const projectClosed = (p: { status: string; archivedAt: string | null }) => p.status === 'afsluttet' || p.archivedAt !== null;

/** Overdue: the due day is before today in Copenhagen and the action is still planned or in progress. */
export const isOverdue = (a: Pick<ActionRow, 'dueDate' | 'status'>, today: string) => a.dueDate !== null && a.dueDate < today && a.status !== 'done' && a.status !== 'dropped';

const selection = {
  action: actions,
  unitName: units.name,
  behaviourTitle: behaviours.title,
  behaviourTitleEn: behaviours.titleEn,
  projectName: projects.name,
  projectStatus: projects.status,
  projectArchivedAt: projects.archivedAt,
};

type Joined = { action: ActionRow; unitName: string; behaviourTitle: string; behaviourTitleEn: string; projectName: string; projectStatus: string; projectArchivedAt: string | null };

/** The action as the API answers it: its row, the names it points to, whether it is overdue, and the day its
 *  marker stands on the behaviour's timeline (the day it was done, else the day it was recorded). */
function answer(j: Joined, today: string) {
  const { createdBy: _createdBy, ...a } = j.action;
  return {
    ...a,
    unitName: j.unitName,
    behaviourTitle: j.behaviourTitle,
    behaviourTitleEn: j.behaviourTitleEn,
    projectName: j.projectName,
    projectClosed: projectClosed({ status: j.projectStatus, archivedAt: j.projectArchivedAt }),
    overdue: isOverdue(a, today),
    markerDay: a.doneOn ?? copenhagenDay(a.createdAt),
  };
}
export type ActionAnswer = ReturnType<typeof answer>;

async function select(db: DbLike, where: SQL | undefined) {
  return db
    .select(selection)
    .from(actions)
    .innerJoin(units, eq(units.id, actions.unitId))
    .innerJoin(behaviours, eq(behaviours.id, actions.behaviourId))
    .innerJoin(projects, eq(projects.id, actions.projectId))
    .where(where)
    // Soonest due first, those without a due date last, on both engines (they sort nulls differently by default).
    .orderBy(sql`${actions.dueDate} asc nulls last`, asc(actions.id));
}

export async function getActionRow(db: DbLike, actionId: number): Promise<ActionRow> {
  const [row] = await db.select().from(actions).where(eq(actions.id, actionId)).limit(1);
  if (!row) throw notFound('Action');
  return row;
}

export async function getAction(db: DbLike, actionId: number, clock: Clock): Promise<ActionAnswer> {
  const [row] = await select(db, eq(actions.id, actionId));
  if (!row) throw notFound('Action');
  return answer(row, copenhagenDay(clock.now()));
}

/** Only the units the viewer may see (null: all of the project). */
const unitFilter = (access: Access) => (access.unitIds === null ? undefined : inArray(actions.unitId, [...access.unitIds]));

/** A project's actions the viewer may see, optionally for one unit and/or behaviour, soonest due first. */
export async function listProjectActions(db: DbLike, projectId: number, access: Access, filter: ActionListQuery, clock: Clock) {
  await getProjectRow(db, projectId);
  const rows = await select(
    db,
    and(eq(actions.projectId, projectId), unitFilter(access), filter.unitId ? eq(actions.unitId, filter.unitId) : undefined, filter.behaviourId ? eq(actions.behaviourId, filter.behaviourId) : undefined),
  );
  const today = copenhagenDay(clock.now());
  return rows.map((r) => answer(r, today));
}

/** What the action plan page needs beside the list: the project, the units of its rollout the viewer leads (may
 *  add actions for: all for the secretariat and the project's editors, a unit-scoped manager's own, none for a
 *  manager of the whole project) and its behaviours. */
export async function actionPlanContext(db: DbLike, projectId: number, user: SessionUser, access: Access) {
  const project = await getProjectRow(db, projectId);
  const rolledOut = await db.select({ id: units.id, name: units.name }).from(rollouts).innerJoin(units, eq(units.id, rollouts.unitId)).where(eq(rollouts.projectId, projectId)).orderBy(asc(units.name), asc(units.id));
  const visible = rolledOut.filter((u) => access.unitIds === null || access.unitIds.has(u.id));
  const leads = user.role === 'manager' && access.unitIds === null ? [] : visible;
  const behaviourRows = await db
    .select({ id: behaviours.id, title: behaviours.title, titleEn: behaviours.titleEn })
    .from(behaviours)
    .where(and(eq(behaviours.projectId, projectId), isNull(behaviours.archivedAt)))
    .orderBy(asc(behaviours.sortOrder), asc(behaviours.id));
  return { project: { id: project.id, name: project.name, closed: projectClosed(project) }, units: visible, leadUnitIds: leads.map((u) => u.id), behaviours: behaviourRows };
}

/** Every action the viewer may see across the projects they read (the secretariat: all), with a count of overdue. */
export async function listAllActions(db: DbLike, access: Access, clock: Clock) {
  if (access.projectIds !== null && access.projectIds.size === 0) return { actions: [], overdue: 0, today: copenhagenDay(clock.now()) };
  const rows = await select(db, and(access.projectIds === null ? undefined : inArray(actions.projectId, [...access.projectIds]), unitFilter(access)));
  const today = copenhagenDay(clock.now());
  const list = rows.map((r) => answer(r, today));
  return { actions: list, overdue: list.filter((a) => a.overdue).length, today };
}

/** 400 with the field named, so the form can show it beside the field. */
const fieldProblem = (code: string, path: string, message: string) => invalid(code, message, [{ path, code, message }]);

function checkDates(project: { status: string; archivedAt: string | null }, fields: { dueDate?: string | null }) {
  if (fields.dueDate && projectClosed(project)) {
    throw fieldProblem('project_closed', 'dueDate', 'The project is closed (afsluttet or archived): an action in it cannot be given a due date. Reopen the project first, or record the action without a due date.');
  }
}

/** done → its day (given, or today in Copenhagen); any other status clears it. */
function doneOnFor(status: ActionRow['status'], given: string | null | undefined, before: string | null, clock: Clock): string | null {
  if (status !== 'done') return null;
  const today = copenhagenDay(clock.now());
  // Done is a fact: a day after today would put the marker where no answer can yet say whether it helped.
  if (given && given > today) throw fieldProblem('done_in_future', 'doneOn', 'An action cannot be done on a day after today');
  return given ?? before ?? today;
}

export async function createAction(db: Db, projectId: number, input: ActionInput, userId: number, clock: Clock): Promise<ActionAnswer> {
  return transaction(db, async (tx) => {
    const project = await getProjectRow(tx, projectId);
    const [behaviour] = await tx.select({ id: behaviours.id, archivedAt: behaviours.archivedAt }).from(behaviours).where(and(eq(behaviours.id, input.behaviourId), eq(behaviours.projectId, projectId))).limit(1);
    if (!behaviour) throw fieldProblem('unknown_behaviour', 'behaviourId', 'The behaviour is not one of this project\'s');
    // An archived behaviour is no longer asked about: an action on it could never show whether it helped.
    if (behaviour.archivedAt) throw fieldProblem('behaviour_archived', 'behaviourId', 'The behaviour is archived; restore it before planning actions for it');
    const [rollout] = await tx.select({ unitId: rollouts.unitId }).from(rollouts).where(and(eq(rollouts.projectId, projectId), eq(rollouts.unitId, input.unitId))).limit(1);
    if (!rollout) throw fieldProblem('unit_not_in_rollout', 'unitId', 'The unit is not in this project\'s rollout');
    checkDates(project, input);
    const status = input.status ?? 'planned';
    const [row] = await tx
      .insert(actions)
      .values({ ...input, projectId, status, owner: input.owner ?? '', note: input.note ?? '', dueDate: input.dueDate ?? null, doneOn: doneOnFor(status, input.doneOn, null, clock), createdBy: userId })
      .returning({ id: actions.id });
    return getAction(tx, row.id, clock);
  });
}

/** Writes the change only if the action is still at the version the client started from (versioned.ts). */
export async function updateAction(db: Db, actionId: number, input: ActionPatch, clock: Clock): Promise<ActionAnswer> {
  const { version, ...fields } = input;
  return transaction(db, async (tx) => {
    const before = await getActionRow(tx, actionId);
    await claimVersion(tx, actions, actionId, version, { what: 'action', read: () => getAction(tx, actionId, clock), sent: input });
    // Only a new due date is refused in a closed project: the form sends the stored one back with every edit.
    checkDates(await getProjectRow(tx, before.projectId), { dueDate: fields.dueDate !== before.dueDate ? fields.dueDate : undefined });
    const status = fields.status ?? before.status;
    const doneOn = doneOnFor(status, fields.doneOn, before.doneOn, clock);
    await tx.update(actions).set({ ...fields, doneOn }).where(eq(actions.id, actionId));
    return getAction(tx, actionId, clock);
  });
}

export async function deleteAction(db: DbLike, actionId: number): Promise<void> {
  await getActionRow(db, actionId);
  await db.delete(actions).where(eq(actions.id, actionId));
}
