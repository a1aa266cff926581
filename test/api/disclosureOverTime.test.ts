// Nothing leaks over time: a manager who polls every output between single responses learns no more than the
// final view shows. While a wave runs nothing is shown per unit; live results show the whole wave only, from
// releases that each add at least k answers to every count that changes; the final view keeps to the releases.
// Also: no order of arrival in storage, and reporting groups instead of blanks.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportingGroups, reportingGroupUnits, responses } from '../../db/schema';
import type { ItemMapEntry } from '../../surveys/types';
import { answersFor } from '../support/answers';
import { projectWithUnits } from '../support/api';
import type { DisclosureWeakening } from '../../server/services/disclosure';

const K = 5;

/** Deterministic answers: respondent i gives adoption `adoption(i)`, every other rated item 4, except that
 *  every seventh respondent says "ved ikke" (0) to the capability item. */
const pickFor = (i: number) => (item: ItemMapEntry) => (item.construct === 'adoption' ? [5, 2, 4, 1, 5][i % 5] : item.construct === 'capability' && i % 7 === 0 ? 0 : 4);

/** Every number of the wave a poller can read: per item the whole-wave answered and substantive counts, and
 *  whether anything per unit is shown anywhere. */
async function observe(t: Awaited<ReturnType<typeof projectWithUnits>>['t'], projectId: number, waveId: number) {
  const report = (await t.get(`/api/projects/${projectId}/report`)).body.report;
  const links = (await t.get(`/api/waves/${waveId}/links`)).body.links as { responses: number | null; group: { responses: number | null } | null }[];
  const comments = (await t.get(`/api/projects/${projectId}/comments`)).body.comments;
  const tables = report.behaviours.flatMap((b: any) => [b.adoption, ...b.diagnostics]).filter(Boolean);
  const items = new Map<string, { answered: number; n: number } | null>();
  let unitNumbers = 0;
  for (const table of tables) {
    const cell = table.overall.find((o: any) => o.waveId === waveId);
    if (cell?.measured) items.set(table.key, cell.hidden ? null : { answered: cell.n + cell.dontKnow, n: cell.n });
    for (const u of table.units) unitNumbers += u.cells.filter((c: any) => c.waveId === waveId && !c.hidden).length;
  }
  const rates = report.responseRates.find((r: any) => r.waveId === waveId);
  unitNumbers += rates.units.filter((u: any) => !u.hidden).length;
  unitNumbers += links.filter((l) => l.responses !== null || (l.group && l.group.responses !== null)).length;
  const commentsShown = comments.waves.some((w: any) => w.waveId === waveId);
  // The wave's response total in the waves list and the DPO export's count of stored responses.
  const total = (await t.get(`/api/projects/${projectId}/waves`)).body.waves.find((w: any) => w.id === waveId).responses as number | null;
  const held = (await t.get(`/api/projects/${projectId}/dpo-export`)).body.waves.find((w: any) => w.id === waveId).held;
  return { items, unitNumbers, commentsShown, total, heldResponses: held.hidden ? null : (held.responses as number) };
}

/** The steps between consecutive views of one whole-wave count that are neither 0 nor at least k. */
function smallSteps(views: Map<string, { answered: number; n: number } | null>[]) {
  const steps: string[] = [];
  const last = new Map<string, { answered: number; n: number }>();
  for (const [i, view] of views.entries()) {
    for (const [key, v] of view) {
      if (!v) continue;
      const before = last.get(key) ?? { answered: 0, n: 0 };
      for (const count of ['answered', 'n'] as const) {
        const step = v[count] - before[count];
        if (step !== 0 && step < K) steps.push(`view ${i}: ${key}.${count} ${before[count]} → ${v[count]}`);
      }
      last.set(key, v);
    }
  }
  return steps;
}

/** A live wave over A, B, C (20 staff each) and Tiny (3); answers one by one, every output read after each. */
async function pollLiveWave(weaken: DisclosureWeakening = {}) {
  const { t, project, ids } = await projectWithUnits([['A', 20], ['B', 20], ['C', 20], ['Tiny', 3]], { weakenDisclosureForTests: weaken });
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Live', phase: 'baseline' })).body.wave;
  await t.post(`/api/waves/${wave.id}/open`);
  await t.patch(`/api/waves/${wave.id}`, { liveResults: true });
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const order = [3, 0, 0, 1, 3, 0, 1, 2, 1, 0, 0, 2, 1, 1, 0, 2, 1, 0, 1, 2, 0, 2, 2, 1, 2, 0];
  const views: Awaited<ReturnType<typeof observe>>[] = [];
  for (const [i, u] of order.entries()) {
    const token = links.find((l) => l.unitId === ids[u])!.token;
    expect((await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, pickFor(i)), locale: 'da' })).status).toBe(201);
    views.push(await observe(t, project.id, wave.id));
  }
  await t.post(`/api/waves/${wave.id}/close`);
  const final = await observe(t, project.id, wave.id);
  return { views, final, t, project, wave };
}

