// The secretariat's retention settings on the project page: a retention date with what it means, "delete raw
// answers now" behind a confirmation (refused while a wave is open, done once it is closed), and the DPO export as
// a download. A project lead (editor) sees none of it, as the server allows none of it to them. axe-core finds no
// serious violations, with the confirmation open too.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, loginAs, useBrowserSuite } from '../support/browser';

const ADMIN = { email: 'sekretariat@demo.dk', password: 'gevinst-demo' };
const EDITOR = { email: 'projektleder@demo.dk', password: 'projektleder-1234' };

describe.skipIf(!hasBrowser)('retention and the DPO export on the project page', () => {
  const suite = useBrowserSuite();
  let admin: BrowserContext;
  let editor: BrowserContext;
  let page: Page;
  let projectId: number;
  let waveId: number;

  beforeAll(async () => {
    admin = await suite.browser.newContext({ ...desktop, acceptDownloads: true });
    editor = await suite.browser.newContext(desktop);
    await loginAs(admin, suite.app.baseUrl, ADMIN.email, ADMIN.password);
    const post = async (path: string, data: unknown) => {
      const res = await admin.request.post(`${suite.app.baseUrl}${path}`, { data });
      if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    projectId = (await post('/api/projects', { name: 'Opbevaring' })).project.id;
    const unitId = (await post('/api/units', { name: 'Hjemmeplejen Syd', headcount: 30 })).unit.id;
    expect((await admin.request.put(`${suite.app.baseUrl}/api/projects/${projectId}/rollouts/${unitId}`, { data: { goLiveDate: null } })).ok()).toBe(true);
    expect((await admin.request.post(`${suite.app.baseUrl}/api/projects/${projectId}/behaviours`, { data: { title: 'Læser selv status' } })).ok()).toBe(true);
    waveId = (await post(`/api/projects/${projectId}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).wave.id;
    await post(`/api/waves/${waveId}/open`, {});
    const lead = (await post('/api/users', { email: EDITOR.email, name: 'Projektleder', role: 'editor', password: EDITOR.password })).user;
    expect((await admin.request.put(`${suite.app.baseUrl}/api/users/${lead.id}/scopes`, { data: { unitIds: [], projectIds: [], ledProjectIds: [projectId] } })).ok()).toBe(true);
    await loginAs(editor, suite.app.baseUrl, EDITOR.email, EDITOR.password);
    page = await admin.newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);

  const retention = async () => (await (await admin.request.get(`${suite.app.baseUrl}/api/projects/${projectId}/retention`)).json()).retention;

  it('sets a retention date, refuses a past one, and says what happens', { timeout: 90_000 }, async () => {
    await page.goto(`${suite.app.baseUrl}/projects/${projectId}`);
    const panel = page.getByRole('region', { name: 'Opbevaring og sletning af svar' });
    await panel.waitFor();
    await panel.getByText('Der er ingen opbevaringsdato').waitFor();
    expect(await panel.innerText()).toContain('Rapportens tal bevares');
    expect(await axeViolations(page)).toEqual([]);

    await panel.getByLabel('Opbevar rå svar til og med').fill('2099-12-31');
    await panel.getByRole('button', { name: 'Gem opbevaringsdato' }).click();
    await panel.getByText('Opbevaringsdatoen er gemt.').waitFor();
    await panel.getByText('De rå svar opbevares til og med 31. december 2099').waitFor();
    expect((await retention()).retentionUntil).toBe('2099-12-31');

    await panel.getByLabel('Opbevar rå svar til og med').fill('2020-01-01');
    await panel.getByRole('button', { name: 'Gem opbevaringsdato' }).click();
    await panel.getByRole('alert').getByText('Vælg i dag eller en senere dag').waitFor();
    expect((await retention()).retentionUntil).toBe('2099-12-31');
  });

  it('deletes raw answers only after the confirmation, and not while a wave is open', { timeout: 90_000 }, async () => {
    const panel = page.getByRole('region', { name: 'Opbevaring og sletning af svar' });
    const confirm = page.getByRole('dialog', { name: 'Slet de rå svar nu?' });
    await panel.getByRole('button', { name: 'Slet rå svar nu' }).click();
    await confirm.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Annullér' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect((await retention()).rawDeletedAt).toBeNull();

    // Confirmed, but the wave is still open: refused, nothing deleted.
    await panel.getByRole('button', { name: 'Slet rå svar nu' }).click();
    await confirm.getByRole('button', { name: 'Ja, slet de rå svar' }).click();
    await panel.getByText('En måling i projektet er åben eller planlagt').waitFor();
    expect((await retention()).rawDeletedAt).toBeNull();

    expect((await admin.request.post(`${suite.app.baseUrl}/api/waves/${waveId}/close`, { data: {} })).ok()).toBe(true);
    await panel.getByRole('button', { name: 'Slet rå svar nu' }).click();
    await confirm.getByRole('button', { name: 'Ja, slet de rå svar' }).click();
    await panel.getByText('De rå svar er slettet: 0 besvarelser.').waitFor();
    await panel.getByText(/De rå svar er slettet \(.+\)\. Kun rapportens tal er tilbage\./).waitFor();
    expect((await retention()).rawDeleted).toBe(true);
    // The date is history now: no form to change it.
    expect(await panel.getByLabel('Opbevar rå svar til og med').count()).toBe(0);
  });

  it('downloads the DPO export, and shows none of this to a project lead', { timeout: 90_000 }, async () => {
    const panel = page.getByRole('region', { name: 'Opbevaring og sletning af svar' });
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'DPO-eksport' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^dpo-project-${projectId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(doc.project.id).toBe(projectId);
    expect(JSON.stringify(doc)).toContain('Hjemmeplejen Syd');

    const lead = await editor.newPage();
    await lead.goto(`${suite.app.baseUrl}/projects/${projectId}`);
    // The lead edits the project's details, but retention and the export are the secretariat's.
    await lead.getByRole('button', { name: 'Gem projektoplysninger' }).waitFor();
    expect(await lead.getByRole('region', { name: 'Opbevaring og sletning af svar' }).count()).toBe(0);
    expect(await lead.getByRole('link', { name: 'DPO-eksport' }).count()).toBe(0);
  });
});
