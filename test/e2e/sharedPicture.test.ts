// The shared picture in a real browser: the secretariat chooses its sections and makes a unit's link in the project's
// "Fælles billede" section; anyone with the link reads the page without logging in (Danish first, English where
// filled in and "Danish only" where not), the unit's agreed description is on it, a section switched off is not,
// print hides the controls; after the link is withdrawn the page says so. axe-core on both pages.
import { describe, expect, it } from 'vitest';
import { axeViolations, hasBrowser, phone, SECRETARIAT, useBrowserSuite } from '../support/browser';

describe.skipIf(!hasBrowser)('shared picture', () => {
  const suite = useBrowserSuite();

  it('is chosen and shared by the secretariat, read without login, and withdrawn', { timeout: 90_000 }, async () => {
    const { context: admin, page } = await suite.openPage({ login: SECRETARIAT });
    const base = suite.app.baseUrl;
    const api = async (method: 'get' | 'post' | 'put' | 'patch', path: string, data?: unknown) => {
      const res = await admin.request[method](`${base}${path}`, data === undefined ? undefined : { data });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    const project = (await api('post', '/api/projects', { name: 'Digital vagtstart', nameEn: 'Digital shift start', purpose: 'Mere tid til beboerne ved vagtstart.' })).project;
    const unit = (await api('post', '/api/units', { name: 'Plejecenter Lærkehøj', headcount: 30 })).unit;
    await api('put', `/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2027-03-01' });
    const behaviour = (await api('post', `/api/projects/${project.id}/behaviours`, { title: 'Læser selv beboerens status', titleEn: 'Reads the resident\'s status', oldBehaviour: 'Fælles oplæsning ved vagtstart' })).behaviour;
    await api('post', `/api/projects/${project.id}/benefits`, { title: 'Mere tid til kerneopgaven' });
    await api('put', `/api/projects/${project.id}/units/${unit.id}/behaviours/${behaviour.id}/description`, { description: 'Hos os læser vi status på tabletten inden kl. 7.05.' });

    await page.goto(`${base}/projects/${project.id}#overblik`);
    const section = page.getByRole('region', { name: 'Fælles billede' });
    await section.getByLabel('Tidsplan for idriftsættelse').uncheck();
    await section.getByRole('button', { name: 'Gem valget' }).click();
    await section.getByText('Valget er gemt').waitFor();
    await section.getByLabel('Link til').selectOption({ label: 'Plejecenter Lærkehøj' });
    await section.getByRole('button', { name: 'Lav link' }).click();
    const url = await section.locator('code.share-url').first().innerText();
    expect(url).toMatch(/\/p\/[A-Za-z0-9_-]+$/);
    await section.getByRole('img', { name: /QR-kode til det fælles billede for Plejecenter Lærkehøj/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Anyone with the link, on a phone, without an account.
    const staff = await suite.browser.newContext(phone);
    const view = await staff.newPage();
    // The page works under the site's Content-Security-Policy: the browser refuses nothing.
    const refused: string[] = [];
    view.on('console', (m) => /Refused to|Content Security Policy/i.test(m.text()) && refused.push(m.text()));
    await view.goto(`${base}${new URL(url).pathname}`);
    await view.getByRole('heading', { level: 1, name: 'Digital vagtstart' }).waitFor();
    const text = await view.locator('main').innerText();
    expect(text).toContain('Mere tid til beboerne ved vagtstart.');
    expect(text).toContain('Fælles oplæsning ved vagtstart');
    expect(text).toContain('Hos os læser vi status på tabletten inden kl. 7.05.');
    expect(text).toContain('Mere tid til kerneopgaven');
    expect(text).not.toContain('Hvornår sker det?');
    expect(await axeViolations(view)).toEqual([]);

    // English where it was filled in; the Danish, marked, where not.
    await view.getByRole('button', { name: 'English' }).click();
    await view.getByRole('heading', { level: 1, name: 'Digital shift start' }).waitFor();
    expect(await view.getByRole('heading', { name: /Reads the resident's status/ }).count()).toBe(1);
    expect(await view.locator('[lang="da"]', { hasText: 'Fælles oplæsning ved vagtstart' }).innerText()).toContain('Danish only');
    expect(await axeViolations(view)).toEqual([]);

    // Printed on A4: the page's controls are not on paper.
    await view.emulateMedia({ media: 'print' });
    expect(await view.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await view.locator('.answer-header').isVisible()).toBe(false);
    await view.emulateMedia({ media: 'screen' });

    page.once('dialog', (d) => void d.accept());
    await section.getByRole('button', { name: 'Træk tilbage – linket til Plejecenter Lærkehøj' }).click();
    await section.getByText('Linket er trukket tilbage.').waitFor();
    await view.reload();
    await view.getByRole('heading', { level: 1, name: 'The link does not work' }).waitFor();
    expect(await view.locator('main').innerText()).not.toContain('Digital');
    expect(refused).toEqual([]);
    await staff.close();
    await admin.close();
  });
});
