// System usage figures (systemdata) of a behaviour: imported per unit and period from the IT system's CSV export
// (preview, then import in one transaction, replacing a unit's figure for the same period), and read beside the
// report's waves. They are system data, not survey answers: the anonymity thresholds do not apply to them, but a
// unit-scoped manager sees only their own units' figures (the caller passes Access.unitIds).
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { serialize, transaction, type Db, type DbLike } from '../../db/client';
import { behaviours, rollouts, units, usageFigures, waves } from '../../db/schema';
import { type Clock, todayUtc } from './clock';
import { invalid, notFound } from './errors';
import { getBehaviourRow } from './behaviours';
import { getProjectRow } from './projects';
import { parseUsageCsv, type CsvUsageRow, type UsageCsvField, type UsageProblem } from './usageCsv';

export interface PlannedFigure {
  line: number;
  unitId: number;
  unitName: string;
  periodStart: string;
  periodEnd: string;
  value: number;
}

export interface PlannedReplace extends PlannedFigure {
  figureId: number;
  previousValue: number;
}

export interface RejectedUsageRow {
  line: number;
  raw: string;
  unit: string | null;
  /** The first problem; `problems` lists them all. */
  code: UsageProblem['code'];
  field: UsageCsvField | 'row';
  message: string;
  problems: UsageProblem[];
}

export interface UsagePreview {
  behaviourId: number;
  measure: string;
  delimiter: string;
  columns: Partial<Record<UsageCsvField, string>>;
  ignoredColumns: string[];
  create: PlannedFigure[];
  replace: PlannedReplace[];
  rejected: RejectedUsageRow[];
}

type UnitRef = { id: number; name: string; externalId: string | null };

/** The file's unit: its external id (from the HR system), else its exact name; a name several units share is
 *  narrowed to the project's units, and refused if still ambiguous. */
function findUnit(all: UnitRef[], projectUnitIds: Set<number>, text: string): { unit: UnitRef } | { problem: UsageProblem } {
  const byExt = all.find((u) => u.externalId === text);
  if (byExt) return { unit: byExt };
  let named = all.filter((u) => u.name.normalize('NFC') === text);
  if (named.length > 1) named = named.filter((u) => projectUnitIds.has(u.id));
  if (named.length === 1) return { unit: named[0] };
  if (named.length > 1) return { problem: { field: 'unit', code: 'unit_ambiguous', message: `Several units are named "${text}"; use the unit id instead` } };
  return { problem: { field: 'unit', code: 'unit_unknown', message: `No unit has the id or name "${text}"` } };
}

