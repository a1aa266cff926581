// The municipality's settings: name and logo for the posters. Only a PNG or JPEG logo, checked by its bytes and
// size, is stored; an SVG (which can carry script) never is; a refused request stores nothing.
import { describe, expect, it } from 'vitest';
import { settings } from '../../db/schema';
import { MAX_LOGO_BYTES } from '../../server/contract/settings';
import { MANAGER, clientFor, expectError, testApp } from '../support/api';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size = 64) => Buffer.from([...PNG_SIGNATURE, ...new Array(size - 8).fill(7)]);
const jpeg = (size = 64) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(size - 4).fill(7)]);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

async function setUp() {
  const t = await testApp();
  await t.login();
  return t;
}

describe('municipality settings', () => {
  it('start empty, and anyone may read them', async () => {
    const t = await setUp();
    const res = await clientFor(t.app).get('/api/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ settings: { municipalityName: '', logo: null } });
  });

  it('an admin sets the name and a PNG or JPEG logo; a left-out field is kept, null removes the logo', async () => {
    const t = await setUp();
    const logo = dataUrl('image/png', png());
    const saved = await t.put('/api/settings', { municipalityName: '  Testrup Kommune ', logo });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toEqual({ municipalityName: 'Testrup Kommune', logo });
    expect((await t.get('/api/settings')).body.settings).toEqual({ municipalityName: 'Testrup Kommune', logo });
    const jpg = dataUrl('image/jpeg', jpeg());
    expect((await t.put('/api/settings', { logo: jpg })).body.settings).toEqual({ municipalityName: 'Testrup Kommune', logo: jpg });
    expect((await t.put('/api/settings', { municipalityName: 'Andrup Kommune' })).body.settings.logo).toBe(jpg);
    expect((await t.put('/api/settings', { logo: null })).body.settings).toEqual({ municipalityName: 'Andrup Kommune', logo: null });
    expect((await t.put('/api/settings', { municipalityName: '' })).body.settings.municipalityName).toBe('');
    expect(await t.db.select().from(settings)).toEqual([]);
  });

  it('a logo of the largest size is accepted', async () => {
    const t = await setUp();
    expect((await t.put('/api/settings', { logo: dataUrl('image/png', png(MAX_LOGO_BYTES)) })).status).toBe(200);
  });

  describe('refuses, storing nothing', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';
    const cases: [string, unknown, string][] = [
      ['an SVG', dataUrl('image/svg+xml', Buffer.from(svg)), 'logo_type'],
      ['an SVG claiming to be a PNG', dataUrl('image/png', Buffer.from(svg)), 'logo_not_image'],
      ['a GIF', dataUrl('image/gif', Buffer.from('GIF89a\x01\x00\x01\x00')), 'logo_type'],
      ['a JPEG claiming to be a PNG', dataUrl('image/png', jpeg()), 'logo_not_image'],
      ['a PNG claiming to be a JPEG', dataUrl('image/jpeg', png()), 'logo_not_image'],
      ['only the signature', dataUrl('image/png', Buffer.from(PNG_SIGNATURE)), 'logo_not_image'],
      ['a logo over the size limit', dataUrl('image/png', png(MAX_LOGO_BYTES + 1)), 'logo_too_large'],
      ['a link instead of a data: URL', 'https://example.com/logo.png', 'logo_not_data_url'],
      ['a data: URL that is not base64', 'data:image/png,%89PNG', 'logo_not_data_url'],
      ['a far too long value', 'data:image/png;base64,' + 'A'.repeat(400_000), 'invalid_input'],
      ['not a string', 42, 'invalid_input'],
    ];
    for (const [what, logo, code] of cases) {
      it(what, async () => {
        const t = await setUp();
        const res = await t.put('/api/settings', { municipalityName: 'Testrup Kommune', logo });
        expectError(res, 400, code);
        if (code.startsWith('logo_')) expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'logo', code })]);
        expect(await t.db.select().from(settings)).toEqual([]);
      });
    }

    it('an unknown field, a name too long, a body that is not JSON', async () => {
      const t = await setUp();
      expectError(await t.put('/api/settings', { municipalityName: 'X', colour: 'red' }), 400, 'invalid_input');
      expectError(await t.put('/api/settings', { municipalityName: 'x'.repeat(201) }), 400, 'invalid_input');
      const raw = await t.app.request('/api/settings', { method: 'PUT', headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'same-origin' }, body: 'name' });
      expect(raw.status).toBeGreaterThanOrEqual(400);
      expect(await t.db.select().from(settings)).toEqual([]);
    });

    it('a manager (403) and anonymous callers (401)', async () => {
      const t = await setUp();
      const manager = clientFor(t.app);
      await manager.login(MANAGER);
      expectError(await manager.put('/api/settings', { municipalityName: 'X' }), 403);
      expectError(await clientFor(t.app).put('/api/settings', { municipalityName: 'X' }), 401);
      expect(await t.db.select().from(settings)).toEqual([]);
    });
  });
});
