// Reporting groups: small units of a project combined under one name, reported together.
//
// A unit is in at most one group per project (unique (project_id, unit_id)), and only a unit of the project
// (rollouts) can be a member. A group's headcount is the sum of its active members that are still in the project;
// a unit taken out of the project drops out of every listing and total here, and is back in its group if it
// returns. The secretariat is warned about every active project unit under the anonymity threshold that is not
// in a group reaching it (smallUnitWarnings), and can store suggested groups with one click (applySuggestedGroups).
// Which group a unit was in when a wave opened is frozen into the wave's links (groupNamesByUnit, called there).
import { and, asc, eq } from 'drizzle-orm';
import { serialize, transaction, type Db, type DbLike } from '../../db/client';
import { projects, reportingGroups, reportingGroupUnits, rollouts, units, waveLinks, waves } from '../../db/schema';
import { DEFAULT_THRESHOLD } from '../analysis/anonymity';
import { GROUP_NAME_MAX, type ReportingGroupInput, type ReportingGroupPatch } from '../contract/reportingGroups';
import { conflict, invalid, notFound } from './errors';
import { fieldError } from './fieldErrors';
import { bumpVersions, claimVersion } from './versioned';

/** The current group name of each grouped unit of a project (frozen into a wave's links when it opens). */
export async function groupNamesByUnit(db: DbLike, projectId: number): Promise<Map<number, string>> {
  const rows = await db
    .select({ unitId: reportingGroupUnits.unitId, name: reportingGroups.name })
    .from(reportingGroupUnits)
    .innerJoin(reportingGroups, eq(reportingGroups.id, reportingGroupUnits.groupId))
    .where(eq(reportingGroupUnits.projectId, projectId));
  return new Map(rows.map((r) => [r.unitId, r.name]));
}

// ---------- shapes ----------

export interface SmallUnitWarning {
  code: 'small_unit';
  unitId: number;
  unitName: string;
  headcount: number;
  /** The group the unit is in when that group is itself under the threshold; null when it is in none. */
  groupName: string | null;
}

interface ProjectUnit {
  unitId: number;
  name: string;
  parentId: number | null;
  headcount: number;
  retired: boolean;
}

export interface GroupMember {
  unitId: number;
  name: string;
  headcount: number;
  retired: boolean;
}

export interface ReportingGroupView {
  id: number;
  name: string;
  createdAt: string;
  /** Optimistic concurrency: a rename or new member list names the version it started from. */
  version: number;
  /** Active members only: a retired unit gets no new links, so it adds nobody to a future wave. */
  totalHeadcount: number;
  reachesThreshold: boolean;
  members: GroupMember[];
}

export interface GroupSuggestion {
  /** The stored group this extends, or null for a new group. */
  groupId: number | null;
  name: string;
  /** Every member after the change, in the order they were added. */
  unitIds: number[];
  /** The units the change adds (all of unitIds for a new group). */
  addUnitIds: number[];
  members: { unitId: number; name: string; headcount: number }[];
  totalHeadcount: number;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'da');
const safeK = (k: number) => (Number.isFinite(k) ? k : DEFAULT_THRESHOLD);
/** Names are unique per project whatever their case; compared here, since SQLite's lower() only knows ASCII. */
const nameKey = (name: string) => name.trim().toLocaleLowerCase('da');
const lockKey = (projectId: number) => `reporting-groups:${projectId}`;

// ---------- reading ----------

async function assertProject(db: DbLike, projectId: number) {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).limit(1);
  if (!row) throw notFound('Project');
}