async function plan(db: DbLike, behaviourId: number, csv: string) {
  const behaviour = await getBehaviourRow(db, behaviourId);
  const parsed = parseUsageCsv(csv);
  const all = await db.select({ id: units.id, name: units.name, externalId: units.externalId }).from(units).orderBy(asc(units.id));
  const projectUnitIds = new Set((await db.select({ unitId: rollouts.unitId }).from(rollouts).where(eq(rollouts.projectId, behaviour.projectId)).orderBy(asc(rollouts.unitId))).map((r) => r.unitId));
  const stored = await db.select().from(usageFigures).where(eq(usageFigures.behaviourId, behaviourId)).orderBy(asc(usageFigures.id));

  const problems = new Map<CsvUsageRow, UsageProblem[]>(parsed.rows.map((r) => [r, [...r.problems]]));
  const unitOf = new Map<CsvUsageRow, UnitRef>();
  for (const row of parsed.rows) {
    if (!row.unit) continue;
    const found = findUnit(all, projectUnitIds, row.unit);
    if ('problem' in found) problems.get(row)!.push(found.problem);
    else if (!projectUnitIds.has(found.unit.id)) problems.get(row)!.push({ field: 'unit', code: 'unit_not_in_project', message: `"${found.unit.name}" is not one of the project's units` });
    else unitOf.set(row, found.unit);
  }
  // The same unit and period on several lines: which value is meant is a guess, so all of them are rejected.
  const keyOf = (unitId: number, start: string, end: string) => `${unitId}|${start}|${end}`;
  const byKey = new Map<string, CsvUsageRow[]>();
  for (const row of parsed.rows) {
    const unit = unitOf.get(row);
    if (!unit || !row.periodStart || !row.periodEnd) continue;
    const key = keyOf(unit.id, row.periodStart, row.periodEnd);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  for (const rows of byKey.values()) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).map((r) => r.line).join(', ');
      problems.get(row)!.push({ field: 'row', code: 'duplicate_period', message: `The same unit and period is also on line ${others}` });
    }
  }

  const storedByKey = new Map(stored.map((f) => [keyOf(f.unitId, f.periodStart, f.periodEnd), f]));
  const preview: UsagePreview = { behaviourId, measure: behaviour.usageMeasure, delimiter: parsed.delimiter, columns: parsed.columns, ignoredColumns: parsed.ignoredColumns, create: [], replace: [], rejected: [] };
  for (const row of parsed.rows) {
    const found = problems.get(row)!;
    if (found.length) {
      preview.rejected.push({ line: row.line, raw: row.raw, unit: row.unit || null, code: found[0].code, field: found[0].field, message: found[0].message, problems: found });
      continue;
    }
    const unit = unitOf.get(row)!;
    const figure: PlannedFigure = { line: row.line, unitId: unit.id, unitName: unit.name, periodStart: row.periodStart!, periodEnd: row.periodEnd!, value: row.value! };
    const existing = storedByKey.get(keyOf(unit.id, figure.periodStart, figure.periodEnd));
    if (existing) preview.replace.push({ ...figure, figureId: existing.id, previousValue: existing.value });
    else preview.create.push(figure);
  }
  return preview;
}

/** What the import would create, replace and reject, without saving anything. */
export async function previewUsageImport(db: DbLike, behaviourId: number, csv: string): Promise<UsagePreview> {
  return plan(db, behaviourId, csv);
}

/** Stores the file's figures in one transaction, replacing a unit's figure for the same period; refused
 *  (400 csv_rejected_rows), saving nothing, if any row is rejected. */
export async function importUsage(db: Db, behaviourId: number, csv: string) {
  return transaction(db, async (tx) => {
    await serialize(tx, `usage:${behaviourId}`);
    const preview = await plan(tx, behaviourId, csv);
    if (preview.rejected.length) {
      throw invalid(
        'csv_rejected_rows',
        `${preview.rejected.length} row(s) are rejected; correct the file and import again. Nothing was saved.`,
        preview.rejected.map((r) => ({ path: 'csv', code: r.code, message: `Line ${r.line}: ${r.message}`, line: r.line, raw: r.raw, unit: r.unit, field: r.field })),
      );
    }
    for (const f of preview.create) await tx.insert(usageFigures).values({ behaviourId, unitId: f.unitId, periodStart: f.periodStart, periodEnd: f.periodEnd, value: f.value });
    for (const f of preview.replace) await tx.update(usageFigures).set({ value: f.value }).where(eq(usageFigures.id, f.figureId));
    return { created: preview.create.length, replaced: preview.replace.length };
  });
}

/** The behaviour's figures by unit and period; `unitIds` (a unit-scoped manager's units) narrows them. */
export async function listUsage(db: DbLike, behaviourId: number, unitIds: Set<number> | null) {
  const behaviour = await getBehaviourRow(db, behaviourId);
  const rows = await figureRows(db, [behaviourId], unitIds);
  return { behaviourId, measure: behaviour.usageMeasure, figures: rows.map(({ behaviourId: _b, ...f }) => f) };
}

