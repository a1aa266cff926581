// Organisation units (enheder): a tree with headcounts. Retiring keeps a unit and its history;
// only a unit nothing refers to may be deleted outright.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { benefits, projects, responses, rollouts, units, waveLinks } from '../../db/schema';
import { notFound } from '../http/errors';
import { fieldError } from './fieldErrors';
import { ancestors, depthFirst, nest, wouldCycle } from './unitTree';

export const unitKinds = ['forvaltning', 'center', 'enhed', 'afdeling'] as const;
export type UnitKind = (typeof unitKinds)[number];
export type UnitRow = typeof units.$inferSelect;

export interface UnitInput {
  name: string;
  kind?: UnitKind;
  parentId?: number | null;
  headcount?: number;
  headcountDate?: string | null;
  externalId?: string | null;
}

// Kept for existing importers (demo seeding, the client's types): rollouts live in ./rollouts.
export { removeRollout, setRollout } from './rollouts';

/** All units, retired ones included (they keep their history), in tree order with depth and path. */
export function listUnits(db: DbLike) {
  return depthFirst(db.select().from(units).all());
}

export const unitTree = nest;

export function getUnitRow(db: DbLike, unitId: number) {
  const row = db.select().from(units).where(eq(units.id, unitId)).get();
  if (!row) throw notFound('Unit');
  return row;
}

/** One unit with what the edit page needs: its children and the projects rolled out to it. */
export function getUnitDetail(db: DbLike, unitId: number) {
  const unit = listUnits(db).find((u) => u.id === unitId);
  if (!unit) throw notFound('Unit');
  const children = db.select({ id: units.id, name: units.name, retiredAt: units.retiredAt }).from(units).where(eq(units.parentId, unitId)).all();
  const projectRollouts = db
    .select({ projectId: rollouts.projectId, projectName: projects.name, goLiveDate: rollouts.goLiveDate })
    .from(rollouts)
    .innerJoin(projects, eq(projects.id, rollouts.projectId))
    .where(eq(rollouts.unitId, unitId))
    .all();
  return { ...unit, children, rollouts: projectRollouts };
}

function parentMap(db: DbLike) {
  return new Map(db.select({ id: units.id, parentId: units.parentId }).from(units).all().map((u) => [u.id, u.parentId]));
}

/** A parent must exist, and an active unit cannot sit below a retired one. */
function checkParent(db: DbLike, parentId: number, childActive: boolean) {
  const parent = db.select().from(units).where(eq(units.id, parentId)).get();
  if (!parent) throw fieldError('unit_unknown', 'parentId', `Unit ${parentId} does not exist`);
  if (parent.retiredAt && childActive) throw fieldError('unit_parent_retired', 'parentId', `"${parent.name}" is retired; choose an active parent`);
}

function checkExternalId(db: DbLike, externalId: string | null | undefined, unitId?: number) {
  if (!externalId) return;
  const other = db.select({ id: units.id, name: units.name }).from(units).where(eq(units.externalId, externalId)).get();
  if (other && other.id !== unitId) throw fieldError('external_id_taken', 'externalId', `"${other.name}" already has the id ${externalId}`, 409);
}

export function createUnit(db: Db, input: UnitInput) {
  return db.transaction((tx) => {
    if (input.parentId != null) checkParent(tx, input.parentId, true);
    checkExternalId(tx, input.externalId);
    return tx.insert(units).values({ ...input, externalId: input.externalId || null }).returning().get();
  });
}

/** Rename, new headcount or kind, or a move (parentId); a move that makes a unit its own ancestor is refused. */
export function updateUnit(db: Db, unitId: number, input: Partial<UnitInput>) {
  return db.transaction((tx) => {
    const current = getUnitRow(tx, unitId);
    if (input.parentId != null) {
      checkParent(tx, input.parentId, !current.retiredAt);
      if (wouldCycle(parentMap(tx), unitId, input.parentId)) {
        throw fieldError('unit_cycle', 'parentId', `"${current.name}" cannot be moved below itself or one of its own sub-units`);
      }
    }
    checkExternalId(tx, input.externalId, unitId);
    const values = input.externalId === undefined ? input : { ...input, externalId: input.externalId || null };
    if (Object.keys(values).length === 0) return current;
    return tx.update(units).set(values).where(eq(units.id, unitId)).returning().get();
  });
}

