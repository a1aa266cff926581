// Unit import from an HR/org-system CSV: a preview of what would be created, changed and rejected, and a
// commit that applies it in one transaction only when no row is rejected. Rows match stored units on the
// unit id (units.externalId); parents may come later in the file than their children.
import { asc, eq } from 'drizzle-orm';
import { serialize, transaction, type Db, type DbLike } from '../../db/client';
import { units } from '../../db/schema';
import type { ImportOptions } from '../contract/units';
import { invalid } from './errors';
import { parseUnitCsv, type CsvField, type CsvUnitRow, type RowProblem } from './unitCsv';
import { cycles } from './unitTree';
import { UNIT_TREE_LOCK, type UnitKind, type UnitRow } from './units';
import { bumpVersions } from './versioned';

export interface ParentRef {
  /** Set when the parent already exists in Gevinstspor. */
  unitId: number | null;
  externalId: string | null;
  name: string;
}

export interface Change<T> {
  from: T;
  to: T;
}

export interface PlannedCreate {
  line: number;
  externalId: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  headcount: number;
  headcountDate: string | null;
  parent: ParentRef | null;
}

export interface PlannedUpdate {
  line: number;
  unitId: number;
  externalId: string;
  name: string;
  /** The unit is retired: it is updated but stays retired. */
  retired: boolean;
  changes: {
    name?: Change<string>;
    nameEn?: Change<string>;
    parent?: Change<ParentRef | null>;
    headcount?: Change<number>;
    kind?: Change<UnitKind>;
    headcountDate?: Change<string | null>;
  };
}

export interface RejectedRow {
  line: number;
  raw: string;
  externalId: string | null;
  /** The first problem; `problems` lists them all. */
  code: RowProblem['code'];
  field: CsvField | 'row';
  message: string;
  problems: RowProblem[];
}

export interface ImportPreview {
  delimiter: string;
  columns: Partial<Record<CsvField, string>>;
  ignoredColumns: string[];
  create: PlannedCreate[];
  update: PlannedUpdate[];
  unchanged: number;
  rejected: RejectedRow[];
  /** Active units with an id from the HR system that the file does not mention; the import leaves them alone. */
  notInFile: { unitId: number; externalId: string; name: string }[];
}

type Key = string; // 'db:<id>' for stored units, 'new:<externalId>' for units the import creates

interface Plan {
  preview: ImportPreview;
  creates: { key: Key; row: CsvUnitRow; values: { externalId: string; name: string; nameEn: string; kind: UnitKind; headcount: number; headcountDate: string | null }; parentKey: Key | null }[];
  updates: { unitId: number; values: Partial<UnitRow>; parentKey?: Key | null }[];
}

