// Enablers (leverancer) of a project: the system, training, new procedures that make the new behaviour possible.
// Deleting one only removes its links to behaviours.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { behaviourEnablers, behaviours, enablers } from '../../db/schema';
import type { EnablerInput, EnablerPatch } from '../contract/enablers';
import { notFound } from './errors';
import { getProjectRow } from './projects';
import { bumpVersions, claimVersion } from './versioned';

export async function getEnablerRow(db: DbLike, enablerId: number) {
  const [row] = await db.select().from(enablers).where(eq(enablers.id, enablerId)).limit(1);
  if (!row) throw notFound('Enabler');
  return row;
}

export async function listEnablers(db: DbLike, projectId: number) {
  await getProjectRow(db, projectId);
  return db.select().from(enablers).where(eq(enablers.projectId, projectId)).orderBy(asc(enablers.sortOrder), asc(enablers.id));
}

/** Without a sort order a new enabler goes last. */
export async function createEnabler(db: DbLike, projectId: number, input: EnablerInput) {
  const sortOrder = input.sortOrder ?? (await listEnablers(db, projectId)).reduce((max, g) => Math.max(max, g.sortOrder + 1), 0);
  const [row] = await db.insert(enablers).values({ ...input, sortOrder, projectId }).returning();
  return row;
}

/** Writes the change only if the enabler is still at the version the client started from (versioned.ts). */
export async function updateEnabler(db: DbLike, enablerId: number, input: EnablerPatch) {
  const { version, ...fields } = input;
  await claimVersion(db, enablers, enablerId, version, { what: 'enabler', read: () => getEnablerRow(db, enablerId), sent: input }, fields);
  return getEnablerRow(db, enablerId);
}

export async function deleteEnabler(db: DbLike, enablerId: number) {
  await getEnablerRow(db, enablerId);
  // Its behaviours lose it from their enablerIds: an edit of one from before must hear about it.
  const linked = await db.select({ id: behaviourEnablers.behaviourId }).from(behaviourEnablers).where(eq(behaviourEnablers.enablerId, enablerId));
  await bumpVersions(db, behaviours, linked.map((l) => l.id));
  await db.delete(enablers).where(eq(enablers.id, enablerId));
}
