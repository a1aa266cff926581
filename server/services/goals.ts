// Goals (mål) of a project: what the benefits serve. Deleting a goal only removes its links to benefits.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { goals } from '../../db/schema';
import type { GoalInput, GoalPatch } from '../contract/goals';
import { notFound } from './errors';
import { getProjectRow } from './projects';

export async function getGoalRow(db: DbLike, goalId: number) {
  const [row] = await db.select().from(goals).where(eq(goals.id, goalId)).limit(1);
  if (!row) throw notFound('Goal');
  return row;
}

export async function listGoals(db: DbLike, projectId: number) {
  await getProjectRow(db, projectId);
  return db.select().from(goals).where(eq(goals.projectId, projectId)).orderBy(asc(goals.sortOrder), asc(goals.id));
}

/** Without a sort order a new goal goes last. */
export async function createGoal(db: DbLike, projectId: number, input: GoalInput) {
  const sortOrder = input.sortOrder ?? (await listGoals(db, projectId)).reduce((max, g) => Math.max(max, g.sortOrder + 1), 0);
  const [row] = await db.insert(goals).values({ ...input, sortOrder, projectId }).returning();
  return row;
}

export async function updateGoal(db: DbLike, goalId: number, input: GoalPatch) {
  const current = await getGoalRow(db, goalId);
  if (Object.keys(input).length === 0) return current;
  const [row] = await db.update(goals).set(input).where(eq(goals.id, goalId)).returning();
  return row;
}

export async function deleteGoal(db: DbLike, goalId: number) {
  await getGoalRow(db, goalId);
  await db.delete(goals).where(eq(goals.id, goalId));
}
