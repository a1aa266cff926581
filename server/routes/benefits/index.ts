// Benefits (gevinster): created under a project, read, edited, deleted/archived and restored by id, with their
// KPI measurements under /api/benefits/:id/measurements and /api/measurements/:id.
import { Hono } from 'hono';
import type { ProjectOwner } from '../../auth/projectAccess';
import { benefitBody, benefitPatchBody } from '../../contract/benefits';
import { measurementBody, measurementPatchBody } from '../../contract/measurements';
import { access } from '../../http/access';
import { measurementOwner } from '../../auth/owners';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { createBenefit, deleteBenefit, getBenefit, getBenefitRow, restoreBenefit, updateBenefit } from '../../services/benefits';
import { addMeasurement, deleteMeasurement, listMeasurements, updateMeasurement } from '../../services/measurements';
import { measurementListAnswer } from '../../contract/answers';
import { versionBody } from '../../contract/versions';

/** Reading /benefits/:id needs read access to the benefit's project. */
const benefitProject: ProjectOwner = { param: 'id', what: 'Benefit', projectOf: async (db, id) => (await getBenefitRow(db, id)).projectId };

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));

export const benefitRoutes = new Hono<AppEnv>()
  .post('/projects/:projectId/benefits', access('projectAdmin'), summary('Creates a benefit in the project: its KPI, owner, baseline and target, and links to goals and behaviours'), projectId, validate('json', benefitBody), async (c) =>
    c.json({ benefit: await createBenefit(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  )
  .get('/benefits/:id', access('projectReader', benefitProject), summary('One benefit with its links, KPI measurements, progress towards target and why a delete would archive it'), id, async (c) => c.json({ benefit: await getBenefit(c.var.db, c.req.valid('param').id) }))
  .patch('/benefits/:id', access('projectAdmin', benefitProject), summary('Edits a benefit; the target date may not precede the baseline date; each link list given replaces the old'), id, validate('json', benefitPatchBody), async (c) => c.json({ benefit: await updateBenefit(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/benefits/:id', access('projectAdmin', benefitProject), summary('Deletes a benefit; archives it instead when a survey version measures it or it has KPI measurements'), id, async (c) => c.json(await deleteBenefit(c.var.db, c.req.valid('param').id, c.var.clock)))
  .post('/benefits/:id/restore', access('projectAdmin', benefitProject), summary('Brings an archived benefit back into the project'), id, validate('json', versionBody), async (c) => c.json({ benefit: await restoreBenefit(c.var.db, c.req.valid('param').id, c.req.valid('json').version) }))
  .get('/benefits/:id/measurements', access('projectReader', benefitProject), documented('The benefit\'s KPI measurements, oldest first', 'The measurements by date, oldest first', measurementListAnswer), id, async (c) => c.json({ measurements: await listMeasurements(c.var.db, c.req.valid('param').id) }))
  .post('/benefits/:id/measurements', access('projectAdmin', benefitProject), summary('Records a KPI measurement (value, date, note) for the benefit'), id, validate('json', measurementBody), async (c) =>
    c.json({ measurement: await addMeasurement(c.var.db, c.req.valid('param').id, c.req.valid('json')) }, 201),
  )
  .patch('/measurements/:id', access('projectAdmin', measurementOwner), summary('Corrects a KPI measurement\'s value, date or note'), id, validate('json', measurementPatchBody), async (c) =>
    c.json({ measurement: await updateMeasurement(c.var.db, c.req.valid('param').id, c.req.valid('json')) }),
  )
  .delete('/measurements/:id', access('projectAdmin', measurementOwner), summary('Deletes a KPI measurement'), id, async (c) => {
    await deleteMeasurement(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  });
