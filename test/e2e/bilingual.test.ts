// The behaviour form words the question in a real browser: the suggestion from the title, the sentence staff will
// read (live, in Danish and English), the English fields; then the survey editor lists what lacks English until
// the project's English texts are filled in, and the English preview shows them. Then a whole English run on a
// phone: with every English text filled in (situation, unit and wave names included), no page staff see shows a
// Danish project text. axe-core checks the form and the answer page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, hasBrowser, phone, SECRETARIAT, useBrowserSuite } from '../support/browser';

const TITLE = 'Giver besked i appen, når en opgave er løst';

/** Answers every radio group on the current survey page with its first option. */
async function answerPage(page: Page) {
  const names = await page.locator('.sd-page input[type=radio]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of names) await page.locator(`input[type=radio][name="${name}"]`).first().check({ force: true });
}

describe.skipIf(!hasBrowser)('question wording and English texts', () => {
  const suite = useBrowserSuite();

  it('suggests the wording, shows the sentence, and lists what lacks English', { timeout: 90_000 }, async () => {
    const { app } = suite;
    const { context, page } = await suite.openPage({ login: SECRETARIAT });
    const created = await context.request.post(`${app.baseUrl}/api/projects`, { data: { name: 'Besked i appen', purpose: 'Færre opkald mellem vagterne' } });
    expect(created.status()).toBe(201);
    const id = (await created.json()).project.id as number;
    expect((await context.request.post(`${app.baseUrl}/api/projects/${id}/behaviours`, { data: { title: TITLE } })).status()).toBe(201);

    await page.goto(`${app.baseUrl}/projects/${id}`);
    await page.getByRole('navigation', { name: 'Projektets afsnit' }).getByRole('link', { name: /^Adfærd/ }).click();
    await page.getByRole('button', { name: `Redigér ${TITLE}` }).click();

    // The suggestion from the title, and the sentence staff will read.
    const wording = page.getByRole('group', { name: 'Sådan spørges der om adfærden' });
    await wording.getByText('Forslag: givet besked i appen, når en opgave er løst').waitFor();
    await wording.getByText('Hvor ofte har du i den seneste uge givet besked i appen, når en opgave er løst?').waitFor();
    await wording.getByText('På engelsk citeres den danske titel').waitFor();
    const da = page.getByLabel('Adfærden i spørgsmålet', { exact: true });
    expect(await da.getAttribute('lang')).toBe('da');
    await da.fill('givet besked i appen med det samme');
    await wording.getByText('Hvor ofte har du i den seneste uge givet besked i appen med det samme?').waitFor();

    // The English title gives the English suggestion and sentence.
    const titleEn = page.getByLabel('Titel på engelsk (valgfrit)');
    expect(await titleEn.getAttribute('lang')).toBe('en');
    await titleEn.fill('Gives notice in the app when a task is done');
    await wording.getByText('Forslag: given notice in the app when a task is done').waitFor();
    await wording.getByText('In the last week, how often have you given notice in the app when a task is done?').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Gem adfærd' }).click();
    await page.getByText(`Adfærden "${TITLE}" er gemt.`).waitFor();

    // The editor lists the project texts that lack English …
    await page.goto(`${app.baseUrl}/projects/${id}/survey`);
    const note = page.getByRole('note', { name: 'Mangler engelsk' });
    await note.waitFor();
    expect(await note.getByRole('listitem').allInnerTexts()).toEqual(['Projektets navn', 'Projektets formål']);

    // … until they are filled in; then the English preview shows them.
    const { version } = (await (await context.request.get(`${app.baseUrl}/api/projects/${id}`)).json()).project;
    expect((await context.request.patch(`${app.baseUrl}/api/projects/${id}`, { data: { nameEn: 'Notice in the app', purposeEn: 'Fewer calls between shifts', version } })).status()).toBe(200);
    await page.reload();
    await page.getByText('Alle tekster, medarbejderne ser, findes på dansk og engelsk.').waitFor();
    const panel = page.locator('#preview');
    await panel.getByRole('group', { name: 'Sprog i forhåndsvisningen' }).getByRole('button', { name: 'Engelsk' }).click();
    await panel.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    const frame = panel.getByRole('region', { name: /Spørgeskemaet/ });
    await frame.getByText('Project: Notice in the app').waitFor();
    expect(await frame.innerText()).not.toContain('Besked i appen');
    await context.close();
  });

  it('shows no Danish project text anywhere in the English survey, names of unit and wave included', { timeout: 90_000 }, async () => {
    const { app } = suite;
    const { context: admin } = await suite.openPage({ login: SECRETARIAT });
    const api = async (method: 'get' | 'post' | 'put' | 'patch', path: string, data?: unknown) => {
      const res = await admin.request[method](`${app.baseUrl}${path}`, data === undefined ? undefined : { data });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    // Every text staff see, in Danish and English; the Danish ones are listed to look for afterwards.
    const danish = ['Vagtoverlevering i appen', 'Færre opkald mellem vagterne', 'Afdeling Solsikken', 'Første runde', 'Skriver overleveringen i appen', 'Inden vagten slutter', 'Ved hvert vagtskifte', 'Ringer til næste vagt', 'Færre afbrydelser'];
    const project = (await api('post', '/api/projects', { name: danish[0], purpose: danish[1], nameEn: 'Handover in the app', purposeEn: 'Fewer calls between shifts' })).project;
    const unit = (await api('post', '/api/units', { name: danish[2], nameEn: 'Sunflower ward', headcount: 20 })).unit;
    await api('put', `/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' });
    const benefit = (await api('post', `/api/projects/${project.id}/benefits`, { title: danish[8], titleEn: 'Fewer interruptions' })).benefit;
    await api('post', `/api/projects/${project.id}/behaviours`, {
      title: danish[4],
      titleEn: 'Writes the handover in the app',
      description: danish[5],
      descriptionEn: 'Before the shift ends',
      situation: danish[6],
      situationEn: 'At every shift change',
      oldBehaviour: danish[7],
      oldBehaviourEn: 'Phones the next shift',
      questionText: 'skrevet overleveringen i appen',
      questionTextEn: 'written the handover in the app',
      benefitIds: [benefit.id],
    });
    const wave = (await api('post', `/api/projects/${project.id}/waves`, { name: danish[3], nameEn: 'First round', phase: 'baseline' })).wave;
    await api('post', `/api/waves/${wave.id}/open`);
    const [link] = (await api('get', `/api/waves/${wave.id}/links`)).links;
    // The editor has nothing left to ask for in English.
    expect((await api('get', `/api/projects/${project.id}/survey/preview?phase=baseline`)).missingEnglish).toEqual([]);

    const { context, page } = await suite.openPage({ device: phone });
    await page.goto(link.url.replace(/^https?:\/\/[^/]+/, app.baseUrl));
    await page.getByRole('button', { name: 'English' }).click();
    const heading = page.locator('.answer-intro');
    await heading.getByRole('heading', { name: 'Handover in the app' }).waitFor();
    // Everything has English: no note that some texts are Danish only.
    expect(await page.getByText('only available in Danish').count()).toBe(0);
    expect(await heading.innerText()).toContain('Unit: Sunflower ward');
    expect(await heading.innerText()).toContain('Survey round: First round');
    const seen: string[] = [await page.locator('main').innerText()];
    await expectNoAxeViolations(page, 'English intro');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { name: 'Writes the handover in the app' }).waitFor();
    seen.push(await page.locator('main').innerText());
    expect(seen[1]).toContain('When: At every shift change');
    for (let i = 0; i < 10 && !(await page.locator('.sd-navigation__complete-btn').first().isVisible()); i++) {
      await answerPage(page);
      await page.locator('.sd-navigation__next-btn').first().click();
      seen.push(await page.locator('main').innerText());
    }
    expect(await page.locator('.sd-navigation__complete-btn').first().isVisible()).toBe(true);
    const all = seen.join('\n');
    for (const text of danish) expect(all, `"${text}" in the English survey`).not.toContain(text);
    expect(await page.evaluate(() => document.title)).toBe('Handover in the app – Gevinstspor');
    await context.close();

    // The English reminder texts carry the English unit and wave names too.
    const reminders = JSON.stringify((await api('get', `/api/waves/${wave.id}/reminders?locale=en`)).units[0].texts);
    for (const text of danish) expect(reminders).not.toContain(text);
    expect(reminders).toContain('Sunflower ward');

    // A name left without English: the English page says that some texts are Danish only, never silently.
    await api('patch', `/api/units/${unit.id}`, { nameEn: '', version: unit.version });
    const again = await suite.openPage({ device: phone });
    await again.page.goto(link.url.replace(/^https?:\/\/[^/]+/, app.baseUrl));
    await again.page.getByRole('button', { name: 'English' }).click();
    await again.page.getByText('Some texts of this survey are only available in Danish.').waitFor();
    await again.context.close();
    await admin.close();
  });
});
