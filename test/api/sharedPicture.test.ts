// The shared picture (fælles billede): who may choose its sections and make or revoke its share links, and what the
// public page behind a link shows — only the chosen sections, a unit's own description only on that unit's link,
// nothing derived from answers, and nothing at all behind a revoked or unknown link.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, shareLinks, unitBehaviourDescriptions } from '../../db/schema';
import { answersFor } from '../support/answers';
import { clientFor, expectError, MANAGER, projectWithUnits } from '../support/api';

async function setup() {
  const { t, project, ids } = await projectWithUnits([
    ['Plejecenter Nord', 12],
    ['Plejecenter Syd', 12],
  ]);
  await t.patch(`/api/projects/${project.id}`, { purpose: 'Mere tid til beboerne', purposeEn: '' });
  const behaviour = (await t.get(`/api/projects/${project.id}`)).body.project.behaviours[0];
  await t.patch(`/api/behaviours/${behaviour.id}`, { title: 'Læser selv beboerens status', oldBehaviour: 'Fælles oplæsning ved vagtstart', titleEn: 'Reads the status' });
  await t.post(`/api/projects/${project.id}/benefits`, { title: 'Mere tid til kerneopgaven' });
  await t.post(`/api/projects/${project.id}/benefits`, { title: 'Mindre fælles faglig drøftelse', direction: 'negative' });
  await t.put(`/api/projects/${project.id}/rollouts/${ids[0]}`, { goLiveDate: '2027-03-01' });
  return { t, project, ids, behaviour };
}

async function account(t: Awaited<ReturnType<typeof setup>>['t'], email: string, role: 'manager' | 'editor', projectIds: number[], unitIds: number[] = []) {
  const password = 'shared-pass-1';
  const user = (await t.post('/api/users', { email, name: email, role, password })).body.user;
  await t.put(`/api/users/${user.id}/scopes`, role === 'editor' ? { unitIds: [], projectIds: [], ledProjectIds: projectIds } : { unitIds, projectIds });
  const client = clientFor(t.app);
  await client.login({ email, password });
  return client;
}

