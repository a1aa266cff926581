// The audit log (server/http/audit.ts, server/services/audit.ts): who changed what and who viewed or exported
// unit-level results, readable by the secretariat only — and never anything that could join an entry to a
// staff member's answer (no link token, short code, submission id or answer value, no staff-side requests).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { answersFor } from '../support/answers';
import { clientFor, expectError, testApp } from '../support/api';

const MANAGER2 = { email: 'leder@test.dk', password: 'leder-pass-1' };

/** Admin logged in; a project with one unit, a behaviour with a free-text question, an open wave and its link. */
async function setUp() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'P' })).body.project;
  const unit = (await t.post('/api/units', { name: 'A', headcount: 40 })).body.unit;
  await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Ny adfærd' })).body.behaviour;
  expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec: { behaviours: [{ behaviourId: behaviour.id, constructs: ['adoption', 'free_text'] }] } })).status).toBe(200);
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
  expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
  const link = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0];
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const textItem = itemMap.items.find((i: any) => i.type === 'text');
  const manager = await t.post('/api/users', { email: MANAGER2.email, name: 'Leder', role: 'manager', password: MANAGER2.password });
  expect(manager.status).toBe(201);
  expect((await t.put(`/api/users/${manager.body.user.id}/scopes`, { unitIds: [], projectIds: [project.id] })).status).toBe(200);
  // Opening the wave moved the project from planning to rollout, with a new version.
  const current = (await t.get(`/api/projects/${project.id}`)).body.project;
  return { t, project: current, unit, wave, link, itemMap, textItem, managerId: manager.body.user.id as number };
}

const rows = async (t: Awaited<ReturnType<typeof testApp>>) => t.db.select().from(auditLog);

describe('the audit log records', () => {
  it("an admin's write with actor, action and the route pattern, never the concrete path", async () => {
    const { t, project } = await setUp();
    const before = (await rows(t)).length;
    expect((await t.patch(`/api/projects/${project.id}`, { name: 'Nyt navn' })).status).toBe(200);
    const added = (await rows(t)).slice(before);
    expect(added).toHaveLength(1);
    const [entry] = added;
    expect(entry).toMatchObject({ actorEmail: 'admin@test.dk', action: 'project.update', method: 'PATCH', route: '/api/projects/:projectId', projectId: project.id, targetId: project.id, status: 200 });
    expect(entry.actorId).toEqual(expect.any(Number));
    // Field names, never values.
    expect(entry.details).toEqual({ fields: ['name', 'version'] });
    expect(JSON.stringify(entry)).not.toContain('Nyt navn');
    expect(JSON.stringify(entry)).not.toContain(`/api/projects/${project.id}`);
  });

  it('the item a write is about: the project itself, or the item under it', async () => {
    const { t, project } = await setUp();
    const before = (await rows(t)).length;
    expect((await t.post(`/api/projects/${project.id}/archive`)).status).toBe(200);
    const goal = (await t.post(`/api/projects/${project.id}/goals`, { title: 'Mål' })).body.goal;
    expect((await t.patch(`/api/goals/${goal.id}`, { title: 'Nyt mål' })).status).toBe(200);
    const added = (await rows(t)).slice(before);
    expect(added.map((r) => [r.action, r.projectId, r.targetId])).toEqual([
      ['project.archive', project.id, project.id],
      ['goal.create', project.id, goal.id],
      ['goal.update', project.id, goal.id],
    ]);
  });

  it("a refused write, and a manager's report view", async () => {
    const { t, project, managerId } = await setUp();
    const m = clientFor(t.app);
    await m.login(MANAGER2);
    const before = (await rows(t)).length;
    expectError(await m.patch(`/api/projects/${project.id}`, { name: 'X', version: 1 }), 403);
    expect((await m.get(`/api/projects/${project.id}/report`)).status).toBe(200);
    const added = (await rows(t)).slice(before);
    expect(added.map((r) => [r.actorId, r.action, r.route, r.status])).toEqual([
      [managerId, 'project.update', '/api/projects/:projectId', 403],
      [managerId, 'report.view', '/api/projects/:projectId/report', 200],
    ]);
    expect(added[1].projectId).toBe(project.id);
  });

  it('logins, failed logins (no e-mail for an unknown account) and logouts', async () => {
    const { t } = await setUp();
    const anon = clientFor(t.app);
    const before = (await rows(t)).length;
    expectError(await anon.post('/api/auth/login', { email: 'nobody-typo@test.dk', password: 'whatever-123' }), 401);
    await anon.login(MANAGER2);
    expect((await anon.post('/api/auth/logout')).status).toBeLessThan(300);
    const added = (await rows(t)).slice(before);
    expect(added.map((r) => [r.action, r.actorEmail])).toEqual([
      ['auth.login_failed', ''],
      ['auth.login', MANAGER2.email],
      ['auth.logout', MANAGER2.email],
    ]);
    expect(JSON.stringify(added)).not.toContain('nobody-typo');
    expect(JSON.stringify(added)).not.toContain('whatever-123');
  });

  it('nothing of the staff side: submissions and short-code lookups are not recorded', async () => {
    const { t, link, itemMap } = await setUp();
    const staff = clientFor(t.app);
    const before = (await rows(t)).length;
    expect((await staff.get(`/api/k/${link.shortCode}`)).status).toBe(200);
    expect((await staff.get(`/api/s/${link.token}`)).status).toBe(200);
    expect((await staff.post(`/api/s/${link.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap), locale: 'da' })).status).toBe(201);
    // Even a logged-in admin submitting through the link leaves no entry.
    expect((await t.post(`/api/s/${link.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap), locale: 'da' })).status).toBe(201);
    expect((await rows(t)).length).toBe(before);
  });
});

