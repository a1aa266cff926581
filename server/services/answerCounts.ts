// Answer counts per wave, unit, item and value, and tallies over them: the data every disclosure decision
// (server/services/disclosure.ts) and every shown number is computed from.
import { and, count, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { responses, responseValues } from '../../db/schema';
import type { ItemMapEntry } from '../../surveys/types';
import { DONT_KNOW } from '../../surveys/types';

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

/** Which of a wave's responses the shown numbers rest on (DisclosurePolicy.stage decides). */
export interface WaveAnswerSet {
  waveId: number;
  answers: 'all' | 'released' | 'none';
}

/** The SQL condition selecting the responses behind the shown numbers of these waves; null when none. */
function shownResponses(sets: readonly WaveAnswerSet[]) {
  const all = sets.filter((s) => s.answers === 'all').map((s) => s.waveId);
  const released = sets.filter((s) => s.answers === 'released').map((s) => s.waveId);
  const parts = [all.length ? inArray(responses.waveId, all) : undefined, released.length ? and(inArray(responses.waveId, released), isNotNull(responses.releasedIn)) : undefined].filter(
    (p) => p !== undefined,
  );
  return parts.length ? or(...parts)! : null;
}

/** Answer counts per wave, unit, item and value over the shown responses: one GROUP BY, no JSON parsing. */
export async function answerCounts(db: DbLike, sets: readonly WaveAnswerSet[]): Promise<Counts> {
  const counts: Counts = new Map();
  const where = shownResponses(sets);
  if (!where) return counts;
  const rows = await db
    .select({ waveId: responses.waveId, unitId: responses.unitId, itemKey: responseValues.itemKey, value: responseValues.valueNum, n: count() })
    .from(responseValues)
    .innerJoin(responses, eq(responses.id, responseValues.responseId))
    .where(and(where, isNotNull(responseValues.valueNum)))
    .groupBy(responses.waveId, responses.unitId, responseValues.itemKey, responseValues.valueNum);
  for (const r of rows) {
    const key = cellKey(r.waveId, r.unitId, r.itemKey);
    const arr = counts.get(key) ?? [0, 0, 0, 0, 0, 0];
    arr[r.value!] = (arr[r.value!] ?? 0) + r.n;
    counts.set(key, arr);
  }
  return counts;
}

/** Respondents per wave, unit and completeness over the shown responses (for response rates and hiding). */
export async function respondentCounts(db: DbLike, sets: readonly WaveAnswerSet[]) {
  const where = shownResponses(sets);
  if (!where) return [];
  return db
    .select({ waveId: responses.waveId, unitId: responses.unitId, complete: responses.complete, n: count() })
    .from(responses)
    .where(where)
    .groupBy(responses.waveId, responses.unitId, responses.complete);
}
