// Reads an HR/org-system export of units: UTF-8 with or without BOM, ';' or ',' (or tab) separated, quoted
// fields, Danish or English headers. Pure: it checks each row on its own; unitImport.ts checks rows against
// each other and against the database.
import Papa from 'papaparse';
import { singleLine } from '../contract/common';
import { invalid } from './errors';
import type { UnitKind } from './units';

export type CsvField = 'externalId' | 'name' | 'nameEn' | 'parent' | 'headcount' | 'kind' | 'headcountDate';

/** Accepted header names, compared after lower-casing and dropping everything but letters and digits. */
export const headerAliases: Record<CsvField, string[]> = {
  externalId: ['id', 'unitid', 'enhedsid', 'enhedid', 'enhedsnr', 'enhedsnummer', 'losid', 'orgid', 'orgenhedid', 'organisationsid', 'externalid', 'eksterntid', 'afdelingsid', 'nr', 'nummer'],
  name: ['name', 'navn', 'unitname', 'enhedsnavn', 'enhed', 'afdelingsnavn', 'betegnelse', 'organisationsenhed'],
  /** Optional: the name English-speaking staff see. */
  nameEn: ['nameen', 'englishname', 'unitnameen', 'navnen', 'navnengelsk', 'engelsknavn', 'navnpåengelsk', 'navnpaaengelsk'],
  parent: [
    'parentid', 'parent', 'parentunitid', 'parentexternalid', 'overordnet', 'overordnetid', 'overordnetenhed', 'overordnetenhedsid', 'overordnetenhedid',
    'overenhed', 'overenhedsid', 'forælder', 'forælderid', 'foraelder', 'foraelderid', 'forældreid', 'foraeldreid', 'forældreenhed',
  ],
  headcount: ['headcount', 'normering', 'antalmedarbejdere', 'medarbejdere', 'medarbejderantal', 'antalansatte', 'ansatte', 'antal', 'employees', 'staff'],
  kind: ['kind', 'type', 'enhedstype', 'niveau', 'level', 'art'],
  headcountDate: ['headcountdate', 'dato', 'date', 'opgjort', 'opgjortpr', 'opgjortdato', 'normeringsdato', 'referencedato', 'prdato', 'optællingsdato'],
};

const kindAliases: Record<string, UnitKind> = {
  forvaltning: 'forvaltning',
  directorate: 'forvaltning',
  center: 'center',
  centre: 'center',
  enhed: 'enhed',
  unit: 'enhed',
  afdeling: 'afdeling',
  afd: 'afdeling',
  department: 'afdeling',
};

export type RowProblemCode =
  | 'missing_id'
  | 'id_too_long'
  | 'id_invalid'
  | 'missing_name'
  | 'name_too_long'
  | 'name_invalid'
  | 'wrong_field_count'
  | 'unterminated_quote'
  | 'headcount_invalid'
  | 'headcount_negative'
  | 'kind_unknown'
  | 'date_invalid'
  // Set by unitImport.ts, which sees all rows and the database:
  | 'duplicate_id'
  | 'parent_unknown'
  | 'parent_rejected'
  | 'parent_retired'
  | 'cycle';

export interface RowProblem {
  field: CsvField | 'row';
  code: RowProblemCode;
  message: string;
}

export interface CsvUnitRow {
  /** 1-based line in the file where the row starts (the header is line 1 unless blank lines precede it). */
  line: number;
  raw: string;
  externalId: string;
  name: string;
  /** null: the file has no English name for this row (keep the stored one). */
  nameEn: string | null;
  parentExternalId: string | null;
  /** null: the file has no headcount for this row (keep the stored one). */
  headcount: number | null;
  kind: UnitKind | null;
  headcountDate: string | null;
  problems: RowProblem[];
}

export interface ParsedUnitCsv {
  delimiter: string;
  /** Which header in the file was read as which field. */
  columns: Partial<Record<CsvField, string>>;
  ignoredColumns: string[];
  rows: CsvUnitRow[];
}

const MAX_ID = 100;
const MAX_NAME = 300;
const MAX_HEADCOUNT = 100_000;