describe('the audit log never holds what could join it to an answer', () => {
  it('after submissions, logins, report views and exports, no token, short code, submission id or answer value', async () => {
    const { t, project, wave, link, itemMap, textItem } = await setUp();
    const staff = clientFor(t.app);
    const secrets: string[] = [link.token, link.shortCode, link.shortCode.replace('-', '')];
    for (let i = 0; i < 10; i++) {
      const submissionId = randomUUID();
      const freeText = `Hemmelig kommentar ${randomUUID()}`;
      secrets.push(submissionId, freeText);
      expect((await staff.get(`/api/k/${link.shortCode}`)).status).toBe(200);
      const answers = { ...answersFor(itemMap, () => 5), [textItem.question]: freeText };
      expect((await staff.post(`/api/s/${link.token}/responses`, { submissionId, answers, locale: 'da' })).status).toBe(201);
    }
    expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
    const m = clientFor(t.app);
    await m.login(MANAGER2);
    for (const path of ['report', 'report.csv', 'comments', 'breakdowns']) expect((await m.get(`/api/projects/${project.id}/${path}`)).status, path).toBeLessThan(500);
    expect((await t.get(`/api/projects/${project.id}/report.xlsx`)).status).toBe(200);
    expect((await t.get(`/api/projects/${project.id}/comments`)).status).toBe(200);
    expect((await t.get('/api/audit')).status).toBe(200);
    expect((await t.get('/api/audit/export')).status).toBe(200);
    // Links listed by the admin (their tokens are in the answer) leave an id-only trace at most.
    expect((await t.post(`/api/waves/${wave.id}/links/${link.id}/revoke`)).status).toBeLessThan(500);

    const table = JSON.stringify(await rows(t));
    expect(table).toContain('report.view');
    expect(table).toContain('report.export');
    for (const secret of secrets) expect(table, secret).not.toContain(secret);
    expect(table).not.toMatch(/Hemmelig/);
    expect(table).not.toMatch(/\/api\/(s|k)\//);
  });
});

describe('reading the audit log', () => {
  it('admins only: a manager 403, anonymous 401', async () => {
    const { t } = await setUp();
    const m = clientFor(t.app);
    await m.login(MANAGER2);
    for (const path of ['/api/audit', '/api/audit/export']) {
      expectError(await m.get(path), 403);
      expectError(await clientFor(t.app).get(path), 401);
    }
    const page = await t.get('/api/audit');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThan(0);
    expect(page.body.entries[0]).toHaveProperty('action');
    const csv = await t.get('/api/audit/export');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body).toContain('at,actorId,actorEmail,action,method,route,projectId,targetId,status,details');
  });

  it('filters by action, actor, project and day; pages; bad filters answer 400', async () => {
    const { t, project, managerId } = await setUp();
    const m = clientFor(t.app);
    await m.login(MANAGER2);
    await m.get(`/api/projects/${project.id}/report`);
    await m.get(`/api/projects/${project.id}/report`);
    const views = (await t.get('/api/audit?action=report.view')).body;
    expect(views.total).toBe(2);
    expect(views.entries.every((e: any) => e.action === 'report.view' && e.actorId === managerId)).toBe(true);
    const byActor = (await t.get(`/api/audit?actorId=${managerId}`)).body;
    expect(byActor.entries.map((e: any) => e.action).sort()).toEqual(['auth.login', 'report.view', 'report.view']);
    const other = (await t.post('/api/projects', { name: 'Andet' })).body.project;
    expect((await t.get(`/api/audit?projectId=${other.id}`)).body.entries.map((e: any) => e.action)).toEqual(['project.create']);
    const paged = (await t.get('/api/audit?pageSize=1&page=2')).body;
    expect(paged.entries).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(2);
    expect((await t.get('/api/audit?from=2000-01-01&to=2000-01-02')).body.total).toBe(0);
    const csv = (await t.get('/api/audit/export?action=report.view')).body as string;
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    for (const bad of ['from=yesterday', 'from=2026-02-30', 'from=2026-03-02&to=2026-03-01', 'actorId=abc', 'actorId=-1', 'action=DROP TABLE', 'pageSize=1000', 'page=0', 'unknown=1']) {
      expectError(await t.get(`/api/audit?${bad}`), 400);
    }
    expectError(await t.get('/api/audit/export?from=nope'), 400);
    expectError(await t.get('/api/audit/export?page=1'), 400);
  });
});
