// The foundation slice through the HTTP API: project → behaviour → survey → wave → answers → report.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { responses, responseValues } from '../../db/schema';
import { answersFor } from '../support/answers';
import { ADMIN, MANAGER, expectError, testApp, type Db } from '../support/api';

async function setUp() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Digital overlevering', purpose: 'Mere tid til kerneopgaven' })).body.project;
  const unitA = (await t.post('/api/units', { name: 'Plejecenter A', headcount: 40 })).body.unit;
  const unitB = (await t.post('/api/units', { name: 'Plejecenter B', headcount: 30 })).body.unit;
  const unitC = (await t.post('/api/units', { name: 'Lille team', headcount: 6 })).body.unit;
  for (const u of [unitA, unitB, unitC]) expect((await t.put(`/api/projects/${project.id}/rollouts/${u.id}`, { goLiveDate: '2026-01-15' })).status).toBe(200);
  const behaviour = (
    await t.post(`/api/projects/${project.id}/behaviours`, {
      title: 'Læser selv beboerens status i systemet',
      description: 'Ved vagtstart',
      targetGroup: 'SOSU-medarbejdere',
      oldBehaviour: 'Lytter til fælles oplæsning',
    })
  ).body.behaviour;
  return { ...t, project, unitA, unitB, unitC, behaviour };
}

async function openWaveFor(t: Awaited<ReturnType<typeof setUp>>, phase: 'baseline' | 'followup' = 'baseline') {
  const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: phase === 'baseline' ? 'Nulpunktsmåling' : 'Opfølgning', phase })).body.wave;
  const opened = await t.post(`/api/waves/${wave.id}/open`);
  expect(opened.status).toBe(200);
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { unitId: number; token: string; url: string }[];
  const tokenOf = (unitId: number) => links.find((l) => l.unitId === unitId)!.token;
  return { wave: opened.body.wave, links, tokenOf };
}

const responseCount = async (t: { db: Db }) => (await t.db.select({ n: count() }).from(responses))[0].n;

async function answer(t: Awaited<ReturnType<typeof setUp>>, token: string, value = 4, submissionId = randomUUID()) {
  const survey = await t.get(`/api/s/${token}`);
  expect(survey.status).toBe(200);
  const version = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=${survey.body.wave.phase}`)).body;
  return t.post(`/api/s/${token}/responses`, { submissionId, answers: answersFor(version.itemMap, () => value), locale: 'da' });
}

describe('health and login', () => {
  it('answers health without login', async () => {
    const t = await testApp();
    const res = await t.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('rejects wrong passwords and malformed logins with the error shape', async () => {
    const t = await testApp();
    expectError(await t.post('/api/auth/login', { email: ADMIN.email, password: 'wrong' }), 401, 'invalid_credentials');
    expectError(await t.post('/api/auth/login', { email: 'nobody@test.dk', password: 'x' }), 401, 'invalid_credentials');
    expectError(await t.post('/api/auth/login', { email: 'not-an-email' }), 400, 'invalid_input');
    expectError(await t.postRaw('/api/auth/login', '{"email":'), 400);
  });

  it('keeps the secretariat pages behind login and writes behind the admin role', async () => {
    const t = await testApp();
    expectError(await t.get('/api/projects'), 401, 'unauthenticated');
    expectError(await t.post('/api/projects', { name: 'X' }), 401, 'unauthenticated');
    await t.login(MANAGER);
    expect((await t.get('/api/projects')).status).toBe(200);
    expectError(await t.post('/api/projects', { name: 'X' }), 403, 'forbidden');
    expect((await t.get('/api/projects')).body.projects).toHaveLength(0);
  });

  it('logs out', async () => {
    const t = await testApp();
    await t.login();
    expect((await t.get('/api/auth/me')).body.user.email).toBe(ADMIN.email);
    await t.post('/api/auth/logout');
    expectError(await t.get('/api/auth/me'), 401);
  });
});

describe('setting up a project', () => {
  it('rejects bad project, unit and behaviour input and stores nothing', async () => {
    const t = await setUp();
    expectError(await t.post('/api/projects', { name: '   ' }), 400, 'invalid_input');
    expectError(await t.post('/api/units', { name: 'X', headcount: -3 }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/behaviours`, { title: '' }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/999/behaviours`, { title: 'Y' }), 404, 'not_found');
    expectError(await t.put(`/api/projects/${t.project.id}/rollouts/${t.unitA.id}`, { goLiveDate: '2026-02-30' }), 400, 'invalid_input');
    expectError(await t.get('/api/projects/abc'), 400, 'invalid_input');
    expectError(await t.get('/api/projects/99999/survey-versions'), 404, 'not_found');
    const detail = (await t.get(`/api/projects/${t.project.id}`)).body.project;
    expect(detail.behaviours).toHaveLength(1);
    expect((await t.get('/api/projects')).body.projects).toHaveLength(1);
    expect((await t.get('/api/units')).body.units).toHaveLength(3);
  });

  it('refuses to link a behaviour to another project\'s benefit', async () => {
    const t = await setUp();
    const other = (await t.post('/api/projects', { name: 'Andet projekt' })).body.project;
    const otherBehaviour = (await t.post(`/api/projects/${other.id}/behaviours`, { title: 'Z' })).body.behaviour;
    expectError(await t.patch(`/api/behaviours/${t.behaviour.id}`, { unitIds: [999] }), 400, 'link_outside_project');
    expectError(await t.patch(`/api/behaviours/${otherBehaviour.id}`, { unitIds: [t.unitA.id] }), 400, 'link_outside_project');
  });

  it('generates a Danish survey from the behaviour, with the behaviour text shown literally', async () => {
    const t = await setUp();
    const preview = await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`);
    expect(preview.status).toBe(200);
    const json = JSON.stringify(preview.body.survey);
    expect(json).toContain('Læser selv beboerens status i systemet');
    expect(preview.body.itemMap.items.some((i: any) => i.construct === 'adoption' && i.behaviourId === t.behaviour.id)).toBe(true);
    expectError(await t.get(`/api/projects/${t.project.id}/survey/preview?phase=sometimes`), 400, 'invalid_input');
  });
});

