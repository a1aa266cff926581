// Organisation units (enheder): a tree with headcounts. Retiring keeps a unit and its history;
// only a unit nothing refers to may be deleted outright.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { isUniqueViolation, serialize, transaction, type Db, type DbLike } from '../../db/client';
import { benefits, projects, responses, rollouts, units, usageFigures, waveLinks, type unitKinds } from '../../db/schema';
import type { RetireOptions, UnitInput, UnitPatch } from '../contract/units';
import { type Clock, nowIso } from './clock';
import { notFound } from './errors';
import { fieldError } from './fieldErrors';
import { ancestors, depthFirst, nest, wouldCycle } from './unitTree';
import { claimVersion, nextVersion } from './versioned';

export type UnitKind = (typeof unitKinds)[number];
export type UnitRow = typeof units.$inferSelect;

/**
 * Every write that checks the tree before changing it (parents, cycles, active sub-units, external ids) takes
 * this key, so two concurrent edits cannot together break a rule that each one checked alone.
 */
export const UNIT_TREE_LOCK = 'units';

/** All units, retired ones included (they keep their history), in tree order with depth and path. */
export async function listUnits(db: DbLike) {
  return depthFirst(await db.select().from(units).orderBy(asc(units.id)));
}

export const unitTree = nest;

export async function getUnitRow(db: DbLike, unitId: number) {
  const [row] = await db.select().from(units).where(eq(units.id, unitId)).limit(1);
  if (!row) throw notFound('Unit');
  return row;
}

/** One unit with what the edit page needs: its children and the projects rolled out to it. */
export async function getUnitDetail(db: DbLike, unitId: number) {
  const unit = (await listUnits(db)).find((u) => u.id === unitId);
  if (!unit) throw notFound('Unit');
  const children = await db
    .select({ id: units.id, name: units.name, retiredAt: units.retiredAt })
    .from(units)
    .where(eq(units.parentId, unitId))
    .orderBy(asc(units.id));
  const projectRollouts = await db
    .select({ projectId: rollouts.projectId, projectName: projects.name, goLiveDate: rollouts.goLiveDate })
    .from(rollouts)
    .innerJoin(projects, eq(projects.id, rollouts.projectId))
    .where(eq(rollouts.unitId, unitId))
    .orderBy(asc(rollouts.projectId));
  return { ...unit, children, rollouts: projectRollouts };
}

async function parentMap(db: DbLike) {
  const rows = await db.select({ id: units.id, parentId: units.parentId }).from(units);
  return new Map(rows.map((u) => [u.id, u.parentId]));
}

/** A parent must exist, and an active unit cannot sit below a retired one. */
async function checkParent(db: DbLike, parentId: number, childActive: boolean) {
  const [parent] = await db.select().from(units).where(eq(units.id, parentId)).limit(1);
  if (!parent) throw fieldError('unit_unknown', 'parentId', `Unit ${parentId} does not exist`);
  if (parent.retiredAt && childActive) throw fieldError('unit_parent_retired', 'parentId', `"${parent.name}" is retired; choose an active parent`);
}

async function checkExternalId(db: DbLike, externalId: string | null | undefined, unitId?: number) {
  if (!externalId) return;
  const [other] = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.externalId, externalId)).limit(1);
  if (other && other.id !== unitId) throw fieldError('external_id_taken', 'externalId', `"${other.name}" already has the id ${externalId}`, 'conflict');
}

/** An external id taken by a concurrent write (e.g. an import) still answers external_id_taken, not a 500. */
async function externalIdRace<T>(db: Db, externalId: string | null | undefined, unitId: number | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (externalId && isUniqueViolation(e, 'external_id')) await checkExternalId(db, externalId, unitId);
    throw e;
  }
}

export async function createUnit(db: Db, input: UnitInput) {
  return externalIdRace(db, input.externalId, undefined, () =>
    transaction(db, async (tx) => {
      await serialize(tx, UNIT_TREE_LOCK);
      if (input.parentId != null) await checkParent(tx, input.parentId, true);
      await checkExternalId(tx, input.externalId);
      const [row] = await tx.insert(units).values({ ...input, externalId: input.externalId || null }).returning();
      return row;
    }),
  );
}

/** Rename, new headcount or kind, or a move (parentId); a move that makes a unit its own ancestor is refused. */
export async function updateUnit(db: Db, unitId: number, input: UnitPatch) {
  return externalIdRace(db, input.externalId, unitId, () =>
    transaction(db, async (tx) => {
      await serialize(tx, UNIT_TREE_LOCK);
      const { version, ...patch } = input;
      // Only from the version the client started from (versioned.ts); the checks below then read the row it changes.
      await claimVersion(tx, units, unitId, version, { what: 'unit', read: () => getUnitRow(tx, unitId), sent: input });
      const current = await getUnitRow(tx, unitId);
      if (input.parentId != null) {
        await checkParent(tx, input.parentId, !current.retiredAt);
        if (wouldCycle(await parentMap(tx), unitId, input.parentId)) {
          throw fieldError('unit_cycle', 'parentId', `"${current.name}" cannot be moved below itself or one of its own sub-units`);
        }
      }
      await checkExternalId(tx, input.externalId, unitId);
      const values = patch.externalId === undefined ? patch : { ...patch, externalId: patch.externalId || null };
      if (Object.keys(values).length === 0) return current;
      const [row] = await tx.update(units).set(values).where(eq(units.id, unitId)).returning();
      return row;
    }),
  );
}

