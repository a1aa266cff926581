// The export for the data protection officer (GET /api/projects/:projectId/dpo-export): everything held about a
// project described, the keys and the answers never copied — no link token or short code, no pairing secret or
// pair key, no submission id, no free text. The secretariat's alone.
import { randomUUID } from 'node:crypto';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { projects, responses, responseValues } from '../../db/schema';
import { answersFor } from '../support/answers';
import { clientFor, expectError, MANAGER, testApp } from '../support/api';

const EDITOR = { email: 'lead@test.dk', password: 'projektleder-1' };

/** A unit of 40 staff, asked with free text and pairing, in an open wave (with live results if asked). */
async function openWave(liveResults = false) {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'P' })).body.project;
  const unit = (await t.post('/api/units', { name: 'Enhed A', headcount: 40 })).body.unit;
  await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Ny adfærd' })).body.behaviour;
  expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec: { behaviours: [{ behaviourId: behaviour.id, constructs: ['adoption', 'free_text'] }] } })).status).toBe(200);
  expect((await t.put(`/api/projects/${project.id}/pairing`, { enabled: true })).status).toBe(200);
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
  expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
  if (liveResults) expect((await t.patch(`/api/waves/${wave.id}`, { liveResults: true })).status).toBe(200);
  const link = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0];
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const textItem = itemMap.items.find((i: any) => i.type === 'text');
  return { t, project, wave, link, itemMap, textItem };
}

async function setUp() {
  const { t, project, wave, link, itemMap, textItem } = await openWave();
  const secrets: string[] = [link.token, link.shortCode, link.shortCode.replace('-', '')];
  const staff = clientFor(t.app);
  for (let i = 0; i < 10; i++) {
    const submissionId = randomUUID();
    const text = `Fortrolig ${randomUUID()}`;
    secrets.push(submissionId, text);
    const answers = { ...answersFor(itemMap), [textItem.question]: text, 'pairing.mother': ` Ø${'abcdefghij'[i]}`, 'pairing.house': `${i}`, 'pairing.school': 'ÅS ' };
    const sent = await staff.post(`/api/s/${link.token}/responses`, { submissionId, answers, locale: 'da' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  }
  expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
  const [{ pairingSecret }] = await t.db.select({ pairingSecret: projects.pairingSecret }).from(projects).where(eq(projects.id, project.id));
  const pairKeys = (await t.db.select({ pairKey: responses.pairKey }).from(responses)).map((r) => r.pairKey);
  expect(pairingSecret).toBeTruthy();
  expect(pairKeys.every(Boolean)).toBe(true);
  secrets.push(pairingSecret!, ...(pairKeys as string[]));
  const editor = (await t.post('/api/users', { email: EDITOR.email, name: 'Lead', role: 'editor', password: EDITOR.password })).body.user;
  expect((await t.put(`/api/users/${editor.id}/scopes`, { unitIds: [], projectIds: [], ledProjectIds: [project.id] })).status).toBe(200);
  return { t, project, wave, secrets };
}

describe('the DPO export', () => {
  it('describes the project, its raw data as counts and its aggregates, with no key, code or answer', async () => {
    const { t, project, wave, secrets } = await setUp();
    const res = await t.get(`/api/projects/${project.id}/dpo-export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dpo-project-\d+-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = res.body;
    expect(doc.project.id).toBe(project.id);
    expect(doc.waves).toHaveLength(1);
    expect(doc.waves[0]).toMatchObject({ id: wave.id, held: { responses: 10, freeTextAnswers: 10, pairingKeys: 10, leftOutOfResults: 0 } });
    expect(doc.waves[0].links[0]).toMatchObject({ unitName: 'Enhed A' });
    expect(doc.accounts.map((a: any) => a.email).sort()).toEqual(['admin@test.dk', EDITOR.email].sort());
    expect(doc.aggregates).toBeTruthy();
    const text = JSON.stringify(doc);
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/Fortrolig|ÅS|passwordHash|pairingSecret/);
    // The export itself is recorded, by the secretariat account.
    const entries = (await t.get('/api/audit?action=dpo.export')).body.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorEmail: 'admin@test.dk', projectId: project.id, status: 200 });
  });

  it('is refused to the project\'s editor and a manager (403), and anonymous (401); unknown project 404', async () => {
    const { t, project } = await setUp();
    const editor = clientFor(t.app);
    await editor.login(EDITOR);
    expect((await editor.get(`/api/projects/${project.id}`)).status).toBe(200);
    expectError(await editor.get(`/api/projects/${project.id}/dpo-export`), 403);
    const manager = clientFor(t.app);
    await manager.login(MANAGER);
    expectError(await manager.get(`/api/projects/${project.id}/dpo-export`), 403);
    expectError(await clientFor(t.app).get(`/api/projects/${project.id}/dpo-export`), 401);
    expectError(await t.get('/api/projects/9999/dpo-export'), 404);
    expectError(await t.get('/api/projects/abc/dpo-export'), 400);
  });

  describe('counts of stored data', () => {
    /** A unit of 40 staff asked with free text and pairing; `answer(n)` sends n responses to the open wave. */
    async function liveSetUp(liveResults: boolean) {
      const { t, project, wave, link, itemMap, textItem } = await openWave(liveResults);
      let sent = 0;
      const answer = async () => {
        const answers = { ...answersFor(itemMap), [textItem.question]: `Tekst ${sent}`, 'pairing.mother': ` Ø${'abcdefghijklmnop'[sent]}`, 'pairing.house': `${sent % 10}`, 'pairing.school': 'ÅS ' };
        sent++;
        const res = await t.post(`/api/s/${link.token}/responses`, { submissionId: randomUUID(), answers, locale: 'da' });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      };
      const held = async () => (await t.get(`/api/projects/${project.id}/dpo-export`)).body.waves.find((w: any) => w.id === wave.id).held;
      return { t, wave, answer, held };
    }

    it('are hidden every time the export is polled while a wave takes answers, with or without live results', async () => {
      for (const live of [false, true]) {
        const { answer, held } = await liveSetUp(live);
        const seen = [await held()];
        for (let i = 0; i < 12; i++) {
          await answer();
          seen.push(await held());
        }
        expect(seen).toEqual(seen.map(() => ({ hidden: true, reason: expect.stringMatching(/once it closes/) })));
      }
    });

    it('of a closed live wave count the answers over the released responses, and say how many were left out', async () => {
      const { t, wave, answer, held } = await liveSetUp(true);
      for (let i = 0; i < 11; i++) await answer();
      expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
      const released = and(eq(responses.waveId, wave.id), isNotNull(responses.releasedIn));
      const [{ n: releasedCount }] = await t.db.select({ n: count() }).from(responses).where(released);
      expect(releasedCount).toBe(10);
      const [{ n: releasedValues }] = await t.db.select({ n: count() }).from(responseValues).innerJoin(responses, eq(responses.id, responseValues.responseId)).where(released);
      const [{ n: allValues }] = await t.db.select({ n: count() }).from(responseValues);
      expect(allValues).toBeGreaterThan(releasedValues);
      expect(await held()).toEqual({ responses: 11, answerValues: releasedValues, freeTextAnswers: 10, pairingKeys: 10, leftOutOfResults: 1 });
    });
  });
});
