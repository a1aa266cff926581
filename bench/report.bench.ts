// How the report scales with a municipality-sized project, as a ratio to the one SQL scan over all answers
// that the report used to need (and now reads from tallies kept as answers arrive).
//
//   npm run bench:report                       40 units × 3 waves × 30 responses (quick)
//   npm run bench:report -- --full             60 units × 3 waves × 5,556 responses = 1,000,080 responses × 12 items
//   npm run bench:report -- 60 1000            units, responses per unit and wave
//   DATABASE_URL=postgres://… npm run bench:report [-- --full]   the same on a fresh PostgreSQL database
//
// SQLite runs on a temporary file (removed afterwards). The data set is written with multi-row inserts in large
// transactions straight into responses, response_values and the tallies (the same rows storeResponse writes;
// checked against a recount below), so 11 million answer rows take about a minute, not hours.
// "Cold" = the first report after closing the handle and opening a new one: a new SQLite connection (empty page
// cache, the OS file cache stays warm) or a new PostgreSQL pool (new server processes; shared buffers stay), and
// empty per-handle caches (survey versions). "Warm" = the median of repeated calls on an open handle.
import { randomInt, randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { answerTallies, behaviours, projects, respondentTallies, responses, responseValues, rollouts, units, users, waveLinks, waves } from '../db/schema';
import { answersFromValues } from '../surveys';
import type { ItemMapEntry } from '../surveys/types';
import { createApp } from '../server/app';
import { hashPassword } from '../server/auth/password';
import { defaultAppConfig } from '../server/config';
import { systemClock } from '../server/services/clock';
import { answerCounts, respondentCounts } from '../server/services/answerCounts';
import { disclosurePolicy } from '../server/services/disclosure';
import { getProjectReport } from '../server/services/report';
import { getSurveyVersion } from '../server/services/surveys';
import { openWave } from '../server/services/waves';
import { openBenchDb, printRatio, timeIt, timeOnce } from './common';

const args = process.argv.slice(2);
const full = args.includes('--full');
const numbers = args.filter((a) => /^\d+$/.test(a)).map(Number);
const UNITS = numbers[0] ?? (full ? 60 : 40);
const PER_CELL = numbers[1] ?? (full ? 5556 : 30);
const WAVES = 3;
const BEHAVIOURS = 2; // 2 behaviours = 12 rated items per response (adoption, old behaviour, C, O, M, drawback)
const big = UNITS * WAVES * PER_CELL > 100_000;
const RUNS = big ? 5 : 15;
/** Response ids already taken (random, like storeResponse's). */
const usedIds = new Set<number>();

const bench = await openBenchDb({ sqliteFile: true });
try {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
  const db = bench.db;
  const [{ id: projectId }] = await db.insert(projects).values({ name: 'Bench' }).returning();
  for (let b = 0; b < BEHAVIOURS; b++) await db.insert(behaviours).values({ projectId, title: `Adfærd ${b}`, oldBehaviour: 'Gammel' });
  const unitIds: number[] = [];
  for (let i = 0; i < UNITS; i++) {
    const [unit] = await db.insert(units).values({ name: `Enhed ${i}`, headcount: PER_CELL + 10 }).returning();
    unitIds.push(unit.id);
  }
  for (const unitId of unitIds) await db.insert(rollouts).values({ projectId, unitId, goLiveDate: '2026-03-01' });

  const t0 = Date.now();
  let responseCount = 0;
  for (const [w, phase] of (['baseline', 'followup', 'followup'] as const).entries()) {
    const [wave] = await db.insert(waves).values({ projectId, name: `Måling ${w}`, phase }).returning();
    await db.insert(waveLinks).values(unitIds.map((unitId) => ({ waveId: wave.id, unitId, token: `tok-${w}-${unitId}-xxxxxx` })));
    const opened = await openWave(db, wave.id, systemClock, defaultAppConfig);
    const version = await getSurveyVersion(db, opened.surveyVersionId!);
    responseCount += await generateWave(db, wave.id, version.id, version.itemMap, unitIds, w);
    await db.update(waves).set({ status: 'closed' }).where(eq(waves.id, wave.id));
  }
  if (db.engine === 'postgres') await (db as unknown as { execute: (q: unknown) => Promise<unknown> }).execute(sql`vacuum analyze`); // what autovacuum does on a live server
  const generated = (Date.now() - t0) / 1000;
  const [{ n: valueRows }] = await db.select({ n: count() }).from(responseValues);
  const [{ groups }] = await db.select({ groups: count() }).from(answerTallies);
  const size = db.engine === 'sqlite' ? `, file ${(((db.sqlite!.connection.pragma('page_count', { simple: true }) as number) * (db.sqlite!.connection.pragma('page_size', { simple: true }) as number)) / 2 ** 30).toFixed(2)} GB` : '';
  console.log(`Report benchmark: ${UNITS} units × ${WAVES} waves × ${PER_CELL} responses = ${responseCount.toLocaleString('en')} responses, ${valueRows.toLocaleString('en')} answer rows, ${groups.toLocaleString('en')} tally groups${size}`);
  console.log(`Generated in ${generated.toFixed(1)} s\n`);

  const policy = disclosurePolicy(defaultAppConfig);
  const report = (d: Db) => getProjectReport(d, projectId, policy, {}, systemClock);

  // Cold: a fresh handle, then the first report on it.
  const cold = await timeOnce(async () => report(await bench.reopen()));
  const baselineQuery = (d: Db) =>
    d
      .select({ waveId: responses.waveId, unitId: responses.unitId, itemKey: responseValues.itemKey, valueNum: responseValues.valueNum, n: count() })
      .from(responseValues)
      .innerJoin(responses, eq(responses.id, responseValues.responseId))
      .where(isNotNull(responseValues.valueNum))
      .groupBy(responses.waveId, responses.unitId, responseValues.itemKey, responseValues.valueNum);
  // The tallies must say what the raw answers say (the report would otherwise be fast and wrong).
  const raw = await baselineQuery(bench.db);
  const tallied = await bench.db.select({ n: sql<number>`sum(${answerTallies.n})`.mapWith(Number) }).from(answerTallies);
  const rawTotal = raw.reduce((s, r) => s + r.n, 0);
  if (rawTotal !== tallied[0].n || raw.length !== groups) throw new Error(`tallies (${tallied[0].n} in ${groups}) differ from the answers (${rawTotal} in ${raw.length})`);

  const baseline = await timeIt(big ? 3 : RUNS, () => baselineQuery(bench.db));
  const warm = await timeIt(RUNS, () => report(bench.db));
  // The part of it that reads the tallies (what replaced the scan over the answers).
  const closedSets = (await bench.db.select({ id: waves.id }).from(waves).where(eq(waves.projectId, projectId))).map((w) => ({ waveId: w.id, answers: 'all' as const }));
  const reads = await timeIt(RUNS, () => Promise.all([answerCounts(bench.db, closedSets), respondentCounts(bench.db, closedSets)]));

  // The same report over HTTP, as the dashboard asks for it (routing, access, JSON).
  await bench.db.insert(users).values({ email: 'bench@test.dk', name: 'Bench', passwordHash: await hashPassword('bench-pass-1'), role: 'admin' });
  const app = createApp({ db: bench.db, config: { publicUrl: 'http://bench.local' }, hitCounter: { hit: async () => 0 } });
  const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ email: 'bench@test.dk', password: 'bench-pass-1' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const http = await timeIt(RUNS, async () => {
    const res = await app.request(`/api/projects/${projectId}/report`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    if (res.status !== 200) throw new Error(`report answered ${res.status}`);
    await res.text();
  });

  printRatio('baseline: the GROUP BY over all answers', baseline, 'baseline', baseline);
  printRatio('getProjectReport, cold (first call, fresh handle)', cold, 'baseline', baseline);
  printRatio(`getProjectReport, warm (median of ${RUNS})`, warm, 'baseline', baseline);
  printRatio(`GET /api/projects/:id/report, warm (median of ${RUNS})`, http, 'baseline', baseline);
  printRatio(`  of which the tally reads (answerCounts, respondentCounts)`, reads, 'baseline', baseline);
} finally {
  await bench.close();
}

/** A deterministic generator per wave, so runs compare. */
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

/**
 * Writes PER_CELL responses per unit for one wave, with their values and tallies, as storeResponse would:
 * random ids, a random submission id, the validated answers as JSON; about 7 % of optional items skipped (so
 * some responses are partial), about 8 % "ved ikke" (0), levels differing by unit and wave, and a free-text
 * comment from one in fifty. Rows go in by id, in transactions of up to 50,000 responses.
 */
async function generateWave(db: Db, waveId: number, surveyVersionId: number, itemMap: { items: ItemMapEntry[] }, unitIds: number[], w: number): Promise<number> {
  const random = rng(1000 + w);
  const rated = itemMap.items.filter((i) => i.type === 'scale');
  const text = itemMap.items.find((i) => i.type === 'text');
  const total = unitIds.length * PER_CELL;
  const ids = new Set<number>();
  while (ids.size < total) {
    const id = randomInt(1, 2 ** 31 - 1);
    if (!usedIds.has(id)) ids.add(id);
  }
  for (const id of ids) usedIds.add(id);
  const sortedIds = [...ids].sort((a, b) => a - b);
  // Which unit each (sorted) id belongs to: a random permutation of PER_CELL × each unit.
  const unitOf = Array.from({ length: total }, (_, i) => unitIds[i % unitIds.length]);
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [unitOf[i], unitOf[j]] = [unitOf[j], unitOf[i]];
  }
  const answerTally = new Map<string, { unitId: number; itemKey: string; valueNum: number; n: number }>();
  const respondentTally = new Map<string, { unitId: number; complete: boolean; n: number }>();
  const BATCH = 50_000;
  for (let start = 0; start < total; start += BATCH) {
    const rows: { id: number; unitId: number; submissionId: string; complete: boolean; answers: string }[] = [];
    const values: { responseId: number; itemKey: string; valueNum: number | null; valueText: string | null }[] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) {
      const id = sortedIds[i];
      const unitId = unitOf[i];
      const level = 0.35 + 0.4 * ((unitId * 7 + w * 3) % 10) / 10; // share answering 4 or 5
      const vs: { itemKey: string; valueNum?: number | null; valueText?: string | null }[] = [];
      for (const item of rated) {
        if (!item.required && random() < 0.07) continue;
        const r = random();
        const v = r < 0.08 ? 0 : random() < level ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3);
        vs.push({ itemKey: item.key, valueNum: v });
        const k = `${unitId}|${item.key}|${v}`;
        const t = answerTally.get(k);
        if (t) t.n++;
        else answerTally.set(k, { unitId, itemKey: item.key, valueNum: v, n: 1 });
      }
      if (text && random() < 0.02) vs.push({ itemKey: text.key, valueText: 'Det fungerer godt for os.' });
      const complete = vs.filter((v) => v.valueNum !== undefined).length === rated.length;
      const rk = `${unitId}|${complete}`;
      const rt = respondentTally.get(rk);
      if (rt) rt.n++;
      else respondentTally.set(rk, { unitId, complete, n: 1 });
      rows.push({ id, unitId, submissionId: randomUUID(), complete, answers: JSON.stringify(answersFromValues(itemMap as never, vs as never)) });
      for (const v of vs) values.push({ responseId: id, itemKey: v.itemKey, valueNum: v.valueNum ?? null, valueText: v.valueText ?? null });
    }
    await insertBatch(db, waveId, surveyVersionId, rows, values);
  }
  await db.insert(respondentTallies).values([...respondentTally.values()].map((t) => ({ waveId, released: false, ...t })));
  const tallies = [...answerTally.values()];
  for (let i = 0; i < tallies.length; i += 2000) await db.insert(answerTallies).values(tallies.slice(i, i + 2000).map((t) => ({ waveId, released: false, ...t })));
  return total;
}

