// The one source of "now" for services, injected through createApp({ clock }) so tests can fix the date.
// Dates are stored in UTC: timestamps as ISO strings, calendar days as YYYY-MM-DD.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (tests, demo data). */
export const fixedClock = (at: Date | string): Clock => ({ now: () => new Date(at) });

export const todayUtc = (clock: Clock) => clock.now().toISOString().slice(0, 10);
export const nowIso = (clock: Clock) => clock.now().toISOString();
