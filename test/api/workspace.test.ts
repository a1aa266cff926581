// The secretariat's project workspace through the HTTP API: projects, goals, enablers, benefits with KPI
// measurements, behaviours, rollouts and the timeline, the benefits map, and archive-instead-of-delete.
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { behaviours, benefitGoals, benefits, kpiMeasurements, projects, surveyVersions, users, userScopes } from '../../db/schema';
import { MANAGER, expectError } from '../support/api';
import { browserTestApp } from './workspaceClient';

type T = Awaited<ReturnType<typeof browserTestApp>>;

const rows = async (t: T, table: typeof projects | typeof benefits | typeof behaviours | typeof kpiMeasurements | typeof benefitGoals) =>
  (await t.db.select({ n: count() }).from(table))[0].n;

const fullBenefit = {
  title: 'Mere tid til kerneopgaven',
  direction: 'positive',
  type: 'tid',
  owner: 'Chef for Sundhed og Omsorg',
  measure: 'Minutter brugt på overlevering pr. vagtskifte',
  measureUnit: 'minutter',
  dataSource: 'Tidsregistrering, stikprøve',
  baselineValue: 30,
  baselineDate: '2026-01-01',
  targetValue: 10,
  targetDate: '2026-12-31',
};

/** The care-centre example from DESIGN.md, set up through the API. */
async function workspace() {
  const t = await browserTestApp();
  await t.login();
  const forv = (await t.post('/api/units', { name: 'Sundhed og Omsorg', kind: 'forvaltning' })).body.unit;
  const sol = (await t.post('/api/units', { name: 'Plejecenter Solhaven', kind: 'center', parentId: forv.id, headcount: 48 })).body.unit;
  const ege = (await t.post('/api/units', { name: 'Plejecenter Egebo', kind: 'center', parentId: forv.id, headcount: 36 })).body.unit;
  const created = await t.post('/api/projects', {
    name: 'Digital overlevering',
    purpose: 'Mere tid til beboerne',
    projectLead: 'Mads Holm',
    status: 'udrulning',
    mid: 15,
    goals: ['Mere tid til kerneopgaven', 'Sikker overlevering'],
    enablers: ['Mobil app', 'Kursus'],
    primaryBehaviours: ['Læser selv beboerens status'],
  });
  expect(created.status).toBe(201);
  const project = created.body.project;
  await t.put(`/api/projects/${project.id}/rollouts/${sol.id}`, { goLiveDate: '2026-02-01' });
  await t.put(`/api/projects/${project.id}/rollouts/${ege.id}`, { goLiveDate: '2026-04-01' });
  const detail = (await t.get(`/api/projects/${project.id}`)).body.project;
  return { ...t, project, detail, forv, sol, ege };
}

