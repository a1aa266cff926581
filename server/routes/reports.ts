// /api/projects/:id/report — what managers see; anonymity is applied in the service, never in the client.
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { getProjectReport } from '../services/report';

export const reportRoutes = new Hono<AppEnv>().get('/:projectId/report', validate('param', idParams('projectId')), (c) =>
  c.json({ report: getProjectReport(c.var.db, c.req.valid('param').projectId, { threshold: c.var.config.anonymityThreshold }) }),
);
