// Comments under each behaviour in the drill-down: the survey's free-text question per behaviour carries its
// behaviour, so the report can show its comments there — under the same rule as every comment (a whole closed
// wave with at least the free-text threshold of respondents, never per unit, never to a unit-scoped manager).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answersFor } from '../support/answers';
import { testApp } from '../support/api';

describe('comments per behaviour', () => {
  it('name the behaviour their question asks about', async () => {
    const t = await testApp();
    await t.login();
    const project = (await t.post('/api/projects', { name: 'P' })).body.project;
    const unit = (await t.post('/api/units', { name: 'A', headcount: 40 })).body.unit;
    await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
    const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Ny adfærd' })).body.behaviour;
    // The survey asks the behaviour's own free-text question (a construct the secretariat switches on).
    expect((await t.put(`/api/projects/${project.id}/survey/spec`, { spec: { behaviours: [{ behaviourId: behaviour.id, constructs: ['adoption', 'free_text'] }] } })).status).toBe(200);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunkt', phase: 'baseline' })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token;
    const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const textItem = itemMap.items.find((i: any) => i.type === 'text' && i.behaviourId === behaviour.id);
    expect(textItem).toBeDefined();
    for (let i = 0; i < 10; i++) {
      const answers = { ...answersFor(itemMap), ...(i < 2 ? { [textItem.question]: `Om adfærden ${i}` } : {}) };
      expect((await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers, locale: 'da' })).status).toBe(201);
    }
    await t.post(`/api/waves/${wave.id}/close`);
    const questions = (await t.get(`/api/projects/${project.id}/comments`)).body.comments.waves[0].questions;
    expect(questions).toEqual([{ key: textItem.key, behaviourId: behaviour.id, text: textItem.text, comments: ['Om adfærden 0', 'Om adfærden 1'] }]);
  });
});