/** The project's units, its groups with their members (project units only) and every stored membership row. */
async function projectState(db: DbLike, projectId: number) {
  const unitRows = await db
    .select({ unitId: units.id, name: units.name, parentId: units.parentId, headcount: units.headcount, retiredAt: units.retiredAt })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(eq(rollouts.projectId, projectId))
    .orderBy(asc(units.id));
  const projectUnits: ProjectUnit[] = unitRows.map(({ retiredAt, ...u }) => ({ ...u, retired: retiredAt !== null })).sort(byName);
  const unitsById = new Map(projectUnits.map((u) => [u.unitId, u]));
  const groupRows = await db.select().from(reportingGroups).where(eq(reportingGroups.projectId, projectId)).orderBy(asc(reportingGroups.id));
  const memberRows = await db
    .select({ groupId: reportingGroupUnits.groupId, unitId: reportingGroupUnits.unitId })
    .from(reportingGroupUnits)
    .where(eq(reportingGroupUnits.projectId, projectId))
    .orderBy(asc(reportingGroupUnits.groupId), asc(reportingGroupUnits.unitId));
  const groups = groupRows.map((g) => {
    const members = memberRows
      .filter((m) => m.groupId === g.id)
      .map((m) => unitsById.get(m.unitId))
      .filter((u): u is ProjectUnit => !!u)
      .sort(byName);
    const totalHeadcount = members.filter((m) => !m.retired).reduce((sum, m) => sum + m.headcount, 0);
    return { ...g, members, totalHeadcount };
  });
  const groupOfUnit = new Map<number, (typeof groups)[number]>();
  for (const g of groups) for (const m of g.members) groupOfUnit.set(m.unitId, g);
  return { projectUnits, unitsById, groups, groupOfUnit, memberRows };
}

type State = Awaited<ReturnType<typeof projectState>>;

const groupView = (g: State['groups'][number], k: number): ReportingGroupView => ({
  id: g.id,
  name: g.name,
  createdAt: g.createdAt,
  version: g.version,
  totalHeadcount: g.totalHeadcount,
  reachesThreshold: g.totalHeadcount >= k,
  members: g.members.map(({ unitId, name, headcount, retired }) => ({ unitId, name, headcount, retired })),
});

/** The project's groups, oldest first, each with its members (by name) and its headcount. */
export async function listReportingGroups(db: DbLike, projectId: number, threshold: number): Promise<ReportingGroupView[]> {
  await assertProject(db, projectId);
  const state = await projectState(db, projectId);
  return state.groups.map((g) => groupView(g, safeK(threshold)));
}

function warningsOf(state: State, unitIds: readonly number[], threshold: number): SmallUnitWarning[] {
  const k = safeK(threshold);
  const out: SmallUnitWarning[] = [];
  for (const unitId of new Set(unitIds)) {
    const unit = state.unitsById.get(unitId);
    // Not a project unit, or retired (no new links): nothing to warn about.
    if (!unit || unit.retired || unit.headcount >= k) continue;
    const group = state.groupOfUnit.get(unitId);
    if (group && group.totalHeadcount >= k) continue;
    out.push({ code: 'small_unit', unitId, unitName: unit.name, headcount: unit.headcount, groupName: group?.name ?? null });
  }
  return out.sort((a, b) => a.unitName.localeCompare(b.unitName, 'da') || a.unitId - b.unitId);
}

/**
 * The given units of the project whose headcount is under the threshold and that are not in a group reaching it
 * (by name). Units outside the project and retired units are left out.
 */
export async function smallUnitWarnings(db: DbLike, projectId: number, unitIds: readonly number[], threshold: number): Promise<SmallUnitWarning[]> {
  return warningsOf(await projectState(db, projectId), unitIds, threshold);
}

/** smallUnitWarnings over every unit of the project. */
export async function projectWarnings(db: DbLike, projectId: number, threshold: number): Promise<SmallUnitWarning[]> {
  const state = await projectState(db, projectId);
  return warningsOf(state, state.projectUnits.map((u) => u.unitId), threshold);
}

/** smallUnitWarnings over the units that have a link in the wave. */
export async function waveWarnings(db: DbLike, waveId: number, threshold: number): Promise<SmallUnitWarning[]> {
  const [wave] = await db.select({ projectId: waves.projectId }).from(waves).where(eq(waves.id, waveId)).limit(1);
  if (!wave) throw notFound('Wave');
  const links = await db.select({ unitId: waveLinks.unitId }).from(waveLinks).where(eq(waveLinks.waveId, waveId));
  return smallUnitWarnings(db, wave.projectId, links.map((l) => l.unitId), threshold);
}

