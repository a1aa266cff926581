// The foundation slice in a real browser: a staff member answers on a phone through the printed link,
// and the secretariat then finds the answer counted in the project report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, phone, startApp, type RunningApp, logInThroughForm } from '../support/browser';

/** Answers every visible question on each SurveyJS page with its 4th option, then submits. */
export async function answerWholeSurvey(page: Page, next: RegExp, complete: RegExp) {
  for (let guard = 0; guard < 20; guard++) {
    const names: string[] = await page.$$eval('input[type=radio]', (els) => [...new Set(els.filter((e) => (e as HTMLElement).offsetParent !== null || e.closest('.sd-item')).map((e) => (e as HTMLInputElement).name))]);
    for (const name of names) {
      const options = page.locator(`input[type=radio][name="${name}"]`);
      const pick = Math.min(3, (await options.count()) - 1);
      await options.nth(pick).check({ force: true });
    }
    const submit = page.getByRole('button', { name: complete });
    if (await submit.isVisible()) {
      await submit.click();
      return;
    }
    await page.getByRole('button', { name: next }).click();
  }
  throw new Error('never reached the last page');
}

describe.skipIf(!hasBrowser)('staff answer on a phone, the report counts it', () => {
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

  it('prints the demo login and an open staff link at start', () => {
    expect(app.output()).toContain('sekretariat@demo.dk / gevinst-demo');
    expect(app.openLink()).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
  });

  it('serves client routes as the app and a missing asset as 404, never HTML for a script', async () => {
    const page = await fetch(`${app.baseUrl}/projects/1/report`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const asset = await fetch(`${app.baseUrl}/assets/gone-1234.js`);
    expect(asset.status).toBe(404);
    expect(asset.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('answers the survey in Danish on a phone through a dropped connection, and it counts once', async () => {
    const context = await browser.browser.newContext(phone);
    const page = await context.newPage();
    // The first submission is lost on the way (a phone on a weak connection); the page must retry by itself.
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const submissionIds: string[] = [];
    let dropped = false;
    await page.route('**/api/s/*/responses', async (route) => {
      submissionIds.push(JSON.parse(route.request().postData() ?? '{}').submissionId);
      if (!dropped) {
        dropped = true;
        await route.abort('internetdisconnected');
      } else await route.continue();
    });
    await page.goto(app.openLink());
    await expect.poll(() => page.getByText('Plejecenter Solhaven').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await answerWholeSurvey(page, /^Næste$/, /^Send svar$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Tak for dit svar' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(submissionIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(submissionIds).size).toBe(1);
    // The answer page is its own small bundle: no chart.js (ReportPage chunk) and no admin code (StaffApp).
    expect(scripts.some((s) => /AnswerPage|answer/i.test(s))).toBe(true);
    expect(scripts.filter((s) => /ReportPage|StaffApp|chart/i.test(s))).toEqual([]);
    // No horizontal scrolling on a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('lets staff switch the survey to English on the phone', async () => {
    const context = await browser.browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(app.openLink());
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.getByText(/How often .* last week/i).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /^Next$/ }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await context.close();
  });

  it('lets the secretariat open a wave for one unit by clicking and hand out its link', async () => {
    const context = await browser.browser.newContext(desktop);
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.baseUrl}/login`);
    await expect.poll(() => page.getByLabel('Adgangskode').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await logInThroughForm(page, app.baseUrl);
    const projectLink = page.getByRole('link', { name: 'Digital overlevering på plejecentrene', exact: true });
    await expect.poll(() => projectLink.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await projectLink.click();
    await page.goto(`${page.url().split('#')[0]}#maalinger`);
    await expect.poll(() => page.getByRole('heading', { name: 'Ny måling' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Ny måling' }) });
    await form.getByLabel('Navn på måling').fill('Ekstra måling Egebo');
    await form.getByRole('radio', { name: 'Opfølgning' }).check();
    // Only Plejecenter Egebo gets a link in this wave.
    for (const unit of ['Plejecenter Solhaven', 'Plejecenter Lindely', 'Nattevagten, Lindely', 'Afløserteamet']) await form.getByRole('checkbox', { name: unit }).uncheck();
    await form.getByRole('button', { name: 'Opret måling' }).click();
    await page.getByRole('button', { name: 'Åbn Ekstra måling Egebo' }).click();
    await page.getByRole('button', { name: 'Vis links og QR-koder for Ekstra måling Egebo' }).click();
    const link = page.getByRole('link', { name: /\/s\/[A-Za-z0-9_-]+$/ });
    await expect.poll(() => link.count()).toBe(1);
    const url = (await link.getAttribute('href'))!;
    await expect.poll(() => page.getByRole('img', { name: /QR-kode til spørgeskemaet for Plejecenter Egebo/ }).count()).toBe(1);

    const phonePage = await (await browser.browser.newContext(phone)).newPage();
    await phonePage.goto(url);
    await expect.poll(() => phonePage.getByText('Plejecenter Egebo').first().isVisible()).toBe(true);
    await expect.poll(() => phonePage.getByText('Ekstra måling Egebo').first().isVisible()).toBe(true);
    await context.close();
  });

  it('creates a project with its goals, enablers and primary behaviour declared up front', async () => {
    const context = await browser.browser.newContext(desktop);
    const page = await context.newPage();
    await logInThroughForm(page, app.baseUrl);
    await page.getByRole('button', { name: 'Nyt projekt' }).click();
    await page.getByLabel('Projektets navn').fill('Digital medicinhåndtering');
    await page.getByLabel('Mål (valgfrit)', { exact: true }).fill('Færre medicinfejl\n\nMere tid hos borgeren');
    await page.getByLabel('Leverancer (valgfrit)', { exact: true }).fill('Scanner på medicinvognen');
    await page.getByLabel('Primær adfærd (valgfrit)', { exact: true }).fill('Scanner medicinen før udlevering');
    await page.getByRole('button', { name: 'Opret projekt' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Digital medicinhåndtering' }).isVisible()).toBe(true);
    const list = await (await context.request.get(`${app.baseUrl}/api/projects`)).json();
    const id = list.projects.find((p: { name: string }) => p.name === 'Digital medicinhåndtering').id;
    const project = (await (await context.request.get(`${app.baseUrl}/api/projects/${id}`)).json()).project;
    expect(project.goals.map((g: { title: string }) => g.title)).toEqual(['Færre medicinfejl', 'Mere tid hos borgeren']);
    expect(project.enablers.map((e: { title: string }) => e.title)).toEqual(['Scanner på medicinvognen']);
    expect(project.behaviours).toMatchObject([{ title: 'Scanner medicinen før udlevering', isPrimary: true }]);
    await context.close();
  });

  it('shows the new answer in the report and the chart with intervals to the secretariat', async () => {
    const context = await browser.browser.newContext(desktop);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await logInThroughForm(page, app.baseUrl);
    await page.getByRole('listitem').filter({ hasText: 'Digital overlevering på plejecentrene' }).getByRole('link', { name: 'Se resultater' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Digital overlevering');
    // 26 demo answers were in the open wave; ours makes 27 — once, despite the retry. The waves list counts them;
    // the report holds the open wave's response rate back until it closes (no poll tells who answered what).
    const waves = (await (await context.request.get(`${app.baseUrl}/api/projects/1/waves`)).json()).waves as { name: string; responses: number }[];
    expect(waves.find((w) => w.name === 'Opfølgning efter 6 måneder')!.responses).toBe(27);
    const openWaveRow = page.getByRole('row', { name: /Opfølgning efter 6 måneder/ });
    await expect.poll(async () => (await openWaveRow.getByRole('cell').allTextContents()).map((c) => c.trim())).toContain('Skjult');
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Sandsynlig forbedring/).first().isVisible()).toBe(true);
    // Each wave column says how many units it covers.
    expect(await page.locator('th .wave-units').first().innerText()).toMatch(/^\d+ enhed(er)?$/);
    // Comments of the closed waves (≥ 10 respondents), as plain text.
    await page.getByText(/^Nulpunktsmåling – \d+ kommentarer$/).click();
    await expect.poll(() => page.getByText('Mere tid til at lære appen at kende i starten.').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
