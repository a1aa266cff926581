// A wave's schedule: open and close instants chosen in Copenhagen time, the days every other module reads
// (opensOn/closesOn, kept as the Copenhagen days of the instants), and the status the clock gives a wave.
import { fieldError } from './fieldErrors';
import { invalid } from './errors';
import type { Clock } from './clock';
import { todayUtc } from './clock';
import { copenhagenDay, endOfCopenhagenDay, fromCopenhagenLocal, lastOpenDay, startOfCopenhagenDay, toCopenhagenLocal } from './copenhagenTime';

/** What a wave is by the clock: a draft; scheduled (survey frozen, links made, not yet open); open; closed. */
export type EffectiveStatus = 'draft' | 'scheduled' | 'open' | 'closed';

interface TimedWave {
  status: 'draft' | 'open' | 'closed';
  opensAt?: string | null;
  closesAt?: string | null;
  closesOn: string | null;
}

/**
 * Decided by the clock, not by a job: an opened wave is scheduled until opensAt, open until closesAt and closed
 * from then on, even before anyone presses close. A wave without instants (older rows) closes after its close day.
 */
export function statusByClock(wave: TimedWave, clock: Clock): EffectiveStatus {
  if (wave.status !== 'open') return wave.status;
  const now = clock.now().getTime();
  if (wave.closesAt ? now >= Date.parse(wave.closesAt) : wave.closesOn !== null && wave.closesOn < todayUtc(clock)) return 'closed';
  if (wave.opensAt && now < Date.parse(wave.opensAt)) return 'scheduled';
  return 'open';
}

/** The instants and days to store; opensOn/closesOn always follow the instants. */
export interface StoredSchedule {
  opensAt: string | null;
  closesAt: string | null;
  opensOn: string | null;
  closesOn: string | null;
}

export const daysOf = (opensAt: string | null, closesAt: string | null): StoredSchedule => ({
  opensAt,
  closesAt,
  opensOn: opensAt ? copenhagenDay(opensAt) : null,
  closesOn: closesAt ? lastOpenDay(closesAt) : null,
});

/** One end of a schedule as given: an instant, Copenhagen wall time, or (older clients) a day. */
interface GivenEnd {
  at?: string | null;
  local?: string | null;
  day?: string | null;
}

/**
 * The instant one end of the schedule names: undefined when not given, null when cleared. More than one form
 * at once, or a wall time that does not exist (the hour skipped in March), is a 400 naming the field.
 */
function resolveEnd(end: GivenEnd, field: 'opensAt' | 'closesAt'): string | null | undefined {
  const given = (['at', 'local', 'day'] as const).filter((k) => end[k] !== undefined);
  if (given.length > 1) throw fieldError('schedule_ambiguous', field, `Give ${field} one way only: an instant, Copenhagen local time or a day`);
  if (end.local) {
    const r = fromCopenhagenLocal(end.local);
    if (!r.ok) throw fieldError(r.problem === 'nonexistent' ? 'time_does_not_exist' : 'invalid_time', `${field}Local`, r.problem === 'nonexistent' ? `${end.local} does not exist in Copenhagen (the clocks go forward)` : `${end.local} is not a date and time`);
    return r.instant;
  }
  if (end.day) return field === 'opensAt' ? startOfCopenhagenDay(end.day) : endOfCopenhagenDay(end.day);
  if (end.at !== undefined) return end.at;
  if (end.local === null || end.day === null) return null;
  return undefined;
}

export interface ScheduleInput {
  opensAt?: string | null;
  closesAt?: string | null;
  opensAtLocal?: string | null;
  closesAtLocal?: string | null;
  opensOn?: string | null;
  closesOn?: string | null;
}

/** The schedule after a change: given ends replace the current ones; close must come after open. */
export function resolveSchedule(input: ScheduleInput, current: { opensAt: string | null; closesAt: string | null }): StoredSchedule & { changed: { opens: boolean; closes: boolean } } {
  const opens = resolveEnd({ at: input.opensAt, local: input.opensAtLocal, day: input.opensOn }, 'opensAt');
  const closes = resolveEnd({ at: input.closesAt, local: input.closesAtLocal, day: input.closesOn }, 'closesAt');
  const opensAt = opens === undefined ? current.opensAt : opens;
  const closesAt = closes === undefined ? current.closesAt : closes;
  if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt)) {
    throw invalid('invalid_dates', 'The close time must be after the open time', [{ path: 'closesAt', code: 'before_open', message: `closesAt ${closesAt} is not after opensAt ${opensAt}` }]);
  }
  return { ...daysOf(opensAt, closesAt), changed: { opens: opens !== undefined, closes: closes !== undefined } };
}

/** The schedule as the API answers it: the instants and their Copenhagen wall time. */
export function scheduleView(wave: { opensAt: string | null; closesAt: string | null }) {
  return {
    opensAtLocal: wave.opensAt ? toCopenhagenLocal(wave.opensAt) : null,
    closesAtLocal: wave.closesAt ? toCopenhagenLocal(wave.closesAt) : null,
    timeZone: 'Europe/Copenhagen' as const,
  };
}
