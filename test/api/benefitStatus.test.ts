// Benefit realisation status (issue 12): the owner account, an editor or the secretariat sets a benefit's status
// with a reason and the next action from the version they read; every change is kept; everyone who reads the
// project reads it, beside the evidence from the report (under the report's own hiding) and the units' actions and
// agreed descriptions they may see. Bad input and stale versions store nothing.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actions, benefitStatusHistory, unitBehaviourDescriptions } from '../../db/schema';
import type { ItemMapEntry } from '../../surveys/types';
import { answersFor } from '../support/answers';
import { MANAGER, clientFor, expectError, projectWithUnits } from '../support/api';

type T = Awaited<ReturnType<typeof projectWithUnits>>['t'];

/** An account (manager scoped to projects or units, or an editor leading projects), logged in on its own client. */
async function account(t: T, email: string, scopes: { projectIds?: number[]; unitIds?: number[]; ledProjectIds?: number[] }, role: 'manager' | 'editor' = 'manager') {
  const password = 'benefit-status-1';
  const user = (await t.post('/api/users', { email, name: email.split('@')[0], role, password })).body.user;
  expect((await t.put(`/api/users/${user.id}/scopes`, { unitIds: [], projectIds: [], ...scopes })).status).toBe(200);
  const client = clientFor(t.app);
  await client.login({ email, password });
  return { user, client };
}

async function setup() {
  const { t, project, ids } = await projectWithUnits([['A', 40], ['B', 40], ['Lille', 3]]);
  const other = (await t.post('/api/projects', { name: 'Andet projekt' })).body.project;
  const owner = await account(t, 'ejer@test.dk', { projectIds: [project.id] });
  const gain = (await t.post(`/api/projects/${project.id}/benefits`, { title: 'Mere tid til kerneopgaven', measure: 'Minutter pr. vagt', baselineValue: 45, targetValue: 30, ownerUserId: owner.user.id })).body.benefit;
  const loss = (await t.post(`/api/projects/${project.id}/benefits`, { title: 'Mindre fælles faglig snak', direction: 'negative' })).body.benefit;
  const behaviour = (await t.get(`/api/projects/${project.id}`)).body.project.behaviours[0];
  expect((await t.patch(`/api/behaviours/${behaviour.id}`, { benefitIds: [gain.id, loss.id] })).status).toBe(200);
  // Linking the behaviour changed each benefit (its behaviourIds): read them again for their versions.
  const read = async (id: number) => (await t.get(`/api/benefits/${id}`)).body.benefit;
  return { t, project, other, ids, owner, gain: await read(gain.id), loss: await read(loss.id), behaviour };
}

const statusOf = async (client: { get: T['get'] }, projectId: number) => (await client.get(`/api/projects/${projectId}/benefit-status`)).body.benefitStatus;
const versionOf = async (t: T, benefitId: number) => (await t.get(`/api/benefits/${benefitId}`)).body.benefit.version as number;

