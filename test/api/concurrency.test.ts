// Rules that read and then write, under requests that arrive at the same time (Promise.all over app.request).
// On SQLite the transaction lock admits one writer at a time; on PostgreSQL the pool runs the requests on
// separate connections, so these tests show that serialize(), conditional updates, unique keys and the atomic
// rate-limit upsert keep each rule when two requests interleave.
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { responses, responseValues, surveyVersions, units, users, waveLinks, waves } from '../../db/schema';
import { createApp } from '../../server/app';
import { fixedClock } from '../../server/services/clock';
import { answersFor } from '../support/answers';
import { ADMIN, clientFor, expectError, testApp as newTestApp, type Db } from '../support/api';

type Answer = { status: number; body: any };

// Each test app's pool is closed after its test: warmPool() below opens all 4 of its PostgreSQL connections.
const opened: Db[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

async function testApp() {
  const t = await newTestApp();
  opened.push(t.db);
  return t;
}

/** How often a race whose outcome depends on timing is run; a broken rule shows in the first round nearly always. */
const ROUNDS = 5;

/** The statuses of a batch of answers, sorted, so the order in which they finished does not matter. */
const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort((a, b) => a - b);

/** No 500 in a batch; the failing answer's body is in the message. */
function expectNoServerError(answers: Answer[]) {
  for (const a of answers) if (a.status >= 500) throw new Error(`server error under concurrency: ${a.status} ${JSON.stringify(a.body)}`);
}

/**
 * Opens the PostgreSQL pool's connections (4 per test app) before a race, so no request of the race waits for a
 * new connection while its rival runs a whole transaction: "at the same time" means both are past their login
 * check before either writes. Harmless on SQLite.
 */
async function warmPool(t: Awaited<ReturnType<typeof testApp>>) {
  await Promise.all(Array.from({ length: 4 }, () => t.db.select({ id: users.id }).from(users)));
}

/** The seeded admin logged in, plus a second admin created through the API and logged in with its own cookie jar. */
async function twoAdmins() {
  const t = await testApp();
  await t.login();
  const created = await t.post('/api/users', { email: 'admin2@test.dk', name: 'Anden admin', role: 'admin', password: 'second-admin-pass' });
  expect(created.status).toBe(201);
  const second = clientFor(t.app);
  await second.login({ email: 'admin2@test.dk', password: 'second-admin-pass' });
  // Each has the account list open, as on the page: an edit sends the version it read.
  await Promise.all([t.get('/api/users'), second.get('/api/users')]);
  const [{ id: firstId }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN.email)).limit(1);
  await warmPool(t);
  return { t, first: t, second, firstId, secondId: created.body.user.id as number };
}

