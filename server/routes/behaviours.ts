// Behaviours (ny adfærd): created under a project, read, edited, deleted/archived and restored by id.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { createBehaviour, deleteBehaviour, getBehaviour, getBehaviourRow, restoreBehaviour, updateBehaviour } from '../services/behaviours';
import { assertProjectReadable } from './readAccess';
import { ids, longText, shortText, title } from './schemas';

const behaviourBody = z.object({
  title,
  description: longText.optional(),
  targetGroup: shortText.optional(),
  situation: longText.optional(),
  expectedFrequency: shortText.optional(),
  oldBehaviour: longText.optional(),
  isPrimary: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  benefitIds: ids.optional(),
  enablerIds: ids.optional(),
  unitIds: ids.optional(),
});

const id = validate('param', idParams('id'));

export const projectBehaviourRoutes = new Hono<AppEnv>().post(
  '/:projectId/behaviours',
  requireAdmin,
  validate('param', idParams('projectId')),
  validate('json', behaviourBody),
  (c) => c.json({ behaviour: createBehaviour(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
);

export const behaviourRoutes = new Hono<AppEnv>()
  .get('/:id', id, (c) => {
    const behaviourId = c.req.valid('param').id;
    assertProjectReadable(c, getBehaviourRow(c.var.db, behaviourId).projectId, 'Behaviour');
    return c.json({ behaviour: getBehaviour(c.var.db, behaviourId) });
  })
  .patch('/:id', requireAdmin, id, validate('json', behaviourBody.partial()), (c) =>
    c.json({ behaviour: updateBehaviour(c.var.db, c.req.valid('param').id, c.req.valid('json')) }),
  )
  .delete('/:id', requireAdmin, id, (c) => c.json(deleteBehaviour(c.var.db, c.req.valid('param').id)))
  .post('/:id/restore', requireAdmin, id, (c) => c.json({ behaviour: restoreBehaviour(c.var.db, c.req.valid('param').id) }));
