// Reporting groups in a real browser: the secretariat adds a unit with fewer staff than the anonymity threshold
// to a project, is warned at once, and stores the suggested group (the small unit with its sibling) with one
// click; then makes a group by hand with the keyboard. A wave opened afterwards keeps the grouping, and its report
// shows the group where its members would be hidden. axe-core finds no serious violations on the units part of
// the project page, with the warning and with the groups, nor on the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { answersFor } from '../support/answers';
import { axeViolations, desktop, hasBrowser, launchBrowser, loginAs, logInThroughForm, startApp, type RunningApp } from '../support/browser';

const PROJECT = 'Digital vagtplan på Plejecenter Lind';
const SMALL_WARNING = 'Enheden Lind, nat har kun 3 medarbejdere – under grænsen på 5. Dens svar skjules, medmindre den indgår i en rapporteringsgruppe.';

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function selectOptionContaining(select: Locator, text: string) {
  const value = await select.evaluate((el, wanted) => {
    const option = [...(el as HTMLSelectElement).options].find((o) => o.text.includes(wanted));
    return option?.value ?? null;
  }, text);
  if (value === null) throw new Error(`no option containing "${text}"`);
  await select.selectOption(value);
}

describe.skipIf(!hasBrowser)('reporting groups: the secretariat is warned about a small unit and groups it in one click', () => {
  let app: RunningApp;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let projectId: number;

  beforeAll(async () => {
    app = await startApp();
    const launched = await launchBrowser();
    closeBrowser = launched.close;
    context = await launched.browser.newContext(desktop);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);

    // Set-up through the API, in a context of its own (the page logs in through the form): a care centre with a
    // day shift in the project, and a small night shift and a weekend shift not yet.
    const setup = await launched.browser.newContext(desktop);
    await loginAs(setup, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const api = setup.request;
    const post = async (path: string, data: unknown) => {
      const res = await api.post(`${app.baseUrl}${path}`, { data });
      if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    projectId = (await post('/api/projects', { name: PROJECT })).project.id;
    const centre = (await post('/api/units', { name: 'Plejecenter Lind', kind: 'center', headcount: 0 })).unit;
    const day = (await post('/api/units', { name: 'Lind, dag', kind: 'afdeling', parentId: centre.id, headcount: 20 })).unit;
    await post('/api/units', { name: 'Lind, nat', kind: 'afdeling', parentId: centre.id, headcount: 3 });
    await post('/api/units', { name: 'Lind, weekend', kind: 'afdeling', parentId: centre.id, headcount: 6 });
    const res = await api.put(`${app.baseUrl}/api/projects/${projectId}/rollouts/${day.id}`, { data: { goLiveDate: null } });
    expect(res.status()).toBe(200);
    expect((await res.json()).warnings).toEqual([]);
    await setup.close();
  });

  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  it('warns when the small unit is added, and lists the suggested group once it is created', { timeout: 120_000 }, async () => {
    await logInThroughForm(page, app.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Projekter' }).waitFor();
    await page.goto(`${app.baseUrl}/projects/${projectId}#enheder`);
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    const groupsSection = page.getByRole('region', { name: 'Rapporteringsgrupper', exact: true });
    await groupsSection.getByText('Projektet har ingen rapporteringsgrupper.').waitFor();
    expect(await groupsSection.getByRole('button', { name: 'Opret foreslåede grupper' }).count()).toBe(0);

    // ---- add the small unit: the answer's warning is announced at once
    await selectOptionContaining(page.getByLabel('Vælg enhed'), 'Lind, nat');
    await page.getByRole('button', { name: 'Tilføj enhed' }).click();
    const alert = page.getByRole('alert').filter({ hasText: SMALL_WARNING });
    await alert.waitFor();
    await page.getByRole('status').filter({ hasText: 'Lind, nat er tilføjet til projektet.' }).waitFor();

    // ---- the groups part shows the same warning with a suggestion: the night shift with its smallest sibling in the project
    await groupsSection.getByRole('status').filter({ hasText: SMALL_WARNING }).waitFor();
    await groupsSection.getByText('Ny gruppe: Lind, nat + Lind, dag (23 medarbejdere)').waitFor();
    await expectNoAxeViolations(page, 'units part with a small-unit warning');

    // ---- one click stores it; the warning goes and the group is listed
    await groupsSection.getByRole('button', { name: 'Opret foreslåede grupper' }).click();
    await groupsSection.getByRole('status').filter({ hasText: 'De foreslåede grupper er gemt (1 gruppe).' }).waitFor();
    const table = groupsSection.getByRole('table', { name: 'Projektets rapporteringsgrupper' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Lind, nat + Lind, dag' }) });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['Lind, dag, Lind, nat', '23', expect.stringContaining('Redigér')]);
    await expect.poll(() => groupsSection.getByText(SMALL_WARNING).count()).toBe(0);
    expect(await groupsSection.getByRole('button', { name: 'Opret foreslåede grupper' }).count()).toBe(0);

    // ---- a group by hand, with the keyboard: the weekend shift alone (6 staff)
    await selectOptionContaining(page.getByLabel('Vælg enhed'), 'Lind, weekend');
    await page.getByRole('button', { name: 'Tilføj enhed' }).click();
    await page.getByRole('status').filter({ hasText: 'Lind, weekend er tilføjet til projektet.' }).waitFor();
    // 6 staff: no warning.
    expect(await page.getByRole('alert').filter({ hasText: 'Lind, weekend' }).count()).toBe(0);
    const form = groupsSection.getByRole('form', { name: 'Opret rapporteringsgruppe' });
    await form.getByLabel('Gruppens navn').fill('Weekendholdet');
    // The units already grouped cannot be chosen again.
    expect(await form.getByRole('checkbox', { name: 'Lind, nat (3) – er i gruppen Lind, nat + Lind, dag' }).isDisabled()).toBe(true);
    const weekend = form.getByRole('checkbox', { name: /Lind, weekend/ });
    await weekend.focus();
    await page.keyboard.press('Space');
    expect(await weekend.isChecked()).toBe(true);
    await form.getByText('Valgt: 6 medarbejdere i alt.').waitFor();
    await form.getByRole('button', { name: 'Opret gruppe' }).press('Enter');
    await groupsSection.getByRole('status').filter({ hasText: 'Gruppen Weekendholdet er oprettet.' }).waitFor();
    await table.getByRole('rowheader', { name: 'Weekendholdet' }).waitFor();

    // Every unit is in a group now; with none chosen the form says so in words and sends nothing.
    await form.getByLabel('Gruppens navn').fill('Tom gruppe');
    expect(await form.getByRole('checkbox', { disabled: false }).count()).toBe(0);
    await form.getByRole('button', { name: 'Opret gruppe' }).click();
    await form.getByText('Vælg mindst én enhed.').waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await expectNoAxeViolations(page, 'units part with reporting groups');

    // ---- a wave opened now freezes the grouping; after it closes, the report shows the group, not its members
    const setup = await context.browser()!.newContext(desktop);
    await loginAs(setup, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
    const call = async (method: 'get' | 'post', path: string, data?: unknown) => {
      const res = await setup.request[method](`${app.baseUrl}${path}`, data === undefined ? undefined : { data });
      if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    await call('post', `/api/projects/${projectId}/behaviours`, { title: 'Bruger vagtplanen på telefonen' });
    const wave = (await call('post', `/api/projects/${projectId}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).wave;
    await call('post', `/api/waves/${wave.id}/open`);
    const links = (await call('get', `/api/waves/${wave.id}/links`)).links as { unitName: string; token: string }[];
    const itemMap = (await call('get', `/api/projects/${projectId}/survey/preview?phase=baseline`)).itemMap;
    for (const [unit, n] of [['Lind, dag', 6], ['Lind, nat', 2], ['Lind, weekend', 5]] as const) {
      const token = links.find((l) => l.unitName === unit)!.token;
      for (let i = 0; i < n; i++) await call('post', `/api/s/${token}/responses`, { submissionId: crypto.randomUUID(), answers: answersFor(itemMap, () => 4), locale: 'da' });
    }
    await call('post', `/api/waves/${wave.id}/close`);
    await setup.close();
    await page.goto(`${app.baseUrl}/projects/${projectId}/report`);
    await page.getByRole('heading', { level: 1, name: new RegExp(PROJECT) }).waitFor();
    // The adoption table of the behaviour's drill-down (the heatmap above it has the group's row too).
    const adoptionTable = page.getByRole('table', { name: /andel ofte\/altid pr\. enhed og måling$/ }).first();
    const groupRow = adoptionTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Lind, nat \+ Lind, dag/ }) });
    await groupRow.waitFor();
    // 8 answers together: shown, with the words that say it is a reporting group; its members never on their own.
    expect(await groupRow.getByRole('rowheader').innerText()).toContain('rapporteringsgruppe');
    expect(await groupRow.getByRole('cell').first().innerText()).toContain('n = 8');
    expect(await adoptionTable.getByRole('rowheader', { name: 'Lind, nat', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'report with a reporting group');
  });
});
