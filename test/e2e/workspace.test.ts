// The secretariat builds the care-centre project from scratch in a real browser, next to the demo project:
// units by CSV import (BOM, semicolons, æøå; first with bad rows, then fixed), the project with goals and
// enablers, rollouts with dates, two benefits (one negative) with a KPI measurement, two behaviours linked to
// benefits, enablers and units — and then sees the benefits map with the right boxes and arrows. axe-core
// finds no serious violations on the units page, the project page's parts and the map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, desktop, hasBrowser, launchBrowser, startApp, type RunningApp, logInThroughForm } from '../support/browser';

const HEADER = 'Enheds-id;Enhedsnavn;Overordnet enhed;Type;Antal medarbejdere';
const GOOD_ROWS = [
  'ÆS;Ældre og Sundhed;;forvaltning;0',
  'ÅK;Plejecenter Åkanden;ÆS;center;0',
  'ÅK-D;Åkanden, dagvagt;ÅK;afdeling;24',
  'ÅK-A;Åkanden, aftenvagt;ÅK;afdeling;18',
  'BØ;Plejecenter Bøgely;ÆS;center;31',
];
const csvFile = (rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;

const PROJECT = 'Selvstændig statuslæsning på Åkanden og Bøgely';
const GOALS = ['Mere tid hos beboerne', 'En sikker overlevering mellem vagter'];
const ENABLERS = ['Omsorgssystemets app på vagttelefonerne', 'Kursus i at læse og skrive status'];
const TIME = 'Mere tid til kerneopgaven';
const TALK = 'Mindre fælles faglig drøftelse ved overlevering';
const READ = 'Læser selv beboerens status i omsorgssystemet ved vagtstart';
const WRITE = 'Skriver kort status i systemet efter hvert besøg';

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Waits until the polite status region (or any element) shows the text. */
async function seeText(page: Page | Locator, text: string | RegExp) {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 10_000 });
}

async function selectOptionContaining(select: Locator, text: string) {
  const value = await select.evaluate((el, wanted) => {
    const option = [...(el as HTMLSelectElement).options].find((o) => o.text.includes(wanted));
    return option?.value ?? null;
  }, text);
  if (value === null) throw new Error(`no option containing "${text}"`);
  await select.selectOption(value);
}

