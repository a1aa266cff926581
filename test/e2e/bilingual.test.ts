// The behaviour form words the question in a real browser: the suggestion from the title, the sentence staff will
// read (live, in Danish and English), the English fields; then the survey editor lists what lacks English until
// the project's English texts are filled in, and the English preview shows them. axe-core checks the form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, desktop, hasBrowser, launchBrowser, loginAs, startApp, type RunningApp } from '../support/browser';

const TITLE = 'Giver besked i appen, når en opgave er løst';

describe.skipIf(!hasBrowser)('question wording and English texts', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('suggests the wording, shows the sentence, and lists what lacks English', { timeout: 90_000 }, async () => {
    const context = await browser.browser.newContext(desktop);
    await loginAs(context, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const created = await context.request.post(`${app.baseUrl}/api/projects`, { data: { name: 'Besked i appen', purpose: 'Færre opkald mellem vagterne' } });
    expect(created.status()).toBe(201);
    const id = (await created.json()).project.id as number;
    expect((await context.request.post(`${app.baseUrl}/api/projects/${id}/behaviours`, { data: { title: TITLE } })).status()).toBe(201);

    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${app.baseUrl}/projects/${id}`);
    await page.getByRole('navigation', { name: 'Projektets afsnit' }).getByRole('link', { name: /^Adfærd/ }).click();
    await page.getByRole('button', { name: `Rediger ${TITLE}` }).click();

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
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.getByRole('button', { name: 'Gem adfærd' }).click();
    await page.getByText(`Adfærden "${TITLE}" er gemt.`).waitFor();

    // The editor lists the project texts that lack English …
    await page.goto(`${app.baseUrl}/projects/${id}/survey`);
    const note = page.getByRole('note', { name: 'Mangler engelsk' });
    await note.waitFor();
    expect(await note.getByRole('listitem').allInnerTexts()).toEqual(['Projektets navn', 'Projektets formål']);

    // … until they are filled in; then the English preview shows them.
    expect((await context.request.patch(`${app.baseUrl}/api/projects/${id}`, { data: { nameEn: 'Notice in the app', purposeEn: 'Fewer calls between shifts' } })).status()).toBe(200);
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
});