describe('projects', () => {
  it('creates a project with goals, enablers and primary behaviours declared up front', async () => {
    const t = await workspace();
    expect(t.detail).toMatchObject({ name: 'Digital overlevering', purpose: 'Mere tid til beboerne', projectLead: 'Mads Holm', status: 'udrulning', mid: 15 });
    expect(t.detail.goals.map((g: any) => g.title)).toEqual(['Mere tid til kerneopgaven', 'Sikker overlevering']);
    expect(t.detail.enablers.map((e: any) => e.title)).toEqual(['Mobil app', 'Kursus']);
    expect(t.detail.behaviours).toMatchObject([{ title: 'Læser selv beboerens status', isPrimary: true, archiveReason: null }]);
    expect(t.detail.rollouts.map((r: any) => r.unitName)).toEqual(['Plejecenter Solhaven', 'Plejecenter Egebo']);
    const list = (await t.get('/api/projects')).body.projects;
    expect(list).toMatchObject([{ id: t.project.id, behaviourCount: 1, benefitCount: 0, unitCount: 2, projectLead: 'Mads Holm' }]);
  });

  it('defaults the minimal important difference to 10 points and edits every field', async () => {
    const t = await workspace();
    const p = (await t.post('/api/projects', { name: 'Nyt' })).body.project;
    expect(p).toMatchObject({ mid: 10, status: 'planlaegning', purpose: '', projectLead: '' });
    const res = await t.patch(`/api/projects/${p.id}`, { name: 'Nyt navn', purpose: 'Formål', projectLead: 'Lene', status: 'gevinsthoest', mid: 5 });
    expect(res.body.project).toMatchObject({ name: 'Nyt navn', purpose: 'Formål', projectLead: 'Lene', status: 'gevinsthoest', mid: 5 });
  });

  it('rejects bad project input and stores nothing', async () => {
    const t = await workspace();
    expectError(await t.post('/api/projects', { name: '' }), 400, 'invalid_input');
    expectError(await t.post('/api/projects', { name: 'X', status: 'done' }), 400, 'invalid_input');
    const mid = await t.post('/api/projects', { name: 'X', mid: 0 });
    expectError(mid, 400, 'invalid_input');
    expect(mid.body.error.details[0].path).toBe('mid');
    const goal = await t.post('/api/projects', { name: 'X', goals: ['ok', ' '] });
    expectError(goal, 400, 'invalid_input');
    expect(goal.body.error.details[0].path).toBe('goals.1');
    expectError(await t.patch(`/api/projects/${t.project.id}`, { name: ' ' }), 400, 'invalid_input');
    expectError(await t.patch('/api/projects/999', { name: 'Y', version: 1 }), 404, 'not_found');
    expect(await rows(t, projects)).toBe(1);
    expect((await t.get(`/api/projects/${t.project.id}`)).body.project.name).toBe('Digital overlevering');
  });

  it('archives and restores a project; archived ones leave the default list', async () => {
    const t = await workspace();
    expect((await t.post(`/api/projects/${t.project.id}/archive`)).body.project.archivedAt).toBeTruthy();
    expect((await t.get('/api/projects')).body.projects).toHaveLength(0);
    expect((await t.get('/api/projects?includeArchived=true')).body.projects).toHaveLength(1);
    expect((await t.get(`/api/projects/${t.project.id}`)).status).toBe(200);
    expect((await t.post(`/api/projects/${t.project.id}/restore`)).body.project.archivedAt).toBeNull();
    expect((await t.get('/api/projects')).body.projects).toHaveLength(1);
  });
});

