// A project's retention date (server/services/retention.ts): through that day (Europe/Copenhagen) nothing is
// deleted; after it the raw answers and free text of closed waves are gone, the report keeps every number, and
// what needs individual answers says raw_deleted. Setting it, "delete now" and the DPO export are the
// secretariat's alone: a project's editor is refused too.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { responses, responseValues } from '../../db/schema';
import { createApp } from '../../server/app';
import { answersFor } from '../support/answers';
import { ADMIN, clientFor, expectError, MANAGER, testApp } from '../support/api';

const EDITOR = { email: 'lead@test.dk', password: 'projektleder-1' };

/** An app on a movable clock; admin logged in; a project with 10 answers (2 with free text) in a closed wave. */
async function setUp() {
  const base = await testApp();
  let now = new Date('2026-03-02T08:00:00Z');
  const app = createApp({ db: base.db, config: { publicUrl: 'http://test.local' }, clock: { now: () => new Date(now) } });
  const t = clientFor(app);
  await t.login(ADMIN);
  const project = (await t.post('/api/projects', { name: 'P' })).body.project;
  const unit = (await t.post('/api/units', { name: 'A', headcount: 40 })).body.unit;
  await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Ny adfærd' })).body.behaviour;
  expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec: { behaviours: [{ behaviourId: behaviour.id, constructs: ['adoption', 'free_text'] }] } })).status).toBe(200);
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
  await t.post(`/api/waves/${wave.id}/open`);
  const link = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0];
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const textItem = itemMap.items.find((i: any) => i.type === 'text');
  const staff = clientFor(app);
  for (let i = 0; i < 10; i++) {
    const answers = { ...answersFor(itemMap, () => (i % 5) + 1), ...(i < 2 ? { [textItem.question]: `Fritekst ${i}` } : {}) };
    expect((await staff.post(`/api/s/${link.token}/responses`, { submissionId: randomUUID(), answers, locale: 'da' })).status).toBe(201);
  }
  expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
  const editor = (await t.post('/api/users', { email: EDITOR.email, name: 'Lead', role: 'editor', password: EDITOR.password })).body.user;
  expect((await t.put(`/api/users/${editor.id}/scopes`, { unitIds: [], projectIds: [], ledProjectIds: [project.id] })).status).toBe(200);
  // Days pass: the session has long expired, so the admin logs in again.
  const setDay = async (iso: string) => {
    now = new Date(iso);
    await t.login(ADMIN);
  };
  return { db: base.db, app, t, project, wave, setDay };
}

type Db = Awaited<ReturnType<typeof setUp>>['db'];
const raw = async (db: Db) => ({
  responses: await db.select().from(responses),
  values: await db.select().from(responseValues),
});

