// Copenhagen wall time ↔ instants, across both DST changes (2027: 28 March and 31 October).
import { describe, expect, it } from 'vitest';
import { copenhagenDay, endOfCopenhagenDay, formatCopenhagen, fromCopenhagenLocal, lastOpenDay, startOfCopenhagenDay, toCopenhagenLocal } from '../../server/services/copenhagenTime';

const instant = (local: string) => {
  const r = fromCopenhagenLocal(local);
  if (!r.ok) throw new Error(r.problem);
  return r.instant;
};

describe('Copenhagen time', () => {
  it('converts winter and summer times with their offsets', () => {
    expect(instant('2027-03-01T08:00')).toBe('2027-03-01T07:00:00.000Z');
    expect(instant('2027-06-15T08:00')).toBe('2027-06-15T06:00:00.000Z');
    expect(toCopenhagenLocal('2027-06-15T06:00:00.000Z')).toBe('2027-06-15T08:00');
  });

  it('handles the spring change: 02:xx does not exist, 01:59 and 03:00 do', () => {
    expect(instant('2027-03-28T01:59')).toBe('2027-03-28T00:59:00.000Z');
    expect(fromCopenhagenLocal('2027-03-28T02:30')).toEqual({ ok: false, problem: 'nonexistent' });
    expect(instant('2027-03-28T03:00')).toBe('2027-03-28T01:00:00.000Z');
  });

  it('handles the autumn change: 02:xx happens twice and the first (summer time) is taken', () => {
    expect(instant('2027-10-31T02:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(toCopenhagenLocal('2027-10-31T01:30:00.000Z')).toBe('2027-10-31T02:30');
    expect(instant('2027-10-31T03:00')).toBe('2027-10-31T02:00:00.000Z');
  });

  it('refuses what is not a local date-time', () => {
    for (const bad of ['2027-02-30T08:00', '2027-03-01T24:00', '2027-03-01 08:00', '2027-03-01T08:00Z', '2027-03-01', '']) expect(fromCopenhagenLocal(bad).ok).toBe(false);
  });

  it('gives Copenhagen days, not UTC days, and the last open day of a close at midnight', () => {
    expect(copenhagenDay('2027-06-14T22:30:00.000Z')).toBe('2027-06-15');
    expect(startOfCopenhagenDay('2027-06-15')).toBe('2027-06-14T22:00:00.000Z');
    expect(endOfCopenhagenDay('2027-03-27')).toBe('2027-03-27T23:00:00.000Z');
    expect(endOfCopenhagenDay('2027-03-28')).toBe('2027-03-28T22:00:00.000Z');
    expect(lastOpenDay(endOfCopenhagenDay('2027-03-28'))).toBe('2027-03-28');
    expect(lastOpenDay(instant('2027-03-15T16:00'))).toBe('2027-03-15');
  });

  it('formats in Danish and English', () => {
    expect(formatCopenhagen('2027-03-01T07:00:00.000Z', 'da')).toBe('1. marts 2027 kl. 08.00');
    expect(formatCopenhagen('2027-03-01T07:00:00.000Z', 'en')).toBe('1 March 2027 at 08:00');
  });
});
