// Distributing staff links to frontline staff: short codes (format, uniqueness, typed lookups), revoking and
// replacing a link, QR codes, the posters' data, who may do what, and bad input.
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { responses, waveLinks } from '../../db/schema';
import { SHORT_CODE_ALPHABET, normaliseShortCode } from '../../server/contract/waveLinks';
import { ensureShortCodes, insertLinks, newShortCode } from '../../server/services/shortCodes';
import { answersFor } from '../support/answers';
import { MANAGER, clientFor, expectError, testApp } from '../support/api';

const CODE_SHOWN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

async function setUp(config: Parameters<typeof testApp>[0] = {}) {
  const t = await testApp(config);
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Digital overlevering', purpose: 'Mere tid til beboerne' })).body.project;
  const unitIds: number[] = [];
  for (const [name, headcount] of [['Plejecenter A', 40], ['Køkkenet', 12], ['Rengøring', 9]] as const) {
    const u = (await t.post('/api/units', { name, headcount })).body.unit;
    await t.put(`/api/projects/${project.id}/rollouts/${u.id}`, { goLiveDate: null });
    unitIds.push(u.id);
  }
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser selv status', oldBehaviour: 'Fælles oplæsning' });
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Nulpunktsmåling', phase: 'baseline', closesOn: '2099-03-01' })).body.wave;
  expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
  const links = async () => (await t.get(`/api/waves/${wave.id}/links`)).body.links as { id: number; unitId: number; token: string; url: string; shortCode: string; shortUrl: string; codeUrl: string; kioskUrl: string; revokedAt: string | null }[];
  return { ...t, project, wave, unitIds, links };
}

type SetUp = Awaited<ReturnType<typeof setUp>>;

async function answer(t: SetUp, token: string) {
  const version = (await t.get(`/api/projects/${t.project.id}/survey/preview?phase=baseline`)).body;
  return t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: answersFor(version.itemMap), locale: 'da' });
}

