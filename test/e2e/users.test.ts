// Account management in a real browser: the secretariat creates a manager for one care centre with a temporary
// password, reads it off the page and gives access to that unit; the manager logs in with it, must choose their own
// password before anything else, then finds the demo project and sees only their own unit's rows in its report, and
// later changes the password again under "Skift adgangskode".
// axe-core finds no serious violations on /users (list, the temporary password box, the open editor), the forced
// password change or /password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, startApp, type RunningApp, logInThroughForm } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';
const NEW_MANAGER = { email: 'leder.egebo@demo.dk', name: 'Centerleder for Egebo' };
const OTHER_UNITS = ['Plejecenter Solhaven', 'Plejecenter Lindely', 'Nattevagten, Lindely', 'Afløserteamet'];

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe.skipIf(!hasBrowser)('users: the secretariat creates a unit manager who then sees only that unit', () => {
  let app: RunningApp;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    const launched = await launchBrowser();
    closeBrowser = launched.close;
    context = await launched.browser.newContext(desktop);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    await context?.close();
    await closeBrowser?.();
    await app?.stop();
  });

  let temporaryPassword = '';

  it('creates a manager, shows the temporary password once and scopes the manager to one unit', async () => {
    await logInThroughForm(page, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Brugere' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Brugere' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 3, name: 'Centerleder Hanne Jensen' }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/users');
    await expectNoAxeViolations(page, '/users');

    // A bad e-mail is shown next to the field, and nothing is created.
    const form = page.getByRole('region', { name: 'Opret bruger' });
    await form.getByLabel('E-mail', { exact: true }).fill('ikke-en-email');
    await form.getByRole('button', { name: 'Opret bruger' }).click();
    await expect.poll(() => form.getByText('Skriv en gyldig e-mailadresse').isVisible()).toBe(true);
    expect(await form.getByLabel('E-mail', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-user-email');
    await expectNoAxeViolations(page, '/users with field errors');

    await form.getByLabel('E-mail', { exact: true }).fill(NEW_MANAGER.email);
    await form.getByLabel('Navn', { exact: true }).fill(NEW_MANAGER.name);
    await form.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Leder' });
    await form.getByLabel('Sådan kommer brugeren i gang').selectOption('temporaryPassword');
    await form.getByRole('button', { name: 'Opret bruger' }).click();

    const box = page.getByRole('region', { name: `Midlertidig adgangskode til ${NEW_MANAGER.name}` });
    await expect.poll(() => box.isVisible()).toBe(true);
    temporaryPassword = ((await box.locator('code').textContent()) ?? '').trim();
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Midlertidig adgangskode');
    expect(await box.getByRole('button', { name: 'Kopiér adgangskoden' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, '/users with the temporary password');

    // Give the new manager Plejecenter Egebo, by keyboard-reachable checkboxes.
    await page.getByRole('button', { name: `Redigér ${NEW_MANAGER.name}` }).click();
    const scopes = page.getByRole('form', { name: `Adgang for ${NEW_MANAGER.name}` });
    await scopes.getByRole('checkbox', { name: 'Plejecenter Egebo' }).check();
    await scopes.getByRole('button', { name: 'Gem adgang' }).click();
    await expect.poll(() => scopes.getByText(`Adgangen for ${NEW_MANAGER.name} er gemt.`).isVisible()).toBe(true);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: NEW_MANAGER.name }) });
    await expect.poll(() => card.getByText('Enhed: Plejecenter Egebo').isVisible()).toBe(true);
    await expectNoAxeViolations(page, '/users with an open editor');

    // The temporary password is gone once hidden, and not on a reloaded page.
    await box.getByRole('button', { name: 'Skjul adgangskoden' }).click();
    expect(await page.getByText(temporaryPassword).count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 3, name: NEW_MANAGER.name }).isVisible()).toBe(true);
    expect(await page.getByText(temporaryPassword).count()).toBe(0);

    await page.getByRole('button', { name: 'Log ud', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Log ind' }).isVisible()).toBe(true);
  });

  it('makes the new manager choose their own password at first login, then shows the demo project with only their unit', async () => {
    expect(temporaryPassword).not.toBe('');
    await logInThroughForm(page, app.baseUrl, NEW_MANAGER.email, temporaryPassword);
    // Nothing but the password change until a password of their own is chosen: no menu, no projects.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Vælg en ny adgangskode' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: PROJECT, exact: true }).count()).toBe(0);
    // The server refuses the rest meanwhile, too.
    expect((await page.request.get(`${app.baseUrl}/api/projects`)).status()).toBe(403);
    await expectNoAxeViolations(page, 'forced password change');
    await page.getByLabel('Nuværende adgangskode').fill('forkert-kode-123');
    await page.getByLabel('Ny adgangskode', { exact: true }).fill('min egen kode til egebo');
    await page.getByLabel('Gentag ny adgangskode').fill('min egen kode til egebo');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await expect.poll(() => page.getByText('Den nuværende adgangskode er forkert.').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pw-currentPassword');
    await page.getByLabel('Nuværende adgangskode').fill(temporaryPassword);
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();

    const projectLink = page.getByRole('link', { name: PROJECT, exact: true });
    await expect.poll(() => projectLink.isVisible()).toBe(true);
    // A manager has no "Brugere" in the menu.
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Brugere' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Se resultater' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Digital overlevering');
    await expect.poll(() => page.getByRole('rowheader', { name: 'Plejecenter Egebo', exact: true }).count()).toBeGreaterThan(0);
    for (const unit of OTHER_UNITS) {
      expect(await page.getByRole('rowheader', { name: unit, exact: true }).count(), unit).toBe(0);
      expect(await page.getByText(unit, { exact: true }).count(), unit).toBe(0);
    }
  });

  it('lets the manager change their password again, and the old one stops working', async () => {
    await page.getByRole('link', { name: 'Skift adgangskode' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Skift adgangskode' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, '/password');
    await page.getByLabel('Nuværende adgangskode').fill('min egen kode til egebo');
    await page.getByLabel('Ny adgangskode', { exact: true }).fill('endnu en kode til egebo');
    await page.getByLabel('Gentag ny adgangskode').fill('endnu en kode til egebo');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await expect.poll(() => page.getByText('Din adgangskode er skiftet.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, '/password after the change');

    // A manager who goes to /users directly gets a refusal, not the accounts.
    await page.goto(`${app.baseUrl}/users`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Du har ikke adgang');
    expect(await page.getByText('sekretariat@demo.dk').count()).toBe(0);

    await page.getByRole('button', { name: 'Log ud', exact: true }).click();
    await logInThroughForm(page, app.baseUrl, NEW_MANAGER.email, 'min egen kode til egebo');
    await expect.poll(() => page.getByText('Forkert e-mail eller adgangskode.').isVisible()).toBe(true);
    await page.getByLabel('Adgangskode').fill('endnu en kode til egebo');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect.poll(() => page.getByRole('link', { name: PROJECT, exact: true }).isVisible()).toBe(true);
  });
});
