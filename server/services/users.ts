// Staff accounts (the secretariat's admins and the managers) and what each manager may see (user_scopes).
// Passwords are hashed with Argon2id before anything is written; a temporary password is handed back once
// and never stored. Rules that need a consistent count (the last admin) run inside one synchronous transaction.
import { randomInt } from 'node:crypto';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { projects, units, userScopes, users } from '../../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import { ApiError, notFound } from '../http/errors';
import type { FieldProblem } from '../http/validate';
import { fieldError } from './fieldErrors';

export const userRoles = ['admin', 'manager'] as const;
export const userLocales = ['da', 'en'] as const;
export type UserRole = (typeof userRoles)[number];
export type UserLocale = (typeof userLocales)[number];

export const MIN_PASSWORD_LENGTH = 10;

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

export interface NewUserInput {
  email: string;
  name: string;
  role: UserRole;
  /** Left out: a temporary password is generated and returned once. */
  password?: string;
}

export interface UserPatch {
  name?: string;
  role?: UserRole;
  locale?: UserLocale;
}

export interface ScopeInput {
  unitIds: number[];
  projectIds: number[];
}

// Lower-case letters and digits without the look-alikes (i l o 0 1), so it can be read aloud or off paper.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A readable random password: three groups of five, e.g. "k7mqe-4hxta-pw9rn" (17 characters, ≈ 74 bits). */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, createdAt: users.createdAt };

function scopesOf(db: DbLike, userIds: number[] | null): Map<number, UserScope[]> {
  const query = db
    .select({ id: userScopes.id, userId: userScopes.userId, unitId: userScopes.unitId, unitName: units.name, projectId: userScopes.projectId, projectName: projects.name })
    .from(userScopes)
    .leftJoin(units, eq(units.id, userScopes.unitId))
    .leftJoin(projects, eq(projects.id, userScopes.projectId));
  const rows = (userIds ? query.where(inArray(userScopes.userId, userIds)) : query).orderBy(asc(userScopes.id)).all();
  const out = new Map<number, UserScope[]>();
  for (const { userId, ...scope } of rows) out.set(userId, [...(out.get(userId) ?? []), scope]);
  return out;
}

/** Every account, by name; never a password hash. */
export function listUsers(db: DbLike): UserView[] {
  const rows = db.select(publicColumns).from(users).orderBy(sql`${users.name} collate nocase`, asc(users.id)).all();
  const scopes = scopesOf(db, null);
  return rows.map((u) => ({ ...u, scopes: scopes.get(u.id) ?? [] }));
}

export function getUser(db: DbLike, userId: number): UserView {
  const row = db.select(publicColumns).from(users).where(eq(users.id, userId)).get();
  if (!row) throw notFound('User');
  return { ...row, scopes: scopesOf(db, [userId]).get(userId) ?? [] };
}

const emailTaken = (email: string) => fieldError('email_taken', 'email', `An account with the e-mail ${email} already exists`, 409);

function findByEmail(db: DbLike, email: string) {
  return db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).get();
}

const isUniqueViolation = (e: unknown) => e instanceof Error && /UNIQUE constraint failed: users\.email/.test(e.message);

