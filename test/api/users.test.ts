// Account management through the HTTP API: the secretariat creates, edits, scopes, resets and deletes accounts;
// a manager cannot; a new manager logs in with the one-time password and sees exactly what access.ts allows.
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { userScopes, users } from '../../db/schema';
import { deleteUser } from '../../server/services/users';
import { ADMIN, MANAGER, clientFor, expectError, testApp } from '../support/api';

const TEMP = /^[a-hj-km-np-z2-9]{5}-[a-hj-km-np-z2-9]{5}-[a-hj-km-np-z2-9]{5}$/;

async function adminApp() {
  const t = await testApp();
  await t.login();
  const ids = Object.fromEntries((await t.db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
  // The account list, as the page shows it: an edit sends the version it read.
  await t.get('/api/users');
  return { ...t, adminId: ids[ADMIN.email], managerId: ids[MANAGER.email] };
}

const userCount = async (t: Awaited<ReturnType<typeof adminApp>>) => (await t.db.select({ n: count() }).from(users))[0].n;
const paths = (res: { body: any }) => (res.body.error.details ?? []).map((d: any) => d.path);

describe('account management: who may', () => {
  it('refuses anonymous callers (401) and managers (403) on every /api/users endpoint', async () => {
    const t = await adminApp();
    const anon = clientFor(t.app);
    expectError(await anon.get('/api/users'), 401, 'unauthenticated');
    expectError(await anon.post('/api/users', { email: 'x@y.dk', name: 'X', role: 'admin' }), 401, 'unauthenticated');
    const manager = clientFor(t.app);
    await manager.login(MANAGER);
    expectError(await manager.get('/api/users'), 403, 'forbidden');
    expectError(await manager.get(`/api/users/${t.managerId}`), 403, 'forbidden');
    expectError(await manager.post('/api/users', { email: 'x@y.dk', name: 'X', role: 'admin' }), 403, 'forbidden');
    expectError(await manager.patch(`/api/users/${t.managerId}`, { role: 'admin' }), 403, 'forbidden');
    expectError(await manager.post(`/api/users/${t.adminId}/reset-password`), 403, 'forbidden');
    expectError(await manager.put(`/api/users/${t.managerId}/scopes`, { unitIds: [], projectIds: [] }), 403, 'forbidden');
    expectError(await manager.del(`/api/users/${t.adminId}`), 403, 'forbidden');
    // Nothing changed.
    expect(await userCount(t)).toBe(2);
    expect((await t.db.select().from(users).where(eq(users.id, t.managerId)).limit(1))[0].role).toBe('manager');
  });
});

describe('account management: the secretariat', () => {
  it('lists accounts with role, language, creation time and named scopes, never a password hash', async () => {
    const t = await adminApp();
    const unit = (await t.post('/api/units', { name: 'Plejecenter A', headcount: 10 })).body.unit;
    const project = (await t.post('/api/projects', { name: 'Projekt P' })).body.project;
    await t.db.insert(userScopes).values([{ userId: t.managerId, unitId: unit.id }, { userId: t.managerId, projectId: project.id }]);
    const res = await t.get('/api/users');
    expect(res.status).toBe(200);
    const manager = res.body.users.find((u: any) => u.id === t.managerId);
    expect(manager).toMatchObject({ email: MANAGER.email, name: 'Manager', role: 'manager', locale: 'da' });
    expect(manager.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(manager.scopes).toEqual([
      { id: expect.any(Number), unitId: unit.id, unitName: 'Plejecenter A', projectId: null, projectName: null },
      { id: expect.any(Number), unitId: null, unitName: null, projectId: project.id, projectName: 'Projekt P' },
    ]);
    expect(res.body.users.find((u: any) => u.id === t.adminId).scopes).toEqual([]);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/passwordHash|password_hash|\$argon2/);
    expect(JSON.stringify((await t.get(`/api/users/${t.managerId}`)).body)).not.toMatch(/passwordHash|\$argon2/);
  });

  it('creates an account with a chosen password, lower-casing and trimming the e-mail', async () => {
    const t = await adminApp();
    const res = await t.post('/api/users', { email: '  Ny.Leder@Kommune.DK ', name: ' Ny Leder ', role: 'manager', password: 'en lang adgangskode' });
    expect(res.status).toBe(201);
    expect(res.body.temporaryPassword).toBeUndefined();
    expect(res.body.user).toMatchObject({ email: 'ny.leder@kommune.dk', name: 'Ny Leder', role: 'manager', locale: 'da', scopes: [] });
    expect(JSON.stringify(res.body)).not.toMatch(/\$argon2|en lang adgangskode/);
    const [stored] = await t.db.select().from(users).where(eq(users.id, res.body.user.id)).limit(1);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const them = clientFor(t.app);
    await them.login({ email: 'NY.LEDER@kommune.dk', password: 'en lang adgangskode' });
    expect((await them.get('/api/auth/me')).body.user.email).toBe('ny.leder@kommune.dk');
  });

  it('generates a readable temporary password, returned once and never cached', async () => {
    const t = await adminApp();
    const res = await t.post('/api/users', { email: 'admin2@kommune.dk', name: 'Anden admin', role: 'admin', setup: 'temporaryPassword' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const temp: string = res.body.temporaryPassword;
    expect(temp).toMatch(TEMP);
    expect(temp.length).toBeGreaterThanOrEqual(12);
    // Different every time.
    const other = (await t.post('/api/users', { email: 'admin3@kommune.dk', name: 'Tredje admin', role: 'admin', setup: 'temporaryPassword' })).body.temporaryPassword;
    expect(other).not.toBe(temp);
    // Not shown again anywhere.
    expect(JSON.stringify((await t.get('/api/users')).body)).not.toContain(temp);
    const them = clientFor(t.app);
    await them.login({ email: 'admin2@kommune.dk', password: temp });
    // A temporary password must be replaced before anything else.
    expectError(await them.get('/api/users'), 403, 'password_change_required');
    expect((await them.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    expectError(await them.post('/api/auth/password', { currentPassword: temp, newPassword: temp }), 400, 'same_password');
    expect((await them.post('/api/auth/password', { currentPassword: temp, newPassword: 'mit eget kodeord' })).status).toBe(200);
    expect((await them.get('/api/users')).status).toBe(200);
  });

  it('refuses bad input with field paths and stores nothing', async () => {
    const t = await adminApp();
    const before = await userCount(t);
    const bad: [unknown, string][] = [
      [{ email: 'ikke-en-email', name: 'X', role: 'manager' }, 'email'],
      [{ email: 'a@b.dk', name: '   ', role: 'manager' }, 'name'],
      [{ email: 'a@b.dk', role: 'manager' }, 'name'],
      [{ email: 'a@b.dk', name: 'X', role: 'superuser' }, 'role'],
      [{ email: 'a@b.dk', name: 'X', role: 'manager', password: '123456789' }, 'password'],
      [{ email: 'a@b.dk', name: 'X', role: 'manager', password: 12345678901 }, 'password'],
      [{ email: 'a@b.dk', name: 'X', role: 'manager', passwordHash: '$argon2id$x' }, ''],
    ];
    for (const [body, path] of bad) {
      const res = await t.post('/api/users', body);
      expectError(res, 400, 'invalid_input');
      expect(paths(res)).toContain(path);
    }
    expectError(await t.postRaw('/api/users', '{not json'), 400);
    expect(await userCount(t)).toBe(before);
  });

  it('answers 409 email_taken for an e-mail already in use, whatever its case', async () => {
    const t = await adminApp();
    const res = await t.post('/api/users', { email: MANAGER.email.toUpperCase(), name: 'Dublet', role: 'manager' });
    expectError(res, 409, 'email_taken');
    expect(paths(res)).toEqual(['email']);
    expect(await userCount(t)).toBe(2);
  });

  it('changes name, role and language; refuses unknown values and ids', async () => {
    const t = await adminApp();
    const res = await t.patch(`/api/users/${t.managerId}`, { name: 'Hanne Jensen', role: 'admin', locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: t.managerId, name: 'Hanne Jensen', role: 'admin', locale: 'en' });
    // The new role counts at once, in the session that already exists.
    const them = clientFor(t.app);
    await them.login(MANAGER);
    expect((await them.get('/api/users')).status).toBe(200);
    await t.patch(`/api/users/${t.managerId}`, { role: 'manager' });
    expectError(await them.get('/api/users'), 403, 'forbidden');

    for (const [body, path] of [[{ role: 'owner' }, 'role'], [{ locale: 'de' }, 'locale'], [{ name: '' }, 'name'], [{ email: 'new@x.dk' }, '']] as const) {
      const bad = await t.patch(`/api/users/${t.managerId}`, body);
      expectError(bad, 400, 'invalid_input');
      expect(paths(bad)).toContain(path);
    }
    expect((await t.db.select().from(users).where(eq(users.id, t.managerId)).limit(1))[0]).toMatchObject({ name: 'Hanne Jensen', role: 'manager', locale: 'en', email: MANAGER.email });
    expectError(await t.patch('/api/users/9999', { name: 'X', version: 1 }), 404, 'not_found');
    expectError(await t.patch('/api/users/abc', { name: 'X' }), 400, 'invalid_input');
    expectError(await t.get('/api/users/9999'), 404, 'not_found');
  });

  it('keeps at least one admin: the last one cannot be demoted or deleted, and nobody deletes themselves', async () => {
    const t = await adminApp();
    const res = await t.patch(`/api/users/${t.adminId}`, { role: 'manager' });
    expectError(res, 409, 'last_admin');
    expect(paths(res)).toEqual(['role']);
    expectError(await t.del(`/api/users/${t.adminId}`), 409, 'cannot_delete_self');
    // Through the service (no admin would be left to call the API): deleting the last admin is refused too.
    await expect(deleteUser(t.db, t.adminId, t.managerId)).rejects.toMatchObject({ kind: 'conflict', code: 'last_admin' });
    expect((await t.db.select().from(users).where(eq(users.id, t.adminId)).limit(1))[0].role).toBe('admin');

    // With a second admin, the first may step down, and then the second cannot.
    const second = await t.post('/api/users', { email: 'admin2@test.dk', name: 'Admin 2', role: 'admin', password: 'admin-pass-2' });
    const secondId = second.body.user.id;
    expect((await t.patch(`/api/users/${t.adminId}`, { role: 'manager' })).status).toBe(200);
    const admin2 = clientFor(t.app);
    await admin2.login({ email: 'admin2@test.dk', password: 'admin-pass-2' });
    await admin2.get('/api/users');
    expectError(await admin2.patch(`/api/users/${secondId}`, { role: 'manager' }), 409, 'last_admin');
    // An admin may delete another admin while one is left.
    expect((await admin2.patch(`/api/users/${t.adminId}`, { role: 'admin' })).status).toBe(200);
    expect((await admin2.del(`/api/users/${t.adminId}`)).status).toBe(200);
    expect((await admin2.get('/api/users')).body.users.map((u: any) => u.email).sort()).toEqual(['admin2@test.dk', MANAGER.email]);
  });

  it('deletes an account with its sessions and scopes', async () => {
    const t = await adminApp();
    const unit = (await t.post('/api/units', { name: 'A', headcount: 10 })).body.unit;
    await t.put(`/api/users/${t.managerId}/scopes`, { unitIds: [unit.id], projectIds: [] });
    const them = clientFor(t.app);
    await them.login(MANAGER);
    const res = await t.del(`/api/users/${t.managerId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true });
    expectError(await them.get('/api/auth/me'), 401, 'unauthenticated');
    expect(await t.db.select().from(userScopes)).toEqual([]);
    expectError(await t.del(`/api/users/${t.managerId}`), 404, 'not_found');
    expect((await t.get('/api/units')).body.units).toHaveLength(1);
  });

  it('resets a password: a new temporary one, the old password and every old session stop working', async () => {
    const t = await adminApp();
    const them = clientFor(t.app);
    await them.login(MANAGER);
    expect((await them.get('/api/auth/me')).status).toBe(200);
    const res = await t.post(`/api/users/${t.managerId}/reset-password`, { method: 'temporaryPassword' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.temporaryPassword).toMatch(TEMP);
    expectError(await them.get('/api/auth/me'), 401, 'unauthenticated');
    expectError(await them.post('/api/auth/login', MANAGER), 401, 'invalid_credentials');
    await them.login({ email: MANAGER.email, password: res.body.temporaryPassword });
    expect((await them.get('/api/auth/me')).body.user).toMatchObject({ email: MANAGER.email, mustChangePassword: true });
    // The admin's own session is untouched.
    expect((await t.get('/api/users')).status).toBe(200);
    expectError(await t.post('/api/users/9999/reset-password'), 404, 'not_found');
  });
});

describe('account management: scopes', () => {
  it('replaces the scopes in one go; unknown ids are refused with their paths and change nothing', async () => {
    const t = await adminApp();
    const a = (await t.post('/api/units', { name: 'A', headcount: 10 })).body.unit;
    const b = (await t.post('/api/units', { name: 'B', headcount: 10 })).body.unit;
    const p = (await t.post('/api/projects', { name: 'P' })).body.project;
    let res = await t.put(`/api/users/${t.managerId}/scopes`, { unitIds: [a.id, b.id, a.id], projectIds: [p.id] });
    expect(res.status).toBe(200);
    const scopeOf = (u: any) => u.scopes.map((s: any) => s.unitName ?? `project:${s.projectName}`);
    expect(scopeOf(res.body.user)).toEqual(['A', 'B', 'project:P']);

    res = await t.put(`/api/users/${t.managerId}/scopes`, { unitIds: [b.id, 9999], projectIds: [8888, p.id] });
    expectError(res, 400, 'unknown_scope');
    expect(paths(res)).toEqual(['unitIds.1', 'projectIds.0']);
    expect(scopeOf((await t.get(`/api/users/${t.managerId}`)).body.user)).toEqual(['A', 'B', 'project:P']);

    for (const [body, path] of [[{ unitIds: [a.id] }, 'projectIds'], [{ unitIds: [-1], projectIds: [] }, 'unitIds.0'], [{ unitIds: ['1'], projectIds: [] }, 'unitIds.0'], [{ unitIds: [], projectIds: [1.5] }, 'projectIds.0']] as const) {
      const bad = await t.put(`/api/users/${t.managerId}/scopes`, body);
      expectError(bad, 400, 'invalid_input');
      expect(paths(bad)).toContain(path);
    }
    expect(await t.db.select().from(userScopes)).toHaveLength(3);
    expectError(await t.put('/api/users/9999/scopes', { unitIds: [a.id], projectIds: [] }), 404, 'not_found');

    // Stored for an admin too (it only narrows managers), and cleared with empty lists.
    expect((await t.put(`/api/users/${t.adminId}/scopes`, { unitIds: [a.id], projectIds: [] })).status).toBe(200);
    expect((await t.get('/api/projects')).body.projects).toHaveLength(1);
    res = await t.put(`/api/users/${t.managerId}/scopes`, { unitIds: [], projectIds: [] });
    expect(res.body.user.scopes).toEqual([]);
  });

  it('lets a new unit-scoped manager log in with the temporary password and see exactly what access.ts allows', async () => {
    const t = await adminApp();
    const a = (await t.post('/api/units', { name: 'Center A', headcount: 30 })).body.unit;
    const a1 = (await t.post('/api/units', { name: 'Team A1', headcount: 10, parentId: a.id })).body.unit;
    const b = (await t.post('/api/units', { name: 'Center B', headcount: 30 })).body.unit;
    const rolledOut = (await t.post('/api/projects', { name: 'Udrullet til A' })).body.project;
    const elsewhere = (await t.post('/api/projects', { name: 'Kun B' })).body.project;
    const granted = (await t.post('/api/projects', { name: 'Tildelt projekt' })).body.project;
    for (const u of [a1, b]) await t.put(`/api/projects/${rolledOut.id}/rollouts/${u.id}`, { goLiveDate: '2026-01-01' });
    await t.put(`/api/projects/${elsewhere.id}/rollouts/${b.id}`, { goLiveDate: '2026-01-01' });
    await t.post(`/api/projects/${rolledOut.id}/behaviours`, { title: 'Ny adfærd' });
    const wave = (await t.post(`/api/projects/${rolledOut.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);

    const created = await t.post('/api/users', { email: 'leder.a@kommune.dk', name: 'Leder A', role: 'manager', password: 'leder-a-kodeord' });
    expect(created.status).toBe(201);
    expect((await t.put(`/api/users/${created.body.user.id}/scopes`, { unitIds: [a.id], projectIds: [] })).status).toBe(200);

    const manager = clientFor(t.app);
    await manager.login({ email: 'leder.a@kommune.dk', password: 'leder-a-kodeord' });
    // The project rolled out to a unit below A, not the one only in B.
    expect((await manager.get('/api/projects')).body.projects.map((p: any) => p.name)).toEqual(['Udrullet til A']);
    expectError(await manager.get(`/api/projects/${elsewhere.id}`), 404, 'not_found');
    expectError(await manager.get(`/api/projects/${granted.id}`), 404, 'not_found');
    const report = (await manager.get(`/api/projects/${rolledOut.id}/report`)).body.report;
    expect(report.units.map((u: any) => u.name ?? u.unitName)).toEqual(['Team A1']);
    expect(JSON.stringify(report)).not.toContain('Center B');
    expect((await manager.get('/api/units')).body.units.map((u: any) => u.name).sort()).toEqual(['Center A', 'Team A1']);
    expectError(await manager.get('/api/users'), 403, 'forbidden');

    // Adding a project scope takes effect on the next request, with the whole project.
    await t.put(`/api/users/${created.body.user.id}/scopes`, { unitIds: [a.id], projectIds: [granted.id] });
    expect((await manager.get('/api/projects')).body.projects.map((p: any) => p.name).sort()).toEqual(['Tildelt projekt', 'Udrullet til A']);
  });
});

describe('changing one\'s own password', () => {
  it('needs the current password and ends the user\'s other sessions, keeping this one', async () => {
    const t = await adminApp();
    const here = clientFor(t.app);
    const there = clientFor(t.app);
    await here.login(MANAGER);
    await there.login(MANAGER);

    let res = await here.post('/api/auth/password', { currentPassword: 'wrong-password', newPassword: 'helt-ny-kode-1' });
    expectError(res, 400, 'wrong_password');
    expect(paths(res)).toEqual(['currentPassword']);
    res = await here.post('/api/auth/password', { currentPassword: MANAGER.password, newPassword: 'kort' });
    expectError(res, 400, 'invalid_input');
    expect(paths(res)).toEqual(['newPassword']);
    expectError(await here.post('/api/auth/password', { currentPassword: MANAGER.password }), 400, 'invalid_input');
    // Nothing changed yet: both sessions live, the old password works.
    expect((await there.get('/api/auth/me')).status).toBe(200);

    res = await here.post('/api/auth/password', { currentPassword: MANAGER.password, newPassword: 'helt-ny-kode-1' });
    expect(res.status).toBe(200);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expectError(await there.get('/api/auth/me'), 401, 'unauthenticated');
    expectError(await there.post('/api/auth/login', MANAGER), 401, 'invalid_credentials');
    await there.login({ email: MANAGER.email, password: 'helt-ny-kode-1' });

    expectError(await clientFor(t.app).post('/api/auth/password', { currentPassword: 'x', newPassword: 'helt-ny-kode-2' }), 401, 'unauthenticated');
  });

  it('limits guessing of the current password per account', async () => {
    const t = await adminApp();
    for (let i = 0; i < 10; i++) expectError(await t.post('/api/auth/password', { currentPassword: `guess-${i}`, newPassword: 'helt-ny-kode-1' }), 400, 'wrong_password');
    expectError(await t.post('/api/auth/password', { currentPassword: ADMIN.password, newPassword: 'helt-ny-kode-1' }), 429, 'too_many_requests');
    await t.login();
  });
});
