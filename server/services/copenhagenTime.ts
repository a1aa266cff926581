// Europe/Copenhagen wall time ↔ UTC instants, with Intl (Node's ICU time-zone data) instead of a library: two
// conversions and a format are all the schedule needs, and ICU already knows every DST rule.
const ZONE = 'Europe/Copenhagen';
const HOUR = 3_600_000;

/** A local date-time as the secretariat types it: 2027-03-01T08:00 (no seconds, no offset). */
export const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Copenhagen wall time of an instant, as YYYY-MM-DDTHH:mm. */
export function toCopenhagenLocal(instant: Date | string): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The Copenhagen calendar day of an instant. */
export const copenhagenDay = (instant: Date | string) => toCopenhagenLocal(instant).slice(0, 10);

/** The last Copenhagen day a wave closing at `closesAt` is open: a close at midnight ends the day before. */
export const lastOpenDay = (closesAt: Date | string) => copenhagenDay(new Date(new Date(closesAt).getTime() - 1));

export type LocalProblem = 'format' | 'nonexistent';

/**
 * The instant of a Copenhagen wall time. Copenhagen is UTC+1 (winter) or UTC+2 (summer), so the instant is one
 * of two candidates; the one whose wall time reads back the same is it. In the spring gap (02:00–02:59 on the
 * last Sunday of March) neither does: that time never happens and is refused. In the autumn overlap (02:00–02:59
 * twice on the last Sunday of October) both do: the first (summer time) is taken, so a wave never opens late.
 */
export function fromCopenhagenLocal(local: string): { ok: true; instant: string } | { ok: false; problem: LocalProblem } {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) return { ok: false, problem: 'format' };
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const date = new Date(asUtc);
  // Date.UTC rolls 2027-02-30 over to March; a day or time that does not exist is a format error.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59) return { ok: false, problem: 'format' };
  const candidates = [2 * HOUR, HOUR].map((offset) => new Date(asUtc - offset)).filter((c) => toCopenhagenLocal(c) === local);
  if (!candidates.length) return { ok: false, problem: 'nonexistent' };
  return { ok: true, instant: candidates[0].toISOString() };
}

/** Midnight at the start of a Copenhagen day (never in a DST gap: Denmark changes at 02:00). */
export function startOfCopenhagenDay(day: string): string {
  const r = fromCopenhagenLocal(`${day}T00:00`);
  if (!r.ok) throw new Error(`Not a day: ${day}`);
  return r.instant;
}

/** The instant a wave closing "on" a day closes: midnight after it. */
export function endOfCopenhagenDay(day: string): string {
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfCopenhagenDay(next.toISOString().slice(0, 10));
}

const formats = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

/** "1. marts 2027 kl. 08.00" / "1 March 2027 at 08:00", in Copenhagen time. */
export const formatCopenhagen = (instant: Date | string, locale: 'da' | 'en') => formats[locale].format(new Date(instant));
