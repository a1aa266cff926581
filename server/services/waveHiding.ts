// Which units of a wave are hidden: one set per wave, shared by the report's item tables, its response-rate
// rows and the links list, so that no output can undo another's hiding by subtraction or tell a unit that was
// too small from one hidden to protect another.
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { responses, responseValues } from '../../db/schema';
import type { ItemMapEntry } from '../../surveys/types';
import { DONT_KNOW } from '../../surveys/types';
import { suppress } from '../analysis';
import { countVisibility, type CountedUnit } from './countVisibility';

/** key `${waveId}|${unitId}|${itemKey}` → counts per value 0..5 */
export type Counts = Map<string, number[]>;

export const cellKey = (waveId: number, unitId: number, itemKey: string) => `${waveId}|${unitId}|${itemKey}`;

/** Everyone who answered an item, "ved ikke" included: one of the two numbers anonymity is about. The
 *  other is the substantive count `n` (answers other than "ved ikke"), the n behind every estimate. */
export const answeredCount = (t: { n: number; dontKnow: number }) => t.n + t.dontKnow;

/** Tally favourable and non-"don't know" answers of one item over a set of units. */
export function tally(counts: Counts, waveId: number, unitIds: number[], item: ItemMapEntry) {
  let n = 0, x = 0, dontKnow = 0;
  const favourable = new Set((item.favourable ?? []).map(Number));
  for (const unitId of unitIds) {
    const c = counts.get(cellKey(waveId, unitId, item.key));
    if (!c) continue;
    c.forEach((k, value) => {
      if (value === DONT_KNOW) dontKnow += k;
      else {
        n += k;
        if (favourable.has(value)) x += k;
      }
    });
  }
  return { n, x, dontKnow };
}

/** Items whose numbers the report shows: behaviour scale items and the secretariat's rated own questions. */
export const reportedItem = (i: ItemMapEntry) =>
  (i.type === 'scale' && i.behaviourId !== undefined) || (i.construct === 'custom' && (i.type === 'scale' || i.type === 'choice') && !!i.favourable?.length);

/** Answer counts per wave, unit, item and value: one GROUP BY, no JSON parsing. */
export async function answerCounts(db: DbLike, waveIds: number[]): Promise<Counts> {
  const counts: Counts = new Map();
  if (!waveIds.length) return counts;
  const rows = await db
    .select({ waveId: responses.waveId, unitId: responses.unitId, itemKey: responseValues.itemKey, value: responseValues.valueNum, n: count() })
    .from(responseValues)
    .innerJoin(responses, eq(responses.id, responseValues.responseId))
    .where(and(inArray(responses.waveId, waveIds), isNotNull(responseValues.valueNum)))
    .groupBy(responses.waveId, responses.unitId, responseValues.itemKey, responseValues.valueNum);
  for (const r of rows) {
    const key = cellKey(r.waveId, r.unitId, r.itemKey);
    const arr = counts.get(key) ?? [0, 0, 0, 0, 0, 0];
    arr[r.value!] = (arr[r.value!] ?? 0) + r.n;
    counts.set(key, arr);
  }
  return counts;
}

/**
 * The hidden units of one wave: the headcount rule (`countVisibility`) and, for each reported item of a wave
 * whose results are shown, `suppress` run twice over the units where someone answered it — on everyone who
 * answered ("ved ikke" included) and on the substantive answers — so that neither count of a hidden unit can
 * be found as the total minus the others. Pass no items for a wave whose results are not shown.
 */
export function hiddenUnitsOfWave(waveId: number, links: readonly CountedUnit[], items: readonly ItemMapEntry[], counts: Counts, k: number): Set<number> {
  const hidden = new Set(countVisibility(links, k).hidden);
  const ids = links.map((l) => l.unitId);
  for (const item of items.filter(reportedItem)) {
    const tallies = ids.map((id) => ({ id: String(id), ...tally(counts, waveId, [id], item) })).filter((t) => answeredCount(t) > 0);
    for (const id of suppress(tallies.map((t) => ({ id: t.id, n: answeredCount(t) })), k).hidden) hidden.add(Number(id));
    for (const id of suppress(tallies.map((t) => ({ id: t.id, n: t.n })), k).hidden) hidden.add(Number(id));
  }
  // The union of valid hidden sets is itself valid: for every count, whatever is hidden is either units where
  // nobody answered the item or at least two units that together reach k, so one pass is enough.
  return hidden;
}
