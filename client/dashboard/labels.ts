// Puts the server's label into one sentence. The words and all numbers come from the server
// (server/analysis/labels.ts); this only rounds for display and joins them, exactly as formatLabel does
// there, but in percentage points: "Sandsynlig forbedring: +21 procentpoint (0 til +40; 45 mod 40 svar)".
import type { Locale } from '../i18n';
import type { ManagerLabel } from './api';

/** Whole percentage points with a sign: "+21", "0", "−5" (U+2212). */
export function points(v: number): string {
  const r = Math.round(v * 100);
  if (r === 0) return '0';
  return r > 0 ? `+${r}` : `\u2212${-r}`;
}

const pct = (v: number) => String(Math.round(v * 100));

export function labelSentence(label: ManagerLabel, locale: Locale): string {
  const words = label[locale] ?? label.da;
  if (label.code === 'hidden') return words;
  const n = label.n ?? 0;
  if (label.change) {
    const c = label.change;
    const nB = label.nBaseline ?? 0;
    if (locale === 'da') return `${words}: ${points(c.d)} procentpoint (${points(c.lo)} til ${points(c.hi)}; ${n} mod ${nB} svar)`;
    const unit = Math.abs(Math.round(c.d * 100)) === 1 ? 'percentage point' : 'percentage points';
    return `${words}: ${points(c.d)} ${unit} (${points(c.lo)} to ${points(c.hi)}; ${n} vs ${nB} ${nB === 1 ? 'response' : 'responses'})`;
  }
  if (!label.level) return words;
  const l = label.level;
  const numbers =
    locale === 'da' ? `${pct(l.p)} % (${pct(l.lo)} til ${pct(l.hi)} %; ${n} svar)` : `${pct(l.p)}% (${pct(l.lo)} to ${pct(l.hi)}%; ${n} ${n === 1 ? 'response' : 'responses'})`;
  return label.code === 'estimate' ? numbers : `${words}: ${numbers}`;
}
