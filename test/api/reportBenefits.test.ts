// Benefits beside behaviours in the report: each benefit with its KPI against baseline and target, the linked
// behaviours, and what staff noticed — a drawback for a negative benefit as prominently as a positive one.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ItemMapEntry } from '../../surveys/types';
import { answersFor } from '../support/answers';
import { projectWithUnits } from '../support/api';

describe('benefits in the report', () => {
  it('show KPI, linked behaviours and staff answers, under the same hiding as every table', async () => {
    const { t, project, ids } = await projectWithUnits([['A', 40], ['B', 40], ['Lille', 3]]);
    const gain = (await t.post(`/api/projects/${project.id}/benefits`, { title: 'Mindre tid på dokumentation', direction: 'positive', measure: 'Minutter pr. vagt', baselineValue: 45, targetValue: 30 })).body.benefit;
    const loss = (await t.post(`/api/projects/${project.id}/benefits`, { title: 'Mere tid foran skærmen', direction: 'negative' })).body.benefit;
    await t.post(`/api/benefits/${gain.id}/measurements`, { value: 38, measuredOn: '2026-10-01' });
    const behaviour = (await t.get(`/api/projects/${project.id}`)).body.project.behaviours[0];
    expect((await t.patch(`/api/behaviours/${behaviour.id}`, { benefitIds: [gain.id, loss.id] })).status).toBe(200);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Opfølgning', phase: 'followup' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=followup`)).body.itemMap;
    // Everyone noticed the benefit (5); 3 in 10 noticed the drawback (agree = 4).
    for (const [u, n] of [[0, 10], [1, 10], [2, 2]] as const) {
      for (let i = 0; i < n; i++) {
        const pick = (item: ItemMapEntry) => (item.construct === 'drawback' ? (i % 10 < 3 ? 4 : 2) : 5);
        await t.post(`/api/s/${links.find((l) => l.unitId === ids[u])!.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, pick), locale: 'da' });
      }
    }
    await t.post(`/api/waves/${wave.id}/close`);
    const report = (await t.get(`/api/projects/${project.id}/report`)).body.report;
    const [b1, b2] = report.benefits;
    expect(b1).toMatchObject({ title: 'Mindre tid på dokumentation', direction: 'positive', baseline: { value: 45 }, target: { value: 30 }, measurements: [{ value: 38, measuredOn: '2026-10-01' }], behaviourIds: [behaviour.id] });
    expect(b1.staff[0].item.overall[0]).toMatchObject({ hidden: false, n: 22, x: 22 });
    // The drawback item: favourable = not having noticed it (7 of 10 in A and B; Lille's 2 answers are in the total).
    expect(b2).toMatchObject({ title: 'Mere tid foran skærmen', direction: 'negative' });
    expect(b2.staff[0].item.construct).toBe('drawback');
    expect(b2.staff[0].item.overall[0]).toMatchObject({ hidden: false, n: 22 });
    // Lille (3 staff) is hidden in the benefit tables exactly as in the adoption table.
    const hiddenIn = (table: any) => table.units.filter((u: any) => u.cells[0].hidden).map((u: any) => u.unitName).sort();
    expect(hiddenIn(b1.staff[0].item)).toEqual(hiddenIn(report.behaviours[0].adoption));
    expect(hiddenIn(b2.staff[0].item)).toContain('Lille');
  });
});
