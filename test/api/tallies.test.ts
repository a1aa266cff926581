// The tallies the report reads (answer_tallies, respondent_tallies) are kept in the transaction that stores or
// releases the answers. Whatever arrives — complete or partial responses, "ved ikke" (0), live-results releases,
// submissions at the same time — they must equal a recount from responses / response_values.
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { answerTallies, respondentTallies, responses, responseValues } from '../../db/schema';
import { answerCounts, respondentCounts, type WaveAnswerSet } from '../../server/services/answerCounts';
import type { ItemMapEntry } from '../../surveys/types';
import { answersFor } from '../support/answers';
import { projectWithUnits } from '../support/api';

/** A small seeded generator, so a failing run can be repeated (the seed is in the test name). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const num = (v: unknown) => Number(v);

/** The tallies as stored, and as recounted from the raw rows; both sorted the same way. */
async function talliesAndRecount(db: Db) {
  const released = sql<number>`case when ${responses.releasedIn} is null then 0 else 1 end`.mapWith(Number);
  const answerRecount = await db
    .select({ waveId: responses.waveId, unitId: responses.unitId, itemKey: responseValues.itemKey, valueNum: responseValues.valueNum, released, n: count() })
    .from(responseValues)
    .innerJoin(responses, eq(responses.id, responseValues.responseId))
    .where(isNotNull(responseValues.valueNum))
    .groupBy(responses.waveId, responses.unitId, responseValues.itemKey, responseValues.valueNum, released)
    .orderBy(asc(responses.waveId), asc(responses.unitId), asc(responseValues.itemKey), asc(responseValues.valueNum), asc(released));
  const answerStored = await db
    .select({ waveId: answerTallies.waveId, unitId: answerTallies.unitId, itemKey: answerTallies.itemKey, valueNum: answerTallies.valueNum, released: sql<number>`${answerTallies.released}`.mapWith(Number), n: answerTallies.n })
    .from(answerTallies)
    .orderBy(asc(answerTallies.waveId), asc(answerTallies.unitId), asc(answerTallies.itemKey), asc(answerTallies.valueNum), asc(answerTallies.released));
  const respondentRecount = await db
    .select({ waveId: responses.waveId, unitId: responses.unitId, complete: sql<number>`${responses.complete}`.mapWith(Number), released, n: count() })
    .from(responses)
    .groupBy(responses.waveId, responses.unitId, responses.complete, released)
    .orderBy(asc(responses.waveId), asc(responses.unitId), asc(responses.complete), asc(released));
  const respondentStored = await db
    .select({ waveId: respondentTallies.waveId, unitId: respondentTallies.unitId, complete: sql<number>`${respondentTallies.complete}`.mapWith(Number), released: sql<number>`${respondentTallies.released}`.mapWith(Number), n: respondentTallies.n })
    .from(respondentTallies)
    .orderBy(asc(respondentTallies.waveId), asc(respondentTallies.unitId), asc(respondentTallies.complete), asc(respondentTallies.released));
  const norm = <T extends Record<string, unknown>>(rows: T[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'itemKey' ? v : num(v)])));
  return { answers: { stored: norm(answerStored), recount: norm(answerRecount) }, respondents: { stored: norm(respondentStored), recount: norm(respondentRecount) } };
}

/** The counts answerCounts / respondentCounts gave before the tallies: GROUP BY over the raw rows. */
async function rawCounts(db: Db, sets: readonly WaveAnswerSet[]) {
  const all = sets.filter((s) => s.answers === 'all').map((s) => s.waveId);
  const rel = sets.filter((s) => s.answers === 'released').map((s) => s.waveId);
  const counts = new Map<string, number[]>();
  const respondents: { waveId: number; unitId: number; complete: boolean; n: number }[] = [];
  for (const [ids, releasedOnly] of [[all, false], [rel, true]] as const) {
    if (!ids.length) continue;
    const where = and(inArray(responses.waveId, ids), releasedOnly ? isNotNull(responses.releasedIn) : undefined);
    const rows = await db
      .select({ waveId: responses.waveId, unitId: responses.unitId, itemKey: responseValues.itemKey, value: responseValues.valueNum, n: count() })
      .from(responseValues)
      .innerJoin(responses, eq(responses.id, responseValues.responseId))
      .where(and(where, isNotNull(responseValues.valueNum)))
      .groupBy(responses.waveId, responses.unitId, responseValues.itemKey, responseValues.valueNum);
    for (const r of rows) {
      const key = `${r.waveId}|${r.unitId}|${r.itemKey}`;
      const arr = counts.get(key) ?? [0, 0, 0, 0, 0, 0];
      arr[r.value!] += r.n;
      counts.set(key, arr);
    }
    respondents.push(
      ...(await db.select({ waveId: responses.waveId, unitId: responses.unitId, complete: responses.complete, n: count() }).from(responses).where(where).groupBy(responses.waveId, responses.unitId, responses.complete)),
    );
  }
  return { counts, respondents };
}

const sortRespondents = (rows: { waveId: number; unitId: number; complete: boolean; n: number }[]) =>
  [...rows].sort((a, b) => a.waveId - b.waveId || a.unitId - b.unitId || Number(a.complete) - Number(b.complete));

