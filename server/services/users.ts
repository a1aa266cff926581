// Staff accounts (the secretariat's admins, the project leads (editors) and the managers), what each manager may
// see (user_scopes) and which projects each editor leads (project_editors). A new account gets an invitation link
// (or, if asked, a temporary password that must be changed at first login); a reset likewise. Passwords are hashed
// with Argon2id before anything is written; a temporary password or link is handed back once and never stored
// (hashing happens outside any transaction). A disabled account cannot log in and its sessions end. Rules that need a consistent count (the last admin)
// run in a transaction serialised on 'admins', so concurrent requests cannot remove the last admin together.
import { randomInt } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { isUniqueViolation, serialize, transaction, type Db, type DbLike } from '../../db/client';
import { projectEditors, projects, units, userScopes, users, type locales, type userRoles } from '../../db/schema';
import { hashPassword, unusablePasswordHash, verifyPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import { issueAccountLink, type AccountLink } from './accountTokens';
import type { Clock } from './clock';
import type { NewUserInput, ResetInput, ScopeInput, UserPatch } from '../contract/users';
import { conflict, invalid, notFound, type FieldProblem } from './errors';
import { fieldError } from './fieldErrors';
import { bumpVersions, claimVersion } from './versioned';

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
  /** Optimistic concurrency: an edit names the version it started from (versioned.ts). */
  version: number;
  /** Set while a temporary password is in use: the next login must choose a new one. */
  mustChangePassword: boolean;
  /** When an admin disabled the account; null while it may log in. */
  disabledAt: string | null;
  scopes: UserScope[];
  /** The projects this account leads (edits) when its role is editor. */
  ledProjects: { projectId: number; projectName: string }[];
}

/** Where the account's links are made: the installation's public address and "now". */
export interface LinkContext {
  publicUrl: string;
  clock: Clock;
}

// Lower-case letters and digits without the look-alikes (i l o 0 1), so it can be read aloud or off paper.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A readable random password: three groups of five, e.g. "k7mqe-4hxta-pw9rn" (17 characters, ≈ 74 bits). */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, createdAt: users.createdAt, version: users.version, mustChangePassword: users.mustChangePassword, disabledAt: users.disabledAt };

async function ledProjectsOf(db: DbLike, userIds: number[] | null): Promise<Map<number, UserView['ledProjects']>> {
  const query = db
    .select({ userId: projectEditors.userId, projectId: projectEditors.projectId, projectName: projects.name })
    .from(projectEditors)
    .innerJoin(projects, eq(projects.id, projectEditors.projectId));
  const rows = await (userIds ? query.where(inArray(projectEditors.userId, userIds)) : query).orderBy(asc(projects.name), asc(projects.id));
  const out = new Map<number, UserView['ledProjects']>();
  for (const { userId, ...p } of rows) out.set(userId, [...(out.get(userId) ?? []), p]);
  return out;
}

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
  const led = await ledProjectsOf(db, null);
  return rows.map((u) => ({ ...u, scopes: scopes.get(u.id) ?? [], ledProjects: led.get(u.id) ?? [] }));
}

export async function getUser(db: DbLike, userId: number): Promise<UserView> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw notFound('User');
  return { ...row, scopes: (await scopesOf(db, [userId])).get(userId) ?? [], ledProjects: (await ledProjectsOf(db, [userId])).get(userId) ?? [] };
}

const emailTaken = (email: string) => fieldError('email_taken', 'email', `An account with the e-mail ${email} already exists`, 'conflict');

async function findByEmail(db: DbLike, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return row;
}

/**
 * Creates an account; the e-mail is stored lower-cased. Without a password the admin gets, once, an invitation
 * link (the default) or a temporary password (setup 'temporaryPassword') that must be changed at first login.
 * A password the admin chose is kept as it is (scripted set-ups; the admin hands it over and answers for it).
 */
