// Authorisation through the HTTP API: managers see only what they are granted, and never a total that
// could be subtracted from another view to reveal a hidden group.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { userScopes, users } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { answersFor } from '../support/answers';
import { MANAGER, clientFor, expectError, testApp } from '../support/api';

async function projectWithAnswers() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'P' })).body.project;
  const unitIds: number[] = [];
  for (const [name, headcount] of [['A', 30], ['B', 30], ['C', 6]] as const) {
    const unit = (await t.post('/api/units', { name, headcount })).body.unit;
    await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
    unitIds.push(unit.id);
  }
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Ny adfærd' });
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
  await t.post(`/api/waves/${wave.id}/open`);
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links;
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const counts = [8, 7, 2];
  for (let u = 0; u < 3; u++) {
    const token = links.find((l: any) => l.unitId === unitIds[u]).token;
    for (let i = 0; i < counts[u]; i++) {
      const res = await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, () => (i % 2 ? 5 : 2)), locale: 'da' });
      expect(res.status).toBe(201);
    }
  }
  await t.post(`/api/waves/${wave.id}/close`);
  const [{ id: managerId }] = await t.db.select().from(users).where(eq(users.email, MANAGER.email)).limit(1);
  const manager = clientFor(t.app);
  await manager.login(MANAGER);
  return { t, project, unitIds, wave, managerId, manager };
}

describe('manager access', () => {
  it('hides projects a manager is not granted, as if they did not exist', async () => {
    const { project, manager } = await projectWithAnswers();
    expect((await manager.get('/api/projects')).body.projects).toHaveLength(0);
    expectError(await manager.get(`/api/projects/${project.id}`), 404, 'not_found');
    expectError(await manager.get(`/api/projects/${project.id}/report`), 404, 'not_found');
  });

  it('lets a project-scoped manager read the report but not change anything or see links', async () => {
    const { t, project, wave, managerId, manager } = await projectWithAnswers();
    await t.db.insert(userScopes).values({ userId: managerId, projectId: project.id });
    expect((await manager.get('/api/projects')).body.projects.map((p: any) => p.id)).toEqual([project.id]);
    const report = await manager.get(`/api/projects/${project.id}/report`);
    expect(report.status).toBe(200);
    expect(report.body.report.units).toHaveLength(3);
    expectError(await manager.patch(`/api/projects/${project.id}`, { name: 'X' }), 403, 'forbidden');
    expectError(await manager.get(`/api/waves/${wave.id}/links`), 403, 'forbidden');
    expectError(await manager.post(`/api/waves/${wave.id}/close`), 403, 'forbidden');
  });

  it('shows a unit-scoped manager only their units, with the suppression and totals of the full view', async () => {
    const { t, project, unitIds, managerId, manager } = await projectWithAnswers();
    await t.db.insert(userScopes).values({ userId: managerId, unitId: unitIds[1] });
    const admin = (await t.get(`/api/projects/${project.id}/report`)).body.report;
    const mine = (await manager.get(`/api/projects/${project.id}/report`)).body.report;
    expect(mine.units.map((u: any) => u.id)).toEqual([unitIds[1]]);
    expect(mine.behaviours[0].adoption.units.map((u: any) => u.unitId)).toEqual([unitIds[1]]);
    // The total is the project's, not a sum over the manager's units, so no view can be subtracted from another.
    expect(mine.behaviours[0].adoption.overall).toEqual(admin.behaviours[0].adoption.overall);
    // B (7 answers) is the smallest sibling of the hidden C (2): hidden in every view, and, like every hidden
    // cell, without saying whether it was too small itself or hidden to protect another.
    const cellB = mine.behaviours[0].adoption.units[0].cells[0];
    expect(cellB.hidden).toBe(true);
    expect(cellB.hiddenReason).toBe('protected');
    expect(admin.behaviours[0].adoption.units.find((u: any) => u.unitId === unitIds[1]).cells[0]).toEqual(cellB);
    expect(JSON.stringify(mine)).not.toContain('"unitName":"A"');
  });

  it('shows a manager only the units they are granted, and never names projects they cannot read', async () => {
    const { t, project, unitIds, managerId, manager } = await projectWithAnswers();
    const secret = (await t.post('/api/projects', { name: 'Hemmeligt projekt' })).body.project;
    const elsewhere = (await t.post('/api/units', { name: 'Andet sted', headcount: 12 })).body.unit;
    await t.put(`/api/projects/${secret.id}/rollouts/${unitIds[1]}`, { goLiveDate: '2027-01-10' });
    await t.put(`/api/projects/${secret.id}/rollouts/${elsewhere.id}`, { goLiveDate: '2027-01-10' });
    // No scope: nothing in the register.
    expect((await manager.get('/api/units')).body.units).toEqual([]);
    expectError(await manager.get(`/api/units/${unitIds[1]}`), 404, 'not_found');
    // Granted project P only: P's units, and a unit's rollouts name P but not the secret project.
    await t.db.insert(userScopes).values({ userId: managerId, projectId: project.id });
    expect((await manager.get('/api/units')).body.units.map((u: any) => u.id).sort()).toEqual([...unitIds].sort());
    const unit = (await manager.get(`/api/units/${unitIds[1]}`)).body.unit;
    expect(unit.rollouts.map((r: any) => r.projectId)).toEqual([project.id]);
    expect(JSON.stringify(unit)).not.toContain('Hemmeligt');
    expectError(await manager.get(`/api/units/${elsewhere.id}`), 404, 'not_found');
  });
});
