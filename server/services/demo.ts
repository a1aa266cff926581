// Loads the demo project (db/demo.ts) into an empty database, with deterministic synthetic answers
// so the report shows adoption rising after each centre's go-live and hiding for the small teams.
import { asc, count, eq } from 'drizzle-orm';
import { isDatabaseBusy, isUniqueViolation, transaction, type Db } from '../../db/client';
import { demoAccounts, demoBehaviours, demoBenefits, demoProject, demoResponseCounts, demoRollouts, demoShifts, demoSurvey, demoUnits, demoWaveHours, demoWaves, type DemoUnitKey } from '../../db/demo';
import { behaviourBenefits, behaviourEnablers, behaviours, benefitGoals, benefits, enablers, goals, projects, reportingGroups, reportingGroupUnits, units, userScopes, users, waveLinks, waves } from '../../db/schema';
import { answersFromValues, validateAnswers } from '../../surveys';
import { defaultConstructs, parseSpec } from '../../surveys/spec';
import type { ItemMap, ItemMapEntry } from '../../surveys/types';
import { hashPassword } from '../auth/password';
import { type Clock, fixedClock, todayUtc } from './clock';
import { seedDemoActions } from './demoActions';
import { seedDemoBenefitStatus } from './demoBenefitStatus';
import { createProject } from './projects';
import { storeResponse } from './responses';
import { setRollout } from './rollouts';
import { getSurveyVersion, saveSurveySpec, type SurveyThresholds } from './surveys';
import { createWave, openWave } from './waves';
import { resolveSchedule } from './waveSchedule';
import { seedDemoWorkshop } from './demoWorkshops';

export interface DemoInfo {
  adminEmail: string;
  adminPassword: string;
  managerEmail: string;
  managerPassword: string;
  openLinkToken: string | null;
}

const dayOffset = (days: number, clock: Clock) => todayUtc({ now: () => new Date(clock.now().getTime() + days * 86400_000) });

/** Small deterministic PRNG (mulberry32) so every demo load gives the same answers. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 1..5 answer whose chance of being favourable is p; favourable = the item's favourable set. */
function answerFor(item: ItemMapEntry, p: number, rand: () => number, allowDontKnow: boolean): number {
  if (allowDontKnow && item.allowDontKnow && rand() < 0.04) return 0;
  const fav = (item.favourable ?? [4, 5]).map(Number);
  const unfav = [1, 2, 3, 4, 5].filter((v) => !fav.includes(v));
  const pool = rand() < p ? fav : unfav;
  return pool[Math.floor(rand() * pool.length)];
}

const comments = [
  'Det ville hjælpe, hvis telefonerne var ladet op ved vagtstart.',
  'Mere tid til at lære appen at kende i starten.',
  'Jeg savner stadig at tale om de svære beboere sammen.',
  'Det virker godt, når alle skriver kort og præcist.',
];
/** Answers to a behaviour's own free-text question (the demo's primary behaviour asks one). */
const behaviourComments = [
  'Appen er hurtigere end oplæsningen, når man først har lært den.',
  'Svært at nå at læse det hele, når vagten starter travlt.',
  'Statusnotaterne er ikke altid opdateret fra nattevagten.',
];

/** Builds SurveyJS data for one synthetic respondent from the item map. */
function syntheticAnswers(itemMap: ItemMap, adopted: boolean, rand: () => number, allowDontKnow: boolean, shift: 'mix' | 1 | 2 | 3) {
  const data: Record<string, unknown> = {};
  const put = (item: ItemMapEntry, value: unknown) => {
    if (item.row) {
      const group = (data[item.question] as Record<string, unknown>) ?? {};
      group[item.row] = value;
      data[item.question] = group;
    } else data[item.question] = value;
  };
  for (const item of itemMap.items) {
    if (item.type === 'text') {
      const pool = item.behaviourId ? behaviourComments : comments;
      if (rand() < 0.15) put(item, pool[Math.floor(rand() * pool.length)]);
      continue;
    }
    if (item.construct === 'background') {
      if (rand() >= 0.1) {
        // The centres: about half day, four in ten evening, the rest night (one draw, as before).
        const r = shift === 'mix' ? rand() : 0;
        put(item, shift === 'mix' ? (r < 0.5 ? 1 : r < 0.9 ? 2 : 3) : shift);
      }
      continue;
    }
    if (item.type !== 'scale') continue;
    const p =
      item.construct === 'adoption' ? (adopted ? 0.72 : 0.22)
      : item.construct === 'old_behaviour' ? (adopted ? 0.6 : 0.15)
      : item.construct === 'capability' ? (adopted ? 0.8 : 0.45)
      : item.construct === 'opportunity' ? (adopted ? 0.55 : 0.35)
      : item.construct === 'motivation' ? (adopted ? 0.7 : 0.5)
      : item.construct === 'benefit' ? 0.55
      : item.construct === 'drawback' ? 0.6
      : 0.5;
    put(item, answerFor(item, p, rand, allowDontKnow));
  }
  return data;
}

