// Waves (målinger): created as drafts with one link per unit; opening freezes a survey version. The schedule
// (opensAt/closesAt) then decides by the clock when staff can answer (waveSchedule.ts).
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { preparedQuery, serialize, transaction, type Db, type DbLike } from '../../db/client';
import { projects, reportingGroups, reportingGroupUnits, responses, rollouts, units, waveLinks, waves, type waveStatuses } from '../../db/schema';
import type { LinkPatch, WaveInput, WavePatch } from '../contract/waves';
import { type Clock, nowIso } from './clock';
import { conflict, invalid, notFound } from './errors';
import { getProjectRow } from './projects';
import { ensureSurveyVersion, getSurveyVersion, type SurveyThresholds } from './surveys';
import { activeUnitIds } from './units';
import { answerCounts, respondentCounts } from './answerCounts';
import { cellRespondents, reportingCells, type DisclosurePolicy, type WaveDisclosure } from './disclosure';
import { releaseIfReady } from './liveReleases';
import { groupNamesByUnit } from './reportingGroups';
import { ensureWaveShortCodes, insertLinks, linkAddresses } from './shortCodes';
import { daysOf, resolveSchedule, scheduleView, statusByClock, type EffectiveStatus } from './waveSchedule';
import { notLiveAtOpening } from './waveUnits';
import { claimVersion, nextVersion, staleVersion } from './versioned';

/** 128 random bits, URL-safe: unguessable, and carries no information about the unit. */
export const newToken = () => randomBytes(16).toString('base64url');

export async function getWaveRow(db: DbLike, waveId: number) {
  const [row] = await db.select().from(waves).where(eq(waves.id, waveId)).limit(1);
  if (!row) throw notFound('Wave');
  return row;
}

/** The wave's status by the clock: scheduled before opensAt, closed from closesAt, even before anyone presses close. */
export function effectiveStatus(wave: { status: (typeof waveStatuses)[number]; opensAt?: string | null; closesAt?: string | null; closesOn: string | null }, clock: Clock): EffectiveStatus {
  return statusByClock(wave, clock);
}

/** A wave as the API answers it: its row, the status by the clock and the schedule in Copenhagen time too. */
export function waveView(wave: typeof waves.$inferSelect, clock: Clock) {
  return { ...wave, status: effectiveStatus(wave, clock), ...scheduleView(wave) };
}

/**
 * Waves whose close time has passed are closed as closeWave closes them (the live-results tail joins only as a
 * block the policy accepts), before anything is read: createApp runs this first on every request, with the
 * request's one "now", so no view ever shows a closed wave's results before its tail was decided.
 */
const dueWavesQuery = (db: Db, now: string | ReturnType<typeof sql.placeholder>) =>
  db
    .select({ id: waves.id })
    .from(waves)
    .where(and(eq(waves.status, 'open'), sql`${waves.closesAt} is not null`, sql`${waves.closesAt} <= ${now}`))
    .orderBy(asc(waves.id));

/** Held by a close, and shared by every answer being stored in the wave (PostgreSQL; SQLite's writers take turns). */
export const closeLock = (waveId: number) => `close:${waveId}`;

export async function closeDueWaves(db: Db, policy: DisclosurePolicy, clock: Clock): Promise<void> {
  const now = nowIso(clock);
  // Asked on nearly every request: built once per SQLite connection (preparedQuery), per call on PostgreSQL.
  const due = await (db.engine === 'sqlite' ? preparedQuery(db, 'waves.due', (d) => dueWavesQuery(d, sql.placeholder('now')).prepare()).all({ now }) : dueWavesQuery(db, now));
  for (const { id } of due) await closeWave(db, id, policy, clock);
}

/** Waves with their response totals; a total is left out where it would reveal a small unit's count. */
export async function listWaves(db: Db, projectId: number, policy: DisclosurePolicy, clock: Clock) {
  await getProjectRow(db, projectId);
  const rows = await db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(asc(waves.id));
  const links = await waveLinkCells(db, rows.map((w) => w.id));
  // While a wave with live results runs, its total counts the released answers only: the exact running count
  // beside the moment a release comes (or does not) would tell something of the answers held back.
  const countedOf = (w: (typeof rows)[number]) => {
    const status = effectiveStatus(w, clock);
    return status === 'open' && (w.liveResults || w.releases > 0) && policy.stage({ ...w, status }).answers === 'released' ? ('released' as const) : ('all' as const);
  };
  // Per cell, the same responses the total counts: the total is hidden as the report hides it.
  const perCell = await respondentCounts(db, rows.map((w) => ({ waveId: w.id, answers: countedOf(w) })));
  return rows.map((w) => {
    const cells = reportingCells(links.filter((l) => l.waveId === w.id));
    const ofWave = perCell.filter((r) => r.waveId === w.id);
    const hideTotal = policy.waveTotalHidden(cells, cellRespondents(cells, ofWave));
    const total = ofWave.reduce((sum, r) => sum + r.n, 0);
    return { ...waveView(w, clock), responses: hideTotal ? null : total, responsesReleasedOnly: countedOf(w) === 'released' };
  });
}

