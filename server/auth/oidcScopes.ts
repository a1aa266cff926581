// The units a manager reads, from the identity provider's groups (optional: OIDC_SCOPE_GROUPS or the tenant's
// "scopeGroups"). Each mapped group names units by their id from the HR system (units.externalId, as the CSV
// import keeps it). At every sign-in of a manager the unit scopes become exactly the units their groups map to —
// the provider decides, as it does for the role; project scopes set in Gevinstspor stay as they are. Ids that
// name no unit are left out.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { units, userScopes, users } from '../../db/schema';
import type { OidcConfig, OidcRole } from './oidcConfig';

/** The external unit ids the groups map to. */
export function mappedUnitIds(oidc: OidcConfig, groups: readonly string[]): string[] {
  const map = oidc.scopeGroups ?? {};
  return [...new Set(groups.flatMap((g) => (Object.hasOwn(map, g) ? map[g] : [])))];
}

/** Sets a manager's unit scopes from their groups; true when they changed (the account then has a new version). */
export async function applyScopeGroups(db: Db, oidc: OidcConfig, userId: number, role: OidcRole, groups: readonly string[]): Promise<boolean> {
  if (!oidc.scopeGroups || role !== 'manager') return false;
  const external = mappedUnitIds(oidc, groups);
  const wanted = external.length ? (await db.select({ id: units.id }).from(units).where(inArray(units.externalId, external))).map((u) => u.id) : [];
  const held = (await db.select({ unitId: userScopes.unitId }).from(userScopes).where(and(eq(userScopes.userId, userId), isNotNull(userScopes.unitId)))).map((s) => s.unitId!);
  const same = wanted.length === new Set(held).size && wanted.every((id) => held.includes(id));
  if (same) return false;
  await db.delete(userScopes).where(and(eq(userScopes.userId, userId), isNotNull(userScopes.unitId)));
  if (wanted.length) await db.insert(userScopes).values(wanted.map((unitId) => ({ userId, unitId })));
  await db.update(users).set({ version: sql`${users.version} + 1` }).where(eq(users.id, userId));
  return true;
}