// ---------- writing ----------

async function getGroupRow(db: DbLike, projectId: number, groupId: number) {
  const [row] = await db
    .select()
    .from(reportingGroups)
    .where(and(eq(reportingGroups.id, groupId), eq(reportingGroups.projectId, projectId)))
    .limit(1);
  if (!row) throw notFound('Reporting group');
  return row;
}

function checkName(state: State, name: string, groupId: number | null) {
  const taken = state.groups.find((g) => g.id !== groupId && nameKey(g.name) === nameKey(name));
  if (taken) throw fieldError('group_name_taken', 'name', `The project already has a reporting group called "${taken.name}"`, 'conflict');
}

/** Every unit is an active unit of the project (a retired one may stay in its own group) and in no other group. */
function checkUnits(state: State, unitIds: readonly number[], groupId: number | null) {
  const outside = unitIds.filter((u) => !state.unitsById.has(u));
  if (outside.length) {
    throw invalid(
      'unit_not_in_project',
      'Every unit must be one of the project\'s units',
      outside.map((unitId) => ({ path: 'unitIds', code: 'unit_not_in_project', message: `Unit ${unitId} is not a unit of the project`, unitId })),
    );
  }
  const ownMembers = new Set(state.memberRows.filter((m) => m.groupId === groupId).map((m) => m.unitId));
  const retired = unitIds.filter((u) => state.unitsById.get(u)!.retired && !ownMembers.has(u));
  if (retired.length) {
    throw invalid(
      'unit_retired',
      'A retired unit cannot join a reporting group',
      retired.map((unitId) => ({ path: 'unitIds', code: 'unit_retired', message: `"${state.unitsById.get(unitId)!.name}" is retired`, unitId })),
    );
  }
  const elsewhere = unitIds.flatMap((unitId) => {
    const row = state.memberRows.find((m) => m.unitId === unitId && m.groupId !== groupId);
    return row ? [{ unitId, group: state.groups.find((g) => g.id === row.groupId)! }] : [];
  });
  if (elsewhere.length) {
    throw conflict(
      'unit_in_other_group',
      'A unit can be in only one reporting group per project',
      elsewhere.map(({ unitId, group }) => ({
        path: 'unitIds',
        code: 'unit_in_other_group',
        message: `"${state.unitsById.get(unitId)!.name}" is already in the reporting group "${group.name}"`,
        unitId,
        groupId: group.id,
        groupName: group.name,
      })),
    );
  }
}

async function insertMembers(tx: Db, projectId: number, groupId: number, unitIds: readonly number[]) {
  if (unitIds.length) await tx.insert(reportingGroupUnits).values(unitIds.map((unitId) => ({ groupId, projectId, unitId })));
}

/** The group as listed, with a warning for each of its small members while the group stays under the threshold. */
async function groupAnswer(db: DbLike, projectId: number, groupId: number, threshold: number) {
  const state = await projectState(db, projectId);
  const group = state.groups.find((g) => g.id === groupId);
  if (!group) throw notFound('Reporting group');
  return { group: groupView(group, safeK(threshold)), warnings: warningsOf(state, group.members.map((m) => m.unitId), threshold) };
}

export async function createReportingGroup(db: Db, projectId: number, input: ReportingGroupInput, threshold: number) {
  const groupId = await transaction(db, async (tx) => {
    await serialize(tx, lockKey(projectId));
    await assertProject(tx, projectId);
    const state = await projectState(tx, projectId);
    checkName(state, input.name, null);
    checkUnits(state, input.unitIds, null);
    const [row] = await tx.insert(reportingGroups).values({ projectId, name: input.name }).returning({ id: reportingGroups.id });
    await insertMembers(tx, projectId, row.id, input.unitIds);
    return row.id;
  });
  return groupAnswer(db, projectId, groupId, threshold);
}

