// /api/projects — the secretariat's projects, the whole-project JSON (page data and reporting feed) and the benefits map.
import { Hono } from 'hono';
import { z } from 'zod';
import { projectStatuses } from '../../db/schema';
import { accessFor } from '../services/access';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { getBenefitsMap } from '../services/benefitsMap';
import { createProject, getProjectDetail, listProjects, reorderProject, setProjectArchived, updateProject } from '../services/projects';
import { ids, longText, shortText, title } from './schemas';

const projectBody = z.object({
  name: title,
  purpose: longText.optional(),
  projectLead: shortText.optional(),
  status: z.enum(projectStatuses).optional(),
  /** Minimal important difference for adoption, in percentage points. */
  mid: z.number().min(1).max(50).optional(),
});

const newProjectBody = projectBody.extend({
  goals: z.array(title).max(50).optional(),
  enablers: z.array(title).max(50).optional(),
  primaryBehaviours: z.array(title).max(20).optional(),
});

const projectId = validate('param', idParams('projectId'));

export const projectRoutes = new Hono<AppEnv>()
  .get('/', validate('query', z.object({ includeArchived: z.enum(['true', 'false']).default('false') })), (c) =>
  {
    const { projectIds } = accessFor(c.var.db, c.var.user);
    const all = listProjects(c.var.db, { includeArchived: c.req.valid('query').includeArchived === 'true' });
    return c.json({ projects: projectIds ? all.filter((p) => projectIds.has(p.id)) : all });
  }
  )
  .post('/', requireAdmin, validate('json', newProjectBody), (c) => c.json({ project: createProject(c.var.db, c.req.valid('json')) }, 201))
  .get('/:projectId', projectId, (c) => c.json({ project: getProjectDetail(c.var.db, c.req.valid('param').projectId) }))
  .patch('/:projectId', requireAdmin, projectId, validate('json', projectBody.partial()), (c) =>
    c.json({ project: updateProject(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }),
  )
  .post('/:projectId/archive', requireAdmin, projectId, (c) => c.json({ project: setProjectArchived(c.var.db, c.req.valid('param').projectId, true) }))
  .post('/:projectId/restore', requireAdmin, projectId, (c) => c.json({ project: setProjectArchived(c.var.db, c.req.valid('param').projectId, false) }))
  .put('/:projectId/order', requireAdmin, projectId, validate('json', z.object({ goalIds: ids.optional(), enablerIds: ids.optional(), benefitIds: ids.optional(), behaviourIds: ids.optional() })), (c) =>
    c.json({ project: reorderProject(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }),
  )
  .get('/:projectId/benefits-map', projectId, (c) => c.json({ map: getBenefitsMap(c.var.db, c.req.valid('param').projectId) }));