async function plan(db: DbLike, csv: string, options: ImportOptions): Promise<Plan> {
  const parsed = parseUnitCsv(csv);
  const stored = await db.select().from(units).orderBy(asc(units.id));
  const byExt = new Map(stored.filter((u) => u.externalId).map((u) => [u.externalId!, u]));
  const byId = new Map(stored.map((u) => [u.id, u]));

  // Every problem of a row is reported: the parser's field problems first, then a duplicate id, then at most one
  // parent problem (unknown, retired, rejected or a cycle). The first one is the row's `code`.
  const problems = new Map<CsvUnitRow, RowProblem[]>(parsed.rows.map((r) => [r, [...r.problems]]));
  const reject = (row: CsvUnitRow, p: RowProblem) => problems.get(row)!.push(p);
  const isValid = (row: CsvUnitRow) => problems.get(row)!.length === 0;

  // An id on several lines: which line is meant is a guess, so all of them are rejected and the file must be fixed.
  const rowsByExt = new Map<string, CsvUnitRow[]>();
  for (const row of parsed.rows) if (row.externalId) rowsByExt.set(row.externalId, [...(rowsByExt.get(row.externalId) ?? []), row]);
  const lineList = (rows: CsvUnitRow[]) => {
    const lines = rows.map((r) => String(r.line));
    return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
  };
  const fileByExt = new Map<string, CsvUnitRow>(); // ids that occur on exactly one line
  for (const [ext, rows] of rowsByExt) {
    if (rows.length === 1) fileByExt.set(ext, rows[0]);
    else for (const row of rows) reject(row, { field: 'externalId', code: 'duplicate_id', message: `The unit id ${ext} is also on ${lineList(rows.filter((r) => r !== row))}` });
  }

  const keyOf = (ext: string): Key => (byExt.has(ext) ? `db:${byExt.get(ext)!.id}` : `new:${ext}`);
  const staysRetired = (ext: string) => !!byExt.get(ext)?.retiredAt;
  /** The parent each row points at, when that parent exists exactly once (in the file or stored). */
  const parentKeys = new Map<CsvUnitRow, Key | null>();
  const parentProblem = new Set<CsvUnitRow>();
  const rejectParent = (row: CsvUnitRow, p: RowProblem) => {
    reject(row, p);
    parentProblem.add(row);
  };

  // What the file says about each row's parent, whether or not the row has other problems.
  for (const row of parsed.rows) {
    const p = row.parentExternalId;
    if (p === null) parentKeys.set(row, null);
    else if (p === row.externalId) rejectParent(row, { field: 'parent', code: 'cycle', message: `The unit ${p} is given as its own parent` });
    else if ((rowsByExt.get(p)?.length ?? 0) > 1) {
      rejectParent(row, { field: 'parent', code: 'parent_rejected', message: `The parent ${p} is rejected: its id is on ${lineList(rowsByExt.get(p)!)}` });
    } else if (!fileByExt.has(p) && !byExt.has(p)) {
      rejectParent(row, { field: 'parent', code: 'parent_unknown', message: `The parent ${p} is neither in the file nor an existing unit` });
    } else if (staysRetired(p) && !staysRetired(row.externalId)) {
      rejectParent(row, { field: 'parent', code: 'parent_retired', message: `The parent ${p} is a retired unit` });
    } else parentKeys.set(row, keyOf(p));
  }

  // Cycles among the parents the file gives (rows with a single, non-empty id), with the stored tree for the rest.
  const parentOf = new Map<Key, Key | null>(stored.map((u) => [`db:${u.id}`, u.parentId === null ? null : `db:${u.parentId}`]));
  const graphRows = parsed.rows.filter((row) => fileByExt.get(row.externalId) === row && parentKeys.has(row));
  for (const row of graphRows) parentOf.set(keyOf(row.externalId), parentKeys.get(row)!);
  const onCycle = cycles(parentOf);
  const label = (k: Key) => (k.startsWith('new:') ? k.slice(4) : (byId.get(Number(k.slice(3)))?.externalId ?? byId.get(Number(k.slice(3)))?.name ?? k));
  for (const row of graphRows) {
    const cycle = onCycle.get(keyOf(row.externalId));
    if (cycle) rejectParent(row, { field: 'parent', code: 'cycle', message: `The parents form a cycle: ${[...cycle, cycle[0]].map(label).join(' → ')}` });
  }

  // A rejected row strands the rows below it, and those the rows below them: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of parsed.rows) {
      const p = row.parentExternalId;
      const parentRow = p === null ? undefined : fileByExt.get(p);
      if (parentProblem.has(row) || !parentRow || isValid(parentRow)) continue;
      rejectParent(row, { field: 'parent', code: 'parent_rejected', message: `The parent ${p} on line ${parentRow.line} is rejected` });
      changed = true;
    }
  }

  const parentRef = (key: Key | null): ParentRef | null => {
    if (key === null) return null;
    if (key.startsWith('db:')) {
      const u = byId.get(Number(key.slice(3)))!;
      return { unitId: u.id, externalId: u.externalId, name: u.name };
    }
    const ext = key.slice(4);
    return { unitId: null, externalId: ext, name: fileByExt.get(ext)!.name };
  };

  const result: Plan = {
    preview: {
      delimiter: parsed.delimiter,
      columns: parsed.columns,
      ignoredColumns: parsed.ignoredColumns,
      create: [],
      update: [],
      unchanged: 0,
      rejected: [],
      notInFile: stored
        .filter((u) => u.externalId && !u.retiredAt && !rowsByExt.has(u.externalId))
        .map((u) => ({ unitId: u.id, externalId: u.externalId!, name: u.name })),
    },
    creates: [],
    updates: [],
  };

  for (const row of parsed.rows) {
    const found = problems.get(row)!;
    if (found.length) {
      result.preview.rejected.push({ line: row.line, raw: row.raw, externalId: row.externalId || null, code: found[0].code, field: found[0].field, message: found[0].message, problems: found });
      continue;
    }
    const parentKey = parentKeys.get(row)!;
    // A row's own date wins; the import's reference date applies to rows that carry a headcount.
    const headcountDate = row.headcountDate ?? (row.headcount !== null ? (options.headcountDate ?? null) : null);
    const existing = byExt.get(row.externalId);
    if (!existing) {
      const values = { externalId: row.externalId, name: row.name, nameEn: row.nameEn ?? '', kind: row.kind ?? 'enhed', headcount: row.headcount ?? 0, headcountDate };
      result.creates.push({ key: keyOf(row.externalId), row, values, parentKey });
      result.preview.create.push({ line: row.line, ...values, parent: parentRef(parentKey) });
      continue;
    }
    const changes: PlannedUpdate['changes'] = {};
    const values: Partial<UnitRow> = {};
    if (row.name !== existing.name) {
      changes.name = { from: existing.name, to: row.name };
      values.name = row.name;
    }
    if (row.nameEn !== null && row.nameEn !== existing.nameEn) {
      changes.nameEn = { from: existing.nameEn, to: row.nameEn };
      values.nameEn = row.nameEn;
    }
    const currentParent = existing.parentId === null ? null : `db:${existing.parentId}`;
    if (parentKey !== currentParent) changes.parent = { from: parentRef(currentParent), to: parentRef(parentKey) };
    if (row.headcount !== null && row.headcount !== existing.headcount) {
      changes.headcount = { from: existing.headcount, to: row.headcount };
      values.headcount = row.headcount;
    }
    if (row.kind !== null && row.kind !== existing.kind) {
      changes.kind = { from: existing.kind, to: row.kind };
      values.kind = row.kind;
    }
    if (headcountDate !== null && headcountDate !== existing.headcountDate) {
      changes.headcountDate = { from: existing.headcountDate, to: headcountDate };
      values.headcountDate = headcountDate;
    }
    if (Object.keys(changes).length === 0) {
      result.preview.unchanged++;
      continue;
    }
    result.updates.push({ unitId: existing.id, values, ...(changes.parent ? { parentKey } : {}) });
    result.preview.update.push({ line: row.line, unitId: existing.id, externalId: row.externalId, name: row.name, retired: !!existing.retiredAt, changes });
  }
  return result;
}