export const normaliseHeader = (h: string) =>
  h
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^a-z0-9æøå]/g, '');

// The same rules as a name typed in a form (server/contract/common.ts): NFC, and no control, bidi-override or
// zero-width character, so an import cannot bring in a name the API would refuse.
const nameRule = singleLine(MAX_NAME);
const idRule = singleLine(MAX_ID);

/** The text as the name rules store it, or the reason it is refused (length is checked by the caller). */
function checkText(rule: typeof nameRule, text: string): { value: string; refused?: string } {
  const r = rule.safeParse(text);
  if (r.success) return { value: r.data };
  const issue = r.error.issues.find((i) => i.code !== 'too_big') ?? r.error.issues[0];
  return { value: text.normalize('NFC'), refused: issue.message };
}

/** Decodes uploaded bytes: UTF-8 (BOM or not); an Excel export in Windows-1252 is read as such rather than garbled. */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator that occurs most often, outside quotes, in the header line. */
export function detectDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  return Object.entries(counts).reduce((best, [d, n]) => (n > counts[best] ? d : best), ';');
}

/** Accepts 2025-03-01 and the Danish 01-03-2025, 01.03.2025 and 01/03/2025; answers YYYY-MM-DD or null. */
export function parseDay(s: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let day: string | null = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s);
  if (m) day = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  if (!day) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day) ? day : null;
}

function parseHeadcount(s: string): { value: number | null; problem?: RowProblem } {
  const v = s.replace(/[\s\u00a0]/g, '');
  if (v === '') return { value: null };
  if (/^-\d+$/.test(v)) return { value: null, problem: { field: 'headcount', code: 'headcount_negative', message: `Headcount "${s}" is negative` } };
  if (!/^\d+$/.test(v) || Number(v) > MAX_HEADCOUNT) {
    return { value: null, problem: { field: 'headcount', code: 'headcount_invalid', message: `Headcount "${s}" is not a whole number between 0 and ${MAX_HEADCOUNT}` } };
  }
  return { value: Number(v) };
}

function mapHeader(header: string[]) {
  const columns: Partial<Record<CsvField, string>> = {};
  const index: Partial<Record<CsvField, number>> = {};
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    const key = normaliseHeader(h);
    const field = (Object.keys(headerAliases) as CsvField[]).find((f) => headerAliases[f].includes(key));
    if (field && index[field] === undefined) {
      index[field] = i;
      columns[field] = h.trim();
    } else if (h.trim()) ignoredColumns.push(h.trim());
  });
  const missing = (['externalId', 'name'] as const).filter((f) => index[f] === undefined);
  if (missing.length) {
    throw invalid(
      'csv_missing_column',
      `The file has no column for ${missing.join(' and ')}. Found: ${header.map((h) => `"${h.trim()}"`).join(', ')}`,
      missing.map((f) => ({ path: 'csv', code: 'csv_missing_column', message: `No ${f} column; use one of: ${headerAliases[f].join(', ')}`, field: f })),
    );
  }
  return { columns, index, ignoredColumns };
}

/** One record of a CSV file, with the line it starts on and its raw text (for rejected-row messages). */
export interface CsvRecord {
  fields: string[];
  line: number;
  raw: string;
  quoteError: boolean;
}

/**
 * Reads CSV text into records: no BOM, one line ending (so positions map to line numbers), refused when it holds
 * characters that could not be decoded or nothing at all, the separator detected from the first line (returned).
 */
export function readCsvRecords(input: string): { records: CsvRecord[]; delimiter: string } {
  // One line ending for the whole file, and no BOM, so that positions map to line numbers.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.includes('\uFFFD')) {
    throw invalid('csv_encoding', 'The file contains characters that could not be read; save it as UTF-8 (CSV UTF-8)', [
      { path: 'csv', code: 'csv_encoding', message: 'Not valid UTF-8' },
    ]);
  }
  const firstLine = text.split('\n').find((l) => l.trim() !== '');
  if (firstLine === undefined) throw invalid('csv_empty', 'The file is empty', [{ path: 'csv', code: 'csv_empty', message: 'No header row' }]);
  const delimiter = detectDelimiter(firstLine);

  const records: CsvRecord[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    step: (r) => {
      const raw = text.slice(start, r.meta.cursor);
      records.push({ fields: r.data, line, raw: raw.replace(/\n$/, ''), quoteError: r.errors.some((e) => e.type === 'Quotes') });
      line += raw.split('\n').length - 1;
      start = r.meta.cursor;
    },
  });
  return { records, delimiter };
}

