// Breakdowns by background questions and the secretariat's choice questions: whole closed waves only, under the
// same disclosure policy as units (the group that did not answer is a group of its own, complementary hiding).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ItemMapEntry } from '../../surveys/types';
import { answersFor } from '../support/answers';
import { expectError, MANAGER, projectWithUnits } from '../support/api';

const localized = (da: string) => ({ da, en: da });

async function setUp() {
  const { t, project, ids } = await projectWithUnits([['A', 60]]);
  const spec = {
    background: [{ id: 'vagt', text: localized('Hvilken vagt har du mest?'), choices: [{ value: 1, text: localized('Dag') }, { value: 2, text: localized('Aften') }, { value: 3, text: localized('Nat') }] }],
    customItems: [{ kind: 'multi', id: 'kanaler', text: localized('Hvor læser du status?'), choices: [{ value: 1, text: localized('Telefon') }, { value: 2, text: localized('PC') }], favourable: [1], phases: 'both' }],
  };
  expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec })).status).toBe(200);
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
  await t.post(`/api/waves/${wave.id}/open`);
  const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token;
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const submit = async (shift: number | null, adoption: number, channels: number[]) => {
    const answers: Record<string, unknown> = answersFor(itemMap, (i: ItemMapEntry) => (i.construct === 'adoption' ? adoption : 4));
    if (shift !== null) answers['background.vagt'] = shift;
    const multi = itemMap.items.find((i: ItemMapEntry) => i.type === 'multi');
    if (channels.length) answers[multi.question] = channels;
    expect((await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers, locale: 'da' })).status).toBe(201);
  };
  // Day 12 (8 favourable), evening 9 (3 favourable), night 2, no answer 1. Telephone chosen by 11: 6 alone and 5
  // with the PC (each set of options chosen together is 5 or more).
  for (let i = 0; i < 12; i++) await submit(1, i < 8 ? 5 : 2, i < 6 ? [1] : [2]);
  for (let i = 0; i < 9; i++) await submit(2, i < 3 ? 5 : 1, i < 5 ? [1, 2] : [2]);
  for (let i = 0; i < 2; i++) await submit(3, 5, [2]);
  await submit(null, 1, [2]);
  return { t, projectId: project.id, waveId: wave.id, ids };
}

