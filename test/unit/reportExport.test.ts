// The report export's pure parts: rows from a report object (nothing computed, hidden cells without numbers),
// formula-safe text, RFC 4180 CSV and the download file name.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReportExport, contentDisposition, formulaSafe, toCsv, type Report } from '../../server/services/reportExport';

const label = (code: string, da: string, en: string) => ({ code, da, en });
const HIDDEN = { n: 0, x: 0, dontKnow: 0, p: null, lo: null, hi: null, hidden: true, hiddenReason: 'protected', label: label('hidden', 'Skjult for at beskytte små grupper', 'Hidden to protect small groups') };
const cell = (waveId: number, p: number, lo: number, hi: number, n: number, dontKnow: number, code = 'estimate') => ({
  waveId,
  n,
  x: Math.round(p * n),
  dontKnow,
  p,
  lo,
  hi,
  hidden: false,
  hiddenReason: null,
  label: code === 'indicative' ? label('indicative', 'Få svar – kun vejledende', 'Few responses – indicative only') : label('estimate', 'Skøn', 'Estimate'),
});

/** A report as getProjectReport returns it: two closed waves, one open, a hidden unit, a change. */
function report(): Report {
  const item = {
    key: 'b1.adoption',
    construct: 'adoption',
    scale: 'frequency5',
    text: { da: 'Hvor ofte?', en: 'How often?' },
    overall: [
      { measured: true, comparable: true, wordingChanged: false, ...cell(1, 0.4, 0.25, 0.57, 30, 2) },
      { measured: true, comparable: true, wordingChanged: true, ...cell(2, 0.7, 0.55, 0.82, 33, 1) },
    ],
    units: [
      { key: 'u1', unitId: 1, unitName: '=HYPERLINK("http://evil","x")', group: null, unitIds: [1], cells: [{ ...HIDDEN, waveId: 1 }, { ...HIDDEN, waveId: 2 }] },
      { key: 'u2', unitId: 2, unitName: 'Bostedet', group: null, unitIds: [2], cells: [cell(1, 0.45, 0.2, 0.7, 11, 0, 'indicative'), cell(2, 0.75, 0.5, 0.9, 12, 1)] },
    ],
  };
  return {
    project: { id: 7, name: 'P', mid: 10 },
    threshold: 5,
    waves: [
      { id: 1, name: 'Før', phase: 'baseline', status: 'closed', opensOn: null, closesOn: null, liveResults: false, resultsShown: true, unitResultsShown: true, unitCount: 2 },
      { id: 2, name: 'Efter', phase: 'followup', status: 'closed', opensOn: null, closesOn: null, liveResults: false, resultsShown: true, unitResultsShown: true, unitCount: 2 },
      { id: 3, name: 'Igen', phase: 'followup', status: 'open', opensOn: null, closesOn: null, liveResults: false, resultsShown: false, unitResultsShown: false, unitCount: 2 },
    ],
    units: [],
    fdr: 0.1,
    behaviours: [
      {
        id: 1,
        title: '+Ny adfærd',
        archived: false,
        adoption: item,
        diagnostics: [],
        change: { fromWaveId: 1, toWaveId: 2, d: 0.3, lo: 0.08, hi: 0.49, nBefore: 30, nAfter: 33, p: 0.01, pAdjusted: 0.01, label: label('likely_improvement', 'Sandsynlig forbedring', 'Likely improvement') },
        changeNote: null,
        unitChanges: [
          { key: 'u1', unitId: 1, unitName: '=HYPERLINK("http://evil","x")', group: null, hidden: true },
          { key: 'u2', unitId: 2, unitName: 'Bostedet', group: null, hidden: false, d: 0.3, lo: -0.05, hi: 0.58, nBefore: 11, nAfter: 12 },
        ],
      },
    ],
    customItems: [],
    responseRates: [
      { waveId: 1, unitsShown: true, hidden: false, eligible: 40, complete: 30, partial: 2, rr1: 0.75, rr2: 0.8, overHundred: false, units: [{ key: 'u1', unitId: 1, unitName: '=HYPERLINK("http://evil","x")', group: null, unitIds: [1], hidden: true }] },
      { waveId: 2, unitsShown: true, hidden: true, units: [] },
      { waveId: 3, unitsShown: false, hidden: false, eligible: 40, complete: 3, partial: 0, rr1: 0.075, rr2: 0.075, overHundred: false, units: [{ key: 'u2', unitId: 2, unitName: 'Bostedet', group: null, unitIds: [2], hidden: true }] },
    ],
  } as unknown as Report;
}

