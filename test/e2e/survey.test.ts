// The survey editor in a real browser: the secretariat switches a question off, rewords one (Danish and
// English), adds an own single-choice question with a favourable answer, saves and sees the answer time
// change; then previews the survey on a 360 × 740 phone in English and answers all of it through SurveyJS.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { answersFor } from '../support/answers';
import { axeViolations, desktop, hasBrowser, launchBrowser, loginAs, phone, startApp, type RunningApp, logInThroughForm } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';
const READ = 'Læser selv beboerens status i omsorgssystemet ved vagtstart';
const WRITE = 'Skriver kort status i systemet efter hvert besøg';
const REWORD = {
  da: 'Hvor ofte læste du selv status på telefonen i den seneste uge?',
  en: 'How often did you read the status on the phone yourself last week?',
};
const CUSTOM = {
  da: 'Hvilken telefon bruger du oftest på vagten?',
  en: 'Which phone do you use most on shift?',
  choices: [
    { da: 'Min egen vagttelefon', en: 'My own shift phone' },
    { da: 'En fælles telefon', en: 'A shared phone' },
  ],
};

/** The per-phase estimate line, e.g. "Nulpunktsmåling: ca. 1 min. 6 sek. (11 spørgsmål)". */
const estimateLine = (page: Page, phase: 'baseline' | 'followup') => page.locator(`#se-estimate [data-phase=${phase}] .estimate-line`).textContent();

