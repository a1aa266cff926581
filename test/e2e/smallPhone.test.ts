// The answer page on the smallest phones staff carry (320 × 640) as well as 360 × 740, in Danish and English and
// on a shared tablet's kiosk link: the whole Start button is on the first screen, and the header stays one row —
// the kiosk badge used to push the language switch onto a row of its own, and Start was below the fold at 320 × 640.
// The short-code page says a code of the wrong length is one (not "we do not know that code"), in both languages.
// A closed wave's page in English writes every share as "17% (3–56%)" (not "17% (3–56 %)") and marks the reporting
// group's Danish-only name as Danish.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, loginAs, phone, SECRETARIAT, useBrowserSuite } from '../support/browser';

const SIZES = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
];

/** The header's height and any child whose text does not fit its box. */
const header = (page: Page) =>
  page.locator('header.answer-header').evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    cut: [...el.children].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.className),
  }));

describe.skipIf(!hasBrowser)('the answer page on a small phone', () => {
  const suite = useBrowserSuite();

  for (const viewport of SIZES)
    for (const locale of ['da', 'en'] as const)
      for (const kiosk of [false, true])
        it(`${viewport.width} × ${viewport.height}, ${locale}${kiosk ? ', kiosk' : ''}: Start on the first screen, a one-row header`, { timeout: 60_000 }, async () => {
          const { context, page } = await suite.openPage({ device: { ...phone, viewport } });
          await context.addInitScript((l) => localStorage.setItem('gevinstspor.locale', l), locale);
          await page.goto(`${suite.app.openLink()}${kiosk ? '?kiosk=1' : ''}`);
          const start = page.locator('.sd-navigation__start-btn').first();
          await start.waitFor();
          expect(await page.locator('html').getAttribute('lang')).toBe(locale);
          if (kiosk) await page.locator('.kiosk-badge').waitFor();
          // The switch's name: "Sprog / Language" in Danish, and "Language" once (not "Language / Language") in English.
          expect(await page.getByRole('group', { name: locale === 'da' ? 'Sprog / Language' : 'Language', exact: true }).count()).toBe(1);

          const box = (await start.boundingBox())!;
          expect(box.y + box.height, 'the bottom of Start').toBeLessThanOrEqual(viewport.height);
          expect(box.height, 'Start is still a big target').toBeGreaterThanOrEqual(44);
          const h = await header(page);
          expect(h.height, 'the header is one row').toBeLessThan(56);
          expect(h.cut, 'header parts whose text is cut off').toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll').toBeLessThanOrEqual(viewport.width);
          await context.close();
        });

  for (const [locale, texts] of [
    ['da', { label: 'Kode', open: 'Åbn spørgeskemaet', length: 'En kode har 8 tegn, fx K7QM-4TXH. Tjek den på plakaten, og prøv igen.', unknown: 'Vi kender ikke den kode. Tjek den på plakaten, og prøv igen.' }],
    ['en', { label: 'Code', open: 'Open the survey', length: 'A code has 8 characters, e.g. K7QM-4TXH. Check it on the poster and try again.', unknown: 'We do not know that code. Check it on the poster and try again.' }],
  ] as const)
    it(`/k at 320 × 640, ${locale}: a code with a character missing is said to be too short`, { timeout: 60_000 }, async () => {
      const { context, page } = await suite.openPage({ device: { ...phone, viewport: SIZES[0] } });
      await context.addInitScript((l) => localStorage.setItem('gevinstspor.locale', l), locale);
      await page.goto(`${suite.app.baseUrl}/k`);
      const field = page.getByLabel(texts.label, { exact: true });
      const alert = page.getByRole('alert');
      await field.fill('K7QM-4TX');
      await page.getByRole('button', { name: texts.open }).click();
      await expect.poll(() => alert.textContent()).toBe(texts.length);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      // Eight characters that are no code: unknown, as before.
      await field.fill('K7QM-4TXH');
      await page.getByRole('button', { name: texts.open }).click();
      await expect.poll(() => alert.textContent()).toBe(texts.unknown);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIZES[0].width);
      await context.close();
    });

  it('a closed wave\'s page in English at 320 × 640: one percent format, the group\'s Danish name marked', { timeout: 60_000 }, async () => {
    const { app } = suite;
    const { context, page } = await suite.openPage({ device: { ...phone, viewport: SIZES[0] } });
    await loginAs(context, app.baseUrl, SECRETARIAT.email, SECRETARIAT.password);
    // The demo's baseline has closed; its relief team reports with the night shift as "Nat og afløsere".
    const { waves } = (await (await context.request.get(`${app.baseUrl}/api/projects/1/waves`)).json()) as { waves: { id: number; status: string }[] };
    const closed = waves.find((w) => w.status === 'closed')!;
    const { links } = (await (await context.request.get(`${app.baseUrl}/api/waves/${closed.id}/links`)).json()) as { links: { url: string; group: { name: string } | null }[] };
    const link = links.find((l) => l.group)!;
    await context.clearCookies();
    await context.addInitScript(() => localStorage.setItem('gevinstspor.locale', 'en'));
    await page.goto(link.url);
    await page.getByRole('heading', { level: 1, name: 'What you told us – what we do' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/\d+% \(\d+–\d+%\)/);
    expect(text, 'a space before % in English').not.toMatch(/\d %/);
    const group = page.locator('.feedback-group span[lang="da"]');
    expect(await group.textContent()).toBe(link.group!.name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIZES[0].width);
    await context.close();
  });
});
