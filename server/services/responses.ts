// The public side: what a staff link shows, and storing an anonymous answer exactly once.
import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { preparedQuery, serialize, serializeShared, transaction, type Db, type DbLike } from '../../db/client';
import { projects, responses, responseValues, units, waveLinks, waves } from '../../db/schema';
import { answersFromValues, validateAnswers } from '../../surveys';
import { asksPairing, takePairing } from '../../surveys/pairing';
import type { Locale } from '../../surveys/types';
import type { ResponseInput } from '../contract/responses';
import { type Clock, todayUtc } from './clock';
import type { DisclosurePolicy } from './disclosure';
import { conflict, DomainError, invalid } from './errors';
import { addTallies } from './answerCounts';
import { releaseIfReady, releaseLock } from './liveReleases';
import { getSurveyVersion } from './surveys';
import { pairKeyFor } from './pairing';
import { closeLock, effectiveStatus } from './waves';

type Value<T> = T | ReturnType<typeof sql.placeholder>;

// The queries every submission runs. On SQLite each is built once per connection (preparedQuery), with
// placeholders for what varies: building drizzle's SQL per request was the largest cost of a submission
// (bench/ingest.bench.ts). PostgreSQL builds them per call, as every other query.
// Each finds at most one row by a unique key (a token, a submission id), so none has a LIMIT: drizzle sends
// .limit(1) as a bound parameter, and with it SQLite ran the link's join 3× slower (bench/README.md).
const linkQuery = (db: Db, token: Value<string>) =>
  db
    .select({ link: waveLinks, wave: waves, unitName: units.name, unitNameEn: units.nameEn, projectName: projects.name, projectNameEn: projects.nameEn })
    .from(waveLinks)
    .innerJoin(waves, eq(waves.id, waveLinks.waveId))
    .innerJoin(units, eq(units.id, waveLinks.unitId))
    .innerJoin(projects, eq(projects.id, waves.projectId))
    .where(eq(waveLinks.token, token));

/** What a submission needs of its link and wave: every submission reads it, the page's names it does not. */
const submitLinkQuery = (db: Db, token: Value<string>) =>
  db
    .select({
      link: { id: waveLinks.id, unitId: waveLinks.unitId, revokedAt: waveLinks.revokedAt },
      wave: {
        id: waves.id,
        projectId: waves.projectId,
        status: waves.status,
        opensAt: waves.opensAt,
        closesAt: waves.closesAt,
        closesOn: waves.closesOn,
        surveyVersionId: waves.surveyVersionId,
        liveResults: waves.liveResults,
        releases: waves.releases,
      },
    })
    .from(waveLinks)
    .innerJoin(waves, eq(waves.id, waveLinks.waveId))
    .where(eq(waveLinks.token, token));

const submissionQuery = (db: Db, submissionId: Value<string>) =>
  db.select({ id: responses.id, waveId: responses.waveId, unitId: responses.unitId }).from(responses).where(eq(responses.submissionId, submissionId));

const linkStateQuery = (db: Db, linkId: Value<number>) =>
  db.select({ status: waves.status, revokedAt: waveLinks.revokedAt }).from(waveLinks).innerJoin(waves, eq(waves.id, waveLinks.waveId)).where(eq(waveLinks.id, linkId));

/** The link's wave status and revocation as stored now (read again inside the submission's transaction). */
const currentLinkState = (db: Db, linkId: number) =>
  db.engine === 'sqlite' ? preparedQuery(db, 'responses.linkState', (d) => linkStateQuery(d, sql.placeholder('linkId')).prepare()).all({ linkId }) : linkStateQuery(db, linkId);

/** The response stored under a submission id, if any. */
const storedSubmission = (db: Db, submissionId: string) =>
  db.engine === 'sqlite'
    ? preparedQuery(db, 'responses.bySubmission', (d) => submissionQuery(d, sql.placeholder('submissionId')).prepare()).all({ submissionId })
    : submissionQuery(db, submissionId);