/** Creates an account; the e-mail is stored lower-cased. Returns the temporary password when none was given. */
export async function createUser(db: Db, input: NewUserInput): Promise<{ user: UserView; temporaryPassword?: string }> {
  const email = input.email.trim().toLowerCase();
  // Checked before the (slow) hash so a taken e-mail answers at once; the unique index settles any race.
  if (findByEmail(db, email)) throw emailTaken(email);
  const temporaryPassword = input.password === undefined ? generateTemporaryPassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  let id: number;
  try {
    id = db.transaction((tx) => {
      if (findByEmail(tx, email)) throw emailTaken(email);
      return tx.insert(users).values({ email, name: input.name, role: input.role, passwordHash }).returning({ id: users.id }).get().id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken(email);
    throw e;
  }
  return { user: getUser(db, id), ...(temporaryPassword ? { temporaryPassword } : {}) };
}

const adminCount = (db: DbLike) => db.select({ n: count() }).from(users).where(eq(users.role, 'admin')).get()!.n;

function userRow(db: DbLike, userId: number) {
  const row = db.select().from(users).where(eq(users.id, userId)).get();
  if (!row) throw notFound('User');
  return row;
}

/** Name, role or language. The last admin cannot be made a manager: someone must be able to manage accounts. */
export function updateUser(db: Db, userId: number, patch: UserPatch): UserView {
  return db.transaction((tx) => {
    const current = userRow(tx, userId);
    if (patch.role === 'manager' && current.role === 'admin' && adminCount(tx) <= 1) {
      throw fieldError('last_admin', 'role', 'This is the last account with the admin role; make another account admin first', 409);
    }
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(values).length) tx.update(users).set(values).where(eq(users.id, userId)).run();
    return getUser(tx, userId);
  });
}

/** Deletes an account; its sessions and scopes go with it (foreign keys cascade). */
export function deleteUser(db: Db, userId: number, actorId: number): void {
  db.transaction((tx) => {
    if (userId === actorId) throw new ApiError(409, 'cannot_delete_self', 'You cannot delete your own account');
    const row = userRow(tx, userId);
    if (row.role === 'admin' && adminCount(tx) <= 1) {
      throw new ApiError(409, 'last_admin', 'This is the last account with the admin role; make another account admin first');
    }
    tx.delete(users).where(eq(users.id, userId)).run();
  });
}

/** Sets a new temporary password and ends every session of the account. Returns the password (once). */
export async function resetPassword(db: Db, userId: number): Promise<string> {
  userRow(db, userId);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  db.transaction((tx) => {
    userRow(tx, userId); // deleted while hashing
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    endUserSessions(tx, userId);
  });
  return temporaryPassword;
}

/** A logged-in user's own change: the current password must match; every other session of theirs ends. */
export async function changeOwnPassword(db: Db, userId: number, currentPassword: string, newPassword: string, keepToken?: string): Promise<void> {
  const row = userRow(db, userId);
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw fieldError('wrong_password', 'currentPassword', 'The current password is wrong');
  }
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    // Another change in the meantime (a reset, a parallel change) wins: nothing is overwritten.
    const now = userRow(tx, userId);
    if (now.passwordHash !== row.passwordHash) throw fieldError('wrong_password', 'currentPassword', 'The password was changed in the meantime');
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    endUserSessions(tx, userId, { keepToken });
  });
}

/**
 * Replaces what an account may see with the given units (each with its subtree) and projects, all at once.
 * Unknown ids are refused with one problem per id (path "unitIds.2"); nothing changes then.
 * Only managers are narrowed by scopes, but they are kept for any role (a later demotion keeps them).
 */
export function setScopes(db: Db, userId: number, input: ScopeInput): UserView {
  return db.transaction((tx) => {
    userRow(tx, userId);
    const unitIds = [...new Set(input.unitIds)];
    const projectIds = [...new Set(input.projectIds)];
    const knownUnits = new Set(unitIds.length ? tx.select({ id: units.id }).from(units).where(inArray(units.id, unitIds)).all().map((r) => r.id) : []);
    const knownProjects = new Set(projectIds.length ? tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, projectIds)).all().map((r) => r.id) : []);
    const problems: FieldProblem[] = [
      ...input.unitIds.flatMap((id, i) => (knownUnits.has(id) ? [] : [{ path: `unitIds.${i}`, code: 'unit_unknown', message: `Unit ${id} does not exist` }])),
      ...input.projectIds.flatMap((id, i) => (knownProjects.has(id) ? [] : [{ path: `projectIds.${i}`, code: 'project_unknown', message: `Project ${id} does not exist` }])),
    ];
    if (problems.length) throw new ApiError(400, 'unknown_scope', 'Some of the units or projects do not exist', problems);
    tx.delete(userScopes).where(eq(userScopes.userId, userId)).run();
    const rows = [...unitIds.map((unitId) => ({ userId, unitId })), ...projectIds.map((projectId) => ({ userId, projectId }))];
    if (rows.length) tx.insert(userScopes).values(rows).run();
    return getUser(tx, userId);
  });
}
