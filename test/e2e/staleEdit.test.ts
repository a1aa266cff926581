// Two admins in two browsers edit the same thing at once. The second save does not silently overwrite the first:
// it opens the stale-edit dialog naming the field the other changed; "Behold mine ændringer" saves my changed
// fields on top of the other's version (both edits kept), "Hent den nye version" shows the other's version in
// the form and drops mine. Covered for a benefit, a goal (workspace items), a unit, a wave's English name and an
// account's details.
import { beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, loginAs, useBrowserSuite } from '../support/browser';

const ADMIN_A = { email: 'sekretariat@demo.dk', password: 'gevinst-demo' };
const ADMIN_B = { email: 'anden.admin@demo.dk', password: 'anden-admin-1234' };
const DIALOG = /^Nogen har ændret .+, mens du redigerede$/;

async function json<T = any>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The stale dialog's table as [field, theirs, yours] rows. */
async function dialogRows(dialog: Locator): Promise<string[][]> {
  return dialog.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

describe.skipIf(!hasBrowser)('stale edits: two admins save the same item', () => {
  const suite = useBrowserSuite();
  let a: BrowserContext;
  let b: BrowserContext;
  let pageA: Page;
  let pageB: Page;
  let projectId: number;
  let benefitId: number;
  let goalId: number;
  let unitId: number;
  let waveId: number;
  let managerId: number;

  beforeAll(async () => {
    a = await suite.browser.newContext(desktop);
    b = await suite.browser.newContext(desktop);
    await loginAs(a, suite.app.baseUrl, ADMIN_A.email, ADMIN_A.password);
    const api = a.request;
    const base = suite.app.baseUrl;
    await json(await api.post(`${base}/api/users`, { data: { email: ADMIN_B.email, name: 'Anden Admin', role: 'admin', password: ADMIN_B.password } }));
    await loginAs(b, base, ADMIN_B.email, ADMIN_B.password);
    projectId = (await json(await api.post(`${base}/api/projects`, { data: { name: 'Samtidig redigering' } }))).project.id;
    benefitId = (await json(await api.post(`${base}/api/projects/${projectId}/benefits`, { data: { title: 'Mere tid', measure: 'Minutter' } }))).benefit.id;
    goalId = (await json(await api.post(`${base}/api/projects/${projectId}/goals`, { data: { title: 'Bedre overlevering' } }))).goal.id;
    unitId = (await json(await api.post(`${base}/api/units`, { data: { name: 'Plejecenter Lærkevej', headcount: 20 } }))).unit.id;
    await json(await api.put(`${base}/api/projects/${projectId}/rollouts/${unitId}`, { data: { goLiveDate: null } }));
    waveId = (await json(await api.post(`${base}/api/projects/${projectId}/waves`, { data: { name: 'Nulpunkt', phase: 'baseline' } }))).wave.id;
    managerId = (await json(await api.post(`${base}/api/users`, { data: { email: 'lene@demo.dk', name: 'Lene Leder', role: 'manager', password: 'lene-leder-1234' } }))).user.id;
    pageA = await a.newPage();
    pageB = await b.newPage();
    pageA.setDefaultTimeout(15_000);
    pageB.setDefaultTimeout(15_000);
  }, 120_000);

  const get = async (path: string) => json(await a.request.get(`${suite.app.baseUrl}${path}`));

  it('a benefit: the second save shows what the other changed, and "keep mine" keeps both edits', { timeout: 90_000 }, async () => {
    const open = async (page: Page) => {
      await page.goto(`${suite.app.baseUrl}/projects/${projectId}#gevinster`);
      await page.getByRole('button', { name: 'Redigér Mere tid' }).click();
      return page.getByRole('region', { name: 'Redigér gevinst: Mere tid' });
    };
    const formA = await open(pageA);
    const formB = await open(pageB);

    await formA.getByLabel(/^Måling \(KPI\)/).fill('Minutter hos beboerne pr. vagt');
    await formA.getByRole('button', { name: 'Gem gevinst' }).click();
    await pageA.getByText('er gemt').first().waitFor();

    await formB.getByLabel(/^Gevinst/).first().fill('Mere tid til kerneopgaven');
    await formB.getByRole('button', { name: 'Gem gevinst' }).click();
    const dialog = pageB.getByRole('dialog', { name: DIALOG });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').innerText()).toBe('Nogen har ændret gevinsten, mens du redigerede');
    // The other's change (which I did not touch), and mine next to what the new version has.
    expect(await dialogRows(dialog)).toEqual([
      ['Gevinst', 'Mere tid', 'Mere tid til kerneopgaven'],
      ['Måling (KPI)', 'Minutter hos beboerne pr. vagt', '(ikke ændret af dig)'],
    ]);
    expect(await axeViolations(pageB)).toEqual([]);
    // Nothing of mine was stored by the refused save.
    expect((await get(`/api/projects/${projectId}`)).project.benefits.find((x: any) => x.id === benefitId).title).toBe('Mere tid');

    await dialog.getByRole('button', { name: 'Behold mine ændringer' }).click();
    await pageB.getByText('Gevinsten "Mere tid til kerneopgaven" er gemt', { exact: false }).first().waitFor();
    const stored = (await get(`/api/projects/${projectId}`)).project.benefits.find((x: any) => x.id === benefitId);
    expect({ title: stored.title, measure: stored.measure }).toEqual({ title: 'Mere tid til kerneopgaven', measure: 'Minutter hos beboerne pr. vagt' });
  });

  it('a goal: "get the new version" shows the other\'s title in the form and stores nothing of mine', { timeout: 90_000 }, async () => {
    const open = async (page: Page) => {
      await page.goto(`${suite.app.baseUrl}/projects/${projectId}#overblik`);
      await page.getByRole('button', { name: 'Redigér Bedre overlevering' }).click();
      return page.getByLabel('Ny tekst for målet "Bedre overlevering"');
    };
    const inputA = await open(pageA);
    const inputB = await open(pageB);
    await inputA.fill('En sikker overlevering');
    await inputA.press('Enter');
    await pageA.getByText('Målet "En sikker overlevering" er gemt.').waitFor();

    await inputB.fill('Færre fejl ved vagtskifte');
    await inputB.press('Enter');
    const dialog = pageB.getByRole('dialog', { name: DIALOG });
    await dialog.waitFor();
    expect(await dialogRows(dialog)).toEqual([['Titel', 'En sikker overlevering', 'Færre fejl ved vagtskifte']]);
    await dialog.getByRole('button', { name: 'Hent den nye version' }).click();
    // The form now holds the other's title (and the list, which names the edit, has it too).
    const reloaded = pageB.getByLabel('Ny tekst for målet "En sikker overlevering"');
    await expect.poll(() => reloaded.inputValue()).toBe('En sikker overlevering');
    expect(await pageB.getByRole('dialog').count()).toBe(0);
    expect((await get(`/api/projects/${projectId}`)).project.goals.find((g: any) => g.id === goalId).title).toBe('En sikker overlevering');
    // Saving again from the new version works without a dialog.
    await reloaded.fill('En sikker overlevering mellem vagter');
    await reloaded.press('Enter');
    await pageB.getByText('Målet "En sikker overlevering mellem vagter" er gemt.').waitFor();
  });

  it('a unit: "keep mine" re-applies my headcount on top of the other\'s new name', { timeout: 90_000 }, async () => {
    const open = async (page: Page) => {
      await page.goto(`${suite.app.baseUrl}/units`);
      await page.getByRole('button', { name: 'Redigér Plejecenter Lærkevej' }).click();
      return page.getByRole('region', { name: 'Redigér enhed: Plejecenter Lærkevej' });
    };
    const formA = await open(pageA);
    const formB = await open(pageB);
    await formA.getByLabel('Navn', { exact: true }).fill('Plejecenter Lærkevej Nord');
    await formA.getByRole('button', { name: 'Gem enhed' }).click();
    await pageA.getByText('Plejecenter Lærkevej Nord er gemt.').waitFor();

    await formB.getByLabel(/^Antal medarbejdere/).fill('26');
    await formB.getByRole('button', { name: 'Gem enhed' }).click();
    const dialog = pageB.getByRole('dialog', { name: DIALOG });
    await dialog.waitFor();
    expect(await dialogRows(dialog)).toEqual([
      ['Navn', 'Plejecenter Lærkevej Nord', '(ikke ændret af dig)'],
      ['Antal medarbejdere', '20', '26'],
    ]);
    await dialog.getByRole('button', { name: 'Behold mine ændringer' }).click();
    await expect.poll(async () => (await get('/api/units')).units.find((u: any) => u.id === unitId)).toMatchObject({ name: 'Plejecenter Lærkevej Nord', headcount: 26 });
  });

  it("an account's details: keep mine saves my language on top of the other's new name, and the form shows both", { timeout: 90_000 }, async () => {
    const open = async (page: Page) => {
      await page.goto(`${suite.app.baseUrl}/users`);
      await page.getByRole('button', { name: 'Redigér Lene Leder' }).click();
      return page.locator(`#user-${managerId}-name`);
    };
    const nameA = await open(pageA);
    await open(pageB);
    await nameA.fill('Lene Larsen');
    await pageA.getByRole('button', { name: 'Gem navn, rolle og sprog' }).click();
    await pageA.getByText('Ændringerne for Lene Larsen er gemt.').waitFor();

    await pageB.locator(`#user-${managerId}-locale`).selectOption('en');
    await pageB.getByRole('button', { name: 'Gem navn, rolle og sprog' }).click();
    const dialog = pageB.getByRole('dialog', { name: DIALOG });
    await dialog.waitFor();
    expect(await dialogRows(dialog)).toEqual([
      ['Navn', 'Lene Larsen', '(ikke ændret af dig)'],
      ['Sprog', 'Dansk', 'English'],
    ]);
    await dialog.getByRole('button', { name: 'Behold mine ændringer' }).click();
    await pageB.getByText('Ændringerne for Lene Larsen er gemt.').waitFor();
    expect(await pageB.locator(`#user-${managerId}-name`).inputValue()).toBe('Lene Larsen');
    const stored = (await get('/api/users')).users.find((u: any) => u.id === managerId);
    expect({ name: stored.name, locale: stored.locale, role: stored.role }).toEqual({ name: 'Lene Larsen', locale: 'en', role: 'manager' });
  });

  it("a wave's English name: the shared in-place editor opens the same dialog", { timeout: 90_000 }, async () => {
    const open = async (page: Page) => {
      await page.goto(`${suite.app.baseUrl}/projects/${projectId}#maalinger`);
      const editor = page.locator('.wave-name-en');
      await editor.getByRole('button', { name: 'Ret det engelske navn' }).click();
      return editor.getByLabel(/^Navn på engelsk/);
    };
    const inputA = await open(pageA);
    const inputB = await open(pageB);
    await inputA.fill('Baseline');
    await inputA.press('Enter');
    await expect.poll(async () => (await get(`/api/projects/${projectId}/waves`)).waves.find((w: any) => w.id === waveId).nameEn).toBe('Baseline');
    await inputB.fill('Starting point');
    await inputB.press('Enter');
    const dialog = pageB.getByRole('dialog', { name: DIALOG });
    await dialog.waitFor();
    expect((await dialogRows(dialog))[0].slice(1)).toEqual(['Baseline', 'Starting point']);
    await dialog.getByRole('button', { name: 'Hent den nye version' }).click();
    await expect.poll(() => inputB.inputValue()).toBe('Baseline');
  });
});
