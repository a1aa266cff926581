// Checks submitted SurveyJS data against the item map (and the frozen survey JSON). Pure, no I/O.
import type { ItemMap, ItemMapEntry } from './types';

export interface AnswerValue {
  itemKey: string;
  valueNum?: number;
  valueText?: string;
}

export type AnswerErrorCode =
  | 'invalid_data' // data is not an object
  | 'unknown_question' // a name that is not in the survey
  | 'unknown_row' // a matrix row that is not in the question
  | 'invalid_type' // e.g. a string where a number belongs, or a matrix answer that is not an object
  | 'out_of_range' // a number that is not a position on the item's scale (e.g. 7 on a 5-point item)
  | 'unknown_choice' // a choice value the item does not offer
  | 'duplicate_choice' // the same choice twice in a multi-choice answer
  | 'too_many_choices' // more ticks than the item allows
  | 'too_long' // free text over maxLength
  | 'required'; // a required item without an answer

export interface AnswerError {
  /** Where in the submitted data: [question] or [question, row]; [] for the whole object. */
  path: string[];
  code: AnswerErrorCode;
  message: string;
}

export type ValidationResult = { ok: true; values: AnswerValue[] } | { ok: false; details: AnswerError[] };

/** Enough to tell the client what is wrong without echoing a huge payload back. */
export const MAX_ERROR_DETAILS = 50;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
/** SurveyJS leaves unanswered questions out; treat explicit empties the same way. */
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0);

interface JsonQuestion {
  type: string;
  rows?: Set<string>;
  choices?: Set<unknown>;
}

/** Question names, matrix rows and choice values of a stored SurveyJS JSON (pages → elements → panels). */
function indexSurveyJson(json: unknown): Map<string, JsonQuestion> | undefined {
  if (!isPlainObject(json)) return undefined;
  const out = new Map<string, JsonQuestion>();
  const valueOf = (v: unknown) => (isPlainObject(v) ? v.value : v);
  const walk = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const el of elements) {
      if (!isPlainObject(el)) continue;
      if (Array.isArray(el.elements)) walk(el.elements);
      if (typeof el.name !== 'string' || typeof el.type !== 'string' || el.type === 'panel') continue;
      const q: JsonQuestion = { type: el.type };
      if (Array.isArray(el.rows)) q.rows = new Set(el.rows.map(valueOf).map(String));
      const choices = el.type === 'matrix' ? el.columns : el.choices;
      if (Array.isArray(choices)) q.choices = new Set(choices.map(valueOf));
      out.set(el.name, q);
    }
  };
  if (Array.isArray(json.pages)) for (const page of json.pages) if (isPlainObject(page)) walk(page.elements);
  walk(json.elements);
  return out;
}

/** Items by question, and by row for matrix questions. */
type QuestionItems = { plain?: ItemMapEntry; rows: Map<string, ItemMapEntry> };
interface SurveyIndex {
  surveyJson: unknown;
  jsonIndex: Map<string, JsonQuestion> | undefined;
  byQuestion: Map<string, QuestionItems>;
}

/** A stored survey version never changes, and the server keeps one object per version: its indexes are built
 *  once, not on every submission (bench/ingest.bench.ts). Keyed by the item map, checked against the JSON. */
const surveyIndexes = new WeakMap<ItemMap, SurveyIndex>();

function surveyIndex(itemMap: ItemMap, surveyJson: unknown): SurveyIndex {
  const known = surveyIndexes.get(itemMap);
  if (known && known.surveyJson === surveyJson) return known;
  const byQuestion = new Map<string, QuestionItems>();
  for (const item of itemMap.items) {
    const entry: QuestionItems = byQuestion.get(item.question) ?? { rows: new Map() };
    if (item.row !== undefined) entry.rows.set(item.row, item);
    else entry.plain = item;
    byQuestion.set(item.question, entry);
  }
  const index = { surveyJson, jsonIndex: surveyJson === undefined || surveyJson === null ? undefined : indexSurveyJson(surveyJson), byQuestion };
  surveyIndexes.set(itemMap, index);
  return index;
}

