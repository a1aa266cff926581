// Goals (mål): listed and created under a project, edited and deleted by id.
import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { idParams, validate } from '../../http/validate';
import { createGoal, deleteGoal, listGoals, updateGoal } from '../../services/goals';
import { goalBody, goalPatchBody } from './goals.schemas';

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));

export const goalRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/goals', access('projectReader'), projectId, async (c) => c.json({ goals: await listGoals(c.var.db, c.req.valid('param').projectId) }))
  .post('/projects/:projectId/goals', access('projectAdmin'), projectId, validate('json', goalBody), async (c) =>
    c.json({ goal: await createGoal(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  )
  .patch('/goals/:id', access('admin'), id, validate('json', goalPatchBody), async (c) => c.json({ goal: await updateGoal(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/goals/:id', access('admin'), id, async (c) => {
    await deleteGoal(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  });
