// When a wave stops taking answers, worded as staff read it: the one place the rule is made, so the answer page,
// the posters and the reminder texts say the same. Dependency-free: server and client (any chunk) import it.
import type { Locale } from './types';

const TZ = 'Europe/Copenhagen';
const intlLocale = (l: Locale) => (l === 'da' ? 'da-DK' : 'en-GB');
const dayFormats = { da: new Intl.DateTimeFormat(intlLocale('da'), { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }), en: new Intl.DateTimeFormat(intlLocale('en'), { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }) };
const timedOptions = { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const timedFormats = { da: new Intl.DateTimeFormat(intlLocale('da'), timedOptions), en: new Intl.DateTimeFormat(intlLocale('en'), timedOptions) };
const clockInCopenhagen = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A calendar day (YYYY-MM-DD) as "3. marts 2026" / "3 March 2026"; noon UTC is the same day in Copenhagen. */
const dayText = (day: string, locale: Locale) => dayFormats[locale].format(new Date(`${day}T12:00:00Z`));

/**
 * The last day when the wave closes at midnight after that day ("28. december 2026"; `timed` false), else the day
 * and the time ("28. december 2026 kl. 16.00" / "28 December 2026 at 16:00"), so nobody who answers that evening
 * finds it closed. `closesOn` is the last open day as the server keeps it; without it the day before midnight.
 */
export function closingText(wave: { closesOn?: string | null; closesAt?: string | null }, locale: Locale): { text: string; timed: boolean } | null {
  const at = wave.closesAt ? new Date(wave.closesAt) : null;
  const valid = at !== null && !Number.isNaN(at.getTime());
  if (valid && clockInCopenhagen.format(at) !== '00:00') return { text: timedFormats[locale].format(at), timed: true };
  if (wave.closesOn) return { text: dayText(wave.closesOn, locale), timed: false };
  if (valid) return { text: dayFormats[locale].format(new Date(at.getTime() - 60_000)), timed: false };
  return null;
}
