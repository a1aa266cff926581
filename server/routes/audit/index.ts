// /api/audit (the audit log, secretariat only), a project's retention date and "delete raw answers now", and the
// DPO export — all secretariat only (access('admin'): a project's editor gets 403; an unknown project is 404 from
// the services). Reading, exporting and the export for the DPO are themselves recorded (server/http/audit.ts).
import { Hono } from 'hono';
import { auditFilter, auditQuery, confirmBody, retentionBody } from '../../contract/audit';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { allAudit, auditCsv, listAudit } from '../../services/audit';
import { todayUtc } from '../../services/clock';
import { buildDpoExport } from '../../services/dpoExport';
import { deleteRawAnswersNow, getRetention, setRetention } from '../../services/retention';

const projectId = validate('param', idParams('projectId'));

export const auditRoutes = new Hono<AppEnv>()
  .get('/audit', access('admin'), summary('The audit log, newest first: filters from/to (days), actorId, action, projectId; page and pageSize (≤ 200)'), validate('query', auditQuery), async (c) =>
    c.json(await listAudit(c.var.db, c.req.valid('query'))),
  )
  .get('/audit/export', access('admin'), summary('The audit log as CSV (UTF-8), with the same filters as /audit, at most 100,000 entries'), validate('query', auditFilter), async (c) => {
    const csv = auditCsv(await allAudit(c.var.db, c.req.valid('query')));
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': `attachment; filename="audit-${todayUtc(c.var.clock)}.csv"`, 'Cache-Control': 'no-store' });
  })
  .get('/projects/:projectId/retention', access('admin'), summary('The project\'s retention date (raw answers kept through it) and whether its raw answers are deleted'), projectId, async (c) =>
    c.json({ retention: await getRetention(c.var.db, c.req.valid('param').projectId, c.var.clock) }),
  )
  .put('/projects/:projectId/retention', access('admin'), summary('Sets the retention date (today or later; null clears it): after that day raw answers and free text are deleted, the aggregates kept'), projectId, validate('json', retentionBody), async (c) =>
    c.json({ retention: await setRetention(c.var.db, c.req.valid('param').projectId, c.req.valid('json').retentionUntil, c.var.clock) }),
  )
  .post('/projects/:projectId/retention/delete-now', access('admin'), summary('Deletes the raw answers and free text of the project\'s closed waves now ({ confirm: true }); irreversible, refused while a wave is open'), projectId, validate('json', confirmBody), async (c) =>
    c.json({ retention: await deleteRawAnswersNow(c.var.db, c.req.valid('param').projectId, c.var.user, c.var.clock) }),
  )
  .get('/projects/:projectId/dpo-export', access('admin'), summary('Everything held about the project for the data protection officer, as one JSON file (no tokens, codes, secrets or individual answers)'), projectId, async (c) => {
    const doc = await buildDpoExport(c.var.db, c.req.valid('param').projectId, c.var.disclosure, c.var.clock, c.var.user);
    return c.body(JSON.stringify(doc, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="dpo-project-${doc.project.id}-${todayUtc(c.var.clock)}.json"`,
      'Cache-Control': 'no-store',
    });
  });
