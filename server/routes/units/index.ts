// /api/units — the organisation tree and its CSV import (preview, then commit).
import { Hono } from 'hono';
import { retireBody, unitBody, unitListQuery, unitPatchBody } from '../../contract/units';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { accessFor, canReadProject, unitsVisibleTo } from '../../services/access';
import { notFound } from '../../services/errors';
import { commitUnitImport, previewUnitImport } from '../../services/unitImport';
import { createUnit, deleteUnit, getUnitDetail, listUnits, restoreUnit, retireUnit, unitTree, updateUnit } from '../../services/units';
import { unitListAnswer } from '../../contract/answers';
import { importRequestDoc, readImport } from './import';
import { describeRoute } from 'hono-openapi';
import { versionBody } from '../../contract/versions';

const id = validate('param', idParams('id'));

export const unitRoutes = new Hono<AppEnv>()
  // Any account may look units up; a manager sees only the units their scopes reach (services/access.ts).
  .get('/units', access('user'), documented('Organisation units, flat in tree order and nested as a tree; retired included unless includeRetired=false', 'units: every unit shown, in tree order; tree: the same units nested under their parents', unitListAnswer), validate('query', unitListQuery), async (c) => {
    const visible = await unitsVisibleTo(c.var.db, await accessFor(c.var.db, c.var.user));
    const all = (await listUnits(c.var.db)).filter((u) => !visible || visible.has(u.id));
    const shown = c.req.valid('query').includeRetired === 'true' ? all : all.filter((u) => !u.retiredAt);
    return c.json({ units: shown, tree: unitTree(shown) });
  })
  .post('/units', access('admin'), summary('Creates an organisation unit; its external id (from the HR system) must be unique'), validate('json', unitBody), async (c) => c.json({ unit: await createUnit(c.var.db, c.req.valid('json')) }, 201))
  .post('/units/import/preview', access('admin'), describeRoute({ summary: 'Previews an HR/org CSV import: units to create, change and reject; saves nothing', ...importRequestDoc }), async (c) => {
    const { csv, options } = await readImport(c);
    return c.json({ preview: await previewUnitImport(c.var.db, csv, options) });
  })
  .post('/units/import/commit', access('admin'), describeRoute({ summary: 'Applies an HR/org CSV import in one transaction; refused, saving nothing, if any row is rejected', ...importRequestDoc }), async (c) => {
    const { csv, options } = await readImport(c);
    return c.json({ result: await commitUnitImport(c.var.db, csv, options) });
  })
  .get('/units/:id', access('user'), summary('One unit with its sub-units and project rollouts, limited to what the account may see'), id, async (c) => {
    const viewer = await accessFor(c.var.db, c.var.user);
    const visible = await unitsVisibleTo(c.var.db, viewer);
    const { id } = c.req.valid('param');
    if (visible && !visible.has(id)) throw notFound('Unit');
    const unit = await getUnitDetail(c.var.db, id);
    // Never name a project the viewer may not read.
    return c.json({ unit: { ...unit, rollouts: unit.rollouts.filter((r) => canReadProject(viewer, r.projectId)), children: unit.children.filter((ch) => !visible || visible.has(ch.id)) } });
  })
  .patch('/units/:id', access('admin'), summary('Renames, moves or changes a unit\'s kind, headcount or external id; a move below itself is refused'), id, validate('json', unitPatchBody), async (c) => c.json({ unit: await updateUnit(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/units/:id', access('admin'), summary('Deletes a unit nothing refers to; one with history or sub-units must be retired instead'), id, async (c) => {
    await deleteUnit(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  })
  .post('/units/:id/retire', access('admin'), summary('Retires a unit, keeping its history; active sub-units first, or together with withDescendants'), id, validate('json', retireBody), async (c) => c.json(await retireUnit(c.var.db, c.req.valid('param').id, c.req.valid('json'), c.var.clock)))
  .post('/units/:id/restore', access('admin'), summary('Makes a retired unit active again; its parent must be active'), id, validate('json', versionBody), async (c) => c.json({ unit: await restoreUnit(c.var.db, c.req.valid('param').id, c.req.valid('json').version) }));
