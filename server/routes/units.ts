// /api/units — the organisation tree and its CSV import; /api/projects/:id/rollouts and /timeline — the
// project's units, go-live dates and waves on one time axis.
import { Hono } from 'hono';
import { z } from 'zod';
import { accessFor, canReadProject, unitsVisibleTo } from '../services/access';
import { notFound } from '../http/errors';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { getTimeline, removeRollout, setRollout } from '../services/rollouts';
import { createUnit, deleteUnit, getUnitDetail, listUnits, restoreUnit, retireUnit, unitKinds, unitTree, updateUnit } from '../services/units';
import { unitImportRoutes } from './unitImport';
import { isoDay, shortText, title } from './schemas';

const unitBody = z.object({
  name: title,
  kind: z.enum(unitKinds).optional(),
  parentId: z.number().int().positive().nullable().optional(),
  headcount: z.number().int('Headcount must be a whole number').min(0, 'Headcount cannot be negative').max(100000).optional(),
  headcountDate: isoDay.nullable().optional(),
  externalId: shortText.nullable().optional(),
});

const listQuery = z.object({ includeRetired: z.enum(['true', 'false']).default('true') });

export const unitRoutes = new Hono<AppEnv>()
  .get('/', validate('query', listQuery), (c) => {
    const visible = unitsVisibleTo(c.var.db, accessFor(c.var.db, c.var.user));
    const all = listUnits(c.var.db).filter((u) => !visible || visible.has(u.id));
    const shown = c.req.valid('query').includeRetired === 'true' ? all : all.filter((u) => !u.retiredAt);
    return c.json({ units: shown, tree: unitTree(shown) });
  })
  .post('/', requireAdmin, validate('json', unitBody), (c) => c.json({ unit: createUnit(c.var.db, c.req.valid('json')) }, 201))
  .route('/import', unitImportRoutes)
  .get('/:id', validate('param', idParams('id')), (c) => {
    const access = accessFor(c.var.db, c.var.user);
    const visible = unitsVisibleTo(c.var.db, access);
    const { id } = c.req.valid('param');
    if (visible && !visible.has(id)) throw notFound('Unit');
    const unit = getUnitDetail(c.var.db, id);
    // Never name a project the viewer may not read.
    return c.json({ unit: { ...unit, rollouts: unit.rollouts.filter((r) => canReadProject(access, r.projectId)), children: unit.children.filter((ch) => !visible || visible.has(ch.id)) } });
  })
  .patch('/:id', requireAdmin, validate('param', idParams('id')), validate('json', unitBody.partial()), (c) =>
    c.json({ unit: updateUnit(c.var.db, c.req.valid('param').id, c.req.valid('json')) }),
  )
  .delete('/:id', requireAdmin, validate('param', idParams('id')), (c) => {
    deleteUnit(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  })
  .post('/:id/retire', requireAdmin, validate('param', idParams('id')), validate('json', z.object({ withDescendants: z.boolean().optional() })), (c) =>
    c.json(retireUnit(c.var.db, c.req.valid('param').id, c.req.valid('json'))),
  )
  .post('/:id/restore', requireAdmin, validate('param', idParams('id')), (c) => c.json({ unit: restoreUnit(c.var.db, c.req.valid('param').id) }));

export const rolloutRoutes = new Hono<AppEnv>()
  .get('/:projectId/timeline', validate('param', idParams('projectId')), (c) => c.json({ timeline: getTimeline(c.var.db, c.req.valid('param').projectId) }))
  .put('/:projectId/rollouts/:unitId', requireAdmin, validate('param', idParams('projectId', 'unitId')), validate('json', z.object({ goLiveDate: isoDay.nullable() })), (c) => {
    const { projectId, unitId } = c.req.valid('param');
    return c.json({ rollout: setRollout(c.var.db, projectId, unitId, c.req.valid('json').goLiveDate) });
  })
  .delete('/:projectId/rollouts/:unitId', requireAdmin, validate('param', idParams('projectId', 'unitId')), (c) => {
    const { projectId, unitId } = c.req.valid('param');
    removeRollout(c.var.db, projectId, unitId);
    return c.json({ ok: true });
  });
