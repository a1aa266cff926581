/**
 * Words for managers: every estimate gets a plain label (Danish and English), always shown with
 * its numbers. Never "significant"; never a colour by p. A hidden label carries no numbers at all,
 * so a cell below the threshold cannot leak through it. Pure, no I/O.
 *
 * | condition                                              | code                 |
 * | n < threshold (either wave of a change)                | hidden               |
 * (The hidden words never say why: a cell hidden to protect another group reads the same as a small one.)
 * | Wilson half-width > 0.20 (either wave of a change)     | indicative           |
 * | change interval entirely above 0                       | likely_improvement   |
 * | change interval entirely below 0                       | likely_decline       |
 * | contains 0, within ± the minimal important difference | no_meaningful_change |
 * | contains 0, wider than that                            | too_early            |
 * | a single wave with enough answers (no change)          | estimate             |
 * The rows are checked top down. A change that does not survive Benjamini–Hochberg
 * (`survivesMultiplicity: false`) gets no improvement/decline badge: it is labelled as if its
 * interval contained 0 (no_meaningful_change when within ± MID, otherwise too_early).
 */
import { DEFAULT_THRESHOLD } from './anonymity';
import { isFiniteNumber } from './math';
import { halfWidth, newcombe, wilson, type Count, type DifferenceInterval, type ProportionInterval } from './proportions';

export type LabelCode = 'hidden' | 'indicative' | 'likely_improvement' | 'likely_decline' | 'possible_improvement' | 'possible_decline' | 'no_meaningful_change' | 'too_early' | 'estimate';

export type Lang = 'da' | 'en';

/** The label words, per code. */
export const LABEL_TEXT: Readonly<Record<LabelCode, { da: string; en: string }>> = {
  hidden: { da: 'Skjult for at beskytte små grupper', en: 'Hidden to protect small groups' },
  indicative: { da: 'Få svar – kun vejledende', en: 'Few responses – indicative only' },
  likely_improvement: { da: 'Sandsynlig forbedring', en: 'Likely improvement' },
  likely_decline: { da: 'Sandsynlig tilbagegang', en: 'Likely decline' },
  // The interval excludes 0, but the change does not survive the correction for the many changes on the page.
  possible_improvement: { da: 'Mulig forbedring – ikke sikker, når alle adfærd ses samlet', en: 'Possible improvement – not certain when all behaviours are seen together' },
  possible_decline: { da: 'Mulig tilbagegang – ikke sikker, når alle adfærd ses samlet', en: 'Possible decline – not certain when all behaviours are seen together' },
  no_meaningful_change: { da: 'Ingen væsentlig ændring', en: 'No meaningful change' },
  too_early: { da: 'For tidligt at sige', en: 'Too early to tell' },
  estimate: { da: 'Skøn', en: 'Estimate' },
};

/** Default minimal important difference, in percentage points. */
export const DEFAULT_MID_POINTS = 10;
/** A Wilson half-width above this makes an estimate "indicative only". */
export const INDICATIVE_HALF_WIDTH = 0.2;

export interface ManagerLabelInput {
  /** Responses behind the estimate (for a change: the follow-up wave). */
  n: number;
  /** Wilson interval of that wave (null when n = 0). */
  wilson: ProportionInterval | null;
  /** Newcombe interval of the change follow-up − baseline; leave out for a single wave. */
  change?: DifferenceInterval | null;
  /** Baseline responses (with `change`). */
  nBaseline?: number;
  /** Baseline Wilson interval (with `change`). */
  wilsonBaseline?: ProportionInterval | null;
  /** Anonymity threshold; default 5. */
  threshold?: number;
  /** The project's minimal important difference in percentage points; default 10. */
  mid?: number;
  /** Whether the change survives Benjamini–Hochberg over the page's family; default true. */
  survivesMultiplicity?: boolean;
}

export interface ManagerLabel {
  code: LabelCode;
  da: string;
  en: string;
  /** The (follow-up) wave's proportion and Wilson interval; absent when hidden. */
  level?: ProportionInterval;
  /** The change and its interval; absent when hidden or for a single wave. */
  change?: DifferenceInterval;
  /** Responses behind the estimate; absent when hidden. */
  n?: number;
  /** Baseline responses of a change; absent when hidden. */
  nBaseline?: number;
}

function make(code: LabelCode, extra: Omit<ManagerLabel, 'code' | 'da' | 'en'> = {}): ManagerLabel {
  return { code, ...LABEL_TEXT[code], ...extra };
}

const EPS = 1e-12;

/**
 * The label for one estimate: a single wave (no `change`) or a change between two waves.
 *
 * @example managerLabel({ n: 45, wilson: wilson(31, 45), change: newcombe(31, 45, 19, 40), nBaseline: 40, wilsonBaseline: wilson(19, 40) })
 * // { code: 'likely_improvement', da: 'Sandsynlig forbedring', en: 'Likely improvement', … }
 */
