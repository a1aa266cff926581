// System usage figures (systemdata): the CSV import for a behaviour (preview, then import), its list, deleting
// one figure, and the project's figures aligned with the report's waves. System data, not answers: no anonymity
// threshold applies, but a unit-scoped manager sees only their own units' figures (services/access.ts).
import { Hono } from 'hono';
import type { ProjectOwner } from '../../auth/projectAccess';
import { usageImportJsonBody } from '../../contract/usage';
import { access } from '../../http/access';
import { usageOwner } from '../../auth/owners';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { accessFor } from '../../services/access';
import { getBehaviourRow } from '../../services/behaviours';
import { deleteUsageFigure, getProjectUsage, importUsage, listUsage, previewUsageImport } from '../../services/usage';

/** Reading /behaviours/:id/usage needs read access to the behaviour's project. */
const behaviourProject: ProjectOwner = { param: 'id', what: 'Behaviour', projectOf: async (db, id) => (await getBehaviourRow(db, id)).projectId };

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));
const csvBody = validate('json', usageImportJsonBody);

export const usageRoutes = new Hono<AppEnv>()
  .post('/behaviours/:id/usage/preview', access('projectAdmin', behaviourProject), summary('Previews a usage CSV (enhed;fra;til;værdi) for the behaviour: figures to create and replace, and every rejected row with its reason; saves nothing'), id, csvBody, async (c) =>
    c.json({ preview: await previewUsageImport(c.var.db, c.req.valid('param').id, c.req.valid('json').csv) }),
  )
  .post('/behaviours/:id/usage/import', access('projectAdmin', behaviourProject), summary('Stores a usage CSV\'s figures in one transaction, replacing a unit\'s figure for the same period; refused, saving nothing, if any row is rejected'), id, csvBody, async (c) =>
    c.json({ result: await importUsage(c.var.db, c.req.valid('param').id, c.req.valid('json').csv) }),
  )
  .get('/behaviours/:id/usage', access('projectReader', behaviourProject), summary('The behaviour\'s system usage figures by unit and period; a unit-scoped manager sees only their units'), id, async (c) => {
    const { unitIds } = await accessFor(c.var.db, c.var.user);
    return c.json({ usage: await listUsage(c.var.db, c.req.valid('param').id, unitIds) });
  })
  .delete('/usage/:id', access('projectAdmin', usageOwner), summary('Deletes one system usage figure'), id, async (c) => {
    await deleteUsageFigure(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  })
  .get('/projects/:projectId/usage', access('projectReader'), summary('System usage per behaviour and unit, with each wave\'s value (mean over periods overlapping the wave, else the nearest period before); no anonymity threshold (system data), a unit-scoped manager sees only their units'), projectId, async (c) => {
    const { unitIds } = await accessFor(c.var.db, c.var.user);
    return c.json({ usage: await getProjectUsage(c.var.db, c.req.valid('param').projectId, unitIds, c.var.clock) });
  });
