// The manager dashboard in a real browser: the overview first, the heatmap of units × behaviours (level and
// change, hidden cells marked, go-live status), the drill-down with the comparison group, a chart as PNG, the
// printable steering-group report, axe-core on both pages, and no sideways page scroll on a 360 px phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, loginAs, phone, startApp, type RunningApp } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';

describe.skipIf(!hasBrowser)('the manager report: overview, heatmap, drill-down and the printable report', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let projectId: number;
  let secretariat: BrowserContext;

  const get = async (context: BrowserContext, path: string) => {
    const res = await context.request.get(`${app.baseUrl}${path}`);
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    secretariat = await browser.browser.newContext(desktop);
    await loginAs(secretariat, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    projectId = ((await get(secretariat, '/api/projects')).projects as { id: number; name: string }[]).find((p) => p.name === PROJECT)!.id;
  });
  afterAll(async () => {
    await secretariat?.close();
    await browser?.close();
    await app?.stop();
  });

  it('shows a manager the overview first, then the heatmap with go-live status', async () => {
    const context = await browser.browser.newContext(desktop);
    await loginAs(context, app.baseUrl, 'leder@demo.dk', 'leder-demo');
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/projects/${projectId}/report`);
    const overview = page.getByRole('region', { name: 'Overblik' });
    await overview.waitFor();
    // The primary behaviour's card comes first, with before → after, the label in words and numbers and the design.
    const firstCard = overview.getByRole('listitem').first();
    expect(await firstCard.innerText()).toContain('Primær adfærd');
    expect(await firstCard.innerText()).toMatch(/Før[\s\S]*Efter/i);
    expect(await firstCard.innerText()).toMatch(/(Sandsynlig forbedring|Ingen væsentlig ændring|For tidligt at sige|Få svar)[^\n]*procentpoint \([^)]*svar\)/);
    expect(await firstCard.innerText()).toMatch(/Svarprocent: \d+\s%/);
    // The sections come in order: overview, heatmap, drill-downs.
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings.indexOf('Overblik')).toBeLessThan(headings.indexOf('Enheder og adfærd'));
    expect(headings.indexOf('Enheder og adfærd')).toBeLessThan(headings.findIndex((h) => h.startsWith('Læser selv')));
    const heatmap = page.getByRole('table', { name: /^Andel ofte\/altid pr\. enhed og adfærd/ });
    await heatmap.waitFor();
    // The manager leads Solhaven: its row, with its go-live, and no other centre's.
    const sol = heatmap.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Plejecenter Solhaven' }) });
    expect(await sol.innerText()).toMatch(/I drift siden \d+\. \w+\.? \d{4}/);
    expect(await heatmap.getByRole('rowheader', { name: 'Plejecenter Egebo' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the secretariat hidden cells, the change per unit, the comparison group and a chart as PNG', { timeout: 60_000 }, async () => {
    const report = (await get(secretariat, `/api/projects/${projectId}/report`)).report;
    // Close the open wave: its small teams answered nobody, so their cells are hidden once per-unit numbers show.
    const open = (report.waves as { id: number; status: string }[]).find((w) => w.status === 'open');
    if (open) expect((await secretariat.request.post(`${app.baseUrl}/api/waves/${open.id}/close`, { data: {} })).status()).toBe(200);
    const after = (await get(secretariat, `/api/projects/${projectId}/report`)).report;
    // System usage for one unit of the first measured behaviour, shown beside its self-reported adoption.
    const usageBehaviour = (after.behaviours as { id: number; title: string; adoption: unknown }[]).find((b) => b.adoption)!;
    const usageUnit = (after.units as { id: number | null; name: string }[]).find((u) => u.id !== null)!;
    const csv = `enhed;fra;til;værdi\n${usageUnit.name};2020-01-01;2030-12-31;12,5`;
    expect((await secretariat.request.post(`${app.baseUrl}/api/behaviours/${usageBehaviour.id}/usage/import`, { data: { csv } })).status()).toBe(200);

    const page = await secretariat.newPage();
    await page.goto(`${app.baseUrl}/projects/${projectId}/report`);
    const heatmap = page.getByRole('table', { name: /^Andel ofte\/altid pr\. enhed og adfærd/ });
    await heatmap.waitFor();
    // A hidden cell shows the hidden words, never a number; a lagging or not-yet-live unit is spelled out.
    const hidden = heatmap.locator('td.heat-hidden');
    expect(await hidden.count()).toBeGreaterThan(0);
    expect(await hidden.first().innerText()).toBe('Skjult for at beskytte små grupper');
    expect(await heatmap.innerText()).toContain('Ikke i drift endnu');
    // Coloured cells carry their number in text, in black or white for contrast.
    const coloured = heatmap.locator('td.heat-cell:not(.heat-hidden):not(.heat-empty)').first();
    expect(await coloured.innerText()).toMatch(/\d+\s%/);
    expect(await coloured.evaluate((td) => getComputedStyle(td).color)).toMatch(/^rgb\((0, 0, 0|255, 255, 255)\)$/);

    const usageTable = page.getByRole('region', { name: usageBehaviour.title, exact: true }).getByRole('table', { name: /^Systemdata ved siden af selvrapporteret adoption/ });
    expect(await usageTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: usageUnit.name }) }).innerText()).toContain('12,5');

    // Toggle to the change per unit.
    await page.getByRole('radio', { name: 'Ændring' }).check();
    const changes = page.getByRole('table', { name: /^Ændring pr\. enhed og adfærd/ });
    await changes.waitFor();
    const withUnitChanges = (after.behaviours as { unitChanges?: unknown[] }[]).some((b) => b.unitChanges?.length);
    if (withUnitChanges) expect(await changes.innerText()).toMatch(/[+−]?\d+ pp/);
    else await page.getByText('Ændringen pr. enhed er ikke med i denne rapport endnu.').waitFor();

    // The comparison with units not yet live, where the server has one: its words and numbers on the page.
    const compared = (after.behaviours as { title: string; comparison?: { available: boolean; label?: { da: string } } }[]).find((b) => b.comparison?.available);
    if (compared) {
      const section = page.getByRole('region', { name: compared.title, exact: true });
      const text = await section.innerText();
      expect(text).toContain(`Sammenligningsgruppe: ${compared.comparison!.label!.da}`);
      expect(text).toMatch(/procentpoint \([+−]?\d+ til [+−]?\d+\)/);
    } else {
      expect(await page.getByText('Før/efter uden sammenligningsgruppe').count()).toBeGreaterThan(0);
    }

    // The barrier profile reads "up is good", old behaviour included, with what each barrier calls for.
    const barriers = page.getByRole('table', { name: /barriereprofil pr\. enhed/ }).first();
    const barrierText = await barriers.innerText();
    expect(barrierText).toContain('Sjældent/aldrig den gamle måde');
    expect(barrierText).toContain('træning og vejledning');
    expect(barrierText).toContain('tid, udstyr eller adgang');
    expect(barrierText).toContain('forklar hvorfor');

    // Each chart as a PNG.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Hent som PNG/ }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    // The XLSX of exactly what the page shows.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Hent som Excel/ }).first().click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^gevinstspor-.*\.xlsx$/);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(await xlsx.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('opens the printable steering-group report with the benefits and what the numbers can and cannot say', async () => {
    const page = await secretariat.newPage();
    await page.goto(`${app.baseUrl}/projects/${projectId}/report`);
    await page.getByRole('link', { name: /Gevinstrealiseringsrapport til styregruppen/ }).click();
    await page.getByRole('heading', { level: 1, name: `Gevinstrealiseringsrapport: ${PROJECT}` }).waitFor();
    const benefits = page.getByRole('region', { name: 'Gevinster' });
    await benefits.getByText('Mere tid til kerneopgaven').waitFor();
    // The negative benefit is there with its own words, as a card like the positive one.
    expect(await benefits.innerText()).toContain('Ulempe (negativ gevinst)');
    expect(await benefits.getByRole('listitem').count()).toBe(2);
    const evidence = page.getByRole('region', { name: 'Hvad tallene kan og ikke kan sige' });
    expect(await evidence.innerText()).toContain('uden sammenligningsgruppe kan ikke skille projektet');
    expect(await evidence.innerText()).toMatch(/færre end \d+ svar/);
    await page.getByRole('heading', { name: 'Hvor halter det?' }).waitFor();
    await page.getByRole('button', { name: 'Udskriv / gem som PDF' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Printed on A4 (about 182 mm between the margins): nothing reaches past the right margin.
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.print-report *')].filter((el) => el.getBoundingClientRect().right > width + 1).map((el) => el.tagName + '.' + el.className);
    });
    expect(overflow).toEqual([]);
    await page.close();
  });

  it('has no sideways page scroll at 360 px', async () => {
    const context = await browser.browser.newContext(phone);
    await loginAs(context, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/projects/${projectId}/report`);
    await page.getByRole('region', { name: 'Overblik' }).waitFor();
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(0);
    const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await context.close();
  });
});
