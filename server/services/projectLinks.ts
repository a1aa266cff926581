// Links between goals, enablers, benefits, behaviours and units may only point inside one project:
// a behaviour cannot drive another project's benefit, and its units must be the project's rollout units.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { behaviours, benefits, enablers, goals, rollouts } from '../../db/schema';
import { invalid, type FieldProblem } from './errors';

export type LinkField = 'benefitIds' | 'enablerIds' | 'goalIds' | 'behaviourIds' | 'unitIds';

/** The ids among `ids` (never empty) that belong to the project. */
async function idsInProject(db: DbLike, projectId: number, field: LinkField, ids: number[]): Promise<number[]> {
  const toIds = (rows: { id: number }[]) => rows.map((r) => r.id);
  switch (field) {
    case 'benefitIds':
      return toIds(await db.select({ id: benefits.id }).from(benefits).where(and(eq(benefits.projectId, projectId), inArray(benefits.id, ids))));
    case 'enablerIds':
      return toIds(await db.select({ id: enablers.id }).from(enablers).where(and(eq(enablers.projectId, projectId), inArray(enablers.id, ids))));
    case 'goalIds':
      return toIds(await db.select({ id: goals.id }).from(goals).where(and(eq(goals.projectId, projectId), inArray(goals.id, ids))));
    case 'behaviourIds':
      return toIds(await db.select({ id: behaviours.id }).from(behaviours).where(and(eq(behaviours.projectId, projectId), inArray(behaviours.id, ids))));
    case 'unitIds':
      return toIds(await db.select({ id: rollouts.unitId }).from(rollouts).where(and(eq(rollouts.projectId, projectId), inArray(rollouts.unitId, ids))));
  }
}

const what: Record<LinkField, string> = {
  benefitIds: 'benefit',
  enablerIds: 'enabler',
  goalIds: 'goal',
  behaviourIds: 'behaviour',
  unitIds: 'rollout unit',
};

/** Throws one 400 listing every linked id that is not in the project, with its field path. */
export async function checkLinks(db: DbLike, projectId: number, links: Partial<Record<LinkField, number[] | undefined>>) {
  const problems: (FieldProblem & { id: number })[] = [];
  for (const [field, ids] of Object.entries(links) as [LinkField, number[] | undefined][]) {
    if (!ids?.length) continue;
    const found = new Set(await idsInProject(db, projectId, field, [...new Set(ids)]));
    ids.forEach((id, i) => {
      if (!found.has(id)) problems.push({ path: `${field}.${i}`, code: 'link_outside_project', message: `${id} is not a ${what[field]} of this project`, id });
    });
  }
  if (problems.length) {
    throw invalid('link_outside_project', `Links must stay inside the project: ${problems.map((p) => p.message).join('; ')}`, problems);
  }
}
