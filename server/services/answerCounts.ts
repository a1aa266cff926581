// Answer counts per wave, unit, item and value, and tallies over them: the data every disclosure decision
// (server/services/disclosure.ts) and every shown number is computed from. The counts are read from
// answer_tallies / respondent_tallies (db/schema.ts), kept in the transaction that stores or releases the answers
// (addTallies, releaseTallies below), so a report reads about as many rows as it publishes groups, never the
// raw answers. test/api/tallies.test.ts checks them against a recount from response_values.
import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { preparedQuery, type DbLike } from '../../db/client';
import { answerTallies, respondentTallies, responses, responseValues } from '../../db/schema';
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

/** The condition selecting the tally rows behind the shown numbers of these waves; null when none. */
function shownTallies(t: typeof answerTallies | typeof respondentTallies, sets: readonly WaveAnswerSet[]): SQL | null {
  const all = [...new Set(sets.filter((s) => s.answers === 'all').map((s) => s.waveId))];
  const released = [...new Set(sets.filter((s) => s.answers === 'released').map((s) => s.waveId))];
  const parts = [all.length ? inArray(t.waveId, all) : undefined, released.length ? and(inArray(t.waveId, released), eq(t.released, true)) : undefined].filter(
    (p) => p !== undefined,
  );
  return parts.length ? or(...parts)! : null;
}

const total = (n: typeof answerTallies.n | typeof respondentTallies.n) => sql<number>`sum(${n})`.mapWith(Number);

/** Answer counts per wave, unit, item and value over the shown responses: read from answer_tallies. */
export async function answerCounts(db: DbLike, sets: readonly WaveAnswerSet[]): Promise<Counts> {
  const counts: Counts = new Map();
  const where = shownTallies(answerTallies, sets);
  if (!where) return counts;
  const t = answerTallies;
  // At most two rows per group (released and not): summed here, which is cheaper than GROUP BY in the database.
  const rows = await db.select({ waveId: t.waveId, unitId: t.unitId, itemKey: t.itemKey, value: t.valueNum, n: t.n }).from(t).where(where);
  for (const r of rows) {
    if (!(r.n > 0)) continue;
    const key = cellKey(r.waveId, r.unitId, r.itemKey);
    let arr = counts.get(key);
    if (!arr) counts.set(key, (arr = [0, 0, 0, 0, 0, 0]));
    arr[r.value] = (arr[r.value] ?? 0) + r.n;
  }
  return counts;
}

/** Respondents per wave, unit and completeness over the shown responses (for response rates and hiding). */
export async function respondentCounts(db: DbLike, sets: readonly WaveAnswerSet[]): Promise<{ waveId: number; unitId: number; complete: boolean; n: number }[]> {
  const where = shownTallies(respondentTallies, sets);
  if (!where) return [];
  const t = respondentTallies;
  const rows = await db
    .select({ waveId: t.waveId, unitId: t.unitId, complete: t.complete, n: total(t.n) })
    .from(t)
    .where(where)
    .groupBy(t.waveId, t.unitId, t.complete)
    .orderBy(asc(t.waveId), asc(t.unitId), asc(t.complete));
  return rows.filter((r) => r.n > 0);
}

// ---------- keeping the tallies (always inside the transaction that writes the responses) ----------

type AnswerTally = { unitId: number; itemKey: string; valueNum: number; n: number };
type RespondentTally = { unitId: number; complete: boolean; n: number };

/** Rows per multi-row statement: well below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 2000;
const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/** Adds counts with one atomic upsert per table (n = n + excluded.n), so concurrent writers on PostgreSQL never
 *  lose a count. Rows are written in key order, so two transactions lock shared rows in the same order. */