/** Answers every question on the current SurveyJS page: a middle-high option, the first box, a short comment. */
async function answerPage(frame: Locator) {
  const names = await frame.locator('input[type=radio]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of names) {
    const options = frame.locator(`input[type=radio][name="${name}"]`);
    await options.nth(Math.min(3, (await options.count()) - 1)).check({ force: true });
  }
  const boxes = await frame.locator('input[type=checkbox]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of boxes) await frame.locator(`input[type=checkbox][name="${name}"]`).first().check({ force: true });
  const comments = frame.locator('textarea');
  for (let i = 0; i < (await comments.count()); i++) await comments.nth(i).fill('Fine as it is.');
}

describe.skipIf(!hasBrowser)('the survey editor: edit, save, preview on a phone and answer in English', () => {
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

  it('edits the demo survey, saves it, and the phone preview in English can be answered to the end', { timeout: 120_000 }, async () => {
    const context = await browser.browser.newContext(desktop);
    const page = await context.newPage();
    await logInThroughForm(page, app.baseUrl);
    await page.getByRole('link', { name: PROJECT }).click();
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    // The project page shows one part at a time when it has a sub-navigation; the survey is one of them.
    const tab = page.getByRole('navigation', { name: 'Projektets afsnit' }).getByRole('link', { name: /^Spørgeskema/ });
    if (await tab.count()) await tab.click();
    await page.getByRole('link', { name: 'Redigér spørgeskema' }).click();
    await page.getByRole('heading', { level: 1, name: `Spørgeskema: ${PROJECT}` }).waitFor();
    await page.getByRole('group', { name: READ }).waitFor();
    const before = { baseline: await estimateLine(page, 'baseline'), followup: await estimateLine(page, 'followup') };
    expect(before.baseline).toMatch(/^Nulpunktsmåling: ca\. .* \(\d+ spørgsmål\)$/);

    // Plain words for the constructs; never the model's name.
    const editorText = await page.locator('main').innerText();
    expect(editorText).toContain('Har tid og redskaber');
    expect(editorText).not.toMatch(/COM-?B/i);

    // 1. Switch a question off: no more "Giver mening" for the second behaviour.
    const write = page.getByRole('group', { name: WRITE });
    await write.getByRole('checkbox', { name: 'Giver mening' }).uncheck();

    // 2. Reword how often the new behaviour happens, in Danish and English; the bank's wording is the placeholder.
    const read = page.getByRole('group', { name: READ });
    await read.getByRole('button', { name: /Omformulér spørgsmål/ }).click();
    const da = read.getByLabel('Hvor ofte den nye adfærd sker – dansk');
    const en = read.getByLabel('Hvor ofte den nye adfærd sker – engelsk');
    // The demo behaviour has an English title, so the English wording is suggested from it.
    expect(await en.getAttribute('placeholder')).toBe("In the last week, how often have you read the resident's status in the care system at the start of the shift?");
    await da.fill(REWORD.da);
    await en.fill(REWORD.en);

    await page.getByRole('button', { name: 'Gem spørgeskema' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Spørgeskemaet er gemt' }).count()).toBe(1);
    await expect.poll(() => estimateLine(page, 'baseline')).not.toBe(before.baseline);
    const afterOff = { baseline: await estimateLine(page, 'baseline'), followup: await estimateLine(page, 'followup') };
    expect(afterOff.followup).not.toBe(before.followup);

    // 3. An own single-choice question with a favourable answer. Saved half-filled first: the error sits at the field.
    await page.getByRole('button', { name: 'Tilføj eget spørgsmål' }).click();
    const custom = page.getByRole('group', { name: /^Eget spørgsmål 1/ });
    await expect.poll(() => custom.getByLabel('Svartype').evaluate((el) => el === document.activeElement)).toBe(true);
    await custom.getByLabel('Svartype').selectOption({ label: 'Ét svar blandt flere muligheder' });
    await custom.getByLabel('Spørgsmål på dansk').fill(CUSTOM.da);
    await custom.getByLabel('Spørgsmål på engelsk').fill(CUSTOM.en);
    for (const [i, c] of CUSTOM.choices.entries()) {
      await custom.getByLabel(`Svarmulighed ${i + 1} på dansk`).fill(c.da);
      if (i === 0) await custom.getByLabel(`Svarmulighed ${i + 1} på engelsk`).fill(c.en);
    }
    await custom.getByRole('checkbox', { name: 'Gunstigt svar (kode 1)' }).check();
    await page.getByRole('button', { name: 'Gem spørgeskema' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const missing = custom.getByLabel('Svarmulighed 2 på engelsk');
    expect(await missing.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await missing.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Skriv en tekst.');
    expect(await axeViolations(page)).toEqual([]);
    await summary.getByRole('link', { name: /Eget spørgsmål 1: Svarmulighed 2 på engelsk/ }).click();
    expect(await missing.evaluate((el) => el === document.activeElement)).toBe(true);
    await missing.fill(CUSTOM.choices[1].en);

    await page.getByRole('button', { name: 'Gem spørgeskema' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(0);
    await expect.poll(() => estimateLine(page, 'baseline')).not.toBe(afterOff.baseline);
    expect(await page.getByText('Du har ændringer, der ikke er gemt.').count()).toBe(0);
    // What was saved: the own question's favourable answer is fixed in the item map, with stable codes.
    const projectId = Number(/\/projects\/(\d+)\/survey/.exec(page.url())![1]);
    const saved = await (await page.request.get(`${app.baseUrl}/api/projects/${projectId}/survey/preview?phase=baseline`)).json();
    expect(saved.itemMap.items.find((i: { key: string }) => i.key === 'custom.q1')).toMatchObject({ type: 'choice', values: [1, 2], favourable: [1], text: { da: CUSTOM.da, en: CUSTOM.en } });
    // The editor as a whole (reword fields open, own question shown) has no serious accessibility problems.
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard reorder: focus stays on the moved behaviour's button.
    await page.getByRole('button', { name: `Flyt op: ${WRITE}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Flyt ned: ${WRITE}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: `${WRITE} er nu nummer 1 af 2.` }).count()).toBe(1);
    await page.keyboard.press('Enter');
    expect(await page.getByText('Du har ændringer, der ikke er gemt.').count()).toBe(0);

    // 4. Preview on a 360 × 740 phone, in English, and answer every question through SurveyJS.
    const mobile = await browser.browser.newContext({ ...phone, storageState: await context.storageState() });
    const p = await mobile.newPage();
    await p.goto(`${app.baseUrl}${new URL(page.url()).pathname}`);
    const panel = p.locator('#preview');
    await panel.getByRole('group', { name: 'Sprog i forhåndsvisningen' }).getByRole('button', { name: 'Engelsk' }).click();
    expect(await panel.getByRole('group', { name: 'Skærmbredde' }).getByRole('button', { name: 'Telefon' }).getAttribute('aria-pressed')).toBe('true');
    await panel.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    const frame = p.getByRole('region', { name: 'Spørgeskemaet på en telefon (360 px)' });
    await frame.getByRole('button', { name: 'Start', exact: true }).click();
    // The survey gets the phone's whole width, as on the answer page, in SurveyJS's mobile layout.
    const root = frame.locator('.sd-root-modern');
    expect(await root.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBeGreaterThanOrEqual(350);
    expect(await root.getAttribute('class')).toContain('sd-root-modern--mobile');
    const seen: string[] = [];
    for (let guard = 0; ; guard++) {
      expect(guard).toBeLessThan(20);
      await frame.locator('.sd-question').first().waitFor();
      seen.push(await frame.innerText());
      await answerPage(frame);
      const complete = frame.getByRole('button', { name: 'Send answers', exact: true });
      if (await complete.isVisible()) {
        await complete.click();
        break;
      }
      await frame.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await frame.getByRole('heading', { name: 'Thank you for your answer' }).waitFor();
    const shown = seen.join('\n');
    for (const text of [REWORD.en, CUSTOM.en, ...CUSTOM.choices.map((c) => c.en), "Don't know / not relevant", 'Strongly agree', 'What would make it easier for you to work the new way?']) {
      expect(shown).toContain(text);
    }
    for (const danish of [REWORD.da, CUSTOM.da, 'Ved ikke / ikke relevant', 'Næste']) expect(shown).not.toContain(danish);
    // "Giver mening" was switched off for the second behaviour only: one statement less there.
    expect(shown.match(/It makes sense to me to do it/g)?.length).toBe(1);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await mobile.close();
    await context.close();
  });

  it('flags, per wave in the report, an adoption question whose wording has changed since that wave', { timeout: 60_000 }, async () => {
    const context = await browser.browser.newContext(desktop);
    await loginAs(context, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const api = context.request;
    const project = ((await (await api.get(`${app.baseUrl}/api/projects`)).json()).projects as { id: number; name: string }[]).find((x) => x.name === PROJECT)!;
    const behaviour = ((await (await api.get(`${app.baseUrl}/api/projects/${project.id}`)).json()).project.behaviours as { id: number; title: string }[]).find((b) => b.title === READ)!;
    // Reword the adoption question (on top of whatever the spec holds), then measure once more with the new wording.
    const specAnswer = await (await api.get(`${app.baseUrl}/api/projects/${project.id}/survey/spec`)).json();
    const spec = specAnswer.spec ?? {};
    const overrides = { ...(spec.overrides ?? {}), [`b${behaviour.id}.adoption`]: { da: 'Hvor ofte læste du status på telefonen før første besøg?', en: 'How often did you read the status on the phone before the first visit?' } };
    expect((await api.put(`${app.baseUrl}/api/projects/${project.id}/survey/spec`, { data: { spec: { ...spec, overrides }, version: specAnswer.surveySpecVersion } })).status()).toBe(200);
    const wave = (await (await api.post(`${app.baseUrl}/api/projects/${project.id}/waves`, { data: { name: 'Opfølgning efter 9 måneder', phase: 'followup' } })).json()).wave;
    expect((await api.post(`${app.baseUrl}/api/waves/${wave.id}/open`, { data: {} })).status()).toBe(200);
    const links = (await (await api.get(`${app.baseUrl}/api/waves/${wave.id}/links`)).json()).links as { token: string; unitId: number }[];
    const itemMap = (await (await api.get(`${app.baseUrl}/api/projects/${project.id}/survey/preview?phase=followup`)).json()).itemMap;
    for (let i = 0; i < 6; i++) {
      const res = await api.post(`${app.baseUrl}/api/s/${links[0].token}/responses`, { data: { submissionId: randomUUID(), answers: answersFor(itemMap, () => 5), locale: 'da' } });
      expect(res.status()).toBe(201);
    }
    expect((await api.post(`${app.baseUrl}/api/waves/${wave.id}/close`, { data: {} })).status()).toBe(200);

    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/projects/${project.id}/report`);
    const table = page.getByRole('table', { name: `${READ}: andel ofte/altid pr. enhed og måling` });
    const total = table.getByRole('row', { name: /^Alle enheder/ });
    await total.waitFor();
    const cells = await total.getByRole('cell').allInnerTexts();
    // Every earlier wave is flagged; the newest one, whose wording is the reference, is not.
    expect(cells.length).toBeGreaterThanOrEqual(3);
    for (const c of cells.slice(0, -1)) expect(c).toContain('Spørgsmålets ordlyd er ændret siden denne måling');
    expect(cells.at(-1)).not.toContain('ordlyd');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('warns when the survey would take more than 4 minutes', async () => {
    const context = await browser.browser.newContext(desktop);
    await loginAs(context, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const projects = (await (await context.request.get(`${app.baseUrl}/api/projects`)).json()).projects as { id: number; name: string }[];
    const id = projects.find((x) => x.name === PROJECT)!.id;
    const many = Array.from({ length: 30 }, (_, i) => ({ kind: 'rating', scale: 'agreement5', id: `extra${i + 1}`, favourable: [4, 5], text: { da: `Ekstra udsagn ${i + 1}`, en: `Extra statement ${i + 1}` } }));
    const { surveySpecVersion } = await (await context.request.get(`${app.baseUrl}/api/projects/${id}/survey/spec`)).json();
    expect((await context.request.put(`${app.baseUrl}/api/projects/${id}/survey/spec`, { data: { spec: { customItems: many }, version: surveySpecVersion } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/projects/${id}/survey`);
    const followup = page.locator('#se-estimate [data-phase=followup]');
    await followup.getByText('Over 4 minutter – overvej at fjerne spørgsmål').waitFor();
    expect(await followup.textContent()).toMatch(/Opfølgning: ca\. [4-9] minutter/);
    // "Gendan standard" puts the default survey back (PUT spec null) and the warning goes.
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Gendan standard' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Standardspørgeskemaet er gendannet.' }).count()).toBe(1);
    await expect.poll(() => followup.getByText('Over 4 minutter').count()).toBe(0);
    expect((await (await context.request.get(`${app.baseUrl}/api/projects/${id}/survey/spec`)).json()).spec).toBeNull();
    await context.close();
  });
});
