// Waves (målinger): created as drafts with one link per unit; opening freezes a survey version.
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { responses, rollouts, units, waveLinks, waves, type waveStatuses } from '../../db/schema';
import type { LinkPatch, WaveInput, WavePatch } from '../contract/waves';
import { type Clock, todayUtc } from './clock';
import { conflict, invalid, notFound } from './errors';
import { getProjectRow } from './projects';
import { ensureSurveyVersion, getSurveyVersion, type SurveyThresholds } from './surveys';
import { activeUnitIds } from './units';
import { countVisibility } from './countVisibility';
import { answerCounts, hiddenUnitsOfWave } from './waveHiding';

/** 128 random bits, URL-safe: unguessable, and carries no information about the unit. */
export const newToken = () => randomBytes(16).toString('base64url');

export async function getWaveRow(db: DbLike, waveId: number) {
  const [row] = await db.select().from(waves).where(eq(waves.id, waveId)).limit(1);
  if (!row) throw notFound('Wave');
  return row;
}

/** An open wave whose close date has passed counts as closed, even before anyone presses close. */
export function effectiveStatus(wave: { status: (typeof waveStatuses)[number]; closesOn: string | null }, clock: Clock) {
  if (wave.status === 'open' && wave.closesOn && wave.closesOn < todayUtc(clock)) return 'closed' as const;
  return wave.status;
}

/** Waves with their response totals; a total is left out where it would reveal a small unit's count. */
export async function listWaves(db: Db, projectId: number, threshold: number, clock: Clock) {
  await getProjectRow(db, projectId);
  const rows = await db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(asc(waves.id));
  const counts = await db
    .select({ waveId: responses.waveId, n: count() })
    .from(responses)
    .innerJoin(waves, eq(waves.id, responses.waveId))
    .where(eq(waves.projectId, projectId))
    .groupBy(responses.waveId);
  const links = await linkHeadcounts(db, rows.map((w) => w.id));
  return rows.map((w) => {
    const { hideTotal } = countVisibility(links.filter((l) => l.waveId === w.id), threshold);
    return { ...w, status: effectiveStatus(w, clock), responses: hideTotal ? null : counts.find((c) => c.waveId === w.id)?.n ?? 0 };
  });
}

/** Each link's unit and headcount (at open; today's for a draft wave). */
export async function linkHeadcounts(db: DbLike, waveIds: number[]) {
  if (!waveIds.length) return [];
  return db
    .select({
      waveId: waveLinks.waveId,
      unitId: waveLinks.unitId,
      headcount: sql<number>`case when ${waves.status} = 'draft' then ${units.headcount} else ${waveLinks.headcountAtOpen} end`.mapWith(Number),
    })
    .from(waveLinks)
    .innerJoin(units, eq(units.id, waveLinks.unitId))
    .innerJoin(waves, eq(waves.id, waveLinks.waveId))
    .where(inArray(waveLinks.waveId, waveIds))
    .orderBy(asc(waveLinks.waveId), asc(waveLinks.unitId));
}

export async function createWave(db: Db, projectId: number, input: WaveInput) {
  await getProjectRow(db, projectId);
  if (input.opensOn && input.closesOn && input.closesOn < input.opensOn) {
    throw invalid('invalid_dates', 'The close date must not be before the open date', [{ path: 'closesOn', code: 'before_open', message: 'closesOn is before opensOn' }]);
  }
  const projectUnits = (await db.select({ unitId: rollouts.unitId }).from(rollouts).where(eq(rollouts.projectId, projectId)).orderBy(asc(rollouts.unitId))).map(
    (r) => r.unitId,
  );
  // Retired units keep their history but get no new links.
  const unitIds = input.unitIds ?? (await activeUnitIds(db, projectUnits));
  const active = new Set(await activeUnitIds(db, unitIds));
  // Unknown or foreign units first: only a unit of the project can be called retired.
  const outside = unitIds.filter((u) => !projectUnits.includes(u));
  if (outside.length) throw invalid('unit_not_in_project', 'Every unit must be one of the project\'s units', outside.map((u) => ({ path: 'unitIds', code: 'unit_not_in_project', message: `${u}` })));
  const retired = unitIds.filter((u) => !active.has(u));
  if (retired.length && input.unitIds) throw invalid('unit_retired', 'A retired unit cannot get a new link', retired.map((u) => ({ path: 'unitIds', code: 'unit_retired', message: `${u}` })));
  if (unitIds.length === 0) throw invalid('no_units', 'A wave needs at least one unit; add units to the project first');
  return transaction(db, async (tx) => {
    const [wave] = await tx
      .insert(waves)
      .values({ projectId, name: input.name, phase: input.phase, opensOn: input.opensOn ?? null, closesOn: input.closesOn ?? null })
      .returning();
    await tx.insert(waveLinks).values([...new Set(unitIds)].map((unitId) => ({ waveId: wave.id, unitId, token: newToken() })));
    return wave;
  });
}

/** Freezes the survey (reusing the latest version if nothing changed) and records headcounts for response rates. */
export async function openWave(db: Db, waveId: number, clock: Clock, thresholds: SurveyThresholds) {
  return transaction(db, async (tx) => {
    const wave = await getWaveRow(tx, waveId);
    if (wave.status !== 'draft') throw conflict('wave_not_draft', 'Only a draft wave can be opened');
    const version = await ensureSurveyVersion(tx, wave.projectId, wave.phase, thresholds);
    if ((version.itemMap as { items: unknown[] }).items.length === 0) throw invalid('empty_survey', 'The survey has no questions; add a behaviour first');
    await tx
      .update(waveLinks)
      .set({ headcountAtOpen: sql`(select headcount from units where units.id = ${waveLinks.unitId})` })
      .where(eq(waveLinks.waveId, waveId));
    const today = todayUtc(clock);
    // Still a draft: of two concurrent opens (or an open and a delete) only one gets past this on PostgreSQL.
    const [opened] = await tx
      .update(waves)
      .set({ status: 'open', surveyVersionId: version.id, opensOn: wave.opensOn && wave.opensOn <= today ? wave.opensOn : today })
      .where(and(eq(waves.id, waveId), eq(waves.status, 'draft')))
      .returning();
    if (!opened) throw conflict('wave_not_draft', 'Only a draft wave can be opened');
    return opened;
  });
}