describe('waves and staff links', () => {
  it('gives one link per unit, which shows the frozen survey and the unit name', async () => {
    const t = await setUp();
    const { links, tokenOf } = await openWaveFor(t);
    expect(links).toHaveLength(3);
    expect(links[0].url).toMatch(/^http:\/\/test\.local\/s\/[A-Za-z0-9_-]{20,}$/);
    const res = await t.get(`/api/s/${tokenOf(t.unitA.id)}`);
    expect(res.status).toBe(200);
    expect(res.body.unit.name).toBe('Plejecenter A');
    expect(res.body.wave.name).toBe('Nulpunktsmåling');
    expect(res.body.survey.pages.length).toBeGreaterThan(0);
    // Public: works without any login.
    t.logout();
    expect((await t.get(`/api/s/${tokenOf(t.unitA.id)}`)).status).toBe(200);
  });

  it('answers 404 for unknown links, 400 for malformed ones and 409 before the wave opens', async () => {
    const t = await setUp();
    expectError(await t.get('/api/s/AAAAAAAAAAAAAAAAAAAAAA'), 404, 'link_unknown');
    expectError(await t.get('/api/s/<script>'), 400, 'invalid_input');
    const draft = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Kladde', phase: 'baseline' })).body.wave;
    const token = (await t.get(`/api/waves/${draft.id}/links`)).body.links[0].token;
    expectError(await t.get(`/api/s/${token}`), 409, 'wave_not_open');
  });

  it('rejects a wave closing before it opens, and units outside the project', async () => {
    const t = await setUp();
    expectError(await t.post(`/api/projects/${t.project.id}/waves`, { name: 'W', phase: 'baseline', opensOn: '2026-05-01', closesOn: '2026-04-01' }), 400, 'invalid_dates');
    const stranger = (await t.post('/api/units', { name: 'Fremmed', headcount: 10 })).body.unit;
    expectError(await t.post(`/api/projects/${t.project.id}/waves`, { name: 'W', phase: 'baseline', unitIds: [stranger.id] }), 400, 'unit_not_in_project');
    expectError(await t.post(`/api/projects/${t.project.id}/waves`, { name: 'W', phase: 'yearly' }), 400, 'invalid_input');
    expect((await t.get(`/api/projects/${t.project.id}/waves`)).body.waves).toHaveLength(0);
  });
});

