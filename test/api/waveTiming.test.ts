// Waves on the rollout's clock: scheduled → open → closed by the (test) clock, extend, close early, no reopening,
// bad schedules refused with nothing stored, the suggested schedule from go-live dates, follow-ups that leave out
// units not yet live unless included on purpose, and reminder texts per unit.
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users, waves } from '../../db/schema';
import { hashPassword } from '../../server/auth/password';
import { createApp } from '../../server/app';
import type { Clock } from '../../server/services/clock';
import { answersFor } from '../support/answers';
import { ADMIN, clientFor, expectError } from '../support/api';
import { openTestDb } from '../support/testDb';

/** A fixed clock the test moves on. */
function movableClock(at: string) {
  let now = new Date(at);
  const clock: Clock = { now: () => new Date(now) };
  return { clock, set: (to: string) => void (now = new Date(to)) };
}

async function setUp(at = '2027-02-20T10:00:00Z', config: Record<string, unknown> = {}) {
  const db = await openTestDb();
  await db.insert(users).values({ email: ADMIN.email, name: 'Admin', passwordHash: await hashPassword(ADMIN.password), role: 'admin' });
  const time = movableClock(at);
  const app = createApp({ db, clock: time.clock, config: { publicUrl: 'http://test.local', ...config } });
  const client = clientFor(app);
  // Moving the clock by days outlives the session: log in again at the new time.
  const t = { db, app, ...client, set: async (to: string) => (time.set(to), client.login()) };
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Digital overlevering' })).body.project;
  const unit = async (name: string, goLiveDate: string | null) => {
    const u = (await t.post('/api/units', { name, headcount: 30 })).body.unit;
    expect((await t.put(`/api/projects/${project.id}/rollouts/${u.id}`, { goLiveDate })).status).toBe(200);
    return u as { id: number; name: string };
  };
  const solhaven = await unit('Solhaven', '2027-04-01');
  const egely = await unit('Egely', '2027-04-01');
  const lindely = await unit('Lindely', '2027-09-01');
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser selv status' });
  return { ...t, project, solhaven, egely, lindely };
}

type T = Awaited<ReturnType<typeof setUp>>;
const waveCount = async (t: T) => (await t.db.select({ n: count() }).from(waves))[0].n;

