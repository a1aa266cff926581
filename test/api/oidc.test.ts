// Sign-in through the municipality's identity provider, against a real OpenID Connect provider started here on
// a loopback port: the whole authorization code flow, the group → role mapping, and the refusals.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, userScopes, users } from '../../db/schema';
import { oidcSettingsSchema, type OidcConfig } from '../../server/auth/oidcConfig';
import { readServerConfig } from '../../server/config';
import { clientFor, expectError, MANAGER, testApp } from '../support/api';
import { OIDC_CLIENT, startTestProvider, type TestProvider } from '../support/oidcProvider';

const PUBLIC_URL = 'http://test.local';
const GROUPS = { admins: 'grp-admins', editors: 'grp-editors', managers: 'grp-managers', other: 'grp-canteen' };

let idp: TestProvider;
beforeAll(async () => {
  idp = await startTestProvider(`${PUBLIC_URL}/api/auth/oidc/callback`);
});
afterAll(() => idp?.close());

function oidcConfig(extra: Partial<OidcConfig> = {}): OidcConfig {
  return oidcSettingsSchema.parse({
    issuer: idp.issuer,
    ...OIDC_CLIENT,
    roleGroups: { admin: [GROUPS.admins], editor: [GROUPS.editors], manager: [GROUPS.managers] },
    label: 'Kommunens Entra ID',
    ...extra,
  });
}

type T = Awaited<ReturnType<typeof testApp>>;
const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
const valueOf = (setCookie: string | undefined) => setCookie?.split(';')[0].split('=').slice(1).join('=') ?? '';

/** GET /start: the provider's authorization URL and the sealed state cookie. */
async function start(t: T) {
  const res = await t.app.request('/api/auth/oidc/start');
  expect(res.status).toBe(302);
  const stateCookie = cookieOf(res, 'gs_oidc');
  return { authorizationUrl: res.headers.get('location')!, stateCookie: valueOf(stateCookie), setCookie: stateCookie! };
}

/** The provider's redirect back, as the browser sends it (with the state cookie, or none). */
async function callback(t: T, url: URL, stateCookie?: string) {
  const res = await t.app.request(url.pathname + url.search, { headers: stateCookie ? { cookie: `gs_oidc=${stateCookie}` } : {} });
  return { status: res.status, location: res.headers.get('location') ?? '', session: valueOf(cookieOf(res, 'gs_session')) };
}

/** The whole flow for one provider account; answers where the app sent the browser and the session, if any. */
async function signInAs(t: T, accountId: string, tamper: (authorizationUrl: URL) => void = () => {}) {
  const { authorizationUrl, stateCookie } = await start(t);
  const url = new URL(authorizationUrl);
  tamper(url);
  const back = await idp.signIn(url.href, accountId);
  return { ...(await callback(t, back, stateCookie)), back, stateCookie };
}

async function me(t: T, session: string) {
  const res = await t.app.request('/api/auth/me', { headers: { cookie: `gs_session=${session}` } });
  return { status: res.status, body: (await res.json()) as { user?: { email: string; role: string; name: string } } };
}

const userByEmail = async (t: T, email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0];
const userCount = async (t: T) => (await t.db.select().from(users)).length;

