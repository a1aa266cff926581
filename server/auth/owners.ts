// Where an item's project is found, for the access checks of routes addressed by the item's own id (/goals/:id):
// access('projectReader', goalOwner) / access('projectAdmin', goalOwner). A missing item answers its 404 here,
// with the same message as the service's, before any access decision.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actions, behaviours, benefits, enablers, goals, kpiMeasurements, usageFigures, waves } from '../../db/schema';
import { notFound } from '../services/errors';
import type { ProjectOwner } from './projectAccess';

async function first<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw notFound(what);
  return row;
}

const owner = (what: string, projectOf: (db: Db, id: number) => Promise<number>): ProjectOwner => ({ param: 'id', what, projectOf });

export const goalOwner = owner('Goal', async (db, id) => (await first(db.select({ p: goals.projectId }).from(goals).where(eq(goals.id, id)).limit(1), 'Goal')).p);
export const enablerOwner = owner('Enabler', async (db, id) => (await first(db.select({ p: enablers.projectId }).from(enablers).where(eq(enablers.id, id)).limit(1), 'Enabler')).p);
export const benefitOwner = owner('Benefit', async (db, id) => (await first(db.select({ p: benefits.projectId }).from(benefits).where(eq(benefits.id, id)).limit(1), 'Benefit')).p);
export const behaviourOwner = owner('Behaviour', async (db, id) => (await first(db.select({ p: behaviours.projectId }).from(behaviours).where(eq(behaviours.id, id)).limit(1), 'Behaviour')).p);
export const waveOwner = owner('Wave', async (db, id) => (await first(db.select({ p: waves.projectId }).from(waves).where(eq(waves.id, id)).limit(1), 'Wave')).p);
export const measurementOwner = owner('Measurement', async (db, id) =>
  (await first(db.select({ p: benefits.projectId }).from(kpiMeasurements).innerJoin(benefits, eq(benefits.id, kpiMeasurements.benefitId)).where(eq(kpiMeasurements.id, id)).limit(1), 'Measurement')).p,
);
export const usageOwner = owner('Usage figure', async (db, id) =>
  (await first(db.select({ p: behaviours.projectId }).from(usageFigures).innerJoin(behaviours, eq(behaviours.id, usageFigures.behaviourId)).where(eq(usageFigures.id, id)).limit(1), 'Usage figure')).p,
);
export const actionOwner = owner('Action', async (db, id) => (await first(db.select({ p: actions.projectId }).from(actions).where(eq(actions.id, id)).limit(1), 'Action')).p);
