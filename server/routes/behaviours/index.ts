// Behaviours (ny adfærd): created under a project, read, edited, deleted/archived and restored by id.
import { Hono } from 'hono';
import type { ProjectOwner } from '../../auth/projectAccess';
import { behaviourBody, behaviourPatchBody } from '../../contract/behaviours';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { createBehaviour, deleteBehaviour, getBehaviour, getBehaviourRow, restoreBehaviour, updateBehaviour } from '../../services/behaviours';
import { versionBody } from '../../contract/versions';

/** Reading /behaviours/:id needs read access to the behaviour's project. */
const behaviourProject: ProjectOwner = { param: 'id', what: 'Behaviour', projectOf: async (db, id) => (await getBehaviourRow(db, id)).projectId };

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));

export const behaviourRoutes = new Hono<AppEnv>()
  .post('/projects/:projectId/behaviours', access('projectAdmin'), summary('Creates a behaviour in the project, with its links to benefits, enablers and units'), projectId, validate('json', behaviourBody), async (c) =>
    c.json({ behaviour: await createBehaviour(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  )
  .get('/behaviours/:id', access('projectReader', behaviourProject), summary('One behaviour with its linked benefit, enabler and unit ids, and why a delete would archive it'), id, async (c) => c.json({ behaviour: await getBehaviour(c.var.db, c.req.valid('param').id) }))
  .patch('/behaviours/:id', access('projectAdmin', behaviourProject), summary('Edits a behaviour; each link list given (benefits, enablers, units) replaces the old one'), id, validate('json', behaviourPatchBody), async (c) =>
    c.json({ behaviour: await updateBehaviour(c.var.db, c.req.valid('param').id, c.req.valid('json')) }),
  )
  .delete('/behaviours/:id', access('projectAdmin', behaviourProject), summary('Deletes a behaviour; archives it instead when a stored survey version measures it'), id, async (c) => c.json(await deleteBehaviour(c.var.db, c.req.valid('param').id, c.var.clock)))
  .post('/behaviours/:id/restore', access('projectAdmin', behaviourProject), summary('Brings an archived behaviour back into the project, its surveys and its benefits map'), id, validate('json', versionBody), async (c) => c.json({ behaviour: await restoreBehaviour(c.var.db, c.req.valid('param').id, c.req.valid('json').version) }));
