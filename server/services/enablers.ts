// Enablers (leverancer) of a project: the system, training, new procedures that make the new behaviour possible.
// Deleting one only removes its links to behaviours.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { enablers } from '../../db/schema';
import { notFound } from '../http/errors';
import { getProjectRow } from './projects';

export interface EnablerInput {
  title: string;
  sortOrder?: number;
}

export function getEnablerRow(db: DbLike, enablerId: number) {
  const row = db.select().from(enablers).where(eq(enablers.id, enablerId)).get();
  if (!row) throw notFound('Enabler');
  return row;
}

export function listEnablers(db: DbLike, projectId: number) {
  getProjectRow(db, projectId);
  return db.select().from(enablers).where(eq(enablers.projectId, projectId)).orderBy(asc(enablers.sortOrder), asc(enablers.id)).all();
}

/** Without a sort order a new enabler goes last. */
export function createEnabler(db: DbLike, projectId: number, input: EnablerInput) {
  const sortOrder = input.sortOrder ?? listEnablers(db, projectId).reduce((max, g) => Math.max(max, g.sortOrder + 1), 0);
  return db.insert(enablers).values({ ...input, sortOrder, projectId }).returning().get();
}

export function updateEnabler(db: DbLike, enablerId: number, input: Partial<EnablerInput>) {
  const current = getEnablerRow(db, enablerId);
  if (Object.keys(input).length === 0) return current;
  return db.update(enablers).set(input).where(eq(enablers.id, enablerId)).returning().get();
}

export function deleteEnabler(db: DbLike, enablerId: number) {
  getEnablerRow(db, enablerId);
  db.delete(enablers).where(eq(enablers.id, enablerId)).run();
}
