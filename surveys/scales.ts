// The two 5-point answer scales, Danish first, plus "ved ikke / ikke relevant" stored as DONT_KNOW (0).
import { DONT_KNOW, type Localized, type ScaleId } from './types';

export interface ScalePoint {
  /** Stored value, 1 = lowest .. 5 = highest. */
  value: number;
  text: Localized;
}

export interface ScaleDef {
  id: ScaleId;
  points: readonly ScalePoint[];
  /** The "don't know" option, stored as DONT_KNOW (0). */
  dontKnow: { value: typeof DONT_KNOW; text: Localized };
}

export const DONT_KNOW_TEXT: Localized = { da: 'Ved ikke / ikke relevant', en: "Don't know / not relevant" };

export const SCALES: Readonly<Record<ScaleId, ScaleDef>> = {
  frequency5: {
    id: 'frequency5',
    points: [
      { value: 1, text: { da: 'Aldrig', en: 'Never' } },
      { value: 2, text: { da: 'Sjældent', en: 'Rarely' } },
      { value: 3, text: { da: 'Nogle gange', en: 'Sometimes' } },
      { value: 4, text: { da: 'Ofte', en: 'Often' } },
      { value: 5, text: { da: 'Altid', en: 'Always' } },
    ],
    dontKnow: { value: DONT_KNOW, text: DONT_KNOW_TEXT },
  },
  agreement5: {
    id: 'agreement5',
    points: [
      { value: 1, text: { da: 'Helt uenig', en: 'Strongly disagree' } },
      { value: 2, text: { da: 'Uenig', en: 'Disagree' } },
      { value: 3, text: { da: 'Hverken enig eller uenig', en: 'Neither agree nor disagree' } },
      { value: 4, text: { da: 'Enig', en: 'Agree' } },
      { value: 5, text: { da: 'Helt enig', en: 'Strongly agree' } },
    ],
    dontKnow: { value: DONT_KNOW, text: DONT_KNOW_TEXT },
  },
};

/** Allowed stored values of a scale item: 1..5, then DONT_KNOW when allowed. */
export function scaleValues(scale: ScaleId, allowDontKnow = true): number[] {
  const values = SCALES[scale].points.map((p) => p.value);
  return allowDontKnow ? [...values, DONT_KNOW] : values;
}

/** The label of one stored value of a scale (for legends and exports). */
export function scaleLabel(scale: ScaleId, value: number): Localized | undefined {
  if (value === DONT_KNOW) return SCALES[scale].dontKnow.text;
  return SCALES[scale].points.find((p) => p.value === value)?.text;
}
