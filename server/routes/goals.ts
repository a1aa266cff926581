// Goals (mål): listed and created under a project, edited and deleted by id.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { createGoal, deleteGoal, listGoals, updateGoal } from '../services/goals';
import { title } from './schemas';

const goalBody = z.object({ title, sortOrder: z.number().int().min(0).max(10000).optional() });

export const projectGoalRoutes = new Hono<AppEnv>()
  .get('/:projectId/goals', validate('param', idParams('projectId')), (c) => c.json({ goals: listGoals(c.var.db, c.req.valid('param').projectId) }))
  .post('/:projectId/goals', requireAdmin, validate('param', idParams('projectId')), validate('json', goalBody), (c) =>
    c.json({ goal: createGoal(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  );

export const goalRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .patch('/:id', validate('param', idParams('id')), validate('json', goalBody.partial()), (c) => c.json({ goal: updateGoal(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/:id', validate('param', idParams('id')), (c) => {
    deleteGoal(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  });