/** A new name and/or a new member list (replacing the old one); an empty change changes nothing. */
export async function updateReportingGroup(db: Db, projectId: number, groupId: number, input: ReportingGroupPatch, threshold: number) {
  await transaction(db, async (tx) => {
    await serialize(tx, lockKey(projectId));
    await getGroupRow(tx, projectId, groupId);
    // Only from the version the client started from; a new member list is part of the group's version too.
    const read = async () => (await groupAnswer(tx, projectId, groupId, threshold)).group;
    await claimVersion(tx, reportingGroups, groupId, input.version, { what: 'reporting group', read, sent: input });
    const state = await projectState(tx, projectId);
    if (input.name !== undefined) {
      checkName(state, input.name, groupId);
      await tx.update(reportingGroups).set({ name: input.name }).where(eq(reportingGroups.id, groupId));
    }
    if (input.unitIds !== undefined) {
      checkUnits(state, input.unitIds, groupId);
      await tx.delete(reportingGroupUnits).where(eq(reportingGroupUnits.groupId, groupId));
      await insertMembers(tx, projectId, groupId, input.unitIds);
    }
  });
  return groupAnswer(db, projectId, groupId, threshold);
}

/** Deletes the group; its units are reported one by one again (waves already opened keep what they froze). */
export async function deleteReportingGroup(db: Db, projectId: number, groupId: number): Promise<void> {
  await transaction(db, async (tx) => {
    await getGroupRow(tx, projectId, groupId);
    await tx.delete(reportingGroupUnits).where(eq(reportingGroupUnits.groupId, groupId));
    await tx.delete(reportingGroups).where(eq(reportingGroups.id, groupId));
  });
}

// ---------- suggestions ----------

interface Cluster {
  groupId: number | null;
  name: string | null;
  /** Member ids in the order they joined. */
  members: number[];
  original: Set<number>;
  total: number;
  exhausted: boolean;
}

/** "A + B + C", cut to the name limit with an ellipsis. */
const joinNames = (names: string[]) => {
  const joined = names.join(' + ');
  return joined.length <= GROUP_NAME_MAX ? joined : `${joined.slice(0, GROUP_NAME_MAX - 1).trimEnd()}…`;
};

/** A name no other group (stored or suggested) has, whatever the case: "A + B", then "A + B (2)", … */
function uniqueName(base: string, taken: Set<string>) {
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, GROUP_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(nameKey(name));
  return name;
}