async function answer(t: T, token: string) {
  const survey = await t.get(`/api/s/${token}`);
  if (survey.status !== 200) return survey;
  const version = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=${survey.body.wave.phase}`)).body;
  return t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(version.itemMap, () => 4), locale: 'da' });
}

describe('a wave on the clock', () => {
  it('is scheduled, then open, then closed as the clock moves; links answer 409 with the opening, then 410', async () => {
    const t = await setUp();
    const created = await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline', opensAtLocal: '2027-03-01T08:00', closesAtLocal: '2027-03-15T16:00' });
    expect(created.status).toBe(201);
    // Copenhagen winter time is UTC+1; the days are the Copenhagen days of the instants.
    expect(created.body.wave).toMatchObject({ status: 'draft', opensAt: '2027-03-01T07:00:00.000Z', closesAt: '2027-03-15T15:00:00.000Z', opensAtLocal: '2027-03-01T08:00', closesAtLocal: '2027-03-15T16:00', opensOn: '2027-03-01', closesOn: '2027-03-15' });
    const id = created.body.wave.id;

    const opened = await t.post(`/api/waves/${id}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.wave).toMatchObject({ status: 'scheduled', opensAt: '2027-03-01T07:00:00.000Z' });
    expect(opened.body.wave.surveyVersionId).toBeTruthy();
    const links = (await t.get(`/api/waves/${id}/links`)).body.links as { token: string }[];
    expect(links).toHaveLength(3);

    const early = await t.get(`/api/s/${links[0].token}`);
    expectError(early, 409, 'wave_not_open');
    expect(early.body.error.details[0]).toMatchObject({ path: 'opensAt', message: '2027-03-01T07:00:00.000Z' });
    expect((await t.get(`/api/projects/${t.project.id}/waves`)).body.waves[0].status).toBe('scheduled');

    await t.set('2027-03-01T07:00:00Z');
    expect((await t.get(`/api/projects/${t.project.id}/waves`)).body.waves[0].status).toBe('open');
    expect((await answer(t, links[0].token)).status).toBe(201);

    await t.set('2027-03-15T15:00:00Z');
    expectError(await t.get(`/api/s/${links[0].token}`), 410, 'wave_closed');
    const closed = (await t.get(`/api/projects/${t.project.id}/waves`)).body.waves[0];
    expect(closed).toMatchObject({ status: 'closed', closesAt: '2027-03-15T15:00:00.000Z', closesOn: '2027-03-15' });
    // Closed by its time as by the button: stored closed, and it never reopens.
    expect((await t.db.select().from(waves))[0].status).toBe('closed');
    expectError(await t.patch(`/api/waves/${id}`, { closesAtLocal: '2027-04-01T16:00' }), 409, 'wave_closed');
  });

  it('extends an open wave, closes one early, and keeps a closed wave closed', async () => {
    const t = await setUp('2027-03-02T09:00:00Z');
    const id = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline', closesAtLocal: '2027-03-10T16:00' })).body.wave.id;
    const opened = (await t.post(`/api/waves/${id}/open`)).body.wave;
    // No opening time given: it opens now.
    expect(opened).toMatchObject({ status: 'open', opensAt: '2027-03-02T09:00:00.000Z', opensOn: '2027-03-02' });
    expectError(await t.patch(`/api/waves/${id}`, { opensAtLocal: '2027-03-03T08:00' }), 409, 'wave_already_open');

    // Extended across the change to summer time (28 March): 16:00 is then UTC+2.
    const extended = await t.patch(`/api/waves/${id}`, { closesAtLocal: '2027-03-31T16:00' });
    expect(extended.status).toBe(200);
    expect(extended.body.wave).toMatchObject({ status: 'open', closesAt: '2027-03-31T14:00:00.000Z', closesOn: '2027-03-31' });
    await t.set('2027-03-20T12:00:00Z');
    expect((await t.get(`/api/projects/${t.project.id}/waves`)).body.waves[0].status).toBe('open');

    const closed = await t.post(`/api/waves/${id}/close`);
    expect(closed.body.wave).toMatchObject({ status: 'closed', closesAt: '2027-03-20T12:00:00.000Z', closesOn: '2027-03-20' });
    expectError(await t.patch(`/api/waves/${id}`, { closesAt: '2027-04-30T14:00:00Z' }), 409, 'wave_closed');
    expectError(await t.patch(`/api/waves/${id}`, { closesOn: null }), 409, 'wave_closed');
    expect((await t.post(`/api/waves/${id}/close`)).body.wave.closesAt).toBe('2027-03-20T12:00:00.000Z');
  });

  it('closes a scheduled wave early without it ever opening', async () => {
    const t = await setUp();
    const id = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'N', phase: 'baseline', opensAt: '2027-03-01T07:00:00Z' })).body.wave.id;
    await t.post(`/api/waves/${id}/open`);
    const closed = (await t.post(`/api/waves/${id}/close`)).body.wave;
    expect(closed).toMatchObject({ status: 'closed', opensAt: '2027-02-20T10:00:00.000Z', closesAt: '2027-02-20T10:00:00.000Z' });
  });

  it('refuses bad schedules with the error shape and stores nothing', async () => {
    const t = await setUp();
    const base = { name: 'N', phase: 'baseline' };
    const bad: [Record<string, unknown>, string][] = [
      [{ opensAtLocal: '2027-03-10T08:00', closesAtLocal: '2027-03-01T16:00' }, 'invalid_dates'],
      [{ opensAtLocal: '2027-03-10T08:00', closesAtLocal: '2027-03-10T08:00' }, 'invalid_dates'],
      [{ opensAtLocal: '2027-03-28T02:30' }, 'time_does_not_exist'],
      [{ opensAtLocal: '2027-02-30T08:00' }, 'invalid_time'],
      [{ opensAtLocal: '1. marts 08:00' }, 'invalid_input'],
      [{ opensAt: '2027-03-01T08:00' }, 'invalid_input'],
      [{ opensAt: '2027-03-01T07:00:00Z', opensAtLocal: '2027-03-01T08:00' }, 'schedule_ambiguous'],
    ];
    for (const [body, code] of bad) expectError(await t.post(`/api/projects/${t.project.id}/waves`, { ...base, ...body }), 400, code);
    expect(await waveCount(t)).toBe(0);

    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { ...base, opensAtLocal: '2027-03-01T08:00', closesAtLocal: '2027-03-15T16:00' })).body.wave;
    expectError(await t.patch(`/api/waves/${wave.id}`, { closesAtLocal: '2027-02-01T16:00' }), 400, 'invalid_dates');
    expectError(await t.patch(`/api/waves/${wave.id}`, { closesAtLocal: 'tomorrow' }), 400, 'invalid_input');
    expect((await t.db.select().from(waves))[0].closesAt).toBe('2027-03-15T15:00:00.000Z');
    // An open wave's close cannot be moved into the past (closing now is the close button).
    await t.patch(`/api/waves/${wave.id}`, { opensAtLocal: null });
    await t.post(`/api/waves/${wave.id}/open`);
    await t.set('2027-02-20T12:00:00Z');
    expectError(await t.patch(`/api/waves/${wave.id}`, { closesAtLocal: '2027-02-20T12:30' }), 400, 'close_in_past');
  });
});

