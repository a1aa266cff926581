// /api/projects/:projectId/report and /comments — what managers see; anonymity is applied in the service, never in the client.
import { Hono } from 'hono';
import { z } from 'zod';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { reportQuery } from '../../contract/reports';
import { accessFor } from '../../services/access';
import { todayUtc } from '../../services/clock';
import { getBreakdowns } from '../../services/breakdowns';
import { getComments } from '../../services/comments';
import { getProjectReport } from '../../services/report';
import { buildReportExport, contentDisposition, toCsv, toXlsx } from '../../services/reportExport';

const projectId = validate('param', idParams('projectId'));
// The report's own query (from/to: the waves compared) and the language of the file's words (Danish by default).
const exportQuery = validate('query', reportQuery.extend({ lang: z.enum(['da', 'en']).optional() }));

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
  })
  // The report as files: the same call as /report (same viewer scoping), so the same numbers and hidden cells.
  .get('/projects/:projectId/report.csv', access('projectReader'), summary('The report as CSV (UTF-8, comma-separated): the same numbers and hidden cells as /report'), projectId, exportQuery, async (c) => {
    const { lang, ...compare } = c.req.valid('query');
    const { unitIds } = await accessFor(c.var.db, c.var.user);
    const report = await getProjectReport(c.var.db, c.req.valid('param').projectId, c.var.disclosure, { unitIds, compare }, c.var.clock);
    const date = todayUtc(c.var.clock);
    const csv = toCsv(buildReportExport(report, { lang, exportedOn: date }));
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': contentDisposition(report.project.name, date, 'csv'), 'Cache-Control': 'no-store' });
  })
  .get('/projects/:projectId/report.xlsx', access('projectReader'), summary('The report as an Excel workbook (results, changes, response rates, explanation): the same numbers and hidden cells as /report'), projectId, exportQuery, async (c) => {
    const { lang, ...compare } = c.req.valid('query');
    const { unitIds } = await accessFor(c.var.db, c.var.user);
    const report = await getProjectReport(c.var.db, c.req.valid('param').projectId, c.var.disclosure, { unitIds, compare }, c.var.clock);
    const date = todayUtc(c.var.clock);
    const xlsx = await toXlsx(buildReportExport(report, { lang, exportedOn: date }));
    return c.body(xlsx, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': contentDisposition(report.project.name, date, 'xlsx'),
      'Cache-Control': 'no-store',
    });
  });
