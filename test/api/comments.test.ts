// Free-text comments: only for a whole closed wave with ≥ 10 respondents, never to a unit-narrowed view.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users, userScopes } from '../../db/schema';
import { answersFor } from '../support/answers';
import { MANAGER, clientFor, expectError, testApp } from '../support/api';

async function waveWithComments(respondents: number) {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'P' })).body.project;
  const unit = (await t.post('/api/units', { name: 'A', headcount: 40 })).body.unit;
  await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Ny adfærd' });
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
  await t.post(`/api/waves/${wave.id}/open`);
  const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token;
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const textItem = itemMap.items.find((i: any) => i.type === 'text');
  for (let i = 0; i < respondents; i++) {
    const answers = { ...answersFor(itemMap), ...(i < 3 ? { [textItem.question]: i === 0 ? '<script>alert(1)</script> Mere tid' : `Kommentar ${i}` } : {}) };
    expect((await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers, locale: 'da' })).status).toBe(201);
  }
  return { t, project, wave, unit };
}

describe('free-text comments', () => {
  it('are hidden while the wave is open and below 10 respondents', async () => {
    const { t, project, wave } = await waveWithComments(9);
    expect((await t.get(`/api/projects/${project.id}/comments`)).body.comments.waves).toEqual([]);
    await t.post(`/api/waves/${wave.id}/close`);
    const closed = (await t.get(`/api/projects/${project.id}/comments`)).body.comments;
    expect(closed.threshold).toBe(10);
    expect(closed.waves[0]).toMatchObject({ respondents: null, shown: false, hiddenReason: 'protected', questions: [] });
    expect(JSON.stringify(closed)).not.toContain('Kommentar');
  });

  it('are shown as plain stored text, in alphabetical order, from 10 respondents', async () => {
    const { t, project, wave } = await waveWithComments(10);
    await t.post(`/api/waves/${wave.id}/close`);
    const q = (await t.get(`/api/projects/${project.id}/comments`)).body.comments.waves[0].questions[0];
    expect(q.comments).toEqual(['<script>alert(1)</script> Mere tid', 'Kommentar 1', 'Kommentar 2']);
  });

  it('are never shown to a manager narrowed to some units, and 404 outside their projects', async () => {
    const { t, project, wave, unit } = await waveWithComments(10);
    await t.post(`/api/waves/${wave.id}/close`);
    const manager = clientFor(t.app);
    await manager.login(MANAGER);
    expectError(await manager.get(`/api/projects/${project.id}/comments`), 404, 'not_found');
    const [{ id: managerId }] = await t.db.select().from(users).where(eq(users.email, MANAGER.email)).limit(1);
    await t.db.insert(userScopes).values({ userId: managerId, unitId: unit.id });
    const comments = (await manager.get(`/api/projects/${project.id}/comments`)).body.comments;
    expect(comments.waves[0]).toMatchObject({ shown: false, hiddenReason: 'narrowed_view', questions: [] });
    // Said once for the whole answer, so the report can explain it instead of listing empty waves.
    expect(comments.narrowedToUnits).toBe(true);
    expect((await t.get(`/api/projects/${project.id}/comments`)).body.comments.narrowedToUnits).toBe(false);
  });
});
