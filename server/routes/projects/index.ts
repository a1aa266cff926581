// /api/projects — the secretariat's projects, the whole-project JSON (page data and reporting feed) and the benefits map.
import { Hono } from 'hono';
import { newProjectBody, projectListQuery, projectOrderBody, projectPatchBody } from '../../contract/projects';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { accessFor } from '../../services/access';
import { getBenefitsMap } from '../../services/benefitsMap';
import { createProject, getProjectDetail, listProjects, reorderProject, setProjectArchived, updateProject } from '../../services/projects';
import { projectListAnswer } from '../../contract/answers';
import { versionBody } from '../../contract/versions';

const projectId = validate('param', idParams('projectId'));

export const projectRoutes = new Hono<AppEnv>()
  // Any account may list; a manager sees only the projects granted to them.
  .get('/projects', access('user'), documented('Project summaries with benefit, behaviour and unit counts, by name; archived only with includeArchived=true', 'The projects the account may read, sorted by name', projectListAnswer), validate('query', projectListQuery), async (c) => {
    const { projectIds } = await accessFor(c.var.db, c.var.user);
    const all = await listProjects(c.var.db, { includeArchived: c.req.valid('query').includeArchived === 'true' });
    return c.json({ projects: projectIds ? all.filter((p) => projectIds.has(p.id)) : all });
  })
  .post('/projects', access('admin'), summary('Creates a project, optionally with its first goals, enablers and primary behaviours, all or nothing'), validate('json', newProjectBody), async (c) => c.json({ project: await createProject(c.var.db, c.req.valid('json')) }, 201))
  .get('/projects/:projectId', access('projectReader'), summary('The whole project as one document: goals, enablers, benefits with KPIs, behaviours, links, rollouts'), projectId, async (c) => c.json({ project: await getProjectDetail(c.var.db, c.req.valid('param').projectId) }))
  .patch('/projects/:projectId', access('projectAdmin'), summary('Edits the project\'s name, purpose, lead, status or minimal important difference (mid)'), projectId, validate('json', projectPatchBody), async (c) =>
    c.json({ project: await updateProject(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }),
  )
  .post('/projects/:projectId/archive', access('admin'), summary('Archives the project: hidden from the default list, nothing in it is deleted'), projectId, validate('json', versionBody), async (c) =>
    c.json({ project: await setProjectArchived(c.var.db, c.req.valid('param').projectId, true, c.req.valid('json').version, c.var.clock) }),
  )
  .post('/projects/:projectId/restore', access('admin'), summary('Restores an archived project to the default list'), projectId, validate('json', versionBody), async (c) =>
    c.json({ project: await setProjectArchived(c.var.db, c.req.valid('param').projectId, false, c.req.valid('json').version, c.var.clock) }),
  )
  .put('/projects/:projectId/order', access('projectAdmin'), summary('Sets the display order of goals, enablers, benefits and behaviours; returns the whole project'), projectId, validate('json', projectOrderBody), async (c) =>
    c.json({ project: await reorderProject(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }),
  )
  .get('/projects/:projectId/benefits-map', access('projectReader'), summary('The benefits map: enablers → behaviours → benefits → goals, with missing links; archived items left out'), projectId, async (c) => c.json({ map: await getBenefitsMap(c.var.db, c.req.valid('param').projectId) }));
