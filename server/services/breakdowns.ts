// Breakdowns of a closed wave's adoption by the survey's background questions (shift, role, …) and the
// secretariat's own choice questions, under the same disclosure policy as units: only once the wave shows per-unit
// numbers, over the people of the cells the report shows (never per unit), with the group that did not answer as a
// group of its own, and all or nothing: a breakdown with any group too small is hidden whole.
import { and, asc, count, eq, exists, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { responses, responseValues, waves } from '../../db/schema';
import { choiceLabels } from '../../surveys/choices';
import { DONT_KNOW, type ItemMapEntry, type Localized } from '../../surveys/types';
import { estimateLabel, wilson } from '../analysis';
import type { Clock } from './clock';
import type { DisclosurePolicy } from './disclosure';
import { getProjectRow } from './projects';
import { rawAnswersDeleted } from './retention';
import { getSurveyVersion } from './surveys';
import { effectiveStatus, waveHiding } from './waves';

/** The grouping question's row of a response, apart from the counted items' rows that groupCounts joins. */
const chosen = alias(responseValues, 'chosen');

/** Counts per item and value among one group's respondents. */
type ItemCounts = Map<string, number[]>;

interface Group {
  key: string;
  label: Localized | null;
  respondents: number;
  counts: ItemCounts;
  /** Hidden whatever its own counts (a multi-choice breakdown whose combinations do not pass the policy). */
  forceHidden?: boolean;
}

const NOT_ANSWERED: Localized = { da: 'Ikke besvaret', en: 'Not answered' };
const OTHERS: Localized = { da: 'Valgte det ikke', en: 'Did not choose it' };

function add(counts: ItemCounts, itemKey: string, value: number, n: number) {
  const arr = counts.get(itemKey) ?? [0, 0, 0, 0, 0, 0];
  arr[value] = (arr[value] ?? 0) + n;
  counts.set(itemKey, arr);
}

function sumOf(parts: readonly ItemCounts[]): ItemCounts {
  const out: ItemCounts = new Map();
  for (const part of parts) for (const [key, arr] of part) arr.forEach((n, value) => add(out, key, value, n));
  return out;
}

function minus(total: ItemCounts, parts: readonly ItemCounts[]): ItemCounts {
  const out: ItemCounts = new Map();
  for (const [key, arr] of total) arr.forEach((n, value) => add(out, key, value, n - parts.reduce((s, p) => s + (p.get(key)?.[value] ?? 0), 0)));
  return out;
}

export async function getBreakdowns(db: Db, projectId: number, policy: DisclosurePolicy, clock: Clock) {
  const project = await getProjectRow(db, projectId);
  // Past the retention date the answers behind a breakdown are deleted (retention.ts): the wave says so instead.
  const rawDeleted = rawAnswersDeleted(project, clock);
  const rows = await db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(sql`${waves.opensOn} asc nulls first`, asc(waves.id));
  const result = [];
  for (const wave of rows) {
    const stage = policy.stage({ ...wave, status: effectiveStatus(wave, clock) });
    if (stage.results !== 'all' || !wave.surveyVersionId) continue;
    const version = await getSurveyVersion(db, wave.surveyVersionId);
    const measured = version.itemMap.items.filter((i) => i.construct === 'adoption' && i.type === 'scale');
    const groupers = version.itemMap.items.filter((i) => (i.construct === 'background' && i.type === 'choice') || (i.construct === 'custom' && (i.type === 'choice' || i.type === 'multi')));
    if (!measured.length || !groupers.length) continue;
    if (rawDeleted) {
      result.push({ waveId: wave.id, name: wave.name, phase: wave.phase, rawDeleted: true, breakdowns: [] });
      continue;
    }
    // Only the respondents of the cells the report shows: their totals are public already, so a breakdown adds
    // nothing to what the unit table hides (a question that mirrors the units cannot undo its hiding).
    const { cells, hidden: hiddenCells } = await waveHiding(db, wave, stage, policy);
    const shownUnits = cells.filter((c) => !hiddenCells.has(c.key)).flatMap((c) => c.unitIds);
    if (!shownUnits.length) continue;
    const inSet = and(eq(responses.waveId, wave.id), inArray(responses.unitId, shownUnits), stage.answers === 'released' ? isNotNull(responses.releasedIn) : undefined)!;
    const keys = measured.map((i) => i.key);
    const total = await groupCounts(db, inSet, keys);
    const [{ n: respondents }] = await db.select({ n: count() }).from(responses).where(inSet);
    const breakdowns = [];
    for (const grouper of groupers) {
      const labels = choiceLabels(version.surveyJson, grouper.question);
      const families: Group[][] = [];
      if (grouper.type === 'choice') {
        // One family: every option, and those who did not answer (or preferred not to).
        const members: Group[] = [];
        for (const value of (grouper.values ?? []).map(Number).filter((v) => !(grouper.construct === 'background' && v === DONT_KNOW))) {
          const chose = and(eq(chosen.itemKey, grouper.key), eq(chosen.valueNum, value))!;
          members.push({ key: String(value), label: labels.get(value) ?? { da: String(value), en: String(value) }, ...(await groupOf(db, inSet, chose, keys)) });
        }
        const answered = members.reduce((s, m) => s + m.respondents, 0);
        members.push({ key: 'none', label: NOT_ANSWERED, respondents: respondents - answered, counts: minus(total, members.map((m) => m.counts)) });
        families.push(members);
      } else {
        // Several options may be chosen: each option against everyone else, a family of two. The families overlap,
        // so one can be subtracted from another (when nobody chose both 2 and 3, "not 2" minus "3" is everyone
        // else): they are shown only when every set of options chosen together — the partition each group is a
        // union of — would pass the policy on its own, so that no difference of shown groups is a small one.
        const atoms = await combinationsOf(db, inSet, grouper.key, keys);
        const atomsSafe = policy.hiddenGroups(atoms.map((g) => ({ key: g.key, respondents: g.respondents, items: measured.map((i) => tallyOf(g.counts, i)) }))).size === 0;
        for (const value of (grouper.values ?? []).map(Number)) {
          // Everyone who chose the option: the union of the combinations that hold it, summed here (no query).
          const holding = atoms.filter((a) => a.key !== 'none' && a.key.split(',').map(Number).includes(value));
          const counts = sumOf(holding.map((a) => a.counts));
          const group = { key: String(value), label: labels.get(value) ?? { da: String(value), en: String(value) }, respondents: holding.reduce((sum, a) => sum + a.respondents, 0), counts };
          families.push([group, { key: `not:${value}`, label: OTHERS, respondents: respondents - group.respondents, counts: minus(total, [group.counts]) }]);
        }
        if (!atomsSafe) families.forEach((family) => family.forEach((g) => (g.forceHidden = true)));
      }
      // All or nothing: a breakdown with any group too small is hidden whole, never with partners. Two questions
      // that mean the same (shift as a background question and again as an own question) would otherwise hide
      // different partners, and each would show what the other hides. A group nobody is in says only that.
      const groups = families.flatMap((family) => {
        const counted = family.filter((g) => g.respondents > 0);
        const small = policy.hiddenGroups(counted.map((g) => ({ key: g.key, respondents: g.respondents, items: measured.map((i) => tallyOf(g.counts, i)) }))).size > 0;
        return family.map((g) => shownGroup(g, g.forceHidden === true || small, measured, policy));
      });
      breakdowns.push({ key: grouper.key, kind: grouper.construct === 'background' ? ('background' as const) : grouper.type === 'multi' ? ('multi' as const) : ('choice' as const), text: grouper.text, groups });
    }
    result.push({ waveId: wave.id, name: wave.name, phase: wave.phase, rawDeleted: false, breakdowns });
  }
  return { threshold: policy.k, waves: result };
}

/** A group as shown: its numbers, or nothing but the policy's one reason. A multi-choice "others" group is
 *  shown like any other, since it is the total minus the option. */
function shownGroup(g: Group, hidden: boolean, measured: readonly ItemMapEntry[], policy: DisclosurePolicy) {
  const items = measured.map((item) => {
    const t = tallyOf(g.counts, item);
    const tooFew = policy.tooFew(t);
    const isHidden = hidden || tooFew;
    if (isHidden) return { key: item.key, behaviourId: item.behaviourId ?? null, hidden: true as const, hiddenReason: policy.hiddenReason(tooFew), label: estimateLabel(null, 0, 1) };
    const w = wilson(t.x, t.n);
    return { key: item.key, behaviourId: item.behaviourId ?? null, hidden: false as const, hiddenReason: null, n: t.n, x: t.x, dontKnow: t.dontKnow, p: w?.p ?? null, lo: w?.lo ?? null, hi: w?.hi ?? null, label: estimateLabel(w, t.n, 0) };
  });
  return { key: g.key, label: g.label, hidden, respondents: hidden ? null : g.respondents, items };
}

function tallyOf(counts: ItemCounts, item: ItemMapEntry) {
  const favourable = new Set((item.favourable ?? []).map(Number));
  let n = 0, x = 0, dontKnow = 0;
  (counts.get(item.key) ?? []).forEach((k, value) => {
    if (value === DONT_KNOW) dontKnow += k;
    else {
      n += k;
      if (favourable.has(value)) x += k;
    }
  });
  return { n, x, dontKnow };
}

/** Respondents (of the shown set) whose answer to the grouping question matches, and their item counts. */
async function groupOf(db: Db, inSet: SQL, chose: SQL, keys: string[]): Promise<{ respondents: number; counts: ItemCounts }> {
  // Per response of the set, its own row of the grouping item (the primary key): response_values has no index
  // by item, so "everyone who chose" is never looked up across all waves.
  const member = and(inSet, exists(db.select({ one: sql`1` }).from(chosen).where(and(eq(chosen.responseId, responses.id), chose))))!;
  const [{ n }] = await db.select({ n: count() }).from(responses).where(member);
  return { respondents: n, counts: await groupCounts(db, member, keys) };
}

async function groupCounts(db: Db, where: SQL, keys: string[]): Promise<ItemCounts> {
  const rows = await db
    .select({ itemKey: responseValues.itemKey, value: responseValues.valueNum, n: count() })
    .from(responseValues)
    .innerJoin(responses, eq(responses.id, responseValues.responseId))
    .where(and(where, inArray(responseValues.itemKey, keys), isNotNull(responseValues.valueNum)))
    .groupBy(responseValues.itemKey, responseValues.valueNum);
  const counts: ItemCounts = new Map();
  for (const r of rows) add(counts, r.itemKey, r.value!, r.n);
  return counts;
}

/**
 * The wave's respondents by the exact set of options they chose on a multi-choice question (one group per set
 * chosen, and one for those who chose nothing or did not answer), with their item counts: a partition of the
 * respondents, which every option group and its complement are unions of.
 */
async function combinationsOf(db: Db, inSet: SQL, grouperKey: string, keys: string[]): Promise<Group[]> {
  const ids = await db.select({ id: responses.id }).from(responses).where(inSet);
  const chosenRows = await db
    .select({ id: responseValues.responseId, text: responseValues.valueText })
    .from(responseValues)
    .innerJoin(responses, eq(responses.id, responseValues.responseId))
    .where(and(inSet, eq(responseValues.itemKey, grouperKey)));
  const combination = new Map<number, string>(ids.map((r) => [r.id, 'none']));
  for (const r of chosenRows) {
    let options: number[] = [];
    try {
      const parsed: unknown = r.text ? JSON.parse(r.text) : [];
      if (Array.isArray(parsed)) options = parsed.map(Number).sort((a, b) => a - b);
    } catch {
      options = [];
    }
    if (options.length) combination.set(r.id, options.join(','));
  }
  const values = await db
    .select({ id: responseValues.responseId, itemKey: responseValues.itemKey, value: responseValues.valueNum })
    .from(responseValues)
    .innerJoin(responses, eq(responses.id, responseValues.responseId))
    .where(and(inSet, inArray(responseValues.itemKey, keys), isNotNull(responseValues.valueNum)));
  const groups = new Map<string, Group>();
  const groupOfKey = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label: null, respondents: 0, counts: new Map() }));
    return g;
  };
  for (const key of combination.values()) groupOfKey(key).respondents++;
  for (const v of values) add(groupOfKey(combination.get(v.id)!).counts, v.itemKey, v.value!, 1);
  return [...groups.values()];
}
