// Enablers (leverancer): listed and created under a project, edited and deleted by id.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { createEnabler, deleteEnabler, listEnablers, updateEnabler } from '../services/enablers';
import { title } from './schemas';

const enablerBody = z.object({ title, sortOrder: z.number().int().min(0).max(10000).optional() });

export const projectEnablerRoutes = new Hono<AppEnv>()
  .get('/:projectId/enablers', validate('param', idParams('projectId')), (c) => c.json({ enablers: listEnablers(c.var.db, c.req.valid('param').projectId) }))
  .post('/:projectId/enablers', requireAdmin, validate('param', idParams('projectId')), validate('json', enablerBody), (c) =>
    c.json({ enabler: createEnabler(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  );

export const enablerRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .patch('/:id', validate('param', idParams('id')), validate('json', enablerBody.partial()), (c) => c.json({ enabler: updateEnabler(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/:id', validate('param', idParams('id')), (c) => {
    deleteEnabler(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  });