/** Each link's unit, headcount and reporting group: as frozen when the wave opened, or today's for a draft. */
export async function waveLinkCells(db: DbLike, waveIds: number[]) {
  if (!waveIds.length) return [];
  const currentGroup = db
    .select({ name: reportingGroups.name })
    .from(reportingGroupUnits)
    .innerJoin(reportingGroups, eq(reportingGroups.id, reportingGroupUnits.groupId))
    .where(and(eq(reportingGroupUnits.projectId, waves.projectId), eq(reportingGroupUnits.unitId, waveLinks.unitId)));
  return db
    .select({
      waveId: waveLinks.waveId,
      unitId: waveLinks.unitId,
      unitName: units.name,
      headcount: sql<number>`case when ${waves.status} = 'draft' then ${units.headcount} else ${waveLinks.headcountAtOpen} end`.mapWith(Number),
      reportGroup: sql<string | null>`case when ${waves.status} = 'draft' then (${currentGroup}) else ${waveLinks.reportGroup} end`,
      ineligible: waveLinks.ineligible,
    })
    .from(waveLinks)
    .innerJoin(units, eq(units.id, waveLinks.unitId))
    .innerJoin(waves, eq(waves.id, waveLinks.waveId))
    .where(inArray(waveLinks.waveId, waveIds))
    .orderBy(asc(waveLinks.waveId), asc(waveLinks.unitId));
}

/** Creates a draft wave. A follow-up leaves out units not yet live at its opening (go-live after it, or none
 *  planned) unless includeNotLive; `notLive` names them either way, so the secretariat can decide. */
export async function createWave(db: Db, projectId: number, input: WaveInput, clock: Clock) {
  await getProjectRow(db, projectId);
  const { changed: _changed, ...schedule } = resolveSchedule(input, { opensAt: null, closesAt: null });
  const projectUnits = (await db.select({ unitId: rollouts.unitId }).from(rollouts).where(eq(rollouts.projectId, projectId)).orderBy(asc(rollouts.unitId))).map(
    (r) => r.unitId,
  );
  // Retired units keep their history but get no new links.
  const chosen = input.unitIds ?? (await activeUnitIds(db, projectUnits));
  const active = new Set(await activeUnitIds(db, chosen));
  // Unknown or foreign units first: only a unit of the project can be called retired.
  const outside = chosen.filter((u) => !projectUnits.includes(u));
  if (outside.length) throw invalid('unit_not_in_project', 'Every unit must be one of the project\'s units', outside.map((u) => ({ path: 'unitIds', code: 'unit_not_in_project', message: `${u}` })));
  const retired = chosen.filter((u) => !active.has(u));
  if (retired.length && input.unitIds) throw invalid('unit_retired', 'A retired unit cannot get a new link', retired.map((u) => ({ path: 'unitIds', code: 'unit_retired', message: `${u}` })));
  if (chosen.length === 0) throw invalid('no_units', 'A wave needs at least one unit; add units to the project first');
  const notLive = input.phase === 'followup' ? await notLiveAtOpening(db, projectId, chosen, schedule.opensAt ?? nowIso(clock), input.includeNotLive ?? false) : [];
  const excluded = new Set(notLive.filter((u) => !u.included).map((u) => u.unitId));
  const unitIds = chosen.filter((u) => !excluded.has(u));
  if (unitIds.length === 0) {
    throw invalid('no_units_live', 'No chosen unit is live when the follow-up opens; move the opening, or include units not yet live deliberately (includeNotLive) as a comparison group', notLive.map((u) => ({ path: 'unitIds', code: 'not_live_at_open', message: u.message })));
  }
  return transaction(db, async (tx) => {
    const [wave] = await tx
      .insert(waves)
      .values({ projectId, name: input.name, nameEn: input.nameEn ?? '', phase: input.phase, ...schedule })
      .returning();
    await insertLinks(tx, wave.id, unitIds, newToken);
    return { ...waveView(wave, clock), notLive };
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
    // The reporting groups are frozen with the wave: regrouping later must not let a group be subtracted out.
    for (const [unitId, group] of await groupNamesByUnit(tx, wave.projectId)) {
      await tx.update(waveLinks).set({ reportGroup: group }).where(and(eq(waveLinks.waveId, waveId), eq(waveLinks.unitId, unitId)));
    }
    const now = nowIso(clock);
    // A close time already past is allowed (as before): the wave is then closed by its time at once, with no answers.
    // An opening time still ahead schedules the wave: survey and links are ready now, answers come from opensAt.
    const schedule = daysOf(wave.opensAt ?? now, wave.closesAt);
    // Still a draft: of two concurrent opens (or an open and a delete) only one gets past this on PostgreSQL.
    const [opened] = await tx
      .update(waves)
      .set({ status: 'open', version: nextVersion(waves), surveyVersionId: version.id, ...schedule, opensOn: wave.opensAt ? schedule.opensOn : (wave.opensOn ?? schedule.opensOn), closesOn: schedule.closesOn ?? wave.closesOn })
      .where(and(eq(waves.id, waveId), eq(waves.status, 'draft')))
      .returning();
    if (!opened) throw conflict('wave_not_draft', 'Only a draft wave can be opened');
    // Measuring has begun: a project still in planning is now in rollout (the lists show it so).
    await tx
      .update(projects)
      .set({ status: 'udrulning', version: nextVersion(projects) })
      .where(and(eq(projects.id, wave.projectId), eq(projects.status, 'planlaegning')));
    return waveView(opened, clock);
  });
}

