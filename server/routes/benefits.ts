// Benefits (gevinster): created under a project, read, edited, deleted/archived and restored by id, with their
// KPI measurements under /api/benefits/:id/measurements and /api/measurements/:id.
import { Hono } from 'hono';
import { z } from 'zod';
import { benefitTypes } from '../../db/schema';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { createBenefit, deleteBenefit, getBenefit, getBenefitRow, restoreBenefit, updateBenefit } from '../services/benefits';
import { addMeasurement, deleteMeasurement, listMeasurements, updateMeasurement } from '../services/measurements';
import { assertProjectReadable } from './readAccess';
import { ids, isoDay, longText, shortText, title } from './schemas';

const kpiValue = z.number().min(-1e12).max(1e12);

const benefitBody = z.object({
  title,
  direction: z.enum(['positive', 'negative']).optional(),
  type: z.enum(benefitTypes).optional(),
  owner: shortText.optional(),
  ownerUnitId: z.number().int().positive().nullable().optional(),
  measure: shortText.optional(),
  measureUnit: z.string().trim().max(50).optional(),
  dataSource: longText.optional(),
  baselineValue: kpiValue.nullable().optional(),
  baselineDate: isoDay.nullable().optional(),
  targetValue: kpiValue.nullable().optional(),
  targetDate: isoDay.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  goalIds: ids.optional(),
  behaviourIds: ids.optional(),
});

const measurementBody = z.object({ value: kpiValue, measuredOn: isoDay, note: longText.optional() });

const id = validate('param', idParams('id'));

export const projectBenefitRoutes = new Hono<AppEnv>().post('/:projectId/benefits', requireAdmin, validate('param', idParams('projectId')), validate('json', benefitBody), (c) =>
  c.json({ benefit: createBenefit(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
);

export const benefitRoutes = new Hono<AppEnv>()
  .get('/:id', id, (c) => {
    const benefitId = c.req.valid('param').id;
    assertProjectReadable(c, getBenefitRow(c.var.db, benefitId).projectId, 'Benefit');
    return c.json({ benefit: getBenefit(c.var.db, benefitId) });
  })
  .patch('/:id', requireAdmin, id, validate('json', benefitBody.partial()), (c) => c.json({ benefit: updateBenefit(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/:id', requireAdmin, id, (c) => c.json(deleteBenefit(c.var.db, c.req.valid('param').id)))
  .post('/:id/restore', requireAdmin, id, (c) => c.json({ benefit: restoreBenefit(c.var.db, c.req.valid('param').id) }))
  .get('/:id/measurements', id, (c) => {
    const benefitId = c.req.valid('param').id;
    assertProjectReadable(c, getBenefitRow(c.var.db, benefitId).projectId, 'Benefit');
    return c.json({ measurements: listMeasurements(c.var.db, benefitId) });
  })
  .post('/:id/measurements', requireAdmin, id, validate('json', measurementBody), (c) =>
    c.json({ measurement: addMeasurement(c.var.db, c.req.valid('param').id, c.req.valid('json')) }, 201),
  );

export const measurementRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .patch('/:id', id, validate('json', measurementBody.partial()), (c) => c.json({ measurement: updateMeasurement(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/:id', id, (c) => {
    deleteMeasurement(c.var.db, c.req.valid('param').id);
    return c.json({ deleted: true });
  });
