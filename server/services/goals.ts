// Goals (mål) of a project: what the benefits serve. Deleting a goal only removes its links to benefits.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { goals } from '../../db/schema';
import { notFound } from '../http/errors';
import { getProjectRow } from './projects';

export interface GoalInput {
  title: string;
  sortOrder?: number;
}

export function getGoalRow(db: DbLike, goalId: number) {
  const row = db.select().from(goals).where(eq(goals.id, goalId)).get();
  if (!row) throw notFound('Goal');
  return row;
}

export function listGoals(db: DbLike, projectId: number) {
  getProjectRow(db, projectId);
  return db.select().from(goals).where(eq(goals.projectId, projectId)).orderBy(asc(goals.sortOrder), asc(goals.id)).all();
}

/** Without a sort order a new goal goes last. */
export function createGoal(db: DbLike, projectId: number, input: GoalInput) {
  const sortOrder = input.sortOrder ?? listGoals(db, projectId).reduce((max, g) => Math.max(max, g.sortOrder + 1), 0);
  return db.insert(goals).values({ ...input, sortOrder, projectId }).returning().get();
}

export function updateGoal(db: DbLike, goalId: number, input: Partial<GoalInput>) {
  const current = getGoalRow(db, goalId);
  if (Object.keys(input).length === 0) return current;
  return db.update(goals).set(input).where(eq(goals.id, goalId)).returning().get();
}

export function deleteGoal(db: DbLike, goalId: number) {
  getGoalRow(db, goalId);
  db.delete(goals).where(eq(goals.id, goalId)).run();
}
