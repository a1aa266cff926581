// The API described as OpenAPI 3.1, from the same zod schemas that validate each request (validate()), the access
// declared on each route (access()) and the route summaries (describeRoute). Served as /api/openapi.json for a
// municipality's BI team, and as a plain reference page at /api/docs that needs no script from elsewhere.
import { Hono } from 'hono';
import { describeRoute, generateSpecs, resolver } from 'hono-openapi';
import type { z } from 'zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import { access, type AccessLevel } from './access';
import type { AppEnv } from './env';

const accessWords: Record<AccessLevel, string> = {
  public: 'Anyone, no login.',
  user: 'Any logged-in account; results are limited to what the account may see.',
  admin: 'The secretariat (admin role) only.',
  projectReader: 'Anyone who may read the project (admins, and managers granted the project or one of its units); others get 404.',
  projectAdmin: 'The secretariat, on a project it can read.',
};

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Groups operations by resource: /projects/{projectId}/waves → waves, /units/import/preview → units. */
const PROJECT_ACTIONS = new Set(['archive', 'restore', 'order', 'benefits-map', 'timeline']);
const tagOf = (path: string) => {
  const parts = path.split('/').filter((p) => p && !p.startsWith('{'));
  if (parts[0] === 's') return 'staff survey';
  if (parts[0] === 'projects' && parts[1] && !PROJECT_ACTIONS.has(parts[1])) return parts[1] === 'survey-versions' ? 'survey' : parts[1];
  return parts[0] ?? 'other';
};

type Document = OpenAPIV3_1.Document;

/** Every error answer: { error: { code, message, details? } }. */
const errorResponse = (description: string): OpenAPIV3_1.ResponseObject => ({
  description,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
          },
        },
      },
    },
  },
});

async function buildDocument(api: Hono<AppEnv>): Promise<Document> {
  const doc = (await generateSpecs(api, {
    documentation: {
      info: {
        title: 'Gevinstspor API',
        version: '1',
        description:
          'Every screen of Gevinstspor is built on this JSON API, and a municipality can build its own reports on it. ' +
          'Log in with POST /auth/login; the session cookie (gs_session) authorises later calls. Writes must come from the ' +
          'same origin (a browser on Gevinstspor\'s own pages, or Sec-Fetch-Site: same-origin). Errors are always ' +
          '{ "error": { "code", "message", "details"? } }. Numbers about answers are suppressed on the server below the ' +
          'anonymity threshold; a hidden value is null.',
      },
      servers: [{ url: '/api' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gs_session' } } },
    },
    exclude: ['/openapi.json', '/docs'],
    defaultValidationErrorResponse: errorResponse('Invalid input: details[] lists each field (path, code, message)'),
  })) as Document;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const op = item?.[method] as (OpenAPIV3_1.OperationObject & { 'x-access'?: AccessLevel }) | undefined;
      if (!op) continue;
      op.tags = [tagOf(path)];
      const level = op['x-access'];
      if (!level) continue;
      op.description = [op.description, `Access: ${accessWords[level]}`].filter(Boolean).join('\n\n');
      const refusals: Record<string, string> = {
        ...(level !== 'public' && { 401: 'Not logged in (unauthenticated)' }),
        ...((level === 'admin' || level === 'projectAdmin') && { 403: 'Logged in, but not the secretariat (forbidden)' }),
        ...((level === 'projectReader' || level === 'projectAdmin') && { 404: 'No such project, or not one this account may read (not_found)' }),
      };
      op.responses = { ...Object.fromEntries(Object.entries(refusals).map(([code, text]) => [code, errorResponse(text)])), ...op.responses };
      if (!Object.keys(op.responses).some((code) => code.startsWith('2'))) op.responses['200'] = { description: 'OK' };
    }
  }
  return doc;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const json = (v: unknown) => `<pre>${escapeHtml(JSON.stringify(v, null, 2))}</pre>`;

/** A readable, self-contained page: operations grouped by resource with parameters, bodies and responses. */
export function referencePage(doc: Document): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const op = item?.[method] as OpenAPIV3_1.OperationObject | undefined;
      if (!op) continue;
      const params = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
      const body = (op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.['application/json']?.schema;
      const ok = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith('2'));
      const okSchema = (ok?.[1] as OpenAPIV3_1.ResponseObject | undefined)?.content?.['application/json']?.schema;
      const html = [
        `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>`,
        op.summary ? `<p>${escapeHtml(op.summary)}</p>` : '',
        op.description ? `<p class="access">${escapeHtml(op.description)}</p>` : '',
        params.length
          ? `<table><caption>Parameters</caption><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">schema</th></tr>${params
              .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' (required)' : ''}</td><td>${p.in}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`)
              .join('')}</table>`
          : '',
        body ? `<details><summary>Request body</summary>${json(body)}</details>` : '',
        okSchema ? `<details><summary>Response ${ok![0]}</summary>${json(okSchema)}</details>` : '',
        '</section>',
      ];
      byTag.set(tagOf(path), [...(byTag.get(tagOf(path)) ?? []), html.join('')]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} — reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}code,pre{font-family:ui-monospace,monospace}
pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:14px}.op{border-top:1px solid #ccc;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;font-size:14px;padding:0 .3rem;border-radius:3px;color:#fff;background:#333}
.get{background:#1b5e20}.post{background:#0d47a1}.put,.patch{background:#6a1b9a}.delete{background:#b71c1c}.access{color:#444}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}
a{color:#0b57d0}</style></head><body><main><h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}); paths below are relative to <code>/api</code>.</p>
<nav aria-label="Resources"><ul>${tags.map((t) => `<li><a href="#${encodeURIComponent(t)}">${escapeHtml(t)}</a></li>`).join('')}</ul></nav>
${tags.map((t) => `<h2 id="${encodeURIComponent(t)}">${escapeHtml(t)}</h2>${byTag.get(t)!.join('')}`).join('')}</main></body></html>`;
}

/** GET /openapi.json and GET /docs for the given API; the document is built once, on first request. */
export function apiDocs(api: Hono<AppEnv>) {
  let doc: Promise<Document> | undefined;
  const load = () => (doc ??= buildDocument(api));
  return new Hono<AppEnv>()
    .get('/openapi.json', access('public'), async (c) => c.json(await load()))
    .get('/docs', access('public'), async (c) => c.html(referencePage(await load())));
}

/** One line saying what a route does, for the OpenAPI document: `.get('/x', access('admin'), summary('…'), …)`. */
export const summary = (text: string) => describeRoute({ summary: text });

/** `.get('/x', access('user'), documented('…', 'What the 200 answer holds', schema), …)` instead of summary(). */
export const documented = (summary: string, description: string, schema: z.ZodType) =>
  describeRoute({ summary, responses: { 200: { description, content: { 'application/json': { schema: resolver(schema) } } } } });
