// Who a sign-in through the identity provider is in Gevinstspor: the account decision, from the ID token's claims.
// The provider's groups decide the role at every sign-in (highest wins); no mapped group means no access, and no
// account is made. Accounts are found by issuer + subject (stable, unlike an e-mail address); see README
// "Log ind med kommunens identitetsudbyder (OIDC)" for why linking by e-mail is off by default.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { roleForGroups, type OidcConfig, type OidcRole } from './oidcConfig';
import { applyScopeGroups } from './oidcScopes';
import { unusablePasswordHash } from './password';
import { endUserSessions } from './sessions';

/** A sign-in the identity provider allowed but Gevinstspor refuses; the code is shown on the login page. */
export class OidcRefusal extends Error {
  constructor(
    readonly code: OidcRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export type OidcRefusalCode =
  | 'oidc_no_role'
  | 'oidc_groups_overage'
  | 'oidc_no_email'
  | 'oidc_email_taken'
  | 'account_disabled';

/** The claims this reads; anything else in the token is ignored. */
export interface OidcClaims {
  iss: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  preferred_username?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  _claim_names?: unknown;
  [claim: string]: unknown;
}

/** users.oidc_subject: the issuer and the subject, which together name one person for good. */
export const subjectOf = (claims: Pick<OidcClaims, 'iss' | 'sub'>) => `${claims.iss} ${claims.sub}`;

const emailSchema = z.string().trim().toLowerCase().email().max(200);

/** A display name from the provider without control, bidi-override or zero-width characters. */
function cleanName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const name = value.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g, '').trim();
  return name ? name.slice(0, 200) : undefined;
}

function groupsOf(oidc: OidcConfig, claims: OidcClaims): string[] {
  const value = claims[oidc.groupsClaim];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return [value];
  // Entra ID leaves out "groups" for a user in too many groups (over 200) and points to Graph instead.
  const overage = claims._claim_names && typeof claims._claim_names === 'object' && oidc.groupsClaim in claims._claim_names;
  if (overage) throw new OidcRefusal('oidc_groups_overage', 'The identity provider did not send the groups (too many); assign the groups to the application');
  return [];
}

function emailOf(claims: OidcClaims): string | undefined {
  for (const candidate of [claims.email, claims.preferred_username]) {
    const parsed = emailSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

export interface OidcSignIn {
  userId: number;
  email: string;
  role: OidcRole;
  created: boolean;
}

/**
 * The account this sign-in opens, made on first sign-in and with its role set from the groups every time (and a
 * manager's unit scopes, when groups are mapped to units: oidcScopes.ts).
 * Refuses (OidcRefusal) a user in no mapped group, ending any sessions a known account still has.
 */
export async function accountForClaims(db: Db, oidc: OidcConfig, claims: OidcClaims): Promise<OidcSignIn> {
  const groups = groupsOf(oidc, claims);
  const signIn = await findOrMakeAccount(db, oidc, claims, groups);
  await applyScopeGroups(db, oidc, signIn.userId, signIn.role, groups);
  return signIn;
}

async function findOrMakeAccount(db: Db, oidc: OidcConfig, claims: OidcClaims, groups: string[]): Promise<OidcSignIn> {
  const subject = subjectOf(claims);
  const role = roleForGroups(oidc, groups);
  const email = emailOf(claims);

  let [account] = await db.select().from(users).where(eq(users.oidcSubject, subject)).limit(1);
  let linking = false;
  if (!account && oidc.linkByEmail && email && claims.email_verified === true) {
    [account] = await db.select().from(users).where(and(eq(users.email, email), isNull(users.oidcSubject))).limit(1);
    linking = account !== undefined;
  }

  if (account) {
    if (account.disabledAt) throw new OidcRefusal('account_disabled', 'This account has been disabled; ask the secretariat');
    if (!role) {
      // Removed from every mapped group at the provider: the access ends now, also in other open sessions.
      await endUserSessions(db, account.id);
      throw new OidcRefusal('oidc_no_role', 'You are in no group that gives access to Gevinstspor');
    }
    // A linked account signs in only through the provider from now on: its old password stops working, so
    // removing the person from the groups cannot be dodged with it.
    if (linking) {
      await db
        .update(users)
        .set({ role, oidcSubject: subject, passwordHash: await unusablePasswordHash(), mustChangePassword: false, version: sql`${users.version} + 1` })
        .where(eq(users.id, account.id));
    } else if (account.role !== role) {
      await db.update(users).set({ role, version: sql`${users.version} + 1` }).where(eq(users.id, account.id));
    }
    return { userId: account.id, email: account.email, role, created: false };
  }

  if (!role) throw new OidcRefusal('oidc_no_role', 'You are in no group that gives access to Gevinstspor');
  if (!email) throw new OidcRefusal('oidc_no_email', 'The identity provider sent no e-mail address for this account');
  const name = cleanName(claims.name) ?? cleanName([claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ')) ?? email;
  // No password: the stored hash matches nothing, until an admin gives the account one.
  const passwordHash = await unusablePasswordHash();
  const [created] = await db.insert(users).values({ email, name, passwordHash, role, oidcSubject: subject, mustChangePassword: false }).onConflictDoNothing().returning({ id: users.id });
  if (created) return { userId: created.id, email, role, created: true };
  // Either the same person signed in twice at once (the other sign-in made the account), or the e-mail is taken.
  const [raced] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.oidcSubject, subject)).limit(1);
  if (raced) return { userId: raced.id, email: raced.email, role, created: false };
  throw new OidcRefusal('oidc_email_taken', 'An account with this e-mail already exists; ask the secretariat to remove it or to link it');
}
