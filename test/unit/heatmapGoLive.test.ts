// The heatmap never marks a unit as lagging in a follow-up that opened before the unit went live.
import { describe, expect, it } from 'vitest';
import { notLiveAtWave } from '../../client/dashboard/model';

const followup = { phase: 'followup', opensOn: '2026-11-08' };

describe('notLiveAtWave', () => {
  it('is true for a unit that went live after the follow-up opened, or has no date', () => {
    expect(notLiveAtWave({ date: '2026-11-25', live: true }, followup)).toBe(true);
    expect(notLiveAtWave({ date: '2026-12-23', live: false }, followup)).toBe(true);
    expect(notLiveAtWave({ date: null, live: false }, followup)).toBe(true);
  });

  it('is false for a unit live by then, for a baseline, and when nothing is known', () => {
    expect(notLiveAtWave({ date: '2026-10-19', live: true }, followup)).toBe(false);
    expect(notLiveAtWave({ date: '2026-11-08', live: true }, followup)).toBe(false);
    expect(notLiveAtWave({ date: '2026-11-25', live: true }, { phase: 'baseline', opensOn: '2026-11-08' })).toBe(false);
    expect(notLiveAtWave(undefined, followup)).toBe(false);
    expect(notLiveAtWave({ date: '2026-11-25', live: true }, null)).toBe(false);
  });
});
