// The report's comparison with units not yet live, the choice of the two waves the headline compares, and
// per-unit changes — through the HTTP API.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ItemMapEntry } from '../../surveys/types';
import { answersFor } from '../support/answers';
import { expectError, projectWithUnits } from '../support/api';

/** Units (name, headcount, go-live or null), then per wave and unit the adoption answers (5 = always, 1 = never). */
async function staggered(units: [string, number, string | null][], waves: { phase: 'baseline' | 'followup'; opensOn: string; adoption: number[][] }[]) {
  const { t, project, ids } = await projectWithUnits(units.map(([n, h]) => [n, h] as const));
  for (const [i, [, , goLive]] of units.entries()) await t.put(`/api/projects/${project.id}/rollouts/${ids[i]}`, { goLiveDate: goLive });
  const waveIds: number[] = [];
  for (const [wi, w] of waves.entries()) {
    // Units not yet live stay in the follow-ups on purpose: they are the comparison group.
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: `W${wi}`, phase: w.phase, opensOn: w.opensOn, includeNotLive: true })).body.wave;
    waveIds.push(wave.id);
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=${w.phase}`)).body.itemMap;
    for (const [u, answers] of w.adoption.entries()) {
      for (const value of answers) {
        const pick = (item: ItemMapEntry) => (item.construct === 'adoption' ? value : 4);
        const res = await t.post(`/api/s/${links.find((l) => l.unitId === ids[u])!.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, pick), locale: 'da' });
        expect(res.status).toBe(201);
      }
    }
    await t.post(`/api/waves/${wave.id}/close`);
  }
  return { t, projectId: project.id, ids, waveIds };
}

const times = (n: number, v: number) => Array.from({ length: n }, () => v);
const mix = (yes: number, no: number) => [...times(yes, 5), ...times(no, 1)];

describe('the comparison with units not yet live', () => {
  it('compares the units that went live with those that had not, and words the headline accordingly', async () => {
    // The waves open in the past of the test clock (today), so the go-live dates can sit between them.
    const { t, projectId } = await staggered(
      [['Tidlig', 40, '2026-03-01'], ['Sen', 40, null]],
      [
        { phase: 'baseline', opensOn: '2026-01-05', adoption: [mix(8, 22), mix(9, 21)] },
        { phase: 'followup', opensOn: '2026-05-05', adoption: [mix(24, 6), mix(10, 20)] },
      ],
    );
    const report = (await t.get(`/api/projects/${projectId}/report`)).body.report;
    const b = report.behaviours[0];
    expect(b.comparison).toMatchObject({ available: true, cohorts: 1, controls: 1 });
    expect(b.comparison.did).toBeCloseTo(24 / 30 - 8 / 30 - (10 / 30 - 9 / 30), 12);
    expect(b.comparison.label.code).toBe('did_improvement');
    expect(b.change.design).toBe('comparison');
    expect(report.units.find((u: any) => u.name === 'Tidlig')).toMatchObject({ goLiveDate: '2026-03-01', live: true });
    expect(report.units.find((u: any) => u.name === 'Sen')).toMatchObject({ goLiveDate: null, live: false });
    // Per-unit changes between the same two waves.
    expect(b.unitChanges.find((u: any) => u.unitName === 'Tidlig')).toMatchObject({ hidden: false, nBefore: 30, nAfter: 30 });
    expect(b.unitChanges.find((u: any) => u.unitName === 'Tidlig').d).toBeCloseTo(16 / 30, 12);
  });

  it('says "before/after, no comparison group" when every unit went live together', async () => {
    const { t, projectId } = await staggered(
      [['A', 40, '2026-03-01'], ['B', 40, '2026-03-01']],
      [
        { phase: 'baseline', opensOn: '2026-01-05', adoption: [mix(8, 22), mix(9, 21)] },
        { phase: 'followup', opensOn: '2026-05-05', adoption: [mix(24, 6), mix(22, 8)] },
      ],
    );
    const b = (await t.get(`/api/projects/${projectId}/report`)).body.report.behaviours[0];
    expect(b.comparison).toEqual({ available: false, reason: 'no_controls' });
    expect(b.change.design).toBe('before_after');
  });

  it('rests only on cells shown in every wave: a unit hidden once is left out, so nothing new can be worked out', async () => {
    // "Lille" has 3 answers at follow-up: hidden there with its partner (Sen, the smallest other), so neither
    // enters the comparison.
    const { t, projectId } = await staggered(
      [['Tidlig', 40, '2026-03-01'], ['Sen', 40, null], ['Lille', 40, null], ['Stor', 60, null]],
      [
        { phase: 'baseline', opensOn: '2026-01-05', adoption: [mix(10, 30), mix(9, 21), mix(4, 6), mix(12, 38)] },
        { phase: 'followup', opensOn: '2026-05-05', adoption: [mix(30, 10), mix(10, 20), mix(1, 2), mix(13, 37)] },
      ],
    );
    const b = (await t.get(`/api/projects/${projectId}/report`)).body.report.behaviours[0];
    const shownBoth = b.adoption.units.filter((u: any) => u.cells.every((c: any) => !c.hidden)).map((u: any) => u.unitName);
    expect(shownBoth.sort()).toEqual(['Stor', 'Tidlig']);
    expect(b.comparison.available).toBe(true);
    // Recomputed from the shown cells alone (Tidlig against the shown not-yet-live units) it is the same number.
    const cell = (name: string, w: number) => b.adoption.units.find((u: any) => u.unitName === name).cells[w];
    const controls = shownBoth.filter((n: string) => n !== 'Tidlig');
    const sum = (w: number) => controls.reduce((s: { x: number; n: number }, n: string) => ({ x: s.x + cell(n, w).x, n: s.n + cell(n, w).n }), { x: 0, n: 0 });
    const [c0, c1] = [sum(0), sum(1)];
    expect(b.comparison.did).toBeCloseTo(cell('Tidlig', 1).x / cell('Tidlig', 1).n - cell('Tidlig', 0).x / cell('Tidlig', 0).n - (c1.x / c1.n - c0.x / c0.n), 12);
  });
});

