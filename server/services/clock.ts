// Dates are stored in UTC: timestamps as ISO strings, calendar days as YYYY-MM-DD.
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);
