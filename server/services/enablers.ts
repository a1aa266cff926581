// Enablers (leverancer) of a project: the system, training, new procedures that make the new behaviour possible.
// Deleting one only removes its links to behaviours.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { enablers } from '../../db/schema';
import type { EnablerInput, EnablerPatch } from '../contract/enablers';
import { notFound } from './errors';
import { getProjectRow } from './projects';

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

export async function updateEnabler(db: DbLike, enablerId: number, input: EnablerPatch) {
  const current = await getEnablerRow(db, enablerId);
  if (Object.keys(input).length === 0) return current;
  const [row] = await db.update(enablers).set(input).where(eq(enablers.id, enablerId)).returning();
  return row;
}

export async function deleteEnabler(db: DbLike, enablerId: number) {
  await getEnablerRow(db, enablerId);
  await db.delete(enablers).where(eq(enablers.id, enablerId));
}
