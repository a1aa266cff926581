// The change loop (issue 12) tried as an attacker through the HTTP API: what a manager of another unit can read of
// a unit's workshops and descriptions, what the order of suggestion ids tells the room, whether the phones' budget
// holds against rotating voter ids, whether the public pages that compute the whole report can be read in a loop,
// and bad input on the new writes (4xx, nothing stored).
import { randomBytes, randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actions, benefitStatusHistory, unitBehaviourDescriptions, workshopSuggestions } from '../../db/schema';
import { PUBLIC_REPORT_LIMIT, WORKSHOP_WRITE_LIMIT } from '../../server/http/limits';
import { answersFor } from '../support/answers';
import { clientFor, expectError, projectWithUnits, testApp } from '../support/api';

const THRESHOLD = 3;

async function setUp() {
  const t = await testApp({ freeTextThreshold: THRESHOLD });
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Digital overlevering' })).body.project;
  const unitIds: number[] = [];
  for (const name of ['Plejecenter Solhaven', 'Plejecenter Kærbo']) {
    const u = (await t.post('/api/units', { name, headcount: 20 })).body.unit;
    await t.put(`/api/projects/${project.id}/rollouts/${u.id}`, { goLiveDate: null });
    unitIds.push(u.id);
  }
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser selv beboerens status' })).body.behaviour;
  const account = async (email: string, scopes: { unitIds?: number[]; projectIds?: number[] }) => {
    const password = 'attacker-pass-1';
    const user = (await t.post('/api/users', { email, name: email, role: 'manager', password })).body.user;
    expect((await t.put(`/api/users/${user.id}/scopes`, { unitIds: [], projectIds: [], ...scopes })).status).toBe(200);
    const client = clientFor(t.app);
    await client.login({ email, password });
    return client;
  };
  const workshop = async (unitId = unitIds[0]) => {
    const res = await t.post(`/api/projects/${project.id}/units/${unitId}/workshops`, { behaviourId: behaviour.id });
    expect(res.status).toBe(201);
    return res.body.workshop as { id: number; code: string };
  };
  return { t, project, unitIds, behaviour, account, workshop };
}

const phone = (t: Awaited<ReturnType<typeof setUp>>['t']) => {
  const client = clientFor(t.app);
  return {
    write: (code: string, text: string) => client.post(`/api/w/${code}/suggestions`, { kind: 'looks_like', text }),
    vote: (code: string, id: number, voterId = randomBytes(16).toString('base64url')) => client.post(`/api/w/${code}/suggestions/${id}/vote`, { voterId }),
    read: (code: string) => client.get(`/api/w/${code}`),
  };
};

describe('another unit\'s manager in the same project', () => {
  it('cannot read unit A\'s workshops (by id, QR or list): staff\'s free text stays with the unit; A\'s own and a project manager can', async () => {
    const s = await setUp();
    const w = await s.workshop();
    const p = phone(s.t);
    for (const text of ['Vi læser status på tabletten', 'Karin glemmer altid at logge ind', 'Vi taler sammen bagefter']) await p.write(w.code, text);
    expect((await s.t.put(`/api/projects/${s.project.id}/units/${s.unitIds[0]}/behaviours/${s.behaviour.id}/description`, { description: 'Hos os læser vi selv' })).status).toBe(200);

    const otherUnit = await s.account('kaerbo@test.dk', { unitIds: [s.unitIds[1]] });
    expectError(await otherUnit.get(`/api/workshops/${w.id}`), 404);
    expectError(await otherUnit.get(`/api/workshops/${w.id}/qr.svg`), 404);
    expectError(await otherUnit.get(`/api/projects/${s.project.id}/units/${s.unitIds[0]}/workshops`), 404);
    // By design the leaders' own agreed wording is side by side for every reader of the project (workshops.test.ts).
    expect(JSON.stringify((await otherUnit.get(`/api/projects/${s.project.id}/descriptions`)).body)).toContain('Hos os læser vi selv');
    // Its own unit's list still answers.
    expect((await otherUnit.get(`/api/projects/${s.project.id}/units/${s.unitIds[1]}/workshops`)).status).toBe(200);

    const ownUnit = await s.account('solhaven@test.dk', { unitIds: [s.unitIds[0]] });
    expect(JSON.stringify((await ownUnit.get(`/api/workshops/${w.id}`)).body)).toContain('Karin glemmer');
    const projectReader = await s.account('projekt@test.dk', { projectIds: [s.project.id] });
    expect((await projectReader.get(`/api/workshops/${w.id}`)).status).toBe(200);
  });
});

