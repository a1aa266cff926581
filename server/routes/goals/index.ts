// Goals (mål): listed and created under a project, edited and deleted by id.
import { Hono } from 'hono';
import { goalBody, goalPatchBody } from '../../contract/goals';
import { access } from '../../http/access';
import { goalOwner } from '../../auth/owners';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { createGoal, deleteGoal, listGoals, updateGoal } from '../../services/goals';
import { goalListAnswer } from '../../contract/answers';

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));

export const goalRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/goals', access('projectReader'), documented('The project\'s goals (mål) in display order', 'The goals in display order', goalListAnswer), projectId, async (c) => c.json({ goals: await listGoals(c.var.db, c.req.valid('param').projectId) }))
  .post('/projects/:projectId/goals', access('projectAdmin'), summary('Creates a goal in the project; without a sort order it goes last'), projectId, validate('json', goalBody), async (c) =>
    c.json({ goal: await createGoal(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  )
  .patch('/goals/:id', access('projectAdmin', goalOwner), summary('Changes a goal\'s title or sort order'), id, validate('json', goalPatchBody), async (c) => c.json({ goal: await updateGoal(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/goals/:id', access('projectAdmin', goalOwner), summary('Deletes a goal; only its links to benefits go with it'), id, async (c) => {
    await deleteGoal(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  });