async function expectTalliesMatch(db: Db, sets: readonly WaveAnswerSet[]) {
  const t = await talliesAndRecount(db);
  expect(t.answers.stored).toEqual(t.answers.recount);
  expect(t.respondents.stored).toEqual(t.respondents.recount);
  const raw = await rawCounts(db, sets);
  const counts = await answerCounts(db, sets);
  expect(new Map([...counts].sort())).toEqual(new Map([...raw.counts].sort()));
  expect(sortRespondents(await respondentCounts(db, sets))).toEqual(sortRespondents(raw.respondents));
  return t;
}

/** Random answers for one respondent: each rated item skipped (partial), "ved ikke" or a scale value. */
const randomPick = (random: () => number) => (item: ItemMapEntry): number | undefined => {
  const r = random();
  if (r < 0.12 && item.construct !== 'adoption') return undefined; // the adoption question is required
  if (r < 0.3) return 0;
  return 1 + Math.floor(random() * 5);
};

describe('answer and respondent tallies', () => {
  for (const seed of [1, 2]) {
    it(`equal a recount from the stored answers after random submissions and live releases (seed ${seed})`, async () => {
      const random = rng(seed);
      const { t, project, ids } = await projectWithUnits([['A', 20], ['B', 20], ['C', 12], ['Lille', 3]]);
      const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
      const waves: { id: number; live: boolean; tokens: string[] }[] = [];
      for (const [w, live] of [false, true, true].entries()) {
        const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: `W${w}`, phase: 'baseline' })).body.wave;
        expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
        const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
        waves.push({ id: wave.id, live, tokens: ids.map((u) => links.find((l) => l.unitId === u)!.token) });
      }
      // Live results are decided before answers arrive: both live waves switch them on at once.
      await t.patch(`/api/waves/${waves[1].id}`, { liveResults: true });
      await t.patch(`/api/waves/${waves[2].id}`, { liveResults: true });
      let stored = 0;
      for (let i = 0; i < 90; i++) {
        const wave = waves[Math.floor(random() * waves.length)];
        const token = wave.tokens[Math.floor(random() * wave.tokens.length)];
        let answers = answersFor(itemMap, randomPick(random));
        if (!Object.keys(answers).length) answers = answersFor(itemMap, () => 0);
        const submissionId = randomUUID();
        const res = await t.post(`/api/s/${token}/responses`, { submissionId, answers, locale: 'da' });
        expect(res.status).toBe(201);
        stored++;
        // A retry is stored once and counted once.
        if (random() < 0.1) expect((await t.post(`/api/s/${token}/responses`, { submissionId, answers, locale: 'da' })).body.duplicate).toBe(true);
        if (i === 40) expect((await t.patch(`/api/waves/${waves[2].id}`, { liveResults: false })).body.error.code).toBe('live_results_locked');
        if (i % 15 === 0) await expectTalliesMatch(t.db, waves.map((w) => ({ waveId: w.id, answers: w.live ? ('released' as const) : ('all' as const) })));
      }
      const [{ releases }] = await t.db.select({ releases: sql<number>`count(*)`.mapWith(Number) }).from(responses).where(isNotNull(responses.releasedIn));
      expect(releases).toBeGreaterThan(0);
      for (const w of waves) expect((await t.post(`/api/waves/${w.id}/close`)).status).toBe(200);
      const sets = waves.map((w) => ({ waveId: w.id, answers: w.live ? ('released' as const) : ('all' as const) }));
      const final = await expectTalliesMatch(t.db, sets);
      await expectTalliesMatch(t.db, waves.map((w) => ({ waveId: w.id, answers: 'all' as const })));
      // Something of each kind was counted: partial responses, "ved ikke", released and unreleased rows.
      expect(final.respondents.stored.some((r) => r.complete === 0)).toBe(true);
      expect(final.answers.stored.some((r) => r.valueNum === 0)).toBe(true);
      expect(final.answers.stored.some((r) => r.released === 1)).toBe(true);
      expect(final.respondents.stored.reduce((s, r) => s + (r.n as number), 0)).toBe(stored);
      expect(final.answers.stored.every((r) => (r.n as number) > 0)).toBe(true);
    });
  }

  it('lose no count when many submissions arrive at the same time, with and without live results', async () => {
    const { t, project, ids } = await projectWithUnits([['A', 40], ['B', 40]]);
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const tokens: string[] = [];
    for (const live of [false, true]) {
      const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: live ? 'Live' : 'Plain', phase: 'baseline' })).body.wave;
      await t.post(`/api/waves/${wave.id}/open`);
      if (live) await t.patch(`/api/waves/${wave.id}`, { liveResults: true });
      const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
      tokens.push(...ids.map((u) => links.find((l) => l.unitId === u)!.token));
    }
    const random = rng(7);
    let sent = 0;
    for (let round = 0; round < 4; round++) {
      const batch = Array.from({ length: 24 }, (_, i) => {
        const token = tokens[i % tokens.length];
        return t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, randomPick(random)), locale: 'da' });
      });
      const results = await Promise.all(batch);
      for (const r of results) if (r.status !== 201) throw new Error(`submission failed under concurrency: ${r.status} ${JSON.stringify(r.body)}`);
      sent += results.length;
    }
    const final = await expectTalliesMatch(t.db, []);
    expect(final.respondents.stored.reduce((s, r) => s + (r.n as number), 0)).toBe(sent);
  });
});
