// The secretariat's audit log page in a real browser: reached from the main menu, it lists the secretariat's own
// login, filters by action, offers the CSV download with the same filters, and has no serious axe-core violations.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, hasBrowser, logInThroughForm, useBrowserSuite } from '../support/browser';

describe.skipIf(!hasBrowser)('audit log page', () => {
  const suite = useBrowserSuite();
  let page: Page;

  beforeAll(async () => {
    ({ page } = await suite.openPage());
  });

  it('lists entries, filters by action and links the CSV with the same filters', async () => {
    await logInThroughForm(page, suite.app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Logbog' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Logbog' }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/audit');
    await expect.poll(() => page.getByRole('cell', { name: 'auth.login', exact: true }).first().isVisible()).toBe(true);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await page.getByLabel('Handling').fill('report.view');
    await page.getByRole('button', { name: 'Vis' }).click();
    await expect.poll(() => page.getByText('Ingen poster passer til filtrene.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Hent som CSV' }).getAttribute('href')).toBe('/api/audit/export.csv?action=report.view');
  });
});