export async function loadDemoIfEmpty(db: Db, clock: Clock, thresholds: SurveyThresholds): Promise<DemoInfo | null> {
  const info: DemoInfo = {
    adminEmail: demoAccounts.admin.email,
    adminPassword: demoAccounts.admin.password,
    managerEmail: demoAccounts.manager.email,
    managerPassword: demoAccounts.manager.password,
    openLinkToken: null,
  };
  const existing = async (): Promise<DemoInfo | null> => {
    // Already set up: repeat the demo logins only if the demo admin still exists.
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts.admin.email)).limit(1);
    if (!admin) return null;
    const [open] = await db
      .select({ token: waveLinks.token })
      .from(waveLinks)
      .innerJoin(waves, eq(waves.id, waveLinks.waveId))
      .where(eq(waves.status, 'open'))
      .orderBy(asc(waveLinks.id))
      .limit(1);
    return { ...info, openLinkToken: open?.token ?? null };
  };
  const [{ n: projectCount }] = await db.select({ n: count() }).from(projects);
  const [{ n: userCount }] = await db.select({ n: count() }).from(users);
  if (projectCount > 0 || userCount > 0) return existing();
  const adminHash = await hashPassword(demoAccounts.admin.password);
  const managerHash = await hashPassword(demoAccounts.manager.password);
  for (let attempt = 1; ; attempt++) {
    try {
      info.openLinkToken = await seedDemo(db, adminHash, managerHash, clock, thresholds);
      return info;
    } catch (e) {
      // Another instance on the same database seeded it first (both found it empty at start-up).
      if (isUniqueViolation(e, 'email')) return existing();
      // Or it is seeding now and holds the rows past PostgreSQL's lock timeout: wait, and read its demo back
      // once it has committed (or try again if it gave up).
      if (!isDatabaseBusy(e) || attempt >= 30) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const [{ n }] = await db.select({ n: count() }).from(projects);
      if (n > 0) return existing();
    }
  }
}