/**
 * Validates `data` (SurveyJS `model.data`) against the item map. Unknown questions or rows, values off
 * the scale, wrong types, non-existent choices, text over maxLength and missing required answers are
 * all rejected with details; otherwise the values to store are returned in item-map order.
 * When `surveyJson` is given, names, rows and choices must also exist in it.
 */
export function validateAnswers(itemMap: ItemMap, surveyJson: unknown, data: unknown): ValidationResult {
  const details: AnswerError[] = [];
  const fail = (path: string[], code: AnswerErrorCode, message: string) => {
    if (details.length < MAX_ERROR_DETAILS) details.push({ path, code, message });
  };
  if (!isPlainObject(data)) {
    return { ok: false, details: [{ path: [], code: 'invalid_data', message: 'Answers must be an object' }] };
  }
  const { jsonIndex, byQuestion } = surveyIndex(itemMap, surveyJson);

  const found = new Map<string, AnswerValue>();
  /** Items that got a value, valid or not: an invalid value is reported once, not also as missing. */
  const attempted = new Set<string>();
  for (const name of Object.keys(data)) {
    const value = data[name];
    const entry = byQuestion.get(name);
    const jq = jsonIndex?.get(name);
    if (!entry || (jsonIndex && !jq)) {
      fail([name], 'unknown_question', `No question "${truncate(name)}" in this survey`);
      continue;
    }
    if (isEmpty(value)) continue;
    if (entry.rows.size > 0) {
      if (!isPlainObject(value)) {
        fail([name], 'invalid_type', 'Expected an object of row answers');
        for (const item of entry.rows.values()) attempted.add(item.key);
        continue;
      }
      for (const row of Object.keys(value)) {
        const item = entry.rows.get(row);
        if (!item || (jq?.rows && !jq.rows.has(row))) {
          fail([name, row], 'unknown_row', `No row "${truncate(row)}" in question "${truncate(name)}"`);
          continue;
        }
        const cell = value[row];
        if (isEmpty(cell)) continue;
        attempted.add(item.key);
        const v = checkValue(item, cell, [name, row], fail, jq);
        if (v) found.set(item.key, v);
      }
      continue;
    }
    const item = entry.plain!;
    attempted.add(item.key);
    const v = checkValue(item, value, [name], fail, jq);
    if (v) found.set(item.key, v);
  }

  for (const item of itemMap.items) {
    if (item.required && !found.has(item.key) && !attempted.has(item.key)) {
      fail(item.row !== undefined ? [item.question, item.row] : [item.question], 'required', 'An answer is required');
    }
  }

  if (details.length > 0) return { ok: false, details };
  return { ok: true, values: itemMap.items.filter((i) => found.has(i.key)).map((i) => found.get(i.key)!) };
}

/**
 * The answers as SurveyJS data, rebuilt from validated values only: what is stored holds nothing the
 * validation did not check (no unknown keys, no untrimmed text, no empty cells).
 */
const itemsByKey = new WeakMap<ItemMap, Map<string, ItemMapEntry>>();

export function answersFromValues(itemMap: ItemMap, values: readonly AnswerValue[]): Record<string, unknown> {
  // Built once per item map, as surveyIndex is.
  let byKey = itemsByKey.get(itemMap);
  if (!byKey) itemsByKey.set(itemMap, (byKey = new Map(itemMap.items.map((i) => [i.key, i]))));
  const data: Record<string, unknown> = {};
  for (const v of values) {
    const item = byKey.get(v.itemKey);
    if (!item) continue;
    const value = v.valueNum ?? (item.type === 'multi' ? (JSON.parse(v.valueText ?? '[]') as number[]) : v.valueText);
    if (item.row === undefined) data[item.question] = value;
    else data[item.question] = { ...(data[item.question] as Record<string, unknown> | undefined), [item.row]: value };
  }
  return data;
}