export async function closeWave(db: Db, waveId: number, policy: DisclosurePolicy, clock: Clock) {
  return transaction(db, async (tx) => {
    // Answers being stored hold this lock shared (submitResponse): the close waits for them, and an answer that
    // comes while it runs waits for it and then finds the wave closed. Taken before the release lock, as they take it.
    await serialize(tx, closeLock(waveId));
    const wave = await getWaveRow(tx, waveId);
    if (wave.status === 'draft') throw conflict('wave_not_open', 'A draft wave cannot be closed; delete it instead');
    if (wave.status === 'closed') return waveView(wave, clock);
    const status = effectiveStatus(wave, clock);
    const now = nowIso(clock);
    // Closed by its time: it keeps that time. Closed early: now, and a wave that never opened opens and closes now.
    const closesAt = status === 'closed' && wave.closesAt ? wave.closesAt : now;
    const opensAt = status === 'scheduled' ? now : (wave.opensAt ?? null);
    const days = daysOf(opensAt, closesAt);
    // An older row closed by its day (no instants) keeps that day.
    const closesOn = status === 'closed' && !wave.closesAt ? wave.closesOn : days.closesOn;
    // After live releases, the last answers join the final results only as a block the policy accepts.
    if (wave.releases > 0) await releaseIfReady(tx, waveId, policy);
    const [closed] = await tx
      .update(waves)
      .set({ status: 'closed', closesAt: status === 'closed' ? wave.closesAt : closesAt, closesOn, ...(opensAt ? { opensAt, opensOn: days.opensOn } : {}) })
      .where(and(eq(waves.id, waveId), eq(waves.status, 'open')))
      .returning();
    // Closed meanwhile by another request (the same close): answer it as it is.
    if (!closed) return waveView(await getWaveRow(tx, waveId), clock);
    return waveView(closed, clock);
  });
}

/** Renames, switches live results, or moves the schedule: a draft freely; a scheduled wave its opening and
 *  close; an open wave its close (extend, or shorten to a later time; closing now is closeWave). */
