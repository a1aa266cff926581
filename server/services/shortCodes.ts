// Short codes for staff links: 8 characters someone can read off a poster and type at <publicUrl>/k, for staff
// whose phone cannot scan the QR code. Random (not derived from the token or the unit), unique by the database's
// unique index, and given to each link when it is made; links made before codes existed get one when listed.
import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { isUniqueViolation, type Db } from '../../db/client';
import { waveLinks } from '../../db/schema';
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH, formatShortCode } from '../contract/waveLinks';
import { conflict } from './errors';

/** 31^8 ≈ 8.5·10^11 codes: with a few thousand live links a guess hits one about once in 10^8 tries. */
export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

/** A clash is astronomically rare; more than a few in a row means something else is wrong. */
export const SHORT_CODE_TRIES = 5;

/**
 * Gives every link in `linkIds` that has no code one. Each update only applies while the link still has none, so
 * two listings at once never overwrite each other's code (the later one changes nothing, and both then read the
 * winner's); a code another link already has is refused by the unique index and drawn again. Outside a
 * transaction, so a refused statement does not abort anything else on PostgreSQL.
 */
export async function ensureShortCodes(db: Db, linkIds: number[], draw = newShortCode): Promise<void> {
  for (const linkId of linkIds) {
    for (let attempt = 1; ; attempt++) {
      try {
        await db
          .update(waveLinks)
          .set({ shortCode: draw() })
          .where(and(eq(waveLinks.id, linkId), isNull(waveLinks.shortCode)));
        break;
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= SHORT_CODE_TRIES) throw e;
      }
    }
  }
}

/** Links of a wave made before short codes existed get theirs (see ensureShortCodes). */
export async function ensureWaveShortCodes(db: Db, waveId: number): Promise<void> {
  const missing = await db
    .select({ id: waveLinks.id })
    .from(waveLinks)
    .where(and(eq(waveLinks.waveId, waveId), isNull(waveLinks.shortCode)));
  if (missing.length) await ensureShortCodes(db, missing.map((l) => l.id));
}

/**
 * Inserts one link per unit, each with a fresh token and short code. Used inside a transaction, so a clash must
 * not raise (PostgreSQL would abort the transaction): a row whose token or code is taken is skipped by ON CONFLICT
 * DO NOTHING and inserted again with new ones.
 */
export async function insertLinks(tx: Db, waveId: number, unitIds: number[], newToken: () => string, draw = newShortCode): Promise<void> {
  let missing = [...new Set(unitIds)];
  for (let attempt = 1; missing.length; attempt++) {
    if (attempt > SHORT_CODE_TRIES) throw conflict('short_code_clash', 'Could not give every link a unique code; try again');
    const made = await tx
      .insert(waveLinks)
      .values(missing.map((unitId) => ({ waveId, unitId, token: newToken(), shortCode: draw() })))
      .onConflictDoNothing()
      .returning({ unitId: waveLinks.unitId });
    const done = new Set(made.map((m) => m.unitId));
    missing = missing.filter((u) => !done.has(u));
  }
}

/** What the links panel and the posters show of one link: its URL, the kiosk variant, the code as printed and
 *  the short address to type it at. */
export function linkAddresses(publicUrl: string, token: string, storedCode: string | null) {
  const url = `${publicUrl}/s/${token}`;
  return {
    url,
    /** A shared tablet in the staff room: the answer page starts over after each answer. */
    kioskUrl: `${url}?kiosk=1`,
    shortCode: storedCode ? formatShortCode(storedCode) : null,
    shortUrl: `${publicUrl}/k`,
    /** The short address with the code already in it: /k/<code> opens the survey straight away. */
    codeUrl: storedCode ? `${publicUrl}/k/${storedCode}` : null,
  };
}
