// Staff accounts (the secretariat's admins and the managers) and what each manager may see (user_scopes).
// Passwords are hashed with Argon2id before anything is written; a temporary password is handed back once
// and never stored (hashing happens outside any transaction). Rules that need a consistent count (the last admin)
// run in a transaction serialised on 'admins', so concurrent requests cannot remove the last admin together.
import { randomInt } from 'node:crypto';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { isUniqueViolation, serialize, transaction, type Db, type DbLike } from '../../db/client';
import { projects, units, userScopes, users, type locales, type userRoles } from '../../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import type { NewUserInput, ScopeInput, UserPatch } from '../contract/users';
import { conflict, invalid, notFound, type FieldProblem } from './errors';
import { fieldError } from './fieldErrors';

export type UserRole = (typeof userRoles)[number];
export type UserLocale = (typeof locales)[number];

export interface UserScope {
  id: number;
  unitId: number | null;
  unitName: string | null;
  projectId: number | null;
  projectName: string | null;
}

export interface UserView {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  locale: UserLocale;
  createdAt: string;
  scopes: UserScope[];
}

// Lower-case letters and digits without the look-alikes (i l o 0 1), so it can be read aloud or off paper.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A readable random password: three groups of five, e.g. "k7mqe-4hxta-pw9rn" (17 characters, ≈ 74 bits). */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, createdAt: users.createdAt };

async function scopesOf(db: DbLike, userIds: number[] | null): Promise<Map<number, UserScope[]>> {
  const query = db
    .select({ id: userScopes.id, userId: userScopes.userId, unitId: userScopes.unitId, unitName: units.name, projectId: userScopes.projectId, projectName: projects.name })
    .from(userScopes)
    .leftJoin(units, eq(units.id, userScopes.unitId))
    .leftJoin(projects, eq(projects.id, userScopes.projectId));
  const rows = await (userIds ? query.where(inArray(userScopes.userId, userIds)) : query).orderBy(asc(userScopes.id));
  const out = new Map<number, UserScope[]>();
  for (const { userId, ...scope } of rows) out.set(userId, [...(out.get(userId) ?? []), scope]);
  return out;
}

/** Every account, by name; never a password hash. */
export async function listUsers(db: DbLike): Promise<UserView[]> {
  const rows = await db.select(publicColumns).from(users).orderBy(sql`lower(${users.name})`, asc(users.id));
  const scopes = await scopesOf(db, null);
  return rows.map((u) => ({ ...u, scopes: scopes.get(u.id) ?? [] }));
}

export async function getUser(db: DbLike, userId: number): Promise<UserView> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw notFound('User');
  return { ...row, scopes: (await scopesOf(db, [userId])).get(userId) ?? [] };
}

const emailTaken = (email: string) => fieldError('email_taken', 'email', `An account with the e-mail ${email} already exists`, 'conflict');

async function findByEmail(db: DbLike, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return row;
}

/** Creates an account; the e-mail is stored lower-cased. Returns the temporary password when none was given. */
export async function createUser(db: Db, input: NewUserInput): Promise<{ user: UserView; temporaryPassword?: string }> {
  const email = input.email.trim().toLowerCase();
  // Checked before the (slow) hash so a taken e-mail answers at once; the unique index settles any race.
  if (await findByEmail(db, email)) throw emailTaken(email);
  const temporaryPassword = input.password === undefined ? generateTemporaryPassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  let id: number;
  try {
    id = await transaction(db, async (tx) => {
      if (await findByEmail(tx, email)) throw emailTaken(email);
      const [created] = await tx.insert(users).values({ email, name: input.name, role: input.role, passwordHash }).returning({ id: users.id });
      return created.id;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'email')) throw emailTaken(email);
    throw e;
  }
  return { user: await getUser(db, id), ...(temporaryPassword ? { temporaryPassword } : {}) };
}

/** Call after serialize(tx, ADMINS_LOCK), so the count cannot change before the caller acts on it. */
async function adminCount(tx: DbLike) {
  const [{ n }] = await tx.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
  return n;
}

const ADMINS_LOCK = 'admins';

async function userRow(db: DbLike, userId: number) {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw notFound('User');
  return row;
}

