// Display formatting only — dates in Europe/Copenhagen, numbers the server already computed.
import type { Locale } from './i18n';
import { closingText } from '../surveys/closing';

const TZ = 'Europe/Copenhagen';
const intlLocale = (l: Locale) => (l === 'da' ? 'da-DK' : 'en-GB');

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: Locale) {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' });
    dayFormats.set(locale, f);
  }
  return f;
}

/** A calendar day (YYYY-MM-DD) or UTC timestamp, shown as a date in Copenhagen time, e.g. "3. marts 2026". */
export function formatDate(value: string | null | undefined, locale: Locale = 'da'): string {
  if (!value) return '';
  // A bare day is noon UTC so the Copenhagen date is the same day whatever the offset.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return dayFormat(locale).format(d);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function dayAndTimeFormat(locale: Locale) {
  let f = timeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(locale, f);
  }
  return f;
}
/** An instant as a day and a time in Copenhagen: "1. marts 2027 kl. 08.00" / "1 March 2027 at 08:00". */
export const formatDayAndTime = (iso: string, locale: Locale) => dayAndTimeFormat(locale).format(new Date(iso));
/** When a wave stops taking answers, as staff read it (the one rule, also for the reminders: surveys/closing.ts). */
export const formatClosing = closingText;

/** Today's date in Copenhagen as YYYY-MM-DD (for date inputs). */
export function todayInCopenhagen(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return parts; // en-CA formats as YYYY-MM-DD
}

/** A proportion 0..1 from the server as whole percent, e.g. 0.634 → "63 %" (da) / "63%" (en). */
export function formatPercent(p: number | null | undefined, locale: Locale = 'da'): string {
  if (p == null) return '–';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(p);
}

/** An interval of two proportions as "52–71 %" (da) / "52–71%" (en): the percent sign as formatPercent puts it. */
export function formatInterval(lo: number | null | undefined, hi: number | null | undefined, locale: Locale = 'da'): string {
  if (lo == null || hi == null) return '–';
  const n = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
  return `${n.format(lo * 100)}–${formatPercent(hi, locale)}`;
}

/** A chart's axis tick in whole percent (0–100), written as formatPercent writes it: "40 %" (da) / "40%" (en). */
export const formatPercentTick = (v: number | string, locale: Locale = 'da') => formatPercent(Number(v) / 100, locale);

export function formatNumber(n: number, locale: Locale = 'da'): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}