export async function closeWave(db: Db, waveId: number, clock: Clock) {
  const wave = await getWaveRow(db, waveId);
  if (wave.status === 'draft') throw conflict('wave_not_open', 'A draft wave cannot be closed; delete it instead');
  if (wave.status === 'closed') return wave;
  const today = todayUtc(clock);
  const closesOn = wave.closesOn && wave.closesOn < today ? wave.closesOn : today;
  const [closed] = await db.update(waves).set({ status: 'closed', closesOn }).where(eq(waves.id, waveId)).returning();
  if (!closed) throw notFound('Wave');
  return closed;
}

export async function updateWave(db: Db, waveId: number, input: WavePatch, clock: Clock) {
  const wave = await getWaveRow(db, waveId);
  // A closed wave stays closed: reopening after its results were shown would let new answers be subtracted out.
  if (input.closesOn !== undefined && effectiveStatus(wave, clock) === 'closed') throw conflict('wave_closed', 'A closed wave cannot be reopened; open a new wave instead');
  if (input.closesOn && wave.opensOn && input.closesOn < wave.opensOn) throw invalid('invalid_dates', 'The close date must not be before the open date');
  const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  // Nothing to change (an empty patch) answers the wave as it is.
  if (Object.keys(values).length === 0) return wave;
  const [updated] = await db.update(waves).set(values).where(eq(waves.id, waveId)).returning();
  if (!updated) throw notFound('Wave');
  return updated;
}

export async function deleteWave(db: Db, waveId: number): Promise<void> {
  const wave = await getWaveRow(db, waveId);
  if (wave.status !== 'draft') throw conflict('wave_not_draft', 'Only a draft wave can be deleted; an opened wave keeps its answers');
  // Only while still a draft: a wave opened meanwhile keeps its answers.
  const deleted = await db.delete(waves).where(and(eq(waves.id, waveId), eq(waves.status, 'draft'))).returning({ id: waves.id });
  if (!deleted.length) throw conflict('wave_not_draft', 'Only a draft wave can be deleted; an opened wave keeps its answers');
}

/** Links with response counts per unit. Hidden as the report hides the wave's units: by headcount
 *  (countVisibility) and, once results are shown, by the answers too, so that a count here cannot tell a
 *  unit hidden in the report for too few answers from one hidden to protect it. */
export async function listLinks(db: Db, waveId: number, publicUrl: string, threshold: number, clock: Clock) {
  const wave = await getWaveRow(db, waveId);
  const rows = await db
    .select({ id: waveLinks.id, unitId: waveLinks.unitId, unitName: units.name, headcount: units.headcount, token: waveLinks.token, headcountAtOpen: waveLinks.headcountAtOpen, ineligible: waveLinks.ineligible })
    .from(waveLinks)
    .innerJoin(units, eq(units.id, waveLinks.unitId))
    .where(eq(waveLinks.waveId, waveId))
    .orderBy(asc(units.name), asc(waveLinks.unitId));
  if (!rows.length) return [];
  const counts = await db
    .select({ unitId: responses.unitId, n: count() })
    .from(responses)
    .where(and(eq(responses.waveId, waveId), inArray(responses.unitId, rows.map((r) => r.unitId))))
    .groupBy(responses.unitId);
  const status = effectiveStatus(wave, clock);
  const resultsShown = status === 'closed' || (status === 'open' && wave.liveResults);
  const items = resultsShown && wave.surveyVersionId ? (await getSurveyVersion(db, wave.surveyVersionId)).itemMap.items : [];
  const hidden = hiddenUnitsOfWave(waveId, await linkHeadcounts(db, [waveId]), items, items.length ? await answerCounts(db, [waveId]) : new Map<string, number[]>(), threshold);
  return rows.map((r) => {
    const n = counts.find((c) => c.unitId === r.unitId)?.n ?? 0;
    return { ...r, url: `${publicUrl}/s/${r.token}`, responses: hidden.has(r.unitId) ? null : n };
  });
}

/** Corrects a link's eligible population: headcount at open and staff not eligible (on leave, new, …). */
export async function updateLink(db: Db, waveId: number, linkId: number, input: LinkPatch) {
  const [link] = await db.select().from(waveLinks).where(and(eq(waveLinks.id, linkId), eq(waveLinks.waveId, waveId))).limit(1);
  if (!link) throw notFound('Link');
  const headcount = input.headcountAtOpen ?? link.headcountAtOpen;
  const ineligible = input.ineligible ?? link.ineligible;
  if (ineligible > headcount) {
    throw invalid('ineligible_exceeds_headcount', 'More ineligible staff than the headcount', [{ path: 'ineligible', code: 'ineligible_exceeds_headcount', message: `${ineligible} > ${headcount}` }]);
  }
  const [updated] = await db.update(waveLinks).set({ headcountAtOpen: headcount, ineligible }).where(eq(waveLinks.id, linkId)).returning();
  if (!updated) throw notFound('Link');
  return updated;
}
