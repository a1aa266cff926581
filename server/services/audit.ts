// The audit log: who changed what, who logged in (or failed to), and who viewed or exported unit-level results.
// Entries name accounts, actions, route patterns and numeric ids of projects and their items — never a staff
// link's token, a short code, a response or submission id, or an answer: the staff side (/s, /k) is not
// recorded at all, so an entry cannot be joined to a response (docs/data-protection.md).
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import Papa from 'papaparse';
import { transaction, type Db, type DbLike } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { AuditFilter, AuditQuery } from '../contract/audit';
import { nowIso, type Clock } from './clock';
import { endOfCopenhagenDay, startOfCopenhagenDay } from './copenhagenTime';
import { formulaSafe } from './reportExport';

export interface AuditEntry {
  actorId: number | null;
  actorEmail: string;
  action: string;
  method: string;
  route: string;
  projectId?: number | null;
  targetId?: number | null;
  status: number;
  details?: Record<string, unknown> | null;
}

/** One insert. On SQLite it joins the next group commit (db/client.ts), so a burst of requests shares one COMMIT. */
export async function recordAudit(db: Db, entry: AuditEntry, clock: Clock): Promise<void> {
  const row = { ...entry, projectId: entry.projectId ?? null, targetId: entry.targetId ?? null, details: entry.details ?? null, at: nowIso(clock) };
  await transaction(db, async (tx) => {
    await tx.insert(auditLog).values(row);
  });
}

function whereOf(q: AuditFilter): SQL | undefined {
  return and(
    q.from ? gte(auditLog.at, startOfCopenhagenDay(q.from)) : undefined,
    q.to ? lte(auditLog.at, endOfCopenhagenDay(q.to)) : undefined,
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.projectId ? eq(auditLog.projectId, q.projectId) : undefined,
  );
}

/** Newest first, one page. */
export async function listAudit(db: DbLike, q: AuditQuery) {
  const where = whereOf(q);
  const [{ n }] = await db.select({ n: count() }).from(auditLog).where(where);
  const entries = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: n, page: q.page, pageSize: q.pageSize, entries };
}

/** Every entry matching the filters (capped), for the CSV file and the DPO export. */
export async function allAudit(db: DbLike, q: AuditFilter, limit = 100_000) {
  return db.select().from(auditLog).where(whereOf(q)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit);
}

const CSV_FIELDS = ['at', 'actorId', 'actorEmail', 'action', 'method', 'route', 'projectId', 'targetId', 'status', 'details'] as const;

/** RFC 4180 CSV with a BOM for Excel; text cells never run as formulas. */
export function auditCsv(rows: readonly (typeof auditLog.$inferSelect)[]): string {
  const data = rows.map((r) =>
    CSV_FIELDS.map((f) => {
      const v = f === 'details' ? (r.details ? JSON.stringify(r.details) : '') : r[f];
      return typeof v === 'string' ? formulaSafe(v) : v;
    }),
  );
  return '\uFEFF' + Papa.unparse({ fields: [...CSV_FIELDS], data }, { delimiter: ',', newline: '\r\n', header: true, escapeFormulae: false }) + '\r\n';
}