export function managerLabel(input: ManagerLabelInput): ManagerLabel {
  const k = isFiniteNumber(input.threshold) ? input.threshold : DEFAULT_THRESHOLD;
  const midPoints = isFiniteNumber(input.mid) && input.mid >= 0 ? input.mid : DEFAULT_MID_POINTS;
  const mid = midPoints / 100;
  const isChange = input.change !== undefined;
  const n = isFiniteNumber(input.n) ? input.n : 0;
  const nB = isFiniteNumber(input.nBaseline) ? input.nBaseline : 0;
  if (n < k || !input.wilson) return make('hidden');
  if (isChange && (nB < k || !input.change || !input.wilsonBaseline)) return make('hidden');
  const level = { p: input.wilson.p, lo: input.wilson.lo, hi: input.wilson.hi };
  if (!isChange) {
    const code = halfWidth(input.wilson) > INDICATIVE_HALF_WIDTH + EPS ? 'indicative' : 'estimate';
    return make(code, { level, n });
  }
  const change = { d: input.change!.d, lo: input.change!.lo, hi: input.change!.hi };
  const numbers = { level, change, n, nBaseline: nB };
  if (halfWidth(input.wilson) > INDICATIVE_HALF_WIDTH + EPS || halfWidth(input.wilsonBaseline!) > INDICATIVE_HALF_WIDTH + EPS) {
    return make('indicative', numbers);
  }
  // The label never contradicts its own interval: a badge needs the interval to exclude 0 *and* to survive
  // Benjamini–Hochberg; an interval that excludes 0 without surviving says "possible", not "too early".
  const badgeAllowed = input.survivesMultiplicity !== false;
  const withinMid = change.lo >= -mid - EPS && change.hi <= mid + EPS;
  if (change.lo > 0) return make(badgeAllowed ? 'likely_improvement' : withinMid ? 'no_meaningful_change' : 'possible_improvement', numbers);
  if (change.hi < 0) return make(badgeAllowed ? 'likely_decline' : withinMid ? 'no_meaningful_change' : 'possible_decline', numbers);
  if (withinMid) return make('no_meaningful_change', numbers);
  return make('too_early', numbers);
}

/**
 * The label straight from counts: a single wave, or a change when `baseline` is given.
 *
 * @example labelFromCounts({ x: 31, n: 45 }, { x: 19, n: 40 }) // likely_improvement, +21 points (0 to +40)
 */
export function labelFromCounts(
  followUp: Count,
  baseline?: Count | null,
  options: { threshold?: number; mid?: number; survivesMultiplicity?: boolean } = {},
): ManagerLabel {
  const w = followUp ? wilson(followUp.x, followUp.n) : null;
  const n = followUp?.n ?? 0;
  if (baseline === undefined || baseline === null) return managerLabel({ n, wilson: w, ...options });
  return managerLabel({
    n,
    wilson: w,
    change: followUp ? newcombe(followUp.x, followUp.n, baseline.x, baseline.n) : null,
    nBaseline: baseline.n,
    wilsonBaseline: wilson(baseline.x, baseline.n),
    ...options,
  });
}

/**
 * Label of a single wave, as report.ts calls it: (Wilson result, n, threshold = 5).
 */
export function estimateLabel(w: ProportionInterval | null, n: number, threshold: number = DEFAULT_THRESHOLD): ManagerLabel {
  return managerLabel({ n, wilson: w, threshold });
}

/**
 * Label of a change, as report.ts calls it: (Newcombe result, MID AS A PROPORTION (0.10 = 10
 * points), n follow-up, n baseline, options). Pass `wilsonAfter` / `wilsonBefore` for the exact
 * "indicative" rule; without them each wave's Wilson half-width is taken at p = 0.5, the widest
 * possible, which can label a few more changes "indicative" (never fewer).
 */
export function changeLabel(
  change: DifferenceInterval | null,
  midProportion: number,
  nAfter: number,
  nBefore: number,
  options: { threshold?: number; survivesMultiplicity?: boolean; wilsonAfter?: ProportionInterval | null; wilsonBefore?: ProportionInterval | null } = {},
): ManagerLabel {
  const widest = (n: number) => wilson(n / 2, n);
  const wAfter = options.wilsonAfter !== undefined ? options.wilsonAfter : widest(nAfter);
  const wBefore = options.wilsonBefore !== undefined ? options.wilsonBefore : widest(nBefore);
  const label = managerLabel({
    n: nAfter,
    wilson: wAfter,
    change,
    nBaseline: nBefore,
    wilsonBaseline: wBefore,
    threshold: options.threshold,
    mid: isFiniteNumber(midProportion) ? midProportion * 100 : undefined,
    survivesMultiplicity: options.survivesMultiplicity,
  });
  // Without the real follow-up interval there is no level to report (the p = 0.5 stand-in is not one).
  if (options.wilsonAfter === undefined) delete label.level;
  return label;
}

