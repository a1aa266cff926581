// An automated attacker (issue 8 part 6): random projects are built through the HTTP API, every role polls
// every endpoint that shows numbers after every single response, and every number seen becomes a constraint
// in an integer interval model (test/support/disclosureAudit.ts). For every cell some role was shown as hidden
// the attacker computes the interval its counts can still take, as statistics offices audit suppressed tables.
//
// Roles: the admin (report, comments, waves list, links of every opened wave), a project-scoped manager, a
// manager scoped to an area (a parent unit's subtree) and one scoped to a single unit. Everything all of them
// saw is pooled: a coalition knows at least what each member knows.
//
// SQLite only (vitest.config.ts leaves it out of the postgres project, which also runs test/api): what is audited is the disclosure
// policy's decisions, the same code and the same queries on both engines, and the attacker's many hundred
// requests per project would only make the PostgreSQL run slower. The engine-specific paths (releases racing
// under serialize(), grouping) are covered by the concurrency and API tests that run on both.
//
// ─── What the attacker models ───────────────────────────────────────────────────────────────────────────
// Per wave w and epoch e (e = the number of responses the wave has received so far, 0 … m_w), per unit u:
//   r(u,e) respondents and c(u,e) complete respondents over all responses;  0 ≤ c ≤ r ≤ headcount, both
//   non-decreasing in e, c grows at most as r does (so do partial responses r − c), and Σᵤ r(u,e) = e (the
//   attacker polls between single responses, so it knows one arrived). Only the waves list's total counts them.
// Per "basis" (the set of responses the shown results of a wave rest on: for a wave that had live releases the
// released snapshot j, i.e. the responses with released_in ≤ j; otherwise all responses up to epoch e), per unit:
//   rb(u) respondents and cb(u) complete respondents of the basis, which the response rates (rows and, while
//   the wave shows live results or once it closes, the total), the links list and the comments' respondents
//   count. A release takes every response not yet released, so snapshot j is the first e* responses of the
//   wave for some e* between the epochs of the last poll that saw fewer than j releases and of the first that
//   saw j: r(u,e₀) ≤ rb(u) ≤ r(u,e₁), likewise c and r − c, and e₀ ≤ Σᵤ rb(u) ≤ e₁ (rb ≤ r over all responses;
//   the basis of all responses up to e is r(u,e), c(u,e) itself). From one basis of a wave to the next, rb, cb and
//   rb − cb only grow (released sets only grow);
// and per unit and reported item: x favourable, y other substantive, d "ved ikke", with
//   n = x + y (substantive count), a = n + d (answered count) ≤ rb(u), cb(u) ≤ a for scale items (a complete
//   response answered them), x, y, d non-decreasing from one basis of the wave to the next, and the answers
//   added no more than the respondents added (a − a′ ≤ rb − rb′; for scale items cb − cb′ ≤ a − a′).
// Every published number is an equality on these (a unit cell fixes x, n, d; a reporting group's cell and a
// total fix the sums over the group's members or the wave's units; a rate row or total fixes cb and rb; a links
// count or the comments' respondents fix Σ rb; a waves-list total fixes Σ r, or Σ rb while a live wave runs). A hidden cell's reason, when it is
// not the uniform 'protected', is used as the policy defines it ('too_few' ⇒ the estimate count < k,
// 'protects_other_group' ⇒ at least one answer and the estimate count ≥ k). A hidden respondent count is the
// basis's (rb, cb): that is the number the rates row or links count would have shown.
//
// ─── The criterion (k = the anonymity threshold) ───────────────────────────────────────────────────────
// C0  Every published count of answers is a group of at least k: a shown unit cell or wave total has n ≥ k
//     substantive answers, a shown unit respondent count is 0 or ≥ k.
// C1  A hidden count that is too small to show (a unit's rb or cb, a cell's answered a or substantive n, a hidden
//     total, whose true value is 1 … k − 1: the "primary" cells of tau-ARGUS) keeps at least k possible values
//     (hi − lo + 1 ≥ k), or the whole range its public headcount H allows ([0, H], for a unit smaller than k).
//     A count of k or more, hidden only to protect another (a secondary cell), needs no interval of its own.
//     A count pinned to 0 that is truly 0 is allowed — "nobody answered" reveals nobody's answer (a documented
//     limit) — except a substantive count of 0 among 1 … k − 1 answers that are themselves pinned ("all 3 said
//     ved ikke"): it passes only when the answered count passes C1.
// C2  A hidden favourable count x is not pinned to 0 or to all (n − x pinned to 0) while n > 0, unless n itself
//     passes C1: "all of a group of k or more, or of unknown size, were (un)favourable" is what a shown cell of
//     k also says (homogeneous groups are outside the guarantee); "all of these 3" is a disclosure.
// C3  Over time, two consecutive different values of the same published aggregate (an item's answered or
//     substantive count, of a unit or of a whole wave; a unit's respondents; complete responses) differ by at
//     least k, so no difference between two polls is a group of fewer than k new answers; and a wave's
//     comments, once shown, never change (a new comment between two polls belongs to whoever just answered).
//     The whole wave's respondent count may grow one by one: it counts people, not answers, and names no unit.
// Leaks of the kinds in KNOWN_OPEN (below) are reported and do not fail the random projects.
// Bounds propagation gives an outer bound of the attacker's knowledge, so a flagged interval is truly that
// narrow; and the true values are checked to lie inside every interval (else the model is wrong, not the server).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { responses, users, userScopes } from '../../db/schema';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { fixedClock } from '../../server/services/clock';
import type { DisclosureWeakening } from '../../server/services/disclosure';
import type { ItemMapEntry } from '../../surveys/types';
import { ADMIN, clientFor } from '../support/api';
import { IntervalModel, type Term, type VarId } from '../support/disclosureAudit';
import { openTestDb, testEngine } from '../support/testDb';

const K = 5;
const FREE_TEXT_K = 10;

// ─── seeded randomness ──────────────────────────────────────────────────────────────────────────────────

type Rng = () => number;
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

// ─── scenarios ──────────────────────────────────────────────────────────────────────────────────────────

