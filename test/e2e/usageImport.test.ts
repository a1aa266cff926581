// The secretariat imports system usage (systemdata) for a behaviour in a real browser: pastes a CSV, sees the
// preview with a rejected row and a disabled import, fixes the text, imports, then uploads a file that replaces
// the figure — and finds it beside the self-reported adoption in the report's drill-down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, loginAs, startApp, type RunningApp } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';
const READ = 'Læser selv beboerens status i omsorgssystemet ved vagtstart';

describe.skipIf(!hasBrowser)('system usage import in the behaviour form', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let projectId: number;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.browser.newContext(desktop);
    await loginAs(context, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const projects = (await (await context.request.get(`${app.baseUrl}/api/projects`)).json()).projects as { id: number; name: string }[];
    projectId = projects.find((p) => p.name === PROJECT)!.id;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('previews, refuses a bad row, imports, replaces from a file and shows the figure in the drill-down', { timeout: 60_000 }, async () => {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/projects/${projectId}#adfaerd`);
    await page.getByRole('button', { name: `Redigér ${READ}` }).click();
    const panel = page.getByRole('region', { name: /^Systemdata/ });
    await panel.waitFor();
    const text = panel.getByLabel('CSV-indhold (systemdata)');
    const importButton = panel.getByRole('button', { name: 'Importér' });

    // 1. A pasted CSV with a unit that does not exist: the row is rejected with its reason, and nothing can be imported.
    await text.fill('enhed;fra;til;værdi\nPlejecenter Solhaven;2020-01-01;2030-12-31;12,5\nPlejecenter Findesikke;2020-01-01;2030-12-31;3');
    await panel.getByRole('button', { name: 'Vis forhåndsvisning af systemdata' }).click();
    await panel.getByRole('alert').waitFor();
    // Each preview table sits in a scrollable region named like its heading.
    const rejected = panel.getByRole('region', { name: 'Afviste rækker (1)' }).getByRole('table');
    const bad = rejected.getByRole('row').filter({ hasText: 'Plejecenter Findesikke' });
    expect(await bad.innerText()).toContain('Ingen enhed har det id eller navn.');
    expect(await bad.innerText()).toContain('Plejecenter Findesikke');
    expect(await importButton.isDisabled()).toBe(true);
    expect(await panel.innerText()).toContain('1 oprettes, 0 erstattes, 1 afvises.');
    expect(await axeViolations(page)).toEqual([]);

    // 2. Fixed in the field: the preview is stale until shown again; then the import is allowed and done.
    await text.fill('enhed;fra;til;værdi\nPlejecenter Solhaven;2020-01-01;2030-12-31;12,5');
    await panel.getByText('Indholdet er ændret efter forhåndsvisningen.', { exact: false }).first().waitFor();
    expect(await importButton.isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Vis forhåndsvisning af systemdata' }).click();
    // The stale preview also listed one figure to create, so wait for the new one: the import becomes allowed.
    await expect.poll(() => importButton.isDisabled(), { timeout: 10_000 }).toBe(false);
    const created = panel.getByRole('region', { name: 'Tal, der oprettes (1)' }).getByRole('table');
    expect(await created.innerText()).toMatch(/Plejecenter Solhaven[\s\S]*12,5/);
    expect(await panel.getByRole('region', { name: /Afviste rækker/ }).count()).toBe(0);
    await importButton.click();
    await panel.getByRole('status').filter({ hasText: 'Systemdata er gemt: 1 oprettet, 0 erstattet.' }).waitFor();
    expect(await panel.getByRole('region', { name: 'Gemte tal (1)' }).innerText()).toContain('12,5');

    // 3. A file from the IT system (Windows-1252, as old Excel saves it) replaces the figure for the same period.
    const file = Buffer.from('enhed;fra;til;værdi\r\nPlejecenter Solhaven;2020-01-01;2030-12-31;14\r\n', 'latin1');
    await panel.getByLabel('Vælg CSV-fil med systemdata').setInputFiles({ name: 'systemdata.csv', mimeType: 'text/csv', buffer: file });
    await expect.poll(() => text.inputValue()).toContain('værdi');
    await panel.getByRole('button', { name: 'Vis forhåndsvisning af systemdata' }).click();
    const replaced = panel.getByRole('region', { name: 'Tal, der erstattes (1)' }).getByRole('table');
    expect(await replaced.innerText()).toMatch(/12,5[\s\S]*14/);
    await importButton.click();
    await panel.getByRole('status').filter({ hasText: 'Systemdata er gemt: 0 oprettet, 1 erstattet.' }).waitFor();

    // 4. In the report's drill-down, beside the unit's self-reported adoption.
    await page.goto(`${app.baseUrl}/projects/${projectId}/report`);
    const usage = page.getByRole('region', { name: READ, exact: true }).getByRole('table', { name: /^Systemdata ved siden af selvrapporteret adoption/ });
    await usage.waitFor();
    const row = usage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Plejecenter Solhaven' }) });
    expect(await row.innerText()).toContain('14');
    expect(await row.innerText()).not.toContain('12,5');
    await page.close();
  });
});
