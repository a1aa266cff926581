// /api/projects/:projectId/rollouts and /timeline — the project's units, go-live dates and waves on one time axis.
import { Hono } from 'hono';
import { rolloutBody } from '../../contract/rollouts';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { smallUnitWarnings } from '../../services/reportingGroups';
import { getTimeline, removeRollout, setRollout } from '../../services/rollouts';

const projectAndUnit = validate('param', idParams('projectId', 'unitId'));

export const rolloutRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/timeline', access('projectReader'), summary('The project\'s units with go-live dates and its waves with their units, on one time axis'), validate('param', idParams('projectId')), async (c) =>
    c.json({ timeline: await getTimeline(c.var.db, c.req.valid('param').projectId, c.var.clock) }),
  )
  .put('/projects/:projectId/rollouts/:unitId', access('projectAdmin'), summary('Adds a unit to the project or sets its go-live date (null = not planned); not a retired unit. Warns when the unit is under the anonymity threshold and in no group reaching it'), projectAndUnit, validate('json', rolloutBody), async (c) => {
    const { projectId, unitId } = c.req.valid('param');
    const rollout = await setRollout(c.var.db, projectId, unitId, c.req.valid('json').goLiveDate);
    return c.json({ rollout, warnings: await smallUnitWarnings(c.var.db, projectId, [unitId], c.var.config.anonymityThreshold) });
  })
  .delete('/projects/:projectId/rollouts/:unitId', access('projectAdmin'), summary('Takes a unit out of the project, and out of the project\'s behaviours that named it'), projectAndUnit, async (c) => {
    const { projectId, unitId } = c.req.valid('param');
    await removeRollout(c.var.db, projectId, unitId);
    return c.json({ ok: true });
  });