describe('sign-in through the identity provider (OIDC)', () => {
  it('is off without configuration: the login page is told so and the start answers 404', async () => {
    const t = await testApp();
    expect((await t.get('/api/auth/config')).body).toEqual({ password: true, oidc: null });
    expectError(await t.get('/api/auth/oidc/start'), 404, 'oidc_off');
    expectError(await t.get('/api/auth/oidc/callback?code=x&state=y'), 404, 'oidc_off');
  });

  it('tells the login page its label, and starts with PKCE, state and nonce in an HttpOnly SameSite=Lax cookie', async () => {
    const t = await testApp({ oidc: oidcConfig() });
    expect((await t.get('/api/auth/config')).body).toEqual({ password: true, oidc: { label: 'Kommunens Entra ID' } });
    const { authorizationUrl, setCookie } = await start(t);
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/auth/oidc/callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(p)?.length).toBeGreaterThan(20);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // Sealed: the cookie does not show the state, nonce or PKCE verifier.
    expect(setCookie).not.toContain(url.searchParams.get('state'));
  });

  it('makes a user in the admin group an admin with a working session; no password works for the account', async () => {
    const t = await testApp({ oidc: oidcConfig() });
    idp.accounts.set('anne', { email: 'Anne.Admin@Kommune.dk', name: 'Anne Admin', groups: [GROUPS.other, GROUPS.admins, GROUPS.managers] });
    const signedIn = await signInAs(t, 'anne');
    expect(signedIn).toMatchObject({ status: 302, location: '/' });
    expect((await me(t, signedIn.session)).body.user).toMatchObject({ email: 'anne.admin@kommune.dk', name: 'Anne Admin', role: 'admin' });
    // The session is a real one: an admin-only route answers.
    expect((await t.app.request('/api/users', { headers: { cookie: `gs_session=${signedIn.session}` } })).status).toBe(200);

    const account = await userByEmail(t, 'anne.admin@kommune.dk');
    expect(account.oidcSubject).toBe(`${idp.issuer} anne`);
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
    const client = clientFor(t.app);
    for (const password of ['anne', 'Anne Admin', account.passwordHash, 'x']) {
      expectError(await client.post('/api/auth/login', { email: 'anne.admin@kommune.dk', password }), 401);
    }

    // The next sign-in finds the same account.
    const again = await signInAs(t, 'anne');
    expect(again.location).toBe('/');
    expect(await userCount(t)).toBe(3);
    const logins = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'));
    expect(logins.map((l) => [l.actorId, l.details])).toEqual([
      [account.id, { method: 'oidc', role: 'admin', created: true }],
      [account.id, { method: 'oidc', role: 'admin', created: false }],
    ]);
  });

  it('refuses a user in no mapped group, and makes no account', async () => {
    const t = await testApp({ oidc: oidcConfig() });
    idp.accounts.set('carl', { email: 'carl@kommune.dk', name: 'Carl Kantine', groups: [GROUPS.other] });
    const before = await userCount(t);
    const refused = await signInAs(t, 'carl');
    expect(refused).toMatchObject({ status: 302, location: '/login?oidc_error=oidc_no_role', session: '' });
    expect(await userCount(t)).toBe(before);
    expect(await userByEmail(t, 'carl@kommune.dk')).toBeUndefined();
    // Recorded, without the stranger's e-mail.
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(entry).toMatchObject({ actorId: null, actorEmail: '', details: { method: 'oidc', reason: 'oidc_no_role' } });
  });

  it('sets the role from the groups at every sign-in; out of every group, the access and open sessions end', async () => {
    const t = await testApp({ oidc: oidcConfig() });
    idp.accounts.set('mona', { email: 'mona@kommune.dk', name: 'Mona', groups: [GROUPS.managers] });
    const first = await signInAs(t, 'mona');
    expect((await me(t, first.session)).body.user?.role).toBe('manager');
    expect((await t.app.request('/api/users', { headers: { cookie: `gs_session=${first.session}` } })).status).toBe(403);

    idp.accounts.get('mona')!.groups = [GROUPS.editors];
    const second = await signInAs(t, 'mona');
    expect((await me(t, second.session)).body.user?.role).toBe('editor');
    // The role is the account's, so the first session has the new role too.
    expect((await me(t, first.session)).body.user?.role).toBe('editor');

    idp.accounts.get('mona')!.groups = [];
    const third = await signInAs(t, 'mona');
    expect(third.location).toBe('/login?oidc_error=oidc_no_role');
    expect((await me(t, first.session)).status).toBe(401);
    expect((await me(t, second.session)).status).toBe(401);
  });

  it("maps groups to a manager's unit scopes by the units' HR ids at every sign-in, keeping project scopes", async () => {
    const scopeGroups = { 'grp-nord': ['110'], 'grp-syd': ['120', 'NOPE'] };
    const t = await testApp({ oidc: oidcConfig({ scopeGroups }) });
    await t.login();
    const nord = (await t.post('/api/units', { name: 'Nord', headcount: 10, externalId: '110' })).body.unit;
    const syd = (await t.post('/api/units', { name: 'Syd', headcount: 10, externalId: '120' })).body.unit;
    const other = (await t.post('/api/units', { name: 'Andet', headcount: 10, externalId: '130' })).body.unit;
    const project = (await t.post('/api/projects', { name: 'P' })).body.project;
    const scopesOf = async (userId: number) =>
      (await t.db.select().from(userScopes).where(eq(userScopes.userId, userId))).map((s) => (s.unitId ? `unit:${s.unitId}` : `project:${s.projectId}`)).sort();

    idp.accounts.set('mia', { email: 'mia@kommune.dk', name: 'Mia', groups: [GROUPS.managers, 'grp-nord', GROUPS.other] });
    expect((await signInAs(t, 'mia')).location).toBe('/');
    const mia = await userByEmail(t, 'mia@kommune.dk');
    expect(await scopesOf(mia.id)).toEqual([`unit:${nord.id}`]);

    // The secretariat adds a project and another unit by hand; the next sign-in puts the units back to the groups'.
    expect((await t.put(`/api/users/${mia.id}/scopes`, { unitIds: [nord.id, other.id], projectIds: [project.id] })).status).toBe(200);
    idp.accounts.get('mia')!.groups = [GROUPS.managers, 'grp-syd'];
    const session = (await signInAs(t, 'mia')).session;
    expect(await scopesOf(mia.id)).toEqual([`project:${project.id}`, `unit:${syd.id}`].sort());
    // The scope is the one access checks use: the manager reads Syd's unit, not Nord's.
    const asMia = (path: string) => t.app.request(path, { headers: { cookie: `gs_session=${session}` } });
    const visible = ((await (await asMia('/api/units')).json()) as { units: { id: number }[] }).units.map((u) => u.id);
    expect(visible).toContain(syd.id);
    expect(visible).not.toContain(nord.id);

    // In no scope group: no unit scopes (the project scope stays); an admin's scopes are never touched.
    idp.accounts.get('mia')!.groups = [GROUPS.managers];
    await signInAs(t, 'mia');
    expect(await scopesOf(mia.id)).toEqual([`project:${project.id}`]);
    idp.accounts.set('ada', { email: 'ada@kommune.dk', name: 'Ada', groups: [GROUPS.admins, 'grp-nord'] });
    await signInAs(t, 'ada');
    expect(await scopesOf((await userByEmail(t, 'ada@kommune.dk')).id)).toEqual([]);
  });

  it('refuses a callback whose state is not the one this browser started with, or that has no state cookie', async () => {
    const t = await testApp({ oidc: oidcConfig() });
    idp.accounts.set('anne', { email: 'anne@kommune.dk', name: 'Anne', groups: [GROUPS.admins] });
    const { authorizationUrl, stateCookie } = await start(t);
    const back = await idp.signIn(authorizationUrl, 'anne');

    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state');
    expect(await callback(t, forged, stateCookie)).toMatchObject({ status: 302, location: '/login?oidc_error=oidc_state', session: '' });
    // Another browser's state cookie, or none at all (a link sent to a victim).
    const other = await start(t);
    expect(await callback(t, back, other.stateCookie)).toMatchObject({ location: '/login?oidc_error=oidc_state', session: '' });
    expect(await callback(t, back)).toMatchObject({ location: '/login?oidc_error=oidc_state', session: '' });
    expect(await callback(t, back, stateCookie.slice(0, -4) + 'AAAA')).toMatchObject({ location: '/login?oidc_error=oidc_state', session: '' });
    expect(await userByEmail(t, 'anne@kommune.dk')).toBeUndefined();
  });

  it('refuses a replayed code', async () => {
    const t = await testApp({ oidc: oidcConfig() });
    idp.accounts.set('anne', { email: 'anne@kommune.dk', name: 'Anne', groups: [GROUPS.admins] });
    const first = await signInAs(t, 'anne');
    expect(first.location).toBe('/');
    const sessionsBefore = (await t.db.select().from(sessions)).length;
    // The same answer and the same cookie again (a copied URL and cookie): the provider refuses the used code.
    expect(await callback(t, first.back, first.stateCookie)).toMatchObject({ status: 302, location: '/login?oidc_error=oidc_invalid', session: '' });
    expect((await t.db.select().from(sessions)).length).toBe(sessionsBefore);
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const t = await testApp({ oidc: oidcConfig() });
    idp.accounts.set('anne', { email: 'anne@kommune.dk', name: 'Anne', groups: [GROUPS.admins] });
    const refused = await signInAs(t, 'anne', (url) => url.searchParams.set('nonce', 'an-attackers-nonce-0123456789abcdef'));
    expect(refused).toMatchObject({ status: 302, location: '/login?oidc_error=oidc_invalid', session: '' });
    expect(await userByEmail(t, 'anne@kommune.dk')).toBeUndefined();
  });

  it('answers a cancelled sign-in or a malformed callback with the login page, not raw JSON', async () => {
    const t = await testApp({ oidc: oidcConfig() });
    const { authorizationUrl, stateCookie } = await start(t);
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    const cancelled = new URL(`${PUBLIC_URL}/api/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`);
    expect(await callback(t, cancelled, stateCookie)).toMatchObject({ status: 302, location: '/login?oidc_error=oidc_denied' });
    const huge = new URL(`${PUBLIC_URL}/api/auth/oidc/callback?code=${'a'.repeat(9000)}&state=${state}`);
    expect(await callback(t, huge, stateCookie)).toMatchObject({ status: 302, location: '/login?oidc_error=oidc_invalid' });
  });

  it('sends the browser back to the login page when the provider cannot be reached', async () => {
    const t = await testApp({ oidc: oidcConfig({ issuer: 'http://127.0.0.1:9/' }) });
    const res = await t.app.request('/api/auth/oidc/start');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?oidc_error=oidc_unavailable');
  });

  it('does not take over a password account with the same e-mail, unless linking by e-mail is switched on', async () => {
    idp.accounts.set('mette', { email: MANAGER.email, name: 'Mette', groups: [GROUPS.admins] });
    const t = await testApp({ oidc: oidcConfig() });
    expect((await signInAs(t, 'mette')).location).toBe('/login?oidc_error=oidc_email_taken');
    expect((await userByEmail(t, MANAGER.email)).role).toBe('manager');

    // Linking on, but the provider does not vouch for the address: still refused.
    const linking = await testApp({ oidc: oidcConfig({ linkByEmail: true }) });
    idp.accounts.get('mette')!.emailVerified = false;
    expect((await signInAs(linking, 'mette')).location).toBe('/login?oidc_error=oidc_email_taken');
    idp.accounts.get('mette')!.emailVerified = true;
    const linked = await signInAs(linking, 'mette');
    expect(linked.location).toBe('/');
    expect((await me(linking, linked.session)).body.user).toMatchObject({ email: MANAGER.email, role: 'admin' });
    expect((await userByEmail(linking, MANAGER.email)).oidcSubject).toBe(`${idp.issuer} mette`);
    // From now on the account signs in through the provider only.
    expectError(await clientFor(linking.app).post('/api/auth/login', MANAGER), 401);
  });
});

