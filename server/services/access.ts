// Who may read which project and which units. Admins (the secretariat) see everything; a manager sees
// the projects granted to them and, where they are scoped to units, only those unit subtrees; an editor (project
// lead) sees the projects they lead.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { projectEditors, rollouts, units, userScopes } from '../../db/schema';
import type { SessionUser } from '../auth/sessions';

export interface Access {
  /** null = every project */
  projectIds: Set<number> | null;
  /** null = every unit of an accessible project */
  unitIds: Set<number> | null;
  /** An editor (project lead) sees the whole unit register, to roll their projects out to any unit. */
  wholeUnitRegister?: boolean;
}

/** All units below (and including) the given ones, following parentId. */
export async function subtreeUnitIds(db: DbLike, rootIds: number[]): Promise<Set<number>> {
  const all = await db.select({ id: units.id, parentId: units.parentId }).from(units).orderBy(asc(units.id));
  const children = new Map<number, number[]>();
  for (const u of all) if (u.parentId != null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out = new Set<number>();
  const stack = [...rootIds];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export async function accessFor(db: DbLike, user: SessionUser): Promise<Access> {
  if (user.role === 'admin') return { projectIds: null, unitIds: null };
  // An editor reads (and edits) exactly the projects they lead, each whole; their scopes are not used.
  if (user.role === 'editor') {
    const led = await db.select({ projectId: projectEditors.projectId }).from(projectEditors).where(eq(projectEditors.userId, user.id)).orderBy(asc(projectEditors.projectId));
    return { projectIds: new Set(led.map((r) => r.projectId)), unitIds: null, wholeUnitRegister: true };
  }
  const scopes = await db.select().from(userScopes).where(eq(userScopes.userId, user.id)).orderBy(asc(userScopes.id));
  const unitRoots = scopes.filter((s) => s.unitId != null).map((s) => s.unitId!);
  const unitIds = unitRoots.length ? await subtreeUnitIds(db, unitRoots) : null;
  const projectIds = new Set(scopes.filter((s) => s.projectId != null).map((s) => s.projectId!));
  // A unit-scoped manager also sees every project rolled out to one of their units.
  if (unitIds?.size) {
    const rows = await db.select({ projectId: rollouts.projectId }).from(rollouts).where(inArray(rollouts.unitId, [...unitIds])).orderBy(asc(rollouts.projectId), asc(rollouts.unitId));
    for (const r of rows) projectIds.add(r.projectId);
  }
  // Project-only scopes give the whole project; unit scopes narrow what a manager sees inside it.
  return { projectIds, unitIds: unitRoots.length ? unitIds : null };
}

export const canReadProject = (access: Access, projectId: number) => access.projectIds === null || access.projectIds.has(projectId);

/** Units a viewer may look up in the unit register: all for admins; a manager's own subtrees, or else the
 *  units of the projects granted to them. */
export async function unitsVisibleTo(db: DbLike, access: Access): Promise<Set<number> | null> {
  if (access.projectIds === null || access.wholeUnitRegister) return null;
  if (access.unitIds) return access.unitIds;
  if (!access.projectIds.size) return new Set();
  const rows = await db.select({ unitId: rollouts.unitId }).from(rollouts).where(inArray(rollouts.projectId, [...access.projectIds])).orderBy(asc(rollouts.projectId), asc(rollouts.unitId));
  return new Set(rows.map((r) => r.unitId));
}
