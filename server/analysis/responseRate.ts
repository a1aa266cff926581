/**
 * Response rates (AAPOR RR1 and RR2) for a unit or wave. Pure, no I/O.
 */
import { isFiniteNumber } from './math';
import { DEFAULT_THRESHOLD } from './anonymity';

export interface ResponseRateInput {
  /** Headcount at wave open (from the unit register). */
  headcount: number;
  /** People who could not answer (leave, long-term absence, not in the target group). Default 0. */
  ineligible?: number;
  /** Complete responses. */
  complete: number;
  /** Partial responses (started, answered some, not submitted as complete). Default 0. */
  partial?: number;
}

export interface ResponseRates {
  /** E = headcount − ineligible (never below 0). */
  eligible: number;
  complete: number;
  partial: number;
  /** complete / E; null when E = 0. */
  rr1: number | null;
  /** (complete + partial) / E; null when E = 0. */
  rr2: number | null;
  /** True when responses exceed the eligible headcount (a forwarded link or double answers), or there are responses but E = 0. */
  over100: boolean;
  /** Response counts of a unit are shown only where its headcount is at least the threshold. */
  countsShown: boolean;
}

const count = (v: number | undefined): number => (isFiniteNumber(v) && v > 0 ? v : 0);

/**
 * RR1 = complete/E and RR2 = (complete + partial)/E with E = headcount − ineligible.
 * Missing, negative or non-finite numbers count as 0.
 *
 * @example responseRates({ headcount: 42, ineligible: 2, complete: 26, partial: 3 })
 * // { eligible: 40, rr1: 0.65, rr2: 0.725, over100: false, countsShown: true, … }
 */
export function responseRates(input: ResponseRateInput, threshold: number = DEFAULT_THRESHOLD): ResponseRates {
  const headcount = count(input?.headcount);
  const eligible = Math.max(0, headcount - count(input?.ineligible));
  const complete = count(input?.complete);
  const partial = count(input?.partial);
  const k = isFiniteNumber(threshold) ? threshold : DEFAULT_THRESHOLD;
  const responded = complete + partial;
  return {
    eligible,
    complete,
    partial,
    rr1: eligible > 0 ? complete / eligible : null,
    rr2: eligible > 0 ? responded / eligible : null,
    over100: responded > eligible,
    countsShown: headcount >= k,
  };
}

/**
 * A rate as a percentage with one decimal: Danish "65,0 %", English "65.0%". null → "–".
 *
 * @example formatRate(0.725, 'da') // "72,5 %"
 */
export function formatRate(rate: number | null, lang: 'da' | 'en'): string {
  if (rate === null || !isFiniteNumber(rate)) return '–';
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  return lang === 'da' ? `${text.replace('.', ',')} %` : `${text}%`;
}