export async function createUser(db: Db, input: NewUserInput, links: LinkContext): Promise<{ user: UserView; temporaryPassword?: string; link?: AccountLink }> {
  const email = input.email.trim().toLowerCase();
  // Checked before the (slow) hash so a taken e-mail answers at once; the unique index settles any race.
  if (await findByEmail(db, email)) throw emailTaken(email);
  const setup = input.password !== undefined ? 'password' : (input.setup ?? 'invite');
  const temporaryPassword = setup === 'temporaryPassword' ? generateTemporaryPassword() : undefined;
  const passwordHash = setup === 'invite' ? await unusablePasswordHash() : await hashPassword(input.password ?? temporaryPassword!);
  let id: number;
  let link: AccountLink | undefined;
  try {
    id = await transaction(db, async (tx) => {
      if (await findByEmail(tx, email)) throw emailTaken(email);
      const [created] = await tx
        .insert(users)
        .values({ email, name: input.name, role: input.role, passwordHash, mustChangePassword: setup === 'temporaryPassword' })
        .returning({ id: users.id });
      if (setup === 'invite') link = await issueAccountLink(tx, created.id, 'invite', links.publicUrl, links.clock);
      return created.id;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'email')) throw emailTaken(email);
    throw e;
  }
  return { user: await getUser(db, id), ...(temporaryPassword ? { temporaryPassword } : {}), ...(link ? { link } : {}) };
}

/** Admins who can still log in. Call after serialize(tx, ADMINS_LOCK), so the count cannot change before the caller acts on it. */
async function adminCount(tx: DbLike) {
  const [{ n }] = await tx.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
  return n;
}

const ADMINS_LOCK = 'admins';

async function userRow(db: DbLike, userId: number) {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw notFound('User');
  return row;
}

/** Name, role or language. The last admin cannot be made an editor or manager: someone must be able to manage accounts. */
export async function updateUser(db: Db, userId: number, patch: UserPatch): Promise<UserView> {
  return transaction(db, async (tx) => {
    await serialize(tx, ADMINS_LOCK);
    const { version, ...fields } = patch;
    await claimVersion(tx, users, userId, version, { what: 'account', read: () => getUser(tx, userId), sent: patch });
    const current = await userRow(tx, userId);
    if (fields.role && fields.role !== 'admin' && current.role === 'admin' && !current.disabledAt && (await adminCount(tx)) <= 1) {
      throw fieldError('last_admin', 'role', 'This is the last account with the admin role; make another account admin first', 'conflict');
    }
    const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
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
    if (row.role === 'admin' && !row.disabledAt && (await adminCount(tx)) <= 1) {
      throw conflict('last_admin', 'This is the last account with the admin role; make another account admin first');
    }
    await tx.delete(users).where(eq(users.id, userId));
  });
}

/**
 * Resets the password: the old one stops working and every session of the account ends. Returns, once, a reset
 * link (the default) or a temporary password that must be changed at the next login.
 */
export async function resetPassword(db: Db, userId: number, input: ResetInput, links: LinkContext): Promise<{ temporaryPassword: string } | { link: AccountLink }> {
  await userRow(db, userId);
  const method = input.method ?? 'link';
  const temporaryPassword = method === 'temporaryPassword' ? generateTemporaryPassword() : undefined;
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : await unusablePasswordHash();
  return transaction(db, async (tx) => {
    await userRow(tx, userId); // deleted while hashing
    await tx.update(users).set({ passwordHash, mustChangePassword: method === 'temporaryPassword' }).where(eq(users.id, userId));
    await endUserSessions(tx, userId);
    if (temporaryPassword) return { temporaryPassword };
    return { link: await issueAccountLink(tx, userId, 'reset', links.publicUrl, links.clock) };
  });
}

/** A new invitation link for an account (the first one expired or was lost); older invitations stop working. */
export async function inviteAgain(db: Db, userId: number, links: LinkContext): Promise<AccountLink> {
  return transaction(db, async (tx) => {
    await userRow(tx, userId);
    return issueAccountLink(tx, userId, 'invite', links.publicUrl, links.clock);
  });
}

/**
 * Disables an account (it cannot log in, its sessions end, its links stop working) or enables it again. Nobody
 * disables themselves, and the last admin who can log in stays enabled.
 */