describe('benefit status', () => {
  it('is set by the owner account with a reason and the next action, kept in the history, and read by every reader of the project', async () => {
    const { t, project, owner, gain } = await setup();
    const first = await owner.client.patch(`/api/benefits/${gain.id}/status`, { status: 'paa_vej', reason: 'Plejecenter A er i gang', nextAction: 'Opfølgning i marts', version: gain.version });
    expect(first.status).toBe(200);
    expect(first.body.benefit).toMatchObject({ status: 'paa_vej', statusReason: 'Plejecenter A er i gang', nextAction: 'Opfølgning i marts', ownerUser: { id: owner.user.id, email: 'ejer@test.dk' } });
    const second = await owner.client.patch(`/api/benefits/${gain.id}/status`, { status: 'i_risiko', reason: 'B er ikke gået i gang', version: first.body.benefit.version });
    expect(second.status).toBe(200);

    // A manager who reads the project (not the owner) reads the status and the whole history, oldest first.
    const reader = await account(t, 'laeser@test.dk', { projectIds: [project.id] });
    const view = await statusOf(reader.client, project.id);
    const b = view.benefits.find((x: any) => x.id === gain.id);
    expect(b).toMatchObject({ status: 'i_risiko', statusReason: 'B er ikke gået i gang', nextAction: '', canSetStatus: false });
    expect(b.history.map((h: any) => [h.status, h.reason, h.changedByEmail])).toEqual([
      ['paa_vej', 'Plejecenter A er i gang', 'ejer@test.dk'],
      ['i_risiko', 'B er ikke gået i gang', 'ejer@test.dk'],
    ]);
    expect(b.statusChangedAt).toBe(b.history[1].changedAt);
    // Each change is in the audit log under its own name, with who made it.
    const audit = (await t.get('/api/audit?action=benefit.status_set')).body;
    expect(JSON.stringify(audit)).toContain('ejer@test.dk');
    // The owner sees that they may set it; the benefit without an owner account shows none.
    expect((await statusOf(owner.client, project.id)).benefits.find((x: any) => x.id === gain.id).canSetStatus).toBe(true);
    expect(view.benefits.find((x: any) => x.id !== gain.id)).toMatchObject({ status: null, ownerUser: null, history: [] });
  });

  it('lets the secretariat and the project\'s editor set it, refuses a reader who is not the owner (403) and hides the project from everyone else (404)', async () => {
    const { t, project, other, gain, loss } = await setup();
    const body = async (benefitId: number, status = 'realiseret') => ({ status, reason: 'Målt i oktober', version: await versionOf(t, benefitId) });
    const reader = await account(t, 'laeser@test.dk', { projectIds: [project.id] });
    const outside = await account(t, 'udenfor@test.dk', { projectIds: [other.id] });
    const editor = await account(t, 'leder@test.dk', { ledProjectIds: [project.id] }, 'editor');
    const editorElsewhere = await account(t, 'anden-leder@test.dk', { ledProjectIds: [other.id] }, 'editor');
    const unscoped = clientFor(t.app);
    await unscoped.login(MANAGER);

    expectError(await reader.client.patch(`/api/benefits/${gain.id}/status`, await body(gain.id)), 403, 'not_benefit_owner');
    // Refused before the body is read: a reader learns nothing from sending bad input.
    expectError(await reader.client.patch(`/api/benefits/${gain.id}/status`, {}), 403, 'not_benefit_owner');
    expectError(await outside.client.patch(`/api/benefits/${gain.id}/status`, await body(gain.id)), 404);
    expectError(await unscoped.patch(`/api/benefits/${gain.id}/status`, await body(gain.id)), 404);
    expectError(await editorElsewhere.client.patch(`/api/benefits/${gain.id}/status`, await body(gain.id)), 404);
    expectError(await outside.client.get(`/api/projects/${project.id}/benefit-status`), 404);
    expectError(await editorElsewhere.client.get(`/api/projects/${project.id}/benefit-status`), 404);
    expect((await t.db.select().from(benefitStatusHistory)).length).toBe(0);

    expect((await editor.client.patch(`/api/benefits/${gain.id}/status`, await body(gain.id))).status).toBe(200);
    expect((await t.patch(`/api/benefits/${loss.id}/status`, await body(loss.id, 'paa_vej'))).status).toBe(200);
    const history = await t.db.select().from(benefitStatusHistory);
    expect(history.map((h) => h.changedByEmail).sort()).toEqual(['admin@test.dk', 'leder@test.dk']);
    // The owner account that loses access to the project can no longer set it (the project is gone for them).
    const owner = await account(t, 'ny-ejer@test.dk', { projectIds: [project.id] });
    await versionOf(t, gain.id);
    expect((await t.patch(`/api/benefits/${gain.id}`, { ownerUserId: owner.user.id })).status).toBe(200);
    expect((await owner.client.patch(`/api/benefits/${gain.id}/status`, await body(gain.id, 'i_risiko'))).status).toBe(200);
    expect((await t.put(`/api/users/${owner.user.id}/scopes`, { unitIds: [], projectIds: [other.id] })).status).toBe(200);
    expectError(await owner.client.patch(`/api/benefits/${gain.id}/status`, await body(gain.id, 'paa_vej')), 404);
  });

  it('refuses an unknown status, a missing reason for i_risiko or opgivet, an over-long reason and a stale version, storing nothing', async () => {
    const { t, gain } = await setup();
    const url = `/api/benefits/${gain.id}/status`;
    const v = gain.version;
    expectError(await t.patch(url, { status: 'forsinket', reason: 'x', version: v }), 400, 'invalid_input');
    const noReason = await t.patch(url, { status: 'i_risiko', version: v });
    expectError(noReason, 400, 'invalid_input');
    expect(noReason.body.error.details.map((d: any) => d.path)).toEqual(['reason']);
    expectError(await t.patch(url, { status: 'opgivet', reason: '   ', version: v }), 400, 'invalid_input');
    expectError(await t.patch(url, { status: 'paa_vej', reason: 'x'.repeat(1001), version: v }), 400, 'invalid_input');
    expectError(await t.patch(url, { status: 'paa_vej', nextAction: 'x'.repeat(1001), version: v }), 400, 'invalid_input');
    expectError(await t.patch(url, { status: 'paa_vej' }), 400, 'invalid_input');
    expectError(await t.patch(url, { status: 'paa_vej', owner: 'x', version: v }), 400, 'invalid_input');
    expect((await t.db.select().from(benefitStatusHistory)).length).toBe(0);

    // Two people from the same version: one wins; the other hears what changed, and nothing of theirs is kept.
    expect((await t.patch(url, { status: 'paa_vej', version: v })).status).toBe(200);
    const stale = await t.patch(url, { status: 'opgivet', reason: 'Systemet udgår', version: v });
    expectError(stale, 409, 'stale_version');
    expect(stale.body.error.details).toMatchObject({ currentVersion: v + 1, current: { status: 'paa_vej' }, changedFields: expect.arrayContaining(['status']) });
    expect((await t.db.select().from(benefitStatusHistory)).map((h) => h.status)).toEqual(['paa_vej']);
    // A status change is an edit of the benefit: a profile form still open from before answers 409 too.
    expectError(await t.patch(`/api/benefits/${gain.id}`, { title: 'Ny titel', version: v }), 409, 'stale_version');
  });

  it('names as owner only an active account that can read the project, and lists those accounts for the form', async () => {
    const { t, project, other, gain } = await setup();
    const outside = await account(t, 'udenfor@test.dk', { projectIds: [other.id] });
    const refused = await t.patch(`/api/benefits/${gain.id}`, { ownerUserId: outside.user.id });
    expectError(refused, 400, 'owner_user_cannot_read');
    expect(refused.body.error.details[0].path).toBe('ownerUserId');
    expectError(await t.post(`/api/projects/${project.id}/benefits`, { title: 'X', ownerUserId: 99999 }), 400, 'owner_user_unknown');
    const accounts = (await t.get(`/api/projects/${project.id}/benefit-owners`)).body.accounts.map((a: any) => a.email);
    expect(accounts).toContain('ejer@test.dk');
    expect(accounts).toContain('admin@test.dk');
    expect(accounts).not.toContain('udenfor@test.dk');
    expect(accounts).not.toContain(MANAGER.email);
    expect((await t.patch(`/api/benefits/${gain.id}`, { ownerUserId: null })).body.benefit.ownerUserId).toBeNull();
  });

  it('shows the evidence from the report — adoption, KPI, drawbacks — and hides what the report hides', async () => {
    const { t, project, ids, gain, loss, behaviour } = await setup();
    await t.post(`/api/benefits/${gain.id}/measurements`, { value: 38, measuredOn: '2026-10-01' });
    const itemMapOf = async (phase: string) => (await t.get(`/api/projects/${project.id}/survey/preview?phase=${phase}`)).body.itemMap;
    const answerWave = async (name: string, phase: 'baseline' | 'followup', perUnit: [number, number, (item: ItemMapEntry, i: number) => number][]) => {
      const wave = (await t.post(`/api/projects/${project.id}/waves`, { name, phase })).body.wave;
      await t.post(`/api/waves/${wave.id}/open`);
      const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
      const itemMap = await itemMapOf(phase);
      for (const [u, n, pick] of perUnit) {
        for (let i = 0; i < n; i++) await t.post(`/api/s/${links.find((l) => l.unitId === ids[u])!.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, (item) => pick(item, i)), locale: 'da' });
      }
      await t.post(`/api/waves/${wave.id}/close`);
      return wave;
    };
    await answerWave('Nulpunkt', 'baseline', [[0, 10, () => 2], [1, 10, () => 2]]);
    // The follow-up: A and B adopted; 3 in 10 noticed the drawback; Lille's 2 answers hide its own cells.
    await answerWave('Opfølgning', 'followup', [[0, 10, (item, i) => (item.construct === 'drawback' ? (i < 3 ? 4 : 2) : 5)], [1, 10, () => 5], [2, 2, () => 5]]);
    // A second follow-up only Lille answered: too few for even the project total, so the report hides it.
    const thin = await answerWave('Opfølgning 2', 'followup', [[2, 2, () => 5]]);

    const report = (await t.get(`/api/projects/${project.id}/report`)).body.report;
    const view = await statusOf(t, project.id);
    const g = view.benefits.find((b: any) => b.id === gain.id);
    const reportBehaviour = report.behaviours.find((b: any) => b.id === behaviour.id);
    // The report's own numbers, not recomputed: the project totals per wave and the change.
    expect(g.evidence.behaviours[0].adoption.overall).toEqual(reportBehaviour.adoption.overall);
    expect(g.evidence.behaviours[0].change).toEqual(reportBehaviour.change);
    expect(g.evidence.behaviours[0].change.d).toBeGreaterThan(0.5);
    const thinCell = g.evidence.behaviours[0].adoption.overall.find((o: any) => o.waveId === thin.id);
    expect(thinCell).toMatchObject({ hidden: true, p: null, n: 0 });
    expect(g.evidence.kpi).toMatchObject({ baseline: { value: 45 }, target: { value: 30 }, measurements: [{ value: 38 }], progress: { latest: { value: 38 } } });
    expect(g.evidence.kpi.progress.share).toBeCloseTo(7 / 15);
    expect(g.evidence.drawbackIds).toEqual([loss.id]);
    const l = view.benefits.find((b: any) => b.id === loss.id);
    expect(l.evidence.staff[0].item.construct).toBe('drawback');
    expect(l.evidence.staff[0].item.overall).toEqual(report.benefits.find((b: any) => b.id === loss.id).staff[0].item.overall);
    // No per-unit cell leaves through this view, so none the report hides can: Lille is named nowhere.
    expect(JSON.stringify(view)).not.toContain('Lille');
    expect(JSON.stringify(view.benefits)).not.toContain('"units"');
  });

  it('lists the actions and agreed descriptions of the units the viewer may see, with overdue actions flagged', async () => {
    const { t, project, ids, behaviour } = await setup();
    await t.db.insert(actions).values([
      { projectId: project.id, unitId: ids[0], behaviourId: behaviour.id, type: 'capability', title: 'Oplæring i statusvisningen', owner: 'Afdelingsleder A', dueDate: '2020-01-01', status: 'planned' },
      { projectId: project.id, unitId: ids[1], behaviourId: behaviour.id, type: 'motivation', title: 'Forklar hvorfor', dueDate: '2020-01-01', status: 'done', doneOn: '2020-01-02' },
    ]);
    await t.db.insert(unitBehaviourDescriptions).values([
      { behaviourId: behaviour.id, unitId: ids[0], description: 'Vi læser status på tabletten ved vagtstart' },
      { behaviourId: behaviour.id, unitId: ids[1], description: 'Hver tager sine beboere' },
    ]);
    const all = await statusOf(t, project.id);
    expect(all.actions.map((a: any) => [a.unitName, a.title, a.overdue])).toEqual([
      ['A', 'Oplæring i statusvisningen', true],
      ['B', 'Forklar hvorfor', false],
    ]);
    expect(all.descriptions.map((d: any) => [d.unitName, d.description])).toEqual([
      ['A', 'Vi læser status på tabletten ved vagtstart'],
      ['B', 'Hver tager sine beboere'],
    ]);
    // A manager scoped to unit A sees A's actions and description only.
    const unitLeader = await account(t, 'leder-a@test.dk', { unitIds: [ids[0]] });
    const mine = await statusOf(unitLeader.client, project.id);
    expect(mine.actions.map((a: any) => a.unitName)).toEqual(['A']);
    expect(mine.descriptions.map((d: any) => d.unitName)).toEqual(['A']);
  });
});