describe('follow-ups and go-live', () => {
  it('leaves out units not yet live at the opening by default, naming them, and includes them on purpose', async () => {
    const t = await setUp();
    const body = { name: 'Opfølgning efter 3 måneder', phase: 'followup', opensAtLocal: '2027-07-05T08:00', closesAtLocal: '2027-07-16T16:00' };
    const byDefault = await t.post(`/api/projects/${t.project.id}/waves`, body);
    expect(byDefault.status).toBe(201);
    expect(byDefault.body.notLive).toEqual([expect.objectContaining({ unitId: t.lindely.id, unitName: 'Lindely', goLiveDate: '2027-09-01', included: false })]);
    expect(byDefault.body.notLive[0].message).toMatch(/Lindely goes live 2027-09-01.*comparison group/);
    const links = (await t.get(`/api/waves/${byDefault.body.wave.id}/links`)).body.links as { unitId: number }[];
    expect(links.map((l) => l.unitId).sort()).toEqual([t.solhaven.id, t.egely.id].sort());

    const deliberate = await t.post(`/api/projects/${t.project.id}/waves`, { ...body, name: 'Sammenligning', includeNotLive: true });
    expect(deliberate.body.notLive).toEqual([expect.objectContaining({ unitId: t.lindely.id, included: true })]);
    expect(deliberate.body.notLive[0].message).toMatch(/included deliberately/);
    expect((await t.get(`/api/waves/${deliberate.body.wave.id}/links`)).body.links).toHaveLength(3);
    // Scheduling it names them again.
    expect((await t.post(`/api/waves/${deliberate.body.wave.id}/open`)).body.notLive).toEqual([expect.objectContaining({ unitId: t.lindely.id, included: true })]);

    // A follow-up before any unit is live has no one to ask.
    expectError(await t.post(`/api/projects/${t.project.id}/waves`, { ...body, opensAtLocal: '2027-03-01T08:00', closesAtLocal: '2027-03-10T16:00' }), 400, 'no_units_live');
    // A baseline asks everyone.
    expect((await t.post(`/api/projects/${t.project.id}/waves`, { ...body, phase: 'baseline', name: 'B' })).body.notLive).toEqual([]);
  });

  it('suggests a baseline before the first go-live and follow-ups after, with a comparison wave for a staggered rollout', async () => {
    const t = await setUp();
    const res = await t.get(`/api/projects/${t.project.id}/waves/suggested-schedule`);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({ timeZone: 'Europe/Copenhagen', staggered: true, givesComparison: true });
    const byKind = Object.fromEntries(s.waves.map((w: any) => [w.kind, w]));
    // 4 weeks before 1 April 2027 is Thursday 4 March; 1 week before is Thursday 25 March.
    expect(byKind.baseline).toMatchObject({ phase: 'baseline', opensAtLocal: '2027-03-04T08:00', closesAtLocal: '2027-03-25T16:00', opensAt: '2027-03-04T07:00:00.000Z' });
    expect(byKind.baseline.closesAtLocal < '2027-04-01').toBe(true);
    // 3 months after the first go-live: Lindely is not yet live there, kept on purpose as the comparison group.
    expect(byKind.comparison).toMatchObject({ phase: 'followup', opensAtLocal: '2027-07-01T08:00', includeNotLive: true, notLiveUnitIds: [t.lindely.id] });
    // 3 and 6 months after the last go-live (1 September): everyone live. 1 December 2027 is a Wednesday.
    expect(byKind.followup3).toMatchObject({ opensAtLocal: '2027-12-01T08:00', closesAtLocal: '2027-12-14T16:00', includeNotLive: false, notLiveUnitIds: [] });
    expect(byKind.followup6.opensAtLocal).toBe('2028-03-01T08:00');
    expect(byKind.followup12.optional).toBe(true);

    // Accepting a suggestion is creating it as given.
    const w = byKind.comparison;
    const created = await t.post(`/api/projects/${t.project.id}/waves`, { name: w.name, phase: w.phase, opensAt: w.opensAt, closesAt: w.closesAt, includeNotLive: w.includeNotLive });
    expect(created.status).toBe(201);
    expect((await t.get(`/api/projects/${t.project.id}/waves/suggested-schedule`)).body.waves.find((x: any) => x.kind === 'comparison').exists).toBe(true);
  });

  it('says a suggested wave exists only when a wave of the same phase covers its time, whatever the names', async () => {
    const t = await setUp();
    const schedule = async () => Object.fromEntries((await t.get(`/api/projects/${t.project.id}/waves/suggested-schedule`)).body.waves.map((w: any) => [w.kind, w]));
    const create = async (name: string, phase: string, times: Record<string, string | boolean>) => {
      const res = await t.post(`/api/projects/${t.project.id}/waves`, { name, phase, ...times });
      expect(res.status).toBe(201);
      return res.body.wave as { id: number };
    };
    expect(Object.values(await schedule()).map((w: any) => w.exists)).toEqual([false, false, false, false, false]);
    // The 6-month follow-up's name, at the 3-month follow-up's time: it is that one, under another name.
    const early = await create('Opfølgning efter 6 måneder', 'followup', { opensAtLocal: '2027-12-02T08:00', closesAtLocal: '2027-12-20T16:00' });
    // The 12-month follow-up's name and time, but as a baseline: another kind of wave.
    await create('Opfølgning efter 12 måneder', 'baseline', { opensAtLocal: '2028-09-01T08:00', closesAtLocal: '2028-09-14T16:00' });
    // A follow-up that closes as the suggested 6-month one opens only touches it.
    await create('Vintermåling', 'followup', { opensAtLocal: '2028-02-14T08:00', closesAtLocal: '2028-03-01T08:00' });
    // A draft with no times yet is known only by its name.
    await create('nulpunktsmåling ', 'baseline', {});
    await create('Sommermåling', 'followup', { includeNotLive: true });
    let byKind = await schedule();
    expect(byKind.followup3).toMatchObject({ exists: true, existingWave: { id: early.id, name: 'Opfølgning efter 6 måneder' } });
    expect(byKind.followup6).toMatchObject({ exists: false, existingWave: null });
    expect(byKind.followup12).toMatchObject({ exists: false, existingWave: null });
    expect(byKind.baseline).toMatchObject({ exists: true, existingWave: { name: 'nulpunktsmåling' } });
    expect(byKind.comparison.exists).toBe(false);
    // A follow-up overlapping the comparison wave's two weeks covers it.
    await create('Midtvejsmåling', 'followup', { opensAtLocal: '2027-07-12T08:00', closesAtLocal: '2027-07-30T16:00' });
    byKind = await schedule();
    expect(byKind.comparison).toMatchObject({ exists: true, existingWave: { name: 'Midtvejsmåling' } });
  });

  it('says when there are no go-live dates to plan from', async () => {
    const t = await setUp();
    for (const u of [t.solhaven, t.egely, t.lindely]) await t.put(`/api/projects/${t.project.id}/rollouts/${u.id}`, { goLiveDate: null });
    const s = (await t.get(`/api/projects/${t.project.id}/waves/suggested-schedule`)).body;
    expect(s).toMatchObject({ waves: [], notes: ['no_go_live_dates'] });
    expectError(await t.get('/api/projects/9999/waves/suggested-schedule'), 404);
  });
});

