// The optional pairing code end to end: switching it on changes the next survey version, a submitted code is kept
// only as HMAC(project secret, code), the same code pairs across waves, the paired view is hidden under k and shown
// at k or more with the match rate, destroying the key is for good, and only the secretariat may change it.
import { randomUUID } from 'node:crypto';
import { eq, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { projects, responses, surveyVersions } from '../../db/schema';
import { pairKeyOf } from '../../server/services/pairing';
import { answersFor } from '../support/answers';
import { clientFor, expectError, projectWithUnits } from '../support/api';

type Setup = Awaited<ReturnType<typeof projectWithUnits>>;

/** One unit of 40, live since January, so a follow-up may ask it. */
async function setUp(): Promise<Setup> {
  const s = await projectWithUnits([['Afdeling A', 40]]);
  expect((await s.t.put(`/api/projects/${s.project.id}/rollouts/${s.ids[0]}`, { goLiveDate: '2026-01-15' })).status).toBe(200);
  return s;
}

async function openWave(s: Setup, phase: 'baseline' | 'followup') {
  const wave = (await s.t.post(`/api/projects/${s.project.id}/waves`, { name: phase, phase })).body.wave;
  const opened = await s.t.post(`/api/waves/${wave.id}/open`);
  expect(opened.status).toBe(200);
  const [link] = (await s.t.get(`/api/waves/${wave.id}/links`)).body.links;
  const [version] = await s.t.db.select().from(surveyVersions).where(eq(surveyVersions.id, opened.body.wave.surveyVersionId));
  return { id: wave.id as number, token: link.token as string, version };
}

type Wave = Awaited<ReturnType<typeof openWave>>;

/** A code of person i, in letters no hash or other text holds (Ø, Å), typed with spaces and upper case. */
const codeOf = (i: number) => ({ 'pairing.mother': ` Ø${'abcdefghijklmnop'[i]}`, 'pairing.house': `${i % 10}`, 'pairing.school': 'ÅS ' });
const normalisedCodeOf = (i: number) => `ø${'abcdefghijklmnop'[i]}|${i % 10}|ås`;

async function submit(s: Setup, wave: Wave, adoption: number, pairing: Record<string, unknown> = {}) {
  const answers = { ...answersFor(wave.version.itemMap, (item) => (item.construct === 'adoption' ? adoption : 3)), ...pairing };
  const submissionId = randomUUID();
  return { ...(await s.t.post(`/api/s/${wave.token}/responses`, { submissionId, answers, locale: 'da' })), submissionId };
}

/** The stored pair key of a submission. */
async function keyOf(s: Setup, submission: { submissionId: string }) {
  const [row] = await s.t.db.select({ pairKey: responses.pairKey }).from(responses).where(eq(responses.submissionId, submission.submissionId));
  return row.pairKey;
}

const pages = (wave: Wave) => (wave.version.surveyJson.pages as { name: string }[]).map((p) => p.name);

/** Every row of every table but the survey versions (which hold the questions' wording), as one string. */
async function allStoredText(s: Setup) {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable) && getTableName(v) !== 'survey_versions');
  const parts: string[] = [];
  for (const table of tables) parts.push(JSON.stringify(await s.t.db.select().from(table)));
  return parts.join('\n');
}