const headcountQuery = (db: Db, token: Value<string>) =>
  db.select({ headcount: units.headcount }).from(waveLinks).innerJoin(units, eq(units.id, waveLinks.unitId)).where(eq(waveLinks.token, token));

/** The current headcount of the link's unit (0 for an unknown link): what a link's budget of stored answers is sized
 *  from (server/http/limits.ts). Read on every submission once a link is past its floor, so prepared on SQLite. */
export async function linkHeadcount(db: Db, token: string): Promise<number> {
  const [row] = await (db.engine === 'sqlite' ? preparedQuery(db, 'responses.headcount', (d) => headcountQuery(d, sql.placeholder('token')).prepare()).all({ token }) : headcountQuery(db, token));
  return row?.headcount ?? 0;
}

/** The staff link with its wave and the unit's and project's names, whatever its state (undefined if unknown). */
export async function findLink(db: Db, token: string) {
  const [row] = await (db.engine === 'sqlite' ? preparedQuery(db, 'responses.link', (d) => linkQuery(d, sql.placeholder('token')).prepare()).all({ token }) : linkQuery(db, token));
  return row;
}

async function openLink(db: Db, token: string, clock: Clock) {
  return open(await findLink(db, token), clock);
}

async function openLinkToSubmit(db: Db, token: string, clock: Clock) {
  const [row] = await (db.engine === 'sqlite' ? preparedQuery(db, 'responses.submitLink', (d) => submitLinkQuery(d, sql.placeholder('token')).prepare()).all({ token }) : submitLinkQuery(db, token));
  return open(row, clock);
}

/** The link's row if it takes answers now; otherwise the error that says why (the page shows it). */
function open<T extends { link: { revokedAt: string | null }; wave: Parameters<typeof effectiveStatus>[0] & { surveyVersionId: number | null; opensAt: string | null } }>(row: T | undefined, clock: Clock) {
  if (!row) throw new DomainError('not_found', 'link_unknown', 'This survey link does not exist. Check that the whole link was copied.');
  if (row.link.revokedAt) throw new DomainError('gone', 'link_revoked', 'This survey link has been withdrawn. Ask your manager for the new link or code.');
  const status = effectiveStatus(row.wave, clock);
  if (status === 'draft' || !row.wave.surveyVersionId) throw conflict('wave_not_open', 'This survey has not opened yet.');
  // Scheduled: the page can say when it opens (the time is on the poster anyway).
  if (status === 'scheduled') throw conflict('wave_not_open', `This survey opens ${row.wave.opensAt}.`, [{ path: 'opensAt', code: 'opens_at', message: row.wave.opensAt! }]);
  if (status === 'closed') throw new DomainError('gone', 'wave_closed', 'This survey has closed. Thank you for your interest.');
  return { ...row, surveyVersionId: row.wave.surveyVersionId };
}

export async function getPublicSurvey(db: Db, token: string, clock: Clock) {
  const { wave, unitName, unitNameEn, projectName, projectNameEn, surveyVersionId } = await openLink(db, token, clock);
  const version = await getSurveyVersion(db, surveyVersionId);
  // English was not written for some text staff will see: the English page says so rather than mix silently.
  const untranslated = (version.itemMap.untranslated ?? 0) > 0 || [projectNameEn, unitNameEn, wave.nameEn].some((name) => !name.trim());
  return {
    survey: version.surveyJson,
    untranslated,
    // Each English name is empty when the secretariat has not given one; the page then shows the Danish.
    wave: { name: wave.name, nameEn: wave.nameEn, phase: wave.phase, closesOn: wave.closesOn, closesAt: wave.closesAt },
    unit: { name: unitName, nameEn: unitNameEn },
    project: { name: projectName, nameEn: projectNameEn },
  };
}

/** Stores one anonymous response: the day only, no time, IP, agent or account, under a random id that says
 *  nothing about the order of arrival. Idempotent by submissionId. */
