// Issue 12's whole loop in one browser run, on the demo: the leader of Plejecenter Solhaven runs a workshop that
// two phones join (they write and vote), records the unit's agreed description, follows the offer to add the first
// action, and sees that action on the behaviour's timeline in the report. When the secretariat closes the open
// wave, Solhaven's survey link (the poster's QR code) shows the feedback page with the description and the action,
// and the night team's link, with too few answers, shows a hidden cell with the reason instead of a number.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answersFor } from '../support/answers';
import { axeViolations, hasBrowser, MANAGER, phone, SECRETARIAT, useBrowserSuite } from '../support/browser';

const PROJECT = 'Digital overlevering på plejecentrene';
const DESCRIPTION = 'Hos os læser vi status på tabletten, før vi går ind til den første beboer.';
const ACTION = 'Fem minutters gennemgang af tabletten på morgenmødet';

describe.skipIf(!hasBrowser)('the change loop: workshop, agreed description, action, timeline and feedback', () => {
  const suite = useBrowserSuite({ FREE_TEXT_THRESHOLD: '5' });

  it('runs from the workshop to the feedback page on the unit\'s link', { timeout: 180_000 }, async () => {
    const base = suite.app.baseUrl;
    const { context: leaderContext, page: leader } = await suite.openPage({ login: MANAGER });
    const { context: admin } = await suite.openPage({ login: SECRETARIAT });
    const api = async (context: typeof admin, method: 'get' | 'post', path: string, data?: unknown) => {
      const res = await context.request[method](`${base}${path}`, data === undefined ? undefined : { data });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    const projectId = ((await api(leaderContext, 'get', '/api/projects')).projects as { id: number; name: string }[]).find((p) => p.name === PROJECT)!.id;
    const project = (await api(admin, 'get', `/api/projects/${projectId}`)).project as { rollouts: { unitId: number; unitName: string }[]; behaviours: { id: number; title: string; archivedAt: string | null }[] };
    const solhaven = project.rollouts.find((r) => r.unitName === 'Plejecenter Solhaven')!.unitId;
    const behaviour = project.behaviours.filter((b) => !b.archivedAt)[1];

    // 1. The leader finds the workshops from the project's card in the list and starts one there.
    await leader.goto(`${base}/projects`);
    await leader.locator('li', { has: leader.getByRole('heading', { name: PROJECT }) }).getByRole('link', { name: 'Workshops', exact: true }).click();
    await leader.waitForURL(`${base}/projects/${projectId}/workshops`);
    await leader.getByLabel('Enhed', { exact: true }).selectOption(String(solhaven));
    await leader.getByLabel('Adfærd', { exact: true }).selectOption(String(behaviour.id));
    await leader.getByRole('button', { name: 'Start workshop' }).click();
    await leader.waitForURL(/\/workshops\/\d+$/);
    const code = ((await leader.locator('.ws-short-address').textContent()) ?? '').split('/w/')[1] ?? '';
    expect(code).toMatch(/^[23456789A-Z]{4}-[23456789A-Z]{4}$/);

    // 2. Two phones join by the code, write and vote; nothing is shown to the room below the threshold (5, the lowest allowed).
    const phones: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const page = await (await suite.browser.newContext(phone)).newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${base}/w/${code}`);
      await page.getByRole('heading', { level: 1, name: behaviour.title }).waitFor();
      phones.push(page);
    }
    const write = async (page: Page, kind: 'Sådan gør vi hos os' | 'Det står i vejen', text: string) => {
      await page.getByRole('radio', { name: new RegExp(kind) }).check();
      await page.getByLabel('Dit forslag').fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Tak! Dit forslag er sendt.').waitFor();
    };
    await write(phones[0], 'Sådan gør vi hos os', 'Vi læser status på tabletten i vagtrummet');
    await write(phones[1], 'Det står i vejen', 'Tabletten er ikke ladet op om morgenen');
    await write(phones[0], 'Det står i vejen', 'Login tager for lang tid');
    await write(phones[1], 'Sådan gør vi hos os', 'Vi tjekker status igen før frokost');
    await leader.getByText('4 skrevet — vises når der er mindst 5').waitFor();
    expect(await leader.getByText('Tabletten er ikke ladet op om morgenen').count()).toBe(0);
    await write(phones[0], 'Sådan gør vi hos os', 'Vi siger det højt, når status er læst');
    await leader.getByText('Tabletten er ikke ladet op om morgenen').waitFor();
    await phones[0].getByRole('button', { name: 'Stem på: Tabletten er ikke ladet op om morgenen' }).click();
    await leader.locator('li', { hasText: 'Tabletten er ikke ladet op om morgenen' }).getByText('1 stemme').waitFor();

    // 3. The agreed description closes the workshop and offers the first actions for this unit and behaviour.
    await leader.getByLabel('Beskrivelse (dansk)').fill(DESCRIPTION);
    await leader.getByRole('button', { name: 'Gem og luk workshoppen' }).click();
    await leader.getByText('Beskrivelsen er gemt.').waitFor();
    await phones[0].getByText('Workshoppen er lukket. Tak, fordi du var med.').waitFor();
    await leader.getByRole('link', { name: 'Tilføj de første handlinger' }).click();
    await leader.waitForURL(new RegExp(`/projects/${projectId}/actions\\?unit=${solhaven}&behaviour=${behaviour.id}$`));
    await leader.getByRole('button', { name: 'Tilføj handling', exact: true }).click();
    const form = leader.getByRole('form', { name: 'Tilføj handling' });
    expect(await form.getByLabel('Enhed').inputValue()).toBe(String(solhaven));
    expect(await form.getByLabel('Adfærd').inputValue()).toBe(String(behaviour.id));
    await form.getByLabel('Hvilken barriere handlingen retter sig mod').selectOption('opportunity');
    await form.getByLabel('Handling', { exact: true }).fill(ACTION);
    await form.getByRole('button', { name: 'Gem handling' }).click();
    await leader.getByRole('table', { name: 'Handlinger' }).getByText(ACTION).waitFor();

    // 4. The action is a marker on the behaviour's timeline in the report.
    await leader.goto(`${base}/projects/${projectId}/report`);
    const drilldown = leader.getByRole('region', { name: behaviour.title, exact: true });
    await drilldown.getByRole('list', { name: 'Handlinger på tidslinjen' }).getByText(new RegExp(`Handling: ${ACTION} \\(Plejecenter Solhaven`)).waitFor();

    // 5. The secretariat closes the open wave; two night-shift answers came in before it closed.
    const waves = (await api(admin, 'get', `/api/projects/${projectId}/waves`)).waves as { id: number; status: string; phase: string }[];
    const open = waves.find((w) => w.status === 'open')!;
    const links = (await api(admin, 'get', `/api/waves/${open.id}/links`)).links as { unitId: number; unitName: string; token: string }[];
    const tokenOf = (name: string) => links.find((l) => l.unitName === name)!.token;
    const { itemMap } = await api(admin, 'get', `/api/projects/${projectId}/survey/preview?phase=${open.phase}`);
    for (let i = 0; i < 2; i++) await api(admin, 'post', `/api/s/${tokenOf('Nattevagten, Lindely')}/responses`, { submissionId: randomUUID(), locale: 'da', answers: answersFor(itemMap, () => 5) });
    await api(admin, 'post', `/api/waves/${open.id}/close`);

    // 6. Solhaven's survey link now shows what staff said and what the unit does about it.
    const staff = await (await suite.browser.newContext(phone)).newPage();
    await staff.goto(`${base}/s/${tokenOf('Plejecenter Solhaven')}`);
    await staff.getByRole('heading', { level: 1, name: 'Det har I sagt – det gør vi' }).waitFor();
    const feedback = await staff.locator('main').innerText();
    expect(feedback).toContain(DESCRIPTION);
    expect(feedback).toContain(ACTION);
    expect(feedback).toMatch(/\d+ af \d+ af jer/);
    expect(await axeViolations(staff)).toEqual([]);
    // The night team's two answers are too few: a hidden cell with the reason, no number.
    await staff.goto(`${base}/s/${tokenOf('Nattevagten, Lindely')}`);
    await staff.getByRole('heading', { level: 1, name: 'Det har I sagt – det gør vi' }).waitFor();
    const hidden = await staff.locator('main').innerText();
    expect(hidden).toContain('Skjult for at beskytte små grupper.');
    expect(hidden).not.toMatch(/\d+ af \d+ af jer/);
    expect(await axeViolations(staff)).toEqual([]);
  });
});
