// Reporting groups through the HTTP API: small units of a project combined under one name. Create, list, change
// and delete; every refused input (and that it stores nothing); who may manage them; the small-unit warnings on
// a rollout and a new wave; and the suggested groupings with their one-click apply. k is the default 5.
import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { reportingGroups, reportingGroupUnits } from '../../db/schema';
import { ADMIN, clientFor, expectError, projectWithUnits, testApp } from '../support/api';

type T = Awaited<ReturnType<typeof testApp>>;

const stored = async (t: T) => ({
  groups: (await t.db.select({ n: count() }).from(reportingGroups))[0].n,
  members: (await t.db.select({ n: count() }).from(reportingGroupUnits))[0].n,
});

const groupsOf = async (t: T, projectId: number) => {
  const res = await t.get(`/api/projects/${projectId}/reporting-groups`);
  expect(res.status).toBe(200);
  return res.body.groups as any[];
};

/** Logged in as admin: a project with units in a tree. Each row: name, headcount, parent name (or null), rolled out? */
async function projectWithTree(rows: [string, number, string | null, boolean][]) {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Træ' })).body.project;
  const ids: Record<string, number> = {};
  for (const [name, headcount, parent, inProject] of rows) {
    const res = await t.post('/api/units', { name, headcount, parentId: parent ? ids[parent] : null });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[name] = res.body.unit.id;
    if (inProject) expect((await t.put(`/api/projects/${project.id}/rollouts/${ids[name]}`, { goLiveDate: null })).status).toBe(200);
  }
  return { t, project, ids };
}

/** A manager granted the project: may read it, may not set it up. */
async function scopedManager(t: T, projectId: number) {
  const login = { email: 'leder@test.dk', password: 'leder-pass-1' };
  const user = (await t.post('/api/users', { email: login.email, name: 'Leder', role: 'manager', password: login.password })).body.user;
  expect((await t.put(`/api/users/${user.id}/scopes`, { unitIds: [], projectIds: [projectId] })).status).toBe(200);
  const manager = clientFor(t.app);
  await manager.login(login);
  return manager;
}

