// Workshops (issue 12): at a staff meeting a unit's leader shows one behaviour on the projector with a QR code; staff
// join from their phones by the workshop's code, anonymously, write what the behaviour looks like in their own work
// (looks_like) or what gets in the way (barrier), and vote on each other's suggestions.
//
// What is stored of staff: the suggestion's kind and text, its vote count, and per vote a hash of a random id the
// phone made for this workshop (so a phone's second vote on a suggestion does not count). No account, IP address,
// user agent, device id or time. Suggestions are shown to the room (the phones and the projector alike) only once
// the workshop holds at least the free-text threshold of them (the disclosure policy's, as for survey comments), so
// nobody is exposed by writing first; the leader may hide one (it names a colleague or a citizen).
import { createHash, randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { isUniqueViolation, serialize, transaction, type Db } from '../../db/client';
import { behaviours, projects, rollouts, unitBehaviourDescriptions, units, users, workshopSuggestions, workshopVotes, workshops } from '../../db/schema';
import { formatShortCode, normaliseShortCode } from '../contract/waveLinks';
import type { SuggestionInput } from '../contract/workshops';
import { nowIso, type Clock } from './clock';
import { conflict, DomainError, notFound } from './errors';
import { newShortCode, SHORT_CODE_TRIES } from './shortCodes';

type WorkshopRow = typeof workshops.$inferSelect;

/** The behaviour as the room reads it: Danish and English, the old behaviour it replaces. */
async function behaviourShown(db: Db, behaviourId: number) {
  const [b] = await db
    .select({ id: behaviours.id, title: behaviours.title, titleEn: behaviours.titleEn, description: behaviours.description, descriptionEn: behaviours.descriptionEn, oldBehaviour: behaviours.oldBehaviour, oldBehaviourEn: behaviours.oldBehaviourEn })
    .from(behaviours)
    .where(eq(behaviours.id, behaviourId))
    .limit(1);
  if (!b) throw notFound('Behaviour');
  return b;
}

/** Throws not_found unless the behaviour is a live one of the project and the unit takes part in it (a rollout). */
export async function assertBehaviourAndUnitInProject(db: Db, projectId: number, unitId: number, behaviourId: number): Promise<void> {
  const [b] = await db
    .select({ id: behaviours.id })
    .from(behaviours)
    .where(and(eq(behaviours.id, behaviourId), eq(behaviours.projectId, projectId), isNull(behaviours.archivedAt)))
    .limit(1);
  if (!b) throw notFound('Behaviour');
  await assertUnitInProject(db, projectId, unitId);
}

export async function assertUnitInProject(db: Db, projectId: number, unitId: number): Promise<void> {
  const [r] = await db
    .select({ unitId: rollouts.unitId })
    .from(rollouts)
    .where(and(eq(rollouts.projectId, projectId), eq(rollouts.unitId, unitId)))
    .limit(1);
  if (!r) throw notFound('Unit');
}

/** The project and unit of a workshop, for the access checks (owners.ts and the leader check). */
export async function workshopPlace(db: Db, workshopId: number): Promise<{ projectId: number; unitId: number }> {
  const [w] = await db.select({ projectId: workshops.projectId, unitId: workshops.unitId }).from(workshops).where(eq(workshops.id, workshopId)).limit(1);
  if (!w) throw notFound('Workshop');
  return w;
}

const joinUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/w/${token}`;
/** What the projector prints beside the QR code: host and path only, the code in two groups of four. */
const shortAddress = (publicUrl: string, token: string) => `${publicUrl.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/w/${formatShortCode(token)}`;

/** Starts a workshop; one open workshop per unit and behaviour at a time (409 workshop_open names it). */
export async function startWorkshop(db: Db, projectId: number, unitId: number, behaviourId: number, userId: number): Promise<{ id: number }> {
  await assertBehaviourAndUnitInProject(db, projectId, unitId, behaviourId);
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(db, async (tx) => {
        // Two leaders pressing Start at once still make one open workshop.
        await serialize(tx, `workshop-start:${unitId}:${behaviourId}`);
        const [open] = await tx
          .select({ id: workshops.id })
          .from(workshops)
          .where(and(eq(workshops.unitId, unitId), eq(workshops.behaviourId, behaviourId), eq(workshops.projectId, projectId), eq(workshops.status, 'open')))
          .limit(1);
        if (open) throw conflict('workshop_open', 'A workshop on this behaviour is already open in this unit; close it first', { workshopId: open.id });
        const [row] = await tx.insert(workshops).values({ projectId, unitId, behaviourId, token: newShortCode(), createdBy: userId }).returning({ id: workshops.id });
        return row;
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= SHORT_CODE_TRIES) throw e;
    }
  }
}

/** What the room may see of a workshop's suggestions. `hidden` only goes to the leader's screen. */
export interface Room {
  /** Suggestions needed before any is shown (the free-text threshold). */
  threshold: number;
  /** Suggestions written so far, hidden ones included. */
  written: number;
  shown: boolean;
  suggestions: { id: number; kind: SuggestionInput['kind']; text: string; votes: number }[];
}

async function room(db: Db, workshopId: number, threshold: number): Promise<Room & { hidden: number }> {
  const rows = await db
    .select({ id: workshopSuggestions.id, kind: workshopSuggestions.kind, text: workshopSuggestions.text, votes: workshopSuggestions.votes, hiddenAt: workshopSuggestions.hiddenAt })
    .from(workshopSuggestions)
    .where(eq(workshopSuggestions.workshopId, workshopId))
    // Most votes first; ties by the random id, which says nothing about when a suggestion was written.
    .orderBy(desc(workshopSuggestions.votes), asc(workshopSuggestions.id));
  const written = rows.length;
  const shown = written >= threshold;
  const visible = rows.filter((r) => !r.hiddenAt);
  // Below the threshold nothing of the texts leaves the server, not even to the leader.
  return { threshold, written, shown, suggestions: shown ? visible.map(({ id, kind, text, votes }) => ({ id, kind, text, votes })) : [], hidden: written - visible.length };
}

function workshopSummary(w: WorkshopRow, publicUrl: string) {
  return {
    id: w.id,
    projectId: w.projectId,
    unitId: w.unitId,
    behaviourId: w.behaviourId,
    status: w.status,
    code: formatShortCode(w.token),
    joinUrl: joinUrl(publicUrl, w.token),
    shortAddress: shortAddress(publicUrl, w.token),
    createdAt: w.createdAt,
    closedAt: w.closedAt,
  };
}

async function workshopRow(db: Db, workshopId: number): Promise<WorkshopRow> {
  const [w] = await db.select().from(workshops).where(eq(workshops.id, workshopId)).limit(1);
  if (!w) throw notFound('Workshop');
  return w;
}

/** The leader's (projector) view: the behaviour, the join address, the room's suggestions and the unit's current
 *  agreed description of the behaviour, if any (with its version, to edit it). */
export async function workshopView(db: Db, workshopId: number, threshold: number, publicUrl: string) {
  const w = await workshopRow(db, workshopId);
  const [unit] = await db.select({ id: units.id, name: units.name, nameEn: units.nameEn }).from(units).where(eq(units.id, w.unitId)).limit(1);
  const [project] = await db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.id, w.projectId)).limit(1);
  const [description] = await db
    .select({ description: unitBehaviourDescriptions.description, descriptionEn: unitBehaviourDescriptions.descriptionEn, workshopId: unitBehaviourDescriptions.workshopId, version: unitBehaviourDescriptions.version, updatedAt: unitBehaviourDescriptions.updatedAt })
    .from(unitBehaviourDescriptions)
    .where(and(eq(unitBehaviourDescriptions.behaviourId, w.behaviourId), eq(unitBehaviourDescriptions.unitId, w.unitId)))
    .limit(1);
  return {
    workshop: workshopSummary(w, publicUrl),
    project,
    unit,
    behaviour: await behaviourShown(db, w.behaviourId),
    room: await room(db, w.id, threshold),
    description: description ?? null,
  };
}

/** A unit's workshops in a project, newest first, with how much was written (texts only through the view). */
export async function unitWorkshops(db: Db, projectId: number, unitId: number, publicUrl: string) {
  await assertUnitInProject(db, projectId, unitId);
  const rows = await db
    .select({ w: workshops, behaviourTitle: behaviours.title, startedBy: users.name, written: sql<number>`(select count(*) from ${workshopSuggestions} where ${workshopSuggestions.workshopId} = ${workshops.id})` })
    .from(workshops)
    .innerJoin(behaviours, eq(behaviours.id, workshops.behaviourId))
    .leftJoin(users, eq(users.id, workshops.createdBy))
    .where(and(eq(workshops.projectId, projectId), eq(workshops.unitId, unitId)))
    .orderBy(desc(workshops.id));
  return rows.map((r) => ({ ...workshopSummary(r.w, publicUrl), behaviourTitle: r.behaviourTitle, startedBy: r.startedBy ?? null, written: Number(r.written) }));
}

/** The workshop's join address as an SVG QR code for the projector (error correction M, as the wave links'). */
export async function workshopQrSvg(db: Db, workshopId: number, publicUrl: string): Promise<string> {
  const w = await workshopRow(db, workshopId);
  return QRCode.toString(joinUrl(publicUrl, w.token), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** Hides a suggestion from the room for good (idempotent: the first hiding's time stays). */
export async function hideSuggestion(db: Db, workshopId: number, suggestionId: number, clock: Clock): Promise<void> {
  const hidden = await db
    .update(workshopSuggestions)
    .set({ hiddenAt: sql`coalesce(${workshopSuggestions.hiddenAt}, ${nowIso(clock)})` })
    .where(and(eq(workshopSuggestions.id, suggestionId), eq(workshopSuggestions.workshopId, workshopId)))
    .returning({ id: workshopSuggestions.id });
  if (!hidden.length) throw notFound('Suggestion');
}

/** Closes the workshop (idempotent): the phones can still read it but no longer write or vote. */
export async function closeWorkshop(db: Db, workshopId: number, clock: Clock): Promise<void> {
  await workshopRow(db, workshopId);
  await db
    .update(workshops)
    .set({ status: 'closed', closedAt: nowIso(clock) })
    .where(and(eq(workshops.id, workshopId), eq(workshops.status, 'open')));
}

// ---------- the phones (public, by the workshop's code) ----------

async function byToken(db: Db, typed: string): Promise<WorkshopRow> {
  const token = normaliseShortCode(typed);
  const [w] = token ? await db.select().from(workshops).where(eq(workshops.token, token)).limit(1) : [];
  if (!w) throw notFound('Workshop', 'workshop_unknown');
  return w;
}

const closed = () => new DomainError('gone', 'workshop_closed', 'This workshop is closed; nothing more can be written or voted on');

/** What a phone shows: the behaviour, the unit and the room (never who wrote what, never hidden suggestions). */
export async function phoneView(db: Db, typed: string, threshold: number) {
  const w = await byToken(db, typed);
  const [unit] = await db.select({ name: units.name, nameEn: units.nameEn }).from(units).where(eq(units.id, w.unitId)).limit(1);
  const [project] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, w.projectId)).limit(1);
  const { hidden: _hidden, ...shown } = await room(db, w.id, threshold);
  return {
    workshop: { code: formatShortCode(w.token), status: w.status, projectName: project?.name ?? '', unitName: unit?.name ?? '', unitNameEn: unit?.nameEn ?? '', behaviour: await behaviourShown(db, w.behaviourId) },
    room: shown,
  };
}

export async function addSuggestion(db: Db, typed: string, input: SuggestionInput): Promise<{ id: number }> {
  const w = await byToken(db, typed);
  if (w.status !== 'open') throw closed();
  // A random id, as a response's: a sequential one would tell the room the order of writing (and, with the count
  // each phone sees rise below the threshold, who wrote what once the texts are shown) and count other workshops'.
  for (let attempt = 0; attempt < 10; attempt++) {
    const [row] = await db.insert(workshopSuggestions).values({ id: randomInt(1, 2 ** 31 - 1), workshopId: w.id, kind: input.kind, text: input.text }).onConflictDoNothing().returning({ id: workshopSuggestions.id });
    if (row) return row;
  }
  throw new Error('No free suggestion id after 10 random tries');
}

/** The stored form of a phone's vote key: a hash bound to this workshop, so it matches nothing anywhere else. */
const voterKey = (workshopId: number, voterId: string) => createHash('sha256').update(`workshop-vote\0${workshopId}\0${voterId}`).digest('base64url');

/** One vote per phone and suggestion: a second one is answered `counted: false` and changes nothing. */
export async function vote(db: Db, typed: string, suggestionId: number, voterId: string, threshold: number): Promise<{ counted: boolean; votes: number }> {
  const w = await byToken(db, typed);
  if (w.status !== 'open') throw closed();
  return transaction(db, async (tx) => {
    const [s] = await tx
      .select({ id: workshopSuggestions.id, hiddenAt: workshopSuggestions.hiddenAt })
      .from(workshopSuggestions)
      .where(and(eq(workshopSuggestions.id, suggestionId), eq(workshopSuggestions.workshopId, w.id)))
      .limit(1);
    if (!s || s.hiddenAt) throw notFound('Suggestion');
    const [{ n }] = await tx.select({ n: sql<number>`count(*)` }).from(workshopSuggestions).where(eq(workshopSuggestions.workshopId, w.id));
    // Nothing is shown below the threshold, so nothing can be voted on either (a vote would reveal an id's text exists).
    if (Number(n) < threshold) throw conflict('suggestions_not_shown', 'Suggestions can be voted on once enough have been written');
    const inserted = await tx.insert(workshopVotes).values({ suggestionId, voterKey: voterKey(w.id, voterId) }).onConflictDoNothing().returning({ suggestionId: workshopVotes.suggestionId });
    const [after] = inserted.length
      ? await tx.update(workshopSuggestions).set({ votes: sql`${workshopSuggestions.votes} + 1` }).where(eq(workshopSuggestions.id, suggestionId)).returning({ votes: workshopSuggestions.votes })
      : await tx.select({ votes: workshopSuggestions.votes }).from(workshopSuggestions).where(eq(workshopSuggestions.id, suggestionId));
    return { counted: inserted.length > 0, votes: after.votes };
  });
}

// ---------- for retention and the DPO export ----------

/** Workshops of a project with their suggestion and vote counts (the DPO export shows counts, never texts). */
export async function workshopCounts(db: Db, projectId: number) {
  const ws = await db.select({ id: workshops.id, status: workshops.status }).from(workshops).where(eq(workshops.projectId, projectId));
  const ids = ws.map((w) => w.id);
  if (!ids.length) return { workshops: 0, open: 0, suggestions: 0, hiddenSuggestions: 0, votes: 0 };
  const [s] = await db
    .select({ n: sql<number>`count(*)`, hidden: sql<number>`coalesce(sum(case when ${workshopSuggestions.hiddenAt} is null then 0 else 1 end), 0)`, votes: sql<number>`coalesce(sum(${workshopSuggestions.votes}), 0)` })
    .from(workshopSuggestions)
    .where(inArray(workshopSuggestions.workshopId, ids));
  return { workshops: ws.length, open: ws.filter((w) => w.status === 'open').length, suggestions: Number(s.n), hiddenSuggestions: Number(s.hidden), votes: Number(s.votes) };
}

/** Deletes what staff wrote in a project's closed workshops (retention, with the raw answers): the suggestions and
 *  their votes go; the workshops and the unit's agreed description (the leader's words) stay. An open workshop is
 *  still in use, as an open wave is. */
/** Deletes the suggestions (and with them the votes) of the project's closed workshops. `closeOpen`: close the open
 *  ones first — past the project's retention date a workshop left open keeps nothing either; "delete now" leaves a
 *  meeting that is running now alone (a later run takes it). */
export async function deleteWorkshopTexts(db: Db, projectId: number, clock: Clock, { closeOpen }: { closeOpen: boolean }): Promise<number> {
  if (closeOpen) await db.update(workshops).set({ status: 'closed', closedAt: nowIso(clock) }).where(and(eq(workshops.projectId, projectId), eq(workshops.status, 'open')));
  const ids = await workshopIds(db, projectId, 'closed');
  if (!ids.length) return 0;
  const gone = await db.delete(workshopSuggestions).where(inArray(workshopSuggestions.workshopId, ids)).returning({ id: workshopSuggestions.id });
  return gone.length;
}

/** Whether a workshop of the project, open or closed, still holds suggestions (retention has something left). */
export async function hasWorkshopTexts(db: Db, projectId: number): Promise<boolean> {
  const ids = await workshopIds(db, projectId);
  if (!ids.length) return false;
  const [row] = await db.select({ id: workshopSuggestions.id }).from(workshopSuggestions).where(inArray(workshopSuggestions.workshopId, ids)).limit(1);
  return !!row;
}

async function workshopIds(db: Db, projectId: number, status?: 'closed'): Promise<number[]> {
  return (await db.select({ id: workshops.id }).from(workshops).where(and(eq(workshops.projectId, projectId), status ? eq(workshops.status, status) : undefined))).map((w) => w.id);
}
