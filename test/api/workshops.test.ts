// Workshops (issue 12): a unit's leader starts one on a behaviour, staff write and vote from their phones by the
// workshop's code without any identity, the room sees suggestions only from the free-text threshold on, the leader
// hides one and records the unit's agreed description; the secretariat sees every unit's wording side by side.
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, projects, workshopSuggestions, workshopVotes } from '../../db/schema';
import { systemClock } from '../../server/services/clock';
import { applyDueRetention } from '../../server/services/retention';
import { clientFor, expectError, testApp } from '../support/api';
import { testEngine } from '../support/testDb';

/** Threshold 3 keeps the tests short; the default (10) comes from the same config key. */
const THRESHOLD = 3;

async function setUp() {
  const t = await testApp({ freeTextThreshold: THRESHOLD });
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Digital overlevering' })).body.project;
  const other = (await t.post('/api/projects', { name: 'Andet projekt' })).body.project;
  const unitIds: number[] = [];
  for (const name of ['Plejecenter Solhaven', 'Plejecenter Kærbo']) {
    const u = (await t.post('/api/units', { name, headcount: 20 })).body.unit;
    await t.put(`/api/projects/${project.id}/rollouts/${u.id}`, { goLiveDate: null });
    unitIds.push(u.id);
  }
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser selv beboerens status', oldBehaviour: 'Fælles oplæsning ved vagtstart' })).body.behaviour;
  const account = async (email: string, role: 'manager' | 'editor', scopes: { unitIds?: number[]; projectIds?: number[]; ledProjectIds?: number[] }) => {
    const password = 'workshop-pass-1';
    const user = (await t.post('/api/users', { email, name: email, role, password })).body.user;
    const res = await t.put(`/api/users/${user.id}/scopes`, { unitIds: [], projectIds: [], ...(role === 'editor' ? { ledProjectIds: [] } : {}), ...scopes });
    expect(res.status).toBe(200);
    const client = clientFor(t.app);
    await client.login({ email, password });
    return client;
  };
  const start = (client: ReturnType<typeof clientFor> = t, unitId = unitIds[0]) => client.post(`/api/projects/${project.id}/units/${unitId}/workshops`, { behaviourId: behaviour.id });
  return { t, project, other, unitIds, behaviour, account, start };
}

type SetUp = Awaited<ReturnType<typeof setUp>>;

async function started(s: SetUp) {
  const res = await s.start();
  expect(res.status).toBe(201);
  return res.body.workshop as { id: number; code: string; joinUrl: string; shortAddress: string; status: string };
}

/** A phone: no cookie, no login, its own random voter id for the workshop. */
function phone(s: SetUp) {
  const client = clientFor(s.t.app);
  const voterId = randomBytes(16).toString('base64url');
  return {
    client,
    write: (code: string, text: string, kind: 'looks_like' | 'barrier' = 'looks_like') => client.post(`/api/w/${code}/suggestions`, { kind, text }),
    vote: (code: string, suggestionId: number) => client.post(`/api/w/${code}/suggestions/${suggestionId}/vote`, { voterId }),
    read: (code: string) => client.get(`/api/w/${code}`),
  };
}