describe.skipIf(!hasBrowser)('workspace: the secretariat builds the care-centre project from scratch', () => {
  let app: RunningApp;
  let closeBrowser: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    const launched = await launchBrowser();
    closeBrowser = launched.close;
    context = await launched.browser.newContext(desktop);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
  });

  it('imports units, builds the project and shows the benefits map', { timeout: 180_000 }, async () => {
    // ---- log in through the form
    await logInThroughForm(page, app.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Projekter' }).waitFor();

    // ---- units: CSV import with rejected rows first
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Enheder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enheder' }).waitFor();
    await page.getByLabel('Vælg CSV-fil').setInputFiles({
      name: 'enheder.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csvFile([...GOOD_ROWS, 'BØ-N;Bøgely, nattevagt;BØX;afdeling;6', 'ÅK-A;Åkanden, aftenvagt (kopi);ÅK;afdeling;3']), 'utf8'),
    });
    const csvText = page.getByLabel('CSV-indhold');
    await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('textarea.csv-text')?.value.includes('Plejecenter Åkanden'));
    expect((await csvText.inputValue()).startsWith('Enheds-id;')).toBe(true); // the BOM is gone, æøå intact
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    // Every line of the duplicated id is rejected (the server no longer keeps the first one).
    await seeText(page, '4 oprettes, 0 ændres, 0 er uændrede, 3 afvises.');
    await seeText(page, '3 rækker er afvist, så intet kan gemmes endnu. Ret rækkerne i feltet ovenfor, og vis forhåndsvisningen igen.');
    const rejected = page.locator('table.rejected-table tbody tr');
    await expect.poll(() => rejected.count()).toBe(3);
    expect(await rejected.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-line'), r.getAttribute('data-code')]))).toEqual([
      ['5', 'duplicate_id'],
      ['7', 'parent_unknown'],
      ['8', 'duplicate_id'],
    ]);
    expect(await rejected.nth(0).innerText()).toContain('Enheds-id ÅK-A står også på en senere linje.');
    expect(await rejected.nth(1).innerText()).toContain('Den overordnede enhed BØX findes hverken i filen eller blandt de eksisterende enheder.');
    expect(await rejected.nth(2).innerText()).toContain('Enheds-id ÅK-A står også på en tidligere linje.');
    const importButton = page.getByRole('button', { name: 'Importér ændringerne' });
    expect(await importButton.isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'units page with rejected import rows');

    // Fixed in the text field: the nightshift gets its real parent, the duplicate goes.
    await csvText.fill(csvFile([...GOOD_ROWS, 'BØ-N;Bøgely, nattevagt;BØ;afdeling;6']).replace(/^\uFEFF/, ''));
    await seeText(page, 'Indholdet er ændret efter forhåndsvisningen. Vis forhåndsvisningen igen.');
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await seeText(page, '6 oprettes, 0 ændres, 0 er uændrede, 0 afvises.');
    await expect.poll(() => page.locator('table.create-table tbody tr').count()).toBe(6);
    expect(await importButton.isDisabled()).toBe(false);
    await importButton.click();
    await seeText(page, 'Importen er gemt: 6 oprettet, 0 ændret, 0 uændrede.');

    // The tree: indentation by depth; demo units are still there.
    const row = (name: string) => page.locator('table.unit-tree tbody tr').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^(└ )?${name}`) }) });
    await row('Åkanden, dagvagt').waitFor();
    expect(await row('Ældre og Sundhed').getAttribute('data-depth')).toBe('0');
    expect(await row('Plejecenter Åkanden').getAttribute('data-depth')).toBe('1');
    expect(await row('Åkanden, dagvagt').getAttribute('data-depth')).toBe('2');
    await expect.poll(() => row('Plejecenter Solhaven').count()).toBe(1);

    // On a phone the tree is stacked: nothing is cut off or needs sideways scrolling, and the buttons are reachable.
    await page.setViewportSize({ width: 360, height: 740 });
    const tree = page.getByRole('region', { name: 'Enhedstræet' });
    expect(await tree.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const cell of [row('Åkanden, dagvagt').getByRole('cell', { name: 'Afdeling' }), page.getByRole('button', { name: 'Slet Åkanden, dagvagt' })]) {
      const box = await cell.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    }
    await page.setViewportSize(desktop.viewport);

    // Move: a unit's own subtree is not offered as its parent.
    await page.getByRole('button', { name: 'Redigér Plejecenter Åkanden' }).click();
    const parentOptions = await page.getByLabel('Hører under').evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.text.trim()));
    expect(parentOptions).toContain('Ældre og Sundhed');
    expect(parentOptions).not.toContain('Plejecenter Åkanden');
    expect(parentOptions).not.toContain('Åkanden, dagvagt');
    await page.getByRole('button', { name: 'Annullér' }).click();

    // Bad input: a negative headcount is refused next to the field, and nothing is saved.
    await page.getByRole('button', { name: 'Redigér Åkanden, dagvagt' }).click();
    const headcount = page.getByLabel('Antal medarbejdere', { exact: true });
    await headcount.fill('-3');
    await page.getByRole('button', { name: 'Gem enhed' }).click();
    await seeText(page, 'Antal medarbejdere kan ikke være negativt.');
    expect(await headcount.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await headcount.getAttribute('aria-describedby')) ?? '';
    const errorTexts = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(errorTexts).toContain('Antal medarbejdere kan ikke være negativt.');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true'); // focus moved to the problem
    await headcount.fill('22');
    await page.getByRole('button', { name: 'Gem enhed' }).click();
    await seeText(page, 'Åkanden, dagvagt er gemt.');
    expect(await row('Åkanden, dagvagt').locator('td.num').innerText()).toBe('22');
    await expectNoAxeViolations(page, 'units page');

    // ---- the project, with goals and enablers
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Projekter' }).click();
    await page.getByRole('button', { name: 'Nyt projekt' }).click();
    await page.getByLabel('Projektets navn').fill(PROJECT);
    await page.getByLabel('Formål (valgfrit)').fill('Medarbejderne læser selv beboernes status i omsorgssystemet, så den fælles oplæsning ved vagtskifte kan kortes ned.');
    await page.getByLabel('Projektleder (valgfrit)').fill('Projektleder Sara Møller');
    await page.getByRole('button', { name: 'Opret projekt' }).click();
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    const projectId = Number(/\/projects\/(\d+)/.exec(page.url())![1]);
    await seeText(page, 'Kom godt i gang');

    for (const goal of GOALS) {
      await page.getByLabel('Nyt mål').fill(goal);
      await page.getByRole('button', { name: 'Tilføj mål' }).click();
      await seeText(page, `Målet "${goal}" er tilføjet.`);
    }
    for (const enabler of ENABLERS) {
      await page.getByLabel('Ny leverance').fill(enabler);
      await page.getByRole('button', { name: 'Tilføj leverance' }).click();
      await seeText(page, `Leverancen "${enabler}" er tilføjet.`);
    }
    // An empty goal is refused next to the field.
    await page.getByRole('button', { name: 'Tilføj mål' }).click();
    expect(await page.getByLabel('Nyt mål').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'project page: overview');

    const tabs = page.getByRole('navigation', { name: 'Projektets afsnit' });

    // ---- units and go-live dates
    await tabs.getByRole('link', { name: /^Enheder & udrulning/ }).click();
    for (const [unit, date] of [
      ['Åkanden, dagvagt', '2026-03-02'],
      ['Åkanden, aftenvagt', '2026-03-16'],
      ['Plejecenter Bøgely', '2026-05-04'],
    ] as const) {
      await selectOptionContaining(page.getByLabel('Vælg enhed'), unit);
      await page.getByLabel('Idriftsættelsesdato (valgfrit)').fill(date);
      await page.getByRole('button', { name: 'Tilføj enhed' }).click();
      await seeText(page, `${unit} er tilføjet til projektet.`);
    }
    await page.waitForFunction(() => document.querySelectorAll('.timeline-svg [data-unit-id] .tl-golive').length === 3);

    // ---- benefits: the target date before the baseline date is refused, then fixed
    await tabs.getByRole('link', { name: /^Gevinster/ }).click();
    await page.getByLabel('Gevinst', { exact: true }).fill(TIME);
    await page.getByLabel('Gevinstejer (valgfrit)').fill('Centerchef for Ældre og Sundhed');
    await selectOptionContaining(page.getByLabel('Gevinstejerens enhed (valgfrit)'), 'Plejecenter Åkanden');
    await page.getByLabel('Måling (KPI) (valgfrit)').fill('Minutter brugt på overlevering pr. vagtskifte');
    await page.getByLabel('Måleenhed (valgfrit)').fill('minutter');
    await page.getByLabel('Datakilde (valgfrit)').fill('Tidsregistrering, stikprøve to uger pr. kvartal');
    await page.getByLabel('Baselineværdi').fill('30');
    await page.getByLabel('Baselinedato').fill('2026-01-15');
    await page.getByLabel('Målværdi').fill('10');
    await page.getByLabel('Måldato').fill('2025-12-31');
    await page.getByRole('checkbox', { name: GOALS[0] }).check();
    await page.getByRole('button', { name: 'Tilføj gevinst' }).click();
    await seeText(page, 'Måldatoen må ikke ligge før baselinedatoen.');
    expect(await page.getByLabel('Måldato').getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === '2025-12-31'); // focus moved to the problem
    await expectNoAxeViolations(page, 'benefit form with an error');
    await page.getByLabel('Måldato').fill('2026-12-31');
    await page.getByRole('button', { name: 'Tilføj gevinst' }).click();
    await seeText(page, `Gevinsten "${TIME}" er tilføjet.`);

    await page.getByRole('button', { name: 'Ny gevinst' }).click();
    await page.getByLabel('Gevinst', { exact: true }).fill(TALK);
    await page.getByRole('radio', { name: 'Negativ gevinst' }).check();
    await page.getByLabel('Type', { exact: true }).selectOption('kvalitet');
    await page.getByLabel('Gevinstejer (valgfrit)').fill('Sygeplejefaglig leder');
    await page.getByRole('button', { name: 'Tilføj gevinst' }).click();
    await seeText(page, `Gevinsten "${TALK}" er tilføjet.`);
    const talkCard = page.getByRole('article', { name: TALK });
    expect(await talkCard.innerText()).toContain('Negativ gevinst');

    // A KPI measurement, shown in a table and a chart against baseline and target.
    const timeCard = page.getByRole('article', { name: TIME });
    await timeCard.getByLabel('Værdi (minutter)').fill('24');
    await timeCard.getByLabel('Dato', { exact: true }).fill('2026-03-30');
    await timeCard.getByLabel('Note (valgfrit)').fill('Stikprøve efter idriftsættelse');
    await timeCard.getByRole('button', { name: `Tilføj måling til ${TIME}` }).click();
    await seeText(page, 'Målingen er tilføjet.');
    // A next attempt with a bad value: the error sits at the field, and the old status no longer stands beside it.
    await timeCard.getByLabel('Værdi (minutter)').fill('mange');
    await timeCard.getByRole('button', { name: `Tilføj måling til ${TIME}` }).click();
    await seeText(timeCard, 'Skriv et tal, fx 12,5.');
    await expect.poll(() => page.getByText('Målingen er tilføjet.').count()).toBe(0);
    await timeCard.getByLabel('Værdi (minutter)').fill('');
    await timeCard.getByRole('img', { name: /Graf over KPI for Mere tid til kerneopgaven/ }).waitFor();
    expect(await timeCard.getByRole('region', { name: `KPI-målinger for ${TIME}` }).innerText()).toContain('24 minutter');
    expect(await timeCard.innerText()).toMatch(/30\s%\saf vejen fra baseline til mål/);
    await expectNoAxeViolations(page, 'project page: benefits');

    // ---- behaviours linked to benefits, enablers and units
    await tabs.getByRole('link', { name: /^Adfærd/ }).click();
    await page.getByLabel('Titel', { exact: true }).fill(READ);
    await page.getByLabel('Målgruppe (valgfrit)').fill('Social- og sundhedsmedarbejdere på dag- og aftenvagt');
    await page.getByLabel('Forventet hyppighed (valgfrit)').fill('Hver vagt');
    await page.getByLabel('Situation (valgfrit)').fill('Ved vagtstart, før første besøg');
    await page.getByLabel('Gammel adfærd, som erstattes (valgfrit)').fill('Lytter til fælles oplæsning af alle beboeres status ved vagtskifte');
    expect(await page.getByRole('checkbox', { name: 'Primær adfærd' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: TIME }).check();
    await page.getByRole('checkbox', { name: new RegExp(TALK) }).check();
    for (const e of ENABLERS) await page.getByRole('checkbox', { name: e }).check();
    await page.getByRole('checkbox', { name: 'Åkanden, dagvagt' }).check();
    await page.getByRole('checkbox', { name: 'Åkanden, aftenvagt' }).check();
    await expectNoAxeViolations(page, 'behaviour form');
    await page.getByRole('button', { name: 'Tilføj adfærd' }).click();
    await seeText(page, `Adfærden "${READ}" er tilføjet.`);

    await page.getByRole('button', { name: 'Ny adfærd' }).click();
    await page.getByLabel('Titel', { exact: true }).fill(WRITE);
    await page.getByLabel('Forventet hyppighed (valgfrit)').fill('Efter hvert besøg');
    expect(await page.getByRole('checkbox', { name: 'Primær adfærd' }).isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: TIME }).check();
    await page.getByRole('checkbox', { name: ENABLERS[0] }).check();
    await page.getByRole('button', { name: 'Tilføj adfærd' }).click();
    await seeText(page, `Adfærden "${WRITE}" er tilføjet.`);
    const readCard = page.getByRole('article', { name: READ });
    expect(await readCard.innerText()).toContain('Primær adfærd');
    expect(await readCard.innerText()).toContain('Åkanden, dagvagt; Åkanden, aftenvagt');
    await expectNoAxeViolations(page, 'project page: behaviours');

    // ---- the benefits map: boxes, arrows, the negative mark and the gaps
    await tabs.getByRole('link', { name: 'Gevinstdiagram' }).click();
    const svg = page.locator('svg[data-testid="benefits-map"]');
    await svg.waitFor();
    const boxes = await svg.locator('a.map-node').evaluateAll((els) =>
      els.map((el) => ({ id: el.getAttribute('data-node-id')!, label: el.getAttribute('aria-label')!, text: el.textContent ?? '', negative: el.getAttribute('data-negative') === 'true' })),
    );
    expect(boxes.map((b) => b.label).sort()).toEqual(
      [
        ...ENABLERS.map((e) => `Leverance ${e}`),
        `Primær adfærd ${READ}`,
        `Adfærd ${WRITE}`,
        `Gevinst ${TIME}`,
        `Negativ gevinst ${TALK}`,
        ...GOALS.map((g) => `Mål ${g}`),
      ].sort(),
    );
    const idOf = (title: string) => boxes.find((b) => b.label.endsWith(` ${title}`))!.id;
    const talkBox = boxes.find((b) => b.id === idOf(TALK))!;
    expect(talkBox.negative).toBe(true);
    expect(talkBox.text.startsWith('Negativ gevinst ')).toBe(true);
    expect(talkBox.text.replace(/\s+/g, ' ').trim()).toBe(talkBox.label);
    expect(boxes.filter((b) => b.negative)).toHaveLength(1);
    // Box text is wrapped into lines inside the box.
    await expect.poll(() => svg.locator(`a[data-node-id="${idOf(READ)}"] tspan`).count()).toBeGreaterThan(1);

    const edges = await svg.locator('path.map-edge').evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-from')} → ${el.getAttribute('data-to')}${el.getAttribute('data-negative') === 'true' ? ' (negativ)' : ''}`),
    );
    const [app0, course] = ENABLERS.map((e) => idOf(e));
    const [read, write] = [idOf(READ), idOf(WRITE)];
    const [time, talk] = [idOf(TIME), idOf(TALK)];
    const goal0 = idOf(GOALS[0]);
    expect(edges.sort()).toEqual(
      [
        `${app0} → ${read}`,
        `${course} → ${read}`,
        `${app0} → ${write}`,
        `${read} → ${time}`,
        `${read} → ${talk} (negativ)`,
        `${write} → ${time}`,
        `${time} → ${goal0}`,
      ].sort(),
    );
    const gaps = await page.locator('.map-gaps li').evaluateAll((els) => els.map((el) => [el.getAttribute('data-gap'), el.textContent]));
    expect(gaps).toEqual([['goal_without_benefit', `Målet "${GOALS[1]}" har ingen gevinster.`]]);
    await expectNoAxeViolations(page, 'project page: benefits map');

    // Choosing a box opens the item's edit form.
    await svg.locator(`a[data-node-id="${talk}"]`).click();
    await page.getByRole('heading', { name: `Redigér gevinst: ${TALK}` }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Redigér gevinst: ${TALK}`);
    expect(page.url()).toContain(`#gevinster/benefit-${talk.split(':')[1]}`);
    await page.getByRole('button', { name: 'Annullér' }).click();

    // ---- a survey round on the timeline; a behaviour the frozen survey measures is archived, not deleted
    const origin = { origin: app.baseUrl };
    const detail = (await (await page.request.get(`${app.baseUrl}/api/projects/${projectId}`)).json()).project;
    const wave = await page.request.post(`${app.baseUrl}/api/projects/${projectId}/waves`, {
      headers: origin,
      data: { name: 'Nulpunktsmåling februar 2026', phase: 'baseline', unitIds: detail.rollouts.map((r: { unitId: number }) => r.unitId), opensOn: '2026-02-02', closesOn: '2026-02-20' },
    });
    expect(wave.status()).toBe(201);
    const waveId = (await wave.json()).wave.id;
    expect((await page.request.post(`${app.baseUrl}/api/waves/${waveId}/open`, { headers: origin, data: {} })).status()).toBe(200);

    await page.goto(`${app.baseUrl}/projects/${projectId}#enheder`);
    await page.reload(); // the same page with another hash is not reloaded by goto
    await page.locator(`.timeline-svg [data-wave-id="${waveId}"] rect.tl-wave.baseline`).waitFor();
    await page.locator('summary', { hasText: 'Tidslinjen som tabel' }).click();
    expect(await page.getByRole('region', { name: 'Tidslinjen som tabel' }).innerText()).toContain('Måling: Nulpunktsmåling februar 2026 (nulpunktsmåling');
    await expectNoAxeViolations(page, 'project page: units and rollout');

    await tabs.getByRole('link', { name: /^Adfærd/ }).click();
    page.once('dialog', (d) => {
      expect(d.message()).toContain('bliver derfor arkiveret i stedet for slettet');
      void d.accept();
    });
    await page.getByRole('button', { name: `Slet ${WRITE}` }).click();
    await seeText(page, `${WRITE}: Arkiveret, fordi et spørgeskema allerede måler den. Historikken bevares.`);
    await page.getByRole('article', { name: WRITE }).getByText('Arkiveret, fordi et spørgeskema allerede måler den.').waitFor();
    await page.getByRole('button', { name: `Genopret ${WRITE}` }).click();
    await seeText(page, `Adfærden "${WRITE}" er genoprettet.`);

    // A benefit with KPI measurements is archived too, and says why.
    await tabs.getByRole('link', { name: /^Gevinster/ }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: `Slet ${TIME}` }).click();
    await seeText(page, `${TIME}: Arkiveret, fordi der er registreret KPI-målinger. Historikken bevares.`);
    await page.getByRole('button', { name: `Genopret ${TIME}` }).click();
    await seeText(page, `Gevinsten "${TIME}" er genoprettet.`);

    // ---- the full-size map: projector and A4 landscape print; English available
    await tabs.getByRole('link', { name: 'Gevinstdiagram' }).click();
    await page.getByRole('link', { name: /Åbn gevinstdiagrammet i fuld størrelse/ }).click();
    await page.getByRole('heading', { level: 1, name: `Gevinstdiagram: ${PROJECT}` }).waitFor();
    await expect.poll(() => page.locator('svg[data-testid="benefits-map"] path.map-edge').count()).toBe(7);
    await expectNoAxeViolations(page, 'full-size benefits map');
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const box = /MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(box, 'the PDF has a page size').not.toBeNull();
    expect(Number(box![1])).toBeGreaterThan(Number(box![2])); // landscape
    expect(Math.round(Number(box![1]))).toBe(842); // A4: 297 mm = 842 pt

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Benefits map: ${PROJECT}` }).waitFor();
    expect(await page.locator(`a[data-node-id="${talk}"]`).getAttribute('aria-label')).toBe(`Negative benefit ${TALK}`);
    await page.getByRole('button', { name: 'Dansk' }).click();

    // A box on the full-size page opens the item on the project page.
    await page.locator(`a[data-node-id="${read}"]`).click();
    await page.getByRole('heading', { name: `Redigér adfærd: ${READ}` }).waitFor();
    await page.waitForTimeout(400); // longer than the app's own move of focus to the new page's h1
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Redigér adfærd: ${READ}`);

    // ---- the same picture as JSON
    const json = (await (await page.request.get(`${app.baseUrl}/api/projects/${projectId}`)).json()).project;
    expect(json.benefits.map((b: { title: string; direction: string }) => [b.title, b.direction])).toEqual([
      [TIME, 'positive'],
      [TALK, 'negative'],
    ]);
    expect(json.behaviours.find((b: { title: string }) => b.title === READ)).toMatchObject({ isPrimary: true, situation: 'Ved vagtstart, før første besøg', expectedFrequency: 'Hver vagt' });
    expect(json.rollouts.map((r: { goLiveDate: string }) => r.goLiveDate)).toEqual(['2026-03-02', '2026-03-16', '2026-05-04']);
  });
});