describe('submitting answers', () => {
  it('stores a response once, even when the same submission is retried', async () => {
    const t = await setUp();
    const { tokenOf } = await openWaveFor(t);
    const id = randomUUID();
    const first = await answer(t, tokenOf(t.unitA.id), 4, id);
    expect(first.status).toBe(201);
    // The answer names the submission, never the stored row (whose id would tell the order of arrival).
    expect(first.body).toEqual({ submissionId: id, duplicate: false });
    const retry = await answer(t, tokenOf(t.unitA.id), 4, id);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ submissionId: id, duplicate: true });
    expect(await responseCount(t)).toBe(1);
  });

  it('rejects answers that do not fit the frozen survey and stores nothing', async () => {
    const t = await setUp();
    const { tokenOf } = await openWaveFor(t);
    const token = tokenOf(t.unitA.id);
    const itemMap = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body.itemMap;
    const valid = answersFor(itemMap);
    const adoption = itemMap.items.find((i: any) => i.construct === 'adoption');
    const post = (answers: unknown, extra: object = {}) => t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers, locale: 'da', ...extra });

    for (const bad of [
      { ...valid, notAQuestion: 3 },
      answersFor(itemMap, (i) => (i.key === adoption.key ? 7 : 4)),
      answersFor(itemMap, (i) => (i.key === adoption.key ? 'often' : 4)),
      answersFor(itemMap, (i) => (i.key === adoption.key ? 2.5 : 4)),
    ]) {
      const res = await post(bad);
      expectError(res, 400, 'invalid_answers');
      expect(Array.isArray(res.body.error.details)).toBe(true);
      expect(res.body.error.details.length).toBeGreaterThan(0);
      expect(typeof res.body.error.details[0].path).toBe('string');
    }
    expectError(await post({}), 400);
    // A key that would reach the prototype is refused, not silently dropped.
    const withProto = JSON.stringify({ submissionId: randomUUID(), locale: 'da', answers: valid }).replace('"answers":{', '"answers":{"__proto__":{"x":1},');
    expectError(await t.postRaw(`/api/s/${token}/responses`, withProto), 400, 'invalid_input');
    expectError(await post(valid, { submissionId: 'not-a-uuid' }), 400, 'invalid_input');
    expectError(await post(valid, { locale: 'fr' }), 400, 'invalid_input');
    expectError(await t.postRaw(`/api/s/${token}/responses`, '{"submissionId":'), 400);
    expectError(await t.post(`/api/s/${token}/responses`, { answers: valid }), 400, 'invalid_input');
    expect(await responseCount(t)).toBe(0);
    expect((await t.db.select({ n: count() }).from(responseValues))[0].n).toBe(0);
  });

  it('keeps no IP, user agent, time of day or account on a response', async () => {
    const t = await setUp();
    const { tokenOf } = await openWaveFor(t);
    expect((await answer(t, tokenOf(t.unitA.id))).status).toBe(201);
    const [row] = await t.db.select().from(responses).limit(1);
    // releasedIn: the live-results block it was first shown in (null until then), never a time; pairKey: only an
    // HMAC of an optional pairing code, null here.
    expect(row.pairKey).toBeNull();
    expect(Object.keys(row).sort()).toEqual(['answers', 'complete', 'id', 'locale', 'pairKey', 'releasedIn', 'submissionId', 'submittedOn', 'surveyVersionId', 'unitId', 'waveId'].sort());
    expect(row.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('closes: a closed wave answers 410 and takes no answers', async () => {
    const t = await setUp();
    const { wave, tokenOf } = await openWaveFor(t);
    expect((await t.post(`/api/waves/${wave.id}/close`)).status).toBe(200);
    expectError(await t.get(`/api/s/${tokenOf(t.unitA.id)}`), 410, 'wave_closed');
    const res = await t.post(`/api/s/${tokenOf(t.unitA.id)}/responses`, { submissionId: randomUUID(), answers: { x: 1 }, locale: 'da' });
    expectError(res, 410, 'wave_closed');
    expect(await responseCount(t)).toBe(0);
  });
});

describe('the report', () => {
  it('shows % favourable with a Wilson interval per wave, and hides units below 5 responses', async () => {
    const t = await setUp();
    const base = await openWaveFor(t, 'baseline');
    for (let i = 0; i < 6; i++) await answer(t, base.tokenOf(t.unitA.id), i < 2 ? 5 : 2);
    for (let i = 0; i < 6; i++) await answer(t, base.tokenOf(t.unitB.id), i < 3 ? 4 : 1);
    for (let i = 0; i < 2; i++) await answer(t, base.tokenOf(t.unitC.id), 4);

    // Open wave: results are not shown yet, only counts.
    let report = (await t.get(`/api/projects/${t.project.id}/report`)).body.report;
    expect(report.waves[0].resultsShown).toBe(false);
    expect(report.behaviours[0].adoption).toBeNull();

    await t.post(`/api/waves/${base.wave.id}/close`);
    const follow = await openWaveFor(t, 'followup');
    for (let i = 0; i < 6; i++) await answer(t, follow.tokenOf(t.unitA.id), 5);
    for (let i = 0; i < 6; i++) await answer(t, follow.tokenOf(t.unitB.id), 4);
    await t.post(`/api/waves/${follow.wave.id}/close`);

    report = (await t.get(`/api/projects/${t.project.id}/report`)).body.report;
    const adoption = report.behaviours[0].adoption;
    const [b, f] = adoption.overall;
    // Baseline: 2 + 3 + 2 favourable out of 14.
    expect(b.n).toBe(14);
    expect(b.x).toBe(7);
    expect(b.p).toBeCloseTo(0.5, 6);
    expect(b.lo).toBeGreaterThan(0.2);
    expect(b.hi).toBeLessThan(0.8);
    expect(f.n).toBe(12);
    expect(f.p).toBe(1);

    const cell = (unitId: number, waveId: number) => adoption.units.find((u: any) => u.unitId === unitId).cells.find((c: any) => c.waveId === waveId);
    // Lille team has 2 answers: hidden, and complementary suppression hides the smallest other unit too.
    expect(cell(t.unitC.id, base.wave.id).hidden).toBe(true);
    expect(cell(t.unitC.id, base.wave.id).p).toBeNull();
    expect(cell(t.unitC.id, base.wave.id).n).toBe(0);
    expect(cell(t.unitC.id, base.wave.id).hiddenReason).toBe('protected');
    const visible = [cell(t.unitA.id, base.wave.id), cell(t.unitB.id, base.wave.id)].filter((c: any) => !c.hidden);
    expect(visible).toHaveLength(1);
    // The partner hidden to protect Lille team reads exactly like Lille team itself.
    expect([cell(t.unitA.id, base.wave.id), cell(t.unitB.id, base.wave.id)].find((c: any) => c.hidden)).toEqual(cell(t.unitC.id, base.wave.id));
    expect(JSON.stringify(report)).not.toContain('"x":2,"n":2');
    // Follow-up: Lille team did not answer, which protects nobody; both large units are visible. Its empty cell
    // reads like any hidden cell.
    expect(cell(t.unitC.id, follow.wave.id)).toMatchObject({ hidden: true, hiddenReason: 'protected', n: 0, p: null });
    expect(cell(t.unitB.id, follow.wave.id).hidden).toBe(false);
    expect(cell(t.unitA.id, follow.wave.id).hidden).toBe(false);
    expect(cell(t.unitA.id, follow.wave.id).p).toBe(1);
    expect(report.behaviours[0].change.d).toBeCloseTo(0.5, 6);
  });
});

describe('the change between waves', () => {
  it('is only reported between waves that asked the same units', async () => {
    const t = await setUp();
    const base = await openWaveFor(t, 'baseline');
    for (const unitId of [t.unitA.id, t.unitB.id]) for (let i = 0; i < 6; i++) await answer(t, base.tokenOf(unitId), 2);
    await t.post(`/api/waves/${base.wave.id}/close`);
    // A follow-up that only asked Plejecenter A: its n cannot be compared with the three-unit baseline.
    const partial = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Kun A', phase: 'followup', unitIds: [t.unitA.id] })).body.wave;
    await t.post(`/api/waves/${partial.id}/open`);
    const token = (await t.get(`/api/waves/${partial.id}/links`)).body.links[0].token;
    for (let i = 0; i < 6; i++) await answer(t, token, 5);
    await t.post(`/api/waves/${partial.id}/close`);
    let report = (await t.get(`/api/projects/${t.project.id}/report`)).body.report;
    expect(report.waves.map((w: any) => w.unitCount)).toEqual([3, 1]);
    expect(report.behaviours[0].change).toBeNull();
    expect(report.behaviours[0].changeNote).toBe('different_units');
    // A later follow-up over all three units is compared with the baseline.
    const full = await openWaveFor(t, 'followup');
    for (const unitId of [t.unitA.id, t.unitB.id]) for (let i = 0; i < 6; i++) await answer(t, full.tokenOf(unitId), 5);
    await t.post(`/api/waves/${full.wave.id}/close`);
    report = (await t.get(`/api/projects/${t.project.id}/report`)).body.report;
    expect(report.behaviours[0].change).toMatchObject({ fromWaveId: base.wave.id, toWaveId: full.wave.id, nBefore: 12, nAfter: 12 });
    expect(report.behaviours[0].changeNote).toBeNull();
  });
});

describe('response rates', () => {
  it('uses headcount at open minus ineligible staff, and refuses more ineligible than headcount', async () => {
    const t = await setUp();
    const { wave, links, tokenOf } = await openWaveFor(t);
    const linkA = (links as any[]).find((l) => l.unitId === t.unitA.id);
    for (let i = 0; i < 6; i++) await answer(t, tokenOf(t.unitA.id));
    expect((await t.patch(`/api/waves/${wave.id}/links/${linkA.id}`, { ineligible: 10 })).status).toBe(200);
    expectError(await t.patch(`/api/waves/${wave.id}/links/${linkA.id}`, { ineligible: 41 }), 400, 'ineligible_exceeds_headcount');
    expectError(await t.patch(`/api/waves/${wave.id}/links/${linkA.id}`, { ineligible: -1 }), 400, 'invalid_input');
    expectError(await t.patch(`/api/waves/${wave.id + 1}/links/${linkA.id}`, { ineligible: 1 }), 404, 'not_found');
    // Headcounts may still be corrected while nothing per unit has been shown.
    const linkC = (links as any[]).find((l) => l.unitId === t.unitC.id);
    expect((await t.patch(`/api/waves/${wave.id}/links/${linkC.id}`, { headcountAtOpen: 4 })).status).toBe(200);
    expect((await t.patch(`/api/waves/${wave.id}/links/${linkC.id}`, { headcountAtOpen: 6 })).status).toBe(200);
    // While the wave runs, no unit's count is shown at all.
    const open = (await t.get(`/api/projects/${t.project.id}/report`)).body.report.responseRates[0];
    expect(open.unitsShown).toBe(false);
    expect(open.units.every((u: any) => u.hidden)).toBe(true);
    await t.post(`/api/waves/${wave.id}/close`);
    const rates = (await t.get(`/api/projects/${t.project.id}/report`)).body.report.responseRates[0];
    const unitA = rates.units.find((u: any) => u.unitId === t.unitA.id);
    expect(unitA).toMatchObject({ complete: 6, eligible: 30, hidden: false });
    expect(unitA.rr1).toBeCloseTo(0.2, 9);
    // The headcount decides what is hidden, so once per-unit numbers are shown it is fixed; ineligible is not.
    expectError(await t.patch(`/api/waves/${wave.id}/links/${linkC.id}`, { headcountAtOpen: 4 }), 409, 'headcount_fixed');
    expect((await t.patch(`/api/waves/${wave.id}/links/${linkC.id}`, { ineligible: 1 })).status).toBe(200);
    const after = (await t.get(`/api/projects/${t.project.id}/report`)).body.report.responseRates[0];
    expect(after.units.find((u: any) => u.unitId === t.unitC.id).hidden).toBe(rates.units.find((u: any) => u.unitId === t.unitC.id).hidden);
  });
});

describe('response counts', () => {
  it('never lets a small unit\'s count be found by subtracting the others from the total', async () => {
    const t = await setUp();
    const tiny = (await t.post('/api/units', { name: 'Mini', headcount: 3 })).body.unit;
    await t.put(`/api/projects/${t.project.id}/rollouts/${tiny.id}`, { goLiveDate: null });
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'To enheder', phase: 'baseline', unitIds: [t.unitA.id, tiny.id] })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as any[];
    const token = (unitId: number) => links.find((l) => l.unitId === unitId).token;
    for (let i = 0; i < 6; i++) await answer(t, token(t.unitA.id));
    for (let i = 0; i < 2; i++) await answer(t, token(tiny.id));
    // Mini (3 staff) is hidden, and so is its only sibling; the total of both is safe to show.
    const after = (await t.get(`/api/waves/${wave.id}/links`)).body.links as any[];
    expect(after.map((l) => l.responses)).toEqual([null, null]);
    expect((await t.get(`/api/projects/${t.project.id}/waves`)).body.waves.find((w: any) => w.id === wave.id).responses).toBe(8);
    // While it runs the report holds back even the total's split into complete and partial; after close:
    expect((await t.get(`/api/projects/${t.project.id}/report`)).body.report.responseRates.find((r: any) => r.waveId === wave.id).hidden).toBe(true);
    await t.post(`/api/waves/${wave.id}/close`);
    const rates = (await t.get(`/api/projects/${t.project.id}/report`)).body.report.responseRates.find((r: any) => r.waveId === wave.id);
    expect(rates.hidden).toBe(false);
    expect(rates.units.every((u: any) => u.hidden)).toBe(true);
    expect(JSON.stringify(rates.units)).not.toContain('"complete"');
  });

  it('hides the total too when the wave has only a small unit', async () => {
    const t = await setUp();
    const tiny = (await t.post('/api/units', { name: 'Mini', headcount: 3 })).body.unit;
    await t.put(`/api/projects/${t.project.id}/rollouts/${tiny.id}`, { goLiveDate: null });
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Kun Mini', phase: 'baseline', unitIds: [tiny.id] })).body.wave;
    await t.post(`/api/waves/${wave.id}/open`);
    const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token;
    await answer(t, token);
    expect((await t.get(`/api/projects/${t.project.id}/waves`)).body.waves.find((w: any) => w.id === wave.id).responses).toBeNull();
    const rates = (await t.get(`/api/projects/${t.project.id}/report`)).body.report.responseRates.find((r: any) => r.waveId === wave.id);
    expect(rates).toEqual({ waveId: wave.id, unitsShown: false, hidden: true, units: [{ key: `u:${tiny.id}`, unitId: tiny.id, unitName: 'Mini', group: null, unitIds: [tiny.id], hidden: true }] });
  });
});

