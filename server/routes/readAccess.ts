// Reads by item id (/api/benefits/:id, /api/behaviours/:id) sit outside /api/projects/:projectId, where the
// project guard runs; they apply the same rule: a manager outside the item's project gets 404, as if it did not exist.
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { accessFor, canReadProject } from '../services/access';

export function assertProjectReadable(c: Context<AppEnv>, projectId: number, what: string) {
  if (!canReadProject(accessFor(c.var.db, c.var.user), projectId)) throw notFound(what);
}