describe('live results over time', () => {
  it('show only whole-wave numbers while the wave runs, changing by at least k answers or not at all', async () => {
    const { views, final } = await pollLiveWave();
    // Results were released during the wave (so the test looks at something) …
    expect(views.some((v) => [...v.items.values()].some((c) => c !== null))).toBe(true);
    // … but nothing per unit, no comments, and no step smaller than k between any two views, the final included.
    expect(views.map((v) => v.unitNumbers)).toEqual(views.map(() => 0));
    expect(views.some((v) => v.commentsShown)).toBe(false);
    expect(smallSteps([...views, final].map((v) => v.items))).toEqual([]);
    // The running total moves with the releases only: beside the moment a release comes, an exact count of the
    // answers still held back would tell how many of them it took (and so something of what they answered).
    const totals = views.map((v) => v.total ?? 0);
    expect(totals.filter((n, i) => n !== (totals[i - 1] ?? 0) && n - (totals[i - 1] ?? 0) < K)).toEqual([]);
    expect(totals.at(-1)).toBeGreaterThan(0);
    expect(views.map((v) => v.heldResponses)).toEqual(views.map(() => null));
    expect(final.total).toBe(26);
    // After close the per-unit numbers appear, from one hidden set.
    expect(final.unitNumbers).toBeGreaterThan(0);
  });

  it('the same polling recovers single answers when releases are switched off (the test can fail)', async () => {
    const { views } = await pollLiveWave({ releasesOverTime: false });
    expect(smallSteps(views.map((v) => v.items)).length).toBeGreaterThan(0);
    const totals = views.map((v) => v.total).filter((n): n is number => n !== null);
    expect(totals.some((n, i) => i > 0 && n - totals[i - 1] === 1)).toBe(true);
    expect(views.some((v) => v.unitNumbers > 0)).toBe(true);
  });

  it('leave answers after the last release out of the final results unless they are a block of their own', async () => {
    const { t, project, wave, views, final } = await pollLiveWave();
    const stored = (await t.get(`/api/projects/${project.id}/waves`)).body.waves.find((w: any) => w.id === wave.id);
    const lastLive = [...views].reverse().find((v) => [...v.items.values()].some((c) => c !== null))!;
    const adoptionKey = [...final.items.keys()].find((k) => k.includes('adopt')) ?? [...final.items.keys()][0];
    const finalAnswered = final.items.get(adoptionKey)!.answered;
    const step = finalAnswered - lastLive.items.get(adoptionKey)!.answered;
    expect(step === 0 || step >= K).toBe(true);
    // The response total counts everyone who answered, released or not.
    expect(stored.responses).toBe(26);
    expect(finalAnswered).toBeLessThanOrEqual(26);
  });
});

describe('a wave that runs without live results', () => {
  it('shows no per-unit count anywhere until it closes; then links and report hide the same cells', async () => {
    const { t, project, ids } = await projectWithUnits([['A', 20], ['B', 20], ['Mini', 3]]);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'W', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    for (const [i, u] of [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2].entries()) {
      const token = links.find((l) => l.unitId === ids[u])!.token;
      await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, pickFor(i)), locale: 'da' });
      // Before: "U4 = 1, U6 = 6" by headcount alone while the wave ran, hidden after it closed.
      expect((await observe(t, project.id, wave.id)).unitNumbers).toBe(0);
    }
    expect((await t.get(`/api/projects/${project.id}/waves`)).body.waves[0].responses).toBe(13);
    await t.post(`/api/waves/${wave.id}/close`);
    const report = (await t.get(`/api/projects/${project.id}/report`)).body.report;
    const after = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; responses: number | null }[];
    const rates = report.responseRates[0].units as { unitId: number; hidden: boolean }[];
    for (const u of rates) expect({ unitId: u.unitId, hidden: after.find((l) => l.unitId === u.unitId)!.responses === null }).toEqual({ unitId: u.unitId, hidden: u.hidden });
    expect(rates.find((u) => u.unitId === ids[2])!.hidden).toBe(true);
  });
});

