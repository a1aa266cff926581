// Demo action plans: what the care centres' leaders did about the barriers the baseline showed, so the report's
// timelines carry action markers between the waves and the overview has one overdue action.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { actions, behaviours } from '../../db/schema';

/** `unitIds` by demo key (sol, ege, lin); `day(offset)` is the demo's calendar day that many days from today. */
export async function seedDemoActions(db: DbLike, projectId: number, unitIds: { sol: number; ege: number; lin: number }, createdBy: number, day: (offset: number) => string): Promise<void> {
  const [first, second] = await db.select({ id: behaviours.id }).from(behaviours).where(eq(behaviours.projectId, projectId)).orderBy(asc(behaviours.sortOrder), asc(behaviours.id));
  if (!first) return;
  const other = second ?? first;
  const at = (offset: number) => `${day(offset)}T09:00:00.000Z`;
  await db.insert(actions).values([
    {
      projectId, unitId: unitIds.sol, behaviourId: first.id, type: 'capability', title: 'Sidemandsoplæring i at læse beboerens status', owner: 'Teamleder, Solhaven',
      dueDate: day(-85), status: 'done', doneOn: day(-90), note: 'To korte sessioner pr. vagthold efter nulpunktsmålingen.', createdBy, createdAt: at(-120),
    },
    // Overdue: due a week ago and still in progress.
    {
      projectId, unitId: unitIds.sol, behaviourId: first.id, type: 'opportunity', title: 'En tablet i hvert vagtrum', owner: 'Centerleder, Solhaven',
      dueDate: day(-7), status: 'in_progress', note: 'Bestilt; to af fire vagtrum har fået en.', createdBy, createdAt: at(-60),
    },
    {
      projectId, unitId: unitIds.ege, behaviourId: first.id, type: 'motivation', title: 'Forklar på personalemødet, hvorfor oplæsningen kortes ned', owner: 'Centerleder, Egebo',
      dueDate: day(14), status: 'planned', createdBy, createdAt: at(-20),
    },
    {
      projectId, unitId: unitIds.lin, behaviourId: other.id, type: 'capability', title: 'Superbrugere på hver afdeling', owner: 'Teamledere, Lindely',
      dueDate: day(30), status: 'planned', createdBy, createdAt: at(-10),
    },
  ]);
}