async function figureRows(db: DbLike, behaviourIds: number[], unitIds: Set<number> | null) {
  if (!behaviourIds.length) return [];
  const rows = await db
    .select({ id: usageFigures.id, behaviourId: usageFigures.behaviourId, unitId: usageFigures.unitId, unitName: units.name, externalId: units.externalId, periodStart: usageFigures.periodStart, periodEnd: usageFigures.periodEnd, value: usageFigures.value, createdAt: usageFigures.createdAt })
    .from(usageFigures)
    .innerJoin(units, eq(units.id, usageFigures.unitId))
    .where(inArray(usageFigures.behaviourId, behaviourIds))
    .orderBy(asc(units.name), asc(usageFigures.unitId), asc(usageFigures.periodStart), asc(usageFigures.periodEnd), asc(usageFigures.id));
  return unitIds ? rows.filter((r) => unitIds.has(r.unitId)) : rows;
}

export async function getUsageFigureRow(db: DbLike, figureId: number) {
  const [row] = await db.select().from(usageFigures).where(eq(usageFigures.id, figureId)).limit(1);
  if (!row) throw notFound('Usage figure');
  return row;
}

export async function deleteUsageFigure(db: DbLike, figureId: number) {
  await getUsageFigureRow(db, figureId);
  await db.delete(usageFigures).where(eq(usageFigures.id, figureId));
}

type Figure = { periodStart: string; periodEnd: string; value: number };

/**
 * A unit's figure for a wave: the mean over the periods overlapping the wave's open–close dates (an open wave
 * without a close date runs to today), else the period(s) ending last before the wave opened. A wave without
 * an open date has none.
 */
export function figureForWave(figures: readonly Figure[], wave: { opensOn: string | null; closesOn: string | null }, today: string) {
  if (!wave.opensOn) return { value: null, basis: null, periods: 0 };
  const end = wave.closesOn ?? (today > wave.opensOn ? today : wave.opensOn);
  const mean = (fs: readonly Figure[]) => fs.reduce((s, f) => s + f.value, 0) / fs.length;
  const overlapping = figures.filter((f) => f.periodStart <= end && f.periodEnd >= wave.opensOn!);
  if (overlapping.length) return { value: mean(overlapping), basis: 'overlap' as const, periods: overlapping.length };
  const before = figures.filter((f) => f.periodEnd < wave.opensOn!);
  if (!before.length) return { value: null, basis: null, periods: 0 };
  const lastEnd = before.reduce((m, f) => (f.periodEnd > m ? f.periodEnd : m), before[0].periodEnd);
  const nearest = before.filter((f) => f.periodEnd === lastEnd);
  return { value: mean(nearest), basis: 'before' as const, periods: nearest.length };
}

/** Per behaviour with figures: each unit's figures and its value per wave of the project, in the report's wave order. */
export async function getProjectUsage(db: DbLike, projectId: number, unitIds: Set<number> | null, clock: Clock) {
  await getProjectRow(db, projectId);
  const today = todayUtc(clock);
  const waveRows = await db
    .select({ id: waves.id, name: waves.name, phase: waves.phase, opensOn: waves.opensOn, closesOn: waves.closesOn })
    .from(waves)
    .where(eq(waves.projectId, projectId))
    .orderBy(sql`${waves.opensOn} asc nulls first`, asc(waves.id));
  const behaviourRows = await db
    .select({ id: behaviours.id, title: behaviours.title, measure: behaviours.usageMeasure })
    .from(behaviours)
    .where(eq(behaviours.projectId, projectId))
    .orderBy(asc(behaviours.sortOrder), asc(behaviours.id));
  const rows = await figureRows(db, behaviourRows.map((b) => b.id), unitIds);
  return {
    projectId,
    waves: waveRows,
    behaviours: behaviourRows
      .map((b) => {
        const mine = rows.filter((r) => r.behaviourId === b.id);
        const unitList = [...new Map(mine.map((r) => [r.unitId, { unitId: r.unitId, unitName: r.unitName }])).values()];
        return {
          ...b,
          units: unitList.map((u) => {
            const figures = mine.filter((r) => r.unitId === u.unitId).map((r) => ({ id: r.id, periodStart: r.periodStart, periodEnd: r.periodEnd, value: r.value }));
            return { ...u, figures, waves: waveRows.map((w) => ({ waveId: w.id, ...figureForWave(figures, w, today) })) };
          }),
        };
      })
      .filter((b) => b.units.length > 0),
  };
}
