// Benefits (gevinster): created under a project, read, edited, deleted/archived and restored by id, with their
// KPI measurements under /api/benefits/:id/measurements and /api/measurements/:id.
import { Hono } from 'hono';
import type { ProjectOwner } from '../../auth/projectAccess';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { idParams, validate } from '../../http/validate';
import { createBenefit, deleteBenefit, getBenefit, getBenefitRow, restoreBenefit, updateBenefit } from '../../services/benefits';
import { addMeasurement, deleteMeasurement, listMeasurements, updateMeasurement } from '../../services/measurements';
import { benefitBody, benefitPatchBody, measurementBody, measurementPatchBody } from './benefits.schemas';

/** Reading /benefits/:id needs read access to the benefit's project. */
const benefitProject: ProjectOwner = { param: 'id', what: 'Benefit', projectOf: async (db, id) => (await getBenefitRow(db, id)).projectId };

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));

export const benefitRoutes = new Hono<AppEnv>()
  .post('/projects/:projectId/benefits', access('projectAdmin'), projectId, validate('json', benefitBody), async (c) =>
    c.json({ benefit: await createBenefit(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  )
  .get('/benefits/:id', access('projectReader', benefitProject), id, async (c) => c.json({ benefit: await getBenefit(c.var.db, c.req.valid('param').id) }))
  .patch('/benefits/:id', access('admin'), id, validate('json', benefitPatchBody), async (c) => c.json({ benefit: await updateBenefit(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/benefits/:id', access('admin'), id, async (c) => c.json(await deleteBenefit(c.var.db, c.req.valid('param').id, c.var.clock)))
  .post('/benefits/:id/restore', access('admin'), id, async (c) => c.json({ benefit: await restoreBenefit(c.var.db, c.req.valid('param').id) }))
  .get('/benefits/:id/measurements', access('projectReader', benefitProject), id, async (c) => c.json({ measurements: await listMeasurements(c.var.db, c.req.valid('param').id) }))
  .post('/benefits/:id/measurements', access('admin'), id, validate('json', measurementBody), async (c) =>
    c.json({ measurement: await addMeasurement(c.var.db, c.req.valid('param').id, c.req.valid('json')) }, 201),
  )
  .patch('/measurements/:id', access('admin'), id, validate('json', measurementPatchBody), async (c) =>
    c.json({ measurement: await updateMeasurement(c.var.db, c.req.valid('param').id, c.req.valid('json')) }),
  )
  .delete('/measurements/:id', access('admin'), id, async (c) => {
    await deleteMeasurement(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  });