describe('the order of writing', () => {
  it('is not in the suggestion ids nor in the room\'s list, so the count seen rising cannot be matched to a text', async () => {
    const s = await setUp();
    const w = await s.workshop();
    const p = phone(s.t);
    const written: { id: number; text: string }[] = [];
    for (let i = 1; i <= 12; i++) {
      const text = `Forslag nummer ${i}`;
      const res = await p.write(w.code, text);
      expect(res.status).toBe(201);
      written.push({ id: res.body.suggestion.id, text });
      // Below the threshold a phone sees the count rise, one by one: it knows when the i-th was written.
      if (i < THRESHOLD) expect((await p.read(w.code)).body.room).toMatchObject({ written: i, suggestions: [] });
    }
    const ids = written.map((x) => x.id);
    // Sequential ids (1, 2, 3 …) would put the texts in writing order; 12 random ones are in order once in 12!.
    expect([...ids].sort((a, b) => a - b)).not.toEqual(ids);
    expect(Math.max(...ids)).toBeGreaterThan(1000);
    const shown = (await p.read(w.code)).body.room.suggestions.map((x: { text: string }) => x.text);
    expect(shown).toHaveLength(12);
    expect(shown).not.toEqual(written.map((x) => x.text));
  });
});

describe('the phones\' budget', () => {
  it('holds one network to its budget of writes and votes, whatever voter ids it rotates through; another workshop is not affected', async () => {
    const s = await setUp();
    const w = await s.workshop();
    const other = await s.workshop(s.unitIds[1]);
    const p = phone(s.t);
    const ids: number[] = [];
    for (let i = 0; i < THRESHOLD; i++) ids.push((await p.write(w.code, `Forslag ${i}`)).body.suggestion.id);
    let counted = 0;
    let refused = 0;
    for (let i = THRESHOLD; i < WORKSHOP_WRITE_LIMIT.max + 5; i++) {
      const res = await p.vote(w.code, ids[0]);
      if (res.status === 200) counted++;
      else {
        expectError(res, 429, 'too_many_requests');
        refused++;
      }
    }
    expect(counted).toBe(WORKSHOP_WRITE_LIMIT.max - THRESHOLD);
    expect(refused).toBe(5);
    expectError(await p.write(w.code, 'Et forslag mere'), 429, 'too_many_requests');
    expect((await p.read(w.code)).body.room.suggestions.find((x: { id: number }) => x.id === ids[0]).votes).toBe(counted);
    expect((await p.write(other.code, 'I det andet rum')).status).toBe(201);
  });
});

describe('public pages that compute the report', () => {
  it('answer one network a limited number of reads (feedback and shared picture together), then 429', async () => {
    const s = await setUp();
    const link = (await s.t.post(`/api/projects/${s.project.id}/share-links`, {})).body.shareLink;
    const anonymous = clientFor(s.t.app);
    for (let i = 0; i < PUBLIC_REPORT_LIMIT.max - 1; i++) expect((await anonymous.get(`/api/p/${link.token}`)).status).toBe(200);
    expectError(await anonymous.get(`/api/s/${'x'.repeat(20)}/feedback`), 404);
    expectError(await anonymous.get(`/api/p/${link.token}`), 429, 'too_many_requests');
    expectError(await anonymous.get(`/api/s/${'x'.repeat(20)}/feedback`), 429, 'too_many_requests');
  });
});