interface UnitPlan {
  name: string;
  headcount: number;
  inArea: boolean;
  /** Relative chance that the next respondent is from this unit. */
  weight: number;
  /** Chance of "ved ikke" on an item that allows it. */
  dontKnow: number;
  /** Chance of a favourable answer. */
  favourable: number;
}
interface WavePlan {
  phase: 'baseline' | 'followup';
  responses: number;
  /** Live results switched on before response number `liveFrom` (null: never); after the first answer (> 0) the
   *  server refuses it (live_results_locked), so the wave runs without. */
  liveFrom: number | null;
}
interface Scenario {
  seed: number;
  /** 'mixed': small and large units, often several hidden together; 'oneSmall': one small unit among a few
   *  large ones that answer well (the case where complementary hiding alone protects the small one). */
  profile: 'mixed' | 'oneSmall';
  units: UnitPlan[];
  waves: WavePlan[];
  partialRate: number;
  /** A reporting group (unit indices: the small units, or the one small unit and the next smallest), reported
   *  together; deleted before wave `ungroupBefore`, so later waves report its units one by one. */
  group: { members: number[]; ungroupBefore: number | null } | null;
}

function scenario(seed: number): Scenario {
  const rng = mulberry32(seed);
  const profile = rng() < 0.3 ? 'oneSmall' : 'mixed';
  const unitCount = profile === 'oneSmall' ? int(rng, 3, 4) : int(rng, 4, 7);
  // Mixed projects have from one to about half small units; unit A is always small.
  const smallShare = profile === 'oneSmall' ? 0 : pick(rng, [0, 0.2, 0.4]);
  const units: UnitPlan[] = Array.from({ length: unitCount }, (_, i) => {
    const size = i === 0 ? 0 : rng();
    const headcount = size <= smallShare ? int(rng, 2, 4) : size < smallShare + 0.25 && profile === 'mixed' ? int(rng, 5, 9) : int(rng, 10, 25);
    return {
      name: `Enhed ${String.fromCharCode(65 + i)}`,
      headcount,
      inArea: i === 1 || rng() < 0.5,
      weight: profile === 'oneSmall' ? 0.8 + 0.4 * rng() : 0.2 + rng(),
      dontKnow: profile === 'mixed' && rng() < 0.25 ? 0.5 + 0.4 * rng() : 0.1 * rng(),
      favourable: 0.1 + 0.8 * rng(),
    };
  });
  const waveCount = int(rng, 2, 3);
  const capacity = units.reduce((s, u) => s + u.headcount, 0);
  const waves: WavePlan[] = Array.from({ length: waveCount }, (_, w) => {
    const count = Math.min(Math.floor(0.75 * capacity), profile === 'oneSmall' ? int(rng, 25, 35) : int(rng, 12, 30));
    const live = rng();
    return { phase: w === 0 ? 'baseline' : 'followup', responses: count, liveFrom: live < 0.35 ? null : live < 0.7 ? 0 : int(rng, 1, count - 1) };
  });
  // Grouping has its own stream, so that adding it left the other draws of every seed as they were.
  const groupRng = mulberry32(seed * 31 + 7);
  // The small units together, or the one small unit with the next smallest (as the suggestions would).
  const bySize = units.map((u, i) => ({ i, h: u.headcount })).sort((a, b) => a.h - b.h);
  const small = bySize.filter((u) => u.h < K).map((u) => u.i);
  const members = small.length >= 2 ? small : [bySize[0].i, bySize[1].i];
  const group = groupRng() < 0.5 ? { members, ungroupBefore: groupRng() < 0.5 ? int(groupRng, 1, waves.length - 1) : null } : null;
  return { seed, profile, units, waves, partialRate: profile === 'oneSmall' ? 0.05 : 0.1 + 0.3 * rng(), group };
}

// ─── observations ───────────────────────────────────────────────────────────────────────────────────────

type Role = 'admin' | 'manager:project' | 'manager:area' | 'manager:unit';
/** r respondents, c complete, x favourable, n substantive, d "ved ikke". units: one unit, or the members of a
 *  reporting group; null = the whole wave. */
type Field = 'r' | 'c' | 'x' | 'n' | 'd';
interface NumberObs {
  step: number;
  role: Role;
  source: string;
  wave: number;
  units: number[] | null;
  item: string | null;
  field: Field;
  value: number;
}
interface HiddenObs {
  step: number;
  role: Role;
  source: string;
  wave: number;
  units: number[] | null;
  item: string | null;
  /** 'cell' an item cell or total, 'count' a respondent count. */
  what: 'cell' | 'count';
  reason: string | null;
}
interface WaveState {
  status: string;
  liveResults: boolean;
  releases: number;
}

interface Truth {
  wave: number;
  unit: number;
  submissionId: string;
  complete: boolean;
  values: Map<string, number>;
  comment: string | null;
}

interface Leak {
  seed: number;
  rule: 'C0' | 'C1' | 'C2' | 'C3';
  /** The wave and units the leak is about (null: the whole wave). */
  wave: number;
  units: number[] | null;
  cell: string;
  detail: string;
  /** For a change over time (C3): the step of the later value. */
  step?: number;
}

// ─── the run ────────────────────────────────────────────────────────────────────────────────────────────

let adminHash: Promise<string> | undefined;
const MANAGER_PASSWORD = 'manager-pass-1';