async function upsertTallies(tx: DbLike, waveId: number, released: boolean, answers: AnswerTally[], respondents: RespondentTally[]) {
  const r = [...respondents].filter((x) => x.n !== 0).sort((a, b) => a.unitId - b.unitId || Number(a.complete) - Number(b.complete));
  for (const part of chunks(r)) {
    await tx
      .insert(respondentTallies)
      .values(part.map((x) => ({ waveId, released, ...x })))
      .onConflictDoUpdate({
        target: [respondentTallies.waveId, respondentTallies.unitId, respondentTallies.complete, respondentTallies.released],
        set: { n: sql`${respondentTallies.n} + excluded.n` },
      });
  }
  const a = [...answers].filter((x) => x.n !== 0).sort((x, y) => x.unitId - y.unitId || (x.itemKey < y.itemKey ? -1 : x.itemKey > y.itemKey ? 1 : 0) || x.valueNum - y.valueNum);
  for (const part of chunks(a)) {
    await tx
      .insert(answerTallies)
      .values(part.map((x) => ({ waveId, released, ...x })))
      .onConflictDoUpdate({
        target: [answerTallies.waveId, answerTallies.unitId, answerTallies.itemKey, answerTallies.valueNum, answerTallies.released],
        set: { n: sql`${answerTallies.n} + excluded.n` },
      });
  }
}

/** One more unreleased response of a wave and unit: its respondent and each numeric answer. */
export async function addTallies(tx: DbLike, r: { waveId: number; unitId: number; complete: boolean; values: readonly { itemKey: string; valueNum?: number | null }[] }) {
  if (tx.engine !== 'sqlite') return addTalliesOf(tx, r.waveId, [r]);
  // SQLite (one writer, no lock order to keep): prepared single-row upserts, built once per connection; this runs
  // on every submission, and building the multi-row SQL cost more than running it (bench/ingest.bench.ts).
  await preparedRespondentUpsert(tx).run({ waveId: r.waveId, unitId: r.unitId, complete: r.complete });
  const counted = new Map<string, { itemKey: string; valueNum: number; n: number }>();
  for (const v of r.values) {
    if (v.valueNum === null || v.valueNum === undefined) continue;
    const k = `${v.itemKey}|${v.valueNum}`;
    const t = counted.get(k);
    if (t) t.n++;
    else counted.set(k, { itemKey: v.itemKey, valueNum: v.valueNum, n: 1 });
  }
  if (!counted.size) return;
  const params: Record<string, unknown> = { waveId: r.waveId, unitId: r.unitId };
  [...counted.values()].forEach((t, i) => {
    params[`k${i}`] = t.itemKey;
    params[`v${i}`] = t.valueNum;
    params[`n${i}`] = t.n;
  });
  await preparedAnswerUpsert(tx, counted.size).run(params);
}

const placeholder = sql.placeholder;

/** The unreleased respondent upsert of one response (n = n + excluded.n), as a SQLite prepared query. */
const preparedRespondentUpsert = (tx: DbLike) =>
  preparedQuery(tx, 'tallies.respondent', (d) =>
    d
      .insert(respondentTallies)
      .values({ waveId: placeholder('waveId'), unitId: placeholder('unitId'), complete: placeholder('complete'), released: false, n: 1 })
      .onConflictDoUpdate({
        target: [respondentTallies.waveId, respondentTallies.unitId, respondentTallies.complete, respondentTallies.released],
        set: { n: sql`${respondentTallies.n} + excluded.n` },
      })
      .prepare(),
  );

/** The unreleased answer upserts of one response, one multi-row statement per number of distinct values (the
 *  keys are distinct, so no two rows of it meet each other), prepared once per count and connection. */
const preparedAnswerUpsert = (tx: DbLike, rows: number) =>
  preparedQuery(tx, `tallies.answer:${rows}`, (d) =>
    d
      .insert(answerTallies)
      .values(Array.from({ length: rows }, (_, i) => ({ waveId: placeholder('waveId'), unitId: placeholder('unitId'), itemKey: placeholder(`k${i}`), valueNum: placeholder(`v${i}`), released: false, n: placeholder(`n${i}`) })))
      .onConflictDoUpdate({
        target: [answerTallies.waveId, answerTallies.unitId, answerTallies.itemKey, answerTallies.valueNum, answerTallies.released],
        set: { n: sql`${answerTallies.n} + excluded.n` },
      })
      .prepare(),
  );

