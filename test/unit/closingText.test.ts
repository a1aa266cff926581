// The closing of a wave as staff read it on the answer page and the poster: the last day when it closes at the
// end of that day, the day and the time otherwise, in Copenhagen time (the reminders say the same).
import { describe, expect, it } from 'vitest';
import { formatClosing } from '../../client/format';

describe('formatClosing', () => {
  it('says the day and the time when a wave closes during the day', () => {
    // 16.00 in Copenhagen (winter time, UTC+1).
    expect(formatClosing({ closesOn: '2026-12-28', closesAt: '2026-12-28T15:00:00.000Z' }, 'da')).toEqual({ text: '28. december 2026 kl. 16.00', timed: true });
    expect(formatClosing({ closesOn: '2026-12-28', closesAt: '2026-12-28T15:00:00.000Z' }, 'en')).toEqual({ text: '28 December 2026 at 16:00', timed: true });
  });

  it('says only the last day when the wave closes at midnight after it, summer time too', () => {
    expect(formatClosing({ closesOn: '2026-12-28', closesAt: '2026-12-28T23:00:00.000Z' }, 'da')).toEqual({ text: '28. december 2026', timed: false });
    expect(formatClosing({ closesOn: null, closesAt: '2026-06-30T22:00:00.000Z' }, 'da')).toEqual({ text: '30. juni 2026', timed: false });
    expect(formatClosing({ closesOn: '2026-12-28', closesAt: null }, 'da')).toEqual({ text: '28. december 2026', timed: false });
    expect(formatClosing({ closesOn: null, closesAt: null }, 'da')).toBeNull();
  });
});
