// A workshop in a real browser: the demo's unit leader starts one on a behaviour for Plejecenter Solhaven, two
// phones (separate browser contexts, no login) open its address, write and vote; the projector page shows nothing
// but the count until the free-text threshold (5 here) is reached, then the suggestions; the leader records the
// unit's agreed description (which closes the workshop) and is offered the first actions; the phones then say it
// is closed; the side-by-side view shows the new wording. axe-core on the projector page and the phone page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, logInThroughForm, phone, startApp, type RunningApp } from '../support/browser';

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe.skipIf(!hasBrowser)('workshop: a leader and two phones describe a behaviour together', () => {
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let leaderContext: BrowserContext;
  let leader: Page;
  const phones: { context: BrowserContext; page: Page }[] = [];
  let projectId = 0;
  let unitId = 0;
  let behaviour = { id: 0, title: '' };
  let code = '';
  const phoneScripts: string[] = [];

  beforeAll(async () => {
    app = await startApp({ FREE_TEXT_THRESHOLD: '5' });
    const launched = await launchBrowser();
    browser = launched.browser;
    closeBrowser = launched.close;
    leaderContext = await browser.newContext(desktop);
    leader = await leaderContext.newPage();
    leader.setDefaultTimeout(15_000);
    leader.on('dialog', (d) => void d.accept());
    await logInThroughForm(leader, app.baseUrl, 'leder@demo.dk', 'leder-demo');
    await leader.waitForURL(/\/projects$/);
    const api = leaderContext.request;
    const projects = (await (await api.get(`${app.baseUrl}/api/projects`)).json()).projects as { id: number }[];
    projectId = projects[0].id;
    const project = (await (await api.get(`${app.baseUrl}/api/projects/${projectId}`)).json()).project as { rollouts: { unitId: number; unitName: string }[]; behaviours: { id: number; title: string; archivedAt: string | null }[] };
    unitId = project.rollouts.find((r) => r.unitName === 'Plejecenter Solhaven')!.unitId;
    // The demo's first behaviour already has Solhaven's description from a past workshop; this one starts afresh.
    behaviour = project.behaviours.filter((b) => !b.archivedAt)[1];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext(phone);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      if (i === 0) page.on('request', (r) => void (r.resourceType() === 'script' && phoneScripts.push(r.url())));
      phones.push({ context, page });
    }
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  it('starts from the project\'s behaviours and shows the join address and QR code on the projector', async () => {
    await leader.goto(`${app.baseUrl}/projects/${projectId}#adfaerd`);
    await leader.getByRole('link', { name: 'Workshops og enhedernes beskrivelser' }).click();
    await leader.waitForURL(/\/workshops$/);
    // A unit she does not lead: no start button, and Solhaven's past workshops are not shown under its name.
    await leader.getByLabel('Enhed', { exact: true }).selectOption({ label: 'Plejecenter Egebo' });
    await leader.getByText('Workshops i Plejecenter Egebo kan kun ses af dem, der har adgang til enheden.').waitFor();
    expect(await leader.getByRole('button', { name: 'Start workshop' }).isDisabled()).toBe(true);
    expect(await leader.getByRole('cell', { name: 'Lukket' }).count()).toBe(0);
    await leader.getByLabel('Enhed', { exact: true }).selectOption(String(unitId));
    // The demo's past workshop is listed for the unit.
    await expect.poll(() => leader.getByRole('heading', { name: 'Workshops i Plejecenter Solhaven' }).count()).toBe(1);
    await leader.getByRole('cell', { name: 'Lukket' }).first().waitFor();
    await leader.getByLabel('Adfærd', { exact: true }).selectOption(String(behaviour.id));
    await leader.getByRole('button', { name: 'Start workshop' }).click();
    await leader.waitForURL(/\/workshops\/\d+$/);
    await leader.getByRole('heading', { level: 1, name: behaviour.title }).waitFor();
    const address = (await leader.locator('.ws-short-address').textContent()) ?? '';
    code = address.split('/w/')[1] ?? '';
    expect(code).toMatch(/^[23456789A-Z]{4}-[23456789A-Z]{4}$/);
    // The QR code is its own request: on a busy machine it may still be on its way when the heading shows.
    await expect.poll(() => leader.locator('img.ws-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await leader.getByText('0 skrevet — vises når der er mindst 5').waitFor();
    await expectNoAxeViolations(leader, 'projector page');
    // Full screen for the projector: the projector's own page, and back.
    const fullScreen = leader.getByRole('button', { name: 'Fuld skærm' });
    await fullScreen.click();
    await expect.poll(() => leader.evaluate(() => document.fullscreenElement?.className ?? null)).toBe('ws-projector');
    await expect.poll(() => fullScreen.getAttribute('aria-pressed')).toBe('true');
    await fullScreen.click();
    await expect.poll(() => leader.evaluate(() => document.fullscreenElement)).toBe(null);
  });

  it('lets two phones write; the room sees the suggestions only once five exist', async () => {
    const write = async (page: Page, kind: 'Sådan gør vi hos os' | 'Det står i vejen', text: string) => {
      await page.getByRole('radio', { name: new RegExp(kind) }).check();
      await page.getByLabel('Dit forslag').fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Tak! Dit forslag er sendt.').waitFor();
    };
    const [a, b] = phones.map((p) => p.page);
    // A mistyped code says so and offers the code field again, so the phone can try once more.
    await a.goto(`${app.baseUrl}/w/ZZZZ-ZZZZ`);
    await a.getByText('Der er ingen workshop med den kode. Tjek koden på skærmen.').waitFor();
    await a.getByLabel('Koden fra skærmen').fill(code);
    await a.getByRole('button', { name: 'Fortsæt' }).click();
    await a.waitForURL(`${app.baseUrl}/w/${code.replace('-', '')}`);
    await b.goto(`${app.baseUrl}/w/${code.toLowerCase()}`);
    await a.getByRole('heading', { level: 1, name: behaviour.title }).waitFor();
    await expectNoAxeViolations(a, 'phone page');
    // The phone page is its own small bundle: nothing of the staff app, the reports or the survey.
    expect(phoneScripts.some((u) => /WorkshopPhone/.test(u))).toBe(true);
    expect(phoneScripts.filter((u) => /StaffApp|ReportPage|chart|SurveyFrame|AnswerPage/i.test(u))).toEqual([]);
    expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // English on request, Danish again for the rest of the test.
    await b.getByRole('button', { name: 'English' }).click();
    await b.getByRole('heading', { name: 'Write a suggestion' }).waitFor();
    await b.getByRole('button', { name: 'Dansk' }).click();

    await write(a, 'Sådan gør vi hos os', 'Vi tjekker medicinlisten sammen med beboeren');
    await write(b, 'Det står i vejen', 'Der er for få tablets om morgenen');
    await write(a, 'Sådan gør vi hos os', 'Vi skriver en kort note efter hvert besøg');
    await write(b, 'Sådan gør vi hos os', 'Nattevagten lægger status klar kl. 6');
    await leader.getByText('4 skrevet — vises når der er mindst 5').waitFor();
    await b.getByText('4 skrevet — vises når der er mindst 5').waitFor();
    expect(await leader.getByText('Der er for få tablets om morgenen').count()).toBe(0);
    expect(await a.getByText('Der er for få tablets om morgenen').count()).toBe(0);

    await write(a, 'Det står i vejen', 'Login tager for lang tid');
    await leader.getByText('5 forslag skrevet').waitFor();
    await leader.getByText('Der er for få tablets om morgenen').waitFor();
    await a.getByText('Der er for få tablets om morgenen').waitFor();
  });

  it('counts each phone\'s vote once', async () => {
    const [a, b] = phones.map((p) => p.page);
    const voteFor = async (page: Page) => {
      await page.getByRole('button', { name: 'Stem på: Der er for få tablets om morgenen' }).click();
      await page.locator('li', { hasText: 'Der er for få tablets om morgenen' }).getByText('Du har stemt').waitFor();
    };
    await voteFor(a);
    await voteFor(b);
    await leader.locator('li', { hasText: 'Der er for få tablets om morgenen' }).getByText('2 stemmer').waitFor();
    // The phone that voted has no vote button for it any more.
    expect(await a.getByRole('button', { name: 'Stem på: Der er for få tablets om morgenen' }).count()).toBe(0);
  });

  it('records the agreed description, offers the first actions, closes the workshop and shows it side by side', async () => {
    await leader.getByLabel('Beskrivelse (dansk)').fill('Hos os tjekker vi medicinlisten sammen med beboeren og skriver en kort note.');
    await leader.getByRole('button', { name: 'Gem og luk workshoppen' }).click();
    await leader.getByText('Beskrivelsen er gemt.').waitFor();
    const actions = leader.getByRole('link', { name: 'Tilføj de første handlinger' });
    expect(await actions.getAttribute('href')).toBe(`/projects/${projectId}/actions?unit=${unitId}&behaviour=${behaviour.id}`);
    await leader.getByText('Workshoppen er lukket.').waitFor();

    const a = phones[0].page;
    await a.getByText('Workshoppen er lukket. Tak, fordi du var med.').waitFor();
    expect(await a.getByRole('button', { name: 'Send' }).count()).toBe(0);

    await leader.getByRole('link', { name: 'Tilbage til workshops' }).click();
    const side = leader.locator('article', { has: leader.getByRole('heading', { name: behaviour.title }) });
    await side.getByText('Hos os tjekker vi medicinlisten sammen med beboeren og skriver en kort note.').waitFor();
    await expectNoAxeViolations(leader, 'workshops page');
  });
});