export async function submitResponse(db: Db, token: string, input: ResponseInput, policy: DisclosurePolicy, clock: Clock): Promise<{ id: number; duplicate: boolean }> {
  const { link, wave, surveyVersionId } = await openLinkToSubmit(db, token, clock);
  // A retry of a stored submission is answered at once; the insert below still decides when two race.
  const [stored] = await storedSubmission(db, input.submissionId);
  if (stored) return duplicateOf(stored, wave.id, link.unitId);
  const version = await getSurveyVersion(db, surveyVersionId);
  // The pairing answers (only where the survey asks them) become a key and are stored nowhere (services/pairing.ts).
  const pairing = asksPairing(version.surveyJson) ? takePairing(input.answers) : null;
  const result = validateAnswers(version.itemMap, version.surveyJson, pairing?.rest ?? input.answers);
  if (!result.ok || pairing?.errors.length) {
    // Same detail shape as every other endpoint: a dotted path string.
    const details = [...(result.ok ? [] : result.details), ...(pairing?.errors ?? [])].map((d) => ({ ...d, path: Array.isArray(d.path) ? d.path.join('.') : String(d.path) }));
    throw invalid('invalid_answers', 'Some answers do not fit the survey', details);
  }
  if (result.values.length === 0) throw invalid('empty_response', 'The response has no answers');
  const answered = new Set(result.values.map((v) => v.itemKey));
  const complete = version.itemMap.items.filter((i) => i.type === 'scale').every((i) => answered.has(i.key));
  const response: StoredResponse = {
    waveId: wave.id,
    unitId: link.unitId,
    surveyVersionId,
    submissionId: input.submissionId,
    submittedOn: todayUtc(clock),
    locale: input.locale,
    complete,
    // Only what validation checked is kept, never the raw body.
    answers: answersFromValues(version.itemMap, result.values),
    values: result.values,
    pairKey: await pairKeyFor(db, wave.projectId, pairing?.code ?? null),
  };
  // The unique submission_id decides, not a check before the insert: a retry racing the first attempt (even
  // on another connection) waits for it and then inserts nothing, so the response is counted once.
  const releasing = wave.liveResults || wave.releases > 0;
  return transaction(db, async (tx) => {
    // Closing is final for answers: on PostgreSQL a close in progress holds the wave's close lock, so this waits
    // for it and then reads the wave closed; a close that starts now waits for this answer's commit. Shared, so
    // answers never wait for each other. Before the release lock, in the order closeWave takes the two.
    await serializeShared(tx, closeLock(wave.id));
    // A wave that releases takes its release lock before this response's tallies are written, so a release in
    // another transaction never waits on a tally row this one holds while this one waits for the release.
    if (releasing && policy.rules.releasesOverTime) await serialize(tx, releaseLock(wave.id));
    // A close (or a revoke) committed since this request read the link wins. On SQLite writers take turns, so
    // this read cannot be overtaken; on PostgreSQL the close lock above keeps a close from committing after it.
    const [current] = await currentLinkState(tx, link.id);
    if (current?.status === 'closed') throw new DomainError('gone', 'wave_closed', 'This survey has closed. Thank you for your interest.');
    if (!current || current.revokedAt) throw new DomainError('gone', 'link_revoked', 'This link has been withdrawn.');
    const id = await writeResponse(tx, response, { ignoreDuplicate: true });
    if (id !== null) {
      // A wave that shows live results (or did) releases its answers in blocks the policy accepts.
      if (releasing) await releaseIfReady(tx, wave.id, policy);
      return { id, duplicate: false };
    }
    const [previous] = await storedSubmission(tx, input.submissionId);
    if (!previous) throw new Error('A submission that conflicted on its id is not stored');
    return duplicateOf(previous, wave.id, link.unitId);
  });
}

/** A retry of the same answer: the same wave and the same unit. The id stored through another unit's link (or in
 *  another wave) is not this answer, so the caller is not told it was stored. */
function duplicateOf(previous: { id: number; waveId: number; unitId: number }, waveId: number, unitId: number) {
  if (previous.waveId !== waveId || previous.unitId !== unitId) throw conflict('submission_id_reused', 'This submission id belongs to another survey or link');
  return { id: previous.id, duplicate: true };
}

