// Real-browser test support: starts the built app on a free port with a fresh database, and Debian's
// Chromium through playwright-core. Without Chromium the tests are skipped LOUDLY (and fail in CI).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export { startApp, type RunningApp } from './server';

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
  await page.addScriptTag({ content: source });
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