const adminIds = async (t: Awaited<ReturnType<typeof testApp>>) =>
  (await t.db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'))).map((u) => u.id);

/** A project with one unit rolled out and one behaviour, so its survey has questions. */
async function project() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Digital overlevering', purpose: 'Mere tid til kerneopgaven' })).body.project;
  const unit = (await t.post('/api/units', { name: 'Plejecenter A', headcount: 40 })).body.unit;
  expect((await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' })).status).toBe(200);
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser selv beboerens status i systemet', oldBehaviour: 'Lytter til fælles oplæsning' })).body
    .behaviour;
  await warmPool(t);
  return { ...t, project, unit, behaviour };
}

const versionsOf = async (t: Awaited<ReturnType<typeof project>>) =>
  t.db.select().from(surveyVersions).where(eq(surveyVersions.projectId, t.project.id));

type TwoAdmins = Awaited<ReturnType<typeof twoAdmins>>;
type AdminRace = TwoAdmins & { won: Answer; survivor: number; removed: number };

/**
 * Races the two admins' requests against each other, ROUNDS times on fresh accounts, and checks the rule every
 * round: no 500, one request wins with 200, exactly the winner is still an admin, and the loser answers 409
 * last_admin. One exception: if the loser's own account was already demoted or deleted before its request got
 * past the login check, it answers 403/401 — correctly, but such a round (rare) proves nothing about the guard,
 * so at least one round must end in 409.
 */
async function raceAdmins(send: (f: TwoAdmins) => Promise<[Answer, Answer]>, tooLate: 401 | 403, check: (r: AdminRace) => Promise<void>) {
  let decided = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const f = await twoAdmins();
    expect((await adminIds(f.t)).sort()).toEqual([f.firstId, f.secondId].sort());
    const [byFirst, bySecond] = await send(f);
    expectNoServerError([byFirst, bySecond]);
    const firstWon = byFirst.status === 200;
    const [won, lost] = firstWon ? [byFirst, bySecond] : [bySecond, byFirst];
    expect(won.status).toBe(200);
    const [survivor, removed] = firstWon ? [f.firstId, f.secondId] : [f.secondId, f.firstId];
    // At least one admin remains — exactly the one whose request won.
    expect(await adminIds(f.t)).toEqual([survivor]);
    await check({ ...f, won, survivor, removed });
    if (lost.status === tooLate) continue;
    expect(statuses([byFirst, bySecond])).toEqual([200, 409]);
    expectError(lost, 409, 'last_admin');
    decided++;
  }
  expect(decided, 'rounds in which both requests got past the login check').toBeGreaterThan(0);
}

describe('the last admin, under concurrent requests', () => {
  it('two admins demoting each other at once: one succeeds, the other gets 409 last_admin', async () => {
    await raceAdmins(
      ({ first, second, firstId, secondId }) => Promise.all([first.patch(`/api/users/${secondId}`, { role: 'manager' }), second.patch(`/api/users/${firstId}`, { role: 'manager' })]),
      403,
      async ({ t, won, survivor, removed }) => {
        expect(won.body.user).toMatchObject({ id: removed, role: 'manager' });
        const roles = Object.fromEntries((await t.db.select({ id: users.id, role: users.role }).from(users)).map((u) => [u.id, u.role]));
        expect(roles[survivor]).toBe('admin');
        expect(roles[removed]).toBe('manager');
      },
    );
  });

  it('two admins deleting each other at once: one succeeds, the other gets 409 last_admin', async () => {
    await raceAdmins(
      ({ first, second, firstId, secondId }) => Promise.all([first.del(`/api/users/${secondId}`), second.del(`/api/users/${firstId}`)]),
      401,
      async ({ t, won, survivor, removed }) => {
        expect(won.body).toEqual({ deleted: true });
        const left = (await t.db.select({ id: users.id }).from(users)).map((u) => u.id);
        expect(left).toContain(survivor);
        expect(left).not.toContain(removed);
      },
    );
  });
});

describe('opening a wave, under concurrent requests', () => {
  it('the same draft opened twice at once: one 200, one 409 wave_not_draft, and one survey version', async () => {
    // Each round on a new project, so that each open has to store the survey version.
    for (let round = 1; round <= ROUNDS; round++) {
      const t = await project();
      const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline' })).body.wave;
      expect(await versionsOf(t)).toHaveLength(0);
      const opens = await Promise.all([t.post(`/api/waves/${wave.id}/open`), t.post(`/api/waves/${wave.id}/open`)]);
      expectNoServerError(opens);
      expect(statuses(opens)).toEqual([200, 409]);
      const opened = opens.find((r) => r.status === 200)!;
      expectError(opens.find((r) => r.status === 409)!, 409, 'wave_not_draft');
      const versions = await versionsOf(t);
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ number: 1, phase: 'baseline' });
      expect(opened.body.wave).toMatchObject({ id: wave.id, status: 'open', surveyVersionId: versions[0].id });
      const [stored] = await t.db.select().from(waves).where(eq(waves.id, wave.id));
      expect(stored).toMatchObject({ status: 'open', surveyVersionId: versions[0].id });
      const links = await t.db.select().from(waveLinks).where(eq(waveLinks.waveId, wave.id));
      expect(links.map((l) => l.headcountAtOpen)).toEqual([40]);
    }
  });
});