async function run(plan: Scenario, weaken: DisclosureWeakening) {
  const db = await openTestDb();
  adminHash ??= hashPassword(ADMIN.password);
  const hash = await adminHash;
  await db.insert(users).values({ email: ADMIN.email, name: 'Admin', passwordHash: hash, role: 'admin' });
  const app = createApp({ db, config: { publicUrl: 'http://test.local', anonymityThreshold: K, freeTextThreshold: FREE_TEXT_K }, clock: fixedClock('2026-03-02T10:00:00Z'), weakenDisclosureForTests: weaken });
  const admin = clientFor(app);
  await admin.login();
  const rng = mulberry32(plan.seed * 7919 + 1);
  const ok = <T extends { status: number; body: any }>(res: T, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const project = ok(await admin.post('/api/projects', { name: `Angreb ${plan.seed}` }), 'project').project;
  const area = ok(await admin.post('/api/units', { name: 'Område Nord', headcount: 0 }), 'area').unit;
  const unitIds: number[] = [];
  const headcount = new Map<number, number>();
  for (const u of plan.units) {
    const unit = ok(await admin.post('/api/units', { name: u.name, headcount: u.headcount, parentId: u.inArea ? area.id : null }), 'unit').unit;
    ok(await admin.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null }), 'rollout');
    unitIds.push(unit.id);
    headcount.set(unit.id, u.headcount);
  }
  const group = plan.group
    ? ok(await admin.post(`/api/projects/${project.id}/reporting-groups`, { name: 'Nat og afløsere', unitIds: plan.group.members.map((i) => unitIds[i]) }), 'group').group
    : null;
  const behaviour = ok(await admin.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser status selv', oldBehaviour: 'Fælles oplæsning' }), 'behaviour').behaviour;
  ok(
    await admin.put(`/api/projects/${project.id}/survey/spec`, {
      spec: {
        behaviours: [{ behaviourId: behaviour.id, constructs: ['adoption', 'old_behaviour', 'capability', 'opportunity', 'motivation', 'free_text'] }],
        customItems: [
          { kind: 'rating', id: 'tryg', scale: 'agreement5', favourable: [4, 5], text: { da: 'Jeg føler mig tryg', en: 'I feel safe' } },
          { kind: 'single', id: 'kanal', favourable: [1], choices: [1, 2, 3].map((value) => ({ value, text: { da: `Kanal ${value}`, en: `Channel ${value}` } })), text: { da: 'Hvor læser du?', en: 'Where do you read?' } },
        ],
        background: [{ id: 'tenure', text: { da: 'Anciennitet', en: 'Tenure' }, choices: [1, 2, 3].map((value) => ({ value, text: { da: `Gruppe ${value}`, en: `Group ${value}` } })) }],
      },
    }),
    'spec',
  );

  // Managers: the whole project; the area's subtree; one unit (a large one when there is one).
  const managers: [Role, { unitIds: number[]; projectIds: number[] }][] = [
    ['manager:project', { unitIds: [], projectIds: [project.id] }],
    ['manager:area', { unitIds: [area.id], projectIds: [] }],
    ['manager:unit', { unitIds: [unitIds[plan.units.findIndex((u) => u.headcount >= K)] ?? unitIds[0]], projectIds: [] }],
  ];
  const managerHash = await (managerHashPromise ??= hashPassword(MANAGER_PASSWORD));
  const clients: [Role, ReturnType<typeof clientFor>][] = [['admin', admin]];
  for (const [role, scope] of managers) {
    const email = `${role.replace(':', '-')}@test.dk`;
    const [user] = await db.insert(users).values({ email, name: role, passwordHash: managerHash, role: 'manager' }).returning();
    for (const unitId of scope.unitIds) await db.insert(userScopes).values({ userId: user.id, unitId });
    for (const projectId of scope.projectIds) await db.insert(userScopes).values({ userId: user.id, projectId });
    const client = clientFor(app);
    await client.login({ email, password: MANAGER_PASSWORD });
    clients.push([role, client]);
  }

  const numbers: NumberObs[] = [];
  const hiddens: HiddenObs[] = [];
  const comments = new Map<string, { step: number; role: Role; text: string }[]>();
  const waveStates = new Map<number, Map<number, WaveState>>(); // step → wave → state
  const epochs = new Map<number, number[]>(); // wave → epoch at each step
  const waveIds: number[] = [];
  const waveUnits = new Map<number, number[]>();
  const itemsOfWave = new Map<number, ItemMapEntry[]>();
  const truths: Truth[] = [];
  let step = 0;

  // The admin reads everything after every response, the unit-scoped managers their report. The waves list
  // does not depend on the viewer, the comments only on whether the view is narrowed to some units, and a
  // project-scoped manager's report is the admin's (checked): those are read at the full polls, after a wave
  // opens and after it closes. That keeps a run near a second.
  let adminReport = '';
  const poll = async (full = false) => {
    for (const w of waveIds) (epochs.get(w) ?? epochs.set(w, []).get(w)!)[step] = truths.filter((t) => t.wave === w).length;
    for (const [role, client] of clients) {
      const every = full || role === 'admin';
      if (!full && role === 'manager:project') continue;
      const num = (source: string, wave: number, units: number[] | null, item: string | null, field: Field, value: unknown) => {
        if (typeof value !== 'number') throw new Error(`${source}: ${field} is ${JSON.stringify(value)}`);
        numbers.push({ step, role, source, wave, units, item, field, value });
      };
      const hid = (source: string, wave: number, units: number[] | null, item: string | null, what: HiddenObs['what'], reason: string | null) => hiddens.push({ step, role, source, wave, units, item, what, reason });

      const waves = every ? (ok(await client.get(`/api/projects/${project.id}/waves`), 'waves').waves as any[]) : [];
      if (role === 'admin') waveStates.set(step, new Map(waves.map((w) => [w.id, { status: w.status, liveResults: !!w.liveResults, releases: Number(w.releases ?? 0) }])));
      for (const w of waves) {
        if (w.responses === null) hid('waves', w.id, null, null, 'count', null);
        else num('waves', w.id, null, null, 'r', w.responses);
      }

      const report = ok(await client.get(`/api/projects/${project.id}/report`), 'report').report;
      if (role === 'admin') adminReport = JSON.stringify(report);
      if (role === 'manager:project' && JSON.stringify(report) !== adminReport) throw new Error(`step ${step}: a project-scoped manager's report differs from the admin's`);
      for (const rate of report.responseRates as any[]) {
        if (rate.hidden) hid('rates', rate.waveId, null, null, 'count', null);
        else {
          num('rates', rate.waveId, null, null, 'c', rate.complete);
          num('rates', rate.waveId, null, null, 'r', rate.complete + rate.partial);
        }
        for (const row of rate.units as any[]) {
          const members = row.unitIds as number[];
          if (row.hidden) hid('rates', rate.waveId, members, null, 'count', null);
          else {
            num('rates', rate.waveId, members, null, 'c', row.complete);
            num('rates', rate.waveId, members, null, 'r', row.complete + row.partial);
          }
        }
      }
      const tables = [...(report.behaviours as any[]).flatMap((b) => [b.adoption, ...b.diagnostics]), ...(report.customItems as any[])].filter(Boolean);
      for (const table of tables) {
        for (const o of table.overall as any[]) {
          if (!o.measured) continue;
          if (o.hidden) hid('report', o.waveId, null, table.key, 'cell', null);
          else {
            num('report', o.waveId, null, table.key, 'x', o.x);
            num('report', o.waveId, null, table.key, 'n', o.n);
            num('report', o.waveId, null, table.key, 'd', o.dontKnow);
          }
        }
        for (const row of table.units as any[]) {
          for (const cell of row.cells as any[]) {
            // A row is a unit, or a reporting group (its members as frozen in the waves it was a group in).
            const members = row.unitIds as number[];
            if (cell.hidden) hid('report', cell.waveId, members, table.key, 'cell', cell.hiddenReason);
            else {
              num('report', cell.waveId, members, table.key, 'x', cell.x);
              num('report', cell.waveId, members, table.key, 'n', cell.n);
              num('report', cell.waveId, members, table.key, 'd', cell.dontKnow);
            }
          }
        }
      }
      for (const b of report.behaviours as any[]) {
        // The change repeats the two totals' n; recorded so that it is checked like them.
        if (b.change) {
          num('change', b.change.fromWaveId, null, b.adoption.key, 'n', b.change.nBefore);
          num('change', b.change.toWaveId, null, b.adoption.key, 'n', b.change.nAfter);
        }
      }

      const shownComments = every ? ok(await client.get(`/api/projects/${project.id}/comments`), 'comments').comments : { waves: [] };
      for (const w of shownComments.waves as any[]) {
        if (w.respondents !== null) num('comments', w.waveId, null, null, 'r', w.respondents);
        if (w.shown) {
          const list = comments.get(String(w.waveId)) ?? [];
          list.push({ step, role, text: JSON.stringify(w.questions.map((q: any) => [q.key, q.comments])) });
          comments.set(String(w.waveId), list);
        }
      }

      if (role === 'admin') {
        // Links of the running wave every time; of every opened wave at the full polls.
        for (const w of waves.filter((x) => x.status !== 'draft' && (full || x.status === 'open'))) {
          const links = ok(await client.get(`/api/waves/${w.id}/links`), 'links').links as any[];
          for (const l of links) {
            if (l.group) {
              // A grouped unit shows its group's count: once per group, over the group's members in this wave.
              if (links.find((x) => x.group?.name === l.group.name) !== l) continue;
              const members = links.filter((x) => x.group?.name === l.group.name).map((x) => x.unitId as number);
              if (l.group.responses === null) hid('links', w.id, members, null, 'count', null);
              else num('links', w.id, members, null, 'r', l.group.responses);
              continue;
            }
            if (l.responses === null) hid('links', w.id, [l.unitId], null, 'count', null);
            else num('links', w.id, [l.unitId], null, 'r', l.responses);
          }
        }
      }
    }
    step++;
  };

  for (const [w, wp] of plan.waves.entries()) {
    if (group && plan.group?.ungroupBefore === w) ok(await admin.del(`/api/projects/${project.id}/reporting-groups/${group.id}`), 'ungroup');
    const wave = ok(await admin.post(`/api/projects/${project.id}/waves`, { name: `Måling ${w + 1}`, phase: wp.phase }), 'wave').wave;
    waveIds.push(wave.id);
    ok(await admin.post(`/api/waves/${wave.id}/open`), 'open');
    const links = ok(await admin.get(`/api/waves/${wave.id}/links`), 'links').links as { unitId: number; token: string }[];
    waveUnits.set(wave.id, links.map((l) => l.unitId));
    const itemMap = ok(await admin.get(`/api/projects/${project.id}/survey/preview?phase=${wp.phase}`), 'preview').itemMap;
    itemsOfWave.set(wave.id, itemMap.items);
    if (wp.liveFrom === 0) ok(await admin.patch(`/api/waves/${wave.id}`, { liveResults: true }), 'live');
    await poll(true);
    for (let i = 0; i < wp.responses; i++) {
      // Live results are decided before answers arrive: switching them on later is refused, and the wave runs without.
      if (wp.liveFrom !== null && wp.liveFrom > 0 && i === wp.liveFrom) {
        const res = await admin.patch(`/api/waves/${wave.id}`, { liveResults: true });
        if (res.status !== 409 || res.body?.error?.code !== 'live_results_locked') throw new Error(`live after answers: ${res.status} ${JSON.stringify(res.body)}`);
      }
      const counts = new Map<number, number>();
      for (const t of truths) if (t.wave === wave.id) counts.set(t.unit, (counts.get(t.unit) ?? 0) + 1);
      const open = plan.units.map((u, j) => ({ u, id: unitIds[j] })).filter(({ id }) => (counts.get(id) ?? 0) < headcount.get(id)!);
      if (!open.length) break;
      let r = rng() * open.reduce((s, o) => s + o.u.weight, 0);
      const chosen = open.find((o) => (r -= o.u.weight) < 0) ?? open[open.length - 1];
      const { data, values, complete, comment } = answersOf(rng, itemMap.items, chosen.u, rng() < plan.partialRate);
      const submissionId = randomUUID();
      const token = links.find((l) => l.unitId === chosen.id)!.token;
      ok(await admin.post(`/api/s/${token}/responses`, { submissionId, answers: data, locale: 'da' }), 'submit');
      truths.push({ wave: wave.id, unit: chosen.id, submissionId, complete, values, comment });
      await poll();
    }
    ok(await admin.post(`/api/waves/${wave.id}/close`), 'close');
    await poll(true);
  }
  const released = new Set((await db.select({ s: responses.submissionId, r: responses.releasedIn }).from(responses)).filter((r) => r.r !== null).map((r) => r.s));
  return { plan, weaken, numbers, hiddens, comments, waveStates, epochs, waveIds, waveUnits, itemsOfWave, truths, released, headcount, lastStep: step - 1 };
}
let managerHashPromise: Promise<string> | undefined;

