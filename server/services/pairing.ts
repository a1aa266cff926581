// The optional pairing code: the per-project secret (switch on, off, destroy), the key a response stores, and the
// paired view of two closed waves. The code's answers are never stored (surveys/pairing.ts takes them out before
// answer validation); a response keeps only HMAC-SHA256(secret, code). See docs/anonymity.md "Pairing code".
import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { projects, responses, responseValues, waves } from '../../db/schema';
import { asksPairing } from '../../surveys/pairing';
import { DONT_KNOW, type ItemMapEntry } from '../../surveys/types';
import { mcnemar, newcombePaired } from '../analysis';
import type { PairedQuery } from '../contract/pairing';
import { type Clock, nowIso } from './clock';
import type { DisclosurePolicy } from './disclosure';
import { conflict, invalid, notFound } from './errors';
import { getProjectReport } from './report';
import { getRetention } from './retention';
import { getSurveyVersion } from './surveys';

// ---------- the secret ----------

async function pairingRow(db: DbLike, projectId: number) {
  const [row] = await db
    .select({ enabled: projects.pairingEnabled, secret: projects.pairingSecret, destroyedAt: projects.pairingDestroyedAt })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!row) throw notFound('Project');
  return row;
}

/** What the secretariat's settings show; never the secret itself. */
export async function getPairingSettings(db: DbLike, projectId: number) {
  const row = await pairingRow(db, projectId);
  return { enabled: row.enabled, keyExists: row.secret !== null, destroyedAt: row.destroyedAt };
}

/** On: a new random secret if there is none (the survey gets the pairing page from its next version). Off: the
 *  next version asks nothing; the secret stays, so switching on again links to the same keys. */
export async function setPairing(db: DbLike, projectId: number, enabled: boolean) {
  const row = await pairingRow(db, projectId);
  if (enabled && row.destroyedAt) throw conflict('pairing_destroyed', 'The pairing key of this project was destroyed; pairing cannot be switched on again');
  const secret = enabled ? (row.secret ?? randomBytes(32).toString('base64url')) : row.secret;
  await db.update(projects).set({ pairingEnabled: enabled, pairingSecret: secret }).where(eq(projects.id, projectId));
  return getPairingSettings(db, projectId);
}

/** Irreversible: the secret is erased, so no code can be turned into a key again (no new pairs, and nobody can
 *  test a known person's code against the stored keys). Stored keys stay and keep the paired view of past waves. */
export async function destroyPairingKey(db: DbLike, projectId: number, clock: Clock) {
  const row = await pairingRow(db, projectId);
  if (row.destroyedAt) return getPairingSettings(db, projectId);
  if (row.secret === null) throw conflict('no_pairing_key', 'This project has no pairing key to destroy');
  await db.update(projects).set({ pairingEnabled: false, pairingSecret: null, pairingDestroyedAt: nowIso(clock) }).where(eq(projects.id, projectId));
  return getPairingSettings(db, projectId);
}

/** HMAC-SHA256 of the normalised code under the project's secret, base64url. */
export function pairKeyOf(secret: string, code: string): string {
  return createHmac('sha256', secret).update(code, 'utf8').digest('base64url');
}

/** The key a response of this project stores for a code; null when there is no code or no secret (destroyed). */
export async function pairKeyFor(db: DbLike, projectId: number, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const { secret } = await pairingRow(db, projectId);
  return secret === null ? null : pairKeyOf(secret, code);
}

// ---------- the paired view ----------

export type PairedHiddenReason = 'too_few_pairs' | 'protected';

/** Keys of one wave's responses (the ones its results rest on), each key once: a key seen twice is dropped. */
async function keysOfWave(db: Db, wave: { id: number; releasedOnly: boolean }): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: responses.id, key: responses.pairKey })
    .from(responses)
    .where(and(eq(responses.waveId, wave.id), isNotNull(responses.pairKey), wave.releasedOnly ? isNotNull(responses.releasedIn) : undefined));
  const byKey = new Map<string, number>();
  const twice = new Set<string>();
  for (const r of rows) {
    if (byKey.has(r.key!)) twice.add(r.key!);
    byKey.set(r.key!, r.id);
  }
  for (const key of twice) byKey.delete(key);
  return byKey;
}