describe('breakdowns', () => {
  it('show nothing while the wave runs; then a breakdown whose groups all reach k, and one with a small group not at all', async () => {
    const { t, projectId, waveId } = await setUp();
    expect((await t.get(`/api/projects/${projectId}/breakdowns`)).body.breakdowns.waves).toEqual([]);
    await t.post(`/api/waves/${waveId}/close`);
    const [wave] = (await t.get(`/api/projects/${projectId}/breakdowns`)).body.breakdowns.waves;
    // Night (2) and not answered (1) are below k: the whole shift breakdown is hidden, never a part of it with
    // partners (another question meaning the same could hide other partners, and show what this one hides).
    const shift = wave.breakdowns.find((b: any) => b.key === 'background.vagt');
    for (const g of shift.groups) expect(g, g.key).toMatchObject({ hidden: true, respondents: null, items: [{ hidden: true, hiddenReason: 'protected' }] });
    expect(JSON.stringify(shift.groups)).not.toMatch(/"n":[1-9]/);
    // The channels (every set of options chosen together 5 or more) are shown.
    const multi = wave.breakdowns.find((b: any) => b.kind === 'multi');
    expect(multi.groups.every((g: any) => !g.hidden)).toBe(true);
  });

  it('cannot be played against another question of the same meaning: both hide the small group whole', async () => {
    // The attack: shift as a background question (Dag, Aften, Nat) and again as an own question (Aften, Dag, Nat).
    // With partners chosen by option order, one showed only Dag, the other only Aften: the total minus both was
    // the two night workers, all unfavourable.
    const { t, project } = await projectWithUnits([['A', 60]]);
    const choices = (order: number[]) => order.map((value) => ({ value, text: localized(['', 'Dag', 'Aften', 'Nat'][value]) }));
    const spec = {
      background: [{ id: 'vagt', text: localized('Vagt?'), choices: choices([1, 2, 3]) }],
      customItems: [{ kind: 'single', id: 'tid', text: localized('Hvornår arbejder du?'), choices: choices([2, 1, 3]), favourable: [1], phases: 'both' }],
    };
    expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec })).status).toBe(200);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token;
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const own = itemMap.items.find((i: ItemMapEntry) => i.construct === 'custom');
    const submit = async (shift: number, adoption: number) => {
      const answers = { ...answersFor(itemMap, (i: ItemMapEntry) => (i.construct === 'adoption' ? adoption : i.construct === 'custom' ? shift : 4)), 'background.vagt': shift, [own.question]: shift };
      expect((await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers, locale: 'da' })).status).toBe(201);
    };
    for (let i = 0; i < 10; i++) await submit(1, i < 7 ? 5 : 1);
    for (let i = 0; i < 10; i++) await submit(2, i < 3 ? 5 : 1);
    for (let i = 0; i < 2; i++) await submit(3, 1);
    await t.post(`/api/waves/${wave.id}/close`);
    const [shown] = (await t.get(`/api/projects/${project.id}/breakdowns`)).body.breakdowns.waves;
    expect(shown.breakdowns.map((b: any) => b.key).sort()).toEqual(['background.vagt', own.key].sort());
    for (const b of shown.breakdowns) for (const g of b.groups) expect({ q: b.key, g: g.key, hidden: g.hidden }).toEqual({ q: b.key, g: g.key, hidden: true });
  });

  it('counts only the people of the units the report shows, so a question that mirrors the units undoes nothing', async () => {
    // The attack: units A and B (20 each, 10 answered) and S (3, all answered); a question "which team" with the
    // options in the order B, A, S. The report hides A and S together and shows B; a breakdown over everyone
    // showed option A, and the total minus B minus A was S: 0 of 3 favourable.
    const { t, project, ids } = await projectWithUnits([['A', 20], ['B', 20], ['S', 3]]);
    const spec = { background: [{ id: 'team', text: localized('Hvilket team er du i?'), choices: [2, 1, 3].map((value) => ({ value, text: localized(['', 'A', 'B', 'S'][value]) })) }] };
    expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec })).status).toBe(200);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string }[];
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const answer = async (unit: number, team: number, count: number, favourable: number) => {
      const token = links.find((l) => l.unitId === ids[unit])!.token;
      for (let i = 0; i < count; i++) {
        const answers = { ...answersFor(itemMap, (item: ItemMapEntry) => (item.construct === 'adoption' ? (i < favourable ? 5 : 1) : 4)), 'background.team': team };
        expect((await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers, locale: 'da' })).status).toBe(201);
      }
    };
    await answer(0, 1, 10, 6);
    await answer(1, 2, 10, 4);
    await answer(2, 3, 3, 0);
    await t.post(`/api/waves/${wave.id}/close`);
    const report = (await t.get(`/api/projects/${project.id}/report`)).body.report;
    const shownUnits = report.responseRates[0].units.filter((u: any) => !u.hidden).map((u: any) => u.unitName);
    expect(shownUnits).toEqual(['B']);
    const [shown] = (await t.get(`/api/projects/${project.id}/breakdowns`)).body.breakdowns.waves;
    const team = shown.breakdowns.find((b: any) => b.key === 'background.team');
    // B's 10 people only: they all said B, and the breakdown is B's own cell again.
    const visible = team.groups.filter((g: any) => !g.hidden && g.respondents > 0).map((g: any) => ({ key: g.key, respondents: g.respondents, x: g.items[0].x }));
    expect(visible).toEqual([{ key: '2', respondents: 10, x: 4 }]);
  });

  it('break a multiple-choice question down option by option, each against everyone else', async () => {
    const { t, projectId, waveId } = await setUp();
    await t.post(`/api/waves/${waveId}/close`);
    const [wave] = (await t.get(`/api/projects/${projectId}/breakdowns`)).body.breakdowns.waves;
    const multi = wave.breakdowns.find((b: any) => b.kind === 'multi');
    const phone = multi.groups.find((g: any) => g.key === '1');
    const notPhone = multi.groups.find((g: any) => g.key === 'not:1');
    expect(phone).toMatchObject({ hidden: false, respondents: 11, items: [{ n: 11, x: 9 }] });
    expect(notPhone).toMatchObject({ hidden: false, respondents: 13, items: [{ n: 13 }] });
  });

  it('hides a multiple-choice breakdown whose groups could be subtracted down to a small set of options', async () => {
    // "Your role", one answer each in practice: 1 night, 14 day, 13 evening. Option against the rest, every group
    // passes on its own, but "not day" minus "evening" is the night worker alone.
    const { t, project } = await projectWithUnits([['A', 60]]);
    const spec = { customItems: [{ kind: 'multi', id: 'rolle', text: localized('Din rolle?'), choices: [1, 2, 3].map((value) => ({ value, text: localized(`R${value}`) })), favourable: [1], phases: 'both' }] };
    expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec })).status).toBe(200);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token;
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const multi = itemMap.items.find((i: ItemMapEntry) => i.type === 'multi');
    const submit = (role: number, adoption: number) =>
      t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: { ...answersFor(itemMap, (i: ItemMapEntry) => (i.construct === 'adoption' ? adoption : 4)), [multi.question]: [role] }, locale: 'da' });
    expect((await submit(1, 5)).status).toBe(201);
    for (let i = 0; i < 14; i++) expect((await submit(2, i < 5 ? 5 : 1)).status).toBe(201);
    for (let i = 0; i < 13; i++) expect((await submit(3, i < 5 ? 5 : 1)).status).toBe(201);
    await t.post(`/api/waves/${wave.id}/close`);
    const [shown] = (await t.get(`/api/projects/${project.id}/breakdowns`)).body.breakdowns.waves;
    const groups = shown.breakdowns.find((b: any) => b.kind === 'multi').groups;
    expect(groups.length).toBe(6);
    for (const g of groups) expect(g, g.key).toMatchObject({ hidden: true, respondents: null });
    for (const g of groups) for (const item of g.items) expect(item.n, g.key).toBeUndefined();
  });

  it('is for readers of the project only, and knows no other project', async () => {
    const { t, projectId } = await setUp();
    t.logout();
    expectError(await t.get(`/api/projects/${projectId}/breakdowns`), 401);
    // A manager without this project in scope is told it does not exist, as for every project route.
    await t.login(MANAGER);
    expectError(await t.get(`/api/projects/${projectId}/breakdowns`), 404);
    t.logout();
    await t.login();
    expectError(await t.get(`/api/projects/999/breakdowns`), 404);
  });
});
