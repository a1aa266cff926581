// Feedback to staff behind a unit's staff link ("det har I sagt – det gør vi"): nothing while the wave is open;
// once it closes the unit's results exactly as the report publishes them (a small group's cell hidden with the
// report's reason, never its numbers), the actions recorded for that unit only, and its agreed descriptions.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actions, unitBehaviourDescriptions } from '../../db/schema';
import { answersFor } from '../support/answers';
import { clientFor, expectError, projectWithUnits } from '../support/api';

/** A (20 staff, 12 answers), B (12 staff, 8 answers) and C (3 staff, 2 answers): C is too small and hidden, and
 *  B with it (complementary hiding takes the smallest other unit), so A alone is shown. */
async function waveWithAnswers() {
  const { t, project, ids } = await projectWithUnits([
    ['A', 20],
    ['B', 12],
    ['C', 3],
  ]);
  const behaviour = (await t.get(`/api/projects/${project.id}`)).body.project.behaviours[0];
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
  await t.post(`/api/waves/${wave.id}/open`);
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { id: number; unitId: number; token: string }[];
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const tokenOf = (unitId: number) => links.find((l) => l.unitId === unitId)!.token;
  // A: 9 of 12 often/always (4 = often, favourable; 2 = rarely); B: all 8; C: 2.
  const answer = async (unitId: number, count: number, favourable: number) => {
    for (let i = 0; i < count; i++) {
      const res = await t.post(`/api/s/${tokenOf(unitId)}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, () => (i < favourable ? 4 : 2)), locale: 'da' });
      expect(res.status).toBe(201);
    }
  };
  await answer(ids[0], 12, 9);
  await answer(ids[1], 8, 8);
  await answer(ids[2], 2, 2);
  return { t, project, ids, wave, links, tokenOf, behaviour };
}

describe('feedback behind a unit\'s staff link', () => {
  it('shows no feedback while the wave is open', async () => {
    const { t, tokenOf } = await waveWithAnswers();
    const res = await clientFor(t.app).get(`/api/s/${tokenOf((await t.get('/api/units')).body.units[0].id)}/feedback`);
    expectError(res, 409, 'feedback_not_ready');
    expect(JSON.stringify(res.body)).not.toMatch(/"n"|"x"/);
  });

  it('after the wave closes, shows the unit\'s results as the report publishes them, and a small group hidden', async () => {
    const { t, project, ids, wave, tokenOf, behaviour } = await waveWithAnswers();
    await t.post(`/api/waves/${wave.id}/close`);
    const report = (await t.get(`/api/projects/${project.id}/report`)).body.report;
    const reportCell = (unitId: number, construct = 'adoption') => {
      const table = [report.behaviours[0].adoption, ...report.behaviours[0].diagnostics].find((x: { construct: string }) => x.construct === construct);
      return table.units.find((u: { unitIds: number[] }) => u.unitIds.includes(unitId)).cells.find((c: { waveId: number }) => c.waveId === wave.id);
    };
    const anonymous = clientFor(t.app);
    const feedbackOf = async (unitId: number) => {
      const res = await anonymous.get(`/api/s/${tokenOf(unitId)}/feedback`);
      expect(res.status).toBe(200);
      return res.body.feedback;
    };

    const a = await feedbackOf(ids[0]);
    expect(a.unit.name).toBe('A');
    const mine = a.behaviours.find((b: { id: number }) => b.id === behaviour.id);
    const adoption = mine.results.find((r: { construct: string }) => r.construct === 'adoption');
    expect(adoption).toMatchObject({ hidden: false, x: 9, n: 12 });
    // Every number is the report's own cell for the unit: the same x, n and interval.
    for (const r of mine.results) {
      const cell = reportCell(ids[0], r.construct);
      expect(r.hidden).toBe(cell.hidden);
      if (!r.hidden) expect({ x: r.x, n: r.n, lo: r.lo, hi: r.hi }).toEqual({ x: cell.x, n: cell.n, lo: cell.lo, hi: cell.hi });
    }
    expect(mine.results.map((r: { construct: string }) => r.construct)).toEqual(['adoption', 'capability', 'opportunity', 'motivation']);
    expect(a.resultsNote).toBeNull();

    // C is too small: the report hides it, and so does its feedback — with the reason, never the numbers.
    expect(reportCell(ids[2]).hidden).toBe(true);
    const c = await feedbackOf(ids[2]);
    const hidden = c.behaviours[0].results;
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect(r).toEqual({ construct: r.construct, hidden: true, reason: 'protected' });
    expect(c.resultsNote).toBe('hidden');
    expect(c.responseRate).toBeNull();
    expect(JSON.stringify(c)).not.toMatch(/"x"|"n"|"dontKnow"|"rr1"/);
    // Complementary hiding: B is hidden to protect C, in the report and in B's feedback alike.
    expect(reportCell(ids[1]).hidden).toBe(true);
    expect((await feedbackOf(ids[1])).behaviours[0].results[0]).toEqual({ construct: 'adoption', hidden: true, reason: 'protected' });
    // Every unit, every construct: the feedback shows a cell exactly when the report does, with the report's numbers.
    for (const unitId of ids) {
      for (const r of (await feedbackOf(unitId)).behaviours[0].results) {
        const cell = reportCell(unitId, r.construct);
        expect(r.hidden).toBe(cell.hidden);
        if (r.hidden) expect(r.reason).toBe(cell.hiddenReason);
        else expect([r.x, r.n, r.dontKnow]).toEqual([cell.x, cell.n, cell.dontKnow]);
      }
    }
  });

  it('shows the actions recorded for that unit only, and its agreed description', async () => {
    const { t, project, ids, wave, tokenOf, behaviour } = await waveWithAnswers();
    await t.db.insert(actions).values([
      { projectId: project.id, unitId: ids[0], behaviourId: behaviour.id, type: 'capability', title: 'Sidemandsoplæring i systemet', status: 'planned', dueDate: '2027-04-01', note: 'intern note', owner: 'Hanne' },
      { projectId: project.id, unitId: ids[1], behaviourId: behaviour.id, type: 'opportunity', title: 'Tablets på kontoret', status: 'done' },
    ]);
    await t.db.insert(unitBehaviourDescriptions).values({ behaviourId: behaviour.id, unitId: ids[0], description: 'Vi læser status inden kl. 7.05', descriptionEn: '' });
    await t.post(`/api/waves/${wave.id}/close`);
    const anonymous = clientFor(t.app);
    const a = (await anonymous.get(`/api/s/${tokenOf(ids[0])}/feedback`)).body.feedback;
    expect(a.behaviours[0].actions).toEqual([{ id: expect.any(Number), title: 'Sidemandsoplæring i systemet', type: 'capability', status: 'planned', dueDate: '2027-04-01' }]);
    expect(a.behaviours[0].description).toMatchObject({ description: 'Vi læser status inden kl. 7.05' });
    const text = JSON.stringify(a);
    expect(text).not.toContain('Tablets på kontoret');
    expect(text).not.toContain('intern note');
    const b = (await anonymous.get(`/api/s/${tokenOf(ids[1])}/feedback`)).body.feedback;
    expect(b.behaviours[0].actions.map((x: { title: string }) => x.title)).toEqual(['Tablets på kontoret']);
    expect(b.behaviours[0].description).toBeNull();
  });

  it('shows a reporting group\'s results, named, to each of its small units', async () => {
    const { t, project, ids } = await projectWithUnits([
      ['A', 20],
      ['Nat 1', 3],
      ['Nat 2', 4],
    ]);
    expect((await t.post(`/api/projects/${project.id}/reporting-groups`, { name: 'Nat og afløsere', unitIds: [ids[1], ids[2]] })).status).toBe(201);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'W', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    for (const [unitId, count] of [[ids[0], 12], [ids[1], 3], [ids[2], 3]] as const) {
      const token = links.find((l) => l.unitId === unitId)!.token;
      for (let i = 0; i < count; i++) await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap, () => 4), locale: 'da' });
    }
    await t.post(`/api/waves/${wave.id}/close`);
    const feedback = (await clientFor(t.app).get(`/api/s/${links.find((l) => l.unitId === ids[1])!.token}/feedback`)).body.feedback;
    expect(feedback.group).toBe('Nat og afløsere');
    // The group's cell (6 answers together), never the unit's own 3.
    expect(feedback.behaviours[0].results[0]).toMatchObject({ construct: 'adoption', hidden: false, x: 6, n: 6 });
  });

  it('answers 404 for a revoked link even after the wave closed, as for an unknown one', async () => {
    const { t, ids, wave, links, tokenOf } = await waveWithAnswers();
    const link = links.find((l) => l.unitId === ids[0])!;
    await t.post(`/api/waves/${wave.id}/links/${link.id}/revoke`);
    await t.post(`/api/waves/${wave.id}/close`);
    const anonymous = clientFor(t.app);
    expectError(await anonymous.get(`/api/s/${tokenOf(ids[0])}/feedback`), 404, 'link_unknown');
    expectError(await anonymous.get(`/api/s/${'q'.repeat(22)}/feedback`), 404, 'link_unknown');
    expect((await anonymous.get(`/api/s/${tokenOf(ids[1])}/feedback`)).status).toBe(200);
  });
});