describe('short codes', () => {
  it('are 8 characters of the unambiguous alphabet, random and different', () => {
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const codes = Array.from({ length: 2000 }, newShortCode);
    for (const c of codes) expect(c).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every character of the alphabet turns up: drawn from all of it, not a part.
    expect(new Set(codes.join('')).size).toBe(SHORT_CODE_ALPHABET.length);
  });

  it('accept lower case, spaces and dashes, and nothing that cannot be a code', () => {
    expect(normaliseShortCode('k7qm-4txh')).toBe('K7QM4TXH');
    expect(normaliseShortCode(' K7QM 4TXH ')).toBe('K7QM4TXH');
    expect(normaliseShortCode('k7-qm-4t-xh')).toBe('K7QM4TXH');
    for (const bad of ['K7QM4TX', 'K7QM4TXHH', 'K7QM4TX0', 'O7QM4TXH', 'I7QM4TXH', 'L7QM4TXH', '17QM4TXH', 'K7QM4TX!', '']) expect(normaliseShortCode(bad)).toBeNull();
  });

  it('every link of a new wave has its own code, shown as K7QM-4TXH, with the short address and a kiosk link', async () => {
    const t = await setUp();
    const links = await t.links();
    expect(links).toHaveLength(3);
    for (const l of links) {
      expect(l.shortCode).toMatch(CODE_SHOWN);
      expect(l.shortUrl).toBe('http://test.local/k');
      expect(l.codeUrl).toBe(`http://test.local/k/${l.shortCode.replace('-', '')}`);
      expect(l.url).toBe(`http://test.local/s/${l.token}`);
      expect(l.kioskUrl).toBe(`${l.url}?kiosk=1`);
      expect(l.revokedAt).toBeNull();
    }
    expect(new Set(links.map((l) => l.shortCode)).size).toBe(3);
    // Stored without the dash.
    const stored = await t.db.select({ code: waveLinks.shortCode }).from(waveLinks);
    for (const s of stored) expect(s.code).toMatch(/^[2-9A-Z]{8}$/);
  });

  it('links made before codes existed get one when listed, once, even when listed twice at the same time', async () => {
    const t = await setUp();
    await t.db.update(waveLinks).set({ shortCode: null });
    const [a, b] = await Promise.all([t.links(), t.links()]);
    for (const l of a) expect(l.shortCode).toMatch(CODE_SHOWN);
    expect(b.map((l) => l.shortCode)).toEqual(a.map((l) => l.shortCode));
    expect((await t.links()).map((l) => l.shortCode)).toEqual(a.map((l) => l.shortCode));
  });

  it('a code another link already has is drawn again, when a wave is made and when a code is given later', async () => {
    const t = await setUp();
    const [taken] = await t.links();
    const takenCode = taken.shortCode.replace('-', '');
    const drawsWithClash = () => {
      let first = true;
      return () => (first ? ((first = false), takenCode) : newShortCode());
    };
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Ekstra runde', phase: 'baseline' })).body.wave;
    await t.db.delete(waveLinks).where(eq(waveLinks.waveId, wave.id));
    await insertLinks(t.db, wave.id, t.unitIds, () => randomUUID(), drawsWithClash());
    const made = await t.db.select().from(waveLinks).where(eq(waveLinks.waveId, wave.id));
    expect(made).toHaveLength(3);
    expect(made.map((l) => l.shortCode)).not.toContain(takenCode);
    await t.db.update(waveLinks).set({ shortCode: null }).where(eq(waveLinks.id, made[0].id));
    await ensureShortCodes(t.db, [made[0].id], drawsWithClash());
    const [again] = await t.db.select().from(waveLinks).where(eq(waveLinks.id, made[0].id));
    expect(again.shortCode).toMatch(/^[2-9A-Z]{8}$/);
    expect(again.shortCode).not.toBe(takenCode);
  });

  it('GET /api/k/:code answers the token, however the code was typed, without a login', async () => {
    const t = await setUp();
    const [link] = await t.links();
    const anonymous = clientFor(t.app);
    for (const typed of [link.shortCode, link.shortCode.toLowerCase(), link.shortCode.replace('-', ''), link.shortCode.replace('-', ' ').toLowerCase()]) {
      const res = await anonymous.get(`/api/k/${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(200);
      expect(res.body).toEqual({ token: link.token });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    // The token opens the survey as the QR code would.
    expect((await anonymous.get(`/api/s/${link.token}`)).status).toBe(200);
  });

  it('an unknown code is 404, a malformed one 400, both in our error shape', async () => {
    const t = await setUp();
    const anonymous = clientFor(t.app);
    let unknown = 'ZZZZZZZZ';
    const codes = new Set((await t.links()).map((l) => l.shortCode.replace('-', '')));
    while (codes.has(unknown)) unknown = newShortCode();
    expectError(await anonymous.get(`/api/k/${unknown}`), 404, 'code_unknown');
    expectError(await anonymous.get('/api/k/K7QM0TXH'), 400, 'invalid_input');
    expectError(await anonymous.get('/api/k/short'), 400, 'invalid_input');
    expectError(await anonymous.get(`/api/k/${'A'.repeat(60)}`), 400, 'invalid_input');
  });

  it('misses are rate-limited per client (100 per 10 minutes); finding a code costs nothing', async () => {
    const t = await setUp();
    const anonymous = clientFor(t.app);
    const [link] = await t.links();
    for (let i = 0; i < 150; i++) expect((await anonymous.get(`/api/k/${link.shortCode}`)).status).toBe(200);
    let last = 0;
    for (let i = 0; i < 101; i++) last = (await anonymous.get(`/api/k/ZZZZZZZZ`)).status;
    expect(last).toBe(429);
    const limited = await anonymous.get(`/api/k/${link.shortCode}`);
    expectError(limited, 429, 'too_many_requests');
    expect(limited.headers.get('retry-after')).toBe('600');
  });
});

describe('revoke and replace', () => {
  it('a revoked link answers 410 by URL and by code, keeps its answers, and stays revoked when revoked again', async () => {
    const t = await setUp();
    const [link] = await t.links();
    expect((await answer(t, link.token)).status).toBe(201);
    const res = await t.post(`/api/waves/${t.wave.id}/links/${link.id}/revoke`);
    expect(res.status).toBe(200);
    expect(res.body.link.revokedAt).toEqual(expect.any(String));
    expectError(await t.get(`/api/s/${link.token}`), 410, 'link_revoked');
    expectError(await answer(t, link.token), 410, 'link_revoked');
    expectError(await t.get(`/api/k/${link.shortCode}`), 410, 'link_revoked');
    const again = await t.post(`/api/waves/${t.wave.id}/links/${link.id}/revoke`);
    expect(again.body.link.revokedAt).toBe(res.body.link.revokedAt);
    expect((await t.links()).find((l) => l.id === link.id)!.revokedAt).toBe(res.body.link.revokedAt);
    expect((await t.db.select({ n: count() }).from(responses))[0].n).toBe(1);
    // The other links still work.
    const [, other] = await t.links();
    expect((await t.get(`/api/s/${other.token}`)).status).toBe(200);
  });

  it('a replaced link has a new token and code for the same wave and unit; the old ones stop working, answers stay', async () => {
    const t = await setUp();
    const [link] = await t.links();
    expect((await answer(t, link.token)).status).toBe(201);
    const res = await t.post(`/api/waves/${t.wave.id}/links/${link.id}/replace`);
    expect(res.status).toBe(200);
    const replaced = res.body.link;
    expect(replaced).toMatchObject({ id: link.id, waveId: t.wave.id, unitId: link.unitId, revokedAt: null });
    expect(replaced.token).not.toBe(link.token);
    expect(replaced.shortCode).toMatch(CODE_SHOWN);
    expect(replaced.shortCode).not.toBe(link.shortCode);
    expectError(await t.get(`/api/s/${link.token}`), 404, 'link_unknown');
    expectError(await t.get(`/api/k/${link.shortCode}`), 404, 'code_unknown');
    expect((await t.get(`/api/k/${replaced.shortCode}`)).body).toEqual({ token: replaced.token });
    expect((await answer(t, replaced.token)).status).toBe(201);
    const stored = await t.db.select({ unitId: responses.unitId }).from(responses).where(eq(responses.waveId, t.wave.id));
    expect(stored).toEqual([{ unitId: link.unitId }, { unitId: link.unitId }]);
  });

  it('replacing a revoked link makes it usable again', async () => {
    const t = await setUp();
    const [link] = await t.links();
    await t.post(`/api/waves/${t.wave.id}/links/${link.id}/revoke`);
    const replaced = (await t.post(`/api/waves/${t.wave.id}/links/${link.id}/replace`)).body.link;
    expect(replaced.revokedAt).toBeNull();
    expect((await t.get(`/api/s/${replaced.token}`)).status).toBe(200);
  });

  it('only the secretariat may revoke or replace: 401 anonymous, 404 to a manager not granted the project, nothing changed', async () => {
    const t = await setUp();
    const [link] = await t.links();
    const anonymous = clientFor(t.app);
    const manager = clientFor(t.app);
    await manager.login(MANAGER);
    for (const action of ['revoke', 'replace']) {
      const path = `/api/waves/${t.wave.id}/links/${link.id}/${action}`;
      expectError(await anonymous.post(path), 401);
      // Not granted the project: to them it does not exist.
      expectError(await manager.post(path), 404);
    }
    for (const path of [`/api/waves/${t.wave.id}/links/${link.id}/qr.png`, `/api/waves/${t.wave.id}/posters`]) {
      expectError(await anonymous.get(path), 401);
      expectError(await manager.get(path), 404);
    }
    const [after] = await t.links();
    expect(after).toMatchObject({ token: link.token, shortCode: link.shortCode, revokedAt: null });
  });

  it('bad ids: unknown wave or link, a link of another wave, not a number', async () => {
    const t = await setUp();
    const [link] = await t.links();
    const other = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Ekstra runde', phase: 'baseline' })).body.wave;
    for (const action of ['revoke', 'replace']) {
      expectError(await t.post(`/api/waves/999999/links/${link.id}/${action}`), 404);
      expectError(await t.post(`/api/waves/${t.wave.id}/links/999999/${action}`), 404);
      expectError(await t.post(`/api/waves/${other.id}/links/${link.id}/${action}`), 404);
      expectError(await t.post(`/api/waves/${t.wave.id}/links/abc/${action}`), 400, 'invalid_input');
      expectError(await t.post(`/api/waves/0/links/${link.id}/${action}`), 400, 'invalid_input');
    }
    expectError(await t.get(`/api/waves/${other.id}/links/${link.id}/qr.png`), 404);
    expectError(await t.get('/api/waves/999999/posters'), 404);
    const [after] = await t.links();
    expect(after).toMatchObject({ token: link.token, revokedAt: null });
  });
});

describe('QR codes and posters', () => {
  it('QR codes come as SVG and PNG with their content types', async () => {
    const t = await setUp();
    const [link] = await t.links();
    const svg = await t.get(`/api/waves/${t.wave.id}/links/${link.id}/qr.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(String(svg.body)).toMatch(/^<svg/);
    const png = await t.app.request(`/api/waves/${t.wave.id}/links/${link.id}/qr.png`, { headers: { cookie: await cookieOf(t) } });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // A replaced link's QR code carries the new token.
    await t.post(`/api/waves/${t.wave.id}/links/${link.id}/replace`);
    const svgAfter = await t.get(`/api/waves/${t.wave.id}/links/${link.id}/qr.svg`);
    expect(svgAfter.body).not.toBe(svg.body);
  });

  it('the posters carry the project, close date, threshold, answer time, codes and municipality, without revoked links', async () => {
    const t = await setUp({ anonymityThreshold: 7 });
    await t.put('/api/settings', { municipalityName: 'Testrup Kommune' });
    const [first, second] = await t.links();
    await t.post(`/api/waves/${t.wave.id}/links/${second.id}/revoke`);
    const res = await t.get(`/api/waves/${t.wave.id}/posters`);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.project).toMatchObject({ name: 'Digital overlevering', purpose: 'Mere tid til beboerne' });
    expect(p.wave).toMatchObject({ id: t.wave.id, closesOn: '2099-03-01' });
    expect(p.anonymityThreshold).toBe(7);
    // One item (the behaviour's adoption question) or more, six seconds each: the survey's own estimate.
    expect(p.answerSeconds).toBeGreaterThan(0);
    expect(p.answerSeconds % 6).toBe(0);
    expect(p.municipality).toEqual({ municipalityName: 'Testrup Kommune', logo: null });
    expect(p.links.map((l: { id: number }) => l.id)).not.toContain(second.id);
    expect(p.links.find((l: { id: number }) => l.id === first.id)).toMatchObject({ unitName: expect.any(String), shortCode: first.shortCode, shortUrl: 'http://test.local/k', url: first.url });
    expect(p.links[0]).not.toHaveProperty('token');
  });
});

/** The admin session cookie of t, for raw requests (binary answers). */
async function cookieOf(t: SetUp) {
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ email: 'admin@test.dk', password: 'admin-pass-1' }) });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
