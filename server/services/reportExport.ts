// The manager report as files (GET /api/projects/:projectId/report.csv and .xlsx): a pure transformation of the
// object getProjectReport returns into rows, then CSV (papaparse) or XLSX (exceljs). Nothing is computed or
// decided here: every number is one the report holds, and a cell the report hides is written without numbers,
// so the files show exactly what the dashboard shows and hide exactly what the server's disclosure policy hid.
// Text cells are made formula-safe: names of units and behaviours are user input.
import Papa from 'papaparse';
import type { getProjectReport } from './report';

export type Report = Awaited<ReturnType<typeof getProjectReport>>;
export type ExportLang = 'da' | 'en';
export type CellValue = string | number | null;

type Wave = Report['waves'][number];
type Behaviour = Report['behaviours'][number];
type ItemTable = Report['customItems'][number];
type OverallCell = ItemTable['overall'][number];
type UnitCell = ItemTable['units'][number]['cells'][number];
type Label = UnitCell['label'];
type Change = NonNullable<Behaviour['change']>;
type WaveRate = Report['responseRates'][number];

// Parts of the report that are new or on their way (per-unit changes, the comparison with units not yet live, the
// design of a change): read by name and shape, so the export carries them when the report has them and simply
// leaves them out when it does not.
interface Words {
  da: string;
  en: string;
}
interface DifferenceLike {
  d?: number | null;
  lo?: number | null;
  hi?: number | null;
  nBefore?: number | null;
  nAfter?: number | null;
}
interface UnitChangeLike extends DifferenceLike {
  unitName: string;
  group: string | null;
  hidden: boolean;
  label?: Words | null;
}
interface ComparisonLike {
  available: boolean;
  did?: number;
  lo?: number;
  hi?: number;
  placebo?: { did: number; lo: number; hi: number } | null;
  cohorts?: number;
  label?: Words | null;
}
const extra = <T>(o: object, key: string): T | undefined => (o as Record<string, unknown>)[key] as T | undefined;