/** One respondent's SurveyJS answers, and what they mean for the audit. */
function answersOf(rng: Rng, items: ItemMapEntry[], unit: UnitPlan, partial: boolean) {
  const data: Record<string, any> = {};
  const values = new Map<string, number>();
  let comment: string | null = null;
  const set = (item: ItemMapEntry, value: unknown) => {
    if (item.row) (data[item.question] ??= {})[item.row] = value;
    else data[item.question] = value;
  };
  for (const item of items) {
    if (partial && !item.required && rng() < 0.5) continue;
    if (item.type === 'scale') {
      const allowed = (item.values ?? [1, 2, 3, 4, 5]).map(Number);
      const substantive = allowed.filter((v) => v !== 0);
      const favourable = substantive.filter((v) => (item.favourable ?? []).map(Number).includes(v));
      const other = substantive.filter((v) => !favourable.includes(v));
      const value = allowed.includes(0) && rng() < unit.dontKnow ? 0 : favourable.length && (rng() < unit.favourable || !other.length) ? pick(rng, favourable) : pick(rng, other);
      set(item, value);
      values.set(item.key, value);
    } else if (item.type === 'choice') {
      const value = Number(pick(rng, (item.values ?? []).filter((v) => Number(v) !== 0)));
      set(item, value);
      values.set(item.key, value);
    } else if (item.type === 'text' && rng() < 0.3) {
      comment = `Kommentar ${Math.floor(rng() * 1e6)}`;
      set(item, comment);
    }
  }
  const complete = items.filter((i) => i.type === 'scale').every((i) => values.has(i.key));
  return { data, values, complete, comment };
}

// ─── the model and the audit ────────────────────────────────────────────────────────────────────────────

