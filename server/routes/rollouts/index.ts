// /api/projects/:projectId/rollouts and /timeline — the project's units, go-live dates and waves on one time axis.
import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { idParams, validate } from '../../http/validate';
import { getTimeline, removeRollout, setRollout } from '../../services/rollouts';
import { rolloutBody } from './rollouts.schemas';

const projectAndUnit = validate('param', idParams('projectId', 'unitId'));

export const rolloutRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/timeline', access('projectReader'), validate('param', idParams('projectId')), async (c) =>
    c.json({ timeline: await getTimeline(c.var.db, c.req.valid('param').projectId, c.var.clock) }),
  )
  .put('/projects/:projectId/rollouts/:unitId', access('projectAdmin'), projectAndUnit, validate('json', rolloutBody), async (c) => {
    const { projectId, unitId } = c.req.valid('param');
    return c.json({ rollout: await setRollout(c.var.db, projectId, unitId, c.req.valid('json').goLiveDate) });
  })
  .delete('/projects/:projectId/rollouts/:unitId', access('projectAdmin'), projectAndUnit, async (c) => {
    const { projectId, unitId } = c.req.valid('param');
    await removeRollout(c.var.db, projectId, unitId);
    return c.json({ ok: true });
  });
