// Retention: after a project's retention date (kept through that day, Europe/Copenhagen) its raw answers are
// deleted and only the aggregates stay. "Raw" is every response's answers JSON, its rows in response_values (the
// free text among them), its pairing key and its submission id (which the submitter's browser knew); what stays
// is the response row's wave, unit, survey version, day, locale and completeness — the respondent counts — and the
// answer tallies the report reads. So the report keeps its numbers; what needs individual answers (comments,
// breakdowns, the paired view) says the raw answers were deleted instead of showing other numbers.
// Only closed waves are purged (an open wave is still being answered and releasing); a wave that closes after the
// date is purged when it has closed.
import { and, eq, inArray, lt, notLike, or, sql } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { auditLog, projects, responses, responseValues, waves } from '../../db/schema';
import type { SessionUser } from '../auth/sessions';
import { nowIso, type Clock } from './clock';
import { copenhagenDay } from './copenhagenTime';
import { conflict, invalid, notFound } from './errors';
import { effectiveStatus } from './waves';
import { deleteWorkshopTexts, hasWorkshopTexts } from './workshops';

/** Marks a response whose raw answers are gone; its old submission id is replaced so no device can find it. */
const PURGED_PREFIX = 'retained-';

type RetentionFields = { retentionUntil: string | null; rawDeletedAt: string | null };

/** Whether a closed wave of this project may still be read answer by answer. */
export function rawAnswersDeleted(project: RetentionFields, clock: Clock): boolean {
  return project.rawDeletedAt !== null || (project.retentionUntil !== null && project.retentionUntil < copenhagenDay(clock.now()));
}

/** What a project holds and until when, for the project page and the DPO export. */
export async function getRetention(db: DbLike, projectId: number, clock: Clock) {
  const [row] = await db.select({ retentionUntil: projects.retentionUntil, rawDeletedAt: projects.rawDeletedAt }).from(projects).where(eq(projects.id, projectId)).limit(1);
  if (!row) throw notFound('Project');
  return { ...row, rawDeleted: rawAnswersDeleted(row, clock) };
}

/**
 * Sets (or clears, with null) the retention date. Today is allowed (raw answers go tomorrow); a past day is
 * refused — it would delete at once what the secretariat may still need, and "delete now" says so explicitly.
 * Once raw answers are deleted the date is history and cannot change.
 */
export async function setRetention(db: DbLike, projectId: number, retentionUntil: string | null, clock: Clock) {
  const current = await getRetention(db, projectId, clock);
  if (current.rawDeletedAt) throw conflict('raw_deleted', 'The raw answers of this project are already deleted');
  if (retentionUntil !== null && retentionUntil < copenhagenDay(clock.now())) {
    throw invalid('retention_in_past', 'The retention date cannot be in the past', [{ path: 'retentionUntil', code: 'retention_in_past', message: 'Choose today or a later day' }]);
  }
  await db.update(projects).set({ retentionUntil }).where(eq(projects.id, projectId));
  return getRetention(db, projectId, clock);
}

interface PurgeResult {
  responses: number;
  values: number;
}