/** The same for many unreleased responses of one wave at once (bulk loads): one upsert per table and chunk. */
export async function addTalliesOf(tx: DbLike, waveId: number, rs: readonly { unitId: number; complete: boolean; values: readonly { itemKey: string; valueNum?: number | null }[] }[]) {
  const answers = new Map<string, AnswerTally>();
  const respondents = new Map<string, RespondentTally>();
  for (const r of rs) {
    const rk = `${r.unitId}|${r.complete}`;
    const rt = respondents.get(rk);
    if (rt) rt.n++;
    else respondents.set(rk, { unitId: r.unitId, complete: r.complete, n: 1 });
    for (const v of r.values) {
      if (v.valueNum === null || v.valueNum === undefined) continue;
      const k = `${r.unitId}|${v.itemKey}|${v.valueNum}`;
      const t = answers.get(k);
      if (t) t.n++;
      else answers.set(k, { unitId: r.unitId, itemKey: v.itemKey, valueNum: v.valueNum, n: 1 });
    }
  }
  await upsertTallies(tx, waveId, false, [...answers.values()], [...respondents.values()]);
}

/** The unreleased block of a wave as the release rule sees it: respondents, and per item the answered and the
 *  substantive ("ved ikke" left out) counts. Read from the tallies. */
export async function unreleasedBlock(tx: DbLike, waveId: number) {
  const [{ respondents }] = await tx
    .select({ respondents: sql<number>`coalesce(sum(${respondentTallies.n}), 0)`.mapWith(Number) })
    .from(respondentTallies)
    .where(and(eq(respondentTallies.waveId, waveId), eq(respondentTallies.released, false)));
  const items = (
    await tx
      .select({
        itemKey: answerTallies.itemKey,
        answered: total(answerTallies.n),
        substantive: sql<number>`sum(case when ${answerTallies.valueNum} <> 0 then ${answerTallies.n} else 0 end)`.mapWith(Number),
      })
      .from(answerTallies)
      .where(and(eq(answerTallies.waveId, waveId), eq(answerTallies.released, false)))
      .groupBy(answerTallies.itemKey)
  )
    .filter((i) => i.answered > 0)
    .map(({ answered, substantive }) => ({ answered, substantive }));
  return { respondents, items };
}

/**
 * Moves the tallies of the responses just marked `released_in = release` from released = 0 to released = 1:
 * adds them to the released rows, subtracts exactly those amounts from the unreleased ones (n = n - moved, which
 * stays right if another transaction adds to the same row meanwhile) and drops rows left at 0.
 */
export async function releaseTallies(tx: DbLike, waveId: number, release: number) {
  const marked = and(eq(responses.waveId, waveId), eq(responses.releasedIn, release));
  const answers = await tx
    .select({ unitId: responses.unitId, itemKey: responseValues.itemKey, valueNum: sql<number>`${responseValues.valueNum}`.mapWith(Number), n: sql<number>`count(*)`.mapWith(Number) })
    .from(responseValues)
    .innerJoin(responses, eq(responses.id, responseValues.responseId))
    .where(and(marked, isNotNull(responseValues.valueNum)))
    .groupBy(responses.unitId, responseValues.itemKey, responseValues.valueNum);
  const respondents = await tx
    .select({ unitId: responses.unitId, complete: responses.complete, n: sql<number>`count(*)`.mapWith(Number) })
    .from(responses)
    .where(marked)
    .groupBy(responses.unitId, responses.complete);
  await upsertTallies(tx, waveId, true, answers, respondents);
  await upsertTallies(
    tx,
    waveId,
    false,
    answers.map((a) => ({ ...a, n: -a.n })),
    respondents.map((r) => ({ ...r, n: -r.n })),
  );
  await tx.delete(answerTallies).where(and(eq(answerTallies.waveId, waveId), eq(answerTallies.released, false), sql`${answerTallies.n} <= 0`));
  await tx.delete(respondentTallies).where(and(eq(respondentTallies.waveId, waveId), eq(respondentTallies.released, false), sql`${respondentTallies.n} <= 0`));
}
