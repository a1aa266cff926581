// Every route of the app, taken from the app itself (not a hand list), answers as its declared access level says:
// anonymous callers, an unscoped manager, managers scoped to another project or to the project, the project's
// editor (project lead), an editor of another project, and an admin. And a route that declares no access stops the
// app from being built. Two callers may write (the admin and the project's editor), so each gets its own copy of the
// fixture: one's DELETE cannot turn the other's call into a 404.
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { access, routeAccess, type AccessLevel } from '../../server/http/access';
import type { AppEnv } from '../../server/http/env';
import { ADMIN, MANAGER, clientFor, testApp } from '../support/api';

type Client = ReturnType<typeof clientFor>;
type Answer = Awaited<ReturnType<Client['get']>>;
/** No login; a manager without scopes; managers granted another project or the fixture's project; the editor of
 *  the fixture's project and of another one; the secretariat. */
type Caller = 'anonymous' | 'manager' | 'elsewhere' | 'inProject' | 'editor' | 'editorElsewhere' | 'admin';

/** A small project with one of everything, a second project, and the accounts to call with. */
async function fixture() {
  const t = await testApp();
  await t.login();
  const ok = <T,>(res: Answer, what: string): T => {
    if (res.status >= 300) throw new Error(`fixture: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const project = ok<any>(await t.post('/api/projects', { name: 'P' }), 'project').project;
  const other = ok<any>(await t.post('/api/projects', { name: 'Q' }), 'other project').project;
  const unit = ok<any>(await t.post('/api/units', { name: 'A', headcount: 10 }), 'unit').unit;
  ok(await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null }), 'rollout');
  const goal = ok<any>(await t.post(`/api/projects/${project.id}/goals`, { title: 'G' }), 'goal').goal;
  const enabler = ok<any>(await t.post(`/api/projects/${project.id}/enablers`, { title: 'E' }), 'enabler').enabler;
  const benefit = ok<any>(await t.post(`/api/projects/${project.id}/benefits`, { title: 'B' }), 'benefit').benefit;
  const measurement = ok<any>(await t.post(`/api/benefits/${benefit.id}/measurements`, { value: 1, measuredOn: '2026-01-05' }), 'measurement').measurement;
  const behaviour = ok<any>(await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Ny adfærd' }), 'behaviour').behaviour;
  const wave = ok<any>(await t.post(`/api/projects/${project.id}/waves`, { name: 'W', phase: 'baseline' }), 'wave').wave;
  const opened = ok<any>(await t.post(`/api/waves/${wave.id}/open`), 'open wave').wave;
  const [link] = ok<any>(await t.get(`/api/waves/${wave.id}/links`), 'links').links;
  const group = ok<any>(await t.post(`/api/projects/${project.id}/reporting-groups`, { name: 'R', unitIds: [unit.id] }), 'reporting group').group;
  ok(await t.post(`/api/behaviours/${behaviour.id}/usage/import`, { csv: `enhed;fra;til;værdi\nA;2026-01-01;2026-01-31;1` }), 'usage import');
  const usage = ok<any>(await t.get(`/api/behaviours/${behaviour.id}/usage`), 'usage').usage.figures[0];
  const shareLink = ok<any>(await t.post(`/api/projects/${project.id}/share-links`, { unitId: unit.id }), 'share link').shareLink;
  const action = ok<any>(await t.post(`/api/projects/${project.id}/actions`, { unitId: unit.id, behaviourId: behaviour.id, type: 'other', title: 'H' }), 'action').action;
  const workshop = ok<any>(await t.post(`/api/projects/${project.id}/units/${unit.id}/workshops`, { behaviourId: behaviour.id }), 'workshop').workshop;
  const suggestion = ok<any>(await t.post(`/api/w/${workshop.code}/suggestions`, { kind: 'looks_like', text: 'S' }), 'workshop suggestion').suggestion;

  const account = async (email: string, projectIds: number[], role: 'manager' | 'editor' = 'manager') => {
    const password = 'route-access-1';
    const user = ok<any>(await t.post('/api/users', { email, name: email, role, password }), `user ${email}`).user;
    const scopes = role === 'editor' ? { unitIds: [], projectIds: [], ledProjectIds: projectIds } : { unitIds: [], projectIds };
    ok(await t.put(`/api/users/${user.id}/scopes`, scopes), `scopes of ${email}`);
    return { user, login: { email, password } };
  };
  const elsewhere = await account('elsewhere@test.dk', [other.id]);
  const inProject = await account('inproject@test.dk', [project.id]);
  const editor = await account('editor@test.dk', [project.id], 'editor');
  const editorElsewhere = await account('editor-elsewhere@test.dk', [other.id], 'editor');
  // /api/users/:id routes act on an account nobody calls with (a reset or delete must not end a caller's session).
  const bystander = await account('bystander@test.dk', []);

  const params: Record<string, string | number> = { projectId: project.id, unitId: unit.id, groupId: group.id, versionId: opened.surveyVersionId, linkId: link.id, token: link.token, code: link.shortCode, shareLinkId: shareLink.id, suggestionId: suggestion.id, behaviourId: behaviour.id };
  const ids: Record<string, number> = { behaviours: behaviour.id, benefits: benefit.id, measurements: measurement.id, goals: goal.id, enablers: enabler.id, waves: wave.id, units: unit.id, users: bystander.user.id, usage: usage.id, actions: action.id, workshops: workshop.id };
  const urlOf = (path: string) =>
    path.replace(/:(\w+)/g, (_, name: string) => {
      const resource = path.split('/')[2];
      const value = name === 'id' ? ids[resource] : params[name];
      if (value === undefined) throw new Error(`routeAccess.test: no fixture value for :${name} in ${path}; add one`);
      return String(value);
    });

  const callers: Record<Caller, { client: Client; login?: { email: string; password: string } }> = {
    anonymous: { client: clientFor(t.app) },
    manager: { client: clientFor(t.app), login: MANAGER },
    elsewhere: { client: clientFor(t.app), login: elsewhere.login },
    inProject: { client: clientFor(t.app), login: inProject.login },
    editor: { client: clientFor(t.app), login: editor.login },
    editorElsewhere: { client: clientFor(t.app), login: editorElsewhere.login },
    admin: { client: t, login: ADMIN },
  };
  for (const c of Object.values(callers)) if (c.login) await c.client.login(c.login);
  return { t, urlOf, callers };
}

/** Calls method+path with a syntactically valid, minimal body ({} for writes). */
function call(client: Client, method: string, url: string): Promise<Answer> {
  switch (method) {
    case 'GET':
      return client.get(url);
    case 'POST':
      return client.post(url, {});
    case 'PUT':
      return client.put(url, {});
    case 'PATCH':
      return client.patch(url, {});
    case 'DELETE':
      return client.del(url);
    default:
      throw new Error(`routeAccess.test: no way to call ${method} ${url}`);
  }
}

const refused = (s: number) => s === 401 || s === 403;

/** What each caller must (not) get, per level. A predicate answers true when the status fits. */
const expected: Record<AccessLevel, Partial<Record<Caller, [string, (s: number) => boolean]>>> = {
  public: {
    anonymous: ['never 401/403', (s) => !refused(s)],
    manager: ['never 401/403', (s) => !refused(s)],
    elsewhere: ['never 401/403', (s) => !refused(s)],
    editor: ['never 401/403', (s) => !refused(s)],
    admin: ['never 401/403', (s) => !refused(s)],
  },
  user: {
    anonymous: ['401', (s) => s === 401],
    manager: ['not 401/403', (s) => !refused(s)],
    elsewhere: ['not 401/403', (s) => !refused(s)],
    inProject: ['not 401/403', (s) => !refused(s)],
    editor: ['not 401/403', (s) => !refused(s)],
    editorElsewhere: ['not 401/403', (s) => !refused(s)],
    admin: ['not 401/403', (s) => !refused(s)],
  },
  admin: {
    anonymous: ['401', (s) => s === 401],
    manager: ['403', (s) => s === 403],
    elsewhere: ['403', (s) => s === 403],
    inProject: ['403', (s) => s === 403],
    // A project lead manages their project, not accounts, settings, the unit tree or which projects exist.
    editor: ['403', (s) => s === 403],
    editorElsewhere: ['403', (s) => s === 403],
    admin: ['not 401/403', (s) => !refused(s)],
  },
  projectReader: {
    anonymous: ['401', (s) => s === 401],
    manager: ['404', (s) => s === 404],
    elsewhere: ['404', (s) => s === 404],
    // Real ids: a reader gets the answer, so the 404s above come from the access check, not a missing item.
    inProject: ['200', (s) => s === 200],
    editor: ['200', (s) => s === 200],
    editorElsewhere: ['404', (s) => s === 404],
    admin: ['200', (s) => s === 200],
  },
  projectAdmin: {
    anonymous: ['401', (s) => s === 401],
    manager: ['404', (s) => s === 404],
    elsewhere: ['404', (s) => s === 404],
    inProject: ['403', (s) => s === 403],
    editor: ['not 401/403/404', (s) => !refused(s) && s !== 404],
    editorElsewhere: ['404', (s) => s === 404],
    admin: ['not 401/403/404', (s) => !refused(s) && s !== 404],
  },
};

/** Routes whose handler narrows its declared level further, answering these callers as another level does: a unit
 *  leader's writes (assertUnitLeader) are declared projectReader, and answer like projectAdmin (a manager scoped to
 *  the whole project leads no unit in it: 403). */
const ANSWERS_AS: Record<string, AccessLevel> = {
  // A benefit's status: any reader reaches it, but only its owner account, the project's editors and the secretariat
  // set it; the fixture's reader owns nothing (403 not_benefit_owner, before the body is read).
  'PATCH /api/benefits/:id/status': 'projectAdmin',
  'POST /api/projects/:projectId/actions': 'projectAdmin',
  'PATCH /api/actions/:id': 'projectAdmin',
  'DELETE /api/actions/:id': 'projectAdmin',
  // Workshops and the agreed descriptions: the unit's leader (assertUnitLeader) — a project-only reader is 403.
  'POST /api/projects/:projectId/units/:unitId/workshops': 'projectAdmin',
  'PUT /api/projects/:projectId/units/:unitId/behaviours/:behaviourId/description': 'projectAdmin',
  'POST /api/workshops/:id/suggestions/:suggestionId/hide': 'projectAdmin',
  'POST /api/workshops/:id/close': 'projectAdmin',
};

/** Callers that may write somewhere each get their own fixture; everyone else shares the admin's. */
const FIXTURE_OF: Record<Caller, 'admin' | 'editor'> = { anonymous: 'admin', manager: 'admin', elsewhere: 'admin', inProject: 'admin', editorElsewhere: 'admin', admin: 'admin', editor: 'editor' };

describe('route access', () => {
  /** Each route called by each caller its level has an expectation for, with what came back. */
  const answers: { route: string; level: AccessLevel; who: string; want: string; fits: boolean; status: number; body: string }[] = [];
  let routes: ReturnType<typeof routeAccess> = [];

  beforeAll(async () => {
    const fixtures = { admin: await fixture(), editor: await fixture() };
    routes = routeAccess(fixtures.admin.t.app);
    // Reads first, so the writes (delete, close, retire …) cannot change what a later read finds.
    const ordered = [...routes].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    for (const { method, path, level } of ordered) {
      for (const [who, [want, fits]] of Object.entries(expected[ANSWERS_AS[`${method} ${path}`] ?? level]) as [Caller, [string, (s: number) => boolean]][]) {
        const { urlOf, callers } = fixtures[FIXTURE_OF[who]];
        const { client, login } = callers[who];
        const res = await call(client, method, urlOf(path));
        answers.push({ route: `${method} ${path}`, level, who, want, fits: fits(res.status), status: res.status, body: JSON.stringify(res.body)?.slice(0, 160) ?? '' });
        // Logging out ends the caller's session(s); log back in for the routes after it.
        if ((path === '/api/auth/logout' || path === '/api/auth/logout-all') && who !== 'anonymous') await client.login(login);
      }
    }
  });

  it('finds the whole API in the app, not just its middleware', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes).toContainEqual({ method: 'GET', path: '/api/projects/:projectId/report', level: 'projectReader' });
    expect(routes).toContainEqual({ method: 'DELETE', path: '/api/users/:id', level: 'admin' });
    expect(routes).toContainEqual({ method: 'POST', path: '/api/s/:token/responses', level: 'public' });
  });

  // The tests below check each route against its *declared* level; this makes a changed declaration (or a new
  // route) show up in review as a snapshot diff.
  it('keeps the table of routes and their access levels', () => {
    expect(routes.map((r) => `${r.level.padEnd(13)} ${r.method.padEnd(6)} ${r.path}`).join('\n')).toMatchSnapshot();
  });

  it('answers anonymous callers, managers, editors and admins on every route as its declared level says', () => {
    const wrong = answers.filter((a) => !a.fits).map((a) => `${a.route} (${a.level}) as ${a.who}: want ${a.want}, got ${a.status} ${a.body}`);
    expect(wrong).toEqual([]);
  });

  it('calls every route as every kind of caller its level names, the editors included', () => {
    expect(new Set(answers.map((a) => a.who))).toEqual(new Set(['anonymous', 'manager', 'elsewhere', 'inProject', 'editor', 'editorElsewhere', 'admin']));
    const editorWrites = answers.filter((a) => a.who === 'editor' && a.level === 'projectAdmin' && a.status < 300);
    expect(editorWrites.length).toBeGreaterThan(20);
  });

  it('answers a minimal request on every route without a server error', () => {
    const crashed = answers.filter((a) => a.status >= 500).map((a) => `${a.route} as ${a.who}: ${a.status} ${a.body}`);
    expect(crashed).toEqual([]);
  });
});

describe('routeAccess: default deny', () => {
  const ok = (c: { json: (v: unknown) => Response }) => c.json({ ok: true });

  it('throws, naming the route, when a route declares no access', () => {
    const app = new Hono<AppEnv>().get('/declared', access('user'), ok).post('/forgotten', ok);
    expect(() => routeAccess(app)).toThrow(/POST \/forgotten: no access\(\) declaration/);
    expect(() => routeAccess(app)).not.toThrow(/GET \/declared/);
  });

  it('does not count a .use() in front of routes as their declaration', () => {
    const sub = new Hono<AppEnv>().use(access('admin')).get('/x', ok);
    expect(() => routeAccess(new Hono().route('/api', sub))).toThrow(/GET \/api\/x: no access\(\) declaration/);
  });

  it('refuses a project check on a path without :projectId, and two declarations on one route', () => {
    expect(() => routeAccess(new Hono<AppEnv>().get('/things/:id', access('projectReader'), ok))).toThrow(/reads :projectId, which the path lacks/);
    expect(() => routeAccess(new Hono<AppEnv>().get('/x', access('public'), access('admin'), ok))).toThrow(/GET \/x: 2 access\(\) declarations/);
  });

  it('lists declared routes with their level, through sub-apps, ignoring app-level middleware', () => {
    const sub = new Hono<AppEnv>().get('/projects/:projectId', access('projectReader'), ok).delete('/users/:id', access('admin'), ok);
    const app = new Hono<AppEnv>()
      .use(async (_c, next) => next())
      .route('/api', sub);
    expect(routeAccess(app)).toEqual([
      { method: 'GET', path: '/api/projects/:projectId', level: 'projectReader' },
      { method: 'DELETE', path: '/api/users/:id', level: 'admin' },
    ]);
  });
});