function activeDescendants(db: DbLike, unitId: number) {
  const all = db.select({ id: units.id, name: units.name, parentId: units.parentId, retiredAt: units.retiredAt }).from(units).all();
  const parents = new Map(all.map((u) => [u.id, u.parentId]));
  return all.filter((u) => !u.retiredAt && u.id !== unitId && ancestors(parents, u.id).includes(unitId));
}

/**
 * Retires a unit; it keeps its rollouts, links and answers but gets no new rollouts or waves.
 * Active sub-units must be retired first, or together with it when `withDescendants` is set.
 */
export function retireUnit(db: Db, unitId: number, options: { withDescendants?: boolean } = {}) {
  return db.transaction((tx) => {
    const unit = getUnitRow(tx, unitId);
    if (unit.retiredAt) return { unit, retiredIds: [] as number[] };
    const below = activeDescendants(tx, unitId);
    if (below.length && !options.withDescendants) {
      throw fieldError('unit_has_active_children', 'children', `"${unit.name}" has active sub-units; retire or move them first`, 409, {
        units: below.map((u) => ({ id: u.id, name: u.name })),
      });
    }
    const retiredAt = new Date().toISOString();
    const ids = [unitId, ...below.map((u) => u.id)];
    tx.update(units).set({ retiredAt }).where(inArray(units.id, ids)).run();
    return { unit: getUnitRow(tx, unitId), retiredIds: ids };
  });
}

/** Makes a retired unit active again; its parent has to be active first. */
export function restoreUnit(db: Db, unitId: number) {
  return db.transaction((tx) => {
    const unit = getUnitRow(tx, unitId);
    if (!unit.retiredAt) return unit;
    if (unit.parentId !== null) {
      const parent = getUnitRow(tx, unit.parentId);
      if (parent.retiredAt) throw fieldError('unit_parent_retired', 'parentId', `Restore "${parent.name}" first, or move this unit`, 409);
    }
    return tx.update(units).set({ retiredAt: null }).where(eq(units.id, unitId)).returning().get();
  });
}

/** Deletes a unit created by mistake. Anything with history or sub-units has to be retired instead. */
export function deleteUnit(db: Db, unitId: number) {
  db.transaction((tx) => {
    const unit = getUnitRow(tx, unitId);
    const uses: string[] = [];
    if (tx.select({ id: units.id }).from(units).where(eq(units.parentId, unitId)).get()) uses.push('children');
    if (tx.select({ u: rollouts.unitId }).from(rollouts).where(eq(rollouts.unitId, unitId)).get()) uses.push('rollouts');
    if (tx.select({ id: waveLinks.id }).from(waveLinks).where(eq(waveLinks.unitId, unitId)).get()) uses.push('waves');
    if (tx.select({ id: responses.id }).from(responses).where(eq(responses.unitId, unitId)).get()) uses.push('responses');
    if (tx.select({ id: benefits.id }).from(benefits).where(eq(benefits.ownerUnitId, unitId)).get()) uses.push('benefit_owner');
    if (uses.length) {
      throw fieldError('unit_in_use', 'id', `"${unit.name}" is in use (${uses.join(', ')}); retire it instead`, 409, { uses });
    }
    tx.delete(units).where(eq(units.id, unitId)).run();
  });
}

/** Active units only: what may be chosen for new rollouts and waves. */
export function activeUnitIds(db: DbLike, unitIds: number[]) {
  if (!unitIds.length) return [];
  return db
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, unitIds), isNull(units.retiredAt)))
    .all()
    .map((u) => u.id);
}