describe('reporting groups: create, list, change, delete', () => {
  it('creates a group of project units, lists it with members and total headcount, renames, regroups and deletes it', async () => {
    const { t, project, ids } = await projectWithUnits([
      ['Nat', 2],
      ['Afløsere', 4],
      ['Dag', 20],
    ]);
    const base = `/api/projects/${project.id}/reporting-groups`;
    const created = await t.post(base, { name: '  Nat og afløsere ', unitIds: [ids[0], ids[1]] });
    expect(created.status).toBe(201);
    expect(created.body.group).toMatchObject({ name: 'Nat og afløsere', totalHeadcount: 6, reachesThreshold: true });
    expect(created.body.group.members).toEqual([
      { unitId: ids[1], name: 'Afløsere', headcount: 4, retired: false },
      { unitId: ids[0], name: 'Nat', headcount: 2, retired: false },
    ]);
    expect(created.body.warnings).toEqual([]);
    const list = await t.get(base);
    expect(list.body.threshold).toBe(5);
    expect(list.body.groups).toEqual([created.body.group]);

    // Renaming keeps the members; replacing the members keeps the name.
    const group = created.body.group.id;
    const renamed = await t.patch(`${base}/${group}`, { name: 'Små vagter' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.group).toMatchObject({ name: 'Små vagter', totalHeadcount: 6 });
    const regrouped = await t.patch(`${base}/${group}`, { unitIds: [ids[0]] });
    expect(regrouped.body.group).toMatchObject({ name: 'Små vagter', totalHeadcount: 2, reachesThreshold: false });
    expect(regrouped.body.group.members.map((m: any) => m.unitId)).toEqual([ids[0]]);
    // Under the threshold: allowed, with a warning that names the group.
    expect(regrouped.body.warnings).toEqual([{ code: 'small_unit', unitId: ids[0], unitName: 'Nat', headcount: 2, groupName: 'Små vagter' }]);
    // A change of nothing is refused, and changes nothing.
    expectError(await t.patch(`${base}/${group}`, {}), 400);
    expect((await t.get(base)).body.groups.find((g: any) => g.id === group)).toEqual(regrouped.body.group);
    // Afløsere is free again, so another group may take it.
    expect((await t.post(base, { name: 'Afløsere alene', unitIds: [ids[1]] })).status).toBe(201);

    expect((await t.del(`${base}/${group}`)).body).toEqual({ deleted: true });
    expect((await groupsOf(t, project.id)).map((g) => g.name)).toEqual(['Afløsere alene']);
    expect(await stored(t)).toEqual({ groups: 1, members: 1 });
    expectError(await t.del(`${base}/${group}`), 404, 'not_found');
  });

  it('leaves out of a group a unit taken out of the project, and counts only active members', async () => {
    const { t, project, ids } = await projectWithUnits([
      ['Nat', 3],
      ['Aften', 3],
      ['Weekend', 3],
    ]);
    const base = `/api/projects/${project.id}/reporting-groups`;
    await t.post(base, { name: 'G', unitIds: ids });
    expect((await groupsOf(t, project.id))[0].totalHeadcount).toBe(9);
    await t.del(`/api/projects/${project.id}/rollouts/${ids[2]}`);
    expect((await groupsOf(t, project.id))[0]).toMatchObject({ totalHeadcount: 6, members: [{ name: 'Aften' }, { name: 'Nat' }] });
    await t.post(`/api/units/${ids[1]}/retire`);
    expect((await groupsOf(t, project.id))[0]).toMatchObject({ totalHeadcount: 3, reachesThreshold: false, members: [{ name: 'Aften', retired: true }, { name: 'Nat' }] });
  });
});

describe('reporting groups: refused input stores nothing', () => {
  it('refuses unknown and foreign units, a unit in two groups, bad names, duplicate names and bad bodies', async () => {
    const { t, project, ids } = await projectWithUnits([
      ['Nat', 2],
      ['Afløsere', 4],
      ['Dag', 20],
    ]);
    const base = `/api/projects/${project.id}/reporting-groups`;
    const foreign = (await t.post('/api/units', { name: 'Andet sted', headcount: 3 })).body.unit;
    const otherProject = (await t.post('/api/projects', { name: 'Q' })).body.project;
    await t.put(`/api/projects/${otherProject.id}/rollouts/${foreign.id}`, { goLiveDate: null });
    const first = (await t.post(base, { name: 'Nat og Afløsere', unitIds: [ids[0], ids[1]] })).body.group;
    const before = await stored(t);

    const unknown = await t.post(base, { name: 'X', unitIds: [ids[2], 99999] });
    expectError(unknown, 400, 'unit_not_in_project');
    expect(unknown.body.error.details).toMatchObject([{ path: 'unitIds', code: 'unit_not_in_project', unitId: 99999 }]);
    const outside = await t.post(base, { name: 'X', unitIds: [foreign.id] });
    expectError(outside, 400, 'unit_not_in_project');
    expect(outside.body.error.details[0].unitId).toBe(foreign.id);

    const twice = await t.post(base, { name: 'X', unitIds: [ids[2], ids[0]] });
    expectError(twice, 409, 'unit_in_other_group');
    expect(twice.body.error.details).toEqual([
      { path: 'unitIds', code: 'unit_in_other_group', message: '"Nat" is already in the reporting group "Nat og Afløsere"', unitId: ids[0], groupId: first.id, groupName: 'Nat og Afløsere' },
    ]);

    // Names: required, trimmed, at most 120 characters, unique in the project whatever the case (æøå included).
    for (const name of ['', '   ', 'x'.repeat(121)]) {
      const res = await t.post(base, { name, unitIds: [ids[2]] });
      expectError(res, 400, 'invalid_input');
      expect(res.body.error.details[0].path).toBe('name');
    }
    const dup = await t.post(base, { name: ' NAT OG AFLØSERE ', unitIds: [ids[2]] });
    expectError(dup, 409, 'group_name_taken');
    expect(dup.body.error.details[0].path).toBe('name');

    // Shapes: units required (at least one, none twice), no unknown fields, JSON only.
    expectError(await t.post(base, { name: 'X' }), 400, 'invalid_input');
    expectError(await t.post(base, { name: 'X', unitIds: [] }), 400, 'invalid_input');
    expectError(await t.post(base, { name: 'X', unitIds: [ids[2], ids[2]] }), 400, 'invalid_input');
    expectError(await t.post(base, { name: 'X', unitIds: ['1'] }), 400, 'invalid_input');
    expectError(await t.post(base, { name: 'X', unitIds: [ids[2]], projectId: 1 }), 400, 'invalid_input');
    expectError(await t.postRaw(base, '{"name": "X", "unitIds": ['), 400);
    const login = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const text = await t.app.request(base, { method: 'POST', headers: { cookie, 'content-type': 'text/plain', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ name: 'X', unitIds: [ids[2]] }) });
    expect(text.status).toBe(415);

    // Changes are checked the same way, and a group of another project is not found.
    const second = (await t.post(base, { name: 'Dag', unitIds: [ids[2]] })).body.group;
    const mid = await stored(t);
    expectError(await t.patch(`${base}/${second.id}`, { name: 'nat og afløsere' }), 409, 'group_name_taken');
    expectError(await t.patch(`${base}/${second.id}`, { unitIds: [ids[2], ids[1]] }), 409, 'unit_in_other_group');
    expectError(await t.patch(`${base}/${second.id}`, { unitIds: [foreign.id] }), 400, 'unit_not_in_project');
    expectError(await t.patch(`${base}/${second.id}`, { unitIds: [] }), 400, 'invalid_input');
    expectError(await t.patch(`${base}/${second.id}`, { name: '' }), 400, 'invalid_input');
    expectError(await t.patch(`${base}/${second.id}`, { colour: 'red' }), 400, 'invalid_input');
    expectError(await t.patch(`${base}/99999`, { name: 'Y', version: 1 }), 404, 'not_found');
    expectError(await t.patch(`/api/projects/${otherProject.id}/reporting-groups/${second.id}`, { name: 'Y' }), 404, 'not_found');
    expectError(await t.del(`/api/projects/${otherProject.id}/reporting-groups/${second.id}`), 404, 'not_found');
    expectError(await t.get(`${base}/x`), 404);
    expectError(await t.patch(`${base}/0`, { name: 'Y' }), 400, 'invalid_input');

    expect(await stored(t)).toEqual({ groups: before.groups + 1, members: before.members + 1 });
    expect(await stored(t)).toEqual(mid);
    expect((await groupsOf(t, project.id)).map((g) => [g.name, g.members.map((m: any) => m.unitId)])).toEqual([
      ['Nat og Afløsere', [ids[1], ids[0]]],
      ['Dag', [ids[2]]],
    ]);
  });

  it('refuses a retired unit as a new member, but lets it stay in its own group', async () => {
    const { t, project, ids } = await projectWithUnits([
      ['Nat', 2],
      ['Aften', 4],
    ]);
    const base = `/api/projects/${project.id}/reporting-groups`;
    const group = (await t.post(base, { name: 'G', unitIds: [ids[0]] })).body.group;
    await t.post(`/api/units/${ids[1]}/retire`);
    await t.post(`/api/units/${ids[0]}/retire`);
    expectError(await t.patch(`${base}/${group.id}`, { unitIds: [ids[0], ids[1]] }), 400, 'unit_retired');
    expect((await t.patch(`${base}/${group.id}`, { unitIds: [ids[0]], name: 'G2' })).status).toBe(200);
  });

  it('is the secretariat\'s: managers and anonymous callers cannot read or change groups', async () => {
    const { t, project, ids } = await projectWithUnits([
      ['Nat', 2],
      ['Aften', 4],
    ]);
    const base = `/api/projects/${project.id}/reporting-groups`;
    const group = (await t.post(base, { name: 'G', unitIds: [ids[0]] })).body.group;
    const before = await stored(t);
    const manager = await scopedManager(t, project.id);
    expectError(await manager.get(base), 403, 'forbidden');
    expectError(await manager.get(`${base}/suggestions`), 403, 'forbidden');
    expectError(await manager.post(base, { name: 'M', unitIds: [ids[1]] }), 403, 'forbidden');
    expectError(await manager.post(`${base}/suggestions`), 403, 'forbidden');
    expectError(await manager.patch(`${base}/${group.id}`, { name: 'M' }), 403, 'forbidden');
    expectError(await manager.del(`${base}/${group.id}`), 403, 'forbidden');
    const anonymous = clientFor(t.app);
    expectError(await anonymous.get(base), 401, 'unauthenticated');
    expectError(await anonymous.post(base, { name: 'M', unitIds: [ids[1]] }), 401, 'unauthenticated');
    expectError(await anonymous.post(`${base}/suggestions`), 401, 'unauthenticated');
    expectError(await anonymous.del(`${base}/${group.id}`), 401, 'unauthenticated');
    expect(await stored(t)).toEqual(before);
    expect((await groupsOf(t, project.id))[0].name).toBe('G');
  });
});