export function parseUnitCsv(input: string): ParsedUnitCsv {
  const { records, delimiter } = readCsvRecords(input);
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [headerRecord, ...dataRecords] = nonEmpty;
  // A file of only separators or quotes has no header row either.
  if (!headerRecord) throw invalid('csv_empty', 'The file is empty', [{ path: 'csv', code: 'csv_empty', message: 'No header row' }]);
  const header = headerRecord.fields;
  const { columns, index, ignoredColumns } = mapHeader(header);
  const width = header.length;

  const rows = dataRecords.map((r): CsvUnitRow => {
    const get = (f: CsvField) => {
      const at = index[f];
      return at === undefined ? '' : (r.fields[at] ?? '').trim();
    };
    const problems: RowProblem[] = [];
    if (r.quoteError) problems.push({ field: 'row', code: 'unterminated_quote', message: 'A quoted field is not closed' });
    // Trailing empty fields (a closing separator from Excel) are harmless; real extra fields mean a split name.
    const extra = r.fields.slice(width).filter((f) => f.trim() !== '');
    if (extra.length) {
      problems.push({ field: 'row', code: 'wrong_field_count', message: `The row has ${r.fields.length} fields but the header has ${width}; quote names that contain "${delimiter}"` });
    }
    const id = checkText(idRule, get('externalId'));
    const externalId = id.value;
    if (!externalId) problems.push({ field: 'externalId', code: 'missing_id', message: 'The unit id is empty' });
    else if (externalId.length > MAX_ID) problems.push({ field: 'externalId', code: 'id_too_long', message: `The unit id is longer than ${MAX_ID} characters` });
    else if (id.refused) problems.push({ field: 'externalId', code: 'id_invalid', message: `The unit id: ${id.refused}` });
    const checkedName = checkText(nameRule, get('name'));
    const name = checkedName.value;
    if (!name) problems.push({ field: 'name', code: 'missing_name', message: 'The name is empty' });
    else if (name.length > MAX_NAME) problems.push({ field: 'name', code: 'name_too_long', message: `The name is longer than ${MAX_NAME} characters` });
    else if (checkedName.refused) problems.push({ field: 'name', code: 'name_invalid', message: `The name: ${checkedName.refused}` });
    const checkedEn = checkText(nameRule, get('nameEn'));
    const nameEn = checkedEn.value;
    if (nameEn.length > MAX_NAME) problems.push({ field: 'nameEn', code: 'name_too_long', message: `The English name is longer than ${MAX_NAME} characters` });
    else if (checkedEn.refused) problems.push({ field: 'nameEn', code: 'name_invalid', message: `The English name: ${checkedEn.refused}` });
    const headcount = parseHeadcount(get('headcount'));
    if (headcount.problem) problems.push(headcount.problem);
    const kindText = get('kind');
    const kind = kindText ? (kindAliases[normaliseHeader(kindText)] ?? null) : null;
    if (kindText && !kind) problems.push({ field: 'kind', code: 'kind_unknown', message: `Unknown unit type "${kindText}"; use forvaltning, center, enhed or afdeling` });
    const dateText = get('headcountDate');
    const headcountDate = dateText ? parseDay(dateText) : null;
    if (dateText && !headcountDate) problems.push({ field: 'headcountDate', code: 'date_invalid', message: `"${dateText}" is not a date; use YYYY-MM-DD or DD-MM-YYYY` });
    return {
      line: r.line,
      raw: r.raw,
      externalId,
      name,
      nameEn: nameEn || null,
      parentExternalId: get('parent') || null,
      headcount: headcount.value,
      kind,
      headcountDate,
      problems,
    };
  });
  return { delimiter, columns, ignoredColumns, rows };
}
