// Goals (mål) of a project: what the benefits serve. Deleting a goal only removes its links to benefits.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { benefitGoals, benefits, goals } from '../../db/schema';
import type { GoalInput, GoalPatch } from '../contract/goals';
import { notFound } from './errors';
import { getProjectRow } from './projects';
import { bumpVersions, claimVersion } from './versioned';

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

/** Writes the change only if the goal is still at the version the client started from (versioned.ts). */
export async function updateGoal(db: DbLike, goalId: number, input: GoalPatch) {
  const { version, ...fields } = input;
  await claimVersion(db, goals, goalId, version, { what: 'goal', read: () => getGoalRow(db, goalId), sent: input }, fields);
  return getGoalRow(db, goalId);
}

export async function deleteGoal(db: DbLike, goalId: number) {
  await getGoalRow(db, goalId);
  // Its benefits lose it from their goalIds: an edit of one from before must hear about it.
  const linked = await db.select({ id: benefitGoals.benefitId }).from(benefitGoals).where(eq(benefitGoals.goalId, goalId));
  await bumpVersions(db, benefits, linked.map((l) => l.id));
  await db.delete(goals).where(eq(goals.id, goalId));
}
