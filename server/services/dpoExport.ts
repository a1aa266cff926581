// Everything held about one project, as one JSON document for the data protection officer: its texts and items,
// units, waves and links, counts of what raw data is stored and until when, the published aggregates (the report
// exactly as the secretariat sees it, under the same hiding), the audit entries about it, and which accounts can
// read it. Left out on purpose: the links' tokens and short codes (they are the keys to answer as a unit), the
// pairing secret, password hashes, and every individual answer — the document describes the raw data, never copies it.
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { projectEditors, responses, responseValues, units, users, waveLinks, waves } from '../../db/schema';
import { accessFor, canReadProject } from './access';
import { allAudit } from './audit';
import { nowIso, type Clock } from './clock';
import type { DisclosurePolicy } from './disclosure';
import { getPairingSettings } from './pairing';
import { getProjectDetail } from './projects';
import { getProjectReport } from './report';
import { effectiveStatus, listWaves } from './waves';
import { getRetention } from './retention';
import { workshopCounts } from './workshops';

export async function buildDpoExport(db: Db, projectId: number, policy: DisclosurePolicy, clock: Clock, by: { id: number; email: string }) {
  const project = await getProjectDetail(db, projectId);
  const waveRows = await db.select().from(waves).where(eq(waves.projectId, projectId)).orderBy(asc(waves.id));
  const waveIds = waveRows.map((w) => w.id);
  const links = waveIds.length
    ? await db
        .select({ waveId: waveLinks.waveId, unitId: waveLinks.unitId, unitName: units.name, headcountAtOpen: waveLinks.headcountAtOpen, reportGroup: waveLinks.reportGroup, revokedAt: waveLinks.revokedAt })
        .from(waveLinks)
        .innerJoin(units, eq(units.id, waveLinks.unitId))
        .where(inArray(waveLinks.waveId, waveIds))
        .orderBy(asc(waveLinks.waveId), asc(units.name))
    : [];
  // What raw data each wave holds, as counts only. The responses are all stored ones (as the waves list counts a
  // closed wave); the answers, free texts and pairing keys are counted over the responses the results rest on (a
  // wave that released live results keeps to its releases), so no count here tells the left-out tail's answers.
  const held = async (w: (typeof waveRows)[number]) => {
    const inWave = eq(responses.waveId, w.id);
    const stage = policy.stage({ ...w, status: effectiveStatus(w, clock) });
    const inBasis = and(inWave, stage.answers === 'released' ? isNotNull(responses.releasedIn) : undefined);
    const [{ n: responseCount }] = await db.select({ n: count() }).from(responses).where(inWave);
    const [{ n: basisCount }] = await db.select({ n: count() }).from(responses).where(inBasis);
    const [{ n: pairKeys }] = await db.select({ n: count() }).from(responses).where(and(inBasis, isNotNull(responses.pairKey)));
    const [{ n: values }] = await db.select({ n: count() }).from(responseValues).innerJoin(responses, eq(responses.id, responseValues.responseId)).where(inBasis);
    const [{ n: texts }] = await db
      .select({ n: count() })
      .from(responseValues)
      .innerJoin(responses, eq(responses.id, responseValues.responseId))
      .where(and(inBasis, isNotNull(responseValues.valueText), sql`${responseValues.valueText} not like '[%'`));
    return { responses: responseCount, answerValues: values, freeTextAnswers: texts, pairingKeys: pairKeys, leftOutOfResults: responseCount - basisCount };
  };
  // Counts are given for a closed wave whose response total the waves list shows (listWaves): never while a wave
  // runs (polled, they would follow each answer), nor where the total is hidden (it would pin a small unit). A
  // draft holds nothing.
  const totals = new Map((await listWaves(db, projectId, policy, clock)).map((w) => [w.id, w]));
  const heldOf = async (w: (typeof waveRows)[number]) => {
    const status = effectiveStatus(w, clock);
    if (status === 'draft') return held(w);
    if (status !== 'closed') return { hidden: true as const, reason: 'The wave is not closed: the counts of stored data are given once it closes.' };
    if (totals.get(w.id)?.responses === null) return { hidden: true as const, reason: 'The counts are left out as the wave\'s response total is everywhere: they would reveal a small unit.' };
    return held(w);
  };
  const wavesOut = [];
  for (const w of waveRows) {
    wavesOut.push({
      id: w.id,
      name: w.name,
      nameEn: w.nameEn,
      phase: w.phase,
      status: w.status,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      opensOn: w.opensOn,
      closesOn: w.closesOn,
      liveResults: w.liveResults,
      surveyVersionId: w.surveyVersionId,
      links: links.filter((l) => l.waveId === w.id).map(({ waveId: _w, ...l }) => l),
      held: await heldOf(w),
    });
  }
  const report = await getProjectReport(db, projectId, policy, { unitIds: null }, clock);
  const pairing = await getPairingSettings(db, projectId);

  // Every account that can read the project, and how far (the same rule every route applies).
  const accounts = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, disabledAt: users.disabledAt }).from(users).orderBy(asc(users.id));
  const editors = new Set((await db.select({ userId: projectEditors.userId }).from(projectEditors).where(eq(projectEditors.projectId, projectId))).map((e) => e.userId));
  const readers = [];
  for (const u of accounts) {
    const access = await accessFor(db, { id: u.id, email: u.email, name: u.name, role: u.role, locale: u.locale, mustChangePassword: false, ledProjectIds: [...editors].filter((id) => id === u.id && u.role === 'editor').map(() => projectId) });
    if (!canReadProject(access, projectId)) continue;
    readers.push({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      disabled: u.disabledAt !== null,
      editsProject: u.role === 'admin' || (u.role === 'editor' && editors.has(u.id)),
      /** null: every unit of the project; otherwise the units the account's results are cut to. */
      unitIds: access.unitIds ? [...access.unitIds].sort((a, b) => a - b) : null,
    });
  }

  return {
    document: 'Gevinstspor: data held about one project (for the data protection officer)',
    generatedAt: nowIso(clock),
    generatedBy: by.email,
    rules: {
      anonymityThreshold: policy.k,
      freeTextThreshold: policy.rules.freeTextThreshold,
      stored: 'Per response: wave, unit, survey version, day of submission (no time), language, complete or not, the validated answers, and an optional pairing key (HMAC). No IP address, user agent, time of day, account or cookie.',
      omitted: 'Link tokens and short codes (the keys staff answer with), the pairing secret, password hashes and every individual answer are not in this document.',
    },
    project,
    pairing,
    retention: await getRetention(db, projectId, clock),
    waves: wavesOut,
    // Staff-meeting workshops: counts only, never what was written (suggestions hold no identity, device or time).
    workshops: await workshopCounts(db, projectId),
    aggregates: report,
    accounts: readers,
    audit: await allAudit(db, { projectId }, 10_000),
  };
}
