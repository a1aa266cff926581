// Reporting groups (rapporteringsgrupper) of a project: listed, created, changed and deleted under the project,
// plus the suggested groupings for its small units and the one click that stores them. Set-up data: the
// secretariat's only, reads included.
import { Hono } from 'hono';
import { reportingGroupBody, reportingGroupPatchBody } from '../../contract/reportingGroups';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import {
  applySuggestedGroups,
  createReportingGroup,
  deleteReportingGroup,
  listReportingGroups,
  suggestGroups,
  updateReportingGroup,
} from '../../services/reportingGroups';

const projectId = validate('param', idParams('projectId'));
const projectAndGroup = validate('param', idParams('projectId', 'groupId'));

export const reportingGroupRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/reporting-groups', access('projectAdmin'), summary('The project\'s reporting groups with their members and total headcount'), projectId, async (c) => {
    const k = c.var.config.anonymityThreshold;
    return c.json({ threshold: k, groups: await listReportingGroups(c.var.db, c.req.valid('param').projectId, k) });
  })
  .post('/projects/:projectId/reporting-groups', access('projectAdmin'), summary('Creates a reporting group of project units (each in at most one group); warns when it stays under the anonymity threshold'), projectId, validate('json', reportingGroupBody), async (c) =>
    c.json(await createReportingGroup(c.var.db, c.req.valid('param').projectId, c.req.valid('json'), c.var.config.anonymityThreshold), 201),
  )
  .get('/projects/:projectId/reporting-groups/suggestions', access('projectAdmin'), summary('Warnings for the project\'s units under the anonymity threshold, and the groups suggested for them (not stored)'), projectId, async (c) =>
    c.json(await suggestGroups(c.var.db, c.req.valid('param').projectId, c.var.config.anonymityThreshold)),
  )
  .post('/projects/:projectId/reporting-groups/suggestions', access('projectAdmin'), summary('Stores the suggested reporting groups in one step (worked out anew, so nothing stale is stored)'), projectId, async (c) =>
    c.json(await applySuggestedGroups(c.var.db, c.req.valid('param').projectId, c.var.config.anonymityThreshold)),
  )
  .patch('/projects/:projectId/reporting-groups/:groupId', access('projectAdmin'), summary('Renames a reporting group or replaces its units'), projectAndGroup, validate('json', reportingGroupPatchBody), async (c) => {
    const { projectId, groupId } = c.req.valid('param');
    return c.json(await updateReportingGroup(c.var.db, projectId, groupId, c.req.valid('json'), c.var.config.anonymityThreshold));
  })
  .delete('/projects/:projectId/reporting-groups/:groupId', access('projectAdmin'), summary('Deletes a reporting group; its units are reported one by one again (opened waves keep their frozen grouping)'), projectAndGroup, async (c) => {
    const { projectId, groupId } = c.req.valid('param');
    await deleteReportingGroup(c.var.db, projectId, groupId);
    return c.json({ deleted: true });
  });