function suggestFrom(state: State, threshold: number): GroupSuggestion[] {
  const k = safeK(threshold);
  const active = state.projectUnits.filter((u) => !u.retired);
  const unit = (id: number) => state.unitsById.get(id)!;
  const clusterOf = new Map<number, Cluster>();
  const clusters: Cluster[] = [];
  const add = (c: Cluster) => {
    clusters.push(c);
    for (const m of c.members) clusterOf.set(m, c);
  };
  for (const g of state.groups) {
    const members = g.members.filter((m) => !m.retired).map((m) => m.unitId);
    add({ groupId: g.id, name: g.name, members, original: new Set(members), total: g.totalHeadcount, exhausted: false });
  }
  for (const u of active) {
    if (!clusterOf.has(u.unitId)) add({ groupId: null, name: null, members: [u.unitId], original: new Set(), total: u.headcount, exhausted: false });
  }
  const firstName = (c: Cluster) => (c.members.length ? unit(c.members[0]).name : (c.name ?? ''));
  // What joining a candidate unit adds: its whole cluster; smallest first, ties by the unit's name.
  const bySize = (a: ProjectUnit, b: ProjectUnit) => clusterOf.get(a.unitId)!.total - clusterOf.get(b.unitId)!.total || byName(a, b) || a.unitId - b.unitId;

  /** Candidates for cluster c, best first: siblings of a member, then a member's parent, then any other unit. */
  const candidates = (c: Cluster): ProjectUnit[] => {
    const inC = new Set(c.members);
    const outside = active.filter((u) => !inC.has(u.unitId));
    const parents = new Set(c.members.map((m) => unit(m).parentId));
    const siblings = outside.filter((u) => parents.has(u.parentId)).sort(bySize);
    const parentUnits = outside.filter((u) => parents.has(u.unitId)).sort(bySize);
    const rest = outside.filter((u) => !siblings.includes(u) && !parentUnits.includes(u)).sort(bySize);
    return [...siblings, ...parentUnits, ...rest];
  };

  const merge = (into: Cluster, from: Cluster) => {
    into.members.push(...from.members);
    into.total += from.total;
    for (const m of from.members) clusterOf.set(m, into);
    clusters.splice(clusters.indexOf(from), 1);
  };

  for (;;) {
    const target = clusters.filter((c) => c.total < k && !c.exhausted && c.members.length > 0).sort((a, b) => a.total - b.total || firstName(a).localeCompare(firstName(b), 'da'))[0];
    if (!target) break;
    let c = target;
    while (c.total < k) {
      // Two stored groups are never merged into one: that is the secretariat's call.
      const next = candidates(c).find((u) => !(c.groupId !== null && clusterOf.get(u.unitId)!.groupId !== null));
      if (!next) break;
      const other = clusterOf.get(next.unitId)!;
      // A stored group is extended rather than duplicated; otherwise the small cluster keeps its place in the name.
      if (other.groupId !== null) {
        merge(other, c);
        c = other;
      } else {
        merge(c, other);
      }
    }
    if (c.total < k) c.exhausted = true;
  }

  const taken = new Set(state.groups.map((g) => nameKey(g.name)));
  const out: GroupSuggestion[] = [];
  for (const c of clusters) {
    // A grouping that still does not reach k protects nobody; it is not suggested (the warnings stay).
    if (c.total < k) continue;
    const added = c.members.filter((m) => !c.original.has(m));
    if (added.length === 0 || (c.groupId === null && c.members.length < 2)) continue;
    out.push({
      groupId: c.groupId,
      name: c.groupId !== null ? c.name! : uniqueName(joinNames(c.members.map((m) => unit(m).name)), taken),
      unitIds: c.members,
      addUnitIds: added,
      members: c.members.map((m) => ({ unitId: m, name: unit(m).name, headcount: unit(m).headcount })),
      totalHeadcount: c.total,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/**
 * Groups that would bring every small, ungrouped active unit of the project to the threshold, without storing
 * them. For each such unit, smallest first: its smallest sibling among the project's units (same parent; ties by
 * name), then the next-smallest, until the group reaches the threshold; with no sibling left, its parent if that
 * is a project unit, else the smallest other project unit. A unit already in a stored group brings its group,
 * which is extended rather than duplicated; a stored group under the threshold is extended the same way.
 */
export async function suggestGroups(db: DbLike, projectId: number, threshold: number) {
  await assertProject(db, projectId);
  const state = await projectState(db, projectId);
  return {
    threshold: safeK(threshold),
    warnings: warningsOf(state, state.projectUnits.map((u) => u.unitId), threshold),
    suggestions: suggestFrom(state, threshold),
  };
}

/** Stores the current suggestions in one transaction (worked out again inside it, so nothing stale is stored). */
export async function applySuggestedGroups(db: Db, projectId: number, threshold: number) {
  const applied = await transaction(db, async (tx) => {
    await serialize(tx, lockKey(projectId));
    await assertProject(tx, projectId);
    const suggestions = suggestFrom(await projectState(tx, projectId), threshold);
    for (const s of suggestions) {
      if (s.groupId === null) {
        const [row] = await tx.insert(reportingGroups).values({ projectId, name: s.name }).returning({ id: reportingGroups.id });
        s.groupId = row.id;
        await insertMembers(tx, projectId, row.id, s.unitIds);
      } else {
        await insertMembers(tx, projectId, s.groupId, s.addUnitIds);
        await bumpVersions(tx, reportingGroups, [s.groupId]);
      }
    }
    return suggestions;
  });
  const state = await projectState(db, projectId);
  return {
    applied,
    groups: state.groups.map((g) => groupView(g, safeK(threshold))),
    warnings: warningsOf(state, state.projectUnits.map((u) => u.unitId), threshold),
  };
}