describe('closed waves', () => {
  it('cannot be reopened by moving the close date, once closed by date or by hand', async () => {
    const t = await setUp();
    const { wave } = await openWaveFor(t);
    await t.post(`/api/waves/${wave.id}/close`);
    expectError(await t.patch(`/api/waves/${wave.id}`, { closesOn: '2099-01-01' }), 409, 'wave_closed');
    expectError(await t.patch(`/api/waves/${wave.id}`, { closesOn: null }), 409, 'wave_closed');
    expect((await t.patch(`/api/waves/${wave.id}`, { name: 'Omdøbt' })).status).toBe(200);
  });

  it('refuses new links for retired units', async () => {
    const t = await setUp();
    await t.post(`/api/units/${t.unitB.id}/retire`, {});
    expectError(await t.post(`/api/projects/${t.project.id}/waves`, { name: 'W', phase: 'baseline', unitIds: [t.unitA.id, t.unitB.id] }), 400, 'unit_retired');
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'W', phase: 'baseline' })).body.wave;
    const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links;
    expect(links.map((l: any) => l.unitId).sort()).toEqual([t.unitA.id, t.unitC.id].sort());
  });
});

describe('the change badge', () => {
  it('follows the favourable share, not a shift elsewhere on the scale', async () => {
    const t = await setUp();
    const base = await openWaveFor(t, 'baseline');
    for (let i = 0; i < 30; i++) await answer(t, base.tokenOf(t.unitA.id), 3);
    await t.post(`/api/waves/${base.wave.id}/close`);
    const follow = await openWaveFor(t, 'followup');
    for (let i = 0; i < 30; i++) await answer(t, follow.tokenOf(t.unitA.id), i % 2 ? 4 : 1);
    await t.post(`/api/waves/${follow.wave.id}/close`);
    const change = (await t.get(`/api/projects/${t.project.id}/report`)).body.report.behaviours[0].change;
    expect(change.lo).toBeGreaterThan(0);
    expect(change.label.code).toBe('likely_improvement');
  });
});

