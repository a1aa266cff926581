// Cross-table anonymity in the report: no table may undo another's hiding by subtraction, and "ved ikke"
// answers are protected like any other answer.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answersFor } from '../support/answers';
import { projectWithUnits } from '../support/api';
import type { ItemMapEntry } from '../../surveys/types';

/** Units as [name, headcount, respondents, answer per item, shift (the background question, when spec has it)]. */
async function closedWave(units: [string, number, number, (i: ItemMapEntry) => number, number?][], spec?: unknown) {
  const { t, project, ids } = await projectWithUnits(units);
  if (spec) expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec })).status).toBe(200);
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'W', phase: 'baseline' })).body.wave;
  await t.post(`/api/waves/${wave.id}/open`);
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  for (const [u, [, , count, pick, shift]] of units.entries()) {
    const token = links.find((l) => l.unitId === ids[u])!.token;
    for (let i = 0; i < count; i++) {
      const answers: Record<string, unknown> = answersFor(itemMap, pick);
      if (shift !== undefined) answers['background.vagt'] = shift;
      const res = await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers, locale: 'da' });
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

  it("leaves out an item's whole-wave counts where they would say that everyone in a small unit answered it", async () => {
    // Every item was answered by all 8 + 3: the item's n of 11 would pin B's hidden count to 3, as the total would.
    // A background question, so that the breakdowns (whose groups add up to the same totals) have something to show.
    const spec = { background: [{ id: 'vagt', text: { da: 'Vagt', en: 'Shift' }, choices: [1, 2].map((value) => ({ value, text: { da: `V${value}`, en: `S${value}` } })) }] };
    const full = await closedWave([['A', 8, 8, () => 4, 1], ['B', 3, 3, () => 2, 1]], spec);
    // Room to spare: A's 20 staff, 10 answered; C and D answer too (C on another shift).
    const roomy = await closedWave([['A', 20, 10, () => 4, 1], ['B', 3, 3, () => 2, 1], ['C', 20, 6, () => 4, 2], ['D', 20, 8, () => 4, 1]], spec);
    const overallOf = (report: any) => [report.behaviours[0].adoption, ...report.behaviours[0].diagnostics].map((table: any) => table.overall[0]);
    expect(overallOf(full.report).map((o: any) => ({ hidden: o.hidden, n: o.n }))).toEqual(overallOf(full.report).map(() => ({ hidden: true, n: 0 })));
    expect(overallOf(roomy.report).every((o: any) => !o.hidden && o.n + o.dontKnow === 27)).toBe(true);
    // No other output carries the counts: the DPO export's stored counts and every breakdown follow the report.
    const held = async ({ t, project, wave }: typeof full) => (await t.get(`/api/projects/${project.id}/dpo-export`)).body.waves.find((w: any) => w.id === wave.id).held;
    expect(await held(full)).toMatchObject({ hidden: true });
    expect(await held(roomy)).toMatchObject({ responses: 27 });
    // A breakdown counts only the people of the cells the report shows: none in the full case; in the roomy one
    // D's 8 (A, B and C are hidden together), whose totals the report shows already.
    const dayGroup = async ({ t, project }: typeof full) => {
      const [wave] = (await t.get(`/api/projects/${project.id}/breakdowns`)).body.breakdowns.waves;
      const g = wave?.breakdowns.find((b: any) => b.key === 'background.vagt').groups.find((x: any) => x.key === '1');
      return g ? { respondents: g.respondents, shownItems: g.items.filter((i: any) => !i.hidden).length } : null;
    };
    expect(await dayGroup(full)).toBe(null);
    expect(roomy.report.responseRates[0].units.filter((u: any) => !u.hidden).map((u: any) => u.unitName)).toEqual(['D']);
    expect(await dayGroup(roomy)).toEqual({ respondents: 8, shownItems: 1 });
  });
});
