// Answering on a 360 × 740 phone, as frontline staff do: the poster's short code at /k, half the survey, a
// reload that keeps the answers (and the page), the rest, a lost connection while sending and the recovery —
// counted once; the "already answered on this device" question; kiosk mode for a shared tablet (two people
// in a row, nothing of the first left on screen or in storage); axe and Start above the fold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, hasBrowser, launchBrowser, loginAs, phone, startApp, type RunningApp } from '../support/browser';

const FIRST_PAGE_TITLE = 'Læser selv beboerens status i omsorgssystemet ved vagtstart';

/** Answers every radio group on the current page (the second-to-last option of each) and fills text fields. */
async function answerCurrentPage(page: Page, option = 3) {
  const names = await page.locator('.sd-page input[type=radio]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of names) {
    const options = page.locator(`input[type=radio][name="${name}"]`);
    await options.nth(Math.min(option, (await options.count()) - 1)).check({ force: true });
  }
  const boxes = await page.locator('.sd-page input[type=checkbox]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of boxes) await page.locator(`input[type=checkbox][name="${name}"]`).first().check({ force: true });
  const comments = page.locator('.sd-page textarea');
  for (let i = 0; i < (await comments.count()); i++) await comments.nth(i).fill(`Svar ${option}`);
}

const next = (page: Page) => page.locator('.sd-navigation__next-btn').first();
const complete = (page: Page) => page.locator('.sd-navigation__complete-btn').first();
const start = (page: Page) => page.locator('.sd-navigation__start-btn').first();
const progress = (page: Page) => page.locator('.survey-progress-text').textContent();

/** Our keys in both storages (the language choice aside). */
const storedKeys = (page: Page) =>
  page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('gevinstspor.') && k !== 'gevinstspor.locale'));

async function answerToTheEnd(page: Page, option: number) {
  for (let i = 0; i < 20; i++) {
    await answerCurrentPage(page, option);
    if (await complete(page).isVisible()) return;
    await next(page).click();
  }
  throw new Error('never reached the last page');
}

/** The short code and wave of the demo's open link, as the secretariat's links panel shows them. */
async function codeOf(context: BrowserContext, baseUrl: string, token: string): Promise<{ code: string | null; waveId: number }> {
  const projects = (await (await context.request.get(`${baseUrl}/api/projects`)).json()) as unknown;
  const list = (Array.isArray(projects) ? projects : ((projects as { projects?: unknown[] }).projects ?? [])) as { id: number }[];
  for (const p of list) {
    const body = (await (await context.request.get(`${baseUrl}/api/projects/${p.id}/waves`)).json()) as { id: number }[] | { waves: { id: number }[] };
    for (const w of Array.isArray(body) ? body : body.waves) {
      const res = await context.request.get(`${baseUrl}/api/waves/${w.id}/links`);
      if (!res.ok()) continue;
      const body = (await res.json()) as { links: { url: string; shortCode: string | null }[] };
      const link = body.links.find((l) => l.url.endsWith(`/s/${token}`));
      if (link) return { code: link.shortCode, waveId: w.id };
    }
  }
  throw new Error('the open link is in no wave');
}

