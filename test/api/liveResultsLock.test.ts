// Live results are decided before answers arrive: switching them off would show the exact running count, switching
// them on again whether the pending block releases — together they tell something of the last answers.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { waves } from '../../db/schema';
import { answersFor } from '../support/answers';
import { expectError, projectWithUnits } from '../support/api';

async function setUp() {
  const { t, project } = await projectWithUnits([['A', 20], ['B', 20]]);
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'N', phase: 'baseline' })).body.wave;
  const answer = async (n: number) => {
    const [link] = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { token: string }[];
    const { itemMap } = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body;
    for (let i = 0; i < n; i++) expect((await t.post(`/api/s/${link.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap), locale: 'da' })).status).toBe(201);
  };
  const row = async () => (await t.db.select().from(waves))[0];
  return { t, project, wave, answer, row };
}

describe('live results', () => {
  it('cannot be switched off on an open wave with answers (409 live_results_locked), and nothing changes', async () => {
    const { t, wave, answer, row } = await setUp();
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    expect((await t.patch(`/api/waves/${wave.id}`, { liveResults: true })).status).toBe(200);
    await answer(5);
    const before = await row();
    const res = await t.patch(`/api/waves/${wave.id}`, { liveResults: false });
    expectError(res, 409, 'live_results_locked');
    expect(res.body.error.message).toMatch(/before answers arrive/);
    expect(await row()).toEqual(before);
    // Sending the value it already has changes nothing and is answered as usual.
    expect((await t.patch(`/api/waves/${wave.id}`, { liveResults: true })).status).toBe(200);
    expect((await row()).liveResults).toBe(true);
  });

  it('cannot be switched on on an open wave with answers, nor on a closed wave', async () => {
    const { t, wave, answer, row } = await setUp();
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    await answer(1);
    expectError(await t.patch(`/api/waves/${wave.id}`, { liveResults: true }), 409, 'live_results_locked');
    expect((await row()).liveResults).toBe(false);
    expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
    expectError(await t.patch(`/api/waves/${wave.id}`, { liveResults: true }), 409, 'live_results_locked');
  });

  it('can be switched on and off on a draft, and on an open wave with no answers yet', async () => {
    const { t, wave, row } = await setUp();
    expect((await t.patch(`/api/waves/${wave.id}`, { liveResults: true })).status).toBe(200);
    expect((await t.patch(`/api/waves/${wave.id}`, { liveResults: false })).status).toBe(200);
    expect((await row()).liveResults).toBe(false);
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    expect((await t.patch(`/api/waves/${wave.id}`, { liveResults: true })).status).toBe(200);
    expect((await t.patch(`/api/waves/${wave.id}`, { liveResults: false })).status).toBe(200);
    expect((await t.patch(`/api/waves/${wave.id}`, { liveResults: true })).status).toBe(200);
    expect((await row()).liveResults).toBe(true);
  });
});
