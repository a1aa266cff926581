// Several municipalities on one service: each has its own PostgreSQL database, chosen per request from the host
// name through a small tenant map (TENANTS_FILE). Every tenant gets its own app over its own database, so
// sessions, rate limits and answers can never cross tenants. An unknown host is refused, never defaulted.
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { z } from 'zod';
import { isPostgresUrl } from '../db/client';
import { oidcSettingsSchema } from './auth/oidcConfig';

const tenantSchema = z.object({
  /** Short stable id, used in logs. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1).optional(),
  /** Host names (without port) that serve this municipality. */
  hosts: z.array(z.string().min(1).transform((h) => h.toLowerCase())).min(1),
  databaseUrl: z.string().refine(isPostgresUrl, 'must be a postgres:// URL: tenants share a service, so each needs a PostgreSQL database'),
  /** Base of staff links and QR codes for this municipality; https://<first host> when left out. */
  publicUrl: z.string().url().optional(),
  /** This municipality's own identity provider (OpenID Connect); see README "Log ind med kommunens identitetsudbyder". */
  oidc: oidcSettingsSchema.optional(),
});

export const tenantFileSchema = z
  .object({ tenants: z.array(tenantSchema).min(1) })
  .superRefine(({ tenants }, ctx) => {
    const seen = new Map<string, string>();
    for (const t of tenants) {
      for (const h of t.hosts) {
        if (seen.has(h)) ctx.addIssue({ code: 'custom', message: `host ${h} is listed for both ${seen.get(h)} and ${t.id}` });
        seen.set(h, t.id);
      }
    }
    const urls = new Set(tenants.map((t) => t.databaseUrl));
    if (urls.size !== tenants.length) ctx.addIssue({ code: 'custom', message: 'two tenants share one database' });
  });

export type Tenant = z.infer<typeof tenantSchema>;

export function readTenantFile(path: string): Tenant[] {
  const parsed = tenantFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid tenant file ${path}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data.tenants;
}

export const tenantPublicUrl = (t: Tenant) => (t.publicUrl ?? `https://${t.hosts[0]}`).replace(/\/$/, '');

/** The Host header without its port, lower-cased. */
export const hostName = (host: string | undefined) => (host ?? '').toLowerCase().replace(/:\d+$/, '');

interface Fetchable {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
}

/** Sends each /api request to the app of the tenant its host names; anything else answers 404 unknown_tenant. */
export function dispatchByHost(apps: Map<string, Fetchable>) {
  return new Hono().all('/api/*', (c) => {
    const app = apps.get(hostName(c.req.header('host')));
    if (!app) return c.json({ error: { code: 'unknown_tenant', message: 'This address does not belong to a municipality on this service' } }, 404);
    return app.fetch(c.req.raw, c.env);
  });
}
