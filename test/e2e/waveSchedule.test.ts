// The wave schedule in a real browser: the running wave's notice, a name example that follows the phase, a
// wave scheduled for later in Danish time, the suggested schedule and the reminder texts, with axe on each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, desktop, hasBrowser, launchBrowser, startApp, type RunningApp, logInThroughForm } from '../support/browser';

describe.skipIf(!hasBrowser)('the wave schedule', () => {
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

  it('schedules a wave, suggests a schedule and gives reminder texts', async () => {
    const context = await browser.browser.newContext(desktop);
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await logInThroughForm(page, app.baseUrl);
    await page.getByRole('link', { name: 'Digital overlevering på plejecentrene', exact: true }).click();
    await page.goto(`${page.url().split('#')[0]}#maalinger`);
    await expect.poll(() => page.getByRole('heading', { name: 'Ny måling' }).isVisible()).toBe(true);
    // The demo's 6-month follow-up is running; the project status is explained, not changed.
    await expect.poll(() => page.getByText(/Måling i gang: Opfølgning efter 6 måneder, lukker/).isVisible()).toBe(true);

    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Ny måling' }) });
    await expect.poll(() => form.getByText('Fx "Nulpunktsmåling marts 2027".').isVisible()).toBe(true);
    await form.getByRole('radio', { name: 'Opfølgning' }).check();
    await expect.poll(() => form.getByText('Fx "Opfølgning efter 3 måneder".').isVisible()).toBe(true);
    await form.getByLabel('Navn på måling').fill('Ekstra opfølgning');
    await form.getByLabel('Åbner (dansk tid)').fill('2099-03-02T08:00');
    await form.getByLabel('Lukker (dansk tid)').fill('2099-03-16T16:00');
    await form.getByRole('checkbox', { name: /Medtag enheder, der endnu ikke er i drift/ }).check();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Opret måling' }).click();
    await page.getByRole('button', { name: 'Planlæg Ekstra opfølgning' }).click();
    const item = page.locator('li.card', { has: page.getByRole('heading', { name: /Ekstra opfølgning/ }) });
    await expect.poll(() => item.getByText('Planlagt').isVisible()).toBe(true);
    await expect.poll(() => item.getByText(/Åbner 2\. marts 2099 kl\. 08\.00 · Lukker 16\. marts 2099 kl\. 16\.00/).isVisible()).toBe(true);

    // Its staff link already exists and says when it opens.
    await page.getByRole('button', { name: 'Vis links og QR-koder for Ekstra opfølgning' }).click();
    const link = item.getByRole('link', { name: /\/s\/[A-Za-z0-9_-]+$/ }).first();
    await expect.poll(() => link.count()).toBe(1);
    const staff = await context.newPage();
    await staff.goto((await link.getAttribute('href'))!);
    await expect.poll(() => staff.getByText('Åbner 2. marts 2099 kl. 08.00').isVisible()).toBe(true);
    // It says when, so it does not also say "ask your manager when".
    expect(await staff.getByText('Prøv igen, når det åbner.').isVisible()).toBe(true);
    expect(await staff.getByText(/Din leder ved, hvornår/).count()).toBe(0);
    expect(await axeViolations(staff)).toEqual([]);
    await staff.close();

    await page.getByRole('button', { name: 'Vis forslag til tidsplan' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Opret valgte som kladder' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The open wave's English name is marked English, its Danish label not.
    const english = page.locator('span[lang="en"]', { hasText: 'Follow-up after 6 months' });
    expect(await english.textContent()).toBe('Follow-up after 6 months');
    expect(await page.locator('[lang="en"]', { hasText: 'Engelsk navn' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Vis påmindelser for Opfølgning efter 6 måneder' }).click();
    // Both toggles of a wave say what they show or hide and for which wave, in one wording.
    expect(await page.getByRole('button', { name: 'Skjul påmindelser for Opfølgning efter 6 måneder' }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('button', { name: 'Skjul links og QR-koder for Ekstra opfølgning' }).getAttribute('aria-expanded')).toBe('true');
    // Each copy button worded as Danish writes it ("e-mailen", "intranetteksten"), not "Kopiér E-mail-tekst til".
    await expect.poll(() => page.getByRole('button', { name: /^Kopiér e-mailen til / }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /^Kopiér intranetteksten til / }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /-tekst til/ }).count()).toBe(0);
    await expect.poll(() => page.locator('.reminder-text').first().textContent()).toMatch(/\/s\/.*lukker|lukker/s);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