/** Every column any table has, in the order of the CSV (which holds all tables in one, told apart by "table"). */
export const COLUMN_KEYS = [
  'table',
  'behaviour',
  'topic',
  'question',
  'fromWave',
  'wave',
  'phase',
  'unit',
  'group',
  'share',
  'lo',
  'hi',
  'n',
  'dontKnow',
  'difference',
  'differenceLo',
  'differenceHi',
  'nBefore',
  'nAfter',
  'rr1',
  'rr2',
  'complete',
  'partial',
  'eligible',
  'hidden',
  'note',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export type ExportRow = Partial<Record<ColumnKey, CellValue>>;

/** How a column's numbers are shown in the XLSX (the stored value is always the report's own number). */
type Format = 'text' | 'share' | 'difference' | 'count';

const COLUMNS: Record<ColumnKey, { format: Format; width: number; da: [header: string, meaning: string]; en: [header: string, meaning: string] }> = {
  table: {
    format: 'text',
    width: 22,
    da: ['Tabel', 'Hvilken del af rapporten rækken hører til: ny adfærd, hvad hænger det på, egne spørgsmål, ændring, sammenligningsgruppe eller svarprocent.'],
    en: ['Table', 'Which part of the report the row belongs to: new behaviour, what it depends on, own questions, change, comparison group or response rate.'],
  },
  behaviour: { format: 'text', width: 28, da: ['Adfærd', 'Adfærden, spørgsmålet handler om (tom for egne spørgsmål og svarprocent).'], en: ['Behaviour', 'The behaviour the question is about (empty for own questions and response rates).'] },
  topic: {
    format: 'text',
    width: 20,
    da: ['Emne', 'Hvad spørgsmålet måler: ny adfærd, gammel adfærd, ved hvordan, tid og redskaber, giver mening eller eget spørgsmål.'],
    en: ['Topic', 'What the question measures: new behaviour, old behaviour, knows how, time and tools, makes sense or own question.'],
  },
  question: { format: 'text', width: 50, da: ['Spørgsmål', 'Spørgsmålets tekst, som i den seneste måling der stillede det.'], en: ['Question', 'The question as worded in the latest survey round that asked it.'] },
  fromWave: { format: 'text', width: 22, da: ['Fra måling', 'Ændring: målingen, der sammenlignes fra (nulpunktsmålingen).'], en: ['From survey round', 'Change: the survey round compared from (the baseline).'] },
  wave: { format: 'text', width: 22, da: ['Måling', 'Målingen (for en ændring: målingen, der sammenlignes med).'], en: ['Survey round', 'The survey round (for a change: the round compared with).'] },
  phase: { format: 'text', width: 18, da: ['Fase', 'Nulpunktsmåling (før idriftsættelse) eller opfølgning (efter).'], en: ['Phase', 'Baseline (before go-live) or follow-up (after).'] },
  unit: {
    format: 'text',
    width: 28,
    da: ['Enhed', 'Enheden eller rapporteringsgruppen; "I alt" er hele projektets tal for målingen – ikke en sum over de viste enheder; "Sammenligningsgruppe (endnu ikke i drift)" er de viste enheder, der endnu ikke var i drift ved målingen, lagt sammen.'],
    en: ['Unit', 'The unit or reporting group; "Total" is the whole project for the round – not a sum over the units shown; "Comparison group (not yet live)" is the shown units not yet live at the round, pooled.'],
  },
  group: { format: 'text', width: 14, da: ['Rapporteringsgruppe', '"ja", når rækken er en rapporteringsgruppe: enheder, der altid vises samlet.'], en: ['Reporting group', '"yes" when the row is a reporting group: units that are always shown together.'] },
  share: {
    format: 'share',
    width: 14,
    da: ['Andel positive', 'Andel gunstige svar (ofte/altid, enig/helt enig; for gammel adfærd: aldrig/sjældent) som tal mellem 0 og 1; i XLSX vist som procent. "Ved ikke" tæller ikke med.'],
    en: ['Share favourable', 'Share of favourable answers (often/always, agree/strongly agree; for the old behaviour: never/rarely) as a number from 0 to 1; shown as a percentage in the XLSX. "Don\'t know" is not counted.'],
  },
  lo: { format: 'share', width: 14, da: ['Nedre grænse (95 %)', 'Nedre grænse af 95 %-intervallet (Wilson) for andelen.'], en: ['Lower limit (95%)', 'Lower limit of the 95% interval (Wilson) of the share.'] },
  hi: { format: 'share', width: 14, da: ['Øvre grænse (95 %)', 'Øvre grænse af 95 %-intervallet (Wilson) for andelen.'], en: ['Upper limit (95%)', 'Upper limit of the 95% interval (Wilson) of the share.'] },
  n: { format: 'count', width: 10, da: ['Svar (n)', 'Antal svar bag andelen, uden "ved ikke".'], en: ['Responses (n)', 'Responses behind the share, without "don\'t know".'] },
  dontKnow: { format: 'count', width: 10, da: ['Ved ikke', 'Antal "ved ikke / ikke relevant"-svar (tæller ikke med i andelen).'], en: ["Don't know", 'Number of "don\'t know / not relevant" answers (not counted in the share).'] },
  difference: {
    format: 'difference',
    width: 14,
    da: ['Ændring', 'Ændring i andel positive fra "Fra måling" til "Måling" som tal mellem −1 og 1; i XLSX vist i procent(point).'],
    en: ['Change', 'Change in the share favourable from "From survey round" to "Survey round" as a number from −1 to 1; shown in percent(age points) in the XLSX.'],
  },
  differenceLo: { format: 'difference', width: 14, da: ['Ændring, nedre grænse (95 %)', 'Nedre grænse af 95 %-intervallet (Newcombe) for ændringen.'], en: ['Change, lower limit (95%)', 'Lower limit of the 95% interval (Newcombe) of the change.'] },
  differenceHi: { format: 'difference', width: 14, da: ['Ændring, øvre grænse (95 %)', 'Øvre grænse af 95 %-intervallet (Newcombe) for ændringen.'], en: ['Change, upper limit (95%)', 'Upper limit of the 95% interval (Newcombe) of the change.'] },
  nBefore: { format: 'count', width: 12, da: ['Svar før (n)', 'Ændring: antal svar i "Fra måling".'], en: ['Responses before (n)', 'Change: responses in "From survey round".'] },
  nAfter: { format: 'count', width: 12, da: ['Svar efter (n)', 'Ændring: antal svar i "Måling".'], en: ['Responses after (n)', 'Change: responses in "Survey round".'] },
  rr1: { format: 'share', width: 14, da: ['Svarprocent (fuldførte)', 'Fuldførte svar delt med medarbejdere (RR1), som tal mellem 0 og 1; i XLSX vist som procent.'], en: ['Response rate (complete)', 'Complete responses divided by staff (RR1), as a number from 0 to 1; shown as a percentage in the XLSX.'] },
  rr2: { format: 'share', width: 14, da: ['Svarprocent (inkl. delvise)', 'Fuldførte og delvise svar delt med medarbejdere (RR2), som tal mellem 0 og 1.'], en: ['Response rate (incl. partial)', 'Complete and partial responses divided by staff (RR2), as a number from 0 to 1.'] },
  complete: { format: 'count', width: 12, da: ['Fuldførte svar', 'Antal fuldførte besvarelser.'], en: ['Complete responses', 'Number of complete responses.'] },
  partial: { format: 'count', width: 12, da: ['Delvise svar', 'Antal påbegyndte, ikke fuldførte besvarelser.'], en: ['Partial responses', 'Number of started, not completed responses.'] },
  eligible: { format: 'count', width: 12, da: ['Medarbejdere', 'Medarbejdere, der kunne svare: antal ansatte ved målingens start minus dem, der ikke kunne (fx orlov).'], en: ['Staff', 'Staff who could answer: headcount at the start of the round minus those who could not (e.g. on leave).'] },
  hidden: {
    format: 'text',
    width: 10,
    da: ['Skjult', '"ja", når tallene er skjult for at beskytte små grupper; rækken har da ingen tal.'],
    en: ['Hidden', '"yes" when the numbers are hidden to protect small groups; the row then has no numbers.'],
  },
  note: { format: 'text', width: 50, da: ['Bemærkning', 'Det, dashboardet skriver ved tallet: skjult, få svar – kun vejledende, ændret ordlyd, vurderingen af en ændring osv.'], en: ['Note', 'What the dashboard writes beside the number: hidden, few responses – indicative only, changed wording, the verdict on a change, etc.'] },
};

/** The columns of each table (sheet) in the XLSX; the CSV has them all. */
const TABLE_COLUMNS = {
  results: ['table', 'behaviour', 'topic', 'question', 'wave', 'phase', 'unit', 'group', 'share', 'lo', 'hi', 'n', 'dontKnow', 'hidden', 'note'],
  changes: ['table', 'behaviour', 'question', 'fromWave', 'wave', 'unit', 'group', 'difference', 'differenceLo', 'differenceHi', 'nBefore', 'nAfter', 'hidden', 'note'],
  responseRates: ['table', 'wave', 'phase', 'unit', 'group', 'rr1', 'rr2', 'complete', 'partial', 'eligible', 'hidden', 'note'],
} as const satisfies Record<string, readonly ColumnKey[]>;
export type TableName = keyof typeof TABLE_COLUMNS;

const TEXT = {
  da: {
    sheets: { results: 'Resultater', changes: 'Ændringer', responseRates: 'Svarprocent', explanation: 'Forklaring' },
    tables: { adoption: 'Ny adfærd', diagnostic: 'Hvad hænger det på', custom: 'Egne spørgsmål', change: 'Ændring', comparison: 'Sammenligningsgruppe', placebo: 'Sammenligningsgruppe, kontrol før idriftsættelse', responseRate: 'Svarprocent' },
    topics: { adoption: 'Ny adfærd', old_behaviour: 'Sjældent/aldrig den gamle måde', capability: 'Ved hvordan', opportunity: 'Tid og redskaber', motivation: 'Giver mening', custom: 'Eget spørgsmål' } as Record<string, string>,
    phases: { baseline: 'Nulpunktsmåling', followup: 'Opfølgning' },
    total: 'I alt',
    comparisonLine: 'Sammenligningsgruppe (endnu ikke i drift)',
    pooled: (n: number) => `${n} ${n === 1 ? 'enhed' : 'enheder'} lagt sammen`,
    yes: 'ja',
    no: 'nej',
    hidden: 'Skjult for at beskytte små grupper',
    notMeasured: 'Ikke målt',
    live: 'Løbende resultat for hele målingen; tal pr. enhed vises, når målingen lukker',
    wordingChanged: 'Spørgsmålets ordlyd er ændret siden denne måling',
    notComparable: 'Kan ikke sammenlignes med de andre målinger',
    noChange: 'Ingen sammenligning endnu. Det kræver en nulpunktsmåling og en opfølgning med nok svar.',
    differentUnits: 'Ingen sammenligning: målingerne dækker ikke de samme enheder.',
    over100: 'Over 100 % – linket kan være delt videre, eller nogle har svaret flere gange.',
    beforeAfter: 'Før/efter uden sammenligningsgruppe: tallene viser en udvikling, ikke hvor meget projektet alene har gjort',
    designComparison: 'Sammenlignet med enheder, der endnu ikke var i drift',
    cohorts: (n: number) => `over ${n} ${n === 1 ? 'idriftsættelse' : 'idriftsættelser'}`,
    placeboNote: 'Kontrol før idriftsættelse: tæt på 0 betyder, at enhederne fulgtes ad, før de gik i drift',
    comparisonUnavailable: 'Ingen sammenligningsgruppe: der er ikke enheder nok, der endnu ikke var i drift, at sammenligne med.',
    explanationColumns: ['Kolonne', 'Betydning'],
    about: (k: number) => [
      ['Skjulte celler', `En skjult celle har "ja" i kolonnen Skjult, teksten "Skjult for at beskytte små grupper" under Bemærkning og ingen tal. Grupper med færre end ${k} svar skjules, og af og til en gruppe mere, så en skjult gruppe ikke kan regnes ud ved at trække fra.`],
      ['Anonymitetsgrænse (k)', k],
      ['Kilde', 'Tallene og beslutningen om, hvad der skjules, kommer fra den samme beregning på serveren som dashboardet – filen viser præcis det, du ser i rapporten, med din adgang.'],
      ['Tal', 'Tallene er tal, ikke tekst. Andele og grænser er tal mellem 0 og 1 (i XLSX vist som procent). Tekst, der begynder med =, +, - eller @, har fået en apostrof foran, så den aldrig køres som en formel.'],
      ['CSV', 'CSV-filen har alle tabeller i én, med komma som skilletegn og punktum som decimaltegn (UTF-8). Til Excel: brug XLSX-filen.'],
    ],
    project: 'Projekt',
    exported: 'Eksporteret',
  },
  en: {
    sheets: { results: 'Results', changes: 'Changes', responseRates: 'Response rates', explanation: 'Explanation' },
    tables: { adoption: 'New behaviour', diagnostic: 'What it depends on', custom: 'Own questions', change: 'Change', comparison: 'Comparison group', placebo: 'Comparison group, check before go-live', responseRate: 'Response rate' },
    topics: { adoption: 'New behaviour', old_behaviour: 'Rarely/never the old way', capability: 'Knows how', opportunity: 'Time and tools', motivation: 'Makes sense', custom: 'Own question' } as Record<string, string>,
    phases: { baseline: 'Baseline', followup: 'Follow-up' },
    total: 'Total',
    comparisonLine: 'Comparison group (not yet live)',
    pooled: (n: number) => `${n} ${n === 1 ? 'unit' : 'units'} pooled`,
    yes: 'yes',
    no: 'no',
    hidden: 'Hidden to protect small groups',
    notMeasured: 'Not measured',
    live: 'Live result for the whole round; numbers per unit are shown when the round closes',
    wordingChanged: 'The wording of the question has changed since this round',
    notComparable: 'Cannot be compared with the other rounds',
    noChange: 'No comparison yet. It needs a baseline and a follow-up with enough responses.',
    differentUnits: 'No comparison: the survey rounds do not cover the same units.',
    over100: 'Over 100% – the link may have been forwarded, or some answered more than once.',
    beforeAfter: 'Before/after without a comparison group: the numbers show a development, not how much the project alone has done',
    designComparison: 'Compared with units not yet live',
    cohorts: (n: number) => `over ${n} ${n === 1 ? 'go-live' : 'go-lives'}`,
    placeboNote: 'Check before go-live: close to 0 means the units moved together before they went live',
    comparisonUnavailable: 'No comparison group: there are not enough units not yet live to compare with.',
    explanationColumns: ['Column', 'Meaning'],
    about: (k: number) => [
      ['Hidden cells', `A hidden cell has "yes" in the column Hidden, the words "Hidden to protect small groups" under Note, and no numbers. Groups with fewer than ${k} responses are hidden, and sometimes one more group, so that a hidden group cannot be worked out by subtraction.`],
      ['Anonymity threshold (k)', k],
      ['Source', 'The numbers and the decision what to hide come from the same calculation on the server as the dashboard – the file shows exactly what you see in the report, with your access.'],
      ['Numbers', 'Numbers are numbers, not text. Shares and limits are numbers from 0 to 1 (shown as percentages in the XLSX). Text that begins with =, +, - or @ has an apostrophe in front, so it is never run as a formula.'],
      ['CSV', 'The CSV file holds all tables in one, with comma as separator and point as decimal mark (UTF-8). For Excel, use the XLSX file.'],
    ],
    project: 'Project',
    exported: 'Exported',
  },
} satisfies Record<ExportLang, unknown>;

export interface ReportExport {
  lang: ExportLang;
  project: { id: number; name: string };
  threshold: number;
  exportedOn: string;
  tables: Record<TableName, ExportRow[]>;
}

/** A number of the report, or nothing: never NaN, never Infinity, never a string. */
const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const notes = (...parts: (string | false | null | undefined)[]) => parts.filter((p): p is string => !!p).join('; ') || null;

/**
 * The report as rows: one per table, item, wave and unit (or "I alt"), one per behaviour's change, one per
 * wave's and unit's response rate. Only what the report holds and the dashboard shows: waves whose results are
 * shown, unit rows where the report has a cell, response rates of waves that are not drafts.
 */
export function buildReportExport(report: Report, opts: { lang?: ExportLang; exportedOn: string }): ReportExport {
  const lang = opts.lang ?? 'da';
  const tx = TEXT[lang];
  const shown = report.waves.filter((w) => w.resultsShown);
  const waveCols = (w: Wave | undefined): ExportRow => (w ? { wave: w.name, phase: tx.phases[w.phase] ?? w.phase } : {});
  const unitCols = (u: { unitName: string; group: string | null }): ExportRow => ({ unit: u.unitName, group: u.group ? tx.yes : tx.no });
  const labelNote = (label: Label | undefined) => (label && label.code !== 'estimate' ? (label[lang] ?? label.da) : null);
  /** An estimate's numbers, or for a hidden cell none at all (not even its n of 0). */
  const estimateCols = (c: Pick<UnitCell, 'hidden' | 'p' | 'lo' | 'hi' | 'n' | 'dontKnow' | 'label'>, ...extra: (string | false)[]): ExportRow =>
    c.hidden
      ? { share: null, lo: null, hi: null, n: null, dontKnow: null, hidden: tx.yes, note: notes(labelNote(c.label) ?? tx.hidden) }
      : { share: num(c.p), lo: num(c.lo), hi: num(c.hi), n: num(c.n), dontKnow: num(c.dontKnow), hidden: tx.no, note: notes(labelNote(c.label), ...extra) };

  /** Rows of one item; for adoption also the comparison group's line (units not yet live, pooled), as the drill-down. */
  const itemRows = (table: 'adoption' | 'diagnostic' | 'custom', behaviour: string | null, item: ItemTable, line?: Behaviour['comparisonLine']): ExportRow[] => {
    const head: ExportRow = { table: tx.tables[table], behaviour, topic: tx.topics[item.construct] ?? item.construct, question: item.text[lang] ?? item.text.da };
    return shown.flatMap((w) => {
      const c: OverallCell | undefined = item.overall.find((o) => o.waveId === w.id);
      const live = !w.unitResultsShown && tx.live;
      const total: ExportRow =
        c && c.measured
          ? { ...head, ...waveCols(w), unit: tx.total, ...estimateCols(c, c.comparable === false ? tx.notComparable : c.wordingChanged && tx.wordingChanged, live) }
          : { ...head, ...waveCols(w), unit: tx.total, hidden: tx.no, note: tx.notMeasured };
      const units = item.units.flatMap((u) => {
        const cell = u.cells.find((x) => x.waveId === w.id);
        return cell ? [{ ...head, ...waveCols(w), ...unitCols(u), ...estimateCols(cell) }] : [];
      });
      const point = w.unitResultsShown ? line?.find((p) => p.waveId === w.id) : undefined;
      const compared = point ? [{ ...head, ...waveCols(w), unit: tx.comparisonLine, group: tx.no, ...estimateCols(point, tx.pooled(point.cells)) }] : [];
      return [total, ...compared, ...units];
    });
  };

  const results = [
    ...report.behaviours.flatMap((b) => [
      ...(b.adoption ? itemRows('adoption', b.title, b.adoption, b.comparisonLine) : []),
      ...b.diagnostics.flatMap((d) => itemRows('diagnostic', b.title, d)),
    ]),
    ...report.customItems.flatMap((it) => itemRows('custom', null, it)),
  ];

  const waveById = (id: number | null | undefined) => report.waves.find((w) => w.id === id);
  const behaviourHead = (b: Behaviour, table: string): ExportRow => ({ table, behaviour: b.title, question: b.adoption ? (b.adoption.text[lang] ?? b.adoption.text.da) : null });
  const differenceCols = (c: DifferenceLike): ExportRow => ({ difference: num(c.d), differenceLo: num(c.lo), differenceHi: num(c.hi), nBefore: num(c.nBefore), nAfter: num(c.nAfter), hidden: tx.no });
  /** A difference in differences (the comparison or its placebo) as the whole project's row of its table. */
  const didRow = (b: Behaviour, table: string, c: { did?: number; lo?: number; hi?: number }, note: string | null): ExportRow => ({
    ...behaviourHead(b, table),
    unit: tx.total,
    difference: num(c.did),
    differenceLo: num(c.lo),
    differenceHi: num(c.hi),
    hidden: tx.no,
    note,
  });
  const pairCols = (from: number | null | undefined, to: number | null | undefined): ExportRow => ({ fromWave: waveById(from)?.name ?? null, wave: waveById(to)?.name ?? null });
  const words = (w: Words | null | undefined) => (w ? (w[lang] ?? w.da) : null);
  const reportCompare = extra<{ fromWaveId: number | null; toWaveId: number | null }>(report, 'compare');
  // As the dashboard: per behaviour with an adoption question its change (or the words why there is none), then
  // each unit's change between the same two waves and the comparison with units not yet live, where the report
  // has them (hidden unit changes without numbers).
  const changes = shown.length
    ? report.behaviours
        .filter((b) => b.adoption)
        .flatMap((b) => {
          const change: Change | null = b.change;
          const design = change ? extra<string>(change, 'design') : undefined;
          const headline: ExportRow = change
            ? { ...behaviourHead(b, tx.tables.change), ...pairCols(change.fromWaveId, change.toWaveId), unit: tx.total, ...differenceCols(change), note: notes(words(change.label), design === 'before_after' && tx.beforeAfter, design === 'comparison' && tx.designComparison) }
            : { ...behaviourHead(b, tx.tables.change), unit: tx.total, hidden: tx.no, note: b.changeNote === 'different_units' ? tx.differentUnits : tx.noChange };
          const pair = change ? { from: change.fromWaveId, to: change.toWaveId } : { from: reportCompare?.fromWaveId, to: reportCompare?.toWaveId };
          const units = (extra<UnitChangeLike[] | null>(b, 'unitChanges') ?? []).map((u) => ({
            ...behaviourHead(b, tx.tables.change),
            ...pairCols(pair.from, pair.to),
            ...unitCols(u),
            ...(u.hidden ? { difference: null, differenceLo: null, differenceHi: null, nBefore: null, nAfter: null, hidden: tx.yes, note: tx.hidden } : { ...differenceCols(u), note: words(u.label) }),
          }));
          const comparison = extra<ComparisonLike | null>(b, 'comparison');
          const compared: ExportRow[] = !comparison
            ? []
            : comparison.available
              ? [
                  didRow(b, tx.tables.comparison, comparison, notes(words(comparison.label), typeof comparison.cohorts === 'number' && tx.cohorts(comparison.cohorts))),
                  ...(comparison.placebo ? [didRow(b, tx.tables.placebo, comparison.placebo, tx.placeboNote)] : []),
                ]
              : [{ ...behaviourHead(b, tx.tables.comparison), unit: tx.total, hidden: tx.no, note: tx.comparisonUnavailable }];
          return [headline, ...units, ...compared];
        })
    : [];

  const rateCols = (r: { hidden: boolean } & Partial<Pick<Extract<WaveRate, { hidden: false }>, 'rr1' | 'rr2' | 'complete' | 'partial' | 'eligible' | 'overHundred'>>): ExportRow =>
    r.hidden
      ? { rr1: null, rr2: null, complete: null, partial: null, eligible: null, hidden: tx.yes, note: tx.hidden }
      : { rr1: num(r.rr1), rr2: num(r.rr2), complete: num(r.complete), partial: num(r.partial), eligible: num(r.eligible), hidden: tx.no, note: r.overHundred ? tx.over100 : null };
  const responseRates = report.responseRates
    .filter((r) => waveById(r.waveId) && waveById(r.waveId)!.status !== 'draft')
    .flatMap((r) => {
      const head: ExportRow = { table: tx.tables.responseRate, ...waveCols(waveById(r.waveId)) };
      // Before a wave shows per-unit counts the dashboard says so instead of listing units; so does the file.
      const units = r.unitsShown ? r.units.map((u) => ({ ...head, ...unitCols(u), ...rateCols(u) })) : [];
      return [{ ...head, unit: tx.total, ...rateCols(r) }, ...units];
    });

  return { lang, project: { id: report.project.id, name: report.project.name }, threshold: report.threshold, exportedOn: opts.exportedOn, tables: { results, changes, responseRates } };
}

/**
 * A text cell a spreadsheet never runs as a formula (OWASP "CSV injection"): text that begins with =, +, -, @,
 * a tab or a carriage return gets a leading apostrophe. Numbers are not text and stay numbers.
 */
export function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const out = (v: CellValue | undefined): string | number | null => (typeof v === 'number' ? num(v) : typeof v === 'string' ? formulaSafe(v) : null);

export const headerOf = (key: ColumnKey, lang: ExportLang) => COLUMNS[key][lang][0];

/**
 * RFC 4180 CSV of every table in one (the column "Tabel" tells them apart): comma-separated, fields quoted where
 * needed with quotes doubled, CRLF line ends, UTF-8 with a byte-order mark so Excel reads æøå, numbers with a
 * decimal point as they are in the report.
 */
export function toCsv(exp: ReportExport): string {
  const rows = [...exp.tables.results, ...exp.tables.changes, ...exp.tables.responseRates];
  const fields = COLUMN_KEYS.map((k) => headerOf(k, exp.lang)).map(formulaSafe);
  const data = rows.map((r) => COLUMN_KEYS.map((k) => out(r[k])));
  // Escaping is ours (formulaSafe above, also for text with line breaks), not papaparse's escapeFormulae.
  return '\uFEFF' + Papa.unparse({ fields, data }, { delimiter: ',', newline: '\r\n', quoteChar: '"', escapeChar: '"', header: true, escapeFormulae: false }) + '\r\n';
}

const NUMBER_FORMAT: Record<Format, string | undefined> = { text: undefined, count: '0', share: '0.0%', difference: '+0.0%;-0.0%;0.0%' };

/** The XLSX: sheets Resultater, Ændringer, Svarprocent and Forklaring; bold frozen headers, set column widths. */
export async function toXlsx(exp: ReportExport): Promise<Uint8Array<ArrayBuffer>> {
  const tx = TEXT[exp.lang];
  // Loaded on the first export only: exceljs takes about 0.3 s to load, which every start of the server (and of
  // each test file) paid for a file few ask for.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gevinstspor';
  wb.created = new Date(`${exp.exportedOn}T00:00:00Z`);
  const sheet = (name: string, columns: { header: string; width: number; format?: string }[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: formulaSafe(c.header), width: c.width, style: c.format ? { numFmt: c.format } : {} }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    return ws;
  };
  for (const name of ['results', 'changes', 'responseRates'] as const) {
    const keys: readonly ColumnKey[] = TABLE_COLUMNS[name];
    sheet(
      tx.sheets[name],
      keys.map((k) => ({ header: headerOf(k, exp.lang), width: COLUMNS[k].width, format: NUMBER_FORMAT[COLUMNS[k].format] })),
      exp.tables[name].map((r) => keys.map((k) => out(r[k]))),
    );
  }
  const explanation: (string | number | null)[][] = [
    ...COLUMN_KEYS.map((k) => COLUMNS[k][exp.lang].map(formulaSafe)),
    [null, null],
    ...tx.about(exp.threshold).map(([a, b]) => [out(a), out(b)]),
    [tx.project, formulaSafe(exp.project.name)],
    [tx.exported, exp.exportedOn],
  ];
  const ws = sheet(tx.sheets.explanation, tx.explanationColumns.map((h, i) => ({ header: h, width: i === 0 ? 30 : 110 })), explanation);
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(1).alignment = { vertical: 'top' };
  // A Node Buffer at run time (typed as ArrayBuffer): copied into a plain Uint8Array for the response body.
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** `attachment; filename="gevinstspor-<project>-<date>.<ext>"` with an ASCII name and the real one as UTF-8 (RFC 6266). */
export function contentDisposition(projectName: string, date: string, ext: 'csv' | 'xlsx'): string {
  const ascii =
    projectName
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .replace(/Æ/g, 'Ae')
      .replace(/Ø/g, 'Oe')
      .replace(/Å/g, 'Aa')
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'projekt';
  // No path separators, quotes or control characters in the UTF-8 name either; RFC 5987 attr-chars otherwise %-encoded.
  const printable = [...projectName].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? '-' : ch)).join('');
  const real = printable.replace(/[\\/:*?"<>|]+/g, '-').trim().slice(0, 100) || 'projekt';
  const encoded = encodeURIComponent(`gevinstspor-${real}-${date}.${ext}`).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="gevinstspor-${ascii}-${date}.${ext}"; filename*=UTF-8''${encoded}`;
}
