// Project-level access: anyone who may not read a project (a manager outside it, an editor of another project)
// gets 404 for it and for everything in it, as if it did not exist; a reader who may not edit it (a manager in
// scope) gets 403 for its writes; admins and the project's editors may edit it. The checks run before the route's
// own validation, as access('projectReader') / access('projectAdmin') (server/http/access.ts).
import type { Context } from 'hono';
import type { Db } from '../../db/client';
import type { AppEnv } from '../http/env';
import { positiveId } from '../http/validate';
import { accessFor, canReadProject } from '../services/access';
import { ApiError } from '../http/errors';
import { notFound } from '../services/errors';
import { authenticate } from './middleware';

/** Where an item's project is found: the id param, what the item is called in the 404, and the lookup. */
export interface ProjectOwner {
  param: string;
  what: string;
  /** The owning project; throws not_found when the item does not exist. */
  projectOf: (db: Db, id: number) => Promise<number>;
}

/** 404 (`${what} not found`) unless the logged-in user may read the project. */
export async function assertProjectReadable(c: Context<AppEnv>, projectId: number, what: string): Promise<void> {
  const user = await authenticate(c);
  if (!canReadProject(await accessFor(c.var.db, user), projectId)) throw notFound(what);
}

/** The project in :projectId. Malformed ids are left to the route's own validation (400). */
export async function assertProjectParamReadable(c: Context<AppEnv>): Promise<void> {
  await authenticate(c);
  const projectId = Number(c.req.param('projectId'));
  if (Number.isInteger(projectId) && projectId > 0) await assertProjectReadable(c, projectId, 'Project');
}

/** The project owning the item in the owner's param. A malformed id is left to the route's validation (400). */
export async function assertOwnerReadable(c: Context<AppEnv>, owner: ProjectOwner): Promise<void> {
  await authenticate(c);
  const id = positiveId.safeParse(c.req.param(owner.param));
  if (!id.success) return;
  await assertProjectReadable(c, await owner.projectOf(c.var.db, id.data), owner.what);
}

/** 403 unless the logged-in user is an admin or an editor (project lead) of this project. */
export async function assertProjectEditable(c: Context<AppEnv>, projectId: number): Promise<void> {
  const user = await authenticate(c);
  if (user.role === 'admin') return;
  if (user.role === 'editor' && user.ledProjectIds.includes(projectId)) return;
  throw new ApiError(403, 'forbidden', 'Only the secretariat (admin) and the project\'s editors may change it');
}

/** A write under /projects/:projectId: 404 unless readable, then 403 unless editable. */
export async function assertProjectParamEditable(c: Context<AppEnv>): Promise<void> {
  await authenticate(c);
  const projectId = Number(c.req.param('projectId'));
  if (!Number.isInteger(projectId) || projectId <= 0) {
    // A malformed id is left to the route's validation (400), but only for those who may edit some project.
    const user = await authenticate(c);
    if (user.role === 'manager') throw new ApiError(403, 'forbidden', 'Only the secretariat (admin) and the project\'s editors may change it');
    return;
  }
  await assertProjectReadable(c, projectId, 'Project');
  await assertProjectEditable(c, projectId);
}

/** A write on an item (/benefits/:id): 404 unless its project is readable, then 403 unless editable. */
export async function assertOwnerEditable(c: Context<AppEnv>, owner: ProjectOwner): Promise<void> {
  const user = await authenticate(c);
  const id = positiveId.safeParse(c.req.param(owner.param));
  if (!id.success) {
    if (user.role === 'manager') throw new ApiError(403, 'forbidden', 'Only the secretariat (admin) and the project\'s editors may change it');
    return;
  }
  const projectId = await owner.projectOf(c.var.db, id.data);
  await assertProjectReadable(c, projectId, owner.what);
  await assertProjectEditable(c, projectId);
}

/** The local leader of a unit in a project (issue 12: workshops, agreed descriptions, actions): an admin, an editor
 *  of the project, or a manager whose unit scope covers the unit. A manager scoped to the whole project only reads
 *  (403); a unit they cannot see is 404. The project itself must already be readable (access('projectReader')). */
export async function assertUnitLeader(c: Context<AppEnv>, projectId: number, unitId: number): Promise<void> {
  const user = await authenticate(c);
  if (user.role === 'admin') return;
  if (user.role === 'editor') {
    if (user.ledProjectIds.includes(projectId)) return;
    throw notFound('Project');
  }
  const access = await accessFor(c.var.db, user);
  if (!canReadProject(access, projectId)) throw notFound('Project');
  if (access.unitIds === null) throw new ApiError(403, 'forbidden', 'Only the unit\'s own leader, the project\'s editors and the secretariat may change this');
  if (!access.unitIds.has(unitId)) throw notFound('Unit');
}
