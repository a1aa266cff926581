// Cross-table anonymity in the report: no table may undo another's hiding by subtraction, and "ved ikke"
// answers are protected like any other answer.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answersFor } from '../support/answers';
import { projectWithUnits } from '../support/api';
import type { ItemMapEntry } from '../../surveys/types';

async function closedWave(units: [string, number, number, (i: ItemMapEntry) => number][]) {
  const { t, project, ids } = await projectWithUnits(units);
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'W', phase: 'baseline' })).body.wave;
  await t.post(`/api/waves/${wave.id}/open`);
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  for (const [u, [, , count, pick]] of units.entries()) {
    const token = links.find((l) => l.unitId === ids[u])!.token;
    for (let i = 0; i < count; i++) {
      const res = await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, pick), locale: 'da' });
      expect(res.status).toBe(201);
    }
  }
  await t.post(`/api/waves/${wave.id}/close`);
  const report = (await t.get(`/api/projects/${project.id}/report`)).body.report;
  return { report, ids, t, project, wave };
}

const visibleUnits = (rows: { unitId: number; hidden?: boolean; cells?: { hidden: boolean }[] }[]) =>
  rows.filter((r) => (r.cells ? !r.cells[0].hidden : !r.hidden)).map((r) => r.unitId).sort();

describe('report anonymity across tables', () => {
  it('hides the same units in the response rates and every item table of a wave', async () => {
    // C has 3 staff: its count is hidden by headcount; the item tables hide by answers. Apart, they could be
    // subtracted from each other (24 − B's count − A's n = C); together they hide the same units.
    const { report } = await closedWave([
      ['A', 20, 12, () => 4],
      ['B', 20, 10, () => 4],
      ['C', 3, 2, () => 1],
    ]);
    const rates = report.responseRates[0];
    const tables = [report.behaviours[0].adoption, ...report.behaviours[0].diagnostics];
    for (const table of tables) expect(visibleUnits(table.units)).toEqual(visibleUnits(rates.units));
    // Whatever is visible, the hidden part is at least two units together.
    expect(rates.units.filter((u: any) => u.hidden).length).toBeGreaterThanOrEqual(2);
  });

  it('protects a small unit whose people all answered "ved ikke"', async () => {
    const { report, ids } = await closedWave([
      ['A', 20, 8, () => 4],
      ['B', 20, 8, () => 2],
      ['C', 20, 3, (i) => (i.construct === 'adoption' ? 0 : 5)],
    ]);
    const adoption = report.behaviours[0].adoption;
    const cell = (id: number) => adoption.units.find((u: any) => u.unitId === id).cells[0];
    expect(cell(ids[2])).toMatchObject({ hidden: true, hiddenReason: 'protected', dontKnow: 0 });
    // Its one-unit secret (3 of 3 said "ved ikke") needs a second hidden unit beside it.
    expect([cell(ids[0]).hidden, cell(ids[1]).hidden].filter(Boolean)).toHaveLength(1);
    const shownDontKnow = [cell(ids[0]), cell(ids[1])].filter((c) => !c.hidden).reduce((s, c) => s + c.dontKnow, 0);
    expect(adoption.overall[0].dontKnow - shownDontKnow).toBe(3); // only the sum over two hidden units is derivable
  });

  it('leaves out the wave total everywhere the report does: everyone in two small units answered', async () => {
    // 8 + 3 staff, all 11 answered: a total of 11 beside the public headcounts would say all 3 in B answered.
    const full = await closedWave([
      ['A', 8, 8, () => 4],
      ['B', 3, 3, () => 2],
    ]);
    // With room to spare (A's 20 staff, 10 answered), the total says nothing of B and is shown everywhere.
    const roomy = await closedWave([
      ['A', 20, 10, () => 4],
      ['B', 3, 3, () => 2],
    ]);
    const totals = async ({ report, t, project, wave }: typeof full) => ({
      report: report.responseRates[0].hidden ? null : report.responseRates[0].complete + report.responseRates[0].partial,
      waves: (await t.get(`/api/projects/${project.id}/waves`)).body.waves.find((w: { id: number }) => w.id === wave.id).responses,
      comments: (await t.get(`/api/projects/${project.id}/comments`)).body.comments.waves.find((w: { waveId: number }) => w.waveId === wave.id).respondents,
    });
    expect(await totals(full)).toEqual({ report: null, waves: null, comments: null });
    expect(await totals(roomy)).toEqual({ report: 13, waves: 13, comments: 13 });
  });
});