describe('retention', () => {
  it('keeps everything through the day, then deletes raw answers and free text but keeps the report', async () => {
    const { db, t, project, setDay } = await setUp();
    const report = (await t.get(`/api/projects/${project.id}/report`)).body;
    const comments = (await t.get(`/api/projects/${project.id}/comments`)).body.comments.waves[0];
    expect(comments.questions[0].comments).toEqual(['Fritekst 0', 'Fritekst 1']);
    const set = await t.put(`/api/projects/${project.id}/retention`, { retentionUntil: '2026-03-10' });
    expect(set.status).toBe(200);
    expect(set.body.retention).toMatchObject({ retentionUntil: '2026-03-10', rawDeletedAt: null, rawDeleted: false });

    // The last day kept (late evening in Copenhagen, still 2026-03-10 there).
    await setDay('2026-03-10T22:30:00Z');
    expect((await t.get(`/api/projects/${project.id}/retention`)).body.retention.rawDeleted).toBe(false);
    const kept = await raw(db);
    expect(kept.responses).toHaveLength(10);
    expect(kept.values.some((v) => v.valueText === 'Fritekst 0')).toBe(true);
    expect(kept.responses.every((r) => Object.keys(r.answers as object).length > 0)).toBe(true);

    // The next day in Copenhagen: the first request runs the deletion.
    await setDay('2026-03-10T23:30:00Z');
    const after = (await t.get(`/api/projects/${project.id}/retention`)).body.retention;
    expect(after.rawDeleted).toBe(true);
    expect(after.rawDeletedAt).toEqual(expect.any(String));
    const gone = await raw(db);
    expect(gone.responses).toHaveLength(10); // the respondent counts stay
    expect(gone.values).toHaveLength(0);
    for (const r of gone.responses) {
      expect(r.answers).toEqual({});
      expect(r.pairKey).toBeNull();
      expect(r.submissionId).toMatch(/^retained-/);
    }
    expect(JSON.stringify(gone)).not.toContain('Fritekst');

    // The published numbers are the same.
    const reportAfter = (await t.get(`/api/projects/${project.id}/report`)).body;
    expect(reportAfter).toEqual(report);
    const commentsAfter = (await t.get(`/api/projects/${project.id}/comments`)).body.comments.waves[0];
    expect(JSON.stringify(commentsAfter)).not.toContain('Fritekst');
    expect(JSON.stringify(commentsAfter)).toContain('raw_deleted');

    // Idempotent: delete-now and later runs change nothing more; the date is history now.
    const again = await t.post(`/api/projects/${project.id}/retention/delete-now`, { confirm: true });
    expect(again.status).toBe(200);
    expect(again.body.retention.purged).toEqual({ responses: 0, values: 0 });
    expect(again.body.retention.rawDeletedAt).toBe(after.rawDeletedAt);
    await setDay('2026-04-01T08:00:00Z');
    expect((await t.get(`/api/projects/${project.id}/report`)).body).toEqual(report);
    expect(await raw(db)).toEqual(gone);
    expectError(await t.put(`/api/projects/${project.id}/retention`, { retentionUntil: '2026-05-01' }), 409, 'raw_deleted');
  });

  it('delete-now asks for confirmation, deletes at once, and records counts only', async () => {
    const { db, t, project } = await setUp();
    expectError(await t.post(`/api/projects/${project.id}/retention/delete-now`, {}), 400);
    expectError(await t.post(`/api/projects/${project.id}/retention/delete-now`, { confirm: 'yes' }), 400);
    expect((await raw(db)).values.length).toBeGreaterThan(0);
    const res = await t.post(`/api/projects/${project.id}/retention/delete-now`, { confirm: true });
    expect(res.status).toBe(200);
    expect(res.body.retention.purged.responses).toBe(10);
    expect((await raw(db)).values).toHaveLength(0);
    const entries = (await t.get(`/api/audit?action=retention.delete_now`)).body.entries;
    expect(entries.map((e: any) => e.details?.responses).filter((n: unknown) => n !== undefined)).toContain(10);
  });

  it('refuses bad and past dates, and stores nothing', async () => {
    const { t, project } = await setUp();
    for (const retentionUntil of ['2026-13-01', '2026-02-30', 'tomorrow', 20260401, '', '2026-3-5']) {
      expectError(await t.put(`/api/projects/${project.id}/retention`, { retentionUntil }), 400);
    }
    expectError(await t.put(`/api/projects/${project.id}/retention`, { retentionUntil: '2026-03-01' }), 400, 'retention_in_past');
    expectError(await t.put(`/api/projects/${project.id}/retention`, {}), 400);
    expectError(await t.put(`/api/projects/${project.id}/retention`, { retentionUntil: '2026-04-01', extra: 1 }), 400);
    expect((await t.get(`/api/projects/${project.id}/retention`)).body.retention.retentionUntil).toBeNull();
    // Today is allowed (kept through today); null clears it.
    expect((await t.put(`/api/projects/${project.id}/retention`, { retentionUntil: '2026-03-02' })).status).toBe(200);
    expect((await t.put(`/api/projects/${project.id}/retention`, { retentionUntil: null })).body.retention.retentionUntil).toBeNull();
    expectError(await t.get('/api/projects/9999/retention'), 404);
  });

  it('is the secretariat\'s alone: the project\'s editor and a manager 403, anonymous 401', async () => {
    const { app, t, project } = await setUp();
    const editor = clientFor(app);
    await editor.login(EDITOR);
    // The editor does edit the project otherwise.
    expect((await editor.post(`/api/projects/${project.id}/goals`, { title: 'Mål' })).status).toBe(201);
    const manager = clientFor(app);
    await manager.login(MANAGER);
    for (const who of [editor, manager]) {
      expectError(await who.get(`/api/projects/${project.id}/retention`), 403);
      expectError(await who.put(`/api/projects/${project.id}/retention`, { retentionUntil: '2026-04-01' }), 403);
      expectError(await who.post(`/api/projects/${project.id}/retention/delete-now`, { confirm: true }), 403);
    }
    const anonymous = clientFor(app);
    expectError(await anonymous.get(`/api/projects/${project.id}/retention`), 401);
    expectError(await anonymous.post(`/api/projects/${project.id}/retention/delete-now`, { confirm: true }), 401);
    const retention = (await t.get(`/api/projects/${project.id}/retention`)).body.retention;
    expect(retention).toMatchObject({ retentionUntil: null, rawDeletedAt: null, rawDeleted: false });
  });
});
