// The pairing code in a real browser: the secretariat switches it on in the survey tab, answers with codes pair
// across two closed waves, the report's paired section words the result, the key is destroyed through the confirm
// dialog, and axe-core finds nothing on either page.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { answersFor } from '../support/answers';
import { axeViolations, desktop, hasBrowser, launchBrowser, loginAs, startApp, type RunningApp } from '../support/browser';

describe.skipIf(!hasBrowser)('pairing code', () => {
  let app: RunningApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let secretariat: BrowserContext;

  const api = async (method: 'get' | 'post' | 'put', path: string, data?: unknown) => {
    const res = await secretariat.request[method](`${app.baseUrl}${path}`, data === undefined ? undefined : { data });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    secretariat = await browser.browser.newContext(desktop);
    await loginAs(secretariat, app.baseUrl, 'sekretariat@demo.dk', 'gevinst-demo');
  });
  afterAll(async () => {
    await secretariat?.close();
    await browser?.close();
    await app?.stop();
  });

  it('switches on, pairs two waves, shows the paired change and destroys the key', { timeout: 90_000 }, async () => {
    const project = (await api('post', '/api/projects', { name: 'Parret projekt' })).project;
    const unit = (await api('post', '/api/units', { name: 'Parringsafdelingen', headcount: 40 })).unit;
    await api('put', `/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' });
    await api('post', `/api/projects/${project.id}/behaviours`, { title: 'Bruger tjeklisten' });

    const page = await secretariat.newPage();
    await page.goto(`${app.baseUrl}/projects/${project.id}#spoergeskema`);
    const settings = page.getByRole('region', { name: 'Valgfri parringskode' });
    await settings.getByRole('button', { name: 'Slå parringskode til' }).click();
    await settings.getByRole('button', { name: 'Slå parringskode fra' }).waitFor();
    expect(await settings.innerText()).toContain('Slået til');
    expect(await axeViolations(page)).toEqual([]);

    // Ten people with a code in both waves (favourable at follow-up only when i < 8), five without each time.
    const code = (i: number) => ({ 'pairing.mother': `k${'abcdefghij'[i]}`, 'pairing.house': String(i), 'pairing.school': 'øs' });
    for (const phase of ['baseline', 'followup'] as const) {
      const wave = (await api('post', `/api/projects/${project.id}/waves`, { name: phase === 'baseline' ? 'Før' : 'Efter', phase })).wave;
      await api('post', `/api/waves/${wave.id}/open`);
      const [link] = (await api('get', `/api/waves/${wave.id}/links`)).links;
      const { itemMap } = await api('get', `/api/projects/${project.id}/survey/preview?phase=${phase}`);
      const send = (adoption: number, extra: Record<string, string> = {}) =>
        api('post', `/api/s/${link.token}/responses`, { submissionId: randomUUID(), locale: 'da', answers: { ...answersFor(itemMap, (i) => (i.construct === 'adoption' ? adoption : 3)), ...extra } });
      for (let i = 0; i < 10; i++) await send(phase === 'baseline' ? (i < 3 ? 5 : 2) : i < 8 ? 5 : 2, code(i));
      for (let i = 0; i < 5; i++) await send(2);
      await api('post', `/api/waves/${wave.id}/close`);
    }

    await page.goto(`${app.baseUrl}/projects/${project.id}/report`);
    const paired = page.getByRole('region', { name: 'De samme medarbejdere før og efter (parret)' });
    await paired.waitFor();
    expect(await paired.innerText()).toMatch(/Blandt de 10 der kunne parres \(match 67\s%\): \+50 procentpoint \(\d+ til \d+\)/);
    const table = paired.getByRole('table', { name: /Bruger tjeklisten: ofte\/altid før og efter/ });
    expect(await table.innerText()).toContain('under 5');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${app.baseUrl}/projects/${project.id}#spoergeskema`);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('region', { name: 'Valgfri parringskode' }).getByRole('button', { name: 'Slet parringsnøglen' }).click();
    await page.getByText(/Parringsnøglen blev slettet/).waitFor();
    expect((await api('get', `/api/projects/${project.id}/pairing`)).pairing).toMatchObject({ enabled: false, keyExists: false });
    await page.close();
  });
});
