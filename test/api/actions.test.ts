// Action plans through the HTTP API: who may record actions for which unit (the unit's leader: admin, the project's
// editor, a manager scoped to the unit; a project-only manager reads, a unit outside scope is 404), what is refused
// with nothing stored, the overdue flag by the Copenhagen day on a fixed clock, a closed project's due dates, what a
// manager sees, and a stale edit.
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actions, auditLog, behaviours, users } from '../../db/schema';
import { hashPassword } from '../../server/auth/password';
import { createApp } from '../../server/app';
import type { Clock } from '../../server/services/clock';
import type { ItemMapEntry } from '../../surveys/types';
import { answersFor } from '../support/answers';
import { ADMIN, clientFor, expectError, projectWithUnits } from '../support/api';
import { openTestDb } from '../support/testDb';

// 23:30 UTC on 10 March is already 11 March in Copenhagen: an action due on 10 March is overdue there.
const NOW = '2027-03-10T23:30:00Z';

async function setUp() {
  const db = await openTestDb();
  await db.insert(users).values({ email: ADMIN.email, name: 'Admin', passwordHash: await hashPassword(ADMIN.password), role: 'admin' });
  const clock: Clock = { now: () => new Date(NOW) };
  const app = createApp({ db, clock, config: { publicUrl: 'http://test.local' } });
  const admin = clientFor(app);
  await admin.login();
  const project = (await admin.post('/api/projects', { name: 'Digital overlevering' })).body.project;
  const other = (await admin.post('/api/projects', { name: 'Andet projekt' })).body.project;
  const unit = async (name: string, projectId?: number) => {
    const u = (await admin.post('/api/units', { name, headcount: 20 })).body.unit;
    if (projectId) expect((await admin.put(`/api/projects/${projectId}/rollouts/${u.id}`, { goLiveDate: '2027-01-15' })).status).toBe(200);
    return u as { id: number };
  };
  const solhaven = await unit('Solhaven', project.id);
  const egely = await unit('Egely', project.id);
  const outside = await unit('Lindely');
  const behaviour = (await admin.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser selv status' })).body.behaviour;
  const foreign = (await admin.post(`/api/projects/${other.id}/behaviours`, { title: 'Andet' })).body.behaviour;
  const account = async (email: string, role: 'manager' | 'editor', scopes: { unitIds: number[]; projectIds: number[]; ledProjectIds?: number[] }) => {
    const password = 'actions-pass-1';
    const user = (await admin.post('/api/users', { email, name: email, role, password })).body.user;
    expect((await admin.put(`/api/users/${user.id}/scopes`, { ledProjectIds: [], ...scopes })).status).toBe(200);
    const client = clientFor(app);
    await client.login({ email, password });
    return client;
  };
  const solhavenLeader = await account('leder.solhaven@test.dk', 'manager', { unitIds: [solhaven.id], projectIds: [] });
  const projectManager = await account('projekt@test.dk', 'manager', { unitIds: [], projectIds: [project.id] });
  const editor = await account('editor@test.dk', 'editor', { unitIds: [], projectIds: [], ledProjectIds: [project.id] });
  const stored = async () => (await db.select({ n: count() }).from(actions))[0].n;
  const body = (over: Record<string, unknown> = {}) => ({ unitId: solhaven.id, behaviourId: behaviour.id, type: 'capability', title: 'Oplæring i at læse status', owner: 'Teamleder Anna', dueDate: '2027-04-01', ...over });
  return { db, admin, project, other, solhaven, egely, outside, behaviour, foreign, solhavenLeader, projectManager, editor, stored, body };
}

describe('recording actions', () => {
  it('lets each unit leader record actions for their units, and nobody else', async () => {
    const t = await setUp();
    const url = `/api/projects/${t.project.id}/actions`;
    const mine = await t.solhavenLeader.post(url, t.body());
    expect(mine.status).toBe(201);
    expect(mine.body.action).toMatchObject({ unitId: t.solhaven.id, behaviourId: t.behaviour.id, type: 'capability', status: 'planned', owner: 'Teamleder Anna', unitName: 'Solhaven', version: 1, overdue: false });
    // Another unit of the same project: as if it did not exist.
    expectError(await t.solhavenLeader.post(url, t.body({ unitId: t.egely.id })), 404);
    // A manager of the whole project reads it but leads no unit in it.
    expectError(await t.projectManager.post(url, t.body()), 403, 'forbidden');
    expectError(await t.projectManager.post(url, {}), 403, 'forbidden');
    expect((await t.editor.post(url, t.body({ unitId: t.egely.id, type: 'opportunity' }))).status).toBe(201);
    expect((await t.admin.post(url, t.body({ unitId: t.egely.id, type: 'motivation' }))).status).toBe(201);
    expect(await t.stored()).toBe(3);

    // Edits and deletes by id follow the action's unit.
    const egelyAction = (await t.admin.get(`${url}?unitId=${t.egely.id}`)).body.actions[0];
    expectError(await t.solhavenLeader.patch(`/api/actions/${egelyAction.id}`, { status: 'done', version: 1 }), 404);
    expectError(await t.solhavenLeader.del(`/api/actions/${egelyAction.id}`), 404);
    expectError(await t.projectManager.patch(`/api/actions/${mine.body.action.id}`, { status: 'done', version: 1 }), 403);
    expectError(await t.projectManager.del(`/api/actions/${mine.body.action.id}`), 403);
    expect(await t.stored()).toBe(3);
    const done = await t.solhavenLeader.patch(`/api/actions/${mine.body.action.id}`, { status: 'done', version: 1 });
    expect(done.status).toBe(200);
    // Marked done without a day: today in Copenhagen, which is the marker's day on the timeline.
    expect(done.body.action).toMatchObject({ status: 'done', doneOn: '2027-03-11', markerDay: '2027-03-11', version: 2 });
    expect((await t.solhavenLeader.del(`/api/actions/${mine.body.action.id}`)).status).toBe(200);
    expect(await t.stored()).toBe(2);
    // The audit log names each write by its route, with the project.
    const logged = await t.db.select({ action: auditLog.action, projectId: auditLog.projectId, status: auditLog.status }).from(auditLog);
    expect(logged).toEqual(expect.arrayContaining([
      { action: 'action.create', projectId: t.project.id, status: 201 },
      { action: 'action.create', projectId: t.project.id, status: 404 },
      { action: 'action.update', projectId: t.project.id, status: 200 },
      { action: 'action.delete', projectId: t.project.id, status: 200 },
    ]));
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const t = await setUp();
    const url = `/api/projects/${t.project.id}/actions`;
    const cases: [Record<string, unknown>, string][] = [
      [t.body({ unitId: t.outside.id }), 'unit_not_in_rollout'],
      [t.body({ behaviourId: t.foreign.id }), 'unknown_behaviour'],
      [t.body({ dueDate: '2027-02-30' }), 'invalid_input'],
      [t.body({ dueDate: '1.4.2027' }), 'invalid_input'],
      [t.body({ dueDate: '0202-04-01' }), 'invalid_input'],
      [t.body({ title: 'x'.repeat(201) }), 'invalid_input'],
      [t.body({ title: '   ' }), 'invalid_input'],
      [t.body({ note: 'x'.repeat(2001) }), 'invalid_input'],
      [t.body({ type: 'training' }), 'invalid_input'],
      [t.body({ status: 'finished' }), 'invalid_input'],
      [t.body({ unexpected: true }), 'invalid_input'],
      [{ unitId: t.solhaven.id, type: 'other', title: 'Uden adfærd' }, 'invalid_input'],
      // Done is a fact: not on a day after today (Copenhagen: 2027-03-11 at NOW).
      [t.body({ status: 'done', doneOn: '2027-03-12' }), 'done_in_future'],
    ];
    for (const [body, code] of cases) expectError(await t.admin.post(url, body), 400, code);
    // An archived behaviour (a delete that kept its measured history) takes no new actions.
    const archived = (await t.admin.post(`/api/projects/${t.project.id}/behaviours`, { title: 'Gammel adfærd' })).body.behaviour;
    await t.db.update(behaviours).set({ archivedAt: NOW }).where(eq(behaviours.id, archived.id));
    expectError(await t.admin.post(url, t.body({ behaviourId: archived.id })), 400, 'behaviour_archived');
    expect(await t.stored()).toBe(0);

    const ok = (await t.admin.post(url, t.body())).body.action;
    for (const patch of [{ title: 'x'.repeat(201) }, { dueDate: '2027-13-01' }, { type: 'training' }, { unitId: t.egely.id }, {}]) {
      expectError(await t.admin.patch(`/api/actions/${ok.id}`, { ...patch, version: 1 }), 400);
    }
    expectError(await t.admin.patch(`/api/actions/${ok.id}`, { title: 'Uden version' }), 400);
    const after = (await t.admin.get(url)).body.actions;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ title: 'Oplæring i at læse status', version: 1, type: 'capability', dueDate: '2027-04-01' });
  });

  it('refuses a due date in a closed project with a message that says why, and stores nothing', async () => {
    const t = await setUp();
    const url = `/api/projects/${t.project.id}/actions`;
    const before = (await t.admin.post(url, t.body())).body.action;
    const project = (await t.admin.get(`/api/projects/${t.project.id}`)).body.project;
    expect((await t.admin.patch(`/api/projects/${t.project.id}`, { status: 'afsluttet', version: project.version })).status).toBe(200);
    const refused = await t.admin.post(url, t.body({ dueDate: '2027-05-01' }));
    expectError(refused, 400, 'project_closed');
    expect(refused.body.error.message).toMatch(/closed/);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'dueDate', code: 'project_closed' })]);
    expectError(await t.admin.patch(`/api/actions/${before.id}`, { dueDate: '2027-06-01', version: 1 }), 400, 'project_closed');
    expect(await t.stored()).toBe(1);
    // What was planned can still be closed off, as the form sends it (the stored due date with it), and a new
    // action without a date recorded.
    expect((await t.admin.patch(`/api/actions/${before.id}`, { status: 'done', dueDate: '2027-04-01', version: 1 })).status).toBe(200);
    expect((await t.admin.post(url, t.body({ dueDate: null, title: 'Opsamling' }))).status).toBe(201);

    // An archived project likewise.
    const unit = (await t.admin.post('/api/units', { name: 'Bakkely', headcount: 10 })).body.unit;
    await t.admin.put(`/api/projects/${t.other.id}/rollouts/${unit.id}`, { goLiveDate: null });
    const other = (await t.admin.get(`/api/projects/${t.other.id}`)).body.project;
    expect((await t.admin.post(`/api/projects/${t.other.id}/archive`, { version: other.version })).status).toBeLessThan(300);
    expectError(await t.admin.post(`/api/projects/${t.other.id}/actions`, { unitId: unit.id, behaviourId: t.foreign.id, type: 'other', title: 'X', dueDate: '2027-05-01' }), 400, 'project_closed');
  });

  it('answers 409 stale_version to an edit from an old version and keeps the newer edit', async () => {
    const t = await setUp();
    const created = (await t.admin.post(`/api/projects/${t.project.id}/actions`, t.body())).body.action;
    expect((await t.solhavenLeader.patch(`/api/actions/${created.id}`, { status: 'in_progress', version: 1 })).status).toBe(200);
    const stale = await t.editor.patch(`/api/actions/${created.id}`, { status: 'dropped', note: 'Opgivet', version: 1 });
    expectError(stale, 409, 'stale_version');
    expect(stale.body.error.details).toMatchObject({ currentVersion: 2, changedFields: ['note', 'status'] });
    const now = (await t.admin.get(`/api/projects/${t.project.id}/actions`)).body.actions[0];
    expect(now).toMatchObject({ status: 'in_progress', note: '', version: 2 });
  });
});

