// Survey spec, versions and freezing through the HTTP API.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answersFor } from '../support/answers';
import { expectError, testApp } from '../support/api';

async function setUp() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Overlevering' })).body.project;
  const unit = (await t.post('/api/units', { name: 'Plejecenter A', headcount: 40 })).body.unit;
  // Live before the follow-up opens: a follow-up asks only units already live (services/waveUnits.ts).
  await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' });
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser status selv', oldBehaviour: 'Fælles oplæsning' })).body.behaviour;
  return { ...t, project, unit, behaviour };
}

const spec = (behaviourId: number, extra: object = {}) => ({
  behaviours: [{ behaviourId, constructs: ['adoption', 'capability', 'opportunity', 'motivation'] }],
  overrides: { [`b${behaviourId}.adoption`]: { da: 'Hvor ofte læste du selv status i den seneste uge?', en: 'How often did you read the status yourself last week?' } },
  customItems: [
    { kind: 'rating', id: 'tryg', scale: 'agreement5', favourable: [4, 5], text: { da: 'Jeg føler mig tryg ved overleveringen', en: 'I feel safe about the handover' } },
    { kind: 'multi', id: 'hjaelp', choices: [{ value: 1, text: { da: 'Kursus', en: 'Course' } }, { value: 2, text: { da: 'Kollega', en: 'Colleague' } }], text: { da: 'Hvad hjalp dig?', en: 'What helped?' } },
  ],
  ...extra,
});

async function openWave(t: Awaited<ReturnType<typeof setUp>>, phase: 'baseline' | 'followup', name: string) {
  const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name, phase })).body.wave;
  const opened = await t.post(`/api/waves/${wave.id}/open`);
  expect(opened.status).toBe(200);
  const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token as string;
  return { wave: opened.body.wave, token };
}

describe('the survey spec', () => {
  it('rewords items, adds custom items and reports the estimated answer time', async () => {
    const t = await setUp();
    const before = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body;
    const saved = await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: spec(t.behaviour.id) });
    expect(saved.status).toBe(200);
    const after = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body;
    const json = JSON.stringify(after.survey);
    expect(json).toContain('Hvor ofte læste du selv status i den seneste uge?');
    expect(json).toContain('How often did you read the status yourself last week?');
    expect(after.itemMap.items.find((i: any) => i.key === 'custom.tryg')).toMatchObject({ type: 'scale', favourable: [4, 5] });
    // old_behaviour switched off; two custom items added.
    expect(after.itemMap.items.some((i: any) => i.construct === 'old_behaviour')).toBe(false);
    expect(after.estimatedSeconds).toBeGreaterThan(0);
    expect(after.estimatedSeconds).not.toBe(before.estimatedSeconds);
    expect((await t.get(`/api/projects/${t.project.id}/survey/spec`)).body.spec.customItems).toHaveLength(2);
  });

  it('rejects a malformed spec or one naming another project\'s behaviour, and keeps the old one', async () => {
    const t = await setUp();
    await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: spec(t.behaviour.id) });
    expectError(await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: { behaviours: [{ behaviourId: t.behaviour.id, constructs: ['telepathy'] }] } }), 400, 'invalid_input');
    // A misspelt key must not silently reset the secretariat's edits to the defaults.
    expectError(await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: { overides: {} } }), 400, 'invalid_input');
    expectError(await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: { behaviours: [{ behaviourId: t.behaviour.id, constructz: [] }] } }), 400, 'invalid_input');
    expectError(await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: { customItems: [{ kind: 'rating', id: 'X Y', scale: 'agreement5', text: { da: 'a', en: 'b' } }] } }), 400, 'invalid_input');
    const other = (await t.post('/api/projects', { name: 'Andet' })).body.project;
    const foreign = (await t.post(`/api/projects/${other.id}/behaviours`, { title: 'Fremmed' })).body.behaviour;
    expectError(await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: { behaviours: [{ behaviourId: foreign.id }] } }), 400, 'link_outside_project');
    expectError(await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: { behaviours: [{ behaviourId: t.behaviour.id, excludedBenefitIds: [999] }] } }), 400, 'link_outside_project');
    const misplaced = await t.put(`/api/projects/${t.project.id}/survey/spec`, {
      spec: { customItems: [{ kind: 'text', id: 'note', text: { da: 'Note', en: 'Note' }, placement: { behaviourId: foreign.id } }] },
    });
    expectError(misplaced, 400, 'link_outside_project');
    expect(misplaced.body.error.details[0].path).toBe('spec.customItems.0.placement.behaviourId');
    expect((await t.get(`/api/projects/${t.project.id}/survey/spec`)).body.spec.customItems).toHaveLength(2);
  });
});

