// Optimistic concurrency for everything the secretariat edits. Every versioned row has an integer `version`
// (projects also `survey_spec_version`, so the survey editor and the project form never conflict). An edit names
// the version it started from; claimVersion bumps it in one conditional UPDATE … WHERE id = ? AND version = ?,
// so of two edits from the same version exactly one matches, on SQLite (one writer) and on PostgreSQL (the second
// UPDATE waits for the first's row lock, then re-checks its WHERE and matches nothing) alike — there is no
// read-then-write gap. The loser gets 409 stale_version with the entity as it is now and the fields where it
// differs from what the loser sent, and nothing of the loser's edit is stored (the caller's transaction rolls back).
//
// Call claimVersion first in the edit's transaction: on PostgreSQL the row is then locked until commit, so the
// checks that follow read the same row the edit will change.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbLike } from '../../db/client';
import { DomainError } from './errors';

/** A table with the two columns this module needs. */
export type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn };

export interface StaleDetails<T> {
  /** The entity as it is stored now, in the shape the entity's reads answer. */
  current: T;
  /** The version to send when saving again on top of `current`. */
  currentVersion: number;
  /** Fields the client sent whose stored value is now different (sorted). */
  changedFields: string[];
}

/** JSON-equal, whatever the key order of objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return (a ?? null) === (b ?? null);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => sameValue(x, bs[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The sent fields (other than `version`) whose value in `current` differs. Link lists (…Ids) compare as sets,
 * since their order carries no meaning.
 */
export function changedFields(current: object, sent: object): string[] {
  const cur = current as Record<string, unknown>;
  const asSet = (k: string, v: unknown) => (k.endsWith('Ids') && Array.isArray(v) ? [...new Set(v as unknown[])].sort() : v);
  return Object.entries(sent)
    .filter(([k, v]) => k !== 'version' && v !== undefined && !sameValue(asSet(k, cur[k]), asSet(k, v)))
    .map(([k]) => k)
    .sort();
}

/** 409 stale_version, carrying the current entity and what differs from what the client sent. */
export function staleVersion<T extends object>(what: string, current: T, currentVersion: number, sent: object): DomainError {
  const details: StaleDetails<T> = { current, currentVersion, changedFields: changedFields(current, sent) };
  return new DomainError('conflict', 'stale_version', `Someone else changed this ${what} while you were editing it; it is now version ${currentVersion}`, details);
}

export interface Claim<T extends object> {
  /** Names the entity in the message ("goal", "survey"). */
  what: string;
  /** Reads the entity as the API answers it; throws not_found when it is gone. */
  read: () => Promise<T>;
  /** What the client sent, to say which of its fields now differ. */
  sent: object;
  /** Where the read entity keeps its version, when not in `version` (the survey spec: surveySpecVersion). */
  versionOf?: (current: T) => number;
  /** The part of the entity `sent` is compared with, when not the entity itself (the spec inside its answer). */
  compareWith?: (current: T) => object;
}

/**
 * Bumps the row's version if it still is `expected`, writing `values` in the same statement; otherwise throws
 * stale_version (or not_found). Returns the new version. `versionKey` names another version column of the
 * table (projects.surveySpecVersion).
 */
export async function claimVersion<T extends object>(
  db: DbLike,
  table: VersionedTable,
  id: number,
  expected: number,
  claim: Claim<T>,
  values: Record<string, unknown> = {},
  versionKey = 'version',
): Promise<number> {
  const column = (table as unknown as Record<string, SQLiteColumn>)[versionKey];
  const bumped = await db
    .update(table)
    .set({ ...values, [versionKey]: sql`${column} + 1` })
    .where(and(eq(table.id, id), eq(column, expected)))
    .returning({ version: column });
  if (bumped.length) return bumped[0].version as number;
  const current = await claim.read();
  const currentVersion = claim.versionOf ? claim.versionOf(current) : (current as { version: number }).version;
  const error = staleVersion(claim.what, current, currentVersion, claim.sent);
  if (claim.compareWith) (error.details as StaleDetails<T>).changedFields = changedFields(claim.compareWith(current), claim.sent);
  throw error;
}

/** SET version = version + 1, for writes that change versioned rows without an edit of their own. */
export const nextVersion = (table: VersionedTable): SQL => sql`${table.version} + 1`;

/**
 * Bumps the version of rows an edit elsewhere changed (a behaviour's benefits are also each benefit's
 * behaviours; an import renames units): whoever edits them from the old version then hears about it.
 */
export async function bumpVersions(db: DbLike, table: VersionedTable, ids: Iterable<number>): Promise<void> {
  const list = [...new Set(ids)];
  if (list.length) await db.update(table).set({ version: nextVersion(table) }).where(inArray(table.id, list));
}

/** The ids in exactly one of the two lists: the other side of a link set whose membership changed. */
export function linkChanges(before: Iterable<number>, after: Iterable<number>): number[] {
  const a = new Set(before);
  const b = new Set(after);
  return [...[...a].filter((x) => !b.has(x)), ...[...b].filter((x) => !a.has(x))];
}
