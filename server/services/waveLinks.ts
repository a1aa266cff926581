// A wave's staff links beyond the wave itself: the short code typed at <publicUrl>/k, revoking a link that went
// astray, replacing it (new token and code, same wave and unit), QR codes, and what the posters print.
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { isUniqueViolation, type Db } from '../../db/client';
import { projects, units, waveLinks } from '../../db/schema';
import { estimateSeconds } from '../../surveys';
import { normaliseShortCode, type ShortCodeAnswer } from '../contract/waveLinks';
import type { Clock } from './clock';
import { DomainError, notFound } from './errors';
import { getSettings } from './settings';
import { SHORT_CODE_TRIES, ensureWaveShortCodes, linkAddresses, newShortCode } from './shortCodes';
import { getSurveyVersion, previewSurvey, type SurveyThresholds } from './surveys';
import { getWaveRow, newToken } from './waves';

/**
 * The token behind a typed code, so the answer page opens /s/<token> exactly as the QR code would: one place
 * (responses.ts openLink) decides what an open, closed or not-yet-open wave shows, and the address survives a reload.
 */
export async function lookupShortCode(db: Db, typed: string): Promise<ShortCodeAnswer> {
  const code = normaliseShortCode(typed);
  const [link] = code ? await db.select({ token: waveLinks.token, revokedAt: waveLinks.revokedAt }).from(waveLinks).where(eq(waveLinks.shortCode, code)).limit(1) : [];
  if (!link) throw new DomainError('not_found', 'code_unknown', 'No survey has this code. Check the code on the poster.');
  if (link.revokedAt) throw new DomainError('gone', 'link_revoked', 'This survey link has been withdrawn. Ask your manager for the new link or code.');
  return { token: link.token };
}

async function getLinkRow(db: Db, waveId: number, linkId: number) {
  await getWaveRow(db, waveId);
  const [link] = await db.select().from(waveLinks).where(and(eq(waveLinks.id, linkId), eq(waveLinks.waveId, waveId))).limit(1);
  if (!link) throw notFound('Link');
  return link;
}

/** What the links panel needs to show one link after a change. */
function linkAnswer(link: typeof waveLinks.$inferSelect, publicUrl: string) {
  return { id: link.id, waveId: link.waveId, unitId: link.unitId, token: link.token, revokedAt: link.revokedAt, ...linkAddresses(publicUrl, link.token, link.shortCode) };
}

/** From now on the link and its code answer 410; the answers it already brought stay counted. Idempotent. */
export async function revokeLink(db: Db, waveId: number, linkId: number, publicUrl: string, clock: Clock) {
  const link = await getLinkRow(db, waveId, linkId);
  if (link.revokedAt) return linkAnswer(link, publicUrl);
  const [revoked] = await db.update(waveLinks).set({ revokedAt: clock.now().toISOString() }).where(eq(waveLinks.id, linkId)).returning();
  if (!revoked) throw notFound('Link');
  return linkAnswer(revoked, publicUrl);
}

/**
 * A new token and code for the same wave and unit (a revoked link becomes usable again this way). The old token
 * and code simply no longer exist (404); answers are stored per wave and unit, so those already given stay counted.
 * One statement, outside a transaction: a clash with another link's code is refused by the unique index and
 * drawn again.
 */
export async function replaceLink(db: Db, waveId: number, linkId: number, publicUrl: string) {
  await getLinkRow(db, waveId, linkId);
  for (let attempt = 1; ; attempt++) {
    try {
      const [replaced] = await db.update(waveLinks).set({ token: newToken(), shortCode: newShortCode(), revokedAt: null }).where(eq(waveLinks.id, linkId)).returning();
      if (!replaced) throw notFound('Link');
      return linkAnswer(replaced, publicUrl);
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= SHORT_CODE_TRIES) throw e;
    }
  }
}

async function linkUrl(db: Db, waveId: number, linkId: number, publicUrl: string) {
  const link = await getLinkRow(db, waveId, linkId);
  return linkAddresses(publicUrl, link.token, link.shortCode).url;
}

/** Error correction M survives a slightly worn poster; the quiet zone (margin) keeps phones reading it. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** The link's URL as a PNG QR code, 1024 px: sharp when printed large or put on a slide. */
export async function linkQrPng(db: Db, waveId: number, linkId: number, publicUrl: string): Promise<Buffer> {
  return QRCode.toBuffer(await linkUrl(db, waveId, linkId, publicUrl), { ...QR_OPTIONS, type: 'png', width: 1024 });
}

/**
 * Everything the wave's posters print, one per unit link (revoked links left out): project name and purpose, the
 * close date, the anonymity threshold, the estimated answer time of the survey staff will get (the frozen version
 * once the wave is open, else what would be frozen now), and the municipality's name and logo.
 */
export async function posterData(db: Db, waveId: number, publicUrl: string, thresholds: SurveyThresholds) {
  const wave = await getWaveRow(db, waveId);
  await ensureWaveShortCodes(db, waveId);
  const [project] = await db.select().from(projects).where(eq(projects.id, wave.projectId)).limit(1);
  if (!project) throw notFound('Project');
  const links = await db
    .select({ id: waveLinks.id, unitId: waveLinks.unitId, unitName: units.name, unitNameEn: units.nameEn, token: waveLinks.token, shortCode: waveLinks.shortCode, revokedAt: waveLinks.revokedAt })
    .from(waveLinks)
    .innerJoin(units, eq(units.id, waveLinks.unitId))
    .where(eq(waveLinks.waveId, waveId))
    .orderBy(units.name, waveLinks.unitId);
  const seconds = wave.surveyVersionId
    ? estimateSeconds((await getSurveyVersion(db, wave.surveyVersionId)).itemMap)
    : (await previewSurvey(db, wave.projectId, wave.phase, thresholds)).estimatedSeconds;
  return {
    project: { id: project.id, name: project.name, nameEn: project.nameEn, purpose: project.purpose, purposeEn: project.purposeEn },
    wave: { id: wave.id, name: wave.name, nameEn: wave.nameEn, status: wave.status, closesOn: wave.closesOn, closesAt: wave.closesAt },
    anonymityThreshold: thresholds.anonymityThreshold,
    /** Seconds; the client words it with surveys/duration.ts, as the editor and the survey's intro do. */
    answerSeconds: seconds > 0 ? seconds : null,
    municipality: await getSettings(db),
    links: links
      .filter((l) => !l.revokedAt)
      .map((l) => ({ id: l.id, unitId: l.unitId, unitName: l.unitName, unitNameEn: l.unitNameEn, ...linkAddresses(publicUrl, l.token, l.shortCode) })),
  };
}