describe.skipIf(!hasBrowser)('answering on a phone', () => {
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

  it('opens by short code, keeps a draft across a reload, survives a lost connection and counts once', { timeout: 180_000 }, async () => {
    const token = app.openLink().split('/s/')[1];
    const admin = await browser.browser.newContext();
    await loginAs(admin, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const { code } = await codeOf(admin, app.baseUrl, token);

    const context = await browser.browser.newContext(phone);
    const page = await context.newPage();

    // /k: the code from the poster, typed sloppily (lower case, a space for the dash).
    expect(code, 'the open link has a short code').toBeTruthy();
    await page.goto(`${app.baseUrl}/k`);
    const input = page.getByLabel('Kode', { exact: true });
    await expect(input.getAttribute('autocomplete')).resolves.toBe('off');
    expect(await axeViolations(page)).toEqual([]);
    await input.fill('XXXX-XXXX');
    await page.getByRole('button', { name: 'Åbn spørgeskemaet' }).click();
    await page.getByText('Vi kender ikke den kode').waitFor();
    await input.fill(code!.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Åbn spørgeskemaet' }).click();
    await page.waitForURL(`**/s/${token}`);

    // The intro: Start on the first screen, axe clean.
    await start(page).waitFor();
    const box = await start(page).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    expect(await axeViolations(page)).toEqual([]);
    await start(page).click();

    // The first page: one progress indicator, focus on the first question, axe clean.
    await page.getByRole('heading', { name: FIRST_PAGE_TITLE }).waitFor();
    expect(await progress(page)).toMatch(/^Side 1 af \d+$/);
    expect(await page.locator('.sd-progress, .sd-progress-buttons').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.sd-question'))).toBe(true);
    // With focus in the first question, the page still begins on screen: progress line and page heading.
    await expect.poll(() => page.evaluate(() => document.querySelector('.survey-progress')!.getBoundingClientRect().top)).toBeGreaterThanOrEqual(-1);
    const heading = await page.getByRole('heading', { name: FIRST_PAGE_TITLE }).boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(-1);
    expect(heading!.y + heading!.height).toBeLessThanOrEqual(740);
    expect(await axeViolations(page)).toEqual([]);

    // Half of it, then a reload: the answers and the page are kept.
    await answerCurrentPage(page, 2);
    await next(page).click();
    await expect.poll(() => progress(page)).toMatch(/^Side 2 af/);
    await answerCurrentPage(page, 2);
    const before = await page.locator('.sd-page input[type=radio]:checked').count();
    expect(before).toBeGreaterThan(0);
    await page.reload();
    await page.getByText('Vi har gemt dine svar på denne telefon eller computer').waitFor();
    expect(await progress(page)).toMatch(/^Side 2 af/);
    expect(await page.locator('.sd-page input[type=radio]:checked').count()).toBe(before);

    // The rest, sent while the connection is gone: the page retries with the same submission id.
    const ids: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/responses')) ids.push((r.postDataJSON() as { submissionId: string }).submissionId);
    });
    await next(page).click();
    await answerToTheEnd(page, 3);
    await page.route('**/api/s/*/responses', (route) => route.abort('internetdisconnected'));
    await complete(page).click();
    await page.getByText('Forbindelsen svigtede').waitFor();
    // A reload while it is still unsent resumes the same submission (the draft is not shown again).
    await page.reload();
    await page.getByText('Forbindelsen svigtede').waitFor();
    await page.unroute('**/api/s/*/responses');
    await page.getByRole('button', { name: 'Send igen nu' }).click();
    await page.getByRole('heading', { name: 'Tak for dit svar' }).waitFor();
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(1);
    expect(await storedKeys(page)).toEqual([`gevinstspor.answered.${token}`]);

    // Counted once: the server already holds that submission (a resend is answered as a duplicate).
    const again = await context.request.post(`${app.baseUrl}/api/s/${token}/responses`, { data: { submissionId: ids[0], answers: {}, locale: 'da' } });
    expect((await again.json()).duplicate).toBe(true);

    // Opening the link again on this device asks first.
    await page.goto(`${app.baseUrl}/s/${token}`);
    await page.getByText('Du har allerede svaret på denne måling fra denne telefon eller computer. Vil du svare igen (fx hvis en kollega låner telefonen)?').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, svar igen' }).click();
    await start(page).waitFor();
    await context.close();
    await admin.close();
  });

  it('kiosk mode: two people in a row on one tablet, nothing of the first left for the second', { timeout: 180_000 }, async () => {
    const link = app.openLink();
    const context = await browser.browser.newContext(phone);
    const page = await context.newPage();
    const ids: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/responses')) ids.push((r.postDataJSON() as { submissionId: string }).submissionId);
    });
    await page.goto(`${link}?kiosk=1`);
    // The header (brand, "Fælles tablet", language switch) fits a 320 px screen: nothing cut off at the edge.
    await start(page).waitFor();
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      const english = await page.getByRole('button', { name: 'English' }).boundingBox();
      expect(english!.x + english!.width, `English button at ${width} px`).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize(phone.viewport);
    for (const person of [1, 2]) {
      await start(page).click();
      await page.getByRole('heading', { name: FIRST_PAGE_TITLE }).waitFor();
      // Nothing checked when the next person starts, nothing kept while they answer.
      expect(await page.locator('.sd-page input:checked').count()).toBe(0);
      await answerCurrentPage(page, person);
      expect(await storedKeys(page)).toEqual([]);
      await next(page).click();
      await answerToTheEnd(page, person);
      await complete(page).click();
      await page.getByRole('heading', { name: 'Tak for dit svar' }).waitFor();
      await page.getByText('Skemaet starter forfra').waitFor();
      expect(await storedKeys(page)).toEqual([]);
      if (person === 1) await page.getByRole('button', { name: 'Næste person' }).click();
    }
    // Never "have you answered before"; the thank-you resets by itself.
    await start(page).waitFor({ timeout: 15_000 });
    expect(await page.getByText('Du har allerede svaret').count()).toBe(0);
    expect(await page.locator('input:checked, textarea').evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked || (e as HTMLTextAreaElement).value).length)).toBe(0);
    expect(new Set(ids).size).toBe(2);
    await context.close();
  });

  it('tells a closed wave apart from a withdrawn link', { timeout: 120_000 }, async () => {
    const admin = await browser.browser.newContext();
    await loginAs(admin, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const projects = (await (await admin.request.get(`${app.baseUrl}/api/projects`)).json()) as { id: number }[] | { projects: { id: number }[] };
    const list = Array.isArray(projects) ? projects : projects.projects;
    let closedUrl: string | null = null;
    for (const p of list) {
      const body = (await (await admin.request.get(`${app.baseUrl}/api/projects/${p.id}/waves`)).json()) as { id: number; status: string }[] | { waves: { id: number; status: string }[] };
      const closed = (Array.isArray(body) ? body : body.waves).find((w) => w.status === 'closed');
      if (!closed) continue;
      const links = (await (await admin.request.get(`${app.baseUrl}/api/waves/${closed.id}/links`)).json()) as { links: { url: string }[] };
      closedUrl = links.links[0]?.url ?? null;
      if (closedUrl) break;
    }
    expect(closedUrl, 'the demo has a closed wave with links').toBeTruthy();
    const context = await browser.browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(closedUrl!.replace(/^https?:\/\/[^/]+/, app.baseUrl));
    // A closed wave's link leads on to the unit's feedback (issue 12; test/e2e/feedback.test.ts).
    await page.waitForURL(/\/p\/s\/[A-Za-z0-9_-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Det har I sagt – det gør vi' }).waitFor();
    expect(await page.getByText('Linket virker ikke længere').count()).toBe(0);
    await context.close();
    await admin.close();
  });
});