describe('reporting groups: warnings about small units', () => {
  it('warns when a small unit joins the project, until it is in a group that reaches the threshold', async () => {
    const { t, project, ids } = await projectWithUnits([['Dag', 20]]);
    const small = (await t.post('/api/units', { name: 'Nat', headcount: 3 })).body.unit;
    const added = await t.put(`/api/projects/${project.id}/rollouts/${small.id}`, { goLiveDate: null });
    expect(added.status).toBe(200);
    expect(added.body.rollout).toEqual({ projectId: project.id, unitId: small.id, goLiveDate: null });
    expect(added.body.warnings).toEqual([{ code: 'small_unit', unitId: small.id, unitName: 'Nat', headcount: 3, groupName: null }]);
    // A unit at the threshold is not small.
    const five = (await t.post('/api/units', { name: 'Fem', headcount: 5 })).body.unit;
    expect((await t.put(`/api/projects/${project.id}/rollouts/${five.id}`, { goLiveDate: null })).body.warnings).toEqual([]);
    expect((await t.put(`/api/projects/${project.id}/rollouts/${ids[0]}`, { goLiveDate: '2026-05-01' })).body.warnings).toEqual([]);

    const base = `/api/projects/${project.id}/reporting-groups`;
    const group = (await t.post(base, { name: 'Nat alene', unitIds: [small.id] })).body.group;
    expect((await t.put(`/api/projects/${project.id}/rollouts/${small.id}`, { goLiveDate: '2026-05-01' })).body.warnings).toEqual([
      { code: 'small_unit', unitId: small.id, unitName: 'Nat', headcount: 3, groupName: 'Nat alene' },
    ]);
    await t.patch(`${base}/${group.id}`, { unitIds: [small.id, five.id] });
    expect((await t.put(`/api/projects/${project.id}/rollouts/${small.id}`, { goLiveDate: null })).body.warnings).toEqual([]);
    // The whole project at once, for the page to show on load.
    expect((await t.get(`${base}/suggestions`)).body.warnings).toEqual([]);
  });

  it('warns about the small units of a new wave, and not about the ones left out of it', async () => {
    const { t, project, ids } = await projectWithUnits([
      ['Nat', 2],
      ['Aften', 4],
      ['Dag', 20],
    ]);
    const all = await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' });
    expect(all.status).toBe(201);
    expect(all.body.wave).toMatchObject({ name: 'Nulpunkt', status: 'draft' });
    expect(all.body.warnings).toEqual([
      { code: 'small_unit', unitId: ids[1], unitName: 'Aften', headcount: 4, groupName: null },
      { code: 'small_unit', unitId: ids[0], unitName: 'Nat', headcount: 2, groupName: null },
    ]);
    const some = await t.post(`/api/projects/${project.id}/waves`, { name: 'Kun dag og nat', phase: 'baseline', unitIds: [ids[0], ids[2]] });
    expect(some.body.warnings.map((w: any) => w.unitName)).toEqual(['Nat']);
    await t.post(`/api/projects/${project.id}/reporting-groups`, { name: 'Nat og aften', unitIds: [ids[0], ids[1]] });
    expect((await t.post(`/api/projects/${project.id}/waves`, { name: 'Opfølgning', phase: 'followup' })).body.warnings).toEqual([]);
  });
});