describe("the comparison group's line over the waves", () => {
  it('pools per wave the shown units not yet live, with its interval and n, and never a hidden unit', async () => {
    // Tidlig goes live between the waves; Sen and Stor never do; Lille is hidden at follow-up (with Sen, its partner).
    const { t, projectId, waveIds } = await staggered(
      [['Tidlig', 40, '2026-03-01'], ['Sen', 40, null], ['Lille', 40, null], ['Stor', 60, null]],
      [
        { phase: 'baseline', opensOn: '2026-01-05', adoption: [mix(10, 30), mix(9, 21), mix(4, 6), mix(12, 38)] },
        { phase: 'followup', opensOn: '2026-05-05', adoption: [mix(30, 10), mix(10, 20), mix(1, 2), mix(13, 37)] },
      ],
    );
    const b = (await t.get(`/api/projects/${projectId}/report`)).body.report.behaviours[0];
    const [baseline, followUp] = waveIds.map((id) => b.comparisonLine.find((p: any) => p.waveId === id));
    // At the baseline nobody is live: the pool is every shown unit (Tidlig included).
    expect(baseline).toMatchObject({ hidden: false, cells: 4, liveCells: 0, x: 10 + 9 + 4 + 12, n: 40 + 30 + 10 + 50 });
    // At the follow-up Tidlig is live and left out; Sen and Lille are hidden, so only Stor is pooled.
    expect(followUp).toMatchObject({ hidden: false, cells: 1, liveCells: 1, x: 13, n: 50 });
    expect(followUp.lo).toBeLessThan(followUp.p);
    expect(followUp.hi).toBeGreaterThan(followUp.p);
    // Every pooled number is the sum of cells the report shows.
    const shownAt = (w: number) => b.adoption.units.map((u: any) => u.cells[w]).filter((c: any) => !c.hidden);
    expect(shownAt(1).map((c: any) => c.n)).toContain(followUp.n);
    // The exports have the line as rows of their own, with the same numbers, as the drill-down's table does.
    const csv: string = (await t.get(`/api/projects/${projectId}/report.csv`)).body;
    const rows = csv.split('\r\n').filter((l) => l.includes('Sammenligningsgruppe (endnu ikke i drift)'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`,${followUp.p},${followUp.lo},${followUp.hi},${followUp.n},0,`);
    expect(rows[1]).toMatch(/,nej,1 enhed lagt sammen$/);
    expect(rows[0]).toMatch(/,nej,4 enheder lagt sammen$/);
  });

  it('is hidden when no shown unit is left to pool, and absent when no unit went live', async () => {
    const hiddenPool = await staggered(
      [['Tidlig', 40, '2026-03-01'], ['Lille', 40, null], ['Mini', 40, null]],
      [
        { phase: 'baseline', opensOn: '2026-01-05', adoption: [mix(10, 30), mix(9, 21), mix(8, 20)] },
        { phase: 'followup', opensOn: '2026-05-05', adoption: [mix(30, 10), mix(1, 2), mix(1, 1)] },
      ],
    );
    const line = (await hiddenPool.t.get(`/api/projects/${hiddenPool.projectId}/report`)).body.report.behaviours[0].comparisonLine;
    const followUp = line.find((p: any) => p.waveId === hiddenPool.waveIds[1]);
    expect(followUp).toMatchObject({ hidden: true, cells: 0, n: 0, x: 0, p: null, lo: null, hi: null });
    const none = await staggered(
      [['A', 40, null], ['B', 40, null]],
      [
        { phase: 'baseline', opensOn: '2026-01-05', adoption: [mix(8, 22), mix(9, 21)] },
        { phase: 'followup', opensOn: '2026-05-05', adoption: [mix(10, 20), mix(11, 19)] },
      ],
    );
    expect((await none.t.get(`/api/projects/${none.projectId}/report`)).body.report.behaviours[0].comparisonLine).toBeNull();
  });
});

describe('choosing the two waves of the headline', () => {
  it('compares the waves asked for, and refuses waves that are not shown, the wrong order and unknown parameters', async () => {
    const { t, projectId, waveIds } = await staggered(
      [['A', 40, '2026-03-01'], ['B', 40, null]],
      [
        { phase: 'baseline', opensOn: '2026-01-05', adoption: [mix(8, 22), mix(9, 21)] },
        { phase: 'followup', opensOn: '2026-05-05', adoption: [mix(20, 10), mix(10, 20)] },
        { phase: 'followup', opensOn: '2026-08-05', adoption: [mix(26, 4), mix(11, 19)] },
      ],
    );
    const latest = (await t.get(`/api/projects/${projectId}/report`)).body.report;
    expect(latest.compare).toEqual({ fromWaveId: waveIds[0], toWaveId: waveIds[2] });
    expect(latest.behaviours[0].change).toMatchObject({ fromWaveId: waveIds[0], toWaveId: waveIds[2] });
    const chosen = (await t.get(`/api/projects/${projectId}/report?from=${waveIds[0]}&to=${waveIds[1]}`)).body.report;
    expect(chosen.compare).toEqual({ fromWaveId: waveIds[0], toWaveId: waveIds[1] });
    expect(chosen.behaviours[0].change).toMatchObject({ fromWaveId: waveIds[0], toWaveId: waveIds[1], nBefore: 60, nAfter: 60 });
    expect(chosen.behaviours[0].change.d).toBeCloseTo(30 / 60 - 17 / 60, 12);
    expectError(await t.get(`/api/projects/${projectId}/report?from=${waveIds[1]}&to=${waveIds[0]}`), 400, 'compare_order');
    expectError(await t.get(`/api/projects/${projectId}/report?from=9999`), 400, 'unknown_wave');
    expectError(await t.get(`/api/projects/${projectId}/report?from=abc`), 400, 'invalid_input');
    expectError(await t.get(`/api/projects/${projectId}/report?sort=1`), 400, 'invalid_input');
  });
});