async function activeDescendants(db: DbLike, unitId: number) {
  const all = await db.select({ id: units.id, name: units.name, parentId: units.parentId, retiredAt: units.retiredAt }).from(units).orderBy(asc(units.id));
  const parents = new Map(all.map((u) => [u.id, u.parentId]));
  return all.filter((u) => !u.retiredAt && u.id !== unitId && ancestors(parents, u.id).includes(unitId));
}

/**
 * Retires a unit; it keeps its rollouts, links and answers but gets no new rollouts or waves.
 * Active sub-units must be retired first, or together with it when `withDescendants` is set.
 */
export async function retireUnit(db: Db, unitId: number, options: RetireOptions, clock: Clock) {
  return transaction(db, async (tx) => {
    await serialize(tx, UNIT_TREE_LOCK);
    const unit = await getUnitRow(tx, unitId);
    if (unit.retiredAt && unit.version === options.version) return { unit, retiredIds: [] as number[] };
    await claimVersion(tx, units, unitId, options.version, { what: 'unit', read: () => getUnitRow(tx, unitId), sent: {} });
    const below = await activeDescendants(tx, unitId);
    if (below.length && !options.withDescendants) {
      throw fieldError('unit_has_active_children', 'children', `"${unit.name}" has active sub-units; retire or move them first`, 'conflict', {
        units: below.map((u) => ({ id: u.id, name: u.name })),
      });
    }
    const retiredAt = nowIso(clock);
    const ids = [unitId, ...below.map((u) => u.id)];
    await tx.update(units).set({ retiredAt }).where(eq(units.id, unitId));
    // Sub-units retired with it change too: each gets a new version.
    if (below.length) await tx.update(units).set({ retiredAt, version: nextVersion(units) }).where(inArray(units.id, below.map((u) => u.id)));
    return { unit: await getUnitRow(tx, unitId), retiredIds: ids };
  });
}

/** Makes a retired unit active again; its parent has to be active first. */
export async function restoreUnit(db: Db, unitId: number, version: number) {
  return transaction(db, async (tx) => {
    await serialize(tx, UNIT_TREE_LOCK);
    const unit = await getUnitRow(tx, unitId);
    if (!unit.retiredAt && unit.version === version) return unit;
    await claimVersion(tx, units, unitId, version, { what: 'unit', read: () => getUnitRow(tx, unitId), sent: {} });
    if (unit.parentId !== null) {
      const parent = await getUnitRow(tx, unit.parentId);
      if (parent.retiredAt) throw fieldError('unit_parent_retired', 'parentId', `Restore "${parent.name}" first, or move this unit`, 'conflict');
    }
    const [row] = await tx.update(units).set({ retiredAt: null }).where(eq(units.id, unitId)).returning();
    return row;
  });
}

/** Deletes a unit created by mistake. Anything with history or sub-units has to be retired instead. */
export async function deleteUnit(db: Db, unitId: number): Promise<void> {
  await transaction(db, async (tx) => {
    await serialize(tx, UNIT_TREE_LOCK);
    const unit = await getUnitRow(tx, unitId);
    const used = async (query: Promise<unknown[]>) => (await query).length > 0;
    const uses: string[] = [];
    if (await used(tx.select({ id: units.id }).from(units).where(eq(units.parentId, unitId)).limit(1))) uses.push('children');
    if (await used(tx.select({ u: rollouts.unitId }).from(rollouts).where(eq(rollouts.unitId, unitId)).limit(1))) uses.push('rollouts');
    if (await used(tx.select({ id: waveLinks.id }).from(waveLinks).where(eq(waveLinks.unitId, unitId)).limit(1))) uses.push('waves');
    if (await used(tx.select({ id: responses.id }).from(responses).where(eq(responses.unitId, unitId)).limit(1))) uses.push('responses');
    if (await used(tx.select({ id: benefits.id }).from(benefits).where(eq(benefits.ownerUnitId, unitId)).limit(1))) uses.push('benefit_owner');
    if (await used(tx.select({ id: usageFigures.id }).from(usageFigures).where(eq(usageFigures.unitId, unitId)).limit(1))) uses.push('usage_figures');
    if (uses.length) {
      throw fieldError('unit_in_use', 'id', `"${unit.name}" is in use (${uses.join(', ')}); retire it instead`, 'conflict', { uses });
    }
    await tx.delete(units).where(eq(units.id, unitId));
  });
}

/** Active units only: what may be chosen for new rollouts and waves. */
export async function activeUnitIds(db: DbLike, unitIds: number[]) {
  if (!unitIds.length) return [];
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, unitIds), isNull(units.retiredAt)))
    .orderBy(asc(units.id));
  return rows.map((u) => u.id);
}