describe('cross-site requests', () => {
  it('refuses a cross-site delete (CSRF guard answers 403 before anything runs)', async () => {
    const t = await setUp();
    const res = await t.app.request(`/api/behaviours/${t.behaviour.id}`, { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
    expectError({ status: res.status, body: await res.json() }, 403, 'forbidden_origin');
    expect((await t.get(`/api/projects/${t.project.id}`)).body.project.behaviours).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('wrong passwords never lock the account: after 10 guesses the right password still logs in (the guesser is slowed, see hardening.test.ts)', async () => {
    const t = await testApp();
    for (let i = 0; i < 10; i++) expectError(await t.post('/api/auth/login', { email: ADMIN.email, password: `guess-${i}` }), 401, 'invalid_credentials');
    const owner = await t.post('/api/auth/login', { email: ADMIN.email.toUpperCase(), password: ADMIN.password });
    expect(owner.status).toBe(200);
    await t.login(MANAGER);
  });
});

describe('CSV import of nothing', () => {
  it('answers 400 csv_empty for a file of only separators or quotes', async () => {
    const t = await testApp();
    await t.login();
    for (const csv of [';', '"', ' ;; \n ; ']) expectError(await t.post('/api/units/import/preview', { csv }), 400, 'csv_empty');
    expectError(await t.post('/api/units/import/commit', { csv: '"' }), 400, 'csv_empty');
  });
});
