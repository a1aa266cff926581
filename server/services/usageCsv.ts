// Reads an IT system's usage export (systemdata): one figure per unit and period, e.g. logins or records written
// per shift. UTF-8 with or without BOM, ';' or ',' (or tab) separated, quoted fields, Danish decimal commas.
// Pure: it checks each row on its own; usage.ts checks rows against each other and against the database.
import { invalid } from './errors';
import { normaliseHeader, parseDay, readCsvRecords } from './unitCsv';

export type UsageCsvField = 'unit' | 'periodStart' | 'periodEnd' | 'value';

/** Accepted header names, compared after lower-casing and dropping everything but letters and digits. */
export const usageHeaderAliases: Record<UsageCsvField, string[]> = {
  unit: ['enhed', 'enhedsid', 'enhedid', 'enhedsnavn', 'enhedsnr', 'afdeling', 'afdelingsid', 'unit', 'unitid', 'unitname', 'externalid', 'id', 'navn', 'name'],
  periodStart: ['fra', 'fradato', 'fraogmed', 'start', 'startdato', 'periodefra', 'periodestart', 'from', 'periodstart', 'startdate'],
  periodEnd: ['til', 'tildato', 'tilogmed', 'slut', 'slutdato', 'periodetil', 'periodeslut', 'to', 'periodend', 'enddate'],
  value: ['værdi', 'vaerdi', 'value', 'antal', 'tal', 'forbrug', 'brug', 'count', 'figure'],
};

export type UsageProblemCode =
  | 'wrong_field_count'
  | 'unterminated_quote'
  | 'unit_missing'
  | 'start_invalid'
  | 'end_invalid'
  | 'end_before_start'
  | 'value_missing'
  | 'value_invalid'
  // Set by usage.ts, which sees all rows and the database:
  | 'unit_unknown'
  | 'unit_ambiguous'
  | 'unit_not_in_project'
  | 'duplicate_period';

export interface UsageProblem {
  field: UsageCsvField | 'row';
  code: UsageProblemCode;
  message: string;
}

export interface CsvUsageRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  raw: string;
  unit: string;
  periodStart: string | null;
  periodEnd: string | null;
  value: number | null;
  problems: UsageProblem[];
}

export interface ParsedUsageCsv {
  delimiter: string;
  columns: Partial<Record<UsageCsvField, string>>;
  ignoredColumns: string[];
  rows: CsvUsageRow[];
}

const MAX_VALUE = 1e12;

/**
 * A number as Danish and English exports write it: 12,5 and 12.5; 1.234,5 and 1,234.5 (the last separator is the
 * decimal one when both occur); spaces as thousands separators. A lone '.' is a decimal point (12.500 = 12.5).
 */
export function parseNumber(s: string): number | null {
  let v = s.replace(/[\s\u00a0]/g, '');
  if (!/^[-+]?[\d.,]+$/.test(v) || !/\d/.test(v)) return null;
  const lastComma = v.lastIndexOf(',');
  const lastDot = v.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    v = v.split(thousands).join('');
    if (decimal === ',') v = v.replace(',', '.');
  } else if (lastComma >= 0) {
    if (v.indexOf(',') !== lastComma) return null; // 1,234,567 — read as thousands would be a guess
    v = v.replace(',', '.');
  } else if (v.indexOf('.') !== lastDot) return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) && Math.abs(n) <= MAX_VALUE ? n : null;
}

function mapHeader(header: string[]) {
  const columns: Partial<Record<UsageCsvField, string>> = {};
  const index: Partial<Record<UsageCsvField, number>> = {};
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    const key = normaliseHeader(h);
    const field = (Object.keys(usageHeaderAliases) as UsageCsvField[]).find((f) => usageHeaderAliases[f].includes(key));
    if (field && index[field] === undefined) {
      index[field] = i;
      columns[field] = h.trim();
    } else if (h.trim()) ignoredColumns.push(h.trim());
  });
  const missing = (['unit', 'periodStart', 'periodEnd', 'value'] as const).filter((f) => index[f] === undefined);
  if (missing.length) {
    throw invalid(
      'csv_missing_column',
      `The file has no column for ${missing.join(', ')}. Found: ${header.map((h) => `"${h.trim()}"`).join(', ')}`,
      missing.map((f) => ({ path: 'csv', code: 'csv_missing_column', message: `No ${f} column; use one of: ${usageHeaderAliases[f].join(', ')}`, field: f })),
    );
  }
  return { columns, index, ignoredColumns };
}

const empty = () => invalid('csv_empty', 'The file is empty', [{ path: 'csv', code: 'csv_empty', message: 'No header row' }]);

export function parseUsageCsv(input: string): ParsedUsageCsv {
  const { records, delimiter } = readCsvRecords(input);
  const [headerRecord, ...dataRecords] = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (!headerRecord) throw empty();
  const { columns, index, ignoredColumns } = mapHeader(headerRecord.fields);
  if (!dataRecords.length) throw invalid('csv_no_rows', 'The file has a header but no rows', [{ path: 'csv', code: 'csv_no_rows', message: 'No data rows below the header' }]);
  const width = headerRecord.fields.length;

  const rows = dataRecords.map((r): CsvUsageRow => {
    const get = (f: UsageCsvField) => (r.fields[index[f]!] ?? '').trim();
    const problems: UsageProblem[] = [];
    if (r.quoteError) problems.push({ field: 'row', code: 'unterminated_quote', message: 'A quoted field is not closed' });
    if (r.fields.slice(width).some((f) => f.trim() !== '')) {
      problems.push({ field: 'row', code: 'wrong_field_count', message: `The row has ${r.fields.length} fields but the header has ${width}; quote values that contain "${delimiter}"` });
    }
    const unit = get('unit').normalize('NFC');
    if (!unit) problems.push({ field: 'unit', code: 'unit_missing', message: 'The unit is empty' });
    const startText = get('periodStart');
    const periodStart = parseDay(startText);
    if (!periodStart) problems.push({ field: 'periodStart', code: 'start_invalid', message: `"${startText}" is not a date; use YYYY-MM-DD or DD-MM-YYYY` });
    const endText = get('periodEnd');
    const periodEnd = parseDay(endText);
    if (!periodEnd) problems.push({ field: 'periodEnd', code: 'end_invalid', message: `"${endText}" is not a date; use YYYY-MM-DD or DD-MM-YYYY` });
    if (periodStart && periodEnd && periodEnd < periodStart) problems.push({ field: 'periodEnd', code: 'end_before_start', message: `The period ends (${periodEnd}) before it starts (${periodStart})` });
    const valueText = get('value');
    const value = valueText ? parseNumber(valueText) : null;
    if (!valueText) problems.push({ field: 'value', code: 'value_missing', message: 'The value is empty' });
    else if (value === null) problems.push({ field: 'value', code: 'value_invalid', message: `"${valueText}" is not a number` });
    return { line: r.line, raw: r.raw, unit, periodStart, periodEnd, value, problems };
  });
  return { delimiter, columns, ignoredColumns, rows };
}
