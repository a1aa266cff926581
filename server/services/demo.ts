// Loads the demo project (db/demo.ts) into an empty database, with deterministic synthetic answers
// so the report shows adoption rising after each centre's go-live and hiding for the small teams.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { demoAccounts, demoBehaviours, demoBenefits, demoProject, demoResponseCounts, demoRollouts, demoUnits, demoWaves, type DemoUnitKey } from '../../db/demo';
import { behaviourBenefits, behaviourEnablers, behaviours, benefitGoals, benefits, enablers, goals, projects, units, userScopes, users, waveLinks, waves } from '../../db/schema';
import { validateAnswers } from '../../surveys';
import type { ItemMap, ItemMapEntry } from '../../surveys/types';
import { hashPassword } from '../auth/password';
import { todayUtc } from './clock';
import { createProject } from './projects';
import { storeResponse } from './responses';
import { getSurveyVersion } from './surveys';
import { createWave, openWave } from './waves';
import { setRollout } from './units';

export interface DemoInfo {
  adminEmail: string;
  adminPassword: string;
  managerEmail: string;
  managerPassword: string;
  openLinkToken: string | null;
}

const dayOffset = (days: number, today = new Date()) => todayUtc(new Date(today.getTime() + days * 86400_000));

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

/** Builds SurveyJS data for one synthetic respondent from the item map. */
function syntheticAnswers(itemMap: ItemMap, adopted: boolean, rand: () => number, allowDontKnow: boolean) {
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
      if (rand() < 0.15) put(item, comments[Math.floor(rand() * comments.length)]);
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

export async function loadDemoIfEmpty(db: Db): Promise<DemoInfo | null> {
  const info: DemoInfo = {
    adminEmail: demoAccounts.admin.email,
    adminPassword: demoAccounts.admin.password,
    managerEmail: demoAccounts.manager.email,
    managerPassword: demoAccounts.manager.password,
    openLinkToken: null,
  };
  const projectCount = db.select({ n: count() }).from(projects).get()!.n;
  const userCount = db.select({ n: count() }).from(users).get()!.n;
  if (projectCount > 0 || userCount > 0) {
    // Already set up: repeat the demo logins only if the demo admin still exists.
    const admin = db.select().from(users).where(eq(users.email, demoAccounts.admin.email)).get();
    if (!admin) return null;
    const open = db.select({ token: waveLinks.token }).from(waveLinks).innerJoin(waves, eq(waves.id, waveLinks.waveId)).where(eq(waves.status, 'open')).get();
    return { ...info, openLinkToken: open?.token ?? null };
  }
  const adminHash = await hashPassword(demoAccounts.admin.password);
  const managerHash = await hashPassword(demoAccounts.manager.password);
  info.openLinkToken = seedDemo(db, adminHash, managerHash);
  return info;
}

/** Synchronous seeding inside one transaction: either the whole demo is there or none of it. */
export function seedDemo(db: Db, adminHash: string, managerHash: string, today = new Date()): string | null {
  return db.transaction((tx) => {
    const txDb = tx as unknown as Db;
    tx.insert(users).values({ email: demoAccounts.admin.email, name: demoAccounts.admin.name, passwordHash: adminHash, role: 'admin' }).run();
    const managerId = tx.insert(users).values({ email: demoAccounts.manager.email, name: demoAccounts.manager.name, passwordHash: managerHash, role: 'manager' }).returning({ id: users.id }).get().id;

    const unitIds = {} as Record<DemoUnitKey, number>;
    for (const u of demoUnits) {
      unitIds[u.key] = tx
        .insert(units)
        .values({ name: u.name, kind: u.kind, parentId: u.parent ? unitIds[u.parent] : null, headcount: u.headcount, headcountDate: dayOffset(-150, today), externalId: `DEMO-${u.key.toUpperCase()}` })
        .returning({ id: units.id })
        .get().id;
    }

    // The demo manager leads Plejecenter Solhaven and so sees the project with her own centre's rows.
    tx.insert(userScopes).values({ userId: managerId, unitId: unitIds.sol }).run();

    const project = createProject(txDb, { name: demoProject.name, purpose: demoProject.purpose, projectLead: demoProject.projectLead, status: demoProject.status });
    const goalIds = demoProject.goals.map((title, i) => tx.insert(goals).values({ projectId: project.id, title, sortOrder: i }).returning({ id: goals.id }).get().id);
    const enablerIds = demoProject.enablers.map((title, i) => tx.insert(enablers).values({ projectId: project.id, title, sortOrder: i }).returning({ id: enablers.id }).get().id);
    const benefitIds: Record<string, number> = {};
    demoBenefits.forEach((b, i) => {
      const { key, goal, ...fields } = b;
      benefitIds[key] = tx
        .insert(benefits)
        .values({ ...fields, projectId: project.id, sortOrder: i, ownerUnitId: unitIds.forv, baselineDate: dayOffset(-140, today), targetDate: dayOffset(200, today) })
        .returning({ id: benefits.id })
        .get().id;
      tx.insert(benefitGoals).values({ benefitId: benefitIds[key], goalId: goalIds[goal] }).run();
    });
    demoBehaviours.forEach((b, i) => {
      const { key, benefits: linked, enablers: enablerIdx, ...fields } = b;
      const id = tx.insert(behaviours).values({ ...fields, projectId: project.id, sortOrder: i }).returning({ id: behaviours.id }).get().id;
      for (const bk of linked) tx.insert(behaviourBenefits).values({ behaviourId: id, benefitId: benefitIds[bk] }).run();
      for (const ei of enablerIdx) tx.insert(behaviourEnablers).values({ behaviourId: id, enablerId: enablerIds[ei] }).run();
    });
    const waveUnits = (Object.keys(demoRollouts) as DemoUnitKey[]).filter((k) => k !== 'forv');
    for (const key of waveUnits) {
      const offset = demoRollouts[key];
      setRollout(txDb, project.id, unitIds[key], offset === null ? null : dayOffset(offset, today));
    }

    let openToken: string | null = null;
    demoWaves.forEach((w, wi) => {
      const wave = createWave(txDb, project.id, { name: w.name, phase: w.phase, unitIds: waveUnits.map((k) => unitIds[k]), opensOn: dayOffset(w.opensOn, today), closesOn: dayOffset(w.closesOn, today) });
      const opened = openWave(txDb, wave.id);
      const version = getSurveyVersion(txDb, opened.surveyVersionId!);
      const links = tx.select().from(waveLinks).where(eq(waveLinks.waveId, wave.id)).all();
      for (const key of waveUnits) {
        const link = links.find((l) => l.unitId === unitIds[key])!;
        if (key === 'sol') openToken = link.token;
        const goLive = demoRollouts[key];
        const adopted = goLive !== null && goLive < w.opensOn;
        const rand = rng(1000 * (wi + 1) + unitIds[key]);
        const small = demoUnits.find((u) => u.key === key)!.headcount < 10;
        for (let r = 0; r < demoResponseCounts[key][wi]; r++) {
          const answers = syntheticAnswers(version.itemMap, adopted, rand, !small);
          const checked = validateAnswers(version.itemMap, version.surveyJson, answers);
          if (!checked.ok) throw new Error(`Demo answers do not fit the survey: ${JSON.stringify(checked.details)}`);
          const day = dayOffset(w.opensOn + Math.floor(rand() * (Math.min(w.closesOn, 0) - w.opensOn + 1)), today);
          storeResponse(tx, {
            waveId: wave.id,
            unitId: unitIds[key],
            surveyVersionId: version.id,
            submissionId: `00000000-0000-4000-8000-${String(wi * 100000 + unitIds[key] * 1000 + r).padStart(12, '0')}`,
            submittedOn: day,
            locale: rand() < 0.1 ? 'en' : 'da',
            answers,
            values: checked.values,
            complete: true,
          });
        }
      }
      if (w.status === 'closed') tx.update(waves).set({ status: 'closed', opensOn: dayOffset(w.opensOn, today), closesOn: dayOffset(w.closesOn, today) }).where(eq(waves.id, wave.id)).run();
      else tx.update(waves).set({ opensOn: dayOffset(w.opensOn, today) }).where(eq(waves.id, wave.id)).run();
    });
    return openToken;
  });
}
