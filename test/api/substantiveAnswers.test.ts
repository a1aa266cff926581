// Estimates rest on substantive answers: "ved ikke / ikke relevant" (stored as 0) does not count towards k,
// neither for a unit's cell, nor for the project total of a wave, nor for a change between waves. And a hidden
// cell never tells whether it was too small itself or hidden to protect another group, in any output.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answersFor } from '../support/answers';
import { projectWithUnits } from '../support/api';
import type { ItemMapEntry } from '../../surveys/types';

/** A unit: name, headcount, and one adoption answer per respondent (0 = "ved ikke"). Other items get 4. */
type UnitSpec = [name: string, headcount: number, adoption: number[]];

async function project(waves: { phase: 'baseline' | 'followup'; answers: number[][] }[], units: [string, number][]) {
  const { t, project: p, ids } = await projectWithUnits(units);
  const waveIds: number[] = [];
  for (const [w, spec] of waves.entries()) {
    const wave = (await t.post(`/api/projects/${p.id}/waves`, { name: `W${w}`, phase: spec.phase })).body.wave;
    waveIds.push(wave.id);
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${p.id}/survey/preview?phase=${spec.phase}`)).body.itemMap;
    for (const [u, adoption] of spec.answers.entries()) {
      const token = links.find((l) => l.unitId === ids[u])!.token;
      for (const value of adoption) {
        const pick = (i: ItemMapEntry) => (i.construct === 'adoption' ? value : 4);
        const res = await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, pick), locale: 'da' });
        expect(res.status).toBe(201);
      }
    }
    await t.post(`/api/waves/${wave.id}/close`);
  }
  const report = (await t.get(`/api/projects/${p.id}/report`)).body.report;
  return { t, projectId: p.id, report, ids, waveIds };
}

const oneWave = (units: UnitSpec[]) => project([{ phase: 'baseline', answers: units.map((u) => u[2]) }], units.map(([n, h]) => [n, h]));
const times = (n: number, v: number) => Array.from({ length: n }, () => v);
const cellOf = (table: any, unitId: number, waveIndex = 0) => table.units.find((u: any) => u.unitId === unitId).cells[waveIndex];
const HIDDEN_CELL = { hidden: true, hiddenReason: 'protected', n: 0, x: 0, dontKnow: 0, p: null, lo: null, hi: null };

describe('substantive answers and k', () => {
  it('hides a unit with 1 real answer and 5 "ved ikke" (not "100 %, n = 1"), with a partner beside it', async () => {
    const { report, ids } = await oneWave([
      ['A', 20, [5, 0, 0, 0, 0, 0]],
      ['B', 20, times(10, 4)],
      ['C', 20, times(12, 4)],
    ]);
    const adoption = report.behaviours[0].adoption;
    expect(cellOf(adoption, ids[0])).toMatchObject(HIDDEN_CELL);
    // A alone hidden would be total − B − C: its partner (the smallest other unit, B) is hidden too.
    expect(cellOf(adoption, ids[1])).toMatchObject(HIDDEN_CELL);
    expect(cellOf(adoption, ids[2]).hidden).toBe(false);
    expect(JSON.stringify(report)).not.toMatch(/"x":1,"n":1,/);
    // One hidden set per wave: the response-rate rows hide the same units.
    const rateHidden = report.responseRates[0].units.filter((u: any) => u.hidden).map((u: any) => u.unitId).sort();
    expect(rateHidden).toEqual([ids[0], ids[1]].sort());
  });

  it('hides a project total of 5 respondents of whom 3 said "ved ikke" (not "100 % (2 svar)"), and its change', async () => {
    const { report, ids } = await project(
      [
        { phase: 'baseline', answers: [times(10, 4)] },
        { phase: 'followup', answers: [[5, 5, 0, 0, 0]] },
      ],
      [['A', 20]],
    );
    const adoption = report.behaviours[0].adoption;
    expect(adoption.overall[0]).toMatchObject({ hidden: false, n: 10 });
    expect(adoption.overall[1]).toMatchObject({ measured: true, hidden: true, n: 0, x: 0, dontKnow: 0, p: null });
    expect(adoption.overall[1].label.code).toBe('hidden');
    expect(cellOf(adoption, ids[0], 1)).toMatchObject(HIDDEN_CELL);
    // No change is computed from a wave with only 2 substantive answers: no difference, no interval, no n.
    expect(report.behaviours[0].change).toBeNull();
    expect(JSON.stringify(report)).not.toContain('"nAfter":2');
  });

  it('hides a unit with ≥ k respondents but < k substantive answers, and a partner so it cannot be subtracted', async () => {
    const { report, ids } = await oneWave([
      ['A', 20, times(8, 4)],
      ['B', 20, times(10, 2)],
      ['C', 20, [5, 5, 0, 0, 0, 0]],
    ]);
    const adoption = report.behaviours[0].adoption;
    const [a, b, c] = ids.map((id) => cellOf(adoption, id));
    // On respondents alone (8, 10, 6) nothing would be hidden; on substantive answers (8, 10, 2) C is, with A.
    expect(c).toMatchObject(HIDDEN_CELL);
    expect(a).toMatchObject(HIDDEN_CELL);
    expect(b).toMatchObject({ hidden: false, n: 10, x: 0 });
    const total = adoption.overall[0];
    expect(total).toMatchObject({ hidden: false, n: 20, dontKnow: 4 });
    // Total − visible units leaves the sum of at least k substantive answers, over at least two units.
    expect(total.n - b.n).toBeGreaterThanOrEqual(report.threshold);
    // The other tables (same answers for every other item) follow the wave's one hidden set.
    for (const table of report.behaviours[0].diagnostics) expect(cellOf(table, ids[0]).hidden && cellOf(table, ids[2]).hidden && !cellOf(table, ids[1]).hidden).toBe(true);
  });
});

/** Every object in a JSON value, with the path to it. */
function* objects(value: unknown, path = '$'): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* objects(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    yield [path, value as Record<string, unknown>];
    for (const [k, v] of Object.entries(value)) yield* objects(v, `${path}.${k}`);
  }
}

describe('a hidden cell says nothing about why', () => {
  it('no report, waves, links or comments output tells "too few" from "hidden to protect another group"', async () => {
    // A: 8 answers; B: 12; C: 2 (too few); D: nobody answered; E: 6 respondents, 2 substantive; F: 3 staff.
    const { t, projectId, report, waveIds } = await oneWave([
      ['A', 20, times(8, 4)],
      ['B', 20, times(12, 5)],
      ['C', 20, [4, 4]],
      ['D', 20, []],
      ['E', 20, [4, 2, 0, 0, 0, 0]],
      ['F', 3, [5, 5]],
    ]);
    const outputs = {
      report,
      waves: (await t.get(`/api/projects/${projectId}/waves`)).body,
      links: (await t.get(`/api/waves/${waveIds[0]}/links`)).body,
      comments: (await t.get(`/api/projects/${projectId}/comments`)).body,
    };
    const text = JSON.stringify(outputs);
    for (const old of ['too_few', 'protects_other_group', 'no_answers', 'for få', 'too few', 'medarbejdere', 'fewer than']) expect(text).not.toContain(old);
    // Hidden things of one kind are identical apart from which unit / wave they are.
    const identity = new Set(['unitId', 'unitName', 'waveId', 'key', 'unitIds']);
    const shapes = new Map<string, Set<string>>();
    let hiddenCount = 0;
    for (const [path, o] of objects(outputs)) {
      if ('hiddenReason' in o) expect([null, 'protected', 'narrowed_view']).toContain(o.hiddenReason);
      if (o.hidden !== true) continue;
      hiddenCount++;
      const kind = path.replace(/\[\d+\]/g, '[]');
      const shape = JSON.stringify(Object.fromEntries(Object.entries(o).filter(([k]) => !identity.has(k))));
      (shapes.get(kind) ?? shapes.set(kind, new Set()).get(kind)!).add(shape);
    }
    expect(hiddenCount).toBeGreaterThan(0);
    for (const [kind, set] of shapes) expect({ kind, shapes: [...set] }).toEqual({ kind, shapes: [[...set][0]] });
    // Too few (C, E, F), nobody answered (D) and hidden as a partner all look alike in the item tables.
    const adoption = report.behaviours[0].adoption;
    const hiddenUnits = adoption.units.filter((u: any) => u.cells[0].hidden);
    expect(hiddenUnits.length).toBeGreaterThanOrEqual(5);
    for (const u of hiddenUnits) expect(u.cells[0]).toMatchObject(HIDDEN_CELL);
    // The links list hides the counts of exactly the units the report hides: a count of 2 there beside a hidden
    // report row would say "too few", a count of 8 "hidden to protect another".
    const rates = report.responseRates[0].units as { unitId: number; hidden: boolean }[];
    expect(rates.filter((u) => u.hidden).length).toBeGreaterThanOrEqual(4);
    for (const u of rates) expect({ unitId: u.unitId, hidden: outputs.links.links.find((l: any) => l.unitId === u.unitId).responses === null }).toEqual({ unitId: u.unitId, hidden: u.hidden });
  });
});
