// The secretariat's and managers' pages on a 360 × 740 phone, as a new user would try them: no page scrolls
// sideways and nothing sticks out past the screen (a wide table may scroll only inside its own named, focusable
// region), the header is a short bar with a Menu button, the project's "Enheder & udrulning" part fits with its
// date fields and buttons, and axe-core finds no serious violations. The "Kom godt i gang" checklist ticks the
// linking step only once every primary behaviour is linked to a benefit and an enabler, and the units step only
// once every unit has its go-live date. The report's paired view turns into cards like the other report tables.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { answersFor } from '../support/answers';
import { axeViolations, hasBrowser, loginAs, phone, SECRETARIAT, useBrowserSuite, type RunningApp } from '../support/browser';

const VIEWPORT = phone.viewport;

/** What sticks out of the screen: the page's own sideways scroll, elements past either edge (outside a named
 *  scroll region), and scroll boxes that scroll sideways without being a named region. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const namedRegion = (el: Element) => el.getAttribute('role') === 'region' && !!el.getAttribute('aria-label') && el.getAttribute('tabindex') === '0' && scrolls(el);
    const describe = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} [${Math.round(r.left)}–${Math.round(r.right)}] "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const all = [...document.querySelectorAll('body *')];
    const outside = all.filter((el) => {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || (r.left >= -1 && r.right <= vw + 1)) return false;
      for (let a = el.parentElement; a; a = a.parentElement) if (namedRegion(a)) return false;
      return true;
    });
    const regions = all.filter((el) => scrolls(el) && el.scrollWidth > el.clientWidth + 1);
    return {
      pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
      outside: outside.slice(0, 10).map(describe),
      unnamedScrollBoxes: regions.filter((el) => !namedRegion(el)).map(describe),
      namedScrollRegions: regions.filter(namedRegion).map((el) => el.getAttribute('aria-label')),
    };
  });
}

async function expectFits(page: Page, where: string, { allowScrollRegions = false } = {}) {
  const o = await overflow(page);
  expect(o.pageScrolls, `${where}: the page scrolls sideways`).toBe(false);
  expect(o.outside, `${where}: elements past the screen edge`).toEqual([]);
  expect(o.unnamedScrollBoxes, `${where}: sideways scroll boxes without a name`).toEqual([]);
  if (!allowScrollRegions) expect(o.namedScrollRegions, `${where}: sideways scrolling regions`).toEqual([]);
}

/** The page itself does not scroll sideways: document.scrollingElement is no wider than the 360 px screen. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, `${where}: document.scrollingElement.scrollWidth`).toBeLessThanOrEqual(VIEWPORT.width);
}

/** Every element the locator finds is shown, and its box lies within the screen's width (so it can be tapped). */
async function expectAllOnScreen(locator: Locator, where: string) {
  const count = await locator.count();
  expect(count, `${where}: how many`).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    // Not scrolled into view first: that would scroll a sideways-scrolling box and hide what is cut off.
    const el = locator.nth(i);
    expect(await el.isVisible(), `${where} #${i}: visible`).toBe(true);
    const box = await el.boundingBox();
    expect(box, `${where} #${i}: has a box`).not.toBeNull();
    expect(box!.x, `${where} #${i}: left edge`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${where} #${i}: right edge`).toBeLessThanOrEqual(VIEWPORT.width);
  }
}

async function expectShortHeader(page: Page, where: string) {
  const height = await page.locator('header.app-header').evaluate((el) => el.getBoundingClientRect().height);
  expect(height, `${where}: header height`).toBeLessThan(VIEWPORT.height * 0.2);
}

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Opens a path (and workspace part), waits for its h1 and for loading messages to go. */
async function visit(page: Page, url: string) {
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('main .page-loading').count(), { timeout: 10_000 }).toBe(0);
  await page.waitForLoadState('networkidle');
}

