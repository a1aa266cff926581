// Real-browser test support: starts the built app on a free port with a fresh database, and Debian's
// Chromium through playwright-core. Without Chromium the tests are skipped LOUDLY (and fail in CI).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect } from 'vitest';
import { startApp, type RunningApp } from './server';

export { startApp, type RunningApp };

const require = createRequire(import.meta.url);

// CHROMIUM_PATH, when set, is the only place looked at (so the skip path can be tried on a machine with Chromium).
const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const chromiumPath = candidates.find((p) => existsSync(p));

if (!chromiumPath) {
  const msg = `\n!!! BROWSER TESTS SKIPPED: no Chromium found (looked in ${candidates.join(', ')}).\n!!! Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH)\n`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(msg);
  console.warn(msg);
}

export const hasBrowser = !!chromiumPath;

// playwright-core's launch() always starts Chromium with a new, empty temporary --user-data-dir of its own
// (it refuses the flag from us), so every run starts from a fresh profile.
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

export const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'da-DK' };
export const desktop = { viewport: { width: 1280, height: 900 }, locale: 'da-DK' };

/** Runs axe-core in the page and returns serious/critical violations (WCAG 2.1 A/AA rules). */
export async function axeViolations(page: Page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's CSP (script-src 'self') refuses those.
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(' ')).slice(0, 5) }));
  });
  return result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
}

export async function loginAs(context: BrowserContext, baseUrl: string, email: string, password: string) {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: { email, password } });
  if (!res.ok()) throw new Error(`login failed ${res.status()}`);
}

/** Logs in through the real login form, as a person would. */
export async function logInThroughForm(page: Page, baseUrl: string, email = 'sekretariat@demo.dk', password = 'gevinst-demo') {
  if (!page.url().endsWith('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/** The app and the browser of one describe block; filled in by its beforeAll (useBrowserSuite). */
export interface BrowserSuite {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A new context (desktop unless told) with a page that waits 15 s, logged in first when `login` is given. */
  openPage(options?: { device?: BrowserContextOptions; login?: { email: string; password: string } }): Promise<{ context: BrowserContext; page: Page }>;
}

export const SECRETARIAT = { email: 'sekretariat@demo.dk', password: 'gevinst-demo' };
export const MANAGER = { email: 'leder@demo.dk', password: 'leder-demo' };

/**
 * Starts the built app (with `env`) and Chromium before the describe block's tests and stops both after them:
 * call it at the top of a describe. Every browser test needs this pair; each file used to spell it out.
 */
export function useBrowserSuite(env: Record<string, string> = {}): BrowserSuite {
  let app: RunningApp | undefined;
  let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    // Both at once: each takes a second or more, and neither needs the other to start.
    const [started, browser] = await Promise.allSettled([startApp(env), launchBrowser()]);
    if (started.status === 'fulfilled') app = started.value;
    if (browser.status === 'fulfilled') launched = browser.value;
    // afterAll stops whichever did start.
    if (started.status === 'rejected') throw started.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  afterAll(async () => {
    await launched?.close();
    await app?.stop();
  });
  const suite: BrowserSuite = {
    get app() {
      if (!app) throw new Error('The app is not started: useBrowserSuite() runs in beforeAll');
      return app;
    },
    get browser() {
      if (!launched) throw new Error('The browser is not started: useBrowserSuite() runs in beforeAll');
      return launched.browser;
    },
    openPage: async ({ device = desktop, login } = {}) => {
      const context = await suite.browser.newContext(device);
      if (login) await loginAs(context, suite.app.baseUrl, login.email, login.password);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return { context, page };
    },
  };
  return suite;
}

/** axe-core finds no serious or critical WCAG 2.1 AA violation on the page (listed in full when it does). */
export async function expectNoAxeViolations(page: Page, where = '') {
  const violations = await axeViolations(page);
  expect(violations, `${where ? `${where}: ` : ''}${JSON.stringify(violations, null, 2)}`).toEqual([]);
}