describe('versions and freezing', () => {
  it('freezes the survey when a wave opens; later edits make a new version for the next wave only', async () => {
    const t = await setUp();
    const first = await openWave(t, 'baseline', 'Nulpunkt');
    const frozenText = JSON.stringify((await t.get(`/api/s/${first.token}`)).body.survey);
    await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: spec(t.behaviour.id) });
    await t.patch(`/api/behaviours/${t.behaviour.id}`, { title: 'Læser status selv på telefonen' });
    // The open wave still shows exactly what it opened with.
    expect(JSON.stringify((await t.get(`/api/s/${first.token}`)).body.survey)).toBe(frozenText);
    const second = await openWave(t, 'baseline', 'Nulpunkt 2');
    const secondText = JSON.stringify((await t.get(`/api/s/${second.token}`)).body.survey);
    expect(secondText).toContain('Læser status selv på telefonen');
    expect(secondText).not.toBe(frozenText);
    const versions = (await t.get(`/api/projects/${t.project.id}/survey-versions`)).body.versions;
    expect(versions.map((v: any) => v.number)).toEqual([2, 1]);
    // Opening a third wave with nothing changed reuses the latest version.
    await openWave(t, 'baseline', 'Nulpunkt 3');
    expect((await t.get(`/api/projects/${t.project.id}/survey-versions`)).body.versions).toHaveLength(2);
  });

  it('validates answers against the frozen version: a removed item is refused, custom items are checked', async () => {
    const t = await setUp();
    await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: spec(t.behaviour.id) });
    const { token } = await openWave(t, 'baseline', 'Nulpunkt');
    const itemMap = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const valid = answersFor(itemMap);
    const post = (answers: unknown) => t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers, locale: 'en' });
    expect((await post({ ...valid, 'custom.hjaelp': [1, 2] })).status).toBe(201);
    expectError(await post({ ...valid, 'custom.hjaelp': [3] }), 400, 'invalid_answers');
    expectError(await post({ ...valid, [`b${t.behaviour.id}.old_behaviour`]: 2 }), 400, 'invalid_answers');
    expectError(await post({ ...valid, free_text: 'x'.repeat(2001) }), 400, 'invalid_answers');
    expect((await post({ ...valid, free_text: '<b>ikke html</b> & "citat"' })).status).toBe(201);
  });

  it('compares an item across waves only when comparable, and flags changed wording', async () => {
    const t = await setUp();
    const base = await openWave(t, 'baseline', 'Nulpunkt');
    const baseMap = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body.itemMap;
    for (let i = 0; i < 6; i++) await t.post(`/api/s/${base.token}/responses`, { submissionId: randomUUID(), answers: answersFor(baseMap, () => 2), locale: 'da' });
    await t.post(`/api/waves/${base.wave.id}/close`);
    await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: spec(t.behaviour.id) });
    const follow = await openWave(t, 'followup', 'Opfølgning');
    const followMap = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=followup`)).body.itemMap;
    for (let i = 0; i < 6; i++) await t.post(`/api/s/${follow.token}/responses`, { submissionId: randomUUID(), answers: answersFor(followMap, () => 5), locale: 'da' });
    await t.post(`/api/waves/${follow.wave.id}/close`);
    const report = (await t.get(`/api/projects/${t.project.id}/report`)).body.report;
    const adoption = report.behaviours[0].adoption;
    expect(adoption.overall[0]).toMatchObject({ comparable: true, wordingChanged: true, n: 6, x: 0 });
    expect(adoption.overall[1]).toMatchObject({ comparable: true, wordingChanged: false, n: 6, x: 6 });
    // The custom rating added before the follow-up is reported too, with its own favourable answers.
    const custom = report.customItems.find((i: any) => i.key === 'custom.tryg');
    expect(custom.overall[0]).toEqual({ waveId: base.wave.id, measured: false });
    expect(custom.overall[1]).toMatchObject({ measured: true, n: 6, x: 6, p: 1 });
    expect(report.customItems.some((i: any) => i.key === 'custom.hjaelp')).toBe(false);
  });
});
