// The staff side attacked from outside (a link holder, or whoever reads the database afterwards): free text over
// its limit, submission ids that are the same id in another spelling or reused on another unit's link, and what
// the database keeps beside the answers (the order tally rows were created in; rate-limit windows that say when a
// link was answered, and from which network, long after the limit needed them).
import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { serialize, transaction, type Db } from '../../db/client';
import { rateLimitHits, responses, responseValues, users, waves } from '../../db/schema';
import { hashPassword } from '../../server/auth/password';
import { createApp } from '../../server/app';
import type { Clock } from '../../server/services/clock';
import { closeLock } from '../../server/services/waves';
import { answersFor } from '../support/answers';
import { ADMIN, clientFor, expectError } from '../support/api';
import { openTestDb, testEngine } from '../support/testDb';

/** SQLite's transactions commit in FIFO order: once an empty one has run, every write queued before it is stored. */
const written = (db: Db) => transaction(db, async () => undefined);

async function twoUnitLinks(at = '2027-03-02T09:00:00Z') {
  const db = await openTestDb();
  await db.insert(users).values({ email: ADMIN.email, name: 'Admin', passwordHash: await hashPassword(ADMIN.password), role: 'admin' });
  let now = new Date(at);
  const clock: Clock = { now: () => new Date(now) };
  const app = createApp({ db, clock, config: { publicUrl: 'http://test.local' } });
  const t = { db, app, ...clientFor(app), setNow: (to: string) => void (now = new Date(to)) };
  await t.login();
  const project = (await t.post('/api/projects', { name: 'P' })).body.project;
  for (const name of ['Køkkenet', 'Gangen']) {
    const unit = (await t.post('/api/units', { name, headcount: 10 })).body.unit;
    await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
  }
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser selv status' });
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Måling', phase: 'baseline', closesOn: '2099-03-01' })).body.wave;
  expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
  const links = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { token: string; unitId: number }[];
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const stored = async () => Number((await db.select({ n: count() }).from(responses))[0].n);
  const submit = (token: string, answers: Record<string, unknown> = answersFor(itemMap), submissionId: string = randomUUID()) =>
    t.post(`/api/s/${token}/responses`, { submissionId, answers, locale: 'da' });
  return { ...t, project, wave, links, itemMap, stored, submit };
}

describe('free text is held to its limit as stored', () => {
  it('refuses a text that normalising makes longer than the limit, and takes one that cleaning brings within it', async () => {
    const t = await twoUnitLinks();
    const [link] = t.links;
    // U+FB2C is one UTF-16 unit that NFC turns into three (a composition exclusion): 2,000 typed, 6,000 stored.
    const grows = await t.submit(link.token, { 'b1.adoption': 4, free_text: '\uFB2C'.repeat(2000) });
    expectError(grows, 400, 'invalid_answers');
    expect(grows.body.error.details[0]).toMatchObject({ path: 'free_text', code: 'too_long' });
    expect(await t.stored()).toBe(0);
    // A zero-width space pasted in is cleaned away, not counted against the respondent.
    expect((await t.submit(link.token, { 'b1.adoption': 4, free_text: `${'a'.repeat(2000)}\u200B` })).status).toBe(201);
    const texts = await t.db.select({ text: responseValues.valueText }).from(responseValues).where(sql`${responseValues.itemKey} = 'free_text'`);
    expect(texts.map((r) => r.text!.length)).toEqual([2000]);
  });
});

describe('a submission id is one answer, in one wave and one unit', () => {
  it('counts the same id in capitals as the same submission', async () => {
    const t = await twoUnitLinks();
    const id = randomUUID();
    expect((await t.submit(t.links[0].token, undefined, id)).status).toBe(201);
    const again = await t.submit(t.links[0].token, undefined, id.toUpperCase());
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ submissionId: id, duplicate: true });
    expect(await t.stored()).toBe(1);
  });

  it("refuses an id stored through another unit's link of the same wave, as one of another wave", async () => {
    const t = await twoUnitLinks();
    const id = randomUUID();
    expect((await t.submit(t.links[0].token, undefined, id)).status).toBe(201);
    // Not "stored" for the second unit: it was not, and the caller must not be told it was.
    expectError(await t.submit(t.links[1].token, undefined, id), 409, 'submission_id_reused');
    expect(await t.stored()).toBe(1);
  });
});

describe('the database keeps no order of arrival beside the answers', () => {
  it.skipIf(testEngine !== 'sqlite')('tally rows keep no rowid, so nothing numbers them in the order answers created them (they outlive the raw answers)', async () => {
    const t = await twoUnitLinks();
    // Each answer brings values not seen before in its unit, so each creates new tally rows.
    for (let i = 0; i < 12; i++) await t.submit(t.links[i < 6 ? 0 : 1].token, answersFor(t.itemMap, () => [1, 2, 3, 4, 5, 0][i % 6]));
    const c = t.db.sqlite!.connection;
    expect((c.prepare('select count(*) as n from answer_tallies').get() as { n: number }).n).toBeGreaterThan(40);
    // A table with a rowid numbers its rows 1, 2, 3 … as they are created; these have none to read.
    for (const table of ['answer_tallies', 'respondent_tallies']) expect(() => c.prepare(`select rowid from ${table}`).all(), table).toThrow(/no such column: rowid/);
  });

  it("forgets a link's rate-limit window once it has ended: it said when the unit answered, and from which network", async () => {
    const t = await twoUnitLinks('2027-03-02T09:00:00Z');
    expect((await t.submit(t.links[0].token)).status).toBe(201);
    await written(t.db);
    // The staff side's windows (the login's, 15 minutes long, are not over yet).
    const windowsNow = async () => (await t.db.select().from(rateLimitHits)).filter((r) => r.key.startsWith('submit-')).map((r) => Number(r.windowStart));
    const answered = Date.parse('2027-03-02T09:00:00Z');
    expect(await windowsNow()).toContain(answered);
    // Eleven minutes later (the window was ten) one more request to the staff side: the ended window is gone.
    t.setNow('2027-03-02T09:11:00Z');
    expect((await t.submit(t.links[1].token)).status).toBe(201);
    await written(t.db);
    await written(t.db);
    expect(await windowsNow()).not.toContain(answered);
  });
});

describe('a close is final for answers', () => {
  it('an answer that comes while the close runs waits for it and is refused: none is stored after the close', async () => {
    const t = await twoUnitLinks();
    let answer: Promise<{ status: number; body: any }> | undefined;
    // The close as closeWave runs it: its lock, the wave written closed, not yet committed, while an answer comes.
    await transaction(t.db, async (tx) => {
      await serialize(tx, closeLock(t.wave.id));
      await tx.update(waves).set({ status: 'closed' }).where(eq(waves.id, t.wave.id));
      answer = t.submit(t.links[0].token);
      await new Promise((r) => setTimeout(r, 300));
    });
    expectError(await answer!, 410, 'wave_closed');
    expect(await t.stored()).toBe(0);
  });
});