/** key → favourable (true/false) among a wave's keys with a substantive answer to the item. */
async function answersByKey(db: Db, keys: Map<string, number>, item: ItemMapEntry): Promise<Map<string, boolean>> {
  const ids = [...keys.values()];
  const favourable = new Set((item.favourable ?? []).map(Number));
  const keyOf = new Map([...keys].map(([key, id]) => [id, key]));
  const out = new Map<string, boolean>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: responseValues.responseId, value: responseValues.valueNum })
      .from(responseValues)
      .where(and(eq(responseValues.itemKey, item.key), inArray(responseValues.responseId, ids.slice(i, i + 500))));
    for (const r of rows) if (r.value !== null && r.value !== DONT_KNOW) out.set(keyOf.get(r.id)!, favourable.has(r.value));
  }
  return out;
}

const sameList = (a: unknown[] = [], b: unknown[] = []) => a.length === b.length && a.every((v) => b.includes(v));

/**
 * Paired before/after of each behaviour's adoption item between two closed waves, project-level only. Shown per
 * behaviour only when the pairs reach k, the unpaired rest of each wave's answers is 0 or at least k, and every
 * other paired comparison sharing one of the waves differs from this one by 0 or at least k people each way, so
 * no number here can be subtracted from the report (or another paired view) to leave a group under k. Cells of
 * the 2×2 table under k are left out (null). See docs/anonymity.md "Pairing code".
 */