/** Deletes the raw answers of the project's closed waves, in one transaction; records it when anything changed. */
async function purgeProject(db: Db, projectId: number, clock: Clock, actor: SessionUser | null, route: string): Promise<PurgeResult> {
  return transaction(db, async (tx) => {
    const closed = (await tx.select({ id: waves.id }).from(waves).where(and(eq(waves.projectId, projectId), eq(waves.status, 'closed')))).map((w) => w.id);
    let purged = { responses: 0, values: 0 };
    if (closed.length) {
      const inClosed = inArray(responses.waveId, closed);
      const values = await tx
        .delete(responseValues)
        .where(inArray(responseValues.responseId, tx.select({ id: responses.id }).from(responses).where(inClosed)))
        .returning({ id: responseValues.responseId });
      const rows = await tx
        .update(responses)
        .set({ answers: {}, pairKey: null, submissionId: sql`${PURGED_PREFIX} || ${responses.id}` })
        .where(and(inClosed, notLike(responses.submissionId, `${PURGED_PREFIX}%`)))
        .returning({ id: responses.id });
      purged = { responses: rows.length, values: values.length };
    }
    // What staff wrote in the project's workshops is free text as well: it goes with the raw answers (on the
    // retention date also from a workshop left open).
    const suggestions = await deleteWorkshopTexts(tx, projectId, clock, { closeOpen: actor === null });
    const [{ rawDeletedAt }] = await tx.select({ rawDeletedAt: projects.rawDeletedAt }).from(projects).where(eq(projects.id, projectId));
    if (rawDeletedAt === null || purged.responses > 0 || purged.values > 0 || suggestions > 0) {
      if (rawDeletedAt === null) await tx.update(projects).set({ rawDeletedAt: nowIso(clock) }).where(eq(projects.id, projectId));
      // Counts only: how many responses lost their raw answers, never which.
      await tx.insert(auditLog).values({
        at: nowIso(clock),
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? '',
        action: actor ? 'retention.delete_now' : 'retention.purge',
        method: actor ? 'POST' : 'SYSTEM',
        route,
        projectId,
        status: 200,
        details: { responses: purged.responses, values: purged.values, ...(suggestions > 0 ? { workshopSuggestions: suggestions } : {}) },
      });
    }
    return purged;
  });
}

/** "Delete raw answers now" (secretariat, confirmed): refused while a wave still takes answers. */
export async function deleteRawAnswersNow(db: Db, projectId: number, actor: SessionUser, clock: Clock) {
  await getRetention(db, projectId, clock);
  const rows = await db.select().from(waves).where(eq(waves.projectId, projectId));
  if (rows.some((w) => effectiveStatus(w, clock) === 'open' || effectiveStatus(w, clock) === 'scheduled')) {
    throw conflict('wave_open', 'A wave of this project is open or scheduled; close it before deleting raw answers');
  }
  const purged = await purgeProject(db, projectId, clock, actor, '/api/projects/:projectId/retention/delete-now');
  return { ...(await getRetention(db, projectId, clock)), purged };
}

/** Every project past its date (or deleted by hand) with raw answers left in a closed wave; cheap when none. */
export async function applyDueRetention(db: Db, clock: Clock): Promise<number> {
  const today = copenhagenDay(clock.now());
  const due = await db
    .select({ id: projects.id, rawDeletedAt: projects.rawDeletedAt })
    .from(projects)
    .where(or(lt(projects.retentionUntil, today), sql`${projects.rawDeletedAt} is not null`));
  let purgedProjects = 0;
  for (const p of due) {
    const [left] = await db
      .select({ id: responses.id })
      .from(responses)
      .innerJoin(waves, eq(waves.id, responses.waveId))
      .where(and(eq(waves.projectId, p.id), eq(waves.status, 'closed'), notLike(responses.submissionId, `${PURGED_PREFIX}%`)))
      .limit(1);
    if (!left && p.rawDeletedAt !== null && !(await hasWorkshopTexts(db, p.id))) continue;
    await purgeProject(db, p.id, clock, null, 'retention');
    purgedProjects++;
  }
  return purgedProjects;
}

/** At most one retention check per interval per app instance (each instance checks; the work is idempotent). */
export function retentionSchedule(intervalMs = 10 * 60_000) {
  let last = -Infinity;
  let running: Promise<unknown> | undefined;
  return async (db: Db, clock: Clock) => {
    const now = clock.now().getTime();
    if (running || (now - last < intervalMs && now >= last)) return;
    last = now;
    // A failed run is retried at the next interval; it never fails the request that happened to start it.
    running = applyDueRetention(db, clock)
      .catch((err: unknown) => console.error('Retention run failed:', err instanceof Error ? err.message : String(err)))
      .finally(() => (running = undefined));
    await running;
  };
}
