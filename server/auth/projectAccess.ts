// Guards every /api/projects/:projectId/… route: a manager outside the project gets 404, as if it did not exist.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { accessFor, canReadProject } from '../services/access';

export const requireProjectAccess = createMiddleware<AppEnv>(async (c, next) => {
  const raw = c.req.param('projectId');
  const projectId = Number(raw);
  // Malformed ids are left to the route's own validation (400).
  if (Number.isInteger(projectId) && projectId > 0 && !canReadProject(accessFor(c.var.db, c.var.user), projectId)) {
    throw new ApiError(404, 'not_found', 'Project not found');
  }
  await next();
});
