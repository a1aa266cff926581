// Enablers (leverancer): listed and created under a project, edited and deleted by id.
import { Hono } from 'hono';
import { enablerBody, enablerPatchBody } from '../../contract/enablers';
import { access } from '../../http/access';
import { enablerOwner } from '../../auth/owners';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { createEnabler, deleteEnabler, listEnablers, updateEnabler } from '../../services/enablers';
import { enablerListAnswer } from '../../contract/answers';

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));

export const enablerRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/enablers', access('projectReader'), documented('The project\'s enablers (leverancer) in display order', 'The enablers in display order', enablerListAnswer), projectId, async (c) => c.json({ enablers: await listEnablers(c.var.db, c.req.valid('param').projectId) }))
  .post('/projects/:projectId/enablers', access('projectAdmin'), summary('Creates an enabler in the project; without a sort order it goes last'), projectId, validate('json', enablerBody), async (c) =>
    c.json({ enabler: await createEnabler(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  )
  .patch('/enablers/:id', access('projectAdmin', enablerOwner), summary('Changes an enabler\'s title or sort order'), id, validate('json', enablerPatchBody), async (c) => c.json({ enabler: await updateEnabler(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/enablers/:id', access('projectAdmin', enablerOwner), summary('Deletes an enabler; only its links to behaviours go with it'), id, async (c) => {
    await deleteEnabler(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  });
