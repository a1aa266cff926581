// Request shapes of the audit log (/api/audit) and of a project's retention date (/api/projects/:projectId/retention).
import { z } from 'zod';
import { isoDay } from './common';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Filters shared by the page and the CSV file: days (Europe/Copenhagen, inclusive), actor, action, project. */
const filterShape = {
  from: isoDay.optional(),
  to: isoDay.optional(),
  actorId: id.optional(),
  /** An action name as recorded, e.g. project.update or report.view. */
  action: z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, 'An action name such as project.update').max(80).optional(),
  projectId: id.optional(),
};
const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const fromBeforeToIssue = { message: 'from must not be after to', path: ['to'] };

export const auditFilter = z.strictObject(filterShape).refine(fromBeforeTo, fromBeforeToIssue);
export type AuditFilter = z.infer<typeof auditFilter>;

export const auditQuery = z
  .strictObject({
    ...filterShape,
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type AuditQuery = z.infer<typeof auditQuery>;

/** A retention date: raw answers are kept through this day (Europe/Copenhagen) and deleted after it; null clears it. */
export const retentionBody = z.strictObject({ retentionUntil: isoDay.nullable() });
export type RetentionInput = z.infer<typeof retentionBody>;

/** Deleting raw answers now cannot be undone, so the request says so. */
export const confirmBody = z.strictObject({ confirm: z.literal(true) });