describe('OIDC configuration from the environment', () => {
  const base = { OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0', OIDC_CLIENT_ID: 'app-id', OIDC_ROLE_GROUPS: '{"admin":["g1"],"manager":["g2","g3"]}' };

  it('is off without OIDC_ISSUER, and fills in the defaults when set', () => {
    expect(readServerConfig({}).oidc).toBeUndefined();
    expect(readServerConfig(base).oidc).toEqual({
      issuer: base.OIDC_ISSUER,
      clientId: 'app-id',
      scopes: 'openid profile email',
      groupsClaim: 'groups',
      roleGroups: { admin: ['g1'], editor: [], manager: ['g2', 'g3'] },
      linkByEmail: false,
    });
  });

  it('reads OIDC_SCOPE_GROUPS as group=externalUnitId pairs', () => {
    expect(readServerConfig({ ...base, OIDC_SCOPE_GROUPS: 'g1=110, g1=111,g2=120' }).oidc?.scopeGroups).toEqual({ g1: ['110', '111'], g2: ['120'] });
    expect(readServerConfig({ ...base, OIDC_SCOPE_GROUPS: '' }).oidc?.scopeGroups).toBeUndefined();
  });

  it.each([
    [{ OIDC_SCOPE_GROUPS: 'g1' }, /group=externalUnitId/],
    [{ OIDC_SCOPE_GROUPS: '=110' }, /group=externalUnitId/],
    [{ OIDC_CLIENT_ID: undefined }, /OIDC_CLIENT_ID/],
    [{ OIDC_ROLE_GROUPS: undefined }, /OIDC_ROLE_GROUPS/],
    [{ OIDC_ROLE_GROUPS: 'admin=g1' }, /must be JSON/],
    [{ OIDC_ROLE_GROUPS: '{"admin":[]}' }, /at least one group/],
    [{ OIDC_ROLE_GROUPS: '{"owner":["g1"]}' }, /OIDC_ROLE_GROUPS/],
    [{ OIDC_SCOPES: 'profile email' }, /must include openid/],
    [{ OIDC_ISSUER: 'not a url' }, /OIDC_ISSUER/],
    [{ TENANTS_FILE: '/etc/tenants.json' }, /per municipality|own "oidc"/],
  ])('refuses to start with %o', (change, message) => {
    expect(() => readServerConfig({ ...base, ...change })).toThrow(message);
  });
});