describe('share links: who may make and revoke them', () => {
  it('lets the admin and the project\'s editor create and revoke links; managers and other projects\' editors are refused', async () => {
    const { t, project, ids } = await setup();
    const other = (await t.post('/api/projects', { name: 'Andet projekt' })).body.project;
    const editor = await account(t, 'editor@test.dk', 'editor', [project.id]);
    const editorElsewhere = await account(t, 'editor2@test.dk', 'editor', [other.id]);
    const inProject = await account(t, 'leder@test.dk', 'manager', [project.id], [ids[0]]);
    const unscoped = clientFor(t.app);
    await unscoped.login(MANAGER);

    const made = await editor.post(`/api/projects/${project.id}/share-links`, { unitId: ids[0] });
    expect(made.status).toBe(201);
    expect(made.body.shareLink).toMatchObject({ unitId: ids[0], unitName: 'Plejecenter Nord', revokedAt: null });
    expect(made.body.shareLink.url).toBe(`http://test.local/p/${made.body.shareLink.token}`);

    // A manager scoped to the project reads it but does not publish it; one without scope does not see it at all.
    expectError(await inProject.post(`/api/projects/${project.id}/share-links`, {}), 403);
    expectError(await inProject.get(`/api/projects/${project.id}/shared-picture`), 403);
    expectError(await unscoped.post(`/api/projects/${project.id}/share-links`, {}), 404);
    expectError(await editorElsewhere.post(`/api/projects/${project.id}/share-links`, {}), 404);
    expectError(await editorElsewhere.post(`/api/projects/${project.id}/share-links/${made.body.shareLink.id}/revoke`), 404);
    expectError(await inProject.post(`/api/projects/${project.id}/share-links/${made.body.shareLink.id}/revoke`), 403);
    expectError(await unscoped.put(`/api/projects/${project.id}/shared-picture`, { sections: { purpose: false, behaviours: true, benefits: true, drawbacks: true, timeline: true, unitDescriptions: true, results: false } }), 404);
    // A link of this project is not reachable through another project's path, even by the admin.
    expectError(await t.post(`/api/projects/${other.id}/share-links/${made.body.shareLink.id}/revoke`), 404);
    expect((await t.get(`/api/p/${made.body.shareLink.token}`)).status).toBe(200);

    const revoked = await t.post(`/api/projects/${project.id}/share-links/${made.body.shareLink.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.shareLink.revokedAt).toEqual(expect.any(String));
    const settings = await editor.get(`/api/projects/${project.id}/shared-picture`);
    expect(settings.body.links).toHaveLength(1);
    expect(settings.body.links[0].revokedAt).not.toBeNull();
    expect(settings.body.units.map((u: { name: string }) => u.name)).toEqual(['Plejecenter Nord', 'Plejecenter Syd']);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const { t, project, ids } = await setup();
    const count = async () => (await t.get(`/api/projects/${project.id}/shared-picture`)).body.links.length;
    const other = (await t.post('/api/units', { name: 'Ikke i projektet', headcount: 9 })).body.unit;
    expectError(await t.post(`/api/projects/${project.id}/share-links`, { unitId: other.id }), 400, 'unit_not_in_project');
    expectError(await t.post(`/api/projects/${project.id}/share-links`, { unitId: 'Nord' }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${project.id}/share-links`, { unitId: ids[0], extra: true }), 400, 'invalid_input');
    expect(await count()).toBe(0);
    const before = (await t.get(`/api/projects/${project.id}/shared-picture`)).body.sections;
    expectError(await t.put(`/api/projects/${project.id}/shared-picture`, { sections: { purpose: false } }), 400, 'invalid_input');
    expectError(await t.put(`/api/projects/${project.id}/shared-picture`, { sections: { ...before, comments: true } }), 400, 'invalid_input');
    expectError(await t.put(`/api/projects/${project.id}/shared-picture`, { sections: { ...before, purpose: 'no' } }), 400, 'invalid_input');
    expect((await t.get(`/api/projects/${project.id}/shared-picture`)).body.sections).toEqual(before);
    expectError(await t.get('/api/p/short'), 400, 'invalid_input');
  });

  it('records the secretariat\'s writes in the audit log, and not the public read', async () => {
    const { t, project } = await setup();
    const link = (await t.post(`/api/projects/${project.id}/share-links`, {})).body.shareLink;
    await t.post(`/api/projects/${project.id}/share-links/${link.id}/revoke`);
    await t.put(`/api/projects/${project.id}/shared-picture`, { sections: { purpose: true, behaviours: true, benefits: false, drawbacks: true, timeline: true, unitDescriptions: true, results: false } });
    const anonymous = clientFor(t.app);
    await anonymous.get(`/api/p/${link.token}`);
    const { db } = t;
    const entries = await db.select().from(auditLog);
    const names = entries.map((e) => e.action);
    expect(names).toEqual(expect.arrayContaining(['share_link.create', 'share_link.revoke', 'shared_picture.set']));
    expect(entries.some((e) => e.route === '/api/p/:token')).toBe(false);
  });
});