async function insertBatch(
  db: Db,
  waveId: number,
  surveyVersionId: number,
  rows: { id: number; unitId: number; submissionId: string; complete: boolean; answers: string }[],
  values: { responseId: number; itemKey: string; valueNum: number | null; valueText: string | null }[],
) {
  if (db.engine === 'sqlite') {
    const c = db.sqlite!.connection;
    const r = c.prepare(`insert into responses (id, wave_id, unit_id, survey_version_id, submission_id, submitted_on, locale, complete, answers) values (?, ?, ?, ?, ?, '2026-05-01', 'da', ?, ?)`);
    const v = c.prepare(`insert into response_values (response_id, item_key, value_num, value_text) values (?, ?, ?, ?)`);
    c.transaction(() => {
      for (const x of rows) r.run(x.id, waveId, x.unitId, surveyVersionId, x.submissionId, x.complete ? 1 : 0, x.answers);
      for (const x of values) v.run(x.responseId, x.itemKey, x.valueNum, x.valueText);
    })();
    return;
  }
  // PostgreSQL: one multi-row insert per table and batch, the rows passed as arrays (unnest).
  const pool = (db as unknown as { $client: { connect: () => Promise<{ query: (q: string, p?: unknown[]) => Promise<unknown>; release: () => void }> } }).$client;
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into responses (id, wave_id, unit_id, survey_version_id, submission_id, submitted_on, locale, complete, answers)
       select id, $1, unit_id, $2, submission_id, '2026-05-01', 'da', complete, answers from unnest($3::int[], $4::int[], $5::text[], $6::int[], $7::text[]) as t(id, unit_id, submission_id, complete, answers)`,
      [waveId, surveyVersionId, rows.map((x) => x.id), rows.map((x) => x.unitId), rows.map((x) => x.submissionId), rows.map((x) => (x.complete ? 1 : 0)), rows.map((x) => x.answers)],
    );
    await client.query(`insert into response_values (response_id, item_key, value_num, value_text) select * from unnest($1::int[], $2::text[], $3::int[], $4::text[])`, [
      values.map((x) => x.responseId),
      values.map((x) => x.itemKey),
      values.map((x) => x.valueNum),
      values.map((x) => x.valueText),
    ]);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}
