// Action plans in a real browser: the demo's unit leader (Plejecenter Solhaven) opens the report, sees the action
// type the barrier profile suggests under a behaviour, adds an action with that type preselected, and sees it as a
// marker on the behaviour's timeline (listed as text under the chart); the project's action plan page and the
// overview across projects flag the demo's overdue action and show the leader only her own unit's actions, while
// the secretariat sees every unit's. axe-core on both new pages and on the report with the form open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, loginAs, startApp, type RunningApp } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';
const READ = 'Læser selv beboerens status i omsorgssystemet ved vagtstart';
const TYPE_WORDS: Record<string, string> = { capability: 'Evne – oplæring', opportunity: 'Mulighed – tid eller redskaber', motivation: 'Motivation – forklar hvorfor', other: 'Andet' };

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe.skipIf(!hasBrowser)('action plans: from the report\'s suggestion to a marker on the timeline', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let leader: BrowserContext;
  let page: Page;
  let projectId = 0;
  let behaviourId = 0;
  let solhavenId = 0;

  const get = async (context: BrowserContext, path: string) => {
    const res = await context.request.get(`${app.baseUrl}${path}`);
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    leader = await browser.browser.newContext(desktop);
    await loginAs(leader, app.baseUrl, 'leder@demo.dk', 'leder-demo');
    page = await leader.newPage();
    page.setDefaultTimeout(15_000);
    page.on('dialog', (d) => void d.accept());
    projectId = ((await get(leader, '/api/projects')).projects as { id: number; name: string }[]).find((p) => p.name === PROJECT)!.id;
    const project = (await get(leader, `/api/projects/${projectId}`)).project as { rollouts: { unitId: number; unitName: string }[]; behaviours: { id: number; title: string }[] };
    behaviourId = project.behaviours.find((b) => b.title === READ)!.id;
    solhavenId = project.rollouts.find((r) => r.unitName === 'Plejecenter Solhaven')!.unitId;
  }, 120_000);

  afterAll(async () => {
    await leader?.close();
    await browser?.close();
    await app?.stop();
  });

  it('adds an action from the report\'s suggestion and shows it as a marker on the behaviour\'s timeline', { timeout: 90_000 }, async () => {
    const suggestions = (await get(leader, `/api/projects/${projectId}/action-suggestions`)).suggestions as { behaviourId: number; unitId: number | null; type: string }[];
    const suggested = suggestions.find((s) => s.behaviourId === behaviourId && s.unitId === solhavenId) ?? suggestions.find((s) => s.behaviourId === behaviourId && s.unitId === null);
    expect(suggested, 'the demo\'s closed waves give Solhaven a suggestion').toBeTruthy();

    await page.goto(`${app.baseUrl}/projects/${projectId}/report`);
    const drilldown = page.getByRole('region', { name: READ, exact: true });
    await drilldown.waitFor();
    const actions = drilldown.getByRole('region', { name: 'Handlinger', exact: true });
    await actions.waitFor();
    // The suggestion is shown with its reason before the form is opened.
    expect(await actions.innerText()).toContain(`Forslag fra målingen: ${TYPE_WORDS[suggested!.type]}`);
    expect(await actions.innerText()).toMatch(/Færrest i enheden .* \(\d+ % af \d+ svar, .*\) – overvej/);

    await actions.getByRole('button', { name: `Tilføj handling for ${READ}` }).click();
    const form = actions.getByRole('form', { name: 'Tilføj handling' });
    await form.waitFor();
    // The only unit she leads is chosen, and the type is the suggested one.
    expect(await form.getByLabel('Enhed').inputValue()).toBe(String(solhavenId));
    expect(await form.getByLabel('Hvilken barriere handlingen retter sig mod').inputValue()).toBe(suggested!.type);
    expect(await form.innerText()).toContain('Typen er valgt efter forslaget');
    await expectNoAxeViolations(page, 'report with the action form open');

    // Saved without saying what to do: the form says so in Danish (not the server's English "Required") and
    // puts the cursor in the field.
    await form.getByRole('button', { name: 'Gem handling' }).click();
    await form.getByText('Skriv, hvad I vil gøre.').waitFor();
    expect(await form.innerText()).not.toContain('Required');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe(await form.getByLabel('Handling', { exact: true }).getAttribute('id'));
    // Under one behaviour the table does not repeat the behaviour in a column of its own.
    expect(await actions.getByRole('columnheader', { name: 'Adfærd' }).count()).toBe(0);

    await form.getByLabel('Handling', { exact: true }).fill('Kort oplæring på personalemødet');
    await form.getByLabel('Ansvarlig').fill('Teamleder Anna');
    await form.getByRole('button', { name: 'Gem handling' }).click();
    await actions.getByRole('status').filter({ hasText: 'Handlingen er gemt.' }).waitFor();

    // The marker on the timeline, as text under the chart and in the canvas's text alternative.
    const markers = drilldown.getByRole('list', { name: 'Handlinger på tidslinjen' });
    await markers.getByText(/Handling: Kort oplæring på personalemødet \(Plejecenter Solhaven, registreret\)/).waitFor();
    const canvasLabel = await drilldown.locator('.timeline-box canvas').getAttribute('aria-label');
    expect(canvasLabel).toContain('Handling: Kort oplæring på personalemødet');
    // The demo's earlier action for Solhaven (done after the baseline) is on the same timeline.
    expect(await markers.innerText()).toContain('Sidemandsoplæring i at læse beboerens status');
    // And the action is stored with the suggested type.
    const plan = (await get(leader, `/api/projects/${projectId}/actions`)).actions as { title: string; type: string; unitId: number }[];
    expect(plan.find((a) => a.title === 'Kort oplæring på personalemødet')).toMatchObject({ type: suggested!.type, unitId: solhavenId });
  });

  it('shows the project\'s action plan with the overdue action flagged, filtered by the address', async () => {
    await page.goto(`${app.baseUrl}/projects/${projectId}/actions?unit=${solhavenId}&behaviour=${behaviourId}`);
    await page.getByRole('heading', { level: 1, name: `Handlingsplan: ${PROJECT}` }).waitFor();
    expect(await page.getByLabel('Enhed', { exact: true }).first().inputValue()).toBe(String(solhavenId));
    const table = page.getByRole('table', { name: 'Handlinger' });
    const overdueRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /En tablet i hvert vagtrum/ }) });
    expect(await overdueRow.innerText()).toContain('Forsinket');
    expect(await table.innerText()).toContain('Kort oplæring på personalemødet');
    // Only her own unit: Egebo's action is not listed even without the filter.
    await page.getByLabel('Enhed', { exact: true }).first().selectOption('');
    expect(await table.innerText()).not.toContain('Egebo');
    await expectNoAxeViolations(page, 'action plan page');
  });

  it('lists every action across projects in "Handlinger", overdue ones flagged; the secretariat sees every unit', async () => {
    await page.goto(`${app.baseUrl}/projects`);
    await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Handlinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Handlinger' }).waitFor();
    await page.getByText('1 forsinket handling').waitFor();
    const table = page.getByRole('table', { name: 'Handlinger' });
    expect(await table.innerText()).not.toContain('Plejecenter Egebo');
    await page.getByLabel('Vis kun forsinkede').check();
    expect(await table.getByRole('row').count()).toBe(2);
    await expectNoAxeViolations(page, 'actions overview');

    const secretariat = await browser.browser.newContext(desktop);
    await loginAs(secretariat, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const all = await secretariat.newPage();
    await all.goto(`${app.baseUrl}/actions`);
    const everyUnit = all.getByRole('table', { name: 'Handlinger' });
    await everyUnit.waitFor();
    expect(await everyUnit.innerText()).toContain('Plejecenter Egebo');
    expect(await everyUnit.innerText()).toContain('Kort oplæring på personalemødet');
    await secretariat.close();
  });
});