describe('storage', () => {
  it('gives responses random ids, not an order of arrival, and keeps only what validated', async () => {
    const { t, project, ids } = await projectWithUnits([['A', 40]]);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'W', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token;
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const sent: string[] = [];
    for (let i = 0; i < 20; i++) {
      const submissionId = randomUUID();
      sent.push(submissionId);
      const answers: Record<string, unknown> = answersFor(itemMap, pickFor(i));
      const text = itemMap.items.find((item: ItemMapEntry) => item.type === 'text');
      if (text) answers[text.question] = '   mere tid   ';
      expect((await t.post(`/api/s/${token}/responses`, { submissionId, answers, locale: 'da' })).status).toBe(201);
    }
    const rows = await t.db.select({ id: responses.id, submissionId: responses.submissionId, answers: responses.answers }).from(responses);
    const idsInArrival = sent.map((s) => rows.find((r) => r.submissionId === s)!.id);
    const increasing = idsInArrival.every((id, i) => i === 0 || id > idsInArrival[i - 1]);
    expect(increasing).toBe(false);
    expect(new Set(idsInArrival).size).toBe(20);
    // Consecutive ids would tell the order too.
    const sorted = [...idsInArrival].sort((a, b) => a - b);
    expect(sorted.every((id, i) => i === 0 || id === sorted[i - 1] + 1)).toBe(false);
    for (const r of rows) expect(JSON.stringify(r.answers)).not.toContain('   mere tid');
    expect(ids).toHaveLength(1);
  });
});

describe('reporting groups instead of blanks', () => {
  /** L (28 staff, 6 answers), M (40, 12) and S (4, 2): S alone must be hidden, and takes a partner with it. */
  async function wave(group: boolean) {
    const { t, project, ids } = await projectWithUnits([['L', 28], ['M', 40], ['S', 4]]);
    if (group) {
      const [g] = await t.db.insert(reportingGroups).values({ projectId: project.id, name: 'L og S' }).returning();
      await t.db.insert(reportingGroupUnits).values([ids[0], ids[2]].map((unitId) => ({ groupId: g.id, projectId: project.id, unitId })));
    }
    const w = (await t.post(`/api/projects/${project.id}/waves`, { name: 'W', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${w.id}/open`);
    const links = (await t.get(`/api/waves/${w.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    for (const [u, n] of [6, 12, 2].entries()) {
      for (let i = 0; i < n; i++) {
        await t.post(`/api/s/${links.find((l) => l.unitId === ids[u])!.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, () => 4), locale: 'da' });
      }
    }
    await t.post(`/api/waves/${w.id}/close`);
    const report = (await t.get(`/api/projects/${project.id}/report`)).body.report;
    return { t, project, ids, report, waveId: w.id };
  }

  it('blank the 28-person unit to protect the 4-person one without a group, and show the group with one', async () => {
    const alone = await wave(false);
    const rowsAlone = alone.report.behaviours[0].adoption.units;
    expect(rowsAlone.find((u: any) => u.unitName === 'L').cells[0].hidden).toBe(true);
    const grouped = await wave(true);
    const rows = grouped.report.behaviours[0].adoption.units;
    expect(rows.map((u: any) => u.unitName).sort()).toEqual(['L og S', 'M']);
    expect(rows.find((u: any) => u.unitName === 'L og S')).toMatchObject({ group: 'L og S', unitId: null, cells: [{ hidden: false, n: 8 }] });
    expect(rows.find((u: any) => u.unitName === 'M').cells[0]).toMatchObject({ hidden: false, n: 12 });
    // Members are never shown apart, in the response rates or the links list either.
    const rates = grouped.report.responseRates[0].units;
    expect(rates.map((u: any) => u.unitName).sort()).toEqual(['L og S', 'M']);
    const links = (await grouped.t.get(`/api/waves/${grouped.waveId}/links`)).body.links;
    for (const l of links.filter((x: any) => x.group)) expect(l).toMatchObject({ responses: null, group: { name: 'L og S', responses: 8 } });
  });

  it('are frozen into a wave when it opens: regrouping later does not change what that wave shows', async () => {
    const alone = await wave(false);
    const before = JSON.stringify(alone.report.behaviours);
    const [g] = await alone.t.db.insert(reportingGroups).values({ projectId: alone.project.id, name: 'Senere' }).returning();
    await alone.t.db.insert(reportingGroupUnits).values([alone.ids[0], alone.ids[2]].map((unitId) => ({ groupId: g.id, projectId: alone.project.id, unitId })));
    const after = (await alone.t.get(`/api/projects/${alone.project.id}/report`)).body.report;
    expect(JSON.stringify(after.behaviours)).toBe(before);
  });
});
