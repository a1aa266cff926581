// The report as CSV and XLSX (GET /api/projects/:id/report.csv and .xlsx): every number in the files is the JSON
// report's number for the same cell, every cell the report hides is hidden in both files (no numbers), a
// unit-scoped manager's files hold only what their JSON report holds, and names that look like formulas are
// neutralised. The files are parsed back with the libraries a reader would use: exceljs and papaparse.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { answersFor } from '../support/answers';
import { ADMIN, clientFor, expectError, testApp } from '../support/api';
import type { ItemMapEntry } from '../../surveys/types';

type App = Awaited<ReturnType<typeof testApp>>['app'];
type Row = Record<string, string | number | null>;

const EVIL = '=HYPERLINK("http://evil","x")';
const PLUS = '+1+2';
const BEHAVIOUR = '@SUM(1+1)';
const NUMBER_COLUMNS_DA = ['Andel positive', 'Nedre grænse (95 %)', 'Øvre grænse (95 %)', 'Svar (n)', 'Ved ikke'];
const CHANGE_COLUMNS_DA = ['Ændring', 'Ændring, nedre grænse (95 %)', 'Ændring, øvre grænse (95 %)', 'Svar før (n)', 'Svar efter (n)'];
const RATE_COLUMNS_DA = ['Svarprocent (fuldførte)', 'Svarprocent (inkl. delvise)', 'Fuldførte svar', 'Delvise svar', 'Medarbejdere'];
const RESULT_TABLES_DA = ['Ny adfærd', 'Hvad hænger det på', 'Egne spørgsmål'];

/** Units (name, headcount) and per wave one adoption answer list per unit (0 = "ved ikke"); other items get 4. */
const UNITS: [string, number][] = [
  ['Aftenholdet', 20],
  ['Bostedet', 20],
  [EVIL, 20],
  [PLUS, 3],
  ['Ældreplejen', 30],
];
const times = (n: number, v: number) => Array.from({ length: n }, () => v);
const WAVES: { name: string; phase: 'baseline' | 'followup'; answers: number[][] }[] = [
  { name: 'Før', phase: 'baseline', answers: [times(8, 2), [4, 4, 2, 2, 1, 3, 5, 2, 2, 4, 4, 1], [4, 4], [5, 5, 5], [4, 2, 0, 0, 0, 3, 3, 5, 2, 1, 0]] },
  { name: 'Efter', phase: 'followup', answers: [[4, 5, 4, 5, 2, 4, 4, 5], [5, 4, 4, 4, 5, 5, 4, 2, 4, 4, 5, 4], [4], [5, 5, 5], [4, 4, 0, 5, 5, 5, 4, 4, 0, 2, 4, 5]] },
];

