// Feedback to staff in a real browser: after the wave closes, the same unit link leads to "Det har I sagt – det gør
// vi" — the unit's results in plain Danish, its agreed description and the action its leader recorded — and a
// unit too small to show shows a hidden cell with the reason, never its number. axe-core on both pages.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answersFor } from '../support/answers';
import { axeViolations, hasBrowser, phone, SECRETARIAT, useBrowserSuite } from '../support/browser';

describe.skipIf(!hasBrowser)('feedback on the unit link', () => {
  const suite = useBrowserSuite();

  it('shows the closed wave\'s results, the description and the actions, with a hidden cell for a small group', { timeout: 90_000 }, async () => {
    const { context: admin } = await suite.openPage({ login: SECRETARIAT });
    const base = suite.app.baseUrl;
    const api = async (method: 'get' | 'post' | 'put', path: string, data?: unknown) => {
      const res = await admin.request[method](`${base}${path}`, data === undefined ? undefined : { data });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    const project = (await api('post', '/api/projects', { name: 'Digital vagtstart' })).project;
    const units: { id: number; name: string }[] = [];
    for (const [name, headcount] of [['Lærkehøj', 20], ['Bøgely', 12], ['Nattevagten', 3]] as const) {
      const unit = (await api('post', '/api/units', { name, headcount })).unit;
      await api('put', `/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
      units.push(unit);
    }
    const behaviour = (await api('post', `/api/projects/${project.id}/behaviours`, { title: 'Læser selv beboerens status' })).behaviour;
    const wave = (await api('post', `/api/projects/${project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline' })).wave;
    await api('post', `/api/waves/${wave.id}/open`);
    const links = (await api('get', `/api/waves/${wave.id}/links`)).links as { unitId: number; token: string }[];
    const tokenOf = (unitId: number) => links.find((l) => l.unitId === unitId)!.token;
    const { itemMap } = await api('get', `/api/projects/${project.id}/survey/preview?phase=baseline`);
    // Lærkehøj: 7 of 10 often/always; Bøgely: 6; Nattevagten: 2 (too few, and Bøgely hidden with it).
    const answer = async (unitId: number, count: number, favourable: number) => {
      for (let i = 0; i < count; i++) await api('post', `/api/s/${tokenOf(unitId)}/responses`, { submissionId: randomUUID(), locale: 'da', answers: answersFor(itemMap, () => (i < favourable ? 5 : 2)) });
    };
    await answer(units[0].id, 10, 7);
    await answer(units[1].id, 6, 6);
    await answer(units[2].id, 2, 2);
    await api('put', `/api/projects/${project.id}/units/${units[0].id}/behaviours/${behaviour.id}/description`, { description: 'Vi læser status på tabletten inden kl. 7.05.' });
    await api('post', `/api/projects/${project.id}/actions`, { unitId: units[0].id, behaviourId: behaviour.id, type: 'capability', title: 'Sidemandsoplæring i omsorgssystemet', dueDate: '2027-04-01' });
    await api('post', `/api/projects/${project.id}/actions`, { unitId: units[1].id, behaviourId: behaviour.id, type: 'opportunity', title: 'Flere tablets på kontoret' });

    const staff = await suite.browser.newContext(phone);
    const page = await staff.newPage();
    const refused: string[] = [];
    page.on('console', (m) => /Refused to|Content Security Policy/i.test(m.text()) && refused.push(m.text()));
    // While the wave is open the link is the survey.
    await page.goto(`${base}/s/${tokenOf(units[0].id)}`);
    await page.locator('.sd-navigation__start-btn, .sd-question').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Det har I sagt – det gør vi' }).count()).toBe(0);

    await api('post', `/api/waves/${wave.id}/close`);
    // The same link (the poster's QR code) now leads to the feedback page, a page of the small shared bundle.
    await page.reload();
    await page.waitForURL(`${base}/p/s/${tokenOf(units[0].id)}`);
    await page.getByRole('heading', { level: 1, name: 'Det har I sagt – det gør vi' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('7 af 10 af jer gør det ofte eller altid.');
    expect(text).toContain('Vi læser status på tabletten inden kl. 7.05.');
    expect(text).toContain('Sidemandsoplæring i omsorgssystemet');
    expect(text).not.toContain('Flere tablets på kontoret');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/s/${tokenOf(units[2].id)}`);
    await page.getByRole('heading', { level: 1, name: 'Det har I sagt – det gør vi' }).waitFor();
    const hidden = await page.locator('main').innerText();
    expect(hidden).toContain('Skjult for at beskytte små grupper.');
    expect(hidden).toContain('Jeres resultater er skjult for at beskytte små grupper');
    expect(hidden).not.toMatch(/\d+ af \d+ af jer/);
    expect(await axeViolations(page)).toEqual([]);
    // Under the site's Content-Security-Policy the browser refused nothing (the bars are inline styles).
    expect(refused).toEqual([]);
    await staff.close();
    await admin.close();
  });
});