function truncate(s: string, n = 80) {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function checkValue(
  item: ItemMapEntry,
  value: unknown,
  path: string[],
  fail: (path: string[], code: AnswerErrorCode, message: string) => void,
  jq: JsonQuestion | undefined,
): AnswerValue | undefined {
  const allowed = item.values ?? [];
  const inJson = (v: unknown) => !jq?.choices || jq.choices.has(v);
  switch (item.type) {
    case 'scale': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(path, 'invalid_type', 'Expected a number on the scale');
        return undefined;
      }
      if (!allowed.includes(value) || !inJson(value)) {
        fail(path, 'out_of_range', `${value} is not a position on this scale (allowed: ${allowed.join(', ')})`);
        return undefined;
      }
      return { itemKey: item.key, valueNum: value };
    }
    case 'choice': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(path, 'invalid_type', 'Expected a choice value (number)');
        return undefined;
      }
      if (!allowed.includes(value) || !inJson(value)) {
        fail(path, 'unknown_choice', `${value} is not one of the choices`);
        return undefined;
      }
      return { itemKey: item.key, valueNum: value };
    }
    case 'multi': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
        fail(path, 'invalid_type', 'Expected a list of choice values (numbers)');
        return undefined;
      }
      const nums = value as number[];
      const unknown = nums.filter((v) => !allowed.includes(v) || !inJson(v));
      if (unknown.length > 0) {
        fail(path, 'unknown_choice', `${unknown.slice(0, 5).join(', ')} is not one of the choices`);
        return undefined;
      }
      if (new Set(nums).size !== nums.length) {
        fail(path, 'duplicate_choice', 'A choice is given more than once');
        return undefined;
      }
      if (item.maxSelected !== undefined && nums.length > item.maxSelected) {
        fail(path, 'too_many_choices', `At most ${item.maxSelected} choices`);
        return undefined;
      }
      return { itemKey: item.key, valueText: JSON.stringify([...nums].sort((a, b) => a - b)) };
    }
    case 'text': {
      if (typeof value !== 'string') {
        fail(path, 'invalid_type', 'Expected text');
        return undefined;
      }
      const max = item.maxLength ?? 2000;
      // The limit holds for the text as stored: cleaning only removes characters, but NFC can lengthen one (a
      // composition exclusion such as U+FB2C becomes three), so the cleaned text is measured, not the typed one.
      const text = cleanFreeText(value);
      if (text.length > max) {
        fail(path, 'too_long', `At most ${max} characters (got ${text.length})`);
        return undefined;
      }
      return text === '' ? undefined : { itemKey: item.key, valueText: text };
    }
  }
}

// ---------- comparing items across versions ----------

export type ItemDifference = 'key' | 'type' | 'scale' | 'favourable' | 'values' | 'text.da' | 'text.en';

export interface ItemComparison {
  /** Same key, answer type, scale and favourable answers: the favourable share can be compared. */
  comparable: boolean;
  /** The wording as shown differs (Danish or English). */
  wordingChanged: boolean;
  differences: ItemDifference[];
}

const sameSet = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) => {
  const x = new Set(a ?? []);
  const y = new Set(b ?? []);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** Compares one item across two survey versions (e.g. a baseline and a follow-up wave). */
export function compareItems(a: ItemMapEntry, b: ItemMapEntry): ItemComparison {
  const differences: ItemDifference[] = [];
  if (a.key !== b.key) differences.push('key');
  if (a.type !== b.type) differences.push('type');
  if (a.scale !== b.scale) differences.push('scale');
  if (!sameSet(a.favourable, b.favourable)) differences.push('favourable');
  if (!sameSet(a.values, b.values)) differences.push('values');
  if (a.text.da !== b.text.da) differences.push('text.da');
  if (a.text.en !== b.text.en) differences.push('text.en');
  const blocking: ItemDifference[] = ['key', 'type', 'scale', 'favourable'];
  return {
    comparable: !differences.some((d) => blocking.includes(d)),
    wordingChanged: differences.includes('text.da') || differences.includes('text.en'),
    differences,
  };
}

// eslint-disable-next-line no-control-regex -- control characters other than a line break or tab
const FREE_TEXT_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const FREE_TEXT_INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/g;

/**
 * A comment as stored and shown: line breaks as LF, NFC, without control characters, bidi overrides and isolates
 * or zero-width characters (names refuse these: server/contract/common.ts). A comment is cleaned rather than
 * refused: a zero-width space pasted from a message must not cost the respondent the answer.
 */
export function cleanFreeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(FREE_TEXT_CONTROL, '').replace(FREE_TEXT_INVISIBLE, '').normalize('NFC').trim();
}
