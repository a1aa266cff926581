// The OpenAPI document is how a municipality's BI team finds the API: it must list every route the app serves,
// with the access each declares and the request schemas that really validate.
import { describe, expect, it } from 'vitest';
import { routeAccess } from '../../server/http/access';
import { testApp } from '../support/api';

const toOpenApiPath = (path: string) => path.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}');

describe('GET /api/openapi.json', () => {
  it('describes every route with its access, a summary and a tag, without a login', async () => {
    const t = await testApp();
    const res = await t.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    const routes = routeAccess(t.app).filter((r) => !/\/(openapi\.json|docs)$/.test(r.path));
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      const op = doc.paths[toOpenApiPath(r.path)]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op['x-access'], `${r.method} ${r.path}`).toBe(r.level);
      expect(op.summary, `summary of ${r.method} ${r.path}`).toMatch(/\w/);
      expect(op.tags?.length).toBe(1);
      if (r.level !== 'public') expect(op.responses['401']).toBeDefined();
    }
  });

  it('gives the request schemas that validate, so a documented body is accepted and an undocumented one refused', async () => {
    const t = await testApp();
    const doc = (await t.get('/api/openapi.json')).body;
    const body = doc.paths['/projects'].post.requestBody.content['application/json'].schema;
    expect(body.required).toContain('name');
    expect(body.properties.status.enum).toEqual(['planlaegning', 'udrulning', 'gevinsthoest', 'afsluttet']);
    await t.login();
    expect((await t.post('/api/projects', { name: 'Fra dokumentationen', status: 'udrulning' })).status).toBe(201);
    expect((await t.post('/api/projects', { name: 'Forkert', status: 'ukendt' })).status).toBe(400);
    const params = doc.paths['/projects/{projectId}/waves'].get.parameters;
    expect(params).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'projectId', required: true })]));
  });

  it('serves a readable reference page', async () => {
    const t = await testApp();
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Gevinstspor API</h1>');
    expect(html).toContain('/projects/{projectId}/report');
    expect(html).toContain('openapi.json');
  });
});
