// The public side: what a staff link shows, and storing an anonymous answer exactly once.
import { eq } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { projects, responses, responseValues, units, waveLinks, waves } from '../../db/schema';
import { validateAnswers } from '../../surveys';
import type { Locale } from '../../surveys/types';
import { ApiError, badRequest, conflict } from '../http/errors';
import { todayUtc } from './clock';
import { getSurveyVersion } from './surveys';
import { effectiveStatus } from './waves';

function openLink(db: Db, token: string) {
  const row = db
    .select({ link: waveLinks, wave: waves, unitName: units.name, projectName: projects.name })
    .from(waveLinks)
    .innerJoin(waves, eq(waves.id, waveLinks.waveId))
    .innerJoin(units, eq(units.id, waveLinks.unitId))
    .innerJoin(projects, eq(projects.id, waves.projectId))
    .where(eq(waveLinks.token, token))
    .get();
  if (!row) throw new ApiError(404, 'link_unknown', 'This survey link does not exist. Check that the whole link was copied.');
  const status = effectiveStatus(row.wave);
  if (status === 'draft' || !row.wave.surveyVersionId) throw new ApiError(409, 'wave_not_open', 'This survey has not opened yet.');
  if (status === 'closed') throw new ApiError(410, 'wave_closed', 'This survey has closed. Thank you for your interest.');
  return { ...row, surveyVersionId: row.wave.surveyVersionId };
}

export function getPublicSurvey(db: Db, token: string) {
  const { wave, unitName, projectName, surveyVersionId } = openLink(db, token);
  const version = getSurveyVersion(db, surveyVersionId);
  return {
    survey: version.surveyJson,
    wave: { name: wave.name, phase: wave.phase, closesOn: wave.closesOn },
    unit: { name: unitName },
    project: { name: projectName },
  };
}

export interface SubmitInput {
  submissionId: string;
  answers: Record<string, unknown>;
  locale: Locale;
}

/** Stores one anonymous response: the day only, no time, IP, agent or account. Idempotent by submissionId. */
export function submitResponse(db: Db, token: string, input: SubmitInput): { id: number; duplicate: boolean } {
  const { link, wave, surveyVersionId } = openLink(db, token);
  const version = getSurveyVersion(db, surveyVersionId);
  const result = validateAnswers(version.itemMap, version.surveyJson, input.answers);
  if (!result.ok) {
    // Same detail shape as every other endpoint: a dotted path string.
    const details = result.details.map((d) => ({ ...d, path: Array.isArray(d.path) ? d.path.join('.') : String(d.path) }));
    throw badRequest('invalid_answers', 'Some answers do not fit the survey', details);
  }
  if (result.values.length === 0) throw badRequest('empty_response', 'The response has no answers');
  const answered = new Set(result.values.map((v) => v.itemKey));
  const complete = version.itemMap.items.filter((i) => i.type === 'scale').every((i) => answered.has(i.key));
  // Check and insert in one synchronous transaction, so a retry racing the first attempt cannot double count.
  return db.transaction((tx) => {
    const previous = tx.select({ id: responses.id, waveId: responses.waveId }).from(responses).where(eq(responses.submissionId, input.submissionId)).get();
    if (previous) {
      if (previous.waveId !== wave.id) throw conflict('submission_id_reused', 'This submission id belongs to another survey');
      return { id: previous.id, duplicate: true };
    }
    const id = storeResponse(tx, {
      waveId: wave.id,
      unitId: link.unitId,
      surveyVersionId,
      submissionId: input.submissionId,
      submittedOn: todayUtc(),
      locale: input.locale,
      complete,
      answers: input.answers,
      values: result.values,
    });
    return { id, duplicate: false };
  });
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
}

/** Writes a validated response and its per-item values; call inside a transaction. */
export function storeResponse(tx: DbLike, r: StoredResponse): number {
  const { values, ...row } = r;
  const { id } = tx.insert(responses).values(row).returning({ id: responses.id }).get();
  for (const v of values) {
    tx.insert(responseValues).values({ responseId: id, itemKey: v.itemKey, valueNum: v.valueNum ?? null, valueText: v.valueText ?? null }).run();
  }
  return id;
}