/** Name, role or language. The last admin cannot be made a manager: someone must be able to manage accounts. */
export async function updateUser(db: Db, userId: number, patch: UserPatch): Promise<UserView> {
  return transaction(db, async (tx) => {
    await serialize(tx, ADMINS_LOCK);
    const current = await userRow(tx, userId);
    if (patch.role === 'manager' && current.role === 'admin' && (await adminCount(tx)) <= 1) {
      throw fieldError('last_admin', 'role', 'This is the last account with the admin role; make another account admin first', 'conflict');
    }
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(values).length) await tx.update(users).set(values).where(eq(users.id, userId));
    return getUser(tx, userId);
  });
}

/** Deletes an account; its sessions and scopes go with it (foreign keys cascade). */
export async function deleteUser(db: Db, userId: number, actorId: number): Promise<void> {
  await transaction(db, async (tx) => {
    if (userId === actorId) throw conflict('cannot_delete_self', 'You cannot delete your own account');
    await serialize(tx, ADMINS_LOCK);
    const row = await userRow(tx, userId);
    if (row.role === 'admin' && (await adminCount(tx)) <= 1) {
      throw conflict('last_admin', 'This is the last account with the admin role; make another account admin first');
    }
    await tx.delete(users).where(eq(users.id, userId));
  });
}

/** Sets a new temporary password and ends every session of the account. Returns the password (once). */
export async function resetPassword(db: Db, userId: number): Promise<string> {
  await userRow(db, userId);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await transaction(db, async (tx) => {
    await userRow(tx, userId); // deleted while hashing
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endUserSessions(tx, userId);
  });
  return temporaryPassword;
}

/** A logged-in user's own change: the current password must match; every other session of theirs ends. */
export async function changeOwnPassword(db: Db, userId: number, currentPassword: string, newPassword: string, keepToken?: string): Promise<void> {
  const row = await userRow(db, userId);
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw fieldError('wrong_password', 'currentPassword', 'The current password is wrong');
  }
  const passwordHash = await hashPassword(newPassword);
  await transaction(db, async (tx) => {
    // Another change in the meantime (a reset, a parallel change) wins: nothing is overwritten. The update is
    // conditional on the old hash so this holds on PostgreSQL too, where the read alone would not block a rival.
    const changed = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, userId), eq(users.passwordHash, row.passwordHash)))
      .returning({ id: users.id });
    if (!changed.length) {
      await userRow(tx, userId);
      throw fieldError('wrong_password', 'currentPassword', 'The password was changed in the meantime');
    }
    await endUserSessions(tx, userId, { keepToken });
  });
}

/**
 * Replaces what an account may see with the given units (each with its subtree) and projects, all at once.
 * Unknown ids are refused with one problem per id (path "unitIds.2"); nothing changes then.
 * Only managers are narrowed by scopes, but they are kept for any role (a later demotion keeps them).
 */
export async function setScopes(db: Db, userId: number, input: ScopeInput): Promise<UserView> {
  return transaction(db, async (tx) => {
    await userRow(tx, userId);
    const unitIds = [...new Set(input.unitIds)];
    const projectIds = [...new Set(input.projectIds)];
    const knownUnits = new Set(unitIds.length ? (await tx.select({ id: units.id }).from(units).where(inArray(units.id, unitIds))).map((r) => r.id) : []);
    const knownProjects = new Set(projectIds.length ? (await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, projectIds))).map((r) => r.id) : []);
    const problems: FieldProblem[] = [
      ...input.unitIds.flatMap((id, i) => (knownUnits.has(id) ? [] : [{ path: `unitIds.${i}`, code: 'unit_unknown', message: `Unit ${id} does not exist` }])),
      ...input.projectIds.flatMap((id, i) => (knownProjects.has(id) ? [] : [{ path: `projectIds.${i}`, code: 'project_unknown', message: `Project ${id} does not exist` }])),
    ];
    if (problems.length) throw invalid('unknown_scope', 'Some of the units or projects do not exist', problems);
    await tx.delete(userScopes).where(eq(userScopes.userId, userId));
    const rows = [...unitIds.map((unitId) => ({ userId, unitId })), ...projectIds.map((projectId) => ({ userId, projectId }))];
    if (rows.length) await tx.insert(userScopes).values(rows);
    return getUser(tx, userId);
  });
}
