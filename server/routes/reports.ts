// /api/projects/:id/report — what managers see; anonymity is applied in the service, never in the client.
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { accessFor } from '../services/access';
import { getComments } from '../services/comments';
import { getProjectReport } from '../services/report';

export const reportRoutes = new Hono<AppEnv>().get('/:projectId/report', validate('param', idParams('projectId')), (c) => {
  const access = accessFor(c.var.db, c.var.user);
  const report = getProjectReport(c.var.db, c.req.valid('param').projectId, { threshold: c.var.config.anonymityThreshold, unitIds: access.unitIds });
  return c.json({ report });
}).get('/:projectId/comments', validate('param', idParams('projectId')), (c) => {
  const access = accessFor(c.var.db, c.var.user);
  const comments = getComments(c.var.db, c.req.valid('param').projectId, { freeTextThreshold: c.var.config.freeTextThreshold, narrowedToUnits: access.unitIds !== null });
  return c.json({ comments });
});