export async function setDisabled(db: Db, userId: number, disabled: boolean, actorId: number, clock: Clock): Promise<UserView> {
  return transaction(db, async (tx) => {
    if (disabled && userId === actorId) throw conflict('cannot_disable_self', 'You cannot disable your own account');
    await serialize(tx, ADMINS_LOCK);
    const row = await userRow(tx, userId);
    if (disabled && !row.disabledAt) {
      if (row.role === 'admin' && (await adminCount(tx)) <= 1) throw conflict('last_admin', 'This is the last account with the admin role; make another account admin first');
      await tx.update(users).set({ disabledAt: clock.now().toISOString() }).where(eq(users.id, userId));
      await endUserSessions(tx, userId);
    } else if (!disabled && row.disabledAt) {
      await tx.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
    }
    await bumpVersions(tx, users, [userId]);
    return getUser(tx, userId);
  });
}

/** Ends every session of an account (a lost phone, a shared computer); it can log in again. Returns how many ended. */
export async function endSessionsOf(db: Db, userId: number): Promise<number> {
  await userRow(db, userId);
  return endUserSessions(db, userId);
}

/** A logged-in user's own change: the current password must match; every other session of theirs ends. */
export async function changeOwnPassword(db: Db, userId: number, currentPassword: string, newPassword: string, keepToken?: string): Promise<void> {
  const row = await userRow(db, userId);
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw fieldError('wrong_password', 'currentPassword', 'The current password is wrong');
  }
  // A forced change must actually change it: the temporary password has been seen by someone else.
  if (newPassword === currentPassword) throw fieldError('same_password', 'newPassword', 'Choose a password different from the current one');
  const passwordHash = await hashPassword(newPassword);
  await transaction(db, async (tx) => {
    // Another change in the meantime (a reset, a parallel change) wins: nothing is overwritten. The update is
    // conditional on the old hash so this holds on PostgreSQL too, where the read alone would not block a rival.
    const changed = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
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
 * ledProjectIds, when given, replaces the projects the account leads (used while its role is editor).
 */
export async function setScopes(db: Db, userId: number, input: ScopeInput): Promise<UserView> {
  return transaction(db, async (tx) => {
    await userRow(tx, userId);
    const unitIds = [...new Set(input.unitIds)];
    const projectIds = [...new Set(input.projectIds)];
    const ledIds = input.ledProjectIds ? [...new Set(input.ledProjectIds)] : undefined;
    const askedProjects = [...new Set([...projectIds, ...(ledIds ?? [])])];
    const knownUnits = new Set(unitIds.length ? (await tx.select({ id: units.id }).from(units).where(inArray(units.id, unitIds))).map((r) => r.id) : []);
    const knownProjects = new Set(askedProjects.length ? (await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, askedProjects))).map((r) => r.id) : []);
    const problems: FieldProblem[] = [
      ...input.unitIds.flatMap((id, i) => (knownUnits.has(id) ? [] : [{ path: `unitIds.${i}`, code: 'unit_unknown', message: `Unit ${id} does not exist` }])),
      ...input.projectIds.flatMap((id, i) => (knownProjects.has(id) ? [] : [{ path: `projectIds.${i}`, code: 'project_unknown', message: `Project ${id} does not exist` }])),
      ...(input.ledProjectIds ?? []).flatMap((id, i) => (knownProjects.has(id) ? [] : [{ path: `ledProjectIds.${i}`, code: 'project_unknown', message: `Project ${id} does not exist` }])),
    ];
    if (problems.length) throw invalid('unknown_scope', 'Some of the units or projects do not exist', problems);
    await tx.delete(userScopes).where(eq(userScopes.userId, userId));
    // The scopes are part of the account: a new version for it.
    await bumpVersions(tx, users, [userId]);
    const rows = [...unitIds.map((unitId) => ({ userId, unitId })), ...projectIds.map((projectId) => ({ userId, projectId }))];
    if (rows.length) await tx.insert(userScopes).values(rows);
    if (ledIds) {
      await tx.delete(projectEditors).where(eq(projectEditors.userId, userId));
      if (ledIds.length) await tx.insert(projectEditors).values(ledIds.map((projectId) => ({ projectId, userId })));
    }
    return getUser(tx, userId);
  });
}