describe('bad input on the new writes', () => {
  it('is refused with 4xx and the error shape, and stores nothing', async () => {
    const s = await setUp();
    const base = { unitId: s.unitIds[0], behaviourId: s.behaviour.id, type: 'capability', title: 'Oplæring i tabletten' };
    const badActions: unknown[] = [
      { ...base, dueDate: '2026-02-30' },
      { ...base, dueDate: '2026-2-3' },
      { ...base, title: 'Oplæring \u202Eevil' },
      { ...base, title: 'x'.repeat(201) },
      { ...base, note: 'x'.repeat(2001) },
      { ...base, type: 'train' },
      { ...base, unitId: '1' },
      { ...base, extra: true },
      { ...base, owner: 'Anna\nBo' },
    ];
    for (const body of badActions) expectError(await s.t.post(`/api/projects/${s.project.id}/actions`, body), 400);
    expect((await s.t.db.select({ n: count() }).from(actions))[0].n).toBe(0);
    const made = (await s.t.post(`/api/projects/${s.project.id}/actions`, base)).body.action;
    expectError(await s.t.patch(`/api/actions/${made.id}`, { version: made.version }), 400);
    expectError(await s.t.patch(`/api/actions/${made.id}`, { version: made.version, unitId: s.unitIds[1] }), 400);
    expectError(await s.t.patch(`/api/actions/${made.id}`, { version: made.version, doneOn: '2026-13-01' }), 400);

    const descriptionPath = `/api/projects/${s.project.id}/units/${s.unitIds[0]}/behaviours/${s.behaviour.id}/description`;
    for (const body of [{}, { description: '' }, { description: 'x'.repeat(2001) }, { description: 'Hej', workshopId: 'x' }, { description: 'Hej', other: 1 }, { description: 'Hej\u0000' }]) {
      expectError(await s.t.put(descriptionPath, body), 400);
    }
    expect((await s.t.db.select({ n: count() }).from(unitBehaviourDescriptions))[0].n).toBe(0);

    const benefit = (await s.t.post(`/api/projects/${s.project.id}/benefits`, { title: 'Mere tid til kerneopgaven' })).body.benefit;
    for (const body of [{}, { status: 'i_risiko', version: benefit.version }, { status: 'done', version: benefit.version }, { status: 'paa_vej', version: benefit.version, reason: 'x'.repeat(1001) }, { status: 'paa_vej', version: benefit.version, extra: 1 }]) {
      expectError(await s.t.patch(`/api/benefits/${benefit.id}/status`, body), 400);
    }
    expect((await s.t.db.select({ n: count() }).from(benefitStatusHistory))[0].n).toBe(0);

    const w = await s.workshop();
    // Another unit's workshop named in this unit's description: refused, and that workshop is not closed by it.
    const elsewhere = await s.workshop(s.unitIds[1]);
    expectError(await s.t.put(descriptionPath, { description: 'Hej', workshopId: elsewhere.id }), 400, 'workshop_mismatch');
    expect((await s.t.get(`/api/workshops/${elsewhere.id}`)).body.workshop.status).toBe('open');
    const p = phone(s.t);
    for (const text of ['Hej \u2066skjult\u2069', 'x'.repeat(501), '']) expectError(await p.write(w.code, text), 400);
    expectError(await clientFor(s.t.app).post(`/api/w/${w.code}/suggestions`, { kind: 'looks_like', text: 'Hej', voterId: 'x' }), 400);
    expect((await s.t.db.select({ n: count() }).from(workshopSuggestions))[0].n).toBe(0);
  });
});

describe('feedback after the grouping changed between waves', () => {
  it('shows the unit\'s own cell of this wave, not the empty row of the group it was in before', async () => {
    const { t, project, ids } = await projectWithUnits([
      ['Solhaven', 20],
      ['Kærbo', 20],
    ]);
    // "Alle" sorts before both units, so its row comes first in the report's tables.
    const group = (await t.post(`/api/projects/${project.id}/reporting-groups`, { name: 'Alle', unitIds: ids })).body.group;
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const closedWave = async (name: string) => {
      const wave = (await t.post(`/api/projects/${project.id}/waves`, { name, phase: 'baseline' })).body.wave;
      expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
      const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
      for (const l of links) {
        for (let i = 0; i < 8; i++) {
          expect((await t.post(`/api/s/${l.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, () => (i < 6 ? 4 : 2)), locale: 'da' })).status).toBe(201);
        }
      }
      expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
      return { wave, tokenOf: (unitId: number) => links.find((l) => l.unitId === unitId)!.token };
    };
    await closedWave('Før');
    expect((await t.del(`/api/projects/${project.id}/reporting-groups/${group.id}`)).status).toBe(200);
    const { tokenOf } = await closedWave('Efter');
    const feedback = (await clientFor(t.app).get(`/api/s/${tokenOf(ids[0])}/feedback`)).body.feedback;
    expect(feedback.group).toBeNull();
    expect(feedback.resultsNote).toBeNull();
    expect(feedback.behaviours[0].results.find((r: { construct: string }) => r.construct === 'adoption')).toMatchObject({ hidden: false, x: 6, n: 8 });
  });
});
