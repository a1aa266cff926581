// Posters in a real browser: the secretariat sets the municipality's name, opens a unit's A4 poster and the
// "print all posters" page of a wave. The poster shows the short code, the short address and the close date;
// axe-core finds no serious violations; printed (emulated print media, and page.pdf) every poster is one A4 page
// and nothing reaches past its right edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, logInThroughForm, startApp, type RunningApp } from '../support/browser';

/** Every poster's box, and the widest right edge of anything inside it, in CSS pixels. */
async function posterBoxes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article.poster')].map((poster) => {
      const box = poster.getBoundingClientRect();
      const right = Math.max(...[...poster.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right));
      const inner = poster.querySelector('.poster-inner')!;
      return { left: box.left, width: box.width, height: box.height, right: box.right, contentRight: right, scrollWidth: inner.scrollWidth, clientWidth: inner.clientWidth, scrollHeight: inner.scrollHeight, clientHeight: inner.clientHeight };
    }),
  );
}

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A4 at 96 CSS px per inch. */
const A4_WIDTH_PX = (210 / 25.4) * 96;
const A4_HEIGHT_PX = (297 / 25.4) * 96;

/** Pages in a PDF made by Chromium (each page object is /Type /Page). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe.skipIf(!hasBrowser)('posters: one A4 poster per unit, with code, short address and close date', () => {
  let app: RunningApp;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let projectId = 0;
  let waveId = 0;
  let links: { id: number; unitName: string; shortCode: string }[] = [];

  beforeAll(async () => {
    app = await startApp({ PUBLIC_URL: 'https://gevinstspor.testrup.dk' });
    const launched = await launchBrowser();
    closeBrowser = launched.close;
    context = await launched.browser.newContext(desktop);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('dialog', (d) => void d.accept());
    await logInThroughForm(page, app.baseUrl);
    await page.waitForURL(/\/projects$/);
    const api = page.context().request;
    const listed = await api.get(`${app.baseUrl}/api/projects`);
    if (!listed.ok()) throw new Error(`projects: ${listed.status()} ${await listed.text()}`);
    const projects = (await listed.json()).projects as { id: number }[];
    projectId = projects[0].id;
    const created = await api.post(`${app.baseUrl}/api/projects/${projectId}/waves`, { data: { name: 'Plakatrunde', phase: 'baseline', closesOn: '2099-03-01' }, headers: { origin: app.baseUrl } });
    if (created.status() !== 201) throw new Error(`wave: ${created.status()} ${await created.text()}`);
    waveId = (await created.json()).wave.id;
    links = (await (await api.get(`${app.baseUrl}/api/waves/${waveId}/links`)).json()).links;
    if (links.length < 2) throw new Error('the demo project should have several units');
  });
  afterAll(async () => {
    await context?.close();
    await closeBrowser?.();
    await app?.stop();
  });

  it('the secretariat sets the municipality\'s name under Indstillinger', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indstillinger' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Indstillinger' }).isVisible()).toBe(true);
    await page.getByLabel('Kommunens navn').fill('Testrup Kommune');
    // A file that is not PNG or JPEG is refused in the page, next to the field.
    await page.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    await expect.poll(() => page.getByText('Vælg et billede i PNG eller JPEG').isVisible()).toBe(true);
    await page.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
    await expect.poll(() => page.getByRole('img', { name: 'Kommunens logo' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, '/settings');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await expect.poll(() => page.getByText('Indstillingerne er gemt.').isVisible()).toBe(true);
  });

  it('the poster for one unit shows its code, the short address and the close date, in Danish or English', async () => {
    const link = links[0];
    await page.goto(`${app.baseUrl}/projects/${projectId}/waves/${waveId}/poster/${link.id}`);
    const poster = page.locator('article.poster');
    await expect.poll(() => poster.getByText(link.shortCode, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => poster.getByText('gevinstspor.testrup.dk/k', { exact: true }).isVisible()).toBe(true);
    expect(await poster.getByText('Svar senest 1. marts 2099').isVisible()).toBe(true);
    expect(await poster.getByText('Testrup Kommune').isVisible()).toBe(true);
    expect(await poster.locator('img.poster-logo').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await poster.getByText(/mindst \d+ besvarelser/).isVisible()).toBe(true);
    expect(await poster.getByText(/det tager ca\. \d+ minut/).isVisible()).toBe(true);
    expect(await poster.getByRole('img', { name: `QR-kode til spørgeskemaet for ${link.unitName}` }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'poster');

    await page.getByRole('radio', { name: 'English' }).check();
    await expect.poll(() => poster.getByText('Please answer by 1 March 2099').isVisible()).toBe(true);
    expect(await poster.getAttribute('lang')).toBe('en');
    await page.getByRole('radio', { name: 'Dansk' }).check();

    await page.emulateMedia({ media: 'print' });
    const [box] = await posterBoxes(page);
    expect(box.width).toBeCloseTo(A4_WIDTH_PX, 0);
    expect(box.height).toBeLessThanOrEqual(A4_HEIGHT_PX);
    expect(box.height).toBeGreaterThan(A4_HEIGHT_PX - 4);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.contentRight).toBeLessThanOrEqual(box.right + 0.5);
    expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight);
    await page.emulateMedia({ media: null });
    const one = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(one)).toBe(1);
  });

  it('"Print alle plakater" makes one document with one poster per unit, each one A4 page', async () => {
    await page.goto(`${app.baseUrl}/projects/${projectId}/waves/${waveId}/posters`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Plakater til Plakatrunde' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('article.poster').count()).toBe(links.length);
    for (const l of links) expect(await page.locator('article.poster').getByText(l.shortCode, { exact: true }).count()).toBe(1);
    // Every QR code has loaded before printing.
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('img.poster-qr')].every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
    await expectNoAxeViolations(page, 'all posters');

    await page.emulateMedia({ media: 'print' });
    for (const box of await posterBoxes(page)) {
      expect(box.width).toBeCloseTo(A4_WIDTH_PX, 0);
      expect(box.contentRight).toBeLessThanOrEqual(box.right + 0.5);
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
      expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight);
    }
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf)).toBe(links.length);
  });

  it('the links panel shows each unit\'s code and kiosk link, and replaces or revokes a link after confirming', async () => {
    await page.goto(`${app.baseUrl}/projects/${projectId}#maalinger`);
    await page.getByRole('button', { name: 'Vis links og QR-koder for Plakatrunde' }).click();
    const [first, second] = links;
    await expect.poll(() => page.getByText(first.shortCode, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(/\?kiosk=1$/).count()).toBe(links.length);
    expect(await page.getByRole('link', { name: 'Print alle plakater' }).getAttribute('href')).toBe(`/projects/${projectId}/waves/${waveId}/posters`);
    await expectNoAxeViolations(page, 'links panel');

    await page.getByRole('button', { name: `Erstat link til ${first.unitName}` }).click();
    await expect.poll(() => page.getByText(`${first.unitName} har fået et nyt link og en ny kode.`, { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText(first.shortCode, { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: `Tilbagekald link til ${second.unitName}` }).click();
    await expect.poll(() => page.getByText(`Linket til ${second.unitName} er tilbagekaldt.`).isVisible()).toBe(true);
    expect(await page.getByText('Tilbagekaldt', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: `Tilbagekald link til ${second.unitName}` }).count()).toBe(0);
    await expectNoAxeViolations(page, 'links panel with a revoked link');
    const lookup = await page.context().request.get(`${app.baseUrl}/api/k/${second.shortCode}`);
    expect(lookup.status()).toBe(410);
  });
});