type Run = Awaited<ReturnType<typeof run>>;
const isReported = (i: ItemMapEntry) => (i.type === 'scale' && i.behaviourId !== undefined) || (i.construct === 'custom' && (i.type === 'scale' || i.type === 'choice') && !!i.favourable?.length);

/** Builds the model from everything seen and checks the criterion. */
function audit(data: Run): { leaks: Leak[]; variables: number; constraints: number } {
  const { plan, weaken, numbers, hiddens, waveStates, epochs, waveIds, waveUnits, itemsOfWave, truths, released, headcount, lastStep } = data;
  const substantive = weaken.substantiveCount ?? true;
  const releasesOverTime = weaken.releasesOverTime ?? true;
  const leaks: Leak[] = [];
  const leak = (rule: Leak['rule'], wave: number, units: number[] | null, cell: string, detail: string, step?: number) => leaks.push({ seed: plan.seed, rule, wave, units, cell, detail, step });
  const whereOf = (w: number, units: number[] | null) => `w${w},${units === null ? 'total' : units.map((u) => `u${u}`).join('+')}`;
  const m = new IntervalModel();
  const items = new Map(waveIds.map((w) => [w, itemsOfWave.get(w)!.filter(isReported)]));
  const H = (u: number) => headcount.get(u)!;

  // r(u,e), c(u,e) per wave.
  const rVar = new Map<string, VarId>();
  const cVar = new Map<string, VarId>();
  for (const w of waveIds) {
    const m_w = truths.filter((t) => t.wave === w).length;
    for (let e = 0; e <= m_w; e++) {
      for (const u of waveUnits.get(w)!) {
        const r = m.addVar(`r(w${w},u${u},e${e})`, 0, e === 0 ? 0 : Math.min(H(u), e));
        const c = m.addVar(`c(w${w},u${u},e${e})`, 0, e === 0 ? 0 : Math.min(H(u), e));
        rVar.set(`${w}|${u}|${e}`, r);
        cVar.set(`${w}|${u}|${e}`, c);
        m.le([[1, c], [-1, r]], 0, 'complete ≤ respondents');
        if (e > 0) {
          const r0 = rVar.get(`${w}|${u}|${e - 1}`)!, c0 = cVar.get(`${w}|${u}|${e - 1}`)!;
          m.le([[1, r0], [-1, r]], 0, 'respondents grow');
          m.le([[1, c0], [-1, c]], 0, 'complete grow');
          m.le([[1, c], [-1, c0], [-1, r], [1, r0]], 0, 'complete grow at most as respondents');
        }
      }
      m.eq(waveUnits.get(w)!.map((u) => [1, rVar.get(`${w}|${u}|${e}`)!] as const), e, 'one response per poll');
    }
  }

  // Which basis the shown results of wave w rest on at a step, per the policy being attacked: the released
  // live snapshot j (`rel@j`, j = the releases so far; rel@0 is nobody), or all responses up to epoch e.
  const basisAt = (w: number, s: number): string => {
    const state = waveStates.get(s)!.get(w)!;
    const e = epochs.get(w)![s];
    if (!releasesOverTime) return `all@${e}`;
    if (state.status === 'open') return `rel@${state.releases}`;
    return state.releases > 0 ? `rel@${state.releases}` : `all@${e}`;
  };
  /** The steps at which wave w exists, in order. */
  const stepsOf = (w: number) => Array.from({ length: lastStep + 1 }, (_, s) => s).filter((s) => waveStates.get(s)?.get(w));
  /** Release j takes every response not yet released, so it holds the first e* responses of the wave, e* between
   *  the epoch of the last poll that saw fewer than j releases and that of the first poll that saw j. */
  const releaseWindow = (w: number, j: number): [number, number] => {
    const steps = stepsOf(w);
    const first = steps.find((s) => waveStates.get(s)!.get(w)!.releases >= j)!;
    const before = steps.filter((s) => s < first && waveStates.get(s)!.get(w)!.releases < j);
    return [before.length ? epochs.get(w)![before[before.length - 1]] : 0, epochs.get(w)![first]];
  };
  type Cell = { x: VarId; y: VarId; d: VarId; n: VarId; a: VarId };
  /** A basis: its respondents and complete respondents per unit, and its item cells per unit and item. */
  type Basis = { id: string; firstStep: number; resp: Map<number, { r: VarId; c: VarId }>; cells: Map<string, Cell> };
  const bases = new Map<number, Basis[]>();
  const basisOf = (w: number, s: number): Basis => {
    const id = basisAt(w, s);
    const list = bases.get(w) ?? bases.set(w, []).get(w)!;
    const found = list.find((x) => x.id === id);
    if (found) return found;
    const b: Basis = { id, firstStep: s, resp: new Map(), cells: new Map() };
    const prev = list[list.length - 1];
    const j = id.startsWith('rel@') ? Number(id.slice(4)) : null;
    const [e0, e1] = j === null ? [epochs.get(w)![s], epochs.get(w)![s]] : j === 0 ? [0, 0] : releaseWindow(w, j);
    for (const u of waveUnits.get(w)!) {
      const [r0, c0, r1, c1] = [rVar.get(`${w}|${u}|${e0}`)!, cVar.get(`${w}|${u}|${e0}`)!, rVar.get(`${w}|${u}|${e1}`)!, cVar.get(`${w}|${u}|${e1}`)!];
      let resp = { r: r0, c: c0 };
      if (e0 !== e1) {
        // Between the two polls' counts: the responses are the first e* of the wave, e0 ≤ e* ≤ e1.
        const name = `(w${w},u${u},${id})`;
        resp = { r: m.addVar(`r${name}`, 0, H(u)), c: m.addVar(`c${name}`, 0, H(u)) };
        m.le([[1, resp.c], [-1, resp.r]], 0, 'complete ≤ respondents');
        m.le([[1, r0], [-1, resp.r]], 0, 'released after the last poll before');
        m.le([[1, resp.r], [-1, r1]], 0, 'released before the first poll after');
        m.le([[1, c0], [-1, resp.c]], 0, 'released complete after the last poll before');
        m.le([[1, resp.c], [-1, c1]], 0, 'released complete before the first poll after');
        m.le([[1, r0], [-1, c0], [-1, resp.r], [1, resp.c]], 0, 'released partial after the last poll before');
        m.le([[1, resp.r], [-1, resp.c], [-1, r1], [1, c1]], 0, 'released partial before the first poll after');
      }
      b.resp.set(u, resp);
      if (prev) {
        // Released sets only grow (and all responses up to e grow with e).
        const p = prev.resp.get(u)!;
        m.le([[1, p.r], [-1, resp.r]], 0, 'basis respondents grow');
        m.le([[1, p.c], [-1, resp.c]], 0, 'basis complete grow');
        m.le([[1, resp.c], [-1, p.c], [-1, resp.r], [1, p.r]], 0, 'basis complete grow at most as respondents');
      }
      for (const item of items.get(w)!) {
        const name = `(w${w},u${u},${item.key},${id})`;
        const hi = H(u);
        const cell: Cell = { x: m.addVar(`x${name}`, 0, hi), y: m.addVar(`y${name}`, 0, hi), d: m.addVar(`d${name}`, 0, hi), n: m.addVar(`n${name}`, 0, hi), a: m.addVar(`a${name}`, 0, hi) };
        m.eq([[1, cell.n], [-1, cell.x], [-1, cell.y]], 0, 'n = x + y');
        m.eq([[1, cell.a], [-1, cell.n], [-1, cell.d]], 0, 'a = n + d');
        m.le([[1, cell.a], [-1, resp.r]], 0, 'answered ≤ respondents');
        // A complete response answered every scale item.
        if (item.type === 'scale') m.le([[1, resp.c], [-1, cell.a]], 0, 'complete ≤ answered');
        if (prev) {
          const p = prev.cells.get(`${u}|${item.key}`)!;
          for (const f of ['x', 'y', 'd'] as const) m.le([[1, p[f]], [-1, cell[f]]], 0, `${f} grows`);
          // The answers added come from the respondents added.
          const pr = prev.resp.get(u)!;
          m.le([[1, cell.a], [-1, p.a], [-1, resp.r], [1, pr.r]], 0, 'new answers ≤ new respondents');
          if (item.type === 'scale') m.le([[1, resp.c], [-1, pr.c], [-1, cell.a], [1, p.a]], 0, 'new complete ≤ new answers');
        }
        b.cells.set(`${u}|${item.key}`, cell);
      }
    }
    // Release j holds the first e* responses of the wave.
    if (e0 !== e1) m.le(waveUnits.get(w)!.map((u) => [1, b.resp.get(u)!.r] as const), e1, 'released ≤ the responses by the first poll after');
    if (e0 !== e1) m.ge(waveUnits.get(w)!.map((u) => [1, b.resp.get(u)!.r] as const), e0, 'released ≥ the responses by the last poll before');
    list.push(b);
    return b;
  };
  const basisCells = (w: number, s: number) => basisOf(w, s).cells;
  const state = (w: number, s: number) => waveStates.get(s)!.get(w)!;
  // Every basis in the order the polls saw them, so that "grows" links each to the one before.
  for (let s = 0; s <= lastStep; s++) for (const w of waveIds) if (waveStates.get(s)?.get(w) && state(w, s).status !== 'draft') basisOf(w, s);

  const itemFields = new Set<Field>(['x', 'n', 'd']);
  for (const o of numbers) {
    const w = o.wave;
    const e = epochs.get(w)![o.step];
    const label = `${o.role} ${o.source} step ${o.step}: ${o.field}(${whereOf(w, o.units)}${o.item ? `,${o.item}` : ''}) = ${o.value}`;
    if (state(w, o.step).status === 'draft') {
      if (o.value !== 0) leak('C0', w, o.units, label, 'a number about a draft wave');
      continue;
    }
    if (itemFields.has(o.field)) {
      const cells = basisCells(w, o.step);
      const units = o.units ?? waveUnits.get(w)!;
      const of = (u: number) => cells.get(`${u}|${o.item}`);
      if (units.some((u) => !of(u))) throw new Error(`${label}: item not in the wave's survey`);
      m.eq(units.map((u) => [1, of(u)![o.field as 'x' | 'n' | 'd']] as const), o.value, label);
      if (o.field === 'n' && o.value > 0 && o.value < K) leak('C0', w, o.units, label, `a shown count of ${o.value} substantive answers (< k = ${K})`);
    } else {
      const units = o.units ?? waveUnits.get(w)!;
      // The waves list counts every response (but only the released ones while a wave with live results, or with
      // releases, runs); the response rates, the links list and the comments count the respondents of the basis.
      const basis = basisOf(w, o.step);
      const st = state(w, o.step);
      const everyResponse = o.source === 'waves' && !(st.status === 'open' && (st.liveResults || st.releases > 0) && releasesOverTime);
      const terms: Term[] = units.map((u) => [1, everyResponse ? (o.field === 'r' ? rVar : cVar).get(`${w}|${u}|${e}`)! : basis.resp.get(u)![o.field as 'r' | 'c']]);
      m.eq(terms, o.value, label);
      if (o.field === 'r' && o.units !== null && o.value > 0 && o.value < K) leak('C0', w, o.units, label, `a shown respondent count of ${o.value} (< k = ${K})`);
    }
  }
  for (const h of hiddens) {
    if (h.what !== 'cell' || h.reason === null || h.reason === 'protected' || h.units === null) continue;
    const cells = basisCells(h.wave, h.step);
    const of = (f: 'n' | 'a') => h.units!.map((u) => [1, cells.get(`${u}|${h.item}`)![f]] as const);
    const est = of(substantive ? 'n' : 'a');
    const label = `${h.role} ${h.source} step ${h.step}: cell (${whereOf(h.wave, h.units)},${h.item}) hidden as ${h.reason}`;
    if (h.reason === 'too_few') m.le(est, K - 1, label);
    else if (h.reason === 'protects_other_group') {
      m.ge(est, K, label);
      m.ge(of('a'), 1, label);
    }
  }
  m.propagate();
  if (process.env.ATTACKER_DEBUG === String(plan.seed)) {
    for (const w of waveIds) {
      const fs = waveStates.get(lastStep)!.get(w)!;
      const rows = waveUnits.get(w)!.map((u) => {
        const obs = numbers.filter((o) => o.step === lastStep && o.role === 'admin' && o.wave === w && o.units?.includes(u) && o.field === 'r').map((o) => `${o.source}${o.units!.length > 1 ? `(${whereOf(w, o.units)})` : ''}=${o.value}`);
        const tr = truths.filter((t) => t.wave === w && t.unit === u);
        return `u${u} H=${H(u)} true r=${tr.length} released=${tr.filter((t) => released.has(t.submissionId)).length} shown: ${obs.join(' ') || 'hidden'}`;
      });
      const tot = numbers.filter((o) => o.step === lastStep && o.role === 'admin' && o.wave === w && o.units === null && o.field === 'r').map((o) => `${o.source}=${o.value}`);
      console.log(`wave ${w} releases=${fs.releases} live=${fs.liveResults} total: ${tot.join(' ')}\n  ${rows.join('\n  ')}`);
      // The wave's response-rate total over time (complete/respondents), with its state at each poll.
      const history = stepsOf(w).map((s) => {
        const at = (f: Field) => numbers.find((o) => o.step === s && o.role === 'admin' && o.source === 'rates' && o.wave === w && o.units === null && o.field === f)?.value;
        const st = state(w, s);
        return `${s}:e${epochs.get(w)![s]} ${st.status}${st.liveResults ? ' live' : ''} rel${st.releases} ${at('r') === undefined ? 'hidden' : `${at('c')}/${at('r')}`}`;
      });
      console.log(`  rates total: ${history.join(', ')}`);
    }
  }

  // True values, for the exceptions of the criterion and to check that the model never excludes the truth.
  const finalStates = waveStates.get(lastStep)!;
  const inBasis = (t: Truth) => finalStates.get(t.wave)!.releases > 0 && releasesOverTime ? released.has(t.submissionId) : true;
  const trueCell = (w: number, units: number[], key: string) => {
    const item = items.get(w)!.find((i) => i.key === key)!;
    const fav = new Set((item.favourable ?? []).map(Number));
    let x = 0, y = 0, d = 0;
    for (const t of truths) {
      if (t.wave !== w || !units.includes(t.unit) || !inBasis(t) || !t.values.has(key)) continue;
      const v = t.values.get(key)!;
      if (item.type === 'scale' && v === 0) d++;
      else if (fav.has(v)) x++;
      else y++;
    }
    return { x, y, d, n: x + y, a: x + y + d };
  };
  const trueCount = (w: number, units: number[]) => {
    const ts = truths.filter((t) => t.wave === w && units.includes(t.unit) && inBasis(t));
    return { r: ts.length, c: ts.filter((t) => t.complete).length };
  };

  /** Bounds of a sum of variables, as a variable of its own so the interval is exact for the model. */
  const sumVar = (name: string, vars: VarId[], hi: number) => {
    if (vars.length === 1) return vars[0];
    const v = m.addVar(name, 0, hi);
    m.eq([[1, v], ...vars.map((x) => [-1, x] as const)], 0, name);
    return v;
  };
  const audited: { name: string; v: VarId; truth: number; prior: number }[] = [];
  const passes = (v: VarId, prior: number) => {
    const [lo, hi] = m.bounds(v);
    return hi - lo + 1 >= K || (lo === 0 && hi >= prior);
  };
  /** C1 for one count; `zeroOk` says whether a pinned true 0 is "nobody answered" (see the criterion). */
  const c1 = (v: VarId, truth: number, prior: number, zeroOk: () => boolean) => {
    const [lo, hi] = m.bounds(v);
    // A count of k or more hidden only to protect another needs no interval of its own (its narrowing matters
    // only as far as it narrows the small one, which is checked itself).
    return truth >= K || passes(v, prior) || (lo === 0 && hi === 0 && truth === 0 && zeroOk());
  };
  const checkCount = (at: [number, number[] | null], name: string, v: VarId, truth: number, prior: number, zeroOk: () => boolean = () => true) => {
    audited.push({ name, v, truth, prior });
    return () => {
      if (c1(v, truth, prior, zeroOk)) return;
      const [lo, hi] = m.bounds(v);
      leak('C1', at[0], at[1], name, `interval [${lo}, ${hi}] (true ${truth}, public range [0, ${prior}]): fewer than k = ${K} possible values`);
    };
  };
  const checks: (() => unknown)[] = [];
  const hiddenAtEnd = hiddens.filter((h) => h.step === lastStep);
  const seen = new Set<string>();
  for (const h of hiddenAtEnd) {
    const key = `${h.what}|${h.wave}|${h.units?.join('+')}|${h.item}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const w = h.wave;
    const units = h.units ?? waveUnits.get(w)!;
    const prior = units.reduce((s, u) => s + H(u), 0);
    const where = whereOf(w, h.units);
    if (h.what === 'count') {
      // A hidden count is one of the basis (the responses the wave's results rest on).
      const resp = basisOf(w, lastStep).resp;
      const t = trueCount(w, units);
      const r = sumVar(`r(${where})`, units.map((u) => resp.get(u)!.r), prior);
      const c = sumVar(`c(${where})`, units.map((u) => resp.get(u)!.c), prior);
      checks.push(checkCount([w, h.units], `respondents (${where})`, r, t.r, prior));
      checks.push(checkCount([w, h.units], `complete (${where})`, c, t.c, prior, () => c1(r, t.r, prior, () => true)));
      continue;
    }
    const cells = basisCells(w, lastStep);
    const of = (f: keyof Cell) => sumVar(`${f}(${where},${h.item})`, units.map((u) => cells.get(`${u}|${h.item}`)![f]), prior);
    const [x, y, n, a] = [of('x'), of('y'), of('n'), of('a')];
    const t = trueCell(w, units, h.item!);
    const cellName = `cell (${where},${h.item})`;
    checks.push(checkCount([w, h.units], `answered ${cellName}`, a, t.a, prior));
    checks.push(checkCount([w, h.units], `substantive ${cellName}`, n, t.n, prior, () => c1(a, t.a, prior, () => true)));
    audited.push({ name: `favourable ${cellName}`, v: x, truth: t.x, prior }, { name: `unfavourable ${cellName}`, v: y, truth: t.y, prior });
    checks.push(() => {
      if (t.n === 0 || c1(n, t.n, prior, () => true)) return;
      const [xl, xh] = m.bounds(x);
      const [yl, yh] = m.bounds(y);
      if (xl === 0 && xh === 0) leak('C2', w, h.units, cellName, `favourable pinned to 0 of n ∈ [${m.bounds(n).join(', ')}] (true n ${t.n})`);
      if (yl === 0 && yh === 0) leak('C2', w, h.units, cellName, `favourable pinned to all of n ∈ [${m.bounds(n).join(', ')}] (true n ${t.n})`);
    });
  }
  // Every unit's final basis counts too, so that a wrong release window shows as a wrong model.
  for (const w of waveIds) {
    for (const [u, resp] of basisOf(w, lastStep).resp) {
      const t = trueCount(w, [u]);
      audited.push({ name: `basis respondents (${whereOf(w, [u])})`, v: resp.r, truth: t.r, prior: H(u) }, { name: `basis complete (${whereOf(w, [u])})`, v: resp.c, truth: t.c, prior: H(u) });
    }
  }
  // The sums added above need one more pass.
  m.propagate();
  for (const { name, v, truth } of audited) {
    const [lo, hi] = m.bounds(v);
    if (truth < lo || truth > hi) throw new Error(`seed ${plan.seed}: the model is wrong, not the server: ${name} is ${truth}, outside [${lo}, ${hi}]`);
  }
  for (const check of checks) check();

  // C3: consecutive different values of one aggregate differ by at least k.
  const series = new Map<string, { wave: number; units: number[] | null; values: { step: number; value: number; source: string }[] }>();
  const answeredOf = new Map<string, number>();
  for (const o of numbers) {
    if (o.source === 'change') continue;
    const base = `${o.wave}|${o.units?.join('+')}|${o.item}|${o.step}|${o.role}|${o.source}`;
    if (o.field === 'n' || o.field === 'd') answeredOf.set(`${base}|${o.field}`, o.value);
    const keyed = (field: string, value: number) => {
      const k = `${field}(${whereOf(o.wave, o.units)}${o.item ? `,${o.item}` : ''})`;
      const list = (series.get(k) ?? series.set(k, { wave: o.wave, units: o.units, values: [] }).get(k)!).values;
      if (!list.length || list[list.length - 1].step !== o.step) list.push({ step: o.step, value, source: `${o.role} ${o.source}` });
    };
    if (o.field === 'n') keyed('substantive', o.value);
    if (o.field === 'd') keyed('answered', (answeredOf.get(`${base}|n`) ?? 0) + o.value);
    if (o.field === 'r' && o.units !== null) keyed('respondents', o.value);
    if (o.field === 'c') keyed('complete', o.value);
  }
  for (const [k, { wave, units, values: list }] of series) {
    for (let i = 1; i < list.length; i++) {
      const delta = list[i].value - list[i - 1].value;
      if (delta !== 0 && Math.abs(delta) < K) {
        leak('C3', wave, units, k, `${list[i - 1].value} at step ${list[i - 1].step} → ${list[i].value} at step ${list[i].step} (${list[i].source}): a difference of ${delta} answers`, list[i].step);
        break;
      }
    }
  }
  for (const [w, list] of data.comments) {
    const changed = list.findIndex((c, i) => i > 0 && c.text !== list[i - 1].text);
    if (changed > 0) leak('C3', Number(w), null, `comments (w${w})`, `the shown comments changed between step ${list[changed - 1].step} and ${list[changed].step}`);
  }
  return { leaks, variables: m.size, constraints: m.constraintCount };
}

// ─── known open leaks ───────────────────────────────────────────────────────────────────────────────────
// Leaks the attacker finds in the server as it is, reported and not yet closed, would be listed here: a leak of
// these kinds would not fail the random projects.
// Kinds of leak known and still open, each recognised by its mechanism: none now. Closed, with their seeds kept as
// regression cases: the unreleased tail counted per unit (5), a hidden group near its headcounts (15), the live
// completeness of the wave total (1), zero rows beside a hidden group (44), a small complete total beside hidden
// cells (3), the complete count of a live release (31, 59).
const KNOWN_OPEN: Record<string, (leak: Leak, data: Run) => boolean> = {};
/** The audit's leaks, each with the known open kind it is of (undefined: a new leak). */
function classify(data: Run, leaks: Leak[]) {
  return leaks.map((leak) => ({ leak, kind: Object.entries(KNOWN_OPEN).find(([, isKind]) => isKind(leak, data))?.[0] }));
}

// ─── the tests ──────────────────────────────────────────────────────────────────────────────────────────

// Mixed (1, 3, 5, 31) and one-small-unit (7, 15) projects; 3, 7 and 31 have a reporting group that is dissolved
// before a later wave; 5 showed the unreleased tail and 15 the headcount bound (both closed, kept as regression
// cases); 3 shows the small complete total, 31 the complete count of a live release, 44 the zero rows.
// To search more seeds: ATTACKER_SEEDS='[1,2,…,40]' npx vitest run --project sqlite test/api/disclosureAttacker.test.ts
// (ATTACKER_EXPLORE=1 prints the kinds found per seed, ATTACKER_DEBUG=<seed> that seed's leaks and final counts).
const SEEDS: number[] = process.env.ATTACKER_SEEDS ? (JSON.parse(process.env.ATTACKER_SEEDS) as number[]) : [1, 3, 5, 7, 15, 31, 44];
const describeSqlite = testEngine === 'sqlite' ? describe : describe.skip;
const summary = (leaks: Leak[]) => leaks.slice(0, 12).map((l) => `seed ${l.seed} ${l.rule} ${l.cell}: ${l.detail}`).join('\n');

describeSqlite('the disclosure attacker', () => {
  it.each(SEEDS)('finds nothing to narrow in random project %i', async (seed) => {
    const data = await run(scenario(seed), {});
    const classified = classify(data, audit(data).leaks);
    if (process.env.ATTACKER_EXPLORE) console.log(`seed ${seed} (${scenario(seed).profile}, group ${JSON.stringify(scenario(seed).group)}, ${data.numbers.filter((o) => (o.units?.length ?? 0) > 1).length} group numbers): ${[...new Set(classified.map((c) => c.kind ?? 'NEW'))].join(', ') || 'nothing'}`);
    if (process.env.ATTACKER_DEBUG === String(seed)) for (const c of classified) console.log(`${c.kind ?? 'NEW'}: ${summary([c.leak])}`);
    const fresh = classified.filter((c) => !c.kind).map((c) => c.leak);
    expect(summary(fresh), `seed ${seed} leaks (${fresh.length}); scenario ${JSON.stringify(scenario(seed))}`).toBe('');
  });

  // With a rule switched off the attacker must find a leak of a kind not already known (so it can fail): on the
  // first seed listed, which shows it today, or else on any of the others.
  it.each([
    ['substantiveCount', 1],
    ['complementary', 7],
    ['releasesOverTime', 1],
    ['uniformReason', 4],
  ] as const)('finds the leak when the rule %s is switched off', async (rule, first) => {
    let found: Leak[] = [];
    for (const seed of new Set([first, ...SEEDS])) {
      const attack = async () => {
        const data = await run(scenario(seed), { [rule]: false });
        return classify(data, audit(data).leaks).filter((c) => !c.kind).map((c) => c.leak);
      };
      found = await attack().catch((e: Error) => {
        throw new Error(`seed ${seed} with ${rule} off: ${e.message}`);
      });
      if (process.env.ATTACKER_EXPLORE) console.log(`${rule} off, seed ${seed}: ${found.length} new leaks${found[0] ? `, e.g. ${summary([found[0]])}` : ''}`);
      if (found.length) break;
    }
    expect(found.length, `no leak found with ${rule} off`).toBeGreaterThan(0);
  });

});