export async function updateWave(db: Db, waveId: number, input: WavePatch, policy: DisclosurePolicy, clock: Clock) {
  const wave = await getWaveRow(db, waveId);
  const { name, nameEn, liveResults, version, ...scheduleInput } = input;
  // Stale first, so the rules below are checked on the wave the client saw; the update re-checks it (versioned.ts).
  if (wave.version !== version) throw staleVersion('wave', waveView(wave, clock), wave.version, input);
  const status = effectiveStatus(wave, clock);
  const { changed, ...schedule } = resolveSchedule(scheduleInput, { opensAt: wave.opensAt, closesAt: wave.closesAt });
  const now = nowIso(clock);
  // A closed wave stays closed: reopening after its results were shown would let new answers be subtracted out.
  if ((changed.opens || changed.closes) && status === 'closed') throw conflict('wave_closed', 'A closed wave cannot be reopened; open a new wave instead');
  if (changed.opens && status === 'open') throw conflict('wave_already_open', 'The wave is open: its opening time cannot move; change its close time instead');
  if (changed.opens && status === 'scheduled' && !schedule.opensAt) throw invalid('opens_required', 'A scheduled wave needs an opening time', [{ path: 'opensAt', code: 'required', message: 'opensAt cannot be cleared once the wave is scheduled' }]);
  if (changed.opens && status === 'scheduled' && schedule.opensAt! < now) Object.assign(schedule, daysOf(now, schedule.closesAt));
  if (changed.closes && status !== 'draft' && schedule.closesAt && schedule.closesAt <= now) {
    throw invalid('close_in_past', 'The new close time has passed; to close the wave now, close it', [{ path: 'closesAt', code: 'close_in_past', message: schedule.closesAt }]);
  }
  // Live results are decided before answers arrive: switched off, the total would show the exact running count,
  // switched on again whether the pending block releases — together they tell something of the last answers.
  if (liveResults !== undefined && liveResults !== wave.liveResults && status !== 'draft' && status !== 'scheduled') {
    const [{ n }] = await db.select({ n: count() }).from(responses).where(eq(responses.waveId, waveId));
    if (status !== 'open' || n > 0) throw conflict('live_results_locked', 'Live results are decided before answers arrive: they cannot be switched on or off once the wave has answers');
  }
  const values = {
    ...Object.fromEntries(Object.entries({ name, nameEn, liveResults }).filter(([, v]) => v !== undefined)),
    ...(changed.opens ? { opensAt: schedule.opensAt, opensOn: schedule.opensOn } : {}),
    ...(changed.closes ? { closesAt: schedule.closesAt, closesOn: schedule.closesOn } : {}),
  };
  // Nothing to change (an empty patch) answers the wave as it is.
  if (Object.keys(values).length === 0) return waveView(wave, clock);
  return transaction(db, async (tx) => {
    await claimVersion(tx, waves, waveId, version, { what: 'wave', read: async () => waveView(await getWaveRow(tx, waveId), clock), sent: input }, values);
    const updated = await getWaveRow(tx, waveId);
    // Live results switched on: the answers so far are the first release, if the policy accepts them as one.
    if (updated.liveResults && effectiveStatus(updated, clock) === 'open' && (await releaseIfReady(tx, waveId, policy))) return waveView(await getWaveRow(tx, waveId), clock);
    return waveView(updated, clock);
  });
}

export async function deleteWave(db: Db, waveId: number): Promise<void> {
  const wave = await getWaveRow(db, waveId);
  if (wave.status !== 'draft') throw conflict('wave_not_draft', 'Only a draft wave can be deleted; an opened wave keeps its answers');
  // Only while still a draft: a wave opened meanwhile keeps its answers.
  const deleted = await db.delete(waves).where(and(eq(waves.id, waveId), eq(waves.status, 'draft'))).returning({ id: waves.id });
  if (!deleted.length) throw conflict('wave_not_draft', 'Only a draft wave can be deleted; an opened wave keeps its answers');
}

/** Links with response counts. A count is shown only as the report would show it: per reporting cell (a
 *  grouped unit's count only with its group's), once the wave's per-unit numbers are shown at all, and not for
 *  a cell the wave's hidden set hides — so a count here never tells what the report keeps back. */