export interface StoredResponse {
  waveId: number;
  unitId: number;
  surveyVersionId: number;
  submissionId: string;
  submittedOn: string;
  locale: Locale;
  complete: boolean;
  answers: Record<string, unknown>;
  values: { itemKey: string; valueNum?: number | null; valueText?: string | null }[];
  /** HMAC of the optional pairing code; null or missing without one. */
  pairKey?: string | null;
}

/** Writes a validated response, its per-item values and its tallies (answer_tallies, respondent_tallies, as not
 *  yet released); call inside a transaction. */
export async function storeResponse(tx: DbLike, r: StoredResponse): Promise<number> {
  return (await writeResponse(tx, r, { ignoreDuplicate: false }))!;
}

type ResponseRow = Omit<StoredResponse, 'values'> & { id: number };

/** DO NOTHING on any conflict; answers the new row's id, or nothing when it conflicted. On SQLite one prepared
 *  insert per set of columns given, so a column added to StoredResponse is never dropped. */
function insertResponse(tx: Db, row: ResponseRow) {
  if (tx.engine !== 'sqlite') return tx.insert(responses).values(row).onConflictDoNothing().returning({ id: responses.id });
  const columns = Object.keys(row).filter((c) => row[c as keyof ResponseRow] !== undefined);
  const insert = preparedQuery(tx, `responses.insert:${columns.join(',')}`, (d) =>
    d
      .insert(responses)
      .values(Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as unknown as ResponseRow)
      .onConflictDoNothing()
      .returning({ id: responses.id })
      .prepare(),
  );
  return insert.all(Object.fromEntries(columns.map((c) => [c, row[c as keyof ResponseRow]])));
}

/** Random ids in PostgreSQL's integer range: rows carry no sequence that follows arrival. */
const randomResponseId = () => randomInt(1, 2 ** 31 - 1);

/** The response row, then its values and tallies; null (nothing written) when ignoreDuplicate and the submission id exists. */
async function writeResponse(tx: DbLike, r: StoredResponse, options: { ignoreDuplicate: boolean }): Promise<number | null> {
  const { values, ...row } = r;
  for (let attempt = 0; attempt < 10; attempt++) {
    // DO NOTHING on any conflict: a taken random id is tried again, a stored submission id is a duplicate.
    const [stored] = await insertResponse(tx, { id: randomResponseId(), ...row, pairKey: row.pairKey ?? null });
    if (!stored) {
      const [same] = await storedSubmission(tx, r.submissionId);
      if (same) {
        if (options.ignoreDuplicate) return null;
        throw conflict('submission_id_reused', 'This submission id is already stored');
      }
      continue;
    }
    const rows = values.map((v) => ({ responseId: stored.id, itemKey: v.itemKey, valueNum: v.valueNum ?? null, valueText: v.valueText ?? null }));
    if (tx.engine === 'sqlite' && rows.length) {
      // One multi-row insert, prepared once per row count: SQLite's cost per statement, not per row, was the
      // larger part of writing 19 values one statement each (bench/ingest.bench.ts).
      const insert = preparedQuery(tx, `responses.values:${rows.length}`, (d) =>
        d.insert(responseValues).values(rows.map((_, i) => ({ responseId: sql.placeholder('responseId'), itemKey: sql.placeholder(`k${i}`), valueNum: sql.placeholder(`n${i}`), valueText: sql.placeholder(`t${i}`) }))).prepare(),
      );
      const params: Record<string, unknown> = { responseId: stored.id };
      rows.forEach((v, i) => {
        params[`k${i}`] = v.itemKey;
        params[`n${i}`] = v.valueNum;
        params[`t${i}`] = v.valueText;
      });
      await insert.run(params);
    } else if (rows.length) {
      await tx.insert(responseValues).values(rows);
    }
    await addTallies(tx, { waveId: r.waveId, unitId: r.unitId, complete: r.complete, values });
    return stored.id;
  }
  throw new Error('No free response id after 10 random tries');
}