async function fixture() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Ældrepleje – Økonomi' })).body.project;
  const ids: number[] = [];
  for (const [name, headcount] of UNITS) {
    const u = (await t.post('/api/units', { name, headcount })).body.unit;
    expect((await t.put(`/api/projects/${project.id}/rollouts/${u.id}`, { goLiveDate: null })).status).toBeLessThan(300);
    ids.push(u.id);
  }
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: BEHAVIOUR })).body.behaviour;
  const spec = await t.put(`/api/projects/${project.id}/survey/spec`, {
    spec: {
      behaviours: [{ behaviourId: behaviour.id, constructs: ['adoption', 'old_behaviour', 'capability', 'opportunity', 'motivation'] }],
      customItems: [{ kind: 'rating', id: 'tryg', scale: 'agreement5', favourable: [4, 5], text: { da: '-Jeg føler mig tryg', en: '-I feel safe' } }],
    },
  });
  expect(spec.status).toBe(200);
  for (const spec of WAVES) {
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: spec.name, phase: spec.phase })).body.wave;
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=${spec.phase}`)).body.itemMap;
    for (const [u, adoption] of spec.answers.entries()) {
      const token = links.find((l) => l.unitId === ids[u])!.token;
      for (const value of adoption) {
        const pick = (i: ItemMapEntry) => (i.construct === 'adoption' ? value : value === 0 ? 0 : 4);
        const res = await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, pick), locale: 'da' });
        expect(res.status).toBe(201);
      }
    }
    expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
  }
  const report = (await t.get(`/api/projects/${project.id}/report`)).body.report;
  return { t, projectId: project.id as number, ids, report };
}

async function sessionCookie(app: App, who: { email: string; password: string }) {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify(who) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

async function download(app: App, cookie: string | null, path: string) {
  const res = await app.request(path, { headers: cookie ? { cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const nullish = (v: unknown) => (v === undefined || v === '' ? null : v);

/** Every sheet of a workbook as header-keyed rows (empty cells null), and the workbook for its styles. */
async function readXlsx(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheets: Record<string, Row[]> = {};
  wb.eachSheet((ws) => {
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Row[] = [];
    ws.eachRow((row, i) => {
      if (i === 1) return;
      rows.push(Object.fromEntries(headers.map((h, c) => [h, nullish(row.getCell(c + 1).value) as string | number | null])));
    });
    sheets[ws.name] = rows;
  });
  return { wb, sheets };
}

function readCsv(bytes: Uint8Array) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, dynamicTyping: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { text, rows: parsed.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, nullish(v)])) as Row) };
}

/** The text a spreadsheet shows for a name after formula-neutralising. */
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const keyOf = (...parts: (string | null | undefined)[]) => parts.map((p) => p ?? '').join(' | ');

/** The JSON report's cells, keyed as the files name them: behaviour | question | wave | unit ("I alt" = total). */
function jsonCells(report: any) {
  const shown = report.waves.filter((w: any) => w.resultsShown);
  const cells = new Map<string, any>();
  const add = (behaviour: string | null, item: any) => {
    for (const w of shown) {
      const o = item.overall.find((c: any) => c.waveId === w.id);
      if (o?.measured) cells.set(keyOf(behaviour && safe(behaviour), safe(item.text.da), w.name, 'I alt'), o);
      for (const u of item.units) {
        const c = u.cells.find((x: any) => x.waveId === w.id);
        if (c) cells.set(keyOf(behaviour && safe(behaviour), safe(item.text.da), w.name, safe(u.unitName)), c);
      }
    }
  };
  for (const b of report.behaviours) {
    if (b.adoption) add(b.title, b.adoption);
    // The comparison group's line, as the drill-down shows it (waves with per-unit numbers).
    for (const point of b.comparisonLine ?? []) {
      const w = shown.find((x: any) => x.id === point.waveId);
      if (w?.unitResultsShown) cells.set(keyOf(safe(b.title), safe(b.adoption.text.da), w.name, 'Sammenligningsgruppe (endnu ikke i drift)'), point);
    }
    for (const d of b.diagnostics) add(b.title, d);
  }
  for (const c of report.customItems) add(null, c);
  return cells;
}

function jsonRates(report: any) {
  const rates = new Map<string, any>();
  const wave = (id: number) => report.waves.find((w: any) => w.id === id);
  for (const r of report.responseRates) {
    if (wave(r.waveId).status === 'draft') continue;
    rates.set(keyOf(wave(r.waveId).name, 'I alt'), r);
    if (r.unitsShown) for (const u of r.units) rates.set(keyOf(wave(r.waveId).name, safe(u.unitName)), u);
  }
  return rates;
}

function jsonChanges(report: any) {
  const changes = new Map<string, any>();
  for (const b of report.behaviours) {
    if (b.change) changes.set(keyOf(safe(b.title), 'I alt'), b.change);
    for (const u of b.unitChanges ?? []) changes.set(keyOf(safe(b.title), safe(u.unitName)), u);
  }
  return changes;
}

/** Every number anywhere in a JSON value. */
function numbersIn(value: unknown, into = new Set<number>()) {
  if (typeof value === 'number') into.add(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, into);
  return into;
}

/** Results, changes and response rates of a file, checked against the JSON report cell by cell. */
function expectSameAsReport(report: any, results: Row[], changes: Row[], rates: Row[]) {
  // Results: the same cells, no more, no fewer, with the same numbers; hidden cells without any number.
  const cells = jsonCells(report);
  const rows = new Map(results.map((r) => [keyOf(r['Adfærd'] as string, r['Spørgsmål'] as string, r['Måling'] as string, r['Enhed'] as string), r]));
  expect(rows.size).toBe(results.length);
  expect([...rows.keys()].sort()).toEqual([...cells.keys()].sort());
  let hidden = 0;
  for (const [key, cell] of cells) {
    const row = rows.get(key)!;
    if (cell.hidden) {
      hidden++;
      expect({ key, hidden: row['Skjult'], note: row['Bemærkning'], numbers: NUMBER_COLUMNS_DA.map((c) => row[c]) }).toEqual({ key, hidden: 'ja', note: 'Skjult for at beskytte små grupper', numbers: NUMBER_COLUMNS_DA.map(() => null) });
    } else {
      expect({ key, hidden: row['Skjult'], numbers: NUMBER_COLUMNS_DA.map((c) => row[c]) }).toEqual({ key, hidden: 'nej', numbers: [cell.p, cell.lo, cell.hi, cell.n, cell.dontKnow] });
    }
  }
  expect(hidden).toBeGreaterThan(0);

  // Changes: the headline change per behaviour and each unit's change, where the report has them.
  const jc = jsonChanges(report);
  const changeRows = new Map(changes.filter((r) => r['Tabel'] === 'Ændring').map((r) => [keyOf(r['Adfærd'] as string, r['Enhed'] as string), r]));
  expect([...changeRows.keys()].sort()).toEqual([...new Set([...jc.keys(), ...report.behaviours.filter((b: any) => b.adoption).map((b: any) => keyOf(safe(b.title), 'I alt'))])].sort());
  for (const [key, c] of jc) {
    const row = changeRows.get(key)!;
    expect({ key, numbers: CHANGE_COLUMNS_DA.map((col) => row[col]) }).toEqual({ key, numbers: c.hidden ? CHANGE_COLUMNS_DA.map(() => null) : [c.d, c.lo, c.hi, c.nBefore, c.nAfter] });
  }

  // Response rates: per wave and, once shown, per unit; hidden rows without numbers.
  const jr = jsonRates(report);
  const rateRows = new Map(rates.map((r) => [keyOf(r['Måling'] as string, r['Enhed'] as string), r]));
  expect([...rateRows.keys()].sort()).toEqual([...jr.keys()].sort());
  for (const [key, r] of jr) {
    const row = rateRows.get(key)!;
    expect({ key, hidden: row['Skjult'], numbers: RATE_COLUMNS_DA.map((c) => row[c]) }).toEqual({ key, hidden: r.hidden ? 'ja' : 'nej', numbers: r.hidden ? RATE_COLUMNS_DA.map(() => null) : [r.rr1, r.rr2, r.complete, r.partial, r.eligible] });
  }

  // No number anywhere in the file that the report does not hold, and none at all in a hidden row.
  const allowed = numbersIn(report);
  for (const row of [...results, ...changes, ...rates]) {
    for (const [col, v] of Object.entries(row)) if (typeof v === 'number') expect({ col, v, inReport: allowed.has(v) }).toEqual({ col, v, inReport: true });
    if (row['Skjult'] === 'ja') expect(Object.values(row).filter((v) => typeof v === 'number')).toEqual([]);
  }
}

describe('report exports', () => {
  it('XLSX: the JSON report cell for cell, hidden cells without numbers, sheets explained, numbers as numbers', async () => {
    const { t, projectId, report } = await fixture();
    const res = await download(t.app, await sessionCookie(t.app, ADMIN), `/api/projects/${projectId}/report.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="gevinstspor-aeldrepleje-oekonomi-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`gevinstspor-Ældrepleje – Økonomi-${today}.xlsx`)}`,
    );
    const { wb, sheets } = await readXlsx(res.bytes);
    expect(Object.keys(sheets)).toEqual(['Resultater', 'Ændringer', 'Svarprocent', 'Forklaring']);
    expectSameAsReport(report, sheets['Resultater'], sheets['Ændringer'], sheets['Svarprocent']);
    expect(report.behaviours[0].change).not.toBeNull();

    // Header rows bold and frozen, widths set; no cell is a formula, and percentages are formatted, not text.
    for (const name of ['Resultater', 'Ændringer', 'Svarprocent', 'Forklaring']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.getColumn(1).width).toBeGreaterThan(5);
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
    const results = wb.getWorksheet('Resultater')!;
    const shareCol = (results.getRow(1).values as unknown[]).indexOf('Andel positive');
    expect(results.getColumn(shareCol).numFmt).toBe('0.0%');

    // The explanation: one row per column, the threshold k, the same server decision, the date.
    const explained = sheets['Forklaring'];
    for (const header of [...NUMBER_COLUMNS_DA, 'Tabel', 'Enhed', 'Skjult', 'Bemærkning', ...RATE_COLUMNS_DA]) expect(explained.map((r) => r['Kolonne'])).toContain(header);
    expect(explained.find((r) => r['Kolonne'] === 'Anonymitetsgrænse (k)')!['Betydning']).toBe(report.threshold);
    expect(explained.find((r) => r['Kolonne'] === 'Eksporteret')!['Betydning']).toBe(today);
    expect(JSON.stringify(explained)).toContain('samme beregning på serveren som dashboardet');
  });

  it('CSV: RFC 4180 with a BOM and CRLF, the same numbers and hidden cells as the JSON report', async () => {
    const { t, projectId, report } = await fixture();
    const res = await download(t.app, await sessionCookie(t.app, ADMIN), `/api/projects/${projectId}/report.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="gevinstspor-aeldrepleje-oekonomi-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { text, rows } = readCsv(res.bytes);
    expect(text).toContain('\r\n');
    // No value here has a line break, so every \n belongs to a CRLF line end.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('Ældreplejen');
    const byTable = (tables: string[]) => rows.filter((r) => tables.includes(r['Tabel'] as string));
    expectSameAsReport(report, byTable(RESULT_TABLES_DA), byTable(['Ændring', 'Sammenligningsgruppe', 'Sammenligningsgruppe, kontrol før idriftsættelse']), byTable(['Svarprocent']));
    expect(byTable(RESULT_TABLES_DA).length + byTable(['Svarprocent']).length).toBeLessThan(rows.length);
  });

  it('neutralises names that look like formulas in both files, and keeps numbers as numbers', async () => {
    const { t, projectId } = await fixture();
    const cookie = await sessionCookie(t.app, ADMIN);
    const csv = await download(t.app, cookie, `/api/projects/${projectId}/report.csv`);
    const { text, rows } = readCsv(csv.bytes);
    // Quotes doubled inside a quoted field, and an apostrophe in front of every text that starts like a formula.
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).not.toMatch(/(^|,)\+1\+2/m);
    expect(text).not.toMatch(/(^|,)@SUM/m);
    expect(text).not.toMatch(/(^|,)-Jeg/m);
    expect(rows.map((r) => r['Enhed'])).toContain(`'${EVIL}`);
    expect(rows.map((r) => r['Enhed'])).toContain(`'${PLUS}`);
    expect(rows.map((r) => r['Adfærd'])).toContain(`'${BEHAVIOUR}`);
    expect(rows.map((r) => r['Spørgsmål'])).toContain("'-Jeg føler mig tryg");
    for (const r of rows) for (const v of Object.values(r)) if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@\t\r]/);

    const { wb, sheets } = await readXlsx((await download(t.app, cookie, `/api/projects/${projectId}/report.xlsx`)).bytes);
    for (const [name, sheet] of Object.entries(sheets)) for (const r of sheet) for (const v of Object.values(r)) if (typeof v === 'string') expect({ name, v }).not.toMatchObject({ v: expect.stringMatching(/^[=+\-@\t\r]/) });
    expect(sheets['Resultater'].map((r) => r['Enhed'])).toContain(`'${EVIL}`);
    expect(sheets['Svarprocent'].map((r) => r['Enhed'])).toContain(`'${PLUS}`);
    // Numbers are numeric cells, never text that merely looks like a number.
    const numeric = sheets['Resultater'].filter((r) => r['Skjult'] === 'nej');
    expect(numeric.length).toBeGreaterThan(0);
    for (const r of numeric) for (const c of NUMBER_COLUMNS_DA) expect(typeof r[c]).toBe('number');
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined())));
  });

  it("gives a unit-scoped manager only what their JSON report has, with the full view's hiding", async () => {
    const { t, projectId, ids, report: full } = await fixture();
    const password = 'scoped-manager-1';
    const user = (await t.post('/api/users', { email: 'scoped@test.dk', name: 'Scoped', role: 'manager', password })).body.user;
    expect((await t.put(`/api/users/${user.id}/scopes`, { unitIds: [ids[0]], projectIds: [] })).status).toBe(200);
    const manager = clientFor(t.app);
    await manager.login({ email: 'scoped@test.dk', password });
    const mine = (await manager.get(`/api/projects/${projectId}/report`)).body.report;
    expect(mine.units.map((u: any) => u.id)).toEqual([ids[0]]);
    const cookie = await sessionCookie(t.app, { email: 'scoped@test.dk', password });

    const { sheets } = await readXlsx((await download(t.app, cookie, `/api/projects/${projectId}/report.xlsx`)).bytes);
    expectSameAsReport(mine, sheets['Resultater'], sheets['Ændringer'], sheets['Svarprocent']);
    const { text, rows } = readCsv((await download(t.app, cookie, `/api/projects/${projectId}/report.csv`)).bytes);
    const byTable = (tables: string[]) => rows.filter((r) => tables.includes(r['Tabel'] as string));
    expectSameAsReport(mine, byTable(RESULT_TABLES_DA), byTable(['Ændring', 'Sammenligningsgruppe', 'Sammenligningsgruppe, kontrol før idriftsættelse']), byTable(['Svarprocent']));
    // Only their unit and the project totals: no other unit is named anywhere in either file.
    const seen = new Set([...sheets['Resultater'], ...sheets['Ændringer'], ...sheets['Svarprocent'], ...rows].map((r) => r['Enhed']));
    expect([...seen].sort()).toEqual(['Aftenholdet', 'I alt']);
    for (const [name] of UNITS.slice(1)) expect(text).not.toContain(name.replace(/"/g, '""'));
    // Their unit's cells are the same as in the full view (the hiding is decided over all units).
    const aFull = full.behaviours[0].adoption.units.find((u: any) => u.unitId === ids[0]);
    const aMine = mine.behaviours[0].adoption.units.find((u: any) => u.unitId === ids[0]);
    expect(aMine.cells).toEqual(aFull.cells);
  });

  it('writes English words with ?lang=en', async () => {
    const { t, projectId, report } = await fixture();
    const cookie = await sessionCookie(t.app, ADMIN);
    const { sheets } = await readXlsx((await download(t.app, cookie, `/api/projects/${projectId}/report.xlsx?lang=en`)).bytes);
    expect(Object.keys(sheets)).toEqual(['Results', 'Changes', 'Response rates', 'Explanation']);
    const rows = sheets['Results'];
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['Behaviour', 'Question', 'Survey round', 'Unit', 'Share favourable', 'Lower limit (95%)', 'Upper limit (95%)', 'Responses (n)', "Don't know", 'Hidden', 'Note']));
    expect(rows.map((r) => r['Unit'])).toContain('Total');
    expect(rows.find((r) => r['Hidden'] === 'yes')!['Note']).toBe('Hidden to protect small groups');
    const adoption = report.behaviours[0].adoption;
    expect(rows.find((r) => r['Unit'] === 'Total' && r['Question'] === safe(adoption.text.en) && r['Survey round'] === 'Før')!['Share favourable']).toBe(adoption.overall[0].p);
    const csv = readCsv((await download(t.app, cookie, `/api/projects/${projectId}/report.csv?lang=en`)).bytes);
    expect(csv.rows.map((r) => r['Table'])).toContain('Response rate');
  });

  it('answers 401 without a login, 404 for an unknown or unreadable project, 400 for an unknown query parameter', async () => {
    const { t, projectId } = await fixture();
    const cookie = await sessionCookie(t.app, ADMIN);
    const json = async (res: Awaited<ReturnType<typeof download>>) => ({ status: res.status, body: JSON.parse(new TextDecoder().decode(res.bytes)) });
    for (const ext of ['csv', 'xlsx']) {
      expectError(await json(await download(t.app, null, `/api/projects/${projectId}/report.${ext}`)), 401);
      expectError(await json(await download(t.app, cookie, `/api/projects/999999/report.${ext}`)), 404, 'not_found');
      expectError(await json(await download(t.app, cookie, `/api/projects/${projectId}/report.${ext}?format=json`)), 400, 'invalid_input');
      expectError(await json(await download(t.app, cookie, `/api/projects/${projectId}/report.${ext}?lang=de`)), 400, 'invalid_input');
      // The waves compared are checked as for the JSON report.
      expect((await download(t.app, cookie, `/api/projects/${projectId}/report.${ext}?from=999999`)).status).toBe(400);
      // A manager without access to the project gets 404, as for the JSON report.
      const outsider = await sessionCookie(t.app, { email: 'manager@test.dk', password: 'manager-pass-1' });
      expectError(await json(await download(t.app, outsider, `/api/projects/${projectId}/report.${ext}`)), 404, 'not_found');
    }
  });
});
