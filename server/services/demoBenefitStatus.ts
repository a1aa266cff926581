// The demo project's benefit status (issue 12): each benefit gets an owner account and a short history of status
// changes, so the steering group's page and the printed report show something real after `npm start`.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { demoAccounts } from '../../db/demo';
import { benefitStatusHistory, benefits, users } from '../../db/schema';

type Step = { days: number; status: (typeof benefitStatusHistory.$inferInsert)['status']; reason: string; nextAction: string };

/** By the benefit's order in db/demo.ts: the positive time benefit (owned by the demo manager), then the drawback. */
const HISTORY: { owner: 'manager' | 'admin'; steps: Step[] }[] = [
  {
    owner: 'manager',
    steps: [
      { days: -120, status: 'paa_vej', reason: 'Solhaven er gået i drift; de første vagter læser selv status.', nextAction: 'Følg op efter første opfølgende måling.' },
      { days: -45, status: 'i_risiko', reason: 'Nattevagten når ikke at læse status; overleveringen tager stadig 25 minutter.', nextAction: 'Oplæring af nattevagten og faste tablets på vagtstuen.' },
      { days: -10, status: 'paa_vej', reason: 'Efter oplæringen læser de fleste selv status; minuttallet er på vej ned.', nextAction: 'Ny tidsmåling i næste kvartal.' },
    ],
  },
  {
    owner: 'admin',
    steps: [{ days: -30, status: 'paa_vej', reason: 'Få melder om manglende faglig sparring; vi holder øje ved næste måling.', nextAction: 'Kort fælles faglig drøftelse en gang om ugen.' }],
  },
];

/** Owners, statuses and histories for the demo project's benefits; `day(offset)` is the demo's calendar. */
export async function seedDemoBenefitStatus(db: DbLike, projectId: number, day: (offset: number) => string): Promise<void> {
  const accountOf = async (who: 'manager' | 'admin') => (await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, demoAccounts[who].email)).limit(1))[0];
  const rows = await db.select({ id: benefits.id }).from(benefits).where(eq(benefits.projectId, projectId)).orderBy(asc(benefits.sortOrder), asc(benefits.id));
  for (const [i, plan] of HISTORY.entries()) {
    const benefit = rows[i];
    const owner = await accountOf(plan.owner);
    if (!benefit || !owner) continue;
    const at = (days: number) => `${day(days)}T09:00:00.000Z`;
    for (const step of plan.steps) {
      await db.insert(benefitStatusHistory).values({ benefitId: benefit.id, status: step.status, reason: step.reason, nextAction: step.nextAction, changedBy: owner.id, changedByEmail: owner.email, changedAt: at(step.days) });
    }
    const last = plan.steps[plan.steps.length - 1];
    await db.update(benefits).set({ ownerUserId: owner.id, status: last.status, statusReason: last.reason, nextAction: last.nextAction, statusChangedAt: at(last.days) }).where(eq(benefits.id, benefit.id));
  }
}
