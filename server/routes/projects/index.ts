// /api/projects — the secretariat's projects, the whole-project JSON (page data and reporting feed) and the benefits map.
import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { idParams, validate } from '../../http/validate';
import { accessFor } from '../../services/access';
import { getBenefitsMap } from '../../services/benefitsMap';
import { createProject, getProjectDetail, listProjects, reorderProject, setProjectArchived, updateProject } from '../../services/projects';
import { newProjectBody, projectListQuery, projectOrderBody, projectPatchBody } from './projects.schemas';

const projectId = validate('param', idParams('projectId'));

export const projectRoutes = new Hono<AppEnv>()
  // Any account may list; a manager sees only the projects granted to them.
  .get('/projects', access('user'), validate('query', projectListQuery), async (c) => {
    const { projectIds } = await accessFor(c.var.db, c.var.user);
    const all = await listProjects(c.var.db, { includeArchived: c.req.valid('query').includeArchived === 'true' });
    return c.json({ projects: projectIds ? all.filter((p) => projectIds.has(p.id)) : all });
  })
  .post('/projects', access('admin'), validate('json', newProjectBody), async (c) => c.json({ project: await createProject(c.var.db, c.req.valid('json')) }, 201))
  .get('/projects/:projectId', access('projectReader'), projectId, async (c) => c.json({ project: await getProjectDetail(c.var.db, c.req.valid('param').projectId) }))
  .patch('/projects/:projectId', access('projectAdmin'), projectId, validate('json', projectPatchBody), async (c) =>
    c.json({ project: await updateProject(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }),
  )
  .post('/projects/:projectId/archive', access('projectAdmin'), projectId, async (c) =>
    c.json({ project: await setProjectArchived(c.var.db, c.req.valid('param').projectId, true, c.var.clock) }),
  )
  .post('/projects/:projectId/restore', access('projectAdmin'), projectId, async (c) =>
    c.json({ project: await setProjectArchived(c.var.db, c.req.valid('param').projectId, false, c.var.clock) }),
  )
  .put('/projects/:projectId/order', access('projectAdmin'), projectId, validate('json', projectOrderBody), async (c) =>
    c.json({ project: await reorderProject(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }),
  )
  .get('/projects/:projectId/benefits-map', access('projectReader'), projectId, async (c) => c.json({ map: await getBenefitsMap(c.var.db, c.req.valid('param').projectId) }));
