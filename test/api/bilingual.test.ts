// Both languages through the HTTP API: the English texts of a project, its behaviours and benefits are stored,
// reach the `en` side of the survey staff get, and whatever lacks English is reported by the preview.
import { describe, expect, it } from 'vitest';
import { behaviours, benefits, projects } from '../../db/schema';
import { expectError, testApp } from '../support/api';

async function setUp() {
  const t = await testApp();
  await t.login();
  const created = await t.post('/api/projects', {
    name: 'Digital vagtoverlevering',
    purpose: 'Mere tid til kerneopgaven',
    nameEn: 'Digital shift handover',
    purposeEn: 'More time for the core task',
  });
  expect(created.status).toBe(201);
  const project = created.body.project;
  const unit = (await t.post('/api/units', { name: 'Plejecenter A', headcount: 40 })).body.unit;
  expect((await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' })).status).toBe(200);
  const benefit = (await t.post(`/api/projects/${project.id}/benefits`, { title: 'Mere tid til kerneopgaven', titleEn: 'More time for the core task' })).body.benefit;
  const behaviour = (
    await t.post(`/api/projects/${project.id}/behaviours`, {
      title: 'Læser selv beboerens status i systemet',
      description: 'Når vagten begynder',
      oldBehaviour: 'Lytter til fælles oplæsning',
      questionText: 'læst beboerens status selv ved vagtstart',
      titleEn: "Reads the resident's status in the system",
      descriptionEn: 'When the shift starts',
      oldBehaviourEn: 'Listens to the joint read-aloud',
      questionTextEn: "read the resident's status yourself at the start of the shift",
      benefitIds: [benefit.id],
    })
  ).body.behaviour;
  return { ...t, project, unit, benefit, behaviour };
}

async function openWave(t: Awaited<ReturnType<typeof setUp>>, phase: 'baseline' | 'followup', name: string) {
  const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name, phase })).body.wave;
  expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { token: string }[];
  const survey = await t.get(`/api/s/${links[0].token}`);
  expect(survey.status).toBe(200);
  // The answer page's heading: the English name beside the Danish, for the English survey.
  expect(survey.body.project).toEqual({ name: 'Digital vagtoverlevering', nameEn: 'Digital shift handover' });
  return { wave, token: links[0].token, survey: survey.body.survey };
}

/** Every visible string of a survey in one language (`default` is Danish). */
function shown(node: unknown, lang: 'default' | 'en', out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => shown(n, lang, out));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.default === 'string') out.push(String(obj[lang]));
    else Object.values(obj).forEach((v) => shown(v, lang, out));
  }
  return out;
}