describe('survey version numbers, under concurrent requests', () => {
  it('new versions for baseline and followup at once get distinct, consecutive numbers, and no 500', async () => {
    const t = await project();
    const v1 = await t.post(`/api/projects/${t.project.id}/survey-versions`, { phase: 'baseline' });
    expect(v1.status).toBe(201);
    expect(v1.body.version.number).toBe(1);
    for (let round = 1; round <= ROUNDS; round++) {
      // A changed spec makes both phases differ from anything stored, so each phase below must store a version.
      const saved = await t.put(`/api/projects/${t.project.id}/survey/spec`, {
        spec: {
          behaviours: [{ behaviourId: t.behaviour.id, constructs: ['adoption', 'capability', 'opportunity', 'motivation'] }],
          customItems: [{ kind: 'rating', id: 'tryg', scale: 'agreement5', favourable: [4, 5], text: { da: `Jeg føler mig tryg (${round})`, en: `I feel safe (${round})` } }],
        },
      });
      expect(saved.status).toBe(200);
      const phases = ['baseline', 'followup', 'baseline', 'followup'] as const;
      const created = await Promise.all(phases.map((phase) => t.post(`/api/projects/${t.project.id}/survey-versions`, { phase })));
      expectNoServerError(created);
      expect(statuses(created)).toEqual([201, 201, 201, 201]);
      expect(created.map((r, i) => r.body.version.phase === phases[i]).every(Boolean)).toBe(true);
      // The same phase twice stores one version: the later request finds the earlier one's and returns it.
      const idsOf = (phase: string) => new Set(created.filter((_, i) => phases[i] === phase).map((r) => r.body.version.id));
      expect(idsOf('baseline').size).toBe(1);
      expect(idsOf('followup').size).toBe(1);
      const numbers = [...new Set(created.map((r) => r.body.version.number as number))].sort((x, y) => x - y);
      expect(numbers).toEqual([2 * round, 2 * round + 1]);
    }
    const stored = (await versionsOf(t)).map((v) => v.number).sort((x, y) => x - y);
    expect(stored).toEqual(Array.from({ length: 2 * ROUNDS + 1 }, (_, i) => i + 1));
    const listed = await t.get(`/api/projects/${t.project.id}/survey-versions`);
    expect(listed.body.versions.map((v: any) => v.number)).toEqual([...stored].reverse());
  });
});

describe('a retried submission, under concurrent requests', () => {
  it('the same submissionId posted 5 times at once is stored once: one 201, four 200 duplicate', async () => {
    const t = await project();
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline' })).body.wave;
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token as string;
    const { itemMap } = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body;
    const submissionId = randomUUID();
    const body = { submissionId, answers: answersFor(itemMap, () => 4), locale: 'da' };
    // A respondent's phone: no login.
    const staff = clientFor(t.app);
    const posts = await Promise.all(Array.from({ length: 5 }, () => staff.post(`/api/s/${token}/responses`, body)));
    expectNoServerError(posts);
    expect(statuses(posts)).toEqual([200, 200, 200, 200, 201]);
    const first = posts.find((r) => r.status === 201)!;
    expect(first.body).toEqual({ submissionId, duplicate: false });
    for (const retry of posts.filter((r) => r.status === 200)) expect(retry.body).toEqual({ submissionId, duplicate: true });
    const rows = await t.db.select().from(responses).where(eq(responses.submissionId, submissionId));
    expect(rows).toHaveLength(1);
    expect((await t.db.select({ n: count() }).from(responses))[0].n).toBe(1);
    // The item values were written once, for that one response.
    const [{ n: values }] = await t.db.select({ n: count() }).from(responseValues).where(eq(responseValues.responseId, rows[0].id));
    expect(values).toBeGreaterThan(0);
    expect((await t.db.select({ n: count() }).from(responseValues))[0].n).toBe(values);
  });
});

