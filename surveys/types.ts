// The contract between the survey generator, the answer validator and the analysis.

export type Locale = 'da' | 'en';
export type Localized = { da: string; en: string };
export type Phase = 'baseline' | 'followup';

export type Construct =
  | 'adoption' // frequency of the new behaviour last week — the headline adoption measure
  | 'old_behaviour' // frequency of the old behaviour it replaces
  | 'capability'
  | 'opportunity'
  | 'motivation'
  | 'benefit' // follow-up only: has the linked benefit happened for you
  | 'drawback' // follow-up only: have you noticed drawbacks (negative benefits)
  | 'free_text'
  | 'custom'
  | 'background';

export type ScaleId = 'frequency5' | 'agreement5';

/** "Ved ikke / ikke relevant" is stored as 0 and left out of every denominator. */
export const DONT_KNOW = 0;

/**
 * One measured item. Its key is stable across survey versions so waves can be compared.
 *
 * Stored values (response_values):
 * - type 'scale':  valueNum = scale position 1..5, or DONT_KNOW (0) for "ved ikke / ikke relevant".
 * - type 'choice': valueNum = the numeric code of the chosen option (custom single choice and background
 *                  items; codes are set in the survey spec and stay fixed when the wording changes;
 *                  background items use 0 for "ønsker ikke at svare", left out like DONT_KNOW).
 * - type 'multi':  valueText = JSON array of the chosen numeric codes, sorted ascending, e.g. "[1,3]".
 * - type 'text':   valueText = the trimmed free text (at most maxLength characters, UTF-16 units).
 */
export interface ItemMapEntry {
  key: string;
  construct: Construct;
  behaviourId?: number;
  benefitId?: number;
  /** How the answer is shaped: a scale position, one choice, several choices or free text. */
  type: 'scale' | 'choice' | 'multi' | 'text';
  scale?: ScaleId;
  /** Allowed stored values: 1..K for scales (plus DONT_KNOW when allowed), choice values otherwise. */
  values?: (number | string)[];
  /** Values that count as favourable, fixed before any data is seen. */
  favourable?: (number | string)[];
  allowDontKnow?: boolean;
  maxLength?: number;
  required?: boolean;
  /** Where the answer sits in SurveyJS data: data[question] or data[question][row] for matrix rows. */
  question: string;
  row?: string;
  /** Wording as shown, to flag changed wording across versions. */
  text: Localized;
  /** Optional: for custom multi-choice items, the most options a respondent may tick. */
  maxSelected?: number;
}

export interface ItemMap {
  phase: Phase;
  items: ItemMapEntry[];
  /** Optional: version of the built-in item bank the wording came from (surveys/itemBank.ts). */
  bankVersion?: number;
  /** How many of the survey's texts have no English and show the Danish in the English survey; absent when none
   *  (and in versions stored before it was kept). */
  untranslated?: number;
}
