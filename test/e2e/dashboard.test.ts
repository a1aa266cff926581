// The manager dashboard in a real browser: the overview first, the heatmap of units × behaviours (level and
// change, hidden cells marked, go-live status), the drill-down with the comparison group and its line, the
// comments under a behaviour, the breakdown by shift, a chart as PNG, the printable
// steering-group report on A4, axe-core on both pages, and tables that become cards on a 360 px phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, loginAs, phone, startApp, type RunningApp } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';
const READ = 'Læser selv beboerens status i omsorgssystemet ved vagtstart';
const WRITE = 'Skriver kort status i systemet efter hvert besøg';
/** The demo's answers to the primary behaviour's own free-text question (server/services/demo.ts). */
const BEHAVIOUR_COMMENTS = /hurtigere end oplæsningen|nå at læse det hele|ikke altid opdateret/;
const DEMO_COMMENTS = /telefonerne var ladet op|lære appen at kende|tale om de svære beboere|skriver kort og præcist|hurtigere end oplæsningen|nå at læse det hele|ikke altid opdateret/g;

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
    // A manager scoped to a unit never sees comments (they could come from anyone in the project): not under a
    // behaviour either, and the comments section says why once, with no wave left empty under it and no links to it.
    const commentsRegion = page.getByRole('region', { name: 'Kommentarer fra medarbejderne' });
    await commentsRegion.getByText('fordi du ser resultater for udvalgte enheder').waitFor();
    expect(await page.getByRole('heading', { name: 'Medarbejdernes kommentarer om denne adfærd' }).count()).toBe(0);
    expect(await commentsRegion.innerText()).toContain('De vises kun for hele projektet');
    expect(await commentsRegion.locator('details').count()).toBe(0);
    expect(await commentsRegion.innerText()).not.toContain('mindst 10 besvarelser');
    expect(await page.getByRole('link', { name: 'Se medarbejdernes kommentarer' }).count()).toBe(0);
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
    // A unit that was not live when the shown follow-up opened says so and is never marked as lagging.
    const early = heatmap.locator('td.heat-cell', { hasText: 'ikke i drift ved målingen' });
    for (const cell of await early.all()) expect(await cell.getAttribute('class')).not.toContain('lagging');
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

    // The comparison group's line: in the timeline's text alternative and as a row of the unit × wave table, with
    // the number of units pooled; never a number where the server hides it.
    const read = page.getByRole('region', { name: READ, exact: true });
    const line = (after.behaviours as { title: string; comparisonLine: { hidden: boolean; cells: number }[] | null }[]).find((b) => b.title === READ)!.comparisonLine;
    expect(line, 'the demo has a unit not yet live at the first follow-up').not.toBeNull();
    const unitTable = read.getByRole('table', { name: `${READ}: andel ofte/altid pr. enhed og måling` });
    const comparisonRow = unitTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sammenligningsgruppe (endnu ikke i drift)' }) });
    const rowText = await comparisonRow.innerText();
    expect(rowText).toMatch(/\d+\s%\s\(\d+–\d+\s%; n = \d+\)/);
    expect(rowText).toMatch(/\d+ enheder? lagt sammen/);
    expect(await read.locator('canvas[aria-label*="udvikling pr. måling"]').getAttribute('aria-label')).toMatch(/Sammenligningsgruppe \(endnu ikke i drift\): .*\d+\s%/);
    await read.getByText('Den grå, langt stiplede linje med åbne firkanter er sammenligningsgruppen').waitFor();

    // Comments under the behaviour whose own question asked for them (whole closed waves only); the other behaviour
    // has none of its own and links to the project's comments.
    await read.getByRole('heading', { name: 'Medarbejdernes kommentarer om denne adfærd' }).waitFor();
    const commentWave = read.locator('details').filter({ hasText: /\d+ kommentar/ }).first();
    await commentWave.locator('summary').click();
    expect(await commentWave.getByRole('listitem').first().innerText()).toMatch(BEHAVIOUR_COMMENTS);
    // …and not again in the project's comments, which keep the general question's.
    const projectComments = page.getByRole('region', { name: 'Kommentarer fra medarbejderne' });
    for (const summary of await projectComments.locator('details > summary').all()) await summary.click();
    expect(await projectComments.innerText()).toMatch(/lære appen at kende|telefonerne var ladet op/);
    expect(await projectComments.innerText()).not.toMatch(BEHAVIOUR_COMMENTS);
    await read.getByRole('link', { name: 'Se de øvrige kommentarer' }).waitFor();
    const write = page.getByRole('region', { name: WRITE, exact: true });
    expect(await write.getByRole('heading', { name: 'Medarbejdernes kommentarer om denne adfærd' }).count()).toBe(0);
    await write.getByRole('link', { name: 'Se medarbejdernes kommentarer' }).waitFor();

    // The breakdown by the demo's background question: every shift reaches the threshold, so each is shown with
    // its interval (a breakdown with a small group is hidden whole: test/api/breakdowns.test.ts).
    const breakdowns = page.getByRole('region', { name: 'Adoption fordelt på baggrund' });
    const byShift = breakdowns.locator('details').filter({ hasText: 'Hvilken vagt arbejder du mest? – Nulpunktsmåling' });
    await byShift.locator('summary').click();
    const shiftTable = byShift.getByRole('table', { name: 'Hvilken vagt arbejder du mest? – Nulpunktsmåling' });
    const shiftRow = (name: string) => shiftTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    expect(await shiftRow('Dag').innerText()).toMatch(/\d+\s%\s\(\d+–\d+\s%; n = \d+\)/);
    expect(await shiftRow('Nat').innerText()).toMatch(/\d+\s%\s\(\d+–\d+\s%; n = \d+\)/);

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

    // In English, no word of the page's own Danish is left (the demo's names and the staff's comments stay as written).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    for (const summary of await page.locator('main details > summary').all()) await summary.click();
    const english = (await page.locator('main').innerText()).replace(DEMO_COMMENTS, '');
    await page.getByRole('button', { name: 'Dansk' }).click();
    for (const danish of ['Skjult', 'procentpoint', 'Sammenligningsgruppe', 'lagt sammen', 'kommentar', 'Svarprocent', 'Ikke i drift', 'Eget spørgsmål', 'Ved hvordan']) {
      expect({ danish, found: english.includes(danish) }).toEqual({ danish, found: false });
    }
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
    // As a PDF on A4 (595 × 842 pt), as "gem som PDF" makes it.
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    const box = /MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(box, 'the PDF has a page size').not.toBeNull();
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt; Chromium rounds to whole CSS pixels (596 × 843).
    expect(Math.abs(Number(box![1]) - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(Number(box![2]) - 841.9)).toBeLessThan(1.5);
    // Printed on A4 (about 182 mm between the margins): nothing reaches past the right margin.
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.print-report *')].filter((el) => el.getBoundingClientRect().right > width + 1).map((el) => el.tagName + '.' + el.className);
    });
    expect(overflow).toEqual([]);
    // Nothing is cut off inside either: no element's content is wider than its box (a scrolling table would be).
    // Text only for screen readers is a 1 px box on purpose.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.print-report *')]
        .filter((el) => !el.closest('.visually-hidden') && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.tagName + '.' + el.className),
    );
    expect(clipped).toEqual([]);
    await page.close();
  });

  it('reads at 360 px without sideways scrolling: before/after tables become one card per row', async () => {
    const context = await browser.browser.newContext(phone);
    await loginAs(context, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const page = await context.newPage();
    /** Tables (or their wrappers) whose content is wider than they are, i.e. that would scroll sideways; the
     *  heatmap (units × behaviours) included, as it is one card per unit on a phone. */
    const scrolling = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main .table-wrap, main table')]
          .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
          .map((el) => (el.querySelector('caption') ?? el).textContent?.slice(0, 60)),
      );
    const pageScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

    await page.goto(`${app.baseUrl}/projects/${projectId}/report`);
    await page.getByRole('region', { name: 'Overblik' }).waitFor();
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(0);
    // Open every folded table (diagnostics, breakdowns) so they are measured too.
    for (const summary of await page.locator('main details > summary').all()) await summary.click();
    expect(await pageScroll()).toBeLessThanOrEqual(0);
    expect(await scrolling()).toEqual([]);
    // The drill-down's unit × wave table is one card per unit, each number under its wave's name.
    const unitTable = page.getByRole('region', { name: READ, exact: true }).getByRole('table', { name: `${READ}: andel ofte/altid pr. enhed og måling` });
    const card = unitTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Plejecenter Solhaven' }) });
    expect(await card.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    const cell = card.getByRole('cell').first();
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toMatch(/Nulpunktsmåling/);

    await page.goto(`${app.baseUrl}/projects/${projectId}/report/print`);
    await page.getByRole('heading', { level: 1, name: `Gevinstrealiseringsrapport: ${PROJECT}` }).waitFor();
    expect(await pageScroll()).toBeLessThanOrEqual(0);
    expect(await scrolling()).toEqual([]);
    await context.close();
  });
});