/** Follows parentId upwards from every unit; throws if a walk returns to a unit it has passed. */
async function expectNoCycle(t: Awaited<ReturnType<typeof testApp>>) {
  const parents = new Map((await t.db.select({ id: units.id, parentId: units.parentId }).from(units)).map((u) => [u.id, u.parentId]));
  for (const start of parents.keys()) {
    const seen = new Set<number>();
    for (let at: number | null | undefined = start; at != null; at = parents.get(at)) {
      if (seen.has(at)) throw new Error(`the unit tree has a cycle through unit ${at}: ${JSON.stringify([...parents])}`);
      seen.add(at);
    }
  }
  return parents;
}

describe('moving units, under concurrent requests', () => {
  it('A below B and B below A at once: one move succeeds, the other is refused 400 unit_cycle', async () => {
    const t = await testApp();
    await t.login();
    for (let round = 1; round <= ROUNDS; round++) {
      const a = (await t.post('/api/units', { name: `A${round}` })).body.unit;
      const b = (await t.post('/api/units', { name: `B${round}` })).body.unit;
      await warmPool(t);
      const moves = await Promise.all([t.patch(`/api/units/${a.id}`, { parentId: b.id }), t.patch(`/api/units/${b.id}`, { parentId: a.id })]);
      expectNoServerError(moves);
      expect(statuses(moves)).toEqual([200, 400]);
      expectError(moves.find((r) => r.status === 400)!, 400, 'unit_cycle');
      const parents = await expectNoCycle(t);
      const aMoved = moves[0].status === 200;
      expect([parents.get(a.id), parents.get(b.id)]).toEqual(aMoved ? [b.id, null] : [null, a.id]);
    }
  });

  it('three moves that would close a triangle at once: two succeed, the third is refused', async () => {
    const t = await testApp();
    await t.login();
    for (let round = 1; round <= ROUNDS; round++) {
      const ids: number[] = [];
      for (const name of ['A', 'B', 'C']) ids.push((await t.post('/api/units', { name: `${name}${round}` })).body.unit.id);
      await warmPool(t);
      // A below B, B below C, C below A: any two are a chain, all three a cycle.
      const moves = await Promise.all(ids.map((id, i) => t.patch(`/api/units/${id}`, { parentId: ids[(i + 1) % 3] })));
      expectNoServerError(moves);
      expect(statuses(moves)).toEqual([200, 200, 400]);
      expectError(moves.find((r) => r.status === 400)!, 400, 'unit_cycle');
      const parents = await expectNoCycle(t);
      expect(ids.filter((id) => parents.get(id) === null)).toHaveLength(1);
    }
  });
});

describe('the login rate limit, under concurrent requests', () => {
  it('25 wrong passwords from one network at once: exactly 20 answered 401 and 5 answered 429; the account still logs in elsewhere', async () => {
    const t = await testApp();
    // Stopped clock: all attempts fall in one 15-minute window even if the test runs across a window boundary.
    const app = createApp({ db: t.db, config: { publicUrl: 'http://test.local' }, clock: fixedClock('2026-03-02T10:07:00Z'), loginDelay: async () => {} });
    const from = (ip: string) => ({ request: (p: string, i?: RequestInit) => app.request(p, i, { incoming: { socket: { remoteAddress: ip } } }) });
    const guessers = Array.from({ length: 25 }, () => clientFor(from('203.0.113.5')));
    await warmPool(t);
    const tries = await Promise.all(guessers.map((g, i) => g.post('/api/auth/login', { email: ADMIN.email, password: `guess-${i}` })));
    expectNoServerError(tries);
    expect(statuses(tries)).toEqual([...Array(20).fill(401), ...Array(5).fill(429)]);
    for (const r of tries) expectError(r, r.status, r.status === 401 ? 'invalid_credentials' : 'too_many_requests');
    // The guessing network waits; the account is not locked: its owner logs in from another network.
    expectError(await clientFor(from('203.0.113.5')).post('/api/auth/login', ADMIN), 429, 'too_many_requests');
    expect((await clientFor(from('198.51.100.2')).post('/api/auth/login', ADMIN)).status).toBe(200);
  });
});
