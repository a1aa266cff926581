// /api/units — the organisation tree and its CSV import (preview, then commit).
import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { idParams, validate } from '../../http/validate';
import { accessFor, canReadProject, unitsVisibleTo } from '../../services/access';
import { notFound } from '../../services/errors';
import { commitUnitImport, previewUnitImport } from '../../services/unitImport';
import { createUnit, deleteUnit, getUnitDetail, listUnits, restoreUnit, retireUnit, unitTree, updateUnit } from '../../services/units';
import { readImport } from './import';
import { retireBody, unitBody, unitListQuery, unitPatchBody } from './units.schemas';

const id = validate('param', idParams('id'));

export const unitRoutes = new Hono<AppEnv>()
  // Any account may look units up; a manager sees only the units their scopes reach (services/access.ts).
  .get('/units', access('user'), validate('query', unitListQuery), async (c) => {
    const visible = await unitsVisibleTo(c.var.db, await accessFor(c.var.db, c.var.user));
    const all = (await listUnits(c.var.db)).filter((u) => !visible || visible.has(u.id));
    const shown = c.req.valid('query').includeRetired === 'true' ? all : all.filter((u) => !u.retiredAt);
    return c.json({ units: shown, tree: unitTree(shown) });
  })
  .post('/units', access('admin'), validate('json', unitBody), async (c) => c.json({ unit: await createUnit(c.var.db, c.req.valid('json')) }, 201))
  .post('/units/import/preview', access('admin'), async (c) => {
    const { csv, options } = await readImport(c);
    return c.json({ preview: await previewUnitImport(c.var.db, csv, options) });
  })
  .post('/units/import/commit', access('admin'), async (c) => {
    const { csv, options } = await readImport(c);
    return c.json({ result: await commitUnitImport(c.var.db, csv, options) });
  })
  .get('/units/:id', access('user'), id, async (c) => {
    const viewer = await accessFor(c.var.db, c.var.user);
    const visible = await unitsVisibleTo(c.var.db, viewer);
    const { id } = c.req.valid('param');
    if (visible && !visible.has(id)) throw notFound('Unit');
    const unit = await getUnitDetail(c.var.db, id);
    // Never name a project the viewer may not read.
    return c.json({ unit: { ...unit, rollouts: unit.rollouts.filter((r) => canReadProject(viewer, r.projectId)), children: unit.children.filter((ch) => !visible || visible.has(ch.id)) } });
  })
  .patch('/units/:id', access('admin'), id, validate('json', unitPatchBody), async (c) => c.json({ unit: await updateUnit(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/units/:id', access('admin'), id, async (c) => {
    await deleteUnit(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  })
  .post('/units/:id/retire', access('admin'), id, validate('json', retireBody), async (c) => c.json(await retireUnit(c.var.db, c.req.valid('param').id, c.req.valid('json'), c.var.clock)))
  .post('/units/:id/restore', access('admin'), id, async (c) => c.json({ unit: await restoreUnit(c.var.db, c.req.valid('param').id) }));
