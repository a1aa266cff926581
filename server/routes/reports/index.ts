// /api/projects/:projectId/report and /comments — what managers see; anonymity is applied in the service, never in the client.
import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { reportQuery } from '../../contract/reports';
import { accessFor } from '../../services/access';
import { getBreakdowns } from '../../services/breakdowns';
import { getComments } from '../../services/comments';
import { getProjectReport } from '../../services/report';

const projectId = validate('param', idParams('projectId'));

export const reportRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/report', access('projectReader'), summary('% favourable per behaviour, wave and unit, changes (?from=&to= choose the waves), the comparison with units not yet live, and response rates; hidden below the anonymity threshold'), projectId, validate('query', reportQuery), async (c) => {
    const { unitIds } = await accessFor(c.var.db, c.var.user);
    const report = await getProjectReport(c.var.db, c.req.valid('param').projectId, c.var.disclosure, { unitIds, compare: c.req.valid('query') }, c.var.clock);
    return c.json({ report });
  })
  .get('/projects/:projectId/breakdowns', access('projectReader'), summary('Adoption of closed waves by background question and by the secretariat\'s choice questions, for the whole wave; hidden below the anonymity threshold'), projectId, async (c) =>
    c.json({ breakdowns: await getBreakdowns(c.var.db, c.req.valid('param').projectId, c.var.disclosure, c.var.clock) }),
  )
  .get('/projects/:projectId/comments', access('projectReader'), summary('Free-text comments per wave, only when enough staff answered; never per unit or to a unit-scoped manager'), projectId, async (c) => {
    const { unitIds } = await accessFor(c.var.db, c.var.user);
    const comments = await getComments(c.var.db, c.req.valid('param').projectId, c.var.disclosure, { narrowedToUnits: unitIds !== null }, c.var.clock);
    return c.json({ comments });
  });