describe('reporting groups: suggestions', () => {
  it('merges a small unit with its smallest sibling, and adds the next-smallest until the group reaches the threshold', async () => {
    const { t, project, ids } = await projectWithTree([
      ['Plejecenter Åbo', 0, null, false],
      ['Åbo nat', 1, 'Plejecenter Åbo', true],
      ['Åbo weekend', 1, 'Plejecenter Åbo', true],
      ['Åbo aften', 3, 'Plejecenter Åbo', true],
      ['Åbo dag', 20, 'Plejecenter Åbo', true],
      ['Bøgely', 2, null, true],
      ['Bøgely dag', 9, null, true],
    ]);
    const base = `/api/projects/${project.id}/reporting-groups`;
    const res = await t.get(`${base}/suggestions`);
    expect(res.status).toBe(200);
    expect(res.body.threshold).toBe(5);
    // In Danish order, Å comes last.
    expect(res.body.warnings.map((w: any) => w.unitName)).toEqual(['Bøgely', 'Åbo aften', 'Åbo nat', 'Åbo weekend']);
    expect(res.body.suggestions).toEqual([
      // Top-level units are siblings too.
      expect.objectContaining({ groupId: null, name: 'Bøgely + Bøgely dag', unitIds: [ids['Bøgely'], ids['Bøgely dag']], totalHeadcount: 11 }),
      {
        groupId: null,
        name: 'Åbo nat + Åbo weekend + Åbo aften',
        unitIds: [ids['Åbo nat'], ids['Åbo weekend'], ids['Åbo aften']],
        addUnitIds: [ids['Åbo nat'], ids['Åbo weekend'], ids['Åbo aften']],
        members: [
          { unitId: ids['Åbo nat'], name: 'Åbo nat', headcount: 1 },
          { unitId: ids['Åbo weekend'], name: 'Åbo weekend', headcount: 1 },
          { unitId: ids['Åbo aften'], name: 'Åbo aften', headcount: 3 },
        ],
        totalHeadcount: 5,
      },
    ]);
    // Only suggested: nothing is stored until applied.
    expect(await stored(t)).toEqual({ groups: 0, members: 0 });

    const applied = await t.post(`${base}/suggestions`);
    expect(applied.status).toBe(200);
    expect(applied.body.applied.map((s: any) => s.name)).toEqual(res.body.suggestions.map((s: any) => s.name));
    expect(applied.body.applied.every((s: any) => typeof s.groupId === 'number')).toBe(true);
    expect(applied.body.warnings).toEqual([]);
    expect(applied.body.groups.map((g: any) => [g.name, g.totalHeadcount, g.reachesThreshold])).toEqual([
      ['Bøgely + Bøgely dag', 11, true],
      ['Åbo nat + Åbo weekend + Åbo aften', 5, true],
    ]);
    expect(await stored(t)).toEqual({ groups: 2, members: 5 });
    // Nothing left to suggest; applying again stores nothing.
    expect((await t.get(`${base}/suggestions`)).body).toEqual({ threshold: 5, warnings: [], suggestions: [] });
    expect((await t.post(`${base}/suggestions`)).body.applied).toEqual([]);
    expect(await stored(t)).toEqual({ groups: 2, members: 5 });
  });

  it('rolls a unit without siblings in the project up with its parent, else with the smallest other project unit', async () => {
    const { t, project, ids } = await projectWithTree([
      ['Bøgely', 30, null, true],
      ['Bøgely nat', 3, 'Bøgely', true],
      ['Bøgely dag', 40, 'Bøgely', false],
      ['Solhaven', 0, null, false],
      ['Solhaven nat', 4, 'Solhaven', true],
      ['Egebo', 12, null, true],
    ]);
    const { suggestions } = (await t.get(`/api/projects/${project.id}/reporting-groups/suggestions`)).body;
    expect(suggestions.map((s: any) => [s.name, s.unitIds, s.totalHeadcount])).toEqual([
      ['Bøgely nat + Bøgely', [ids['Bøgely nat'], ids['Bøgely']], 33],
      // Solhaven is not in the project; Egebo (12) is smaller than Bøgely's group (33).
      ['Solhaven nat + Egebo', [ids['Solhaven nat'], ids['Egebo']], 16],
    ]);
  });

  it('extends a stored group instead of making a new one, and keeps clear of names already taken', async () => {
    const { t, project, ids } = await projectWithTree([
      ['Nat', 2, null, true],
      ['Aften', 4, null, true],
      ['Dag', 30, null, true],
      ['Weekend', 1, null, true],
      ['Retired', 1, null, true],
    ]);
    await t.post(`/api/units/${ids['Retired']}/retire`);
    const base = `/api/projects/${project.id}/reporting-groups`;
    const small = (await t.post(base, { name: 'Aften og nat', unitIds: [ids['Aften'], ids['Nat']] })).body.group;
    expect(small.totalHeadcount).toBe(6);
    // Weekend (1) is alone; its smallest sibling comes with a stored group (6), which is smaller than Dag (30).
    const res = (await t.get(`${base}/suggestions`)).body;
    expect(res.warnings.map((w: any) => w.unitName)).toEqual(['Weekend']);
    expect(res.suggestions).toEqual([
      {
        groupId: small.id,
        name: 'Aften og nat',
        unitIds: [ids['Aften'], ids['Nat'], ids['Weekend']],
        addUnitIds: [ids['Weekend']],
        members: [
          { unitId: ids['Aften'], name: 'Aften', headcount: 4 },
          { unitId: ids['Nat'], name: 'Nat', headcount: 2 },
          { unitId: ids['Weekend'], name: 'Weekend', headcount: 1 },
        ],
        totalHeadcount: 7,
      },
    ]);
    const applied = (await t.post(`${base}/suggestions`)).body;
    expect(applied.groups).toHaveLength(1);
    expect(applied.groups[0]).toMatchObject({ id: small.id, name: 'Aften og nat', totalHeadcount: 7 });

    // A stored group under the threshold is extended too, with its smallest sibling.
    const under = await projectWithTree([
      ['Nat', 2, null, true],
      ['Dag', 30, null, true],
      ['Aften', 8, null, true],
    ]);
    const underBase = `/api/projects/${under.project.id}/reporting-groups`;
    const lille = (await under.t.post(underBase, { name: 'Lille', unitIds: [under.ids['Nat']] })).body.group;
    expect((await under.t.get(`${underBase}/suggestions`)).body.suggestions).toMatchObject([
      { groupId: lille.id, name: 'Lille', unitIds: [under.ids['Nat'], under.ids['Aften']], addUnitIds: [under.ids['Aften']], totalHeadcount: 10 },
    ]);

    // A new group's name steers clear of a stored one, whatever the case.
    const clash = await projectWithTree([
      ['A', 1, null, true],
      ['B', 4, null, true],
      ['C', 10, null, true],
    ]);
    const clashBase = `/api/projects/${clash.project.id}/reporting-groups`;
    await clash.t.post(clashBase, { name: 'a + b', unitIds: [clash.ids['C']] });
    expect((await clash.t.get(`${clashBase}/suggestions`)).body.suggestions).toMatchObject([{ groupId: null, name: 'A + B (2)', totalHeadcount: 5 }]);
    expect((await clash.t.post(`${clashBase}/suggestions`)).body.groups.map((g: any) => g.name)).toEqual(['a + b', 'A + B (2)']);
  });

  it('suggests nothing when even every unit together stays under the threshold', async () => {
    const { t, project } = await projectWithUnits([
      ['Nat', 1],
      ['Aften', 2],
    ]);
    const res = (await t.get(`/api/projects/${project.id}/reporting-groups/suggestions`)).body;
    expect(res.warnings).toHaveLength(2);
    expect(res.suggestions).toEqual([]);
    expect((await t.post(`/api/projects/${project.id}/reporting-groups/suggestions`)).body.applied).toEqual([]);
    expect(await stored(t)).toEqual({ groups: 0, members: 0 });
  });

  it('cuts a long suggested name to the limit', async () => {
    const long = 'Afdeling med et meget langt navn der bliver ved og ved';
    const { t, project } = await projectWithUnits([
      [`${long} 1`, 1],
      [`${long} 2`, 1],
      [`${long} 3`, 3],
    ]);
    const [s] = (await t.get(`/api/projects/${project.id}/reporting-groups/suggestions`)).body.suggestions;
    expect(s.name.length).toBeLessThanOrEqual(120);
    expect(s.name.endsWith('…')).toBe(true);
    expect((await t.post(`/api/projects/${project.id}/reporting-groups/suggestions`)).body.groups[0].name).toBe(s.name);
  });
});
