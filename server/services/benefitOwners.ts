// Who may own a benefit (gevinstejer as an account, benefits.owner_user_id): an active account that can read the
// benefit's project. Kept apart from benefitStatus.ts so benefits.ts can check an owner without an import cycle.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { users } from '../../db/schema';
import type { SessionUser } from '../auth/sessions';
import { accessFor, canReadProject } from './access';
import { fieldError } from './fieldErrors';

type Account = { id: number; email: string; name: string; role: SessionUser['role'] };

async function canRead(db: DbLike, account: Account, projectId: number): Promise<boolean> {
  // accessFor reads only the role and id; the rest of a session does not matter here.
  const asSession: SessionUser = { ...account, locale: 'da', mustChangePassword: false, ledProjectIds: [] };
  return canReadProject(await accessFor(db, asSession), projectId);
}

/** Active accounts that can read the project, by name: the choices for a benefit's owner. */
export async function benefitOwnerCandidates(db: DbLike, projectId: number) {
  const rows = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(isNull(users.disabledAt)).orderBy(asc(users.name), asc(users.id));
  const out: Account[] = [];
  for (const row of rows) if (await canRead(db, row, projectId)) out.push(row);
  return out;
}

/** 400 on ownerUserId unless it names an active account that can read the project (null clears the owner). */
export async function checkBenefitOwnerUser(db: DbLike, projectId: number, ownerUserId: number | null | undefined): Promise<void> {
  if (ownerUserId == null) return;
  const [row] = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(and(eq(users.id, ownerUserId), isNull(users.disabledAt))).limit(1);
  if (!row) throw fieldError('owner_user_unknown', 'ownerUserId', `Account ${ownerUserId} does not exist or is disabled`);
  if (!(await canRead(db, row, projectId))) throw fieldError('owner_user_cannot_read', 'ownerUserId', `${row.email} cannot read this project; give the account access to it first`);
}
