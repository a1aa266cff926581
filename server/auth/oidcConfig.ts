// Configuration of sign-in through the municipality's identity provider (OpenID Connect, e.g. Entra ID): from
// OIDC_* environment variables for one municipality, or from a tenant's "oidc" entry in the tenant file. Off when
// no issuer is set.
import { z } from 'zod';
import { userRoles } from '../../db/schema';

export type OidcRole = (typeof userRoles)[number];

/** Highest first: a user in several mapped groups gets the first role of this list they have a group for. */
export const ROLE_RANK: readonly OidcRole[] = ['admin', 'editor', 'manager'];

const groupList = z.array(z.string().trim().min(1).max(200)).max(100).default([]);

export const roleGroupsSchema = z
  .strictObject({ admin: groupList, editor: groupList, manager: groupList })
  .refine((g) => g.admin.length + g.editor.length + g.manager.length > 0, 'map at least one group to a role, e.g. {"admin":["<group-id>"]}');

/**
 * Optional: the provider's groups → the units a manager reads, by the unit's id from the HR system
 * (units.externalId). Applied at every sign-in of a manager: their unit scopes become exactly the mapped units.
 */
export const scopeGroupsSchema = z.record(z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(100)).min(1).max(500));

/** OIDC_SCOPE_GROUPS="group=externalUnitId,group=externalUnitId,…" (a group may come more than once). */
export const scopeGroupsText = z.string().transform((text, ctx) => {
  const map: Record<string, string[]> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    const group = pair.slice(0, at).trim();
    const unit = pair.slice(at + 1).trim();
    if (at < 1 || !group || !unit) {
      ctx.addIssue({ code: 'custom', message: `"${pair.slice(0, 60)}" is not group=externalUnitId, e.g. OIDC_SCOPE_GROUPS="<group-id>=110,<group-id>=120"` });
      return z.NEVER;
    }
    (map[group] ??= []).push(unit);
  }
  return map;
}).pipe(scopeGroupsSchema);

/** One identity provider, as written in a tenant file (the same fields as the OIDC_* variables). */
export const oidcSettingsSchema = z.strictObject({
  issuer: z.string().url(),
  clientId: z.string().min(1),
  /** Left out for a public client (PKCE only); Entra ID's "Web" platform needs one. */
  clientSecret: z.string().min(1).optional(),
  /** Where the provider sends the browser back; PUBLIC_URL + /api/auth/oidc/callback when left out. */
  redirectUrl: z.string().url().optional(),
  scopes: z
    .string()
    .trim()
    .default('openid profile email')
    .refine((s) => s.split(/\s+/).includes('openid'), 'must include openid'),
  /** The ID token claim listing the user's groups (Entra ID: "groups", object ids). */
  groupsClaim: z.string().min(1).default('groups'),
  roleGroups: roleGroupsSchema,
  scopeGroups: scopeGroupsSchema.optional(),
  /** The button text after "Log ind med"; a translated "kommunens login" when left out. */
  label: z.string().trim().min(1).max(60).optional(),
  /**
   * Link a first sign-in to an existing password account with the same e-mail (only when the token says
   * email_verified: true). Off by default: whoever controls the provider's e-mail claim could take over an account.
   */
  linkByEmail: z.boolean().default(false),
});

export type OidcConfig = z.infer<typeof oidcSettingsSchema>;

const jsonOf = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"admin":["<group-id>"],"manager":["<group-id>"]}' });
      return z.NEVER;
    }
  }).pipe(schema);

const envSchema = z.object({
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: z.string().url().optional(),
  OIDC_SCOPES: z.string().optional(),
  OIDC_GROUPS_CLAIM: z.string().optional(),
  OIDC_ROLE_GROUPS: jsonOf(roleGroupsSchema).optional(),
  OIDC_SCOPE_GROUPS: scopeGroupsText.optional(),
  OIDC_LABEL: z.string().optional(),
  OIDC_LINK_BY_EMAIL: z.enum(['true', 'false']).optional(),
});

/** The OIDC_* variables as problems ("VAR: message") or a config; undefined when OIDC_ISSUER is unset. */
export function readOidcEnv(env: NodeJS.ProcessEnv): { config?: OidcConfig; problems: string[] } {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  if (!e.OIDC_ISSUER) return { problems: [] };
  const problems: string[] = [];
  if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required when OIDC_ISSUER is set');
  if (!e.OIDC_ROLE_GROUPS) problems.push('OIDC_ROLE_GROUPS: required when OIDC_ISSUER is set (JSON mapping roles to group ids)');
  if (problems.length) return { problems };
  const settings = oidcSettingsSchema.safeParse({
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    redirectUrl: e.OIDC_REDIRECT_URL,
    scopes: e.OIDC_SCOPES || undefined,
    groupsClaim: e.OIDC_GROUPS_CLAIM || undefined,
    roleGroups: e.OIDC_ROLE_GROUPS,
    scopeGroups: e.OIDC_SCOPE_GROUPS && Object.keys(e.OIDC_SCOPE_GROUPS).length ? e.OIDC_SCOPE_GROUPS : undefined,
    label: e.OIDC_LABEL || undefined,
    linkByEmail: e.OIDC_LINK_BY_EMAIL === 'true',
  });
  if (!settings.success) return { problems: settings.error.issues.map((i) => `OIDC (${i.path.join('.')}): ${i.message}`) };
  return { config: settings.data, problems: [] };
}

/** Where the provider sends the browser back: the configured URL, or this municipality's own address. */
export const redirectUrlOf = (oidc: OidcConfig, publicUrl: string) => oidc.redirectUrl ?? `${publicUrl.replace(/\/$/, '')}/api/auth/oidc/callback`;

/** The highest role any of the user's groups maps to, or undefined when none does. */
export function roleForGroups(oidc: OidcConfig, groups: readonly string[]): OidcRole | undefined {
  const held = new Set(groups);
  return ROLE_RANK.find((role) => oidc.roleGroups[role].some((g) => held.has(g)));
}
