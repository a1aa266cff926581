// Benefit realisation status (issue 12): the steering group's view of every benefit's status and evidence,
// setting a status (its owner, the project's editors, the secretariat), and the accounts that may own a benefit.
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { benefitOwner } from '../../auth/owners';
import { benefitStatusBody } from '../../contract/benefitStatus';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, positiveId, validate } from '../../http/validate';
import { benefitOwnerCandidates } from '../../services/benefitOwners';
import { assertMaySetStatus, getBenefitStatusReport, setBenefitStatus } from '../../services/benefitStatus';

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));

/** After access('projectReader'): 403 unless the caller may set this benefit's status, before the body is read. */
const statusSetter: MiddlewareHandler<AppEnv> = async (c, next) => {
  const benefitId = positiveId.safeParse(c.req.param('id'));
  if (benefitId.success) await assertMaySetStatus(c.var.db, c.var.user, benefitId.data);
  await next();
};

export const benefitStatusRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/benefit-status', access('projectReader'), summary("Every benefit's realisation status, owner, reason, next action and history, with the evidence from the report (adoption of its behaviours, the comparison group, KPI against baseline and target, drawbacks staff noticed) and the units' actions and agreed descriptions the caller may see; hidden below the anonymity threshold as in the report"), projectId, async (c) =>
    c.json({ benefitStatus: await getBenefitStatusReport(c.var.db, c.req.valid('param').projectId, c.var.user, c.var.disclosure, c.var.clock) }),
  )
  .get('/projects/:projectId/benefit-owners', access('projectAdmin'), summary('The active accounts that can read the project: who may be named as a benefit\'s owner'), projectId, async (c) =>
    c.json({ accounts: await benefitOwnerCandidates(c.var.db, c.req.valid('param').projectId) }),
  )
  .patch('/benefits/:id/status', access('projectReader', benefitOwner), statusSetter, summary("Sets the benefit's status (paa_vej, i_risiko, realiseret, opgivet) with a reason (required for i_risiko and opgivet) and the next action, from the version read; kept in its history. Its owner account, the project's editors and the secretariat may"), id, validate('json', benefitStatusBody), async (c) =>
    c.json({ benefit: await setBenefitStatus(c.var.db, c.req.valid('param').id, c.req.valid('json'), c.var.user, c.var.clock) }),
  );
