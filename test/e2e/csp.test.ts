// The Content-Security-Policy in the real built app: the answer page (SurveyJS), the staff app, the survey editor,
// the dashboard's charts and the posters (logo, QR codes) all work under it, and the browser reports no violation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasBrowser, logInThroughForm, useBrowserSuite } from '../support/browser';

describe.skipIf(!hasBrowser)('the Content-Security-Policy in a real browser', () => {
  const suite = useBrowserSuite();
  let context: BrowserContext;
  const violations: string[] = [];

  /** A page that records every CSP refusal, from the console and from securitypolicyviolation events. */
  const watched = async (): Promise<Page> => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('console', (m) => {
      if (/Refused to|Content Security Policy|CSP violation/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    return page;
  };

  beforeAll(async () => {
    ({ context } = await suite.openPage());
  });
  it('every page answers with the policy, without unsafe-eval, and refuses framing', async () => {
    const res = await context.request.get(`${suite.app.baseUrl}/login`);
    const csp = res.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect((await context.request.get(suite.app.openLink())).headers()['content-security-policy']).toBe(csp);
  });

  it('the answer page, the staff app, the editor, the dashboard and the posters run with no CSP violation', { timeout: 120_000 }, async () => {
    const answer = await watched();
    await answer.goto(suite.app.openLink());
    // SurveyJS rendered its intro, and after Start its first question.
    await answer.locator('.sd-navigation__start-btn').first().click();
    await answer.locator('.sd-question').first().waitFor();

    const page = await watched();
    await logInThroughForm(page, suite.app.baseUrl);
    await page.waitForURL(/\/projects$/);
    const api = page.context().request;
    const projectId = ((await (await api.get(`${suite.app.baseUrl}/api/projects`)).json()).projects as { id: number }[])[0].id;
    await page.goto(`${suite.app.baseUrl}/projects/${projectId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${suite.app.baseUrl}/projects/${projectId}/survey`);
    await page.getByRole('heading', { level: 1, name: /^Spørgeskema/ }).waitFor();
    await page.goto(`${suite.app.baseUrl}/projects/${projectId}/report`);
    await page.getByRole('heading', { level: 2, name: 'Overblik' }).waitFor();
    // chart.js draws into canvases; wait until at least one is on the page.
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const waves = (await (await api.get(`${suite.app.baseUrl}/api/projects/${projectId}/waves`)).json()).waves as { id: number }[];
    await page.goto(`${suite.app.baseUrl}/projects/${projectId}/waves/${waves[0].id}/posters`);
    await expect.poll(() => page.locator('article.poster').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // QR codes are images (data: or blob: or /api); every one loaded.
    await expect.poll(() => page.locator('article.poster img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    expect(violations).toEqual([]);
  });
});
