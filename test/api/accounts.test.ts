// Sessions and one-time links through the HTTP API: idle and absolute expiry on a fixed clock, log out everywhere,
// disabled accounts, invitation and reset links (once, expiry, wrong purpose, replaced), editors confined to the
// projects they lead, and the same Argon2id work for unknown e-mails as for wrong passwords.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { createApp } from '../../server/app';
import { hashParams } from '../../server/auth/password';
import { hashToCheck } from '../../server/auth/sessions';
import { ADMIN, MANAGER, clientFor, expectError, testApp } from '../support/api';

async function clockedApp(config: Record<string, number> = {}) {
  const base = await testApp();
  let now = new Date('2026-03-02T08:00:00Z');
  const app = createApp({ db: base.db, config: { publicUrl: 'http://test.local', ...config }, clock: { now: () => new Date(now) } });
  const admin = clientFor(app);
  await admin.login(ADMIN);
  return { db: base.db, app, admin, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

const tokenOf = (url: string) => url.split('/').pop()!;

describe('sessions', () => {
  it('end after IDLE_MINUTES without a request, but not while in use, and at SESSION_HOURS regardless', async () => {
    const { app, advance } = await clockedApp({ idleMinutes: 30, sessionHours: 2 });
    const m = clientFor(app);
    await m.login(MANAGER);
    for (let i = 0; i < 4; i++) {
      advance(25);
      const r = await m.get('/api/auth/me');
      expect(r.status, `${i} ${JSON.stringify(r.body)}`).toBe(200);
    }
    advance(31);
    expectError(await m.get('/api/auth/me'), 401, 'unauthenticated');
    await m.login(MANAGER);
    for (let i = 0; i < 4; i++) {
      advance(29);
      expect((await m.get('/api/auth/me')).status).toBe(200);
    }
    advance(5); // 121 minutes after login
    expectError(await m.get('/api/auth/me'), 401, 'unauthenticated');
  });

  it('logs out everywhere, and an admin can end another account\'s sessions or disable it', async () => {
    const { app, admin, db } = await clockedApp();
    const [a, b] = [clientFor(app), clientFor(app)];
    await a.login(MANAGER);
    await b.login(MANAGER);
    expect((await a.post('/api/auth/logout-all')).status).toBe(200);
    expectError(await b.get('/api/auth/me'), 401);
    await a.login(MANAGER);
    const [{ id }] = await db.select({ id: users.id }).from(users).where(eq(users.email, MANAGER.email));
    expect((await admin.del(`/api/users/${id}/sessions`)).body.ended).toBe(1);
    expectError(await a.get('/api/auth/me'), 401);
    await a.login(MANAGER);
    expect((await admin.post(`/api/users/${id}/disable`)).body.user.disabledAt).toBeTruthy();
    expectError(await a.get('/api/auth/me'), 401);
    expectError(await a.post('/api/auth/login', MANAGER), 403, 'account_disabled');
    // A wrong password on a disabled account says only that it is wrong.
    expectError(await a.post('/api/auth/login', { email: MANAGER.email, password: 'wrong-password' }), 401, 'invalid_credentials');
    await admin.post(`/api/users/${id}/enable`);
    await a.login(MANAGER);
  });

  it('checks unknown e-mails and accounts without a password against a hash with the stored hashes\' parameters', async () => {
    const { db } = await clockedApp();
    const [stored] = await db.select().from(users).where(eq(users.email, ADMIN.email));
    expect(hashParams(await hashToCheck(undefined))).toBe(hashParams(stored.passwordHash));
    expect(hashParams(await hashToCheck({ passwordHash: '' }))).toBe(hashParams(stored.passwordHash));
  });
});

describe('invitation and reset links', () => {
  it('invites: the link opens once, sets the password and logs in; then it is used', async () => {
    const { app, admin } = await clockedApp();
    const created = await admin.post('/api/users', { email: 'ny@kommune.dk', name: 'Ny', role: 'manager' });
    expect(created.status).toBe(201);
    expect(created.body.link.url).toMatch(/^http:\/\/test\.local\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.body.link.url);
    const person = clientFor(app);
    expectError(await person.post('/api/auth/login', { email: 'ny@kommune.dk', password: 'anything-at-all' }), 401, 'invalid_credentials');
    expect((await person.get(`/api/auth/invite/${token}`)).body.link).toMatchObject({ email: 'ny@kommune.dk', purpose: 'invite' });
    expectError(await person.get(`/api/auth/reset/${token}`), 404, 'link_invalid');
    expectError(await person.post(`/api/auth/invite/${token}`, { password: 'kort' }), 400, 'invalid_input');
    const used = await person.post(`/api/auth/invite/${token}`, { password: 'mit nye kodeord' });
    expect(used.status).toBe(200);
    expect((await person.get('/api/auth/me')).body.user.email).toBe('ny@kommune.dk');
    expectError(await clientFor(app).post(`/api/auth/invite/${token}`, { password: 'et andet kodeord' }), 410, 'link_used');
    await clientFor(app).login({ email: 'ny@kommune.dk', password: 'mit nye kodeord' });
  });

  it('expires, is replaced by a newer link, and a reset ends the old password', async () => {
    const { app, admin, advance, db } = await clockedApp();
    const created = await admin.post('/api/users', { email: 'ny@kommune.dk', name: 'Ny', role: 'manager' });
    const first = tokenOf(created.body.link.url);
    const again = await admin.post(`/api/users/${created.body.user.id}/invitation`);
    expectError(await clientFor(app).get(`/api/auth/invite/${first}`), 404, 'link_invalid');
    const second = tokenOf(again.body.link.url);
    advance(7 * 24 * 60 + 1);
    expectError(await clientFor(app).post(`/api/auth/invite/${second}`, { password: 'mit nye kodeord' }), 410, 'link_expired');

    await admin.login(ADMIN); // a week later: the admin's own session has ended too
    const m = clientFor(app);
    await m.login(MANAGER);
    const [{ id }] = await db.select({ id: users.id }).from(users).where(eq(users.email, MANAGER.email));
    const reset = await admin.post(`/api/users/${id}/reset-password`, {});
    expect(reset.body.link?.url, JSON.stringify(reset.body)).toContain('/reset/');
    expectError(await m.get('/api/auth/me'), 401);
    expectError(await m.post('/api/auth/login', MANAGER), 401, 'invalid_credentials');
    expect((await m.post(`/api/auth/reset/${tokenOf(reset.body.link.url)}`, { password: 'nulstillet kodeord' })).status).toBe(200);
    expect((await m.get('/api/auth/me')).body.user.email).toBe(MANAGER.email);
  });
});

describe('editors', () => {
  it('edit the projects they lead and nothing else', async () => {
    const { app, admin } = await clockedApp();
    const mine = (await admin.post('/api/projects', { name: 'Mit' })).body.project;
    const other = (await admin.post('/api/projects', { name: 'Andet' })).body.project;
    const goal = (await admin.post(`/api/projects/${other.id}/goals`, { title: 'G' })).body.goal;
    const ed = (await admin.post('/api/users', { email: 'lead@kommune.dk', name: 'Lead', role: 'editor', password: 'projektleder-1' })).body.user;
    await admin.put(`/api/users/${ed.id}/scopes`, { unitIds: [], projectIds: [], ledProjectIds: [mine.id] });
    const e = clientFor(app);
    await e.login({ email: 'lead@kommune.dk', password: 'projektleder-1' });
    expect((await e.get('/api/projects')).body.projects.map((p: any) => p.name)).toEqual(['Mit']);
    expect((await e.post(`/api/projects/${mine.id}/goals`, { title: 'Min' })).status).toBe(201);
    expectError(await e.post(`/api/projects/${other.id}/goals`, { title: 'X' }), 404);
    expectError(await e.del(`/api/goals/${goal.id}`), 404);
    expectError(await e.post('/api/projects', { name: 'Nyt' }), 403, 'forbidden');
    expectError(await e.get('/api/users'), 403, 'forbidden');
    expectError(await e.post('/api/units', { name: 'U', headcount: 3 }), 403, 'forbidden');
    const manager = clientFor(app);
    await manager.login(MANAGER);
    expectError(await manager.post(`/api/projects/${mine.id}/goals`, { title: 'X' }), 404);
  });
});