/** Whole percentage points with a sign: "+21", "0", "−5" (U+2212 minus; never "−0"). */
export function formatPoints(v: number): string {
  const r = Math.round(v * 100);
  if (r === 0) return '0';
  return r > 0 ? `+${r}` : `\u2212${-r}`;
}

/** A whole percentage without the % sign: 0.447 → "45". */
function pct(v: number): string {
  return String(Math.round(v * 100));
}

/**
 * The label with its numbers, in one language.
 *   change: "Sandsynlig forbedring: +21 point (0 til +40; 45 mod 40 svar)"
 *           "Likely improvement: +21 points (0 to +40; 45 vs 40 responses)"
 *   single wave: "69 % (54 til 80 %; 45 svar)" / "69% (54 to 80%; 45 responses)",
 *           prefixed by the words for "indicative"; hidden: the words only.
 */
export function formatLabel(label: ManagerLabel, lang: Lang): string {
  const words = LABEL_TEXT[label.code]?.[lang] ?? '';
  if (label.code === 'hidden') return words;
  const n = label.n ?? 0;
  if (label.change) {
    const c = label.change;
    const nB = label.nBaseline ?? 0;
    if (lang === 'da') return `${words}: ${formatPoints(c.d)} point (${formatPoints(c.lo)} til ${formatPoints(c.hi)}; ${n} mod ${nB} svar)`;
    const unit = Math.abs(Math.round(c.d * 100)) === 1 ? 'point' : 'points';
    return `${words}: ${formatPoints(c.d)} ${unit} (${formatPoints(c.lo)} to ${formatPoints(c.hi)}; ${n} vs ${nB} ${nB === 1 ? 'response' : 'responses'})`;
  }
  if (!label.level) return words;
  const l = label.level;
  const numbers = lang === 'da'
    ? `${pct(l.p)} % (${pct(l.lo)} til ${pct(l.hi)} %; ${n} svar)`
    : `${pct(l.p)}% (${pct(l.lo)} to ${pct(l.hi)}%; ${n} ${n === 1 ? 'response' : 'responses'})`;
  return label.code === 'estimate' ? numbers : `${words}: ${numbers}`;
}

/** A comparison with units not yet live (difference in differences): the words, from the same interval shown. */
export type ComparisonLabelCode = 'did_improvement' | 'did_decline' | 'did_possible_improvement' | 'did_possible_decline' | 'did_no_difference' | 'did_unclear';

export const COMPARISON_LABEL_TEXT: Readonly<Record<ComparisonLabelCode, { da: string; en: string }>> = {
  did_improvement: { da: 'Steg mere end i enheder, der endnu ikke var i drift', en: 'Rose more than in units not yet live' },
  did_decline: { da: 'Faldt mere end i enheder, der endnu ikke var i drift', en: 'Fell more than in units not yet live' },
  did_possible_improvement: {
    da: 'Muligvis steget mere end i enheder, der endnu ikke var i drift – ikke sikkert, når alle adfærd ses samlet',
    en: 'Possibly rose more than in units not yet live – not certain when all behaviours are seen together',
  },
  did_possible_decline: {
    da: 'Muligvis faldet mere end i enheder, der endnu ikke var i drift – ikke sikkert, når alle adfærd ses samlet',
    en: 'Possibly fell more than in units not yet live – not certain when all behaviours are seen together',
  },
  did_no_difference: { da: 'Samme udvikling som i enheder, der endnu ikke var i drift', en: 'The same development as in units not yet live' },
  did_unclear: { da: 'Kan endnu ikke skelnes fra enheder, der endnu ikke var i drift', en: 'Cannot yet be told apart from units not yet live' },
};

/**
 * The label of a difference in differences, by the same rule as a change: a badge needs the interval to exclude 0
 * and the comparison to survive Benjamini–Hochberg over the comparisons shown together; within ± the minimal
 * important difference it is "the same development"; otherwise unclear.
 */
export function comparisonLabel(did: { did: number; lo: number; hi: number }, midProportion: number, survivesMultiplicity: boolean): { code: ComparisonLabelCode; da: string; en: string } {
  const mid = isFiniteNumber(midProportion) && midProportion >= 0 ? midProportion : DEFAULT_MID_POINTS / 100;
  const withinMid = did.lo >= -mid - EPS && did.hi <= mid + EPS;
  const code: ComparisonLabelCode =
    did.lo > 0 ? (survivesMultiplicity ? 'did_improvement' : withinMid ? 'did_no_difference' : 'did_possible_improvement')
    : did.hi < 0 ? (survivesMultiplicity ? 'did_decline' : withinMid ? 'did_no_difference' : 'did_possible_decline')
    : withinMid ? 'did_no_difference'
    : 'did_unclear';
  return { code, ...COMPARISON_LABEL_TEXT[code] };
}
