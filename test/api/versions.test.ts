// Optimistic concurrency (server/services/versioned.ts): two admins load the same thing and both edit it; the
// second's edit answers 409 stale_version with the entity as it is now and the fields that differ, and nothing
// of it is stored. Every client below sends the version it read explicitly (never the test client's memory).
import { describe, expect, it } from 'vitest';
import { ADMIN, clientFor, expectError, testApp } from '../support/api';

type Client = ReturnType<typeof clientFor>;

/** An admin, a second admin's client on the same app, and a project with everything the editors edit. */
async function twoEditors() {
  const t = await testApp();
  await t.login();
  const other = clientFor(t.app);
  await other.login(ADMIN);
  const project = (await t.post('/api/projects', { name: 'Digital overlevering', goals: ['Mere tid'], enablers: ['Tablet'] })).body.project;
  const base = `/api/projects/${project.id}`;
  const units = [];
  for (const [name, headcount] of [['Nat', 2], ['Aften', 3], ['Dag', 30]] as const) {
    const unit = (await t.post('/api/units', { name, headcount })).body.unit;
    await t.put(`${base}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' });
    units.push(unit);
  }
  const benefit = (await t.post(`${base}/benefits`, { title: 'Kortere overlevering' })).body.benefit;
  const behaviour = (await t.post(`${base}/behaviours`, { title: 'Læser status selv' })).body.behaviour;
  const wave = (await t.post(`${base}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
  const group = (await t.post(`${base}/reporting-groups`, { name: 'Små vagter', unitIds: [units[0].id, units[1].id] })).body.group;
  const manager = (await t.get('/api/users')).body.users.find((u: any) => u.role === 'manager');
  return { t, other, project, base, units, benefit, behaviour, wave, group, manager };
}

type Setup = Awaited<ReturnType<typeof twoEditors>>;

interface Entity {
  name: string;
  /** What an editor loads, with the version it carries. */
  load: (s: Setup, c: Client) => Promise<{ version: number; [k: string]: any }>;
  path: (s: Setup, loaded: Record<string, any>) => string;
  method?: 'patch' | 'put';
  field: string;
  /** The two editors' values for `field`. */
  values: [unknown, unknown];
  /** The body of an edit setting `field` to a value. */
  body?: (value: unknown) => Record<string, unknown>;
}

const detail = async (s: Setup, c: Client) => (await c.get(s.base)).body.project;

const entities: Entity[] = [
  { name: 'project', load: detail, path: (s) => s.base, field: 'name', values: ['Overlevering på tablet', 'Mobil overlevering'] },
  { name: 'goal', load: async (s, c) => (await detail(s, c)).goals[0], path: (_s, goal) => `/api/goals/${goal.id}`, field: 'title', values: ['Mere tid til beboerne', 'Færre fejl'] },
  { name: 'enabler', load: async (s, c) => (await detail(s, c)).enablers[0], path: (_s, enabler) => `/api/enablers/${enabler.id}`, field: 'title', values: ['Tablet på hver gang', 'Ny skærm'] },
  { name: 'benefit', load: async (s, c) => (await detail(s, c)).benefits[0], path: (s) => `/api/benefits/${s.benefit.id}`, field: 'owner', values: ['Centerleder', 'Områdechef'] },
  { name: 'behaviour', load: async (s, c) => (await detail(s, c)).behaviours[0], path: (s) => `/api/behaviours/${s.behaviour.id}`, field: 'title', values: ['Læser status på tablet', 'Skriver noter selv'] },
  { name: 'behaviour links', load: async (s, c) => (await detail(s, c)).behaviours[0], path: (s) => `/api/behaviours/${s.behaviour.id}`, field: 'unitIds', values: [[1], [2, 3]] },
  { name: 'unit', load: async (s, c) => (await c.get(`/api/units/${s.units[2].id}`)).body.unit, path: (s) => `/api/units/${s.units[2].id}`, field: 'headcount', values: [31, 29] },
  { name: 'wave', load: async (s, c) => (await c.get(`${s.base}/waves`)).body.waves[0], path: (s) => `/api/waves/${s.wave.id}`, field: 'name', values: ['Nulpunkt marts', 'Første måling'] },
  { name: 'reporting group', load: async (s, c) => (await c.get(`${s.base}/reporting-groups`)).body.groups[0], path: (s) => `${s.base}/reporting-groups/${s.group.id}`, field: 'name', values: ['Nat og aften', 'Små hold'] },
  { name: 'user', load: async (s, c) => (await c.get(`/api/users/${s.manager.id}`)).body.user, path: (s) => `/api/users/${s.manager.id}`, field: 'name', values: ['Hanne Jensen', 'Hanne J.'] },
  {
    name: 'survey spec',
    load: async (s, c) => {
      const { spec, surveySpecVersion } = (await c.get(`${s.base}/survey/spec`)).body;
      return { spec, version: surveySpecVersion };
    },
    path: (s) => `${s.base}/survey/spec`,
    method: 'put',
    field: 'freeText',
    values: [false, true],
    body: (freeText) => ({ spec: { freeText, required: 'none' } }),
  },
];

const send = (c: Client, e: Entity, s: Setup, loaded: Record<string, any>, body: Record<string, unknown>) => (e.method === 'put' ? c.put(e.path(s, loaded), body) : c.patch(e.path(s, loaded), body));
const bodyOf = (e: Entity, value: unknown) => (e.body ? e.body(value) : { [e.field]: value });
/** The stored value of the field, read back as an editor would. */
const storedValue = async (e: Entity, s: Setup, c: Client) => {
  const loaded = await e.load(s, c);
  return e.name === 'survey spec' ? loaded.spec?.[e.field] : loaded[e.field];
};

describe('two admins edit the same thing', () => {
  for (const e of entities) {
    it(`${e.name}: the second save answers 409 with the current ${e.name} and what changed; nothing of it is stored`, async () => {
      const s = await twoEditors();
      const mine = await e.load(s, s.t);
      const theirs = await e.load(s, s.other);
      expect(typeof mine.version).toBe('number');
      expect(theirs.version).toBe(mine.version);

      const first = await send(s.t, e, s, mine, { ...bodyOf(e, e.values[0]), version: mine.version });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const second = await send(s.other, e, s, theirs, { ...bodyOf(e, e.values[1]), version: theirs.version });
      expectError(second, 409, 'stale_version');
      const { current, currentVersion, changedFields } = second.body.error.details;
      expect(currentVersion).toBe(mine.version + 1);
      expect(changedFields).toContain(e.field);
      const currentValue = e.name === 'survey spec' ? current.spec[e.field] : current[e.field];
      expect(currentValue).toEqual(e.values[0]);
      expect(await storedValue(e, s, s.other)).toEqual(e.values[0]);

      // "Keep mine": the same change again, from the version the 409 named, is stored.
      const merged = await send(s.other, e, s, theirs, { ...bodyOf(e, e.values[1]), version: currentVersion });
      expect(merged.status, JSON.stringify(merged.body)).toBe(200);
      expect(await storedValue(e, s, s.t)).toEqual(e.values[1]);
      expect((await e.load(s, s.t)).version).toBe(currentVersion + 1);
    });
  }

  it('the survey editor and the project form have separate versions, so they do not conflict', async () => {
    const s = await twoEditors();
    const { surveySpecVersion } = (await s.t.get(`${s.base}/survey/spec`)).body;
    const project = await detail(s, s.other);
    expect((await s.t.put(`${s.base}/survey/spec`, { spec: { freeText: false }, version: surveySpecVersion })).status).toBe(200);
    expect((await s.other.patch(s.base, { name: 'Nyt navn', version: project.version })).status).toBe(200);
  });

  it('a behaviour\'s new benefits are a change to those benefits too', async () => {
    const s = await twoEditors();
    const benefit = (await detail(s, s.other)).benefits[0];
    const behaviour = (await detail(s, s.t)).behaviours[0];
    expect((await s.t.patch(`/api/behaviours/${s.behaviour.id}`, { benefitIds: [s.benefit.id], version: behaviour.version })).status).toBe(200);
    const stale = await s.other.patch(`/api/benefits/${s.benefit.id}`, { behaviourIds: [], version: benefit.version });
    expectError(stale, 409, 'stale_version');
    expect(stale.body.error.details.changedFields).toEqual(['behaviourIds']);
    expect((await detail(s, s.t)).behaviours[0].benefitIds).toEqual([s.benefit.id]);
  });
});

describe('two saves of the survey at the same moment', () => {
  it('exactly one wins; the other gets 409 and its spec is not stored', async () => {
    const s = await twoEditors();
    const { surveySpecVersion } = (await s.t.get(`${s.base}/survey/spec`)).body;
    const specs = [{ freeText: false, required: 'all' }, { freeText: true, required: 'none' }];
    const answers = await Promise.all([
      s.t.put(`${s.base}/survey/spec`, { spec: specs[0], version: surveySpecVersion }),
      s.other.put(`${s.base}/survey/spec`, { spec: specs[1], version: surveySpecVersion }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.findIndex((a) => a.status === 200);
    expectError(answers[1 - winner], 409, 'stale_version');
    expect(answers[winner].body.surveySpecVersion).toBe(surveySpecVersion + 1);
    const stored = (await s.t.get(`${s.base}/survey/spec`)).body;
    expect(stored.surveySpecVersion).toBe(surveySpecVersion + 1);
    expect(stored.spec).toMatchObject(specs[winner]);
  });
});

describe('an edit without a usable version', () => {
  it('answers 400 for a missing or wrong-typed version and stores nothing', async () => {
    const s = await twoEditors();
    const edits: [string, 'patch' | 'put' | 'post', Record<string, unknown>][] = [
      [s.base, 'patch', { name: 'X' }],
      [`/api/benefits/${s.benefit.id}`, 'patch', { title: 'X' }],
      [`/api/behaviours/${s.behaviour.id}`, 'patch', { title: 'X' }],
      [`/api/units/${s.units[0].id}`, 'patch', { name: 'X' }],
      [`/api/waves/${s.wave.id}`, 'patch', { name: 'X' }],
      [`${s.base}/reporting-groups/${s.group.id}`, 'patch', { name: 'X' }],
      [`/api/users/${s.manager.id}`, 'patch', { name: 'X' }],
      [`${s.base}/survey/spec`, 'put', { spec: { freeText: false } }],
      [`${s.base}/archive`, 'post', {}],
      [`/api/units/${s.units[0].id}/retire`, 'post', {}],
    ];
    const before = await detail(s, s.t);
    for (const [path, method, body] of edits) {
      for (const version of [undefined, '1', 1.5, 0, -1, null, true, [1]]) {
        const res = await s.t[method](path, { ...body, version });
        expectError(res, 400, 'invalid_input');
        expect(res.body.error.details.map((d: any) => d.path)).toContain('version');
      }
    }
    const after = await detail(s, s.t);
    expect(after).toEqual(before);
    expect((await s.t.get(`${s.base}/survey/spec`)).body).toEqual({ spec: null, surveySpecVersion: 1 });
    expect((await s.t.get(`/api/units/${s.units[0].id}`)).body.unit).toMatchObject({ name: 'Nat', retiredAt: null, version: 1 });
  });
});

describe('stale archive, retire and restore', () => {
  async function renamedMeanwhile(s: Setup, path: string, body: Record<string, unknown>, version: number) {
    expect((await s.other.patch(path, { ...body, version })).status).toBe(200);
  }

  it('archiving a project renamed meanwhile answers 409 and leaves it active', async () => {
    const s = await twoEditors();
    const { version } = await detail(s, s.t);
    await renamedMeanwhile(s, s.base, { name: 'Omdøbt' }, version);
    const res = await s.t.post(`${s.base}/archive`, { version });
    expectError(res, 409, 'stale_version');
    expect(res.body.error.details.current).toMatchObject({ name: 'Omdøbt', archivedAt: null, version: version + 1 });
    expect((await detail(s, s.t)).archivedAt).toBeNull();
    // From the version it now has, it archives, and restoring needs the archived version.
    const archived = await s.t.post(`${s.base}/archive`, { version: version + 1 });
    expect(archived.body.project.archivedAt).not.toBeNull();
    expectError(await s.t.post(`${s.base}/restore`, { version: version + 1 }), 409, 'stale_version');
    expect((await s.t.post(`${s.base}/restore`, { version: version + 2 })).body.project.archivedAt).toBeNull();
  });

  it('retiring a unit changed meanwhile answers 409 and leaves it active; so does restoring a stale one', async () => {
    const s = await twoEditors();
    const unit = (await s.t.get(`/api/units/${s.units[2].id}`)).body.unit;
    await renamedMeanwhile(s, `/api/units/${unit.id}`, { headcount: 12 }, unit.version);
    expectError(await s.t.post(`/api/units/${unit.id}/retire`, { version: unit.version }), 409, 'stale_version');
    expect((await s.t.get(`/api/units/${unit.id}`)).body.unit).toMatchObject({ retiredAt: null, headcount: 12 });
    const retired = await s.t.post(`/api/units/${unit.id}/retire`, { version: unit.version + 1 });
    expect(retired.body.unit.retiredAt).not.toBeNull();
    expectError(await s.other.post(`/api/units/${unit.id}/restore`, { version: unit.version + 1 }), 409, 'stale_version');
    expect((await s.t.get(`/api/units/${unit.id}`)).body.unit.retiredAt).not.toBeNull();
  });

  it('retiring a parent with its sub-units gives each sub-unit a new version', async () => {
    const s = await twoEditors();
    const parent = (await s.t.post('/api/units', { name: 'Område' })).body.unit;
    const child = (await s.t.post('/api/units', { name: 'Hold', parentId: parent.id })).body.unit;
    expect((await s.t.post(`/api/units/${parent.id}/retire`, { withDescendants: true, version: parent.version })).status).toBe(200);
    expectError(await s.other.patch(`/api/units/${child.id}`, { name: 'Hold 2', version: child.version }), 409, 'stale_version');
  });

  it('restoring a behaviour archived again meanwhile answers 409', async () => {
    const s = await twoEditors();
    await s.t.post(`/api/waves/${s.wave.id}/open`);
    // Measured by an opened survey: deleting archives it.
    expect((await s.t.del(`/api/behaviours/${s.behaviour.id}`)).body).toMatchObject({ archived: true });
    const archived = (await detail(s, s.t)).behaviours[0];
    expect((await s.t.post(`/api/behaviours/${s.behaviour.id}/restore`, { version: archived.version })).status).toBe(200);
    expect((await s.t.del(`/api/behaviours/${s.behaviour.id}`)).body).toMatchObject({ archived: true });
    expectError(await s.other.post(`/api/behaviours/${s.behaviour.id}/restore`, { version: archived.version }), 409, 'stale_version');
    expect((await detail(s, s.t)).behaviours[0].archivedAt).not.toBeNull();
  });
});