export async function listLinks(db: Db, waveId: number, publicUrl: string, policy: DisclosurePolicy, clock: Clock) {
  const wave = await getWaveRow(db, waveId);
  // Links made before short codes existed get theirs now.
  await ensureWaveShortCodes(db, waveId);
  const rows = await db
    .select({ id: waveLinks.id, unitId: waveLinks.unitId, unitName: units.name, headcount: units.headcount, token: waveLinks.token, headcountAtOpen: waveLinks.headcountAtOpen, ineligible: waveLinks.ineligible, storedCode: waveLinks.shortCode, revokedAt: waveLinks.revokedAt })
    .from(waveLinks)
    .innerJoin(units, eq(units.id, waveLinks.unitId))
    .where(eq(waveLinks.waveId, waveId))
    .orderBy(asc(units.name), asc(waveLinks.unitId));
  if (!rows.length) return [];
  const stage = policy.stage({ ...wave, status: effectiveStatus(wave, clock) });
  // The same responses the report counts (those behind its results), hidden by the same set.
  const { cells, hidden, respondentRows: counts } = await waveHiding(db, wave, stage, policy);
  const countOf = (unitIds: number[], complete?: boolean) => counts.filter((c) => unitIds.includes(c.unitId) && (complete === undefined || c.complete === complete)).reduce((sum, c) => sum + c.n, 0);
  return rows.map(({ storedCode, ...r }) => {
    const cell = cells.find((c) => c.unitIds.includes(r.unitId))!;
    const shown = stage.unitCounts && !hidden.has(cell.key);
    const group = cell.group ? { name: cell.group, responses: shown ? countOf(cell.unitIds) : null } : null;
    return { ...r, ...linkAddresses(publicUrl, r.token, storedCode), responses: shown && !cell.group ? countOf([r.unitId]) : null, group };
  });
}

/**
 * One wave's hiding as the report works it out: its reporting cells, the hidden set, and the respondents per unit
 * it rests on (once per-unit counts are shown). For outputs of one wave that must agree with the report: the links
 * list and the breakdowns.
 */
export async function waveHiding(db: Db, wave: typeof waves.$inferSelect, stage: WaveDisclosure, policy: DisclosurePolicy) {
  const cells = reportingCells(await waveLinkCells(db, [wave.id]));
  // Per-cell respondents are shown once per-unit counts are: they take part in the hiding from then on.
  const respondentRows = stage.unitCounts ? await respondentCounts(db, [{ waveId: wave.id, answers: stage.answers }]) : [];
  const items = stage.results === 'all' && wave.surveyVersionId ? (await getSurveyVersion(db, wave.surveyVersionId)).itemMap.items : [];
  const counts = items.length ? await answerCounts(db, [{ waveId: wave.id, answers: stage.answers }]) : new Map<string, number[]>();
  const { hidden } = policy.hiddenCells(wave.id, cells, items, counts, stage.unitCounts ? cellRespondents(cells, respondentRows) : undefined);
  return { cells, hidden, respondentRows };
}

/** Corrects a link's eligible population: headcount at open and staff not eligible (on leave, new, …). The
 *  headcount decides what is hidden, so it is fixed once the wave's per-unit numbers have been shown. */
export async function updateLink(db: Db, waveId: number, linkId: number, input: LinkPatch, policy: DisclosurePolicy, clock: Clock) {
  const [link] = await db.select().from(waveLinks).where(and(eq(waveLinks.id, linkId), eq(waveLinks.waveId, waveId))).limit(1);
  if (!link) throw notFound('Link');
  const wave = await getWaveRow(db, waveId);
  const headcount = input.headcountAtOpen ?? link.headcountAtOpen;
  if (headcount !== link.headcountAtOpen && policy.stage({ ...wave, status: effectiveStatus(wave, clock) }).unitCounts && wave.status !== 'draft') {
    throw conflict('headcount_fixed', 'The headcount cannot change after the wave\'s numbers per unit were shown: it decides what is hidden');
  }
  // Never above the unit's headcount shown beside it: a larger cap than the public one would let the policy reason
  // a small hidden unit into being pinned. A unit that grew is corrected under the units first.
  if (headcount !== link.headcountAtOpen) {
    const [unit] = await db.select({ headcount: units.headcount }).from(units).where(eq(units.id, link.unitId)).limit(1);
    if (unit && headcount > unit.headcount) {
      throw conflict('headcount_above_unit', `The headcount at open cannot be above the unit's headcount (${unit.headcount}); correct the unit's headcount first (under Units)`, [{ path: 'headcountAtOpen', code: 'headcount_above_unit', message: `${headcount} > ${unit.headcount}` }]);
    }
  }
  const ineligible = input.ineligible ?? link.ineligible;
  if (ineligible > headcount) {
    throw invalid('ineligible_exceeds_headcount', 'More ineligible staff than the headcount', [{ path: 'ineligible', code: 'ineligible_exceeds_headcount', message: `${ineligible} > ${headcount}` }]);
  }
  const [updated] = await db.update(waveLinks).set({ headcountAtOpen: headcount, ineligible }).where(eq(waveLinks.id, linkId)).returning();
  if (!updated) throw notFound('Link');
  return updated;
}
