// Writes that a browser could be tricked into sending from another site, bodies that are not what they claim,
// and fields the API does not know: refused with our error shape, and nothing stored.
import { describe, expect, it } from 'vitest';
import { expectError, testApp } from '../support/api';

async function withProject() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Hærdning' })).body.project;
  return { ...t, project };
}

/** A request carrying the admin's session cookie, with headers of our choosing. */
async function raw(t: Awaited<ReturnType<typeof withProject>>, method: string, path: string, headers: Record<string, string>, body?: string) {
  const login = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email: 'admin@test.dk', password: 'admin-pass-1' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const res = await t.app.request(path, { method, headers: { cookie, ...headers }, body });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('writes from another site', () => {
  it('refuses a cross-site JSON write, whatever the content type, and stores nothing', async () => {
    const t = await withProject();
    const path = `/api/projects/${t.project.id}`;
    const crossSite: Record<string, string>[] = [
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSite) {
      expectError(await raw(t, 'PATCH', path, headers, JSON.stringify({ name: 'Overtaget' })), 403, 'forbidden_origin');
    }
    expectError(await raw(t, 'POST', '/api/units/import/commit', { 'content-type': 'text/csv', origin: 'https://evil.example' }, 'id;navn\nX1;EVIL'), 403, 'forbidden_origin');
    expect((await t.get(path)).body.project.name).toBe('Hærdning');
    expect((await t.get('/api/units')).body.units).toEqual([]);
  });

  it('lets our own pages and scripts without a browser write', async () => {
    const t = await withProject();
    const path = `/api/projects/${t.project.id}`;
    expect((await raw(t, 'PATCH', path, { 'content-type': 'application/json', origin: 'http://localhost' }, JSON.stringify({ name: 'Egen side' }))).status).toBe(200);
    expect((await raw(t, 'PATCH', path, { 'content-type': 'application/json' }, JSON.stringify({ name: 'Script' }))).status).toBe(200);
    expect((await t.get(path)).body.project.name).toBe('Script');
  });
});

describe('bodies the API does not understand', () => {
  it('answers 415 to a JSON route given another content type, instead of quietly doing nothing', async () => {
    const t = await withProject();
    const path = `/api/projects/${t.project.id}`;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', ...(type ? { 'content-type': type } : {}) };
      expectError(await raw(t, 'PATCH', path, headers, JSON.stringify({ name: 'X' })), 415, 'unsupported_media_type');
    }
    expect((await raw(t, 'PATCH', path, { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ name: 'Y' }))).status).toBe(200);
  });

  it('refuses unknown fields, so a typo or a smuggled id is never silently dropped', async () => {
    const t = await withProject();
    for (const body of [{ name: 'Ny', id: 999 }, { name: 'Ny', archivedAt: '2020-01-01' }, { name: 'Ny', stauts: 'udrulning' }]) {
      const res = await t.post('/api/projects', body);
      expectError(res, 400, 'invalid_input');
      expect(res.body.error.details[0].code).toBe('unrecognized_keys');
    }
    expectError(await t.patch(`/api/projects/${t.project.id}`, { nmae: 'Tastefejl' }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/behaviours`, { title: 'Læser selv', isPrimray: true }), 400, 'invalid_input');
    expect((await t.get('/api/projects')).body.projects.map((p: { name: string }) => p.name)).toEqual(['Hærdning']);
  });

  it('calls a unit that does not exist "not in the project", not "retired"', async () => {
    const t = await withProject();
    expectError(await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Måling', phase: 'baseline', unitIds: [99999] }), 400, 'unit_not_in_project');
  });
});