export async function getPairedReport(db: Db, projectId: number, policy: DisclosurePolicy, query: PairedQuery, clock: Clock) {
  const k = policy.k;
  const report = await getProjectReport(db, projectId, policy, {}, clock);
  const waveRows = await db.select().from(waves).where(eq(waves.projectId, projectId));
  const closed = report.waves.filter((w) => w.status === 'closed');
  const closedIds = closed.map((w) => w.id);
  for (const [path, id] of [['from', query.from], ['to', query.to]] as const) {
    if (id !== undefined && !closedIds.includes(id)) throw invalid('unknown_wave', 'Pair only closed waves of this project', [{ path, code: 'unknown_wave', message: `${id}` }]);
  }
  const from = query.from ?? closed.find((w) => w.phase === 'baseline')?.id;
  const to = query.to ?? [...closed].reverse().find((w) => w.phase === 'followup' && (from === undefined || closedIds.indexOf(w.id) > closedIds.indexOf(from)))?.id;
  if (from !== undefined && to !== undefined && closedIds.indexOf(from) >= closedIds.indexOf(to)) {
    throw invalid('compare_order', 'The first wave must come before the second', [{ path: 'to', code: 'compare_order', message: `${to}` }]);
  }
  if (from === undefined || to === undefined) return { threshold: k, fromWaveId: from ?? null, toWaveId: to ?? null, pairingAsked: false, shown: false as const, reason: 'no_waves' as const, matchRate: null, behaviours: [] };
  // Past the retention date the keys are deleted with the raw answers (retention.ts): nothing can be paired.
  if ((await getRetention(db, projectId, clock)).rawDeleted) return { threshold: k, fromWaveId: from, toWaveId: to, pairingAsked: true, shown: false as const, reason: 'raw_deleted' as const, matchRate: null, behaviours: [] };

  // Each closed wave's keys, over the same responses as its results (a wave that released keeps to its releases).
  const keys = new Map<number, Map<string, number>>();
  const items = new Map<number, ItemMapEntry[]>();
  const asked = new Set<number>();
  for (const id of closedIds) {
    const row = waveRows.find((w) => w.id === id)!;
    const stage = policy.stage({ status: 'closed', liveResults: row.liveResults, releases: row.releases });
    keys.set(id, await keysOfWave(db, { id, releasedOnly: stage.answers === 'released' }));
    const version = row.surveyVersionId ? await getSurveyVersion(db, row.surveyVersionId) : null;
    items.set(id, version?.itemMap.items ?? []);
    if (version && asksPairing(version.surveyJson)) asked.add(id);
  }
  // Whether the surveys asked the code at all (the page leaves the section out when not): about the questions, not the answers.
  const base = { threshold: k, fromWaveId: from, toWaveId: to, pairingAsked: asked.has(from) || asked.has(to) };
  const rateOf = (id: number) => report.responseRates.find((r) => r.waveId === id);
  const fromRate = rateOf(from);
  const toRate = rateOf(to);
  // The match rate and every count here are bounded by the waves' respondents: shown only where those are.
  if (!fromRate || fromRate.hidden || !toRate || toRate.hidden) return { ...base, shown: false as const, reason: 'protected' as const, matchRate: null, behaviours: [] };
  const respondents = toRate.complete + toRate.partial;
  const pairedKeys = [...keys.get(from)!.keys()].filter((key) => keys.get(to)!.has(key));
  if (pairedKeys.length < k) return { ...base, shown: false as const, reason: 'too_few_pairs' as const, matchRate: null, behaviours: [] };
  const matchRate = { pairs: pairedKeys.length, respondents, rate: respondents > 0 ? pairedKeys.length / respondents : null };

  const adoptionOf = (waveId: number, behaviourId: number) => items.get(waveId)?.find((i) => i.behaviourId === behaviourId && i.construct === 'adoption' && i.type === 'scale');
  const comparable = (a?: ItemMapEntry, b?: ItemMapEntry) => !!a && !!b && a.key === b.key && a.scale === b.scale && sameList(a.favourable, b.favourable);
  const small = (n: number) => n > 0 && n < k;

  const behaviours = [];
  for (const b of report.behaviours) {
    const header = { id: b.id, title: b.title };
    const before = adoptionOf(from, b.id);
    const after = adoptionOf(to, b.id);
    if (!b.adoption || !comparable(before, after)) continue;
    const hidden = (reason: PairedHiddenReason) => ({ ...header, shown: false as const, reason });
    const totalOf = (waveId: number) => b.adoption!.overall.find((o) => o.waveId === waveId);
    const totals = [totalOf(from), totalOf(to)];
    if (totals.some((t) => !t || !t.measured || t.hidden)) {
      behaviours.push(hidden('protected'));
      continue;
    }
    // Substantive answers ("ved ikke" left out) of every closed wave that asked the same item, by key.
    const answered = new Map<number, Map<string, boolean>>();
    for (const id of closedIds) if (comparable(before, adoptionOf(id, b.id))) answered.set(id, await answersByKey(db, keys.get(id)!, before!));
    const pairSet = (w1: number, w2: number) => new Set([...answered.get(w1)!.keys()].filter((key) => answered.get(w2)!.has(key)));
    const pairs = pairSet(from, to);
    if (pairs.size < k) {
      behaviours.push(hidden('too_few_pairs'));
      continue;
    }
    // The unpaired rest of each wave's shown total must itself be 0 or at least k answers.
    const rests = totals.map((t) => (t as { n: number }).n - pairs.size);
    // Another paired view sharing a wave must not differ from this one by a handful of people.
    const overlaps = [...answered.keys()]
      .filter((id) => id !== from && id !== to)
      .flatMap((id) => [pairSet(from, id), pairSet(to, id)])
      .some((other) => small([...pairs].filter((key) => !other.has(key)).length) || small([...other].filter((key) => !pairs.has(key)).length));
    if (rests.some((n) => n < 0 || small(n)) || overlaps) {
      behaviours.push(hidden('protected'));
      continue;
    }
    let yesYes = 0, noYes = 0, yesNo = 0, noNo = 0;
    for (const key of pairs) {
      const wasYes = answered.get(from)!.get(key)!;
      const isYes = answered.get(to)!.get(key)!;
      if (wasYes && isYes) yesYes++;
      else if (isYes) noYes++;
      else if (wasYes) yesNo++;
      else noNo++;
    }
    const interval = newcombePaired(yesYes, noYes, yesNo, noNo)!;
    const test = mcnemar(noYes, yesNo)!;
    const cell = (n: number) => (n >= k ? n : null);
    behaviours.push({
      ...header,
      shown: true as const,
      pairs: pairs.size,
      d: interval.d,
      lo: interval.lo,
      hi: interval.hi,
      /** McNemar's exact p (the discordant pairs are often few). */
      p: test.pExact,
      /** Favourable before → after; a cell under k is null (left out, not zero). */
      table: { yesYes: cell(yesYes), noYes: cell(noYes), yesNo: cell(yesNo), noNo: cell(noNo) },
    });
  }
  return { ...base, shown: true as const, reason: null, matchRate, behaviours };
}

export type PairedReport = Awaited<ReturnType<typeof getPairedReport>>;
