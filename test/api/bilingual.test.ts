// Both languages through the HTTP API: the English texts of a project, its behaviours (with the situation), its
// benefits, units and waves are stored, reach the `en` side of what staff get (the survey, the answer page's
// heading, posters and reminders), and whatever lacks English is reported by the preview.
import { describe, expect, it } from 'vitest';
import { behaviours, benefits, projects, units, waves } from '../../db/schema';
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
  const unit = (await t.post('/api/units', { name: 'Plejecenter A', nameEn: 'Care centre A', headcount: 40 })).body.unit;
  expect((await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' })).status).toBe(200);
  const benefit = (await t.post(`/api/projects/${project.id}/benefits`, { title: 'Mere tid til kerneopgaven', titleEn: 'More time for the core task' })).body.benefit;
  const behaviour = (
    await t.post(`/api/projects/${project.id}/behaviours`, {
      title: 'Læser selv beboerens status i systemet',
      description: 'Når vagten begynder',
      situation: 'Ved vagtskiftet om morgenen',
      oldBehaviour: 'Lytter til fælles oplæsning',
      questionText: 'læst beboerens status selv ved vagtstart',
      titleEn: "Reads the resident's status in the system",
      descriptionEn: 'When the shift starts',
      situationEn: 'At the morning shift change',
      oldBehaviourEn: 'Listens to the joint read-aloud',
      questionTextEn: "read the resident's status yourself at the start of the shift",
      benefitIds: [benefit.id],
    })
  ).body.behaviour;
  return { ...t, project, unit, benefit, behaviour };
}

async function openWave(t: Awaited<ReturnType<typeof setUp>>, phase: 'baseline' | 'followup', name: string, nameEn = `${name} (en)`, unitNameEn = 'Care centre A') {
  const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name, nameEn, phase })).body.wave;
  expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { token: string }[];
  const survey = await t.get(`/api/s/${links[0].token}`);
  expect(survey.status).toBe(200);
  // The answer page's heading: the English name beside the Danish, for the English survey.
  expect(survey.body.project).toEqual({ name: 'Digital vagtoverlevering', nameEn: 'Digital shift handover' });
  expect(survey.body.unit).toEqual({ name: 'Plejecenter A', nameEn: unitNameEn });
  expect(survey.body.wave).toMatchObject({ name, nameEn });
  return { wave, token: links[0].token, survey: survey.body.survey, untranslated: survey.body.untranslated as boolean };
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
    expect(detail.behaviours[0]).toMatchObject({ questionText: 'læst beboerens status selv ved vagtstart', titleEn: "Reads the resident's status in the system", oldBehaviourEn: 'Listens to the joint read-aloud', situationEn: 'At the morning shift change' });
    expect(detail.rollouts[0]).toMatchObject({ unitId: t.unit.id });
    expect(detail.benefits[0]).toMatchObject({ titleEn: 'More time for the core task' });
  });

  it('puts the English texts on the en side of the public survey, and the wording into the questions', async () => {
    const t = await setUp();
    const { survey, untranslated } = await openWave(t, 'followup', 'Opfølgning');
    // Everything has English: the English page has nothing to warn of.
    expect(untranslated).toBe(false);
    expect(survey.title).toEqual({ default: 'Digital vagtoverlevering', en: 'Digital shift handover' });
    const page = survey.pages.find((p: { name: string }) => p.name === `b${t.behaviour.id}`);
    expect(page.title).toEqual({ default: 'Læser selv beboerens status i systemet', en: "Reads the resident's status in the system" });
    expect(page.description).toEqual({ default: 'Når vagten begynder\nHvornår: Ved vagtskiftet om morgenen', en: 'When the shift starts\nWhen: At the morning shift change' });
    const adoption = page.elements.find((q: { name: string }) => q.name === `b${t.behaviour.id}.adoption`);
    expect(adoption.title).toEqual({
      default: 'Hvor ofte har du i den seneste uge læst beboerens status selv ved vagtstart?',
      en: "In the last week, how often have you read the resident's status yourself at the start of the shift?",
    });
    const en = shown(survey, 'en').join('\n');
    for (const danish of ['Digital vagtoverlevering', 'Mere tid til kerneopgaven', 'Læser selv', 'Lytter til fælles oplæsning', 'Når vagten begynder', 'Ved vagtskiftet']) expect(en).not.toContain(danish);
    expect(en).toContain('I have noticed this benefit myself: More time for the core task');
    expect(shown(survey, 'default').join('\n')).not.toContain('sådan her');
    // Nothing lacks English, and the preview says so.
    expect((await t.get(`/api/projects/${t.project.id}/survey/preview?phase=followup`)).body.missingEnglish).toEqual([]);
  });

  it('shows the Danish text where English is empty, and the preview lists it', async () => {
    const t = await setUp();
    expect((await t.patch(`/api/projects/${t.project.id}`, { nameEn: '', version: t.project.version })).status).toBe(200);
    // Linking the behaviour moved the benefit's version on: edit from the current one.
    const benefit = (await t.get(`/api/projects/${t.project.id}`)).body.project.benefits[0];
    expect((await t.patch(`/api/benefits/${t.benefit.id}`, { titleEn: '', version: benefit.version })).status).toBe(200);
    const preview = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=followup`)).body;
    expect(preview.survey.title).toEqual({ default: 'Digital vagtoverlevering', en: 'Digital vagtoverlevering' });
    expect(preview.missingEnglish).toEqual([
      { field: 'projectName', da: 'Digital vagtoverlevering' },
      { field: 'benefitTitle', benefitId: t.benefit.id, da: 'Mere tid til kerneopgaven' },
    ]);
  });

  it('shows the Danish situation, unit and wave names where English is empty, and the preview lists each', async () => {
    const t = await setUp();
    expect((await t.patch(`/api/behaviours/${t.behaviour.id}`, { situationEn: '', version: t.behaviour.version })).status).toBe(200);
    expect((await t.patch(`/api/units/${t.unit.id}`, { nameEn: '', version: t.unit.version })).status).toBe(200);
    const { wave, token, survey } = await openWave(t, 'followup', 'Opfølgning', '', '');
    const page = survey.pages.find((p: { name: string }) => p.name === `b${t.behaviour.id}`);
    expect(page.description.en).toBe('When the shift starts\nWhen: Ved vagtskiftet om morgenen');
    // The answer page gets the empty English names and shows the Danish ones (client/answer/AnswerPage.tsx).
    const shownPage = (await t.get(`/api/s/${token}`)).body;
    // …and tells the English page that some texts are Danish only (it says so to the respondent).
    expect(shownPage.untranslated).toBe(true);
    expect(shownPage.unit).toEqual({ name: 'Plejecenter A', nameEn: '' });
    expect(shownPage.wave).toMatchObject({ name: 'Opfølgning', nameEn: '' });
    const preview = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=followup`)).body;
    expect(preview.missingEnglish).toEqual([
      { field: 'behaviourSituation', behaviourId: t.behaviour.id, da: 'Ved vagtskiftet om morgenen' },
      { field: 'unitName', unitId: t.unit.id, da: 'Plejecenter A' },
      { field: 'waveName', waveId: wave.id, da: 'Opfølgning' },
    ]);
    // The baseline preview has no follow-up wave to name; a closed wave is never shown to staff again.
    expect((await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body.missingEnglish.map((m: { field: string }) => m.field)).toEqual(['behaviourSituation', 'unitName']);
    expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
    expect((await t.get(`/api/projects/${t.project.id}/survey/preview?phase=followup`)).body.missingEnglish.map((m: { field: string }) => m.field)).toEqual(['behaviourSituation', 'unitName']);
  });

  it('sets and changes the English names of units and waves', async () => {
    const t = await setUp();
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline' })).body.wave;
    expect(wave.nameEn).toBe('');
    const renamed = await t.patch(`/api/waves/${wave.id}`, { nameEn: 'Baseline', version: wave.version });
    expect(renamed.status).toBe(200);
    expect(renamed.body.wave.nameEn).toBe('Baseline');
    const unit = await t.patch(`/api/units/${t.unit.id}`, { nameEn: 'Care centre North', version: t.unit.version });
    expect(unit.status).toBe(200);
    expect(unit.body.unit.nameEn).toBe('Care centre North');
    expect((await t.get('/api/units')).body.units.find((u: { id: number }) => u.id === t.unit.id).nameEn).toBe('Care centre North');
    expect((await t.get(`/api/projects/${t.project.id}/waves`)).body.waves[0].nameEn).toBe('Baseline');
  });

  it('prints the English unit name on English posters and reminders, the Danish one on Danish', async () => {
    const t = await setUp();
    const { wave } = await openWave(t, 'baseline', 'Nulpunktsmåling', 'Baseline');
    const posters = (await t.get(`/api/waves/${wave.id}/posters`)).body;
    expect(posters.wave).toMatchObject({ name: 'Nulpunktsmåling', nameEn: 'Baseline' });
    expect(posters.links[0]).toMatchObject({ unitName: 'Plejecenter A', unitNameEn: 'Care centre A' });
    const en = JSON.stringify((await t.get(`/api/waves/${wave.id}/reminders?locale=en`)).body.units[0].texts);
    expect(en).toContain('in Care centre A');
    expect(en).toContain('(Baseline)');
    for (const danish of ['Plejecenter A', 'Nulpunktsmåling', 'Digital vagtoverlevering']) expect(en).not.toContain(danish);
    const da = JSON.stringify((await t.get(`/api/waves/${wave.id}/reminders?locale=da`)).body.units[0].texts);
    expect(da).toContain('i Plejecenter A');
    expect(da).toContain('(Nulpunktsmåling)');
    expect(da).not.toContain('Care centre A');
  });

  it('reads an optional English name column in the unit CSV import', async () => {
    const t = await setUp();
    const csv = 'id;navn;navn engelsk;normering\nPA;Plejecenter A;Care centre A;40\nPB;Plejecenter B;;12\n';
    const preview = (await t.post('/api/units/import/preview', { csv })).body.preview;
    expect(preview.columns).toMatchObject({ name: 'navn', nameEn: 'navn engelsk' });
    expect(preview.create.map((c: { name: string; nameEn: string }) => [c.name, c.nameEn])).toEqual([
      ['Plejecenter A', 'Care centre A'],
      ['Plejecenter B', ''],
    ]);
    expect((await t.post('/api/units/import/commit', { csv })).status).toBe(200);
    const stored = await t.db.select({ externalId: units.externalId, nameEn: units.nameEn }).from(units);
    expect(stored.filter((u) => u.externalId).sort((a, b) => a.externalId!.localeCompare(b.externalId!))).toEqual([
      { externalId: 'PA', nameEn: 'Care centre A' },
      { externalId: 'PB', nameEn: '' },
    ]);
    // A later file changes the English name; one without the column (or an empty cell) keeps it.
    const again = (await t.post('/api/units/import/preview', { csv: 'id;navn;name en\nPA;Plejecenter A;Care centre Alpha\nPB;Plejecenter B;\n' })).body.preview;
    expect(again.update).toEqual([expect.objectContaining({ externalId: 'PA', changes: { nameEn: { from: 'Care centre A', to: 'Care centre Alpha' } } })]);
    expect(again.unchanged).toBe(1);
    const without = (await t.post('/api/units/import/preview', { csv: 'id;navn\nPA;Plejecenter A\n' })).body.preview;
    expect(without.update).toEqual([]);
    const tooLong = (await t.post('/api/units/import/preview', { csv: `id;navn;english name\nPC;Plejecenter C;${'x'.repeat(301)}\n` })).body.preview;
    expect(tooLong.rejected).toEqual([expect.objectContaining({ field: 'nameEn', code: 'name_too_long' })]);
  });

  it('keeps an opened wave on its frozen version when the texts change afterwards', async () => {
    const t = await setUp();
    const first = await openWave(t, 'baseline', 'Nulpunkt');
    expect((await t.patch(`/api/behaviours/${t.behaviour.id}`, { questionText: 'læst status', questionTextEn: 'read the status', version: t.behaviour.version })).status).toBe(200);
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
      units: await t.db.select().from(units),
      waves: await t.db.select().from(waves),
    };
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    before.waves = await t.db.select().from(waves);
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
    expectError(await t.patch(`/api/behaviours/${t.behaviour.id}`, { situationEn: 'z'.repeat(5001), version: t.behaviour.version }), 400, 'invalid_input');
    expectError(await t.post('/api/units', { name: 'Ny enhed', nameEn: long }), 400, 'invalid_input');
    expectError(await t.patch(`/api/units/${t.unit.id}`, { nameEn: 7, version: t.unit.version }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Opfølgning', phase: 'followup', nameEn: long }), 400, 'invalid_input');
    expectError(await t.patch(`/api/waves/${wave.id}`, { nameEn: null, version: wave.version }), 400, 'invalid_input');
    expect(await t.db.select().from(projects)).toEqual(before.projects);
    expect(await t.db.select().from(behaviours)).toEqual(before.behaviours);
    expect(await t.db.select().from(benefits)).toEqual(before.benefits);
    expect(await t.db.select().from(units)).toEqual(before.units);
    expect(await t.db.select().from(waves)).toEqual(before.waves);
  });

  it('tells the English page when a text inside the survey has no English, the names all given', async () => {
    const t = await setUp();
    expect((await t.patch(`/api/behaviours/${t.behaviour.id}`, { situationEn: '', version: t.behaviour.version })).status).toBe(200);
    const { untranslated } = await openWave(t, 'followup', 'Opfølgning');
    expect(untranslated).toBe(true);
  });
});