describe('reminder texts', () => {
  it('gives each unit its link, short code, closing time, answer time and the configured threshold', async () => {
    const t = await setUp('2027-03-02T09:00:00Z', { anonymityThreshold: 8 });
    const id = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline', closesAtLocal: '2027-03-15T16:00' })).body.wave.id;
    await t.post(`/api/waves/${id}/open`);
    const res = await t.get(`/api/waves/${id}/reminders`);
    expect(res.status).toBe(200);
    expect(res.body.units).toHaveLength(3);
    const sol = res.body.units.find((u: any) => u.unitName === 'Solhaven');
    expect(Object.keys(sol.texts).sort()).toEqual(['email', 'intranet', 'meeting', 'teams']);
    for (const channel of ['intranet', 'teams', 'email'] as const) {
      const text = sol.texts[channel].text as string;
      expect(text).toContain(sol.url);
      expect(text).toContain('15. marts 2027 kl. 16.00');
      expect(text).toMatch(/mindst 8 svar/);
      if (sol.shortCode) expect(text).toContain(sol.shortCode);
    }
    if (sol.shortCode) expect(sol.texts.meeting.text).toContain(`${sol.shortUrl} og skriv koden ${sol.shortCode}`);
    expect(sol.texts.email.text).toMatch(/Det tager ca\. \d+ minut/);
    expect(sol.texts.email.subject).toContain('lukker 15. marts 2027 kl. 16.00');

    const en = (await t.get(`/api/waves/${id}/reminders?locale=en`)).body.units[0];
    expect(en.texts.email.text).toContain('15 March 2027 at 16:00');
    expect(en.texts.email.text).toMatch(/at least 8 answers/);
    expectError(await t.get(`/api/waves/${id}/reminders?locale=fr`), 400, 'invalid_input');
    expectError(await t.get('/api/waves/9999/reminders'), 404);
  });
});

