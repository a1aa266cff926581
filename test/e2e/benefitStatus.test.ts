// Benefit status in a real browser (issue 12): the demo's benefit owner (the centre manager) finds the steering
// group's Gevinststatus page from the project, is told a reason is needed for "i risiko", sets "realiseret" with a
// reason, sees it in the badge and the history, and the printable gevinstrealiseringsrapport shows it with the
// actions and the units' descriptions. axe-core finds no serious violation on either page.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, hasBrowser, MANAGER, phone, SECRETARIAT, useBrowserSuite } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';
const BENEFIT = 'Mere tid til kerneopgaven';
const REASON = 'Overleveringen tager nu 9 minutter i alle tre centre.';

describe.skipIf(!hasBrowser)('benefit status', () => {
  const suite = useBrowserSuite();

  it('lets the owner set a status that the steering view and the print report show', { timeout: 60_000 }, async () => {
    const { context, page } = await suite.openPage({ login: MANAGER });
    await page.goto(`${suite.app.baseUrl}/projects`);
    await page.getByRole('link', { name: PROJECT }).click();
    await page.getByRole('link', { name: 'Gevinststatus til styregruppen' }).click();
    await page.getByRole('heading', { level: 1, name: `Gevinststatus: ${PROJECT}` }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/projects\/\d+\/gevinststatus$/);

    const card = page.getByRole('article', { name: new RegExp(BENEFIT) });
    // The demo's history: the latest status first, with its reason.
    await card.getByRole('heading', { name: 'Historik' }).waitFor();
    expect(await card.locator('.status-history li').count()).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(page, 'benefit status page');
    // The drawback is owned by the secretariat: the manager reads its status and history but gets no form.
    const drawback = page.getByRole('article', { name: /Mindre fælles faglig drøftelse/ });
    await drawback.getByRole('heading', { name: 'Historik' }).waitFor();
    expect(await drawback.getByRole('button', { name: 'Gem status' }).count()).toBe(0);

    // "I risiko" without a reason is refused in place, before anything is sent.
    await card.getByLabel('Ny status').selectOption({ label: 'I risiko' });
    await card.getByRole('button', { name: 'Gem status' }).click();
    await card.getByText('Skriv en begrundelse, når gevinsten er i risiko eller opgivet.').waitFor();

    await card.getByLabel('Ny status').selectOption({ label: 'Realiseret' });
    await card.getByLabel('Begrundelse', { exact: true }).fill(REASON);
    await card.getByRole('button', { name: 'Gem status' }).click();
    await page.getByRole('status').filter({ hasText: `Status for "${BENEFIT}" er gemt.` }).waitFor();
    await expect.poll(() => card.getByRole('heading', { level: 2 }).innerText()).toContain('Realiseret');
    expect(await card.locator('.status-history li').first().innerText()).toContain('Realiseret');
    expect(await card.innerText()).toContain(REASON);
    // The overview table at the top says it too.
    const overview = page.getByRole('table', { name: 'Gevinsterne og deres status' });
    expect(await overview.getByRole('row').filter({ hasText: BENEFIT }).innerText()).toContain('Realiseret');

    await page.getByRole('link', { name: 'Gevinstrealiseringsrapport (udskriv eller gem som PDF)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Handlinger i enhederne' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Sådan gør vi hos os: enhedernes egne beskrivelser' }).waitFor();
    const printed = page.locator('.benefit-list li').filter({ hasText: BENEFIT });
    await expect.poll(() => printed.innerText()).toContain('Realiseret');
    expect(await printed.innerText()).toContain(REASON);
    await expectNoAxeViolations(page, 'print report');
    await context.close();
  });

  it('reads at 360 px without sideways scrolling, and the secretariat gets a form for every benefit', async () => {
    const { context, page } = await suite.openPage({ device: phone, login: SECRETARIAT });
    await page.goto(`${suite.app.baseUrl}/projects`);
    await page.getByRole('link', { name: 'Gevinststatus til styregruppen' }).first().click();
    await page.getByRole('heading', { level: 1, name: `Gevinststatus: ${PROJECT}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Handlinger i enhederne' }).waitFor();
    expect(await page.getByRole('button', { name: 'Gem status' }).count()).toBe(2);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'benefit status page at 360 px');
    await context.close();
  });
});