describe('reading actions', () => {
  it('flags overdue actions by the Copenhagen day; done and dropped ones never', async () => {
    const t = await setUp();
    const url = `/api/projects/${t.project.id}/actions`;
    const make = async (title: string, dueDate: string | null, status = 'planned') => (await t.admin.post(url, t.body({ title, dueDate, status }))).body.action;
    await make('Forfalden i går (København)', '2027-03-10');
    await make('Forfalden i sidste måned', '2027-02-01', 'in_progress');
    await make('Forfalder i dag', '2027-03-11');
    await make('Gjort', '2027-02-01', 'done');
    await make('Opgivet', '2027-02-01', 'dropped');
    await make('Uden dato', null);
    const list = (await t.admin.get(url)).body.actions as { title: string; overdue: boolean }[];
    expect(Object.fromEntries(list.map((a) => [a.title, a.overdue]))).toEqual({
      'Forfalden i går (København)': true,
      'Forfalden i sidste måned': true,
      'Forfalder i dag': false,
      Gjort: false,
      Opgivet: false,
      'Uden dato': false,
    });
    // Soonest due first, without a due date last.
    expect(list.map((a) => a.title)).toEqual(['Forfalden i sidste måned', 'Gjort', 'Opgivet', 'Forfalden i går (København)', 'Forfalder i dag', 'Uden dato']);
    const all = (await t.admin.get('/api/actions')).body;
    expect(all).toMatchObject({ overdue: 2, today: '2027-03-11' });
    expect(all.actions.filter((a: { overdue: boolean }) => a.overdue).map((a: { title: string }) => a.title).sort()).toEqual(['Forfalden i går (København)', 'Forfalden i sidste måned']);
  });

  it('shows a unit-scoped manager their own units\' actions only, across projects too', async () => {
    const t = await setUp();
    const url = `/api/projects/${t.project.id}/actions`;
    await t.admin.post(url, t.body({ title: 'Solhavens' }));
    await t.admin.post(url, t.body({ unitId: t.egely.id, title: 'Egelys' }));
    const titles = (res: { body: { actions: { title: string }[] } }) => res.body.actions.map((a) => a.title).sort();
    expect(titles(await t.solhavenLeader.get(url))).toEqual(['Solhavens']);
    expect(titles(await t.solhavenLeader.get('/api/actions'))).toEqual(['Solhavens']);
    // Asking for another unit by filter does not widen the view.
    expect(titles(await t.solhavenLeader.get(`${url}?unitId=${t.egely.id}`))).toEqual([]);
    // The whole project's reader, its editor and the secretariat see all of it.
    expect(titles(await t.projectManager.get(url))).toEqual(['Egelys', 'Solhavens']);
    expect(titles(await t.editor.get('/api/actions'))).toEqual(['Egelys', 'Solhavens']);
    expect(titles(await t.admin.get('/api/actions'))).toEqual(['Egelys', 'Solhavens']);
    // The page offers the units each may add actions for.
    expect((await t.solhavenLeader.get(url)).body).toMatchObject({ leadUnitIds: [t.solhaven.id], units: [{ id: t.solhaven.id, name: 'Solhaven' }], behaviours: [{ id: t.behaviour.id }] });
    expect((await t.projectManager.get(url)).body.leadUnitIds).toEqual([]);
    expect((await t.editor.get(url)).body.leadUnitIds.sort()).toEqual([t.solhaven.id, t.egely.id].sort());
    // A project they cannot read is 404, as if it did not exist.
    expectError(await t.solhavenLeader.get(`/api/projects/${t.other.id}/actions`), 404);
    expectError(await t.solhavenLeader.get(`${url}?unitId=abc`), 400);
  });
});