describe.skipIf(!hasBrowser)('phone layout: the staff pages at 360 × 740', () => {
  const suite = useBrowserSuite();
  let app: RunningApp;
  let context: BrowserContext;
  let page: Page;
  let demoId: number;
  const origin = () => ({ origin: app.baseUrl });

  beforeAll(async () => {
    app = suite.app;
    ({ context, page } = await suite.openPage({ device: phone, login: SECRETARIAT }));
    const { projects } = await (await context.request.get(`${app.baseUrl}/api/projects`)).json();
    demoId = projects[0].id;
  });

  it('fits every secretariat page, with a short header and no serious axe violations', { timeout: 240_000 }, async () => {
    const pages: { path: string; allowScrollRegions?: boolean }[] = [
      { path: '/projects' },
      { path: '/units' },
      { path: '/users' },
      { path: '/settings' },
      { path: '/password' },
      { path: '/audit' },
      { path: `/projects/${demoId}` },
      { path: `/projects/${demoId}#gevinster` },
      { path: `/projects/${demoId}#adfaerd` },
      { path: `/projects/${demoId}#enheder` },
      // The benefits map and the report's wide tables are deliberately scrolled inside their own named regions.
      { path: `/projects/${demoId}#gevinstdiagram`, allowScrollRegions: true },
      { path: `/projects/${demoId}#spoergeskema` },
      { path: `/projects/${demoId}#maalinger` },
      { path: `/projects/${demoId}/survey` },
      { path: `/projects/${demoId}/workshops` },
      { path: `/projects/${demoId}/report`, allowScrollRegions: true },
    ];
    for (const { path, allowScrollRegions } of pages) {
      await visit(page, `${app.baseUrl}${path}`);
      await expectFits(page, path, { allowScrollRegions });
      await expectNoSidewaysScroll(page, path);
      await expectShortHeader(page, path);
      await expectNoAxeViolations(page, path);
    }
  });

  it('shows the audit log as one card per entry, its paging buttons on the screen', async () => {
    await visit(page, `${app.baseUrl}/audit`);
    const log = page.getByRole('table', { name: 'Logbog' });
    await log.waitFor();
    await expectNoSidewaysScroll(page, '/audit');
    await expectAllOnScreen(log.locator('tbody tr'), 'audit entry');
    await expectAllOnScreen(log.locator('tbody td:not(:empty)'), 'audit value');
    await expectAllOnScreen(page.getByRole('button', { name: /^(Forrige|Næste)$/ }), 'audit paging');
    // Each value says which column it is, as the column headers are not shown.
    expect(await log.locator('tbody td').first().evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Tidspunkt"');
  });

  it('shows the buttons and links of every table on the screen: locked survey versions, workshops, share links', { timeout: 90_000 }, async () => {
    const shared = await context.request.post(`${app.baseUrl}/api/projects/${demoId}/share-links`, { headers: origin(), data: { unitId: null } });
    expect(shared.status()).toBe(201);
    // The locked survey versions, on the project's survey part and in the survey editor (with a "Vis version" button each).
    for (const path of [`/projects/${demoId}#spoergeskema`, `/projects/${demoId}/survey`]) {
      await visit(page, `${app.baseUrl}${path}`);
      const versions = page.getByRole('table', { name: 'Låste versioner af spørgeskemaet' });
      await versions.waitFor();
      await expectNoSidewaysScroll(page, path);
      await expectAllOnScreen(versions.locator('tbody td'), `${path}: version value`);
      if (path.endsWith('/survey')) await expectAllOnScreen(versions.getByRole('button', { name: /^Vis version/ }), `${path}: Vis version`);
      expect(await versions.locator('tbody th').first().evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Version: "');
    }
    // The workshops held in a unit: each one's link to the projector.
    await visit(page, `${app.baseUrl}/projects/${demoId}/workshops`);
    const workshops = page.getByRole('region', { name: /^Workshops i / }).getByRole('table');
    await workshops.waitFor();
    await expectNoSidewaysScroll(page, 'workshops');
    await expectFits(page, 'workshops');
    await expectAllOnScreen(workshops.getByRole('link'), 'workshop link');
    await expectAllOnScreen(workshops.locator('tbody td'), 'workshop value');
    await expectNoAxeViolations(page, 'workshops');
    // The project's share links for the shared picture: copy, preview, QR and revoke.
    await visit(page, `${app.baseUrl}/projects/${demoId}`);
    const links = page.locator('table.share-links');
    await links.waitFor();
    await expectNoSidewaysScroll(page, 'share links');
    await expectFits(page, 'share links');
    await expectAllOnScreen(links.locator('tbody').getByRole('button'), 'share link button');
    await expectAllOnScreen(links.locator('tbody').getByRole('link'), 'share link link');
    await expectNoAxeViolations(page, 'share links');
  });

  it('keeps the project header compact, so the chosen part starts in the upper part of the screen', async () => {
    await visit(page, `${app.baseUrl}/projects/${demoId}#enheder`);
    const tabs = page.locator('.ws-tabs');
    await tabs.waitFor();
    // Brand bar, crumbs, name, status with its links and the part tabs: all above 60 % of the screen's height.
    const bottom = await tabs.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom, 'bottom of the project header').toBeLessThanOrEqual(VIEWPORT.height * 0.6);
    await expectNoSidewaysScroll(page, 'project header');
    await expectAllOnScreen(page.locator('.project-head .project-links a'), 'project link');
    await expectAllOnScreen(tabs.getByRole('link'), 'part tab');
    // The crumb for this page is still there for screen readers.
    expect(await page.getByRole('navigation', { name: 'Brødkrummesti' }).getByRole('listitem').count()).toBe(2);
  });

  it('fits the login page, with the language switch beside the name and no Menu button', async () => {
    const anonymous = await page.context().browser()!.newContext(phone);
    const loginPage = await anonymous.newPage();
    await visit(loginPage, `${app.baseUrl}/login`);
    await expectFits(loginPage, '/login');
    await expectShortHeader(loginPage, '/login');
    expect(await loginPage.getByRole('group', { name: /Sprog/ }).isVisible()).toBe(true);
    expect(await loginPage.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    await expectNoAxeViolations(loginPage, '/login');
    await anonymous.close();
  });

  it('folds the menu behind a button that opens and closes it', async () => {
    await visit(page, `${app.baseUrl}/projects`);
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Enheder' }).waitFor();
    expect(await page.getByRole('button', { name: 'Log ud', exact: true }).isVisible()).toBe(true);
    await expectFits(page, 'open menu');
    await expectNoAxeViolations(page, 'open menu');
    // Escape closes it and gives focus back to the button; a link closes it too.
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await menu.click();
    await nav.getByRole('link', { name: 'Enheder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enheder' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
  });

  it('shows the units and go-live dates of "Enheder & udrulning" whole, date fields and buttons included', async () => {
    await visit(page, `${app.baseUrl}/projects/${demoId}#enheder`);
    const units = page.getByRole('region', { name: 'Projektets enheder' });
    await units.waitFor();
    const controls = [units.locator('input[type="date"]'), units.getByRole('button', { name: /^Gem dato/ }), units.getByRole('button', { name: /^Fjern/ })];
    for (const control of controls) {
      expect(await control.count()).toBeGreaterThan(0);
      for (const box of await control.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(VIEWPORT.width);
      }
    }
    // The timeline is drawn at the width it has, not wider.
    const [svgWidth, boxWidth] = await page.locator('.rollout-timeline-box').evaluate((el) => [el.querySelector('svg')!.getBoundingClientRect().width, el.clientWidth]);
    expect(svgWidth).toBeLessThanOrEqual(boxWidth + 1);
  });

  it('fits the manager\'s pages too', { timeout: 60_000 }, async () => {
    const managerContext = await page.context().browser()!.newContext(phone);
    await loginAs(managerContext, app.baseUrl, 'leder@demo.dk', 'leder-demo');
    const managerPage = await managerContext.newPage();
    const { projects } = await (await managerContext.request.get(`${app.baseUrl}/api/projects`)).json();
    for (const path of ['/projects', `/projects/${projects[0].id}`, `/projects/${projects[0].id}#enheder`]) {
      await visit(managerPage, `${app.baseUrl}${path}`);
      await expectFits(managerPage, `manager ${path}`);
      await expectShortHeader(managerPage, `manager ${path}`);
      await expectNoAxeViolations(managerPage, `manager ${path}`);
    }
    await managerContext.close();
  });

  it('turns the manager\'s heatmap into one card per unit, each coloured cell headed by its behaviour', { timeout: 60_000 }, async () => {
    const managerContext = await page.context().browser()!.newContext(phone);
    await loginAs(managerContext, app.baseUrl, 'leder@demo.dk', 'leder-demo');
    const managerPage = await managerContext.newPage();
    const { projects } = await (await managerContext.request.get(`${app.baseUrl}/api/projects`)).json();
    await visit(managerPage, `${app.baseUrl}/projects/${projects[0].id}/report`);
    const heatmap = managerPage.getByRole('table', { name: /^Andel ofte\/altid pr\. enhed og adfærd/ });
    await heatmap.waitFor();
    await expectNoSidewaysScroll(managerPage, 'heatmap');
    // Its region does not scroll sideways either: the cards fit the screen.
    const region = managerPage.locator('.table-wrap:has(> table.heatmap)');
    expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'heatmap region scrolls sideways').toBe(true);
    await expectAllOnScreen(heatmap.locator('tbody tr'), 'heatmap card');
    await expectAllOnScreen(heatmap.locator('td.heat-cell'), 'heatmap cell');
    // The cards sit one below the other, and each coloured cell says which behaviour it is, in its own text colour.
    const rows = await heatmap.locator('tbody tr').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (let i = 1; i < rows.length; i++) expect(rows[i].top).toBeGreaterThanOrEqual(rows[i - 1].bottom);
    const titles = await heatmap.locator('thead th.heat-col').allTextContents();
    const cells = await heatmap.locator('tbody tr').first().locator('td.heat-cell').evaluateAll((els) =>
      els.map((el) => ({ label: getComputedStyle(el, '::before').content, colour: getComputedStyle(el, '::before').color, text: getComputedStyle(el).color })),
    );
    expect(cells.map((c) => c.label)).toEqual(titles.map((title) => JSON.stringify(title)));
    for (const c of cells) expect(c.colour).toBe(c.text);
    await expectNoAxeViolations(managerPage, 'heatmap');
    // The change view is cards too.
    await managerPage.getByRole('radio', { name: /ændring/i }).check();
    await expectNoSidewaysScroll(managerPage, 'heatmap, change');
    expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'heatmap region (change) scrolls sideways').toBe(true);
    await managerContext.close();
  });

  it('ticks the linking step of "Kom godt i gang" only after the primary behaviour is linked', async () => {
    const created = await context.request.post(`${app.baseUrl}/api/projects`, {
      headers: origin(),
      data: { name: 'Telefontest uden koblinger', goals: ['Mere tid hos borgerne'], enablers: ['Ny app'], primaryBehaviours: ['Læser selv status i appen'] },
    });
    expect(created.status()).toBe(201);
    const projectId: number = (await created.json()).project.id;
    const benefit = await context.request.post(`${app.baseUrl}/api/projects/${projectId}/benefits`, { headers: origin(), data: { title: 'Kortere overlevering' } });
    expect(benefit.status()).toBe(201);
    const { project } = await (await context.request.get(`${app.baseUrl}/api/projects/${projectId}`)).json();

    const step = (name: string) => page.locator('.setup-checklist li').filter({ hasText: name });
    const linkStep = step('Kobl hver primær adfærd til gevinster og leverancer');
    await visit(page, `${app.baseUrl}/projects/${projectId}`);
    await linkStep.waitFor();
    expect(await step('Beskriv den nye adfærd').innerText()).toContain('Udført');
    expect(await linkStep.innerText()).toContain('Mangler');
    expect(await linkStep.getAttribute('class')).toBeNull();
    await expectFits(page, 'new project');

    // Linked to a benefit only: still missing the enabler.
    const behaviourId: number = project.behaviours[0].id;
    const benefitId: number = project.benefits[0].id;
    expect((await context.request.patch(`${app.baseUrl}/api/behaviours/${behaviourId}`, { headers: origin(), data: { benefitIds: [benefitId], version: project.behaviours[0].version } })).status()).toBe(200);
    await visit(page, `${app.baseUrl}/projects/${projectId}`);
    await linkStep.waitFor();
    expect(await linkStep.innerText()).toContain('Mangler');

    expect((await context.request.patch(`${app.baseUrl}/api/behaviours/${behaviourId}`, { headers: origin(), data: { enablerIds: [project.enablers[0].id], version: project.behaviours[0].version + 1 } })).status()).toBe(200);
    await visit(page, `${app.baseUrl}/projects/${projectId}`);
    await linkStep.waitFor();
    expect(await linkStep.innerText()).toContain('Udført');
    expect(await linkStep.getAttribute('class')).toBe('done');

    // Units: ticked only when every unit in the project has its go-live date, not when one of two has.
    const unitsStep = step('Vælg enheder og idriftsættelsesdatoer');
    expect(await unitsStep.innerText()).toContain('Mangler');
    const { units } = await (await context.request.get(`${app.baseUrl}/api/units`)).json();
    const [first, second] = units.filter((u: { retiredAt: string | null }) => !u.retiredAt);
    const rollout = (unitId: number, goLiveDate: string | null) => context.request.put(`${app.baseUrl}/api/projects/${projectId}/rollouts/${unitId}`, { headers: origin(), data: { goLiveDate } });
    expect((await rollout(first.id, '2027-03-01')).status()).toBe(200);
    expect((await rollout(second.id, null)).status()).toBe(200);
    await visit(page, `${app.baseUrl}/projects/${projectId}`);
    await unitsStep.waitFor();
    expect(await unitsStep.innerText()).toContain('Mangler');
    // With that, every step is done and the checklist steps aside.
    expect((await rollout(second.id, '2027-04-01')).status()).toBe(200);
    await visit(page, `${app.baseUrl}/projects/${projectId}`);
    await page.getByRole('heading', { level: 2, name: 'Mål' }).first().waitFor();
    expect(await page.locator('.setup-checklist').count()).toBe(0);
  });

  it('turns the paired view into one card per row, nothing past the screen', { timeout: 90_000 }, async () => {
    const api = async (method: 'get' | 'post' | 'put', path: string, data?: unknown) => {
      const res = await context.request[method](`${app.baseUrl}${path}`, { headers: origin(), ...(data === undefined ? {} : { data }) });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    const project = (await api('post', '/api/projects', { name: 'Parret på telefonen' })).project;
    const unit = (await api('post', '/api/units', { name: 'Telefonafdelingen', headcount: 40 })).unit;
    await api('put', `/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' });
    await api('post', `/api/projects/${project.id}/behaviours`, { title: 'Bruger tjeklisten hver dag ved vagtens start' });
    await api('put', `/api/projects/${project.id}/pairing`, { enabled: true });
    // Ten people with a code in both waves, so the paired view is shown (as in pairing.test.ts).
    const code = (i: number) => ({ 'pairing.mother': `k${'abcdefghij'[i]}`, 'pairing.house': String(i), 'pairing.school': 'øs' });
    for (const phase of ['baseline', 'followup'] as const) {
      const wave = (await api('post', `/api/projects/${project.id}/waves`, { name: phase === 'baseline' ? 'Før' : 'Efter', phase })).wave;
      await api('post', `/api/waves/${wave.id}/open`);
      const [link] = (await api('get', `/api/waves/${wave.id}/links`)).links;
      const { itemMap } = await api('get', `/api/projects/${project.id}/survey/preview?phase=${phase}`);
      for (let i = 0; i < 10; i++) {
        const adoption = phase === 'baseline' ? (i < 3 ? 5 : 2) : i < 8 ? 5 : 2;
        await api('post', `/api/s/${link.token}/responses`, { submissionId: randomUUID(), locale: 'da', answers: { ...answersFor(itemMap, (it) => (it.construct === 'adoption' ? adoption : 3)), ...code(i) } });
      }
      await api('post', `/api/waves/${wave.id}/close`);
    }

    await visit(page, `${app.baseUrl}/projects/${project.id}/report`);
    const paired = page.getByRole('region', { name: 'De samme medarbejdere før og efter (parret)' });
    const table = paired.getByRole('table', { name: /Bruger tjeklisten hver dag ved vagtens start: ofte\/altid før og efter/ });
    await table.waitFor();
    // A card per row: the rows sit one below the other, each as wide as the screen allows, and no box scrolls.
    const rows = await table.locator('tbody tr').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(rows).toHaveLength(2);
    expect(rows[1].top).toBeGreaterThanOrEqual(rows[0].bottom);
    for (const row of rows) expect(row.right).toBeLessThanOrEqual(VIEWPORT.width);
    const wrap = paired.locator('.table-wrap').first();
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    // Each cell says which column it is, as the column headers are not shown.
    const labels = await table.locator('tbody td').evaluateAll((els) => els.map((el) => getComputedStyle(el, '::before').content));
    expect(labels).toEqual(['"Efter: ofte/altid"', '"Efter: sjældnere"', '"Efter: ofte/altid"', '"Efter: sjældnere"']);
    expect(await table.locator('tbody th').first().evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Før: "');
    const o = await overflow(page);
    expect(o.pageScrolls).toBe(false);
    expect(o.outside).toEqual([]);
    expect(o.namedScrollRegions.filter((name) => name?.includes('parrede'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