describe('pairing code', () => {
  it('switching on changes the next survey version only; a code is stored as its HMAC, never raw', async () => {
    const s = await setUp();
    const before = await openWave(s, 'baseline');
    expect(pages(before)).not.toContain('pairing');

    expect((await s.t.get(`/api/projects/${s.project.id}/pairing`)).body.pairing).toEqual({ enabled: false, keyExists: false, destroyedAt: null });
    const on = await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true });
    expect(on.status).toBe(200);
    expect(on.body.pairing).toEqual({ enabled: true, keyExists: true, destroyedAt: null });
    // The secret never leaves the server.
    expect(JSON.stringify((await s.t.get(`/api/projects/${s.project.id}`)).body)).not.toMatch(/pairingSecret/);
    const [{ pairingSecret }] = await s.t.db.select({ pairingSecret: projects.pairingSecret }).from(projects).where(eq(projects.id, s.project.id));
    expect(pairingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The wave opened before keeps its version: no pairing page, so a pairing answer is an unknown question.
    expectError(await submit(s, before, 4, codeOf(0)), 400, 'invalid_answers');
    const preview = (await s.t.get(`/api/projects/${s.project.id}/survey/preview?phase=baseline`)).body;
    expect(preview.survey.pages.map((p: { name: string }) => p.name)).toContain('pairing');
    const after = await openWave(s, 'baseline');
    expect(after.version.id).not.toBe(before.version.id);
    const page = (after.version.surveyJson.pages as { name: string; elements: { name: string; type: string }[] }[]).find((p) => p.name === 'pairing')!;
    expect(page.elements.map((e) => [e.name, e.type])).toEqual([['pairing.mother', 'text'], ['pairing.house', 'text'], ['pairing.school', 'text']]);
    expect(after.version.itemMap.items.some((i) => i.key.startsWith('pairing'))).toBe(false);

    const stored = await submit(s, after, 4, codeOf(0));
    expect(stored.status).toBe(201);
    const skipped = await submit(s, after, 4);
    const partly = await submit(s, after, 4, { 'pairing.mother': 'ka' });
    expect(await keyOf(s, stored)).toBe(pairKeyOf(pairingSecret!, normalisedCodeOf(0)));
    expect(await keyOf(s, skipped)).toBeNull();
    expect(await keyOf(s, partly)).toBeNull(); // all three or no code
    // The raw answers are nowhere: not in answers, values, tallies or any other table.
    const text = await allStoredText(s);
    // (Not a bare two-letter answer like "ka": random tokens and keys contain such pairs by chance.)
    for (const raw of ['pairing.mother', 'pairing.house', 'pairing.school', 'Ø', 'ø', 'Å', 'å', normalisedCodeOf(0)]) expect(text.includes(raw), raw).toBe(false);
  });

  it('refuses a malformed pairing answer and stores nothing', async () => {
    const s = await setUp();
    await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true });
    const wave = await openWave(s, 'baseline');
    for (const bad of [{ 'pairing.house': 'ab' }, { 'pairing.house': 7 }, { 'pairing.mother': 'abc' }, { 'pairing.school': '1' }]) {
      const res = await submit(s, wave, 4, { ...codeOf(1), ...bad });
      expectError(res, 400, 'invalid_answers');
      expect(res.body.error.details.map((d: { code: string }) => d.code)).toContain('invalid_pairing');
    }
    expect(await s.t.db.select().from(responses)).toEqual([]);
  });

  it('pairs the same code across two closed waves: hidden under k, shown at k or more with the match rate', async () => {
    const run = async (paired: number) => {
      const s = await setUp();
      await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true });
      const baseline = await openWave(s, 'baseline');
      // Person i: favourable (5) at baseline when i < 3, at follow-up when i < 8; five more without a code each time.
      for (let i = 0; i < paired; i++) expect((await submit(s, baseline, i < 3 ? 5 : 2, codeOf(i))).status).toBe(201);
      for (let i = 0; i < 5; i++) await submit(s, baseline, 2);
      await s.t.post(`/api/waves/${baseline.id}/close`);
      const followup = await openWave(s, 'followup');
      for (let i = 0; i < paired; i++) await submit(s, followup, i < 8 ? 5 : 2, codeOf(i));
      for (let i = 0; i < 5; i++) await submit(s, followup, 2);
      // The paired view is for closed waves only.
      expectError(await s.t.get(`/api/projects/${s.project.id}/report/paired?from=${baseline.id}&to=${followup.id}`), 400, 'unknown_wave');
      await s.t.post(`/api/waves/${followup.id}/close`);
      return { s, res: await s.t.get(`/api/projects/${s.project.id}/report/paired?from=${baseline.id}&to=${followup.id}`) };
    };

    const few = await run(4);
    expect(few.res.status).toBe(200);
    expect(few.res.body.paired).toMatchObject({ shown: false, reason: 'too_few_pairs', matchRate: null, behaviours: [] });

    const { s, res } = await run(10);
    expect(res.status).toBe(200);
    const paired = res.body.paired;
    expect(paired.shown).toBe(true);
    expect(paired.matchRate).toEqual({ pairs: 10, respondents: 15, rate: 10 / 15 });
    const [b] = paired.behaviours;
    // 3 yes→yes, 5 no→yes, 0 yes→no, 2 no→no: only the cell of 5 reaches k.
    expect(b).toMatchObject({ shown: true, pairs: 10, d: 0.5, table: { yesYes: null, noYes: 5, yesNo: null, noNo: null } });
    expect(b.lo).toBeGreaterThan(0);
    expect(b.hi).toBeLessThan(1);
    expect(b.p).toBeCloseTo(2 / 32, 10); // McNemar exact, b = 5, c = 0
    // The defaults are the first baseline and the latest follow-up.
    expect((await s.t.get(`/api/projects/${s.project.id}/report/paired`)).body.paired.behaviours[0].d).toBe(0.5);
    expectError(await s.t.get(`/api/projects/${s.project.id}/report/paired?from=${paired.toWaveId}&to=${paired.fromWaveId}`), 400, 'compare_order');
    expectError(await s.t.get(`/api/projects/${s.project.id}/report/paired?from=abc`), 400, 'invalid_input');
    expectError(await s.t.get(`/api/projects/${s.project.id}/report/paired?from=1&x=2`), 400, 'invalid_input');

    // A manager of the project reads the same project-level view.
    await s.t.post('/api/users', { email: 'leder@test.dk', name: 'Leder', role: 'manager', password: 'leder-pass-1' });
    const user = (await s.t.get('/api/users')).body.users.find((u: { email: string }) => u.email === 'leder@test.dk');
    await s.t.put(`/api/users/${user.id}/scopes`, { unitIds: [], projectIds: [s.project.id] });
    const manager = clientFor(s.t.app);
    await manager.login({ email: 'leder@test.dk', password: 'leder-pass-1' });
    expect((await manager.get(`/api/projects/${s.project.id}/report/paired`)).body.paired).toEqual(paired);
    expectError(await manager.put(`/api/projects/${s.project.id}/pairing`, { enabled: false }), 403);
    expectError(await manager.post(`/api/projects/${s.project.id}/pairing/destroy`, { confirm: true }), 403);
    expectError(await manager.get(`/api/projects/${s.project.id}/pairing`), 403);
  });

  it('drops a key that appears twice in one wave', async () => {
    const s = await setUp();
    await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true });
    const baseline = await openWave(s, 'baseline');
    for (let i = 0; i < 10; i++) await submit(s, baseline, 2, codeOf(i));
    await submit(s, baseline, 5, codeOf(0)); // a second response with person 0's code
    for (let i = 0; i < 4; i++) await submit(s, baseline, 2);
    await s.t.post(`/api/waves/${baseline.id}/close`);
    const followup = await openWave(s, 'followup');
    for (let i = 0; i < 10; i++) await submit(s, followup, 5, codeOf(i));
    for (let i = 0; i < 5; i++) await submit(s, followup, 2);
    await s.t.post(`/api/waves/${followup.id}/close`);
    const paired = (await s.t.get(`/api/projects/${s.project.id}/report/paired`)).body.paired;
    // 9 pairs left; rests 15 − 9 = 6 and 15 − 9 = 6 reach k.
    expect(paired.matchRate.pairs).toBe(9);
    expect(paired.behaviours[0]).toMatchObject({ shown: true, pairs: 9, d: 1 });
  });

  it('hides a behaviour when the unpaired rest of a wave is under k', async () => {
    const s = await setUp();
    await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true });
    const baseline = await openWave(s, 'baseline');
    for (let i = 0; i < 10; i++) await submit(s, baseline, 2, codeOf(i));
    await submit(s, baseline, 5); // one unpaired: the totals minus the pairs would be this one answer
    await s.t.post(`/api/waves/${baseline.id}/close`);
    const followup = await openWave(s, 'followup');
    for (let i = 0; i < 10; i++) await submit(s, followup, 5, codeOf(i));
    await s.t.post(`/api/waves/${followup.id}/close`);
    const paired = (await s.t.get(`/api/projects/${s.project.id}/report/paired`)).body.paired;
    expect(paired.behaviours[0]).toEqual({ id: expect.any(Number), title: 'Ny adfærd', shown: false, reason: 'protected' });
  });

  it('hides two paired views of one wave that differ by fewer than k people', async () => {
    const s = await setUp();
    await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true });
    // Persons 0–9 answer all three waves; person 10 skips the first follow-up. Five without a code each time.
    const waves: Wave[] = [];
    for (const [phase, people] of [['baseline', 11], ['followup', 10], ['followup', 11]] as const) {
      const wave = await openWave(s, phase);
      for (let i = 0; i < people; i++) await submit(s, wave, waves.length === 0 ? 2 : 5, codeOf(i));
      for (let i = 0; i < 5; i++) await submit(s, wave, 2);
      await s.t.post(`/api/waves/${wave.id}/close`);
      waves.push(wave);
    }
    const view = async (from: Wave, to: Wave) => (await s.t.get(`/api/projects/${s.project.id}/report/paired?from=${from.id}&to=${to.id}`)).body.paired;
    // Baseline → follow-up 1 (10 pairs) and baseline → follow-up 2 (11 pairs) would differ by person 10 alone.
    for (const [from, to] of [[waves[0], waves[1]], [waves[0], waves[2]], [waves[1], waves[2]]]) {
      const paired = await view(from, to);
      expect(paired.shown).toBe(true);
      expect(paired.behaviours[0]).toMatchObject({ shown: false, reason: 'protected' });
    }
  });

  it('destroying the key: confirmed only, secret gone, new responses get no key, cannot be switched on again', async () => {
    const s = await setUp();
    expectError(await s.t.post(`/api/projects/${s.project.id}/pairing/destroy`, { confirm: true }), 409, 'no_pairing_key');
    await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true });
    const wave = await openWave(s, 'baseline');
    const first = await submit(s, wave, 4, codeOf(2));

    expectError(await s.t.post(`/api/projects/${s.project.id}/pairing/destroy`, {}), 400, 'invalid_input');
    expectError(await s.t.post(`/api/projects/${s.project.id}/pairing/destroy`, { confirm: 'yes' }), 400, 'invalid_input');
    expectError(await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: 'yes' }), 400, 'invalid_input');
    expectError(await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true, secret: 'x' }), 400, 'invalid_input');
    expect((await s.t.get(`/api/projects/${s.project.id}/pairing`)).body.pairing.keyExists).toBe(true);

    const destroyed = await s.t.post(`/api/projects/${s.project.id}/pairing/destroy`, { confirm: true });
    expect(destroyed.status).toBe(200);
    expect(destroyed.body.pairing).toMatchObject({ enabled: false, keyExists: false, destroyedAt: expect.any(String) });
    const [row] = await s.t.db.select().from(projects).where(eq(projects.id, s.project.id));
    expect(row.pairingSecret).toBeNull();
    expect(row.pairingDestroyedAt).not.toBeNull();

    // The open wave still asks (its version is frozen), but the answer now gives no key.
    const later = await submit(s, wave, 4, codeOf(2));
    expect(later.status).toBe(201);
    expect(await keyOf(s, first)).not.toBeNull(); // stored keys stay
    expect(await keyOf(s, later)).toBeNull();
    expectError(await s.t.put(`/api/projects/${s.project.id}/pairing`, { enabled: true }), 409, 'pairing_destroyed');
    // The next version asks no pairing questions.
    const preview = (await s.t.get(`/api/projects/${s.project.id}/survey/preview?phase=followup`)).body;
    expect(preview.survey.pages.map((p: { name: string }) => p.name)).not.toContain('pairing');
  });
});