/** What the import would do, without saving anything. */
export async function previewUnitImport(db: DbLike, csv: string, options: ImportOptions = {}): Promise<ImportPreview> {
  return (await plan(db, csv, options)).preview;
}

/** Applies the import in one transaction, or refuses it (400 csv_rejected_rows) if any row is rejected. */
export async function commitUnitImport(db: Db, csv: string, options: ImportOptions = {}) {
  return transaction(db, async (tx) => {
    // The plan is checked against the stored tree; no other unit edit may change that tree meanwhile.
    await serialize(tx, UNIT_TREE_LOCK);
    const { preview, creates, updates } = await plan(tx, csv, options);
    if (preview.rejected.length) {
      throw invalid(
        'csv_rejected_rows',
        `${preview.rejected.length} row(s) are rejected; correct the file and import again. Nothing was saved.`,
        preview.rejected.map((r) => ({ path: 'csv', code: r.code, message: `Line ${r.line}: ${r.message}`, line: r.line, raw: r.raw, externalId: r.externalId, field: r.field })),
      );
    }
    // Insert first without parents, then link: parents may come after their children in the file.
    const idOf = (key: Key) => (key.startsWith('db:') ? Number(key.slice(3)) : createdIds.get(key)!);
    const createdIds = new Map<Key, number>();
    for (const c of creates) {
      const [created] = await tx.insert(units).values(c.values).returning({ id: units.id });
      createdIds.set(c.key, created.id);
    }
    for (const u of updates) if (Object.keys(u.values).length) await tx.update(units).set(u.values).where(eq(units.id, u.unitId));
    for (const c of creates) if (c.parentKey) await tx.update(units).set({ parentId: idOf(c.parentKey) }).where(eq(units.id, createdIds.get(c.key)!));
    for (const u of updates) {
      if (u.parentKey !== undefined) await tx.update(units).set({ parentId: u.parentKey === null ? null : idOf(u.parentKey) }).where(eq(units.id, u.unitId));
    }
    // A unit the import changed gets a new version, so an edit of it begun before the import hears about it.
    await bumpVersions(tx, units, updates.filter((u) => Object.keys(u.values).length || u.parentKey !== undefined).map((u) => u.unitId));
    return { created: creates.length, updated: updates.length, unchanged: preview.unchanged, notInFile: preview.notInFile };
  });
}
