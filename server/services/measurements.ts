// KPI measurements of a benefit over time, and how far the latest one has come from baseline to target.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { benefits, kpiMeasurements } from '../../db/schema';
import { notFound } from '../http/errors';

export interface MeasurementInput {
  value: number;
  measuredOn: string;
  note?: string;
}

export type Measurement = typeof kpiMeasurements.$inferSelect;

function benefitExists(db: DbLike, benefitId: number) {
  if (!db.select({ id: benefits.id }).from(benefits).where(eq(benefits.id, benefitId)).get()) throw notFound('Benefit');
}

function getMeasurementRow(db: DbLike, measurementId: number) {
  const row = db.select().from(kpiMeasurements).where(eq(kpiMeasurements.id, measurementId)).get();
  if (!row) throw notFound('Measurement');
  return row;
}

export function listMeasurements(db: DbLike, benefitId: number) {
  benefitExists(db, benefitId);
  return db.select().from(kpiMeasurements).where(eq(kpiMeasurements.benefitId, benefitId)).orderBy(asc(kpiMeasurements.measuredOn), asc(kpiMeasurements.id)).all();
}

export function addMeasurement(db: DbLike, benefitId: number, input: MeasurementInput) {
  benefitExists(db, benefitId);
  return db.insert(kpiMeasurements).values({ ...input, benefitId }).returning().get();
}

export function updateMeasurement(db: DbLike, measurementId: number, input: Partial<MeasurementInput>) {
  const current = getMeasurementRow(db, measurementId);
  if (Object.keys(input).length === 0) return current;
  return db.update(kpiMeasurements).set(input).where(eq(kpiMeasurements.id, measurementId)).returning().get();
}

export function deleteMeasurement(db: DbLike, measurementId: number) {
  getMeasurementRow(db, measurementId);
  db.delete(kpiMeasurements).where(eq(kpiMeasurements.id, measurementId)).run();
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
