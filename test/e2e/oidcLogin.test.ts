// Signing in through the municipality's identity provider in a real browser: the login page shows the button, the
// provider's own pages are filled in, and the browser lands in the app as admin; a user in no mapped group comes
// back to the login page with the reason in Danish. The provider is a real OpenID Connect provider on a loopback port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, startApp, type RunningApp } from '../support/browser';
import { OIDC_CLIENT, startTestProvider, type TestProvider } from '../support/oidcProvider';

describe.skipIf(!hasBrowser)('login through the identity provider (OIDC) in a browser', () => {
  let app: RunningApp;
  let appUrl: string;
  let idp: TestProvider;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    // The provider's address goes into the app's environment; the app's address (its port) then into the provider.
    idp = await startTestProvider();
    idp.accounts.set('anne', { email: 'anne.admin@kommune.dk', name: 'Anne Admin', groups: ['grp-admins'] });
    idp.accounts.set('carl', { email: 'carl@kommune.dk', name: 'Carl Kantine', groups: ['grp-canteen'] });
    app = await startApp({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT.clientId,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
      OIDC_ROLE_GROUPS: JSON.stringify({ admin: ['grp-admins'], manager: ['grp-managers'] }),
      OIDC_LABEL: 'Kommunens Entra ID',
    });
    // PUBLIC_URL is left at its default, http://localhost:<port>, and the browser uses that address too: the
    // provider (127.0.0.1) and the app (localhost) are then different sites, as in real life.
    appUrl = app.baseUrl.replace('127.0.0.1', 'localhost');
    idp.register(`${appUrl}/api/auth/oidc/callback`);
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    await idp?.close();
  });

  /** From the login page through the provider's development login and consent pages, in a fresh browser. */
  async function signInAs(accountId: string): Promise<Page> {
    const page = await (await browser.newContext(desktop)).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${appUrl}/login`);
    await page.getByRole('link', { name: 'Log ind med Kommunens Entra ID' }).click();
    await page.locator('input[name="login"]').fill(accountId);
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === appUrl);
    return page;
  }

  it('shows the button beside the password form, and an admin lands in the app', async () => {
    const page = await (await browser.newContext(desktop)).newPage();
    await page.goto(`${appUrl}/login`);
    await expect.poll(() => page.getByRole('link', { name: 'Log ind med Kommunens Entra ID' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Adgangskode').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    const signedIn = await signInAs('anne');
    await expect.poll(() => new URL(signedIn.url()).pathname).toBe('/projects');
    // Admin-only navigation: the users page.
    await expect.poll(() => signedIn.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Brugere' }).isVisible()).toBe(true);
    await signedIn.context().close();
  });

  it('sends a user in no mapped group back to the login page with the reason', async () => {
    const page = await signInAs('carl');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Du er ikke med i en gruppe, der giver adgang til Gevinstspor');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
