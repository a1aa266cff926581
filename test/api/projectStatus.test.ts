// The project's status follows its waves where it must: opening a wave moves a project out of planning, and a
// project with an open or planned wave cannot be marked as finished.
import { describe, expect, it } from 'vitest';
import { expectError, projectWithUnits } from '../support/api';

describe('project status and waves', () => {
  it('moves a project in planning to rollout when its first wave opens; a later status is left alone', async () => {
    const { t, project } = await projectWithUnits([['A', 10]]);
    expect(project.status).toBe('planlaegning');
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline' })).body.wave;
    // A draft changes nothing.
    expect((await t.get(`/api/projects/${project.id}`)).body.project.status).toBe('planlaegning');
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    const opened = (await t.get(`/api/projects/${project.id}`)).body.project;
    expect(opened.status).toBe('udrulning');
    expect(opened.version).toBeGreaterThan(project.version);
    // Set on by hand to benefit realisation, a project stays there when another wave opens.
    expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
    expect((await t.patch(`/api/projects/${project.id}`, { status: 'gevinsthoest', version: opened.version })).status).toBe(200);
    const next = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Opfølgning', phase: 'followup', includeNotLive: true })).body.wave;
    expect((await t.post(`/api/waves/${next.id}/open`)).status).toBe(200);
    expect((await t.get(`/api/projects/${project.id}`)).body.project.status).toBe('gevinsthoest');
  });

  it('refuses to mark a project as finished while a wave is open or planned, and stores nothing', async () => {
    const { t, project } = await projectWithUnits([['A', 10]]);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline', opensAtLocal: '2099-03-01T08:00', closesAtLocal: '2099-03-14T16:00' })).body.wave;
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    const scheduled = (await t.get(`/api/projects/${project.id}`)).body.project;
    expectError(await t.patch(`/api/projects/${project.id}`, { status: 'afsluttet', version: scheduled.version }), 409, 'waves_still_open');
    const after = (await t.get(`/api/projects/${project.id}`)).body.project;
    expect(after).toMatchObject({ status: 'udrulning', version: scheduled.version });
    // Closed, the project may be finished.
    expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
    expect((await t.patch(`/api/projects/${project.id}`, { status: 'afsluttet', version: after.version })).status).toBe(200);
  });
});