describe('closing by time is closing', () => {
  /** A wave with live results and 7 answers (5 released live, 2 in the tail), then closed by button or by time. */
  async function liveWave(closeBy: 'button' | 'time') {
    const t = await setUp('2027-03-02T09:00:00Z');
    const id = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'N', phase: 'baseline', unitIds: [t.solhaven.id], closesAtLocal: '2027-03-10T16:00' })).body.wave.id;
    await t.post(`/api/waves/${id}/open`);
    await t.patch(`/api/waves/${id}`, { liveResults: true });
    const [link] = (await t.get(`/api/waves/${id}/links`)).body.links as { token: string }[];
    for (let i = 0; i < 7; i++) expect((await answer(t, link.token)).status).toBe(201);
    // The button a minute before the close time (after it, the request would find the wave closed by time already).
    if (closeBy === 'button') {
      await t.set('2027-03-10T14:59:00Z');
      expect((await t.post(`/api/waves/${id}/close`)).body.wave.closesAt).toBe('2027-03-10T14:59:00.000Z');
    }
    await t.set('2027-03-10T15:00:00Z');
    const report = (await t.get(`/api/projects/${t.project.id}/report`)).body.report;
    const [row] = await t.db.select().from(waves);
    return { report, row };
  }

  it('gives the same stored wave and the same report as the close button', async () => {
    const [button, time] = [await liveWave('button'), await liveWave('time')];
    expect(button.row.releases).toBe(1);
    expect(time.row).toMatchObject({ status: 'closed', releases: button.row.releases, closesAt: '2027-03-10T15:00:00.000Z', closesOn: button.row.closesOn });
    const numbers = (r: any) => JSON.stringify({ waves: r.waves.map((w: any) => ({ ...w, id: 0 })), behaviours: r.behaviours, rates: r.responseRates.map((x: any) => ({ ...x, waveId: 0 })) });
    expect(numbers(time.report)).toBe(numbers(button.report));
  });

  it('a wave closing at midnight: the reminders say its last day, as the answer page and the poster do, not "kl. 00.00" of the next', async () => {
    const t = await setUp('2027-03-02T09:00:00Z');
    const id = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline', closesOn: '2027-03-15' })).body.wave.id;
    await t.post(`/api/waves/${id}/open`);
    const da = (await t.get(`/api/waves/${id}/reminders`)).body.units[0].texts;
    const all = JSON.stringify(da);
    expect(all).not.toContain('16. marts');
    expect(all).not.toContain('00.00');
    expect(da.email.text).toContain('Spørgeskemaet er åbent til og med 15. marts 2027.');
    expect(da.email.subject).toContain('åbent til og med 15. marts 2027');
    const en = (await t.get(`/api/waves/${id}/reminders?locale=en`)).body.units[0].texts;
    expect(JSON.stringify(en)).not.toContain('00:00');
    expect(en.email.text).toContain('The survey is open until the end of 15 March 2027.');
  });
});

