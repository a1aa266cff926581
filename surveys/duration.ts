// How long a survey takes to answer: the one place the estimate is made and worded, so the editor, the survey's
// intro page and the poster promise the same thing. Dependency-free: server and client (any chunk) import it.
import type { Locale, Localized } from './types';

/** About six seconds per item on a phone (a matrix row counts as an item). */
export const SECONDS_PER_ITEM = 6;

/** The estimate in whole minutes, rounded to the nearest minute and at least one: 102 s → 2. */
export function estimateMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

/** "2 minutter" / "2 minutes" ("1 minut" / "1 minute"): the length, for a sentence that says "ca." itself. */
export function durationText(seconds: number): Localized {
  const n = estimateMinutes(seconds);
  return n === 1 ? { da: '1 minut', en: '1 minute' } : { da: `${n} minutter`, en: `${n} minutes` };
}

/** "ca. 2 minutter" / "about 2 minutes": the estimate as the editor and the poster show it. */
export function answerTimeText(seconds: number, locale: Locale): string {
  const d = durationText(seconds);
  return locale === 'en' ? `about ${d.en}` : `ca. ${d.da}`;
}
