// Accounts in a real browser: the secretariat invites a manager and the manager chooses a password through the
// invitation link (a used or unknown link is explained, not a blank page); a manager with no access to the demo
// project is refused its report in the page and by the API; a reset link ends the manager's sessions and lets them
// choose a new password; "Log ud alle steder" ends every session of the account.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SECRETARIAT, expectNoAxeViolations, hasBrowser, logInThroughForm, useBrowserSuite } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';
const INVITED = { email: 'leder.ny@demo.dk', name: 'Ny leder uden adgang' };

async function openUserEditor(page: Page, baseUrl: string, name: string) {
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${baseUrl}/users`);
  await page.getByRole('button', { name: `Redigér ${name}` }).click();
}

describe.skipIf(!hasBrowser)('accounts: invitation and reset links, refused reports, logging out everywhere', () => {
  const suite = useBrowserSuite();
  let inviteUrl = '';

  it('lets the secretariat invite a manager, who chooses a password through the link and is logged in', async () => {
    const { context: admin, page } = await suite.openPage({ login: SECRETARIAT });
    await page.goto(`${suite.app.baseUrl}/users`);
    const form = page.getByRole('region', { name: 'Opret bruger' });
    await form.getByLabel('E-mail', { exact: true }).fill(INVITED.email);
    await form.getByLabel('Navn', { exact: true }).fill(INVITED.name);
    // An invitation link is the default way in.
    expect(await form.getByLabel('Sådan kommer brugeren i gang').inputValue()).toBe('invite');
    await form.getByRole('button', { name: 'Opret bruger' }).click();
    const box = page.getByRole('region', { name: `Invitationslink til ${INVITED.name}` });
    await expect.poll(() => box.isVisible()).toBe(true);
    inviteUrl = await box.getByLabel('Link').inputValue();
    expect(new URL(inviteUrl).pathname).toMatch(/^\/invite\/[\w-]{20,}$/);
    expect(await box.getByRole('button', { name: 'Kopiér linket' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, '/users with an invitation link');
    await admin.close();

    const { context, page: invited } = await suite.openPage();
    await invited.goto(`${suite.app.baseUrl}${new URL(inviteUrl).pathname}`);
    await expect.poll(() => invited.getByRole('heading', { level: 1, name: 'Velkommen til Gevinstspor' }).isVisible()).toBe(true);
    await expect.poll(() => invited.getByText(`Konto: ${INVITED.name} (${INVITED.email})`).isVisible()).toBe(true);
    await expectNoAxeViolations(invited, '/invite/<token>');
    // Too short, then two different ones: each is said at the field and nothing is sent.
    await invited.getByLabel('Adgangskode', { exact: true }).fill('kort');
    await invited.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
    await expect.poll(() => invited.getByText('Brug mindst 10 tegn.').isVisible()).toBe(true);
    await invited.getByLabel('Adgangskode', { exact: true }).fill('en lang ny adgangskode');
    await invited.getByLabel('Gentag adgangskode').fill('en anden lang kode');
    await invited.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
    await expect.poll(() => invited.getByText('De to nye adgangskoder er ikke ens.').isVisible()).toBe(true);
    await invited.getByLabel('Gentag adgangskode').fill('en lang ny adgangskode');
    await invited.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
    await expect.poll(() => invited.getByRole('heading', { level: 1, name: 'Projekter' }).isVisible()).toBe(true);
    expect(new URL(invited.url()).pathname).toBe('/projects');
    await expect.poll(async () => (await (await invited.request.get(`${suite.app.baseUrl}/api/auth/me`)).json()).user.email).toBe(INVITED.email);
    await context.close();
  });

  it('explains a used or unknown link instead of showing the form', async () => {
    const { context, page } = await suite.openPage();
    await page.goto(`${suite.app.baseUrl}${new URL(inviteUrl).pathname}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Linket er allerede brugt');
    expect(await page.getByLabel('Gentag adgangskode').count()).toBe(0);
    await page.goto(`${suite.app.baseUrl}/reset/det-her-link-findes-ikke`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Linket er ikke gyldigt');
    await expectNoAxeViolations(page, '/reset/<unknown>');
    await page.getByRole('link', { name: 'Gå til login' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Log ind' }).isVisible()).toBe(true);
    await context.close();
  });

  it("refuses a manager another unit's report, in the page and in the API", async () => {
    const { context, page } = await suite.openPage({ login: { email: INVITED.email, password: 'en lang ny adgangskode' } });
    const { context: admin, page: adminPage } = await suite.openPage({ login: SECRETARIAT });
    const projects = (await (await adminPage.request.get(`${suite.app.baseUrl}/api/projects`)).json()).projects as { id: number; name: string }[];
    const demo = projects.find((p) => p.name === PROJECT);
    expect(demo).toBeDefined();
    await admin.close();

    // The manager has no scopes: the project is not in their list, its report neither opens nor answers.
    await page.goto(`${suite.app.baseUrl}/projects`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Projekter' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: PROJECT, exact: true }).count()).toBe(0);
    await page.goto(`${suite.app.baseUrl}/projects/${demo!.id}/report`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('findes ikke');
    expect(await page.getByText(PROJECT).count()).toBe(0);
    const res = await page.request.get(`${suite.app.baseUrl}/api/projects/${demo!.id}/report`);
    expect(res.status()).toBe(404);
    await context.close();
  });

  it('resets the password by a link: the old sessions end and the manager chooses a new one', async () => {
    const { context: managerContext, page: manager } = await suite.openPage({ login: { email: INVITED.email, password: 'en lang ny adgangskode' } });
    const { context: admin, page } = await suite.openPage({ login: SECRETARIAT });
    await openUserEditor(page, suite.app.baseUrl, INVITED.name);
    await page.getByRole('button', { name: 'Nulstil adgangskode' }).click();
    const box = page.getByRole('region', { name: `Link til ny adgangskode til ${INVITED.name}` });
    await expect.poll(() => box.isVisible()).toBe(true);
    const resetUrl = await box.getByLabel('Link').inputValue();
    expect(new URL(resetUrl).pathname).toMatch(/^\/reset\//);
    await admin.close();

    expect((await manager.request.get(`${suite.app.baseUrl}/api/auth/me`)).status()).toBe(401);
    await manager.goto(`${suite.app.baseUrl}${new URL(resetUrl).pathname}`);
    await expect.poll(() => manager.getByRole('heading', { level: 1, name: 'Vælg en ny adgangskode' }).isVisible()).toBe(true);
    await manager.getByLabel('Adgangskode', { exact: true }).fill('nulstillet kode til lederen');
    await manager.getByLabel('Gentag adgangskode').fill('nulstillet kode til lederen');
    await manager.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
    await expect.poll(() => manager.getByRole('heading', { level: 1, name: 'Projekter' }).isVisible()).toBe(true);
    await managerContext.close();
  });

  it('"Log ud alle steder" ends every session of the account', async () => {
    const login = { email: INVITED.email, password: 'nulstillet kode til lederen' };
    const { context: first, page } = await suite.openPage({ login });
    const { context: second, page: other } = await suite.openPage({ login });
    expect((await other.request.get(`${suite.app.baseUrl}/api/auth/me`)).status()).toBe(200);
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${suite.app.baseUrl}/projects`);
    await page.getByRole('button', { name: 'Log ud alle steder' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Log ind' }).isVisible()).toBe(true);
    expect((await other.request.get(`${suite.app.baseUrl}/api/auth/me`)).status()).toBe(401);
    // Logging in again works.
    await logInThroughForm(page, suite.app.baseUrl, login.email, login.password);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Projekter' }).isVisible()).toBe(true);
    await first.close();
    await second.close();
  });
  it('makes the manager a project lead (Projektleder) of the demo project, which they then see', async () => {
    const { context: admin, page } = await suite.openPage({ login: SECRETARIAT });
    await openUserEditor(page, suite.app.baseUrl, INVITED.name);
    const details = page.getByRole('form', { name: 'Navn, rolle og sprog' });
    await details.getByLabel('Rolle').selectOption({ label: 'Projektleder' });
    await details.getByRole('button', { name: 'Gem navn, rolle og sprog' }).click();
    await expect.poll(() => details.getByText(`Ændringerne for ${INVITED.name} er gemt.`).isVisible()).toBe(true);
    const scopes = page.getByRole('form', { name: `Adgang for ${INVITED.name}` });
    const led = scopes.getByRole('group', { name: `Projekter, ${INVITED.name} leder (må redigere)` });
    await expect.poll(() => led.isVisible()).toBe(true);
    await led.getByRole('checkbox', { name: PROJECT }).check();
    await scopes.getByRole('button', { name: 'Gem adgang' }).click();
    await expect.poll(() => scopes.getByText(`Adgangen for ${INVITED.name} er gemt.`).isVisible()).toBe(true);
    await expectNoAxeViolations(page, '/users with a project lead');
    await admin.close();

    const { context, page: lead } = await suite.openPage({ login: { email: INVITED.email, password: 'nulstillet kode til lederen' } });
    await lead.goto(`${suite.app.baseUrl}/projects`);
    await expect.poll(() => lead.getByRole('link', { name: PROJECT, exact: true }).isVisible()).toBe(true);
    // Inside the project they lead, they edit like the secretariat: the project's form is there, not a read-only view.
    await lead.getByRole('link', { name: PROJECT, exact: true }).click();
    await expect.poll(() => lead.getByRole('textbox', { name: 'Projektets navn' }).isVisible()).toBe(true);
    await context.close();
  });
});