/** Seeding inside one transaction: either the whole demo is there or none of it. */
export async function seedDemo(db: Db, adminHash: string, managerHash: string, clock: Clock, thresholds: SurveyThresholds): Promise<string | null> {
  // One instant for the whole seed, so every offset counts from the same day even across midnight.
  const today = fixedClock(clock.now());
  const day = (offset: number) => dayOffset(offset, today);
  return transaction(db, async (tx) => {
    await tx.insert(users).values({ email: demoAccounts.admin.email, name: demoAccounts.admin.name, passwordHash: adminHash, role: 'admin' });
    const [manager] = await tx
      .insert(users)
      .values({ email: demoAccounts.manager.email, name: demoAccounts.manager.name, passwordHash: managerHash, role: 'manager' })
      .returning({ id: users.id });

    const unitIds = {} as Record<DemoUnitKey, number>;
    for (const u of demoUnits) {
      const [unit] = await tx
        .insert(units)
        .values({ name: u.name, nameEn: u.nameEn, kind: u.kind, parentId: u.parent ? unitIds[u.parent] : null, headcount: u.headcount, headcountDate: day(-150), externalId: `DEMO-${u.key.toUpperCase()}` })
        .returning({ id: units.id });
      unitIds[u.key] = unit.id;
    }

    // The demo manager leads Plejecenter Solhaven and so sees the project with her own centre's rows.
    await tx.insert(userScopes).values({ userId: manager.id, unitId: unitIds.sol });

    const project = await createProject(tx, { name: demoProject.name, nameEn: demoProject.nameEn, purpose: demoProject.purpose, purposeEn: demoProject.purposeEn, projectLead: demoProject.projectLead, status: demoProject.status });
    const goalIds: number[] = [];
    for (const [i, title] of demoProject.goals.entries()) {
      const [goal] = await tx.insert(goals).values({ projectId: project.id, title, sortOrder: i }).returning({ id: goals.id });
      goalIds.push(goal.id);
    }
    const enablerIds: number[] = [];
    for (const [i, title] of demoProject.enablers.entries()) {
      const [enabler] = await tx.insert(enablers).values({ projectId: project.id, title, sortOrder: i }).returning({ id: enablers.id });
      enablerIds.push(enabler.id);
    }
    const benefitIds: Record<string, number> = {};
    for (const [i, b] of demoBenefits.entries()) {
      const { key, goal, ...fields } = b;
      const [benefit] = await tx
        .insert(benefits)
        .values({ ...fields, projectId: project.id, sortOrder: i, ownerUnitId: unitIds.forv, baselineDate: day(-140), targetDate: day(200) })
        .returning({ id: benefits.id });
      benefitIds[key] = benefit.id;
      await tx.insert(benefitGoals).values({ benefitId: benefitIds[key], goalId: goalIds[goal] });
    }
    const specBehaviours: { behaviourId: number; constructs: string[] }[] = [];
    for (const [i, b] of demoBehaviours.entries()) {
      const { key, benefits: linked, enablers: enablerIdx, ...fields } = b;
      const [behaviour] = await tx.insert(behaviours).values({ ...fields, projectId: project.id, sortOrder: i }).returning({ id: behaviours.id });
      const freeText = (demoSurvey.freeTextBehaviours as readonly string[]).includes(key) ? ['free_text'] : [];
      specBehaviours.push({ behaviourId: behaviour.id, constructs: [...defaultConstructs(fields), ...freeText] });
      for (const bk of linked) await tx.insert(behaviourBenefits).values({ behaviourId: behaviour.id, benefitId: benefitIds[bk] });
      for (const ei of enablerIdx) await tx.insert(behaviourEnablers).values({ behaviourId: behaviour.id, enablerId: enablerIds[ei] });
    }
    // A new project's spec is at its first version.
    await saveSurveySpec(tx, project.id, parseSpec({ behaviours: specBehaviours, background: demoSurvey.background }), 1, thresholds);
    const waveUnits = (Object.keys(demoRollouts) as DemoUnitKey[]).filter((k) => k !== 'forv');
    for (const key of waveUnits) {
      const offset = demoRollouts[key];
      await setRollout(tx, project.id, unitIds[key], offset === null ? null : day(offset));
    }

    // The two small units are reported together, so their answers are shown instead of two blanks.
    const [group] = await tx.insert(reportingGroups).values({ projectId: project.id, name: 'Nat og afløsere' }).returning({ id: reportingGroups.id });
    await tx.insert(reportingGroupUnits).values((['nat', 'afl'] as const).map((key) => ({ groupId: group.id, projectId: project.id, unitId: unitIds[key] })));

    let openToken: string | null = null;
    for (const [wi, w] of demoWaves.entries()) {
      // Every unit answers every wave: those not yet live at a follow-up are its comparison group, on purpose.
      const wave = await createWave(tx, project.id, { name: w.name, nameEn: w.nameEn, phase: w.phase, unitIds: waveUnits.map((k) => unitIds[k]), includeNotLive: true }, today);
      const opened = await openWave(tx, wave.id, today, thresholds);
      const version = await getSurveyVersion(tx, opened.surveyVersionId!);
      const links = await tx.select().from(waveLinks).where(eq(waveLinks.waveId, wave.id)).orderBy(asc(waveLinks.id));
      for (const key of waveUnits) {
        const link = links.find((l) => l.unitId === unitIds[key])!;
        if (key === 'sol') openToken = link.token;
        const goLive = demoRollouts[key];
        const adopted = goLive !== null && goLive < w.opensOn;
        const rand = rng(1000 * (wi + 1) + unitIds[key]);
        const small = demoUnits.find((u) => u.key === key)!.headcount < 10;
        for (let r = 0; r < demoResponseCounts[key][wi]; r++) {
          const answers = syntheticAnswers(version.itemMap, adopted, rand, !small, demoShifts[key]);
          const checked = validateAnswers(version.itemMap, version.surveyJson, answers);
          if (!checked.ok) throw new Error(`Demo answers do not fit the survey: ${JSON.stringify(checked.details)}`);
          const submittedOn = day(w.opensOn + Math.floor(rand() * (Math.min(w.closesOn, 0) - w.opensOn + 1)));
          await storeResponse(tx, {
            waveId: wave.id,
            unitId: unitIds[key],
            surveyVersionId: version.id,
            submissionId: `00000000-0000-4000-8000-${String(wi * 100000 + unitIds[key] * 1000 + r).padStart(12, '0')}`,
            submittedOn,
            locale: rand() < 0.1 ? 'en' : 'da',
            answers: answersFromValues(version.itemMap, checked.values),
            values: checked.values,
            complete: true,
          });
        }
      }
      // Its schedule in Copenhagen time (08:00 to 16:00), the days following from the instants as in the app.
      const schedule = resolveSchedule({ opensAtLocal: `${day(w.opensOn)}T${demoWaveHours.opens}`, closesAtLocal: `${day(w.closesOn)}T${demoWaveHours.closes}` }, { opensAt: null, closesAt: null });
      await tx.update(waves).set({ status: w.status, opensAt: schedule.opensAt, closesAt: schedule.closesAt, opensOn: schedule.opensOn, closesOn: schedule.closesOn }).where(eq(waves.id, wave.id));
    }
    await seedDemoBenefitStatus(tx, project.id, day);
    await seedDemoWorkshop(tx, project.id, unitIds.sol, manager.id, today);
    await seedDemoActions(tx, project.id, unitIds, manager.id, day);
    return openToken;
  });
}