describe('English texts in the survey', () => {
  it('stores the English texts and returns them with the project', async () => {
    const t = await setUp();
    const detail = (await t.get(`/api/projects/${t.project.id}`)).body.project;
    expect(detail).toMatchObject({ nameEn: 'Digital shift handover', purposeEn: 'More time for the core task' });
    expect(detail.behaviours[0]).toMatchObject({ questionText: 'læst beboerens status selv ved vagtstart', titleEn: "Reads the resident's status in the system", oldBehaviourEn: 'Listens to the joint read-aloud' });
    expect(detail.benefits[0]).toMatchObject({ titleEn: 'More time for the core task' });
  });

  it('puts the English texts on the en side of the public survey, and the wording into the questions', async () => {
    const t = await setUp();
    const { survey } = await openWave(t, 'followup', 'Opfølgning');
    expect(survey.title).toEqual({ default: 'Digital vagtoverlevering', en: 'Digital shift handover' });
    const page = survey.pages.find((p: { name: string }) => p.name === `b${t.behaviour.id}`);
    expect(page.title).toEqual({ default: 'Læser selv beboerens status i systemet', en: "Reads the resident's status in the system" });
    expect(page.description).toEqual({ default: 'Når vagten begynder', en: 'When the shift starts' });
    const adoption = page.elements.find((q: { name: string }) => q.name === `b${t.behaviour.id}.adoption`);
    expect(adoption.title).toEqual({
      default: 'Hvor ofte har du i den seneste uge læst beboerens status selv ved vagtstart?',
      en: "In the last week, how often have you read the resident's status yourself at the start of the shift?",
    });
    const en = shown(survey, 'en').join('\n');
    for (const danish of ['Digital vagtoverlevering', 'Mere tid til kerneopgaven', 'Læser selv', 'Lytter til fælles oplæsning', 'Når vagten begynder']) expect(en).not.toContain(danish);
    expect(en).toContain('I have noticed this benefit myself: More time for the core task');
    expect(shown(survey, 'default').join('\n')).not.toContain('sådan her');
    // Nothing lacks English, and the preview says so.
    expect((await t.get(`/api/projects/${t.project.id}/survey/preview?phase=followup`)).body.missingEnglish).toEqual([]);
  });

  it('shows the Danish text where English is empty, and the preview lists it', async () => {
    const t = await setUp();
    expect((await t.patch(`/api/projects/${t.project.id}`, { nameEn: '' })).status).toBe(200);
    expect((await t.patch(`/api/benefits/${t.benefit.id}`, { titleEn: '' })).status).toBe(200);
    const preview = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=followup`)).body;
    expect(preview.survey.title).toEqual({ default: 'Digital vagtoverlevering', en: 'Digital vagtoverlevering' });
    expect(preview.missingEnglish).toEqual([
      { field: 'projectName', da: 'Digital vagtoverlevering' },
      { field: 'benefitTitle', benefitId: t.benefit.id, da: 'Mere tid til kerneopgaven' },
    ]);
  });

  it('keeps an opened wave on its frozen version when the texts change afterwards', async () => {
    const t = await setUp();
    const first = await openWave(t, 'baseline', 'Nulpunkt');
    expect((await t.patch(`/api/behaviours/${t.behaviour.id}`, { questionText: 'læst status', questionTextEn: 'read the status' })).status).toBe(200);
    const again = (await t.get(`/api/s/${first.token}`)).body.survey;
    expect(again).toEqual(first.survey);
    const preview = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body;
    expect(preview.itemMap.items.find((i: { key: string }) => i.key === `b${t.behaviour.id}.adoption`).text).toEqual({
      da: 'Hvor ofte har du i den seneste uge læst status?',
      en: 'In the last week, how often have you read the status?',
    });
  });

  it('refuses English texts that are too long or not text, and stores nothing', async () => {
    const t = await setUp();
    const long = 'x'.repeat(301);
    const before = {
      projects: await t.db.select().from(projects),
      behaviours: await t.db.select().from(behaviours),
      benefits: await t.db.select().from(benefits),
    };
    expectError(await t.post('/api/projects', { name: 'Nyt projekt', nameEn: long }), 400, 'invalid_input');
    expectError(await t.post('/api/projects', { name: 'Nyt projekt', purposeEn: 'y'.repeat(5001) }), 400, 'invalid_input');
    expectError(await t.patch(`/api/projects/${t.project.id}`, { nameEn: 42 }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/behaviours`, { title: 'Ny adfærd', questionText: long }), 400, 'invalid_input');
    expectError(await t.patch(`/api/behaviours/${t.behaviour.id}`, { questionTextEn: long }), 400, 'invalid_input');
    expectError(await t.patch(`/api/behaviours/${t.behaviour.id}`, { titleEn: null }), 400, 'invalid_input');
    expectError(await t.patch(`/api/behaviours/${t.behaviour.id}`, { oldBehaviourEn: 'z'.repeat(5001) }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/benefits`, { title: 'Ny gevinst', titleEn: long }), 400, 'invalid_input');
    expectError(await t.patch(`/api/benefits/${t.benefit.id}`, { titleEn: ['More'] }), 400, 'invalid_input');
    expectError(await t.patch(`/api/benefits/${t.benefit.id}`, { title_en: 'More' }), 400, 'invalid_input');
    expect(await t.db.select().from(projects)).toEqual(before.projects);
    expect(await t.db.select().from(behaviours)).toEqual(before.behaviours);
    expect(await t.db.select().from(benefits)).toEqual(before.benefits);
  });
});
