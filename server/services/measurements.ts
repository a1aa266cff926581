// KPI measurements of a benefit over time, and how far the latest one has come from baseline to target.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { benefits, kpiMeasurements } from '../../db/schema';
import type { MeasurementInput, MeasurementPatch } from '../contract/measurements';
import { notFound } from './errors';

export type Measurement = typeof kpiMeasurements.$inferSelect;

async function benefitExists(db: DbLike, benefitId: number) {
  const [row] = await db.select({ id: benefits.id }).from(benefits).where(eq(benefits.id, benefitId)).limit(1);
  if (!row) throw notFound('Benefit');
}

async function getMeasurementRow(db: DbLike, measurementId: number) {
  const [row] = await db.select().from(kpiMeasurements).where(eq(kpiMeasurements.id, measurementId)).limit(1);
  if (!row) throw notFound('Measurement');
  return row;
}

export async function listMeasurements(db: DbLike, benefitId: number) {
  await benefitExists(db, benefitId);
  return db.select().from(kpiMeasurements).where(eq(kpiMeasurements.benefitId, benefitId)).orderBy(asc(kpiMeasurements.measuredOn), asc(kpiMeasurements.id));
}

export async function addMeasurement(db: DbLike, benefitId: number, input: MeasurementInput) {
  await benefitExists(db, benefitId);
  const [row] = await db.insert(kpiMeasurements).values({ ...input, benefitId }).returning();
  return row;
}

export async function updateMeasurement(db: DbLike, measurementId: number, input: MeasurementPatch) {
  const current = await getMeasurementRow(db, measurementId);
  if (Object.keys(input).length === 0) return current;
  const [row] = await db.update(kpiMeasurements).set(input).where(eq(kpiMeasurements.id, measurementId)).returning();
  return row;
}

export async function deleteMeasurement(db: DbLike, measurementId: number) {
  await getMeasurementRow(db, measurementId);
  await db.delete(kpiMeasurements).where(eq(kpiMeasurements.id, measurementId));
}

/**
 * The latest measurement and its share of the way from baseline to target (0 = at baseline, 1 = target
 * reached; can fall below 0 or pass 1). Null when there is no measurement or no baseline-to-target distance.
 */
export function kpiProgress(benefit: { baselineValue: number | null; targetValue: number | null }, measurements: readonly Measurement[]) {
  const latest = measurements.reduce<Measurement | null>((a, m) => (!a || m.measuredOn > a.measuredOn || (m.measuredOn === a.measuredOn && m.id > a.id) ? m : a), null);
  const { baselineValue: base, targetValue: target } = benefit;
  const share = latest && base !== null && target !== null && target !== base ? (latest.value - base) / (target - base) : null;
  return { latest: latest ? { value: latest.value, measuredOn: latest.measuredOn } : null, share };
}