describe('the suggested action type', () => {
  it('names each unit\'s weakest shown component, and never a hidden unit\'s', async () => {
    const low = (construct: string) => (i: ItemMapEntry) => (i.construct === construct ? 1 : 4);
    const units: [string, number, number, (i: ItemMapEntry) => number][] = [
      ['Solhaven', 20, 12, low('capability')],
      ['Egely', 20, 11, low('motivation')],
      ['Bakkely', 20, 10, low('opportunity')],
      ['Lindely', 20, 2, low('opportunity')],
    ];
    const { t, project, ids } = await projectWithUnits(units);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    for (const [u, [, , n, pick]] of units.entries()) {
      const token = links.find((l) => l.unitId === ids[u])!.token;
      for (let i = 0; i < n; i++) expect((await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, pick), locale: 'da' })).status).toBe(201);
    }
    const url = `/api/projects/${project.id}/action-suggestions`;
    // Nothing is suggested from a wave whose results are not shown yet.
    expect((await t.get(url)).body.suggestions).toEqual([]);
    await t.post(`/api/waves/${wave.id}/close`);
    const suggestions = (await t.get(url)).body.suggestions as { unitId: number | null; type: string; scope: string; reason: { da: string } }[];
    const byUnit = new Map(suggestions.map((s) => [s.unitId, s]));
    expect(byUnit.get(ids[0])).toMatchObject({ type: 'capability', scope: 'unit', p: 0, n: 12 });
    expect(byUnit.get(ids[1])).toMatchObject({ type: 'motivation', scope: 'unit', p: 0, n: 11 });
    // Lindely has 2 answers and Bakkely is hidden with it so that Lindely cannot be derived: neither has a
    // suggestion of its own (their leaders get the project's), so the hidden opportunity cells name nothing.
    expect(byUnit.has(ids[2])).toBe(false);
    expect(byUnit.has(ids[3])).toBe(false);
    expect(byUnit.get(null)).toMatchObject({ scope: 'project', n: 35 });
    expect(byUnit.get(null)!.reason.da).toContain('Nulpunkt');
  });
});