describe('starting a workshop', () => {
  it('lets the unit\'s leader start one and shows the join address, QR code and behaviour', async () => {
    const s = await setUp();
    const leader = await s.account('leder@test.dk', 'manager', { unitIds: [s.unitIds[0]] });
    const res = await s.start(leader);
    expect(res.status).toBe(201);
    expect(res.body.workshop.code).toMatch(/^[23456789A-Z]{4}-[23456789A-Z]{4}$/);
    expect(res.body.workshop.joinUrl).toBe(`http://test.local/w/${res.body.workshop.code.replace('-', '')}`);
    expect(res.body.workshop.shortAddress).toBe(`test.local/w/${res.body.workshop.code}`);
    expect(res.body.behaviour).toMatchObject({ title: 'Læser selv beboerens status', oldBehaviour: 'Fælles oplæsning ved vagtstart' });
    const qr = await s.t.get(`/api/workshops/${res.body.workshop.id}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    // One open workshop per unit and behaviour: a second start names the open one.
    const again = await s.start(leader);
    expectError(again, 409, 'workshop_open');
    expect(again.body.error.details.workshopId).toBe(res.body.workshop.id);
  });

  it('refuses a project-only manager (403), a manager of another unit (404) and an editor of another project (404)', async () => {
    const s = await setUp();
    expectError(await s.start(await s.account('projektleder@test.dk', 'manager', { projectIds: [s.project.id] })), 403, 'forbidden');
    expectError(await s.start(await s.account('kaerbo@test.dk', 'manager', { unitIds: [s.unitIds[1]] })), 404);
    expectError(await s.start(await s.account('editor-andet@test.dk', 'editor', { ledProjectIds: [s.other.id] })), 404);
    expectError(await s.start(clientFor(s.t.app)), 401);
    // The project's own editor may.
    expect((await s.start(await s.account('editor@test.dk', 'editor', { ledProjectIds: [s.project.id] }))).status).toBe(201);
  });

  it('refuses a behaviour of another project and a unit outside the project', async () => {
    const s = await setUp();
    const foreign = (await s.t.post(`/api/projects/${s.other.id}/behaviours`, { title: 'Anden adfærd' })).body.behaviour;
    expectError(await s.t.post(`/api/projects/${s.project.id}/units/${s.unitIds[0]}/workshops`, { behaviourId: foreign.id }), 404);
    const outside = (await s.t.post('/api/units', { name: 'Udenfor', headcount: 5 })).body.unit;
    expectError(await s.t.post(`/api/projects/${s.project.id}/units/${outside.id}/workshops`, { behaviourId: s.behaviour.id }), 404);
    expectError(await s.t.post(`/api/projects/${s.project.id}/units/${s.unitIds[0]}/workshops`, { behaviourId: 'x' }), 400, 'invalid_input');
  });
});

describe('the phones', () => {
  it('write suggestions anonymously: nothing but kind and text is stored, and nothing is audited', async () => {
    const s = await setUp();
    const w = await started(s);
    const p = phone(s);
    const res = await p.write(w.code, '  Vi læser status på tabletten i døgnstuen  ', 'looks_like');
    expect(res.status).toBe(201);
    const rows = await s.t.db.select().from(workshopSuggestions);
    expect(rows).toEqual([{ id: res.body.suggestion.id, workshopId: w.id, kind: 'looks_like', text: 'Vi læser status på tabletten i døgnstuen', votes: 0, hiddenAt: null }]);
    const audited = await s.t.db.select({ route: auditLog.route }).from(auditLog);
    expect(audited.map((a) => a.route).filter((r) => r.startsWith('/api/w/'))).toEqual([]);
    // The code may be typed in lower case with a dash, as on the projector.
    expect((await p.read(w.code.toLowerCase())).status).toBe(200);
  });

  it('refuses a suggestion over 500 characters with a clear 400 and stores nothing', async () => {
    const s = await setUp();
    const w = await started(s);
    const p = phone(s);
    const res = await p.write(w.code, 'x'.repeat(501));
    expectError(res, 400, 'invalid_input');
    expect(res.body.error.details[0].path).toBe('text');
    expect(res.body.error.message).toMatch(/500/);
    expectError(await p.write(w.code, 'linje\u0007'), 400, 'invalid_input');
    expectError(await p.write(w.code, '   '), 400, 'invalid_input');
    expectError(await p.client.post(`/api/w/${w.code}/suggestions`, { kind: 'other', text: 'Hej' }), 400, 'invalid_input');
    expect((await s.t.db.select({ n: count() }).from(workshopSuggestions))[0].n).toBe(0);
    expect((await p.write(w.code, 'x'.repeat(500))).status).toBe(201);
  });

  it('answers an unknown code 404 and a malformed one 400', async () => {
    const s = await setUp();
    await started(s);
    const p = phone(s);
    expectError(await p.read('ABCD-EFGH'), 404, 'workshop_unknown');
    expectError(await p.write('ABCDEFGH', 'Hej'), 404, 'workshop_unknown');
    expectError(await p.read('not-a-code!'), 400, 'invalid_input');
  });

  it('shows suggestions to the room only from the threshold on, to the phones and the projector alike', async () => {
    const s = await setUp();
    const w = await started(s);
    const p = phone(s);
    await p.write(w.code, 'Vi læser status inden vagtstart');
    await p.write(w.code, 'Tabletterne er altid afladede', 'barrier');
    const below = await p.read(w.code);
    expect(below.body.room).toEqual({ threshold: THRESHOLD, written: 2, shown: false, suggestions: [] });
    const projector = await s.t.get(`/api/workshops/${w.id}`);
    expect(projector.body.room).toMatchObject({ threshold: THRESHOLD, written: 2, shown: false, suggestions: [] });
    expect(JSON.stringify(projector.body)).not.toContain('afladede');
    // Nothing can be voted on while nothing is shown.
    const [first] = await s.t.db.select().from(workshopSuggestions).limit(1);
    expectError(await p.vote(w.code, first.id), 409, 'suggestions_not_shown');

    await phone(s).write(w.code, 'Vi taler sammen om de svære beboere bagefter');
    const above = await p.read(w.code);
    expect(above.body.room.shown).toBe(true);
    expect(above.body.room.suggestions.map((x: { text: string }) => x.text).sort()).toEqual(['Tabletterne er altid afladede', 'Vi læser status inden vagtstart', 'Vi taler sammen om de svære beboere bagefter']);
    expect((await s.t.get(`/api/workshops/${w.id}`)).body.room.suggestions).toHaveLength(3);
  });

  it('counts one vote per phone and suggestion, and keeps only a hash of the phone\'s id', async () => {
    const s = await setUp();
    const w = await started(s);
    const [a, b] = [phone(s), phone(s)];
    const ids: number[] = [];
    for (const text of ['En', 'To', 'Tre']) ids.push((await a.write(w.code, text)).body.suggestion.id);
    expect((await a.vote(w.code, ids[1])).body).toEqual({ counted: true, votes: 1 });
    expect((await a.vote(w.code, ids[1])).body).toEqual({ counted: false, votes: 1 });
    expect((await b.vote(w.code, ids[1])).body).toEqual({ counted: true, votes: 2 });
    const room = (await a.read(w.code)).body.room;
    expect(room.suggestions[0]).toMatchObject({ id: ids[1], text: 'To', votes: 2 });
    const keys = await s.t.db.select().from(workshopVotes);
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(k.voterKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectError(await a.client.post(`/api/w/${w.code}/suggestions/${ids[0]}/vote`, { voterId: 'short' }), 400, 'invalid_input');
    expectError(await a.vote(w.code, 999_999), 404);
  });

  it.skipIf(testEngine !== 'sqlite')("keeps no order of the votes: no rowid numbers them 1, 2, 3 … beside each phone's key", async () => {
    const s = await setUp();
    const w = await started(s);
    const writer = phone(s);
    const ids: number[] = [];
    for (const text of ['En', 'To', 'Tre', 'Fire']) ids.push((await writer.write(w.code, text)).body.suggestion.id);
    for (let i = 0; i < 6; i++) {
      const p = phone(s);
      for (const id of ids) expect((await p.vote(w.code, id)).body.counted).toBe(true);
    }
    const c = s.t.db.sqlite!.connection;
    expect((c.prepare('select count(*) as n from workshop_votes').get() as { n: number }).n).toBe(24);
    expect(() => c.prepare('select rowid from workshop_votes').all()).toThrow(/no such column: rowid/);
  });

  it('refuses writes and votes once the workshop is closed, but still shows it', async () => {
    const s = await setUp();
    const w = await started(s);
    const p = phone(s);
    const ids: number[] = [];
    for (const text of ['En', 'To', 'Tre']) ids.push((await p.write(w.code, text)).body.suggestion.id);
    expect((await s.t.post(`/api/workshops/${w.id}/close`)).status).toBe(200);
    expectError(await p.write(w.code, 'For sent'), 410, 'workshop_closed');
    expectError(await p.vote(w.code, ids[0]), 410, 'workshop_closed');
    const read = await p.read(w.code);
    expect(read.body.workshop.status).toBe('closed');
    expect(read.body.room.suggestions).toHaveLength(3);
    expect((await s.t.db.select({ n: count() }).from(workshopSuggestions))[0].n).toBe(3);
  });
});

describe('the leader', () => {
  it('hides a suggestion from the room for good; only the unit\'s leader may', async () => {
    const s = await setUp();
    const w = await started(s);
    const p = phone(s);
    const ids: number[] = [];
    for (const text of ['Vi spørger Karin fra nattevagten', 'To', 'Tre']) ids.push((await p.write(w.code, text)).body.suggestion.id);
    const reader = await s.account('laeser@test.dk', 'manager', { projectIds: [s.project.id] });
    expectError(await reader.post(`/api/workshops/${w.id}/suggestions/${ids[0]}/hide`), 403, 'forbidden');
    expect((await s.t.post(`/api/workshops/${w.id}/suggestions/${ids[0]}/hide`)).status).toBe(200);
    for (const view of [(await p.read(w.code)).body, (await s.t.get(`/api/workshops/${w.id}`)).body]) {
      expect(JSON.stringify(view)).not.toContain('Karin');
      expect(view.room.written).toBe(3);
    }
    expect((await s.t.get(`/api/workshops/${w.id}`)).body.room.hidden).toBe(1);
    expectError(await p.vote(w.code, ids[0]), 404);
    expectError(await s.t.post(`/api/workshops/${w.id}/suggestions/999999/hide`), 404);
    // The project-only reader watches the projector view, without the leader's buttons.
    const watched = await reader.get(`/api/workshops/${w.id}`);
    expect(watched.status).toBe(200);
    expect(watched.body.canLead).toBe(false);
    expect((await s.t.get(`/api/workshops/${w.id}`)).body.canLead).toBe(true);
  });

  it('records the unit\'s agreed description, closes the workshop, and refuses a stale version with 409', async () => {
    const s = await setUp();
    const w = await started(s);
    const path = `/api/projects/${s.project.id}/units/${s.unitIds[0]}/behaviours/${s.behaviour.id}/description`;
    const first = await s.t.put(path, { description: 'Hos os læser vi status på tabletten før vagten.', workshopId: w.id });
    expect(first.status).toBe(200);
    expect(first.body.description).toMatchObject({ description: 'Hos os læser vi status på tabletten før vagten.', descriptionEn: '', workshopId: w.id, version: 1 });
    expect((await s.t.get(`/api/workshops/${w.id}`)).body.workshop.status).toBe('closed');
    const second = await s.t.put(path, { description: 'Ny formulering', descriptionEn: 'New wording', version: 1 });
    expect(second.body.description.version).toBe(2);
    const stale = await s.t.put(path, { description: 'Fra en gammel fane', version: 1 });
    expectError(stale, 409, 'stale_version');
    expect(stale.body.error.details.currentVersion).toBe(2);
    expect(stale.body.error.details.current.description).toBe('Ny formulering');
    // A second "first" description (no version) is stale too: one was recorded meanwhile.
    expectError(await s.t.put(path, { description: 'Også først' }), 409, 'stale_version');
    expectError(await s.t.put(path, { description: 'x'.repeat(2001), version: 2 }), 400, 'invalid_input');
    // A workshop of another unit cannot be named.
    const other = (await s.start(s.t, s.unitIds[1])).body.workshop;
    expectError(await s.t.put(path, { description: 'Forkert værksted', workshopId: other.id, version: 2 }), 400, 'workshop_mismatch');
    const reader = await s.account('laeser2@test.dk', 'manager', { projectIds: [s.project.id] });
    expectError(await reader.put(path, { description: 'Må ikke', version: 2 }), 403, 'forbidden');
    const audited = await s.t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.route, '/api/projects/:projectId/units/:unitId/behaviours/:behaviourId/description'));
    expect(audited.map((a) => a.action)).toContain('unit_description.set');
  });

  it('lists a unit\'s past workshops', async () => {
    const s = await setUp();
    const w = await started(s);
    await phone(s).write(w.code, 'En');
    await s.t.post(`/api/workshops/${w.id}/close`);
    const again = await started(s);
    const list = await s.t.get(`/api/projects/${s.project.id}/units/${s.unitIds[0]}/workshops`);
    expect(list.body.workshops.map((x: { id: number; status: string; written: number }) => [x.id, x.status, x.written])).toEqual([
      [again.id, 'open', 0],
      [w.id, 'closed', 1],
    ]);
    expect(list.body.workshops[0].behaviourTitle).toBe('Læser selv beboerens status');
  });
});

describe('descriptions side by side', () => {
  it('shows every unit\'s wording per behaviour to anyone who reads the project, and nobody else', async () => {
    const s = await setUp();
    const base = `/api/projects/${s.project.id}/units`;
    await s.t.put(`${base}/${s.unitIds[0]}/behaviours/${s.behaviour.id}/description`, { description: 'Vi læser på tabletten' });
    await s.t.put(`${base}/${s.unitIds[1]}/behaviours/${s.behaviour.id}/description`, { description: 'Vi læser stadig højt sammen' });
    const unitManager = await s.account('solhaven@test.dk', 'manager', { unitIds: [s.unitIds[0]] });
    const res = await unitManager.get(`/api/projects/${s.project.id}/descriptions`);
    expect(res.status).toBe(200);
    const [b] = res.body.behaviours;
    expect(b.described).toBe(2);
    expect(b.units.map((u: { unitName: string; description: { description: string } | null }) => [u.unitName, u.description?.description])).toEqual([
      ['Plejecenter Kærbo', 'Vi læser stadig højt sammen'],
      ['Plejecenter Solhaven', 'Vi læser på tabletten'],
    ]);
    expectError(await (await s.account('andet@test.dk', 'manager', { projectIds: [s.other.id] })).get(`/api/projects/${s.project.id}/descriptions`), 404);
  });
});

describe('data protection', () => {
  it('counts workshops in the DPO export without their texts, and deletes workshops\' texts with the raw answers (an open one on the retention date)', async () => {
    const s = await setUp();
    const closed = await started(s);
    const p = phone(s);
    for (const text of ['Hemmelig tekst en', 'To', 'Tre']) await p.write(closed.code, text);
    await s.t.post(`/api/workshops/${closed.id}/close`);
    const open = await started(s);
    await p.write(open.code, 'Stadig i gang');
    const exported = await s.t.get(`/api/projects/${s.project.id}/dpo-export`);
    expect(exported.body.workshops).toEqual({ workshops: 2, open: 1, suggestions: 4, hiddenSuggestions: 0, votes: 0 });
    expect(JSON.stringify(exported.body)).not.toContain('Hemmelig');
    expect((await s.t.post(`/api/projects/${s.project.id}/retention/delete-now`, { confirm: true })).status).toBe(200);
    // "Delete now" leaves the meeting that is running now; the retention date takes it too, closing it first.
    const left = await s.t.db.select({ workshopId: workshopSuggestions.workshopId }).from(workshopSuggestions);
    expect(left).toEqual([{ workshopId: open.id }]);
    await s.t.db.update(projects).set({ retentionUntil: '2000-01-01' }).where(eq(projects.id, s.project.id));
    await applyDueRetention(s.t.db, systemClock);
    expect(await s.t.db.select().from(workshopSuggestions)).toEqual([]);
    expectError(await p.write(open.code, 'For sent'), 410, 'workshop_closed');
  });

  it('makes a network that guesses workshop codes wait (429), not the room', async () => {
    const s = await setUp();
    const p = phone(s);
    let status = 0;
    for (let i = 0; i < 101 && status !== 429; i++) status = (await p.read(`ZZZZ${String(2222 + i).replace(/[01]/g, '2')}`)).status;
    expect(status).toBe(429);
  });
});