describe('goals and enablers', () => {
  it('adds, edits, reorders and deletes goals and enablers', async () => {
    const t = await workspace();
    const goal = await t.post(`/api/projects/${t.project.id}/goals`, { title: 'Færre fejl' });
    expect(goal.status).toBe(201);
    expect(goal.body.goal.sortOrder).toBe(2);
    expect((await t.patch(`/api/goals/${goal.body.goal.id}`, { title: 'Færre fejl i medicin' })).body.goal.title).toBe('Færre fejl i medicin');
    const [g1, g2] = t.detail.goals;
    const order = await t.put(`/api/projects/${t.project.id}/order`, { goalIds: [goal.body.goal.id, g2.id, g1.id] });
    expect(order.status).toBe(200);
    expect(order.body.project.goals.map((g: any) => g.title)).toEqual(['Færre fejl i medicin', 'Sikker overlevering', 'Mere tid til kerneopgaven']);
    expect((await t.get(`/api/projects/${t.project.id}/goals`)).body.goals[0].title).toBe('Færre fejl i medicin');
    const other = (await t.post('/api/projects', { name: 'Andet', goals: ['Fremmed'] })).body.project;
    const foreign = (await t.get(`/api/projects/${other.id}/goals`)).body.goals[0].id;
    const bad = await t.put(`/api/projects/${t.project.id}/order`, { goalIds: [g1.id, foreign] });
    expectError(bad, 400, 'link_outside_project');
    expect(bad.body.error.details[0].path).toBe('goalIds.1');
    expect((await t.get(`/api/projects/${t.project.id}/goals`)).body.goals[0].title).toBe('Færre fejl i medicin');
    expect((await t.del(`/api/goals/${goal.body.goal.id}`)).status).toBe(200);
    expectError(await t.del(`/api/goals/${goal.body.goal.id}`), 404, 'not_found');

    const enabler = (await t.post(`/api/projects/${t.project.id}/enablers`, { title: 'Ny instruks' })).body.enabler;
    expect((await t.patch(`/api/enablers/${enabler.id}`, { title: 'Ny instruks for overlevering' })).body.enabler.title).toBe('Ny instruks for overlevering');
    expect((await t.get(`/api/projects/${t.project.id}/enablers`)).body.enablers).toHaveLength(3);
    expect((await t.del(`/api/enablers/${enabler.id}`)).status).toBe(200);
    expect((await t.get(`/api/projects/${t.project.id}/enablers`)).body.enablers).toHaveLength(2);
  });

  it('rejects empty titles and unknown projects', async () => {
    const t = await workspace();
    expectError(await t.post(`/api/projects/${t.project.id}/goals`, { title: '' }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/enablers`, {}), 400, 'invalid_input');
    expectError(await t.post('/api/projects/999/goals', { title: 'X' }), 404, 'not_found');
    expectError(await t.patch(`/api/goals/${t.detail.goals[0].id}`, { title: ' ' }), 400, 'invalid_input');
    expect((await t.get(`/api/projects/${t.project.id}/goals`)).body.goals).toHaveLength(2);
  });
});

describe('benefits (gevinstprofil)', () => {
  it('creates a benefit with every field and its goals, and shows it in the project JSON', async () => {
    const t = await workspace();
    const res = await t.post(`/api/projects/${t.project.id}/benefits`, { ...fullBenefit, ownerUnitId: t.forv.id, goalIds: [t.detail.goals[0].id], behaviourIds: [t.detail.behaviours[0].id] });
    expect(res.status).toBe(201);
    expect(res.body.benefit).toMatchObject({ ...fullBenefit, ownerUnitId: t.forv.id, ownerUnitName: 'Sundhed og Omsorg', goalIds: [t.detail.goals[0].id], behaviourIds: [t.detail.behaviours[0].id], measurements: [], archiveReason: null });
    const negative = await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'Mindre fælles faglig drøftelse', direction: 'negative', type: 'kvalitet' });
    expect(negative.body.benefit).toMatchObject({ direction: 'negative', type: 'kvalitet', goalIds: [] });
    const detail = (await t.get(`/api/projects/${t.project.id}`)).body.project;
    expect(detail.benefits.map((b: any) => b.title)).toEqual(['Mere tid til kerneopgaven', 'Mindre fælles faglig drøftelse']);
    expect(detail.goals[0].benefitIds).toEqual([res.body.benefit.id]);
    expect(detail.behaviours[0].benefitIds).toEqual([res.body.benefit.id]);
    expect((await t.get(`/api/benefits/${res.body.benefit.id}`)).body.benefit.title).toBe('Mere tid til kerneopgaven');
  });

  it('refuses a target date before the baseline date, on create and on edit, and stores nothing', async () => {
    const t = await workspace();
    const res = await t.post(`/api/projects/${t.project.id}/benefits`, { ...fullBenefit, targetDate: '2025-06-01' });
    expectError(res, 400, 'target_before_baseline');
    expect(res.body.error.details[0].path).toBe('targetDate');
    expect(await rows(t, benefits)).toBe(0);
    const b = (await t.post(`/api/projects/${t.project.id}/benefits`, fullBenefit)).body.benefit;
    // Only one of the two dates in the edit: checked against the stored other one.
    expectError(await t.patch(`/api/benefits/${b.id}`, { baselineDate: '2027-01-01' }), 400, 'target_before_baseline');
    expectError(await t.patch(`/api/benefits/${b.id}`, { title: 'Ændret', targetDate: '2025-12-31' }), 400, 'target_before_baseline');
    expect((await t.get(`/api/benefits/${b.id}`)).body.benefit).toMatchObject({ title: fullBenefit.title, baselineDate: '2026-01-01', targetDate: '2026-12-31' });
    expect((await t.patch(`/api/benefits/${b.id}`, { baselineDate: null, targetDate: '2025-12-31' })).status).toBe(200);
  });

  it('rejects empty titles, unknown enums, unknown owner units and goals of another project', async () => {
    const t = await workspace();
    const other = (await t.post('/api/projects', { name: 'Andet', goals: ['Fremmed mål'] })).body.project;
    const foreignGoal = (await t.get(`/api/projects/${other.id}`)).body.project.goals[0].id;
    const empty = await t.post(`/api/projects/${t.project.id}/benefits`, { title: '  ' });
    expectError(empty, 400, 'invalid_input');
    expect(empty.body.error.details[0].path).toBe('title');
    expectError(await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'X', type: 'penge' }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'X', direction: 'up' }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'X', baselineDate: '2026-02-30' }), 400, 'invalid_input');
    const owner = await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'X', ownerUnitId: 999 });
    expectError(owner, 400, 'unit_unknown');
    expect(owner.body.error.details[0].path).toBe('ownerUnitId');
    const link = await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'X', goalIds: [t.detail.goals[0].id, foreignGoal] });
    expectError(link, 400, 'link_outside_project');
    expect(link.body.error.details).toMatchObject([{ path: 'goalIds.1', code: 'link_outside_project', id: foreignGoal }]);
    expect(await rows(t, benefits)).toBe(0);
    expect(await rows(t, benefitGoals)).toBe(0);

    const b = (await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'Y', goalIds: [t.detail.goals[0].id] })).body.benefit;
    expectError(await t.patch(`/api/benefits/${b.id}`, { title: 'Z', goalIds: [foreignGoal] }), 400, 'link_outside_project');
    expect((await t.get(`/api/benefits/${b.id}`)).body.benefit).toMatchObject({ title: 'Y', goalIds: [t.detail.goals[0].id] });
  });

  it('records KPI measurements and shows them, with progress, against baseline and target', async () => {
    const t = await workspace();
    const b = (await t.post(`/api/projects/${t.project.id}/benefits`, fullBenefit)).body.benefit;
    const m1 = await t.post(`/api/benefits/${b.id}/measurements`, { value: 25, measuredOn: '2026-04-01', note: 'Stikprøve april' });
    expect(m1.status).toBe(201);
    await t.post(`/api/benefits/${b.id}/measurements`, { value: 20, measuredOn: '2026-06-01' });
    await t.post(`/api/benefits/${b.id}/measurements`, { value: 28, measuredOn: '2026-03-01' });
    const list = (await t.get(`/api/benefits/${b.id}/measurements`)).body.measurements;
    expect(list.map((m: any) => m.measuredOn)).toEqual(['2026-03-01', '2026-04-01', '2026-06-01']);
    const inProject = (await t.get(`/api/projects/${t.project.id}`)).body.project.benefits[0];
    expect(inProject.measurements).toHaveLength(3);
    expect(inProject.progress).toEqual({ latest: { value: 20, measuredOn: '2026-06-01' }, share: 0.5 });
    expect(inProject.archiveReason).toBe('has_measurements');

    expect((await t.patch(`/api/measurements/${m1.body.measurement.id}`, { note: 'Rettet' })).body.measurement.note).toBe('Rettet');
    expect((await t.del(`/api/measurements/${m1.body.measurement.id}`)).status).toBe(200);
    expectError(await t.del(`/api/measurements/${m1.body.measurement.id}`), 404, 'not_found');
    expect(await rows(t, kpiMeasurements)).toBe(2);
  });

  it('rejects bad measurements and stores nothing', async () => {
    const t = await workspace();
    const b = (await t.post(`/api/projects/${t.project.id}/benefits`, fullBenefit)).body.benefit;
    const noValue = await t.post(`/api/benefits/${b.id}/measurements`, { measuredOn: '2026-04-01' });
    expectError(noValue, 400, 'invalid_input');
    expect(noValue.body.error.details[0].path).toBe('value');
    expectError(await t.post(`/api/benefits/${b.id}/measurements`, { value: '12', measuredOn: '2026-04-01' }), 400, 'invalid_input');
    expectError(await t.post(`/api/benefits/${b.id}/measurements`, { value: 12, measuredOn: '01-04-2026' }), 400, 'invalid_input');
    expectError(await t.post('/api/benefits/999/measurements', { value: 12, measuredOn: '2026-04-01' }), 404, 'not_found');
    expect(await rows(t, kpiMeasurements)).toBe(0);
  });
});

describe('behaviours (ny adfærd)', () => {
  it('creates a behaviour with every field and its links, and edits it', async () => {
    const t = await workspace();
    const benefit = (await t.post(`/api/projects/${t.project.id}/benefits`, fullBenefit)).body.benefit;
    const res = await t.post(`/api/projects/${t.project.id}/behaviours`, {
      title: 'Skriver kort status efter hvert besøg',
      description: '1–3 linjer',
      targetGroup: 'Alle med beboerkontakt',
      situation: 'Lige efter besøget',
      expectedFrequency: 'Efter hvert besøg',
      oldBehaviour: 'Gemmer beskeder til den mundtlige overlevering',
      isPrimary: false,
      benefitIds: [benefit.id],
      enablerIds: [t.detail.enablers[0].id],
      unitIds: [t.sol.id],
    });
    expect(res.status).toBe(201);
    expect(res.body.behaviour).toMatchObject({ targetGroup: 'Alle med beboerkontakt', benefitIds: [benefit.id], enablerIds: [t.detail.enablers[0].id], unitIds: [t.sol.id], archiveReason: null });
    const edited = await t.patch(`/api/behaviours/${res.body.behaviour.id}`, { isPrimary: true, unitIds: [], enablerIds: [t.detail.enablers[1].id] });
    expect(edited.body.behaviour).toMatchObject({ isPrimary: true, unitIds: [], enablerIds: [t.detail.enablers[1].id], benefitIds: [benefit.id] });
    expect((await t.get(`/api/behaviours/${res.body.behaviour.id}`)).body.behaviour.title).toBe('Skriver kort status efter hvert besøg');
  });

  it('refuses links to another project and units outside the rollout, and stores nothing', async () => {
    const t = await workspace();
    const other = (await t.post('/api/projects', { name: 'Andet' })).body.project;
    const foreignBenefit = (await t.post(`/api/projects/${other.id}/benefits`, { title: 'Fremmed gevinst' })).body.benefit;
    const stranger = (await t.post('/api/units', { name: 'Fremmed enhed' })).body.unit;
    const before = await rows(t, behaviours);
    const link = await t.post(`/api/projects/${t.project.id}/behaviours`, { title: 'X', benefitIds: [foreignBenefit.id] });
    expectError(link, 400, 'link_outside_project');
    expect(link.body.error.details[0].path).toBe('benefitIds.0');
    const unit = await t.post(`/api/projects/${t.project.id}/behaviours`, { title: 'X', unitIds: [t.sol.id, stranger.id] });
    expectError(unit, 400, 'link_outside_project');
    expect(unit.body.error.details[0].path).toBe('unitIds.1');
    expectError(await t.post(`/api/projects/${t.project.id}/behaviours`, { title: '' }), 400, 'invalid_input');
    expect(await rows(t, behaviours)).toBe(before);
    const primary = t.detail.behaviours[0];
    expectError(await t.patch(`/api/behaviours/${primary.id}`, { title: 'Ny titel', benefitIds: [foreignBenefit.id] }), 400, 'link_outside_project');
    expect((await t.get(`/api/behaviours/${primary.id}`)).body.behaviour.title).toBe(primary.title);
  });

  it('drops a unit from the behaviours when it leaves the rollout', async () => {
    const t = await workspace();
    const b = (await t.patch(`/api/behaviours/${t.detail.behaviours[0].id}`, { unitIds: [t.sol.id, t.ege.id] })).body.behaviour;
    expect(b.unitIds).toHaveLength(2);
    expect((await t.del(`/api/projects/${t.project.id}/rollouts/${t.ege.id}`)).status).toBe(200);
    expect((await t.get(`/api/behaviours/${b.id}`)).body.behaviour.unitIds).toEqual([t.sol.id]);
  });
});

describe('archive instead of delete', () => {
  it('deletes unused behaviours and benefits outright', async () => {
    const t = await workspace();
    const b = (await t.post(`/api/projects/${t.project.id}/behaviours`, { title: 'Kladde' })).body.behaviour;
    expect((await t.del(`/api/behaviours/${b.id}`)).body).toEqual({ archived: false, deleted: true });
    expectError(await t.get(`/api/behaviours/${b.id}`), 404, 'not_found');
    const f = (await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'Kladde' })).body.benefit;
    expect((await t.del(`/api/benefits/${f.id}`)).body).toEqual({ archived: false, deleted: true });
    expect(await rows(t, benefits)).toBe(0);
  });

  it('archives a benefit with KPI measurements, and restores it', async () => {
    const t = await workspace();
    const f = (await t.post(`/api/projects/${t.project.id}/benefits`, fullBenefit)).body.benefit;
    await t.post(`/api/benefits/${f.id}/measurements`, { value: 25, measuredOn: '2026-04-01' });
    expect((await t.del(`/api/benefits/${f.id}`)).body).toEqual({ archived: true, reason: 'has_measurements' });
    const archived = (await t.get(`/api/benefits/${f.id}`)).body.benefit;
    expect(archived.archivedAt).toBeTruthy();
    expect(archived.measurements).toHaveLength(1);
    expect((await t.post(`/api/benefits/${f.id}/restore`)).body.benefit.archivedAt).toBeNull();
  });

  it('archives a behaviour and a benefit that a stored survey version measures, and says why', async () => {
    const t = await workspace();
    const f = (await t.post(`/api/projects/${t.project.id}/benefits`, { ...fullBenefit, behaviourIds: [t.detail.behaviours[0].id] })).body.benefit;
    const version = await t.post(`/api/projects/${t.project.id}/survey-versions`, { phase: 'followup' });
    expect(version.status).toBe(201);
    const items = version.body.version.itemMap.items;
    expect(items.some((i: any) => i.benefitId === f.id)).toBe(true);

    const before = (await t.get(`/api/projects/${t.project.id}`)).body.project;
    expect(before.behaviours[0].archiveReason).toBe('used_by_survey');
    expect(before.benefits[0].archiveReason).toBe('used_by_survey');
    expect((await t.del(`/api/behaviours/${t.detail.behaviours[0].id}`)).body).toEqual({ archived: true, reason: 'used_by_survey' });
    expect((await t.del(`/api/benefits/${f.id}`)).body).toEqual({ archived: true, reason: 'used_by_survey' });
    expect(await rows(t, behaviours)).toBe(1);
    expect(await rows(t, benefits)).toBe(1);
    const after = (await t.get(`/api/projects/${t.project.id}`)).body.project;
    expect(after.behaviours[0].archivedAt).toBeTruthy();
    expect(after.benefits[0].archivedAt).toBeTruthy();
    // Archived items leave the map (and new surveys) but can come back.
    const map = (await t.get(`/api/projects/${t.project.id}/benefits-map`)).body.map;
    expect(map.columns.behaviours).toHaveLength(0);
    expect(map.columns.benefits).toHaveLength(0);
    expect((await t.post(`/api/behaviours/${t.detail.behaviours[0].id}/restore`)).body.behaviour.archivedAt).toBeNull();
  });

  it('treats a survey_versions row written directly like a generated one', async () => {
    const t = await workspace();
    const f = (await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'Målt i skema' })).body.benefit;
    await t.db
      .insert(surveyVersions)
      // A hand-written row, not what the generator makes: only its item map matters here.
      .values({ projectId: t.project.id, number: 1, phase: 'followup', surveyJson: {} as never, itemMap: { phase: 'followup', items: [{ key: 'k', construct: 'benefit', benefitId: f.id, type: 'scale', question: 'q', text: { da: '', en: '' } }] } as never });
    expect((await t.del(`/api/benefits/${f.id}`)).body).toEqual({ archived: true, reason: 'used_by_survey' });
  });
});

describe('benefits map (gevinstdiagram)', () => {
  it('draws enablers → behaviours → benefits → goals from the links, marking negative benefits', async () => {
    const t = await workspace();
    const [goal1, goal2] = t.detail.goals;
    const [app, course] = t.detail.enablers;
    const read = t.detail.behaviours[0];
    const time = (await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'Mere tid', goalIds: [goal1.id] })).body.benefit;
    const talk = (await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'Mindre drøftelse', direction: 'negative', goalIds: [goal2.id] })).body.benefit;
    await t.patch(`/api/behaviours/${read.id}`, { enablerIds: [app.id], benefitIds: [time.id, talk.id] });
    const res = await t.get(`/api/projects/${t.project.id}/benefits-map`);
    expect(res.status).toBe(200);
    const map = res.body.map;
    expect(map.columns.enablers.map((n: any) => n.id)).toEqual([`enabler:${app.id}`, `enabler:${course.id}`]);
    expect(map.columns.behaviours).toEqual([{ id: `behaviour:${read.id}`, kind: 'behaviour', entityId: read.id, title: read.title, primary: true }]);
    expect(map.columns.benefits.find((n: any) => n.entityId === talk.id)).toMatchObject({ negative: true, kind: 'benefit' });
    expect(map.columns.goals).toHaveLength(2);
    expect(map.edges).toEqual([
      { from: `enabler:${app.id}`, to: `behaviour:${read.id}` },
      { from: `behaviour:${read.id}`, to: `benefit:${time.id}` },
      { from: `behaviour:${read.id}`, to: `benefit:${talk.id}`, negative: true },
      { from: `benefit:${time.id}`, to: `goal:${goal1.id}` },
      { from: `benefit:${talk.id}`, to: `goal:${goal2.id}`, negative: true },
    ]);
    expect(map.gaps).toEqual([{ node: `enabler:${course.id}`, code: 'enabler_without_behaviour' }]);
  });
});

describe('rollouts and the timeline', () => {
  it('shows go-live dates per unit and the waves with their units on one axis', async () => {
    const t = await workspace();
    await t.put(`/api/projects/${t.project.id}/rollouts/${t.forv.id}`, { goLiveDate: null });
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline', unitIds: [t.sol.id], opensOn: '2026-01-10', closesOn: '2026-01-24' })).body.wave;
    const res = await t.get(`/api/projects/${t.project.id}/timeline`);
    expect(res.status).toBe(200);
    const tl = res.body.timeline;
    expect(tl.rollouts.map((r: any) => [r.unitName, r.goLiveDate, r.retired])).toEqual([
      ['Plejecenter Solhaven', '2026-02-01', false],
      ['Plejecenter Egebo', '2026-04-01', false],
      ['Sundhed og Omsorg', null, false],
    ]);
    expect(tl.waves).toEqual([{ id: wave.id, name: 'Nulpunktsmåling', phase: 'baseline', status: 'draft', opensOn: '2026-01-10', closesOn: '2026-01-24', unitIds: [t.sol.id] }]);
    expect(tl.range).toEqual({ from: '2026-01-10', to: '2026-04-01' });
    expect(tl.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expectError(await t.get('/api/projects/999/timeline'), 404, 'not_found');
  });

  it('rejects bad rollout input', async () => {
    const t = await workspace();
    expectError(await t.put(`/api/projects/${t.project.id}/rollouts/${t.sol.id}`, { goLiveDate: '2026-02-30' }), 400, 'invalid_input');
    expectError(await t.put(`/api/projects/${t.project.id}/rollouts/999`, { goLiveDate: null }), 404, 'not_found');
    expectError(await t.del(`/api/projects/${t.project.id}/rollouts/${t.forv.id}`), 404, 'not_found');
    expect((await t.get(`/api/projects/${t.project.id}/timeline`)).body.timeline.rollouts[0].goLiveDate).toBe('2026-02-01');
  });
});

describe('who may read and write', () => {
  it('lets managers read the workspace and keeps writes for the secretariat', async () => {
    const t = await workspace();
    const f = (await t.post(`/api/projects/${t.project.id}/benefits`, fullBenefit)).body.benefit;
    const m = (await t.post(`/api/benefits/${f.id}/measurements`, { value: 1, measuredOn: '2026-03-01' })).body.measurement;
    const goal = t.detail.goals[0];
    t.logout();
    for (const path of [`/api/benefits/${f.id}`, `/api/projects/${t.project.id}/benefits-map`, `/api/projects/${t.project.id}/timeline`, `/api/projects/${t.project.id}/goals`]) {
      expectError(await t.get(path), 401, 'unauthenticated');
    }
    expectError(await t.del(`/api/measurements/${m.id}`), 401, 'unauthenticated');
    expectError(await t.patch(`/api/goals/${goal.id}`, { title: 'X' }), 401, 'unauthenticated');
    await t.login(MANAGER);
    // A manager outside the project does not see it, not even by item id.
    expectError(await t.get(`/api/benefits/${f.id}`), 404, 'not_found');
    expectError(await t.get(`/api/behaviours/${t.detail.behaviours[0].id}`), 404, 'not_found');
    expectError(await t.get(`/api/projects/${t.project.id}/benefits-map`), 404, 'not_found');
    const [manager] = await t.db.select().from(users).where(eq(users.email, MANAGER.email)).limit(1);
    await t.db.insert(userScopes).values({ userId: manager.id, projectId: t.project.id });
    expect((await t.get(`/api/benefits/${f.id}`)).status).toBe(200);
    expect((await t.get(`/api/benefits/${f.id}/measurements`)).status).toBe(200);
    expect((await t.get(`/api/behaviours/${t.detail.behaviours[0].id}`)).status).toBe(200);
    expect((await t.get(`/api/projects/${t.project.id}/benefits-map`)).status).toBe(200);
    expect((await t.get(`/api/projects/${t.project.id}/timeline`)).status).toBe(200);
    expectError(await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'X' }), 403, 'forbidden');
    expectError(await t.patch(`/api/benefits/${f.id}`, { title: 'X' }), 403, 'forbidden');
    expectError(await t.del(`/api/benefits/${f.id}`), 403, 'forbidden');
    expectError(await t.post(`/api/benefits/${f.id}/measurements`, { value: 1, measuredOn: '2026-03-01' }), 403, 'forbidden');
    expectError(await t.del(`/api/measurements/${m.id}`), 403, 'forbidden');
    expectError(await t.patch(`/api/goals/${goal.id}`, { title: 'X' }), 403, 'forbidden');
    expectError(await t.del(`/api/enablers/${t.detail.enablers[0].id}`), 403, 'forbidden');
    expectError(await t.post(`/api/projects/${t.project.id}/archive`), 403, 'forbidden');
    expect(await rows(t, benefits)).toBe(1);
  });
});