describe('buildReportExport', () => {
  it('writes the report numbers as they are, one row per item, wave and unit, with the total first', () => {
    const { results } = buildReportExport(report(), { exportedOn: '2026-05-01' }).tables;
    expect(results.map((r) => [r.wave, r.unit])).toEqual([
      ['Før', 'I alt'],
      ['Før', '=HYPERLINK("http://evil","x")'],
      ['Før', 'Bostedet'],
      ['Efter', 'I alt'],
      ['Efter', '=HYPERLINK("http://evil","x")'],
      ['Efter', 'Bostedet'],
    ]);
    expect(results[0]).toMatchObject({ table: 'Ny adfærd', behaviour: '+Ny adfærd', question: 'Hvor ofte?', phase: 'Nulpunktsmåling', share: 0.4, lo: 0.25, hi: 0.57, n: 30, dontKnow: 2, hidden: 'nej', note: null });
    expect(results[2]).toMatchObject({ share: 0.45, n: 11, group: 'nej', note: 'Få svar – kun vejledende' });
    expect(results[3].note).toBe('Spørgsmålets ordlyd er ændret siden denne måling');
  });

  it('gives a hidden cell its words and no number at all, not even n = 0', () => {
    const { results, changes, responseRates } = buildReportExport(report(), { exportedOn: '2026-05-01' }).tables;
    for (const row of [results[1], results[4], changes[1], responseRates[1], responseRates[2]]) {
      expect(row.hidden).toBe('ja');
      expect(row.note).toBe('Skjult for at beskytte små grupper');
      expect(Object.values(row).filter((v) => typeof v === 'number')).toEqual([]);
    }
  });

  it('writes the change and each unit change, response rates of waves that are not drafts, units only once shown', () => {
    const { changes, responseRates } = buildReportExport(report(), { exportedOn: '2026-05-01' }).tables;
    expect(changes[0]).toMatchObject({ table: 'Ændring', fromWave: 'Før', wave: 'Efter', unit: 'I alt', difference: 0.3, differenceLo: 0.08, differenceHi: 0.49, nBefore: 30, nAfter: 33, note: 'Sandsynlig forbedring' });
    expect(changes[2]).toMatchObject({ unit: 'Bostedet', difference: 0.3, differenceLo: -0.05, nBefore: 11, nAfter: 12, hidden: 'nej' });
    expect(responseRates.map((r) => [r.wave, r.unit, r.hidden])).toEqual([
      ['Før', 'I alt', 'nej'],
      ['Før', '=HYPERLINK("http://evil","x")', 'ja'],
      ['Efter', 'I alt', 'ja'],
      ['Igen', 'I alt', 'nej'],
    ]);
    expect(responseRates[0]).toMatchObject({ rr1: 0.75, rr2: 0.8, complete: 30, partial: 2, eligible: 40 });
  });

  it('has every number it writes from the report, and English words with lang en', () => {
    const r = report();
    const numbers = new Set<number>();
    const walk = (v: unknown): void => void (typeof v === 'number' ? numbers.add(v) : v && typeof v === 'object' && Object.values(v).forEach(walk));
    walk(r);
    const exp = buildReportExport(r, { lang: 'en', exportedOn: '2026-05-01' });
    for (const row of Object.values(exp.tables).flat()) for (const v of Object.values(row)) if (typeof v === 'number') expect(numbers.has(v)).toBe(true);
    expect(exp.tables.results[0]).toMatchObject({ table: 'New behaviour', unit: 'Total', phase: 'Baseline', question: 'How often?', hidden: 'no' });
    expect(exp.tables.results[1].note).toBe('Hidden to protect small groups');
  });

  it('leaves out parts the report does not have (no change, no unit changes, nothing shown)', () => {
    const r = report() as any;
    delete r.behaviours[0].unitChanges;
    r.behaviours[0].change = null;
    r.behaviours[0].changeNote = 'different_units';
    expect(buildReportExport(r, { exportedOn: '2026-05-01' }).tables.changes).toEqual([
      { table: 'Ændring', behaviour: '+Ny adfærd', question: 'Hvor ofte?', unit: 'I alt', hidden: 'nej', note: 'Ingen sammenligning: målingerne dækker ikke de samme enheder.' },
    ]);
    for (const w of r.waves) w.resultsShown = false;
    const tables = buildReportExport(r, { exportedOn: '2026-05-01' }).tables;
    expect([tables.results, tables.changes]).toEqual([[], []]);
  });
});

describe('formulaSafe', () => {
  it('puts an apostrophe before text that starts with = + - @ tab or carriage return, and only then', () => {
    for (const s of ['=HYPERLINK("http://evil","x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=a\nb']) expect(formulaSafe(s)).toBe(`'${s}`);
    for (const s of ['Bostedet', 'Ældreplejen', ' =1', "'=1", 'a=b', '', '−5']) expect(formulaSafe(s)).toBe(s);
  });
});

describe('toCsv', () => {
  it('is RFC 4180 with a BOM and CRLF, quotes doubled, formulas neutralised, numbers plain', () => {
    const csv = toCsv(buildReportExport(report(), { exportedOn: '2026-05-01' }));
    expect(csv.startsWith('\uFEFFTabel,Adfærd,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain(`,'+Ny adfærd,`);
    expect(csv).toContain(',0.4,0.25,0.57,30,2,');
    const parsed = Papa.parse<Record<string, unknown>>(csv.slice(1), { header: true, dynamicTyping: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]['Enhed']).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(parsed.data[0]['Andel positive']).toBe(0.4);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII file name and the real one as UTF-8, without quotes or path separators', () => {
    expect(contentDisposition('Ældrepleje – Økonomi', '2026-05-01', 'xlsx')).toBe(
      `attachment; filename="gevinstspor-aeldrepleje-oekonomi-2026-05-01.xlsx"; filename*=UTF-8''gevinstspor-%C3%86ldrepleje%20%E2%80%93%20%C3%98konomi-2026-05-01.xlsx`,
    );
    const evil = contentDisposition('a"b/../c\r\nSet-Cookie: x', '2026-05-01', 'csv');
    expect(evil).toMatch(/^attachment; filename="gevinstspor-a-b-c-set-cookie-x-2026-05-01\.csv"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    expect(contentDisposition('???', '2026-05-01', 'csv')).toContain('filename="gevinstspor-projekt-2026-05-01.csv"');
  });
});