describe('the public shared picture', () => {
  it('shows purpose, behaviours with the old behaviour, benefits, drawbacks and go-live dates to anyone with the link', async () => {
    const { t, project, ids } = await setup();
    const link = (await t.post(`/api/projects/${project.id}/share-links`, {})).body.shareLink;
    const anonymous = clientFor(t.app);
    const res = await anonymous.get(`/api/p/${link.token}`);
    expect(res.status).toBe(200);
    const p = res.body.picture;
    expect(p.purpose.purpose).toBe('Mere tid til beboerne');
    expect(p.behaviours[0]).toMatchObject({ title: 'Læser selv beboerens status', titleEn: 'Reads the status', oldBehaviour: 'Fælles oplæsning ved vagtstart', unitDescription: null });
    expect(p.benefits.map((b: { title: string }) => b.title)).toEqual(['Mere tid til kerneopgaven']);
    expect(p.drawbacks.map((b: { title: string }) => b.title)).toEqual(['Mindre fælles faglig drøftelse']);
    expect(p.timeline).toEqual([
      { unitId: ids[0], name: 'Plejecenter Nord', nameEn: '', goLiveDate: '2027-03-01', ownUnit: false },
      { unitId: ids[1], name: 'Plejecenter Syd', nameEn: '', goLiveDate: null, ownUnit: false },
    ]);
    expect(p.unit).toBeNull();
  });

  it('shows only the sections the secretariat chose', async () => {
    const { t, project } = await setup();
    const link = (await t.post(`/api/projects/${project.id}/share-links`, {})).body.shareLink;
    const put = await t.put(`/api/projects/${project.id}/shared-picture`, { sections: { purpose: true, behaviours: false, benefits: true, drawbacks: false, timeline: false, unitDescriptions: true, results: false } });
    expect(put.status).toBe(200);
    const p = (await clientFor(t.app).get(`/api/p/${link.token}`)).body.picture;
    expect(p.purpose).not.toBeNull();
    expect(p.benefits).toHaveLength(1);
    expect(p.behaviours).toBeNull();
    expect(p.drawbacks).toBeNull();
    expect(p.timeline).toBeNull();
    const text = JSON.stringify(p);
    expect(text).not.toContain('Fælles oplæsning');
    expect(text).not.toContain('Mindre fælles faglig drøftelse');
  });

  it('shows a unit\'s own agreed description on that unit\'s link only', async () => {
    const { t, project, ids, behaviour } = await setup();
    const { db } = t;
    await db.insert(unitBehaviourDescriptions).values([
      { behaviourId: behaviour.id, unitId: ids[0], description: 'Hos os læser vi status på tabletten inden kl. 7.05', descriptionEn: '' },
      { behaviourId: behaviour.id, unitId: ids[1], description: 'Syd læser på telefonen', descriptionEn: 'South reads on the phone' },
    ]);
    const nord = (await t.post(`/api/projects/${project.id}/share-links`, { unitId: ids[0] })).body.shareLink;
    const whole = (await t.post(`/api/projects/${project.id}/share-links`, {})).body.shareLink;
    const anonymous = clientFor(t.app);
    const p = (await anonymous.get(`/api/p/${nord.token}`)).body.picture;
    expect(p.unit).toEqual({ name: 'Plejecenter Nord', nameEn: '' });
    expect(p.behaviours[0].unitDescription).toMatchObject({ description: 'Hos os læser vi status på tabletten inden kl. 7.05', descriptionEn: '' });
    expect(JSON.stringify(p)).not.toContain('Syd læser');
    expect(p.timeline.find((r: { ownUnit: boolean }) => r.ownUnit).name).toBe('Plejecenter Nord');
    expect(JSON.stringify((await anonymous.get(`/api/p/${whole.token}`)).body.picture)).not.toContain('Hos os læser');
    // Switched off: the description stays on the server.
    await t.put(`/api/projects/${project.id}/shared-picture`, { sections: { purpose: true, behaviours: true, benefits: true, drawbacks: true, timeline: true, unitDescriptions: false, results: false } });
    expect((await anonymous.get(`/api/p/${nord.token}`)).body.picture.behaviours[0].unitDescription).toBeNull();
  });

  it('shows nothing derived from answers, even with a closed wave whose results the report shows', async () => {
    const { t, project, ids } = await setup();
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    for (const unitId of ids) {
      const token = links.find((l) => l.unitId === unitId)!.token;
      for (let i = 0; i < 7; i++) await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, () => 4), locale: 'da' });
    }
    await t.post(`/api/waves/${wave.id}/close`);
    expect((await t.get(`/api/projects/${project.id}/report`)).body.report.behaviours[0].adoption.overall[0].n).toBe(14);
    const link = (await t.post(`/api/projects/${project.id}/share-links`, { unitId: ids[0] })).body.shareLink;
    const text = JSON.stringify((await clientFor(t.app).get(`/api/p/${link.token}`)).body.picture);
    // No counts, shares, rates or waves: the page is what the secretariat wrote, not what staff answered.
    for (const word of ['"n"', '"x"', '"p"', 'rr1', 'respond', 'wave', 'Nulpunkt']) expect(text).not.toContain(word);
  });

  it('shows results only when switched on, and then only the project totals the report publishes', async () => {
    const { t, project, ids } = await setup();
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const token = links.find((l) => l.unitId === ids[0])!.token;
    // Three answers: the project total is below the threshold of 5, so the report hides it.
    for (let i = 0; i < 3; i++) await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, () => 4), locale: 'da' });
    const link = (await t.post(`/api/projects/${project.id}/share-links`, { unitId: ids[0] })).body.shareLink;
    const anonymous = clientFor(t.app);
    const sections = { purpose: true, behaviours: true, benefits: true, drawbacks: true, timeline: true, unitDescriptions: true, results: true };
    expect((await anonymous.get(`/api/p/${link.token}`)).body.picture.results).toBeNull();
    expect((await t.put(`/api/projects/${project.id}/shared-picture`, { sections })).status).toBe(200);
    // While the wave is open: no results at all (not even live ones).
    expect((await anonymous.get(`/api/p/${link.token}`)).body.picture.results).toEqual({ wave: null, behaviours: [] });
    await t.post(`/api/waves/${wave.id}/close`);
    const hidden = (await anonymous.get(`/api/p/${link.token}`)).body.picture.results;
    expect(hidden.wave.name).toBe('Nulpunkt');
    expect(hidden.behaviours).toEqual([{ behaviourId: expect.any(Number), title: 'Læser selv beboerens status', titleEn: 'Reads the status', hidden: true }]);
    expect((await t.get(`/api/projects/${project.id}/report`)).body.report.behaviours[0].adoption.overall[0].hidden).toBe(true);
  });

  it('shows the report\'s own project total once it is published, and never a unit\'s numbers', async () => {
    const { t, project, ids } = await setup();
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    for (const [unitId, count] of [[ids[0], 6], [ids[1], 8]] as const) {
      const token = links.find((l) => l.unitId === unitId)!.token;
      for (let i = 0; i < count; i++) await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, () => (i % 2 ? 4 : 2)), locale: 'da' });
    }
    await t.post(`/api/waves/${wave.id}/close`);
    await t.put(`/api/projects/${project.id}/shared-picture`, { sections: { purpose: true, behaviours: true, benefits: true, drawbacks: true, timeline: true, unitDescriptions: true, results: true } });
    const link = (await t.post(`/api/projects/${project.id}/share-links`, { unitId: ids[0] })).body.shareLink;
    const results = (await clientFor(t.app).get(`/api/p/${link.token}`)).body.picture.results;
    const overall = (await t.get(`/api/projects/${project.id}/report`)).body.report.behaviours[0].adoption.overall[0];
    expect(overall).toMatchObject({ hidden: false, x: 7, n: 14 });
    expect(results.behaviours).toEqual([{ behaviourId: expect.any(Number), title: 'Læser selv beboerens status', titleEn: 'Reads the status', hidden: false, x: overall.x, n: overall.n, p: overall.p }]);
    // The unit's own 3 of 6 is not on its link: that is for the unit's staff, behind the staff link.
    expect(JSON.stringify(results)).not.toMatch(/"n":6|"x":3/);
  });

  it('answers 404 for a revoked or unknown link, and the same for both', async () => {
    const { t, project } = await setup();
    const link = (await t.post(`/api/projects/${project.id}/share-links`, {})).body.shareLink;
    await t.post(`/api/projects/${project.id}/share-links/${link.id}/revoke`);
    const anonymous = clientFor(t.app);
    const revoked = await anonymous.get(`/api/p/${link.token}`);
    const unknown = await anonymous.get(`/api/p/${'x'.repeat(22)}`);
    expectError(revoked, 404, 'share_link_unknown');
    expectError(unknown, 404, 'share_link_unknown');
    expect(revoked.body).toEqual(unknown.body);
    const { db } = t;
    expect((await db.select().from(shareLinks).where(eq(shareLinks.id, link.id)))[0].revokedAt).not.toBeNull();
  });
});
