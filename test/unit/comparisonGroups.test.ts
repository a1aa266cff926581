// Which cells compare with which: cohorts by the first wave after go-live, units not yet live as the comparison,
// a placebo where two pre-rollout waves exist, and plain reasons when no valid comparison group exists.
import { describe, expect, it } from 'vitest';
import { did2x2 } from '../../server/analysis';
import { comparisonAdvice, comparisonOf, comparisonSeries, firstPostWave, type ComparisonRow } from '../../server/services/comparisonGroups';

const waves = [
  { id: 1, opensOn: '2026-01-10' },
  { id: 2, opensOn: '2026-04-10' },
  { id: 3, opensOn: '2026-07-10' },
];
const row = (key: string, goLive: (string | null)[], counts: [number, number][]): ComparisonRow => ({
  key,
  goLiveDates: goLive,
  counts: new Map(counts.map(([x, n], i) => [waves[i].id, { x, n }])),
});

describe('firstPostWave', () => {
  it('is the first wave opening on or after the go-live day, null when not live in these waves', () => {
    expect(firstPostWave(['2026-01-10'], waves)).toBe(1);
    expect(firstPostWave(['2026-02-01'], waves)).toBe(2);
    // A go-live during a wave counts from the next one.
    expect(firstPostWave(['2026-04-11'], waves)).toBe(3);
    expect(firstPostWave(['2026-08-01'], waves)).toBeNull();
    expect(firstPostWave([null], waves)).toBeNull();
  });

  it('puts a group whose members go live in different waves in no cohort', () => {
    expect(firstPostWave(['2026-02-01', '2026-05-01'], waves)).toBeUndefined();
    expect(firstPostWave(['2026-02-01', '2026-03-01'], waves)).toBe(2);
  });
});

describe('comparisonOf', () => {
  it('compares a cohort with the units not yet live at the same waves, never with units already live', () => {
    const early = row('early', ['2026-02-01'], [[30, 80], [52, 85], [55, 82]]);
    const late = row('late', ['2026-05-01'], [[28, 75], [31, 70], [50, 72]]);
    const never = row('never', [null], [[20, 50], [22, 52], [21, 49]]);
    const c = comparisonOf([early, late, never], waves);
    expect(c.available).toBe(true);
    if (!c.available) return;
    expect(c.cohorts).toBe(2);
    // Each cohort's latest wave (3), from its own last wave before go-live, against "never" only (late is live by 3).
    const earlyCell = did2x2({ x: 30, n: 80 }, { x: 55, n: 82 }, { x: 20, n: 50 }, { x: 21, n: 49 })!;
    const lateCell = did2x2({ x: 31, n: 70 }, { x: 50, n: 72 }, { x: 22, n: 52 }, { x: 21, n: 49 })!;
    const weighted = (80 * earlyCell.did + 70 * lateCell.did) / 150;
    expect(c.did).toBeCloseTo(weighted, 12);
    // Late has two waves before its go-live: the placebo (wave 1 → 2 against never) exists.
    const placebo = did2x2({ x: 28, n: 75 }, { x: 31, n: 70 }, { x: 20, n: 50 }, { x: 22, n: 52 })!;
    expect(c.placebo!.did).toBeCloseTo(placebo.did, 12);
  });

  it('says why when no valid comparison group exists', () => {
    const live = (key: string) => row(key, ['2026-02-01'], [[10, 40], [30, 40], [32, 40]]);
    expect(comparisonOf([live('a'), live('b')], waves)).toEqual({ available: false, reason: 'no_controls' });
    const liveFirst = (key: string) => row(key, ['2025-12-01'], [[10, 40], [30, 40], [32, 40]]);
    expect(comparisonOf([liveFirst('a'), liveFirst('b')], waves)).toEqual({ available: false, reason: 'all_live_at_first_wave' });
    const notLive = (key: string) => row(key, [null], [[10, 40], [12, 40], [11, 40]]);
    expect(comparisonOf([notLive('a'), notLive('b')], waves)).toEqual({ available: false, reason: 'none_live' });
    expect(comparisonOf([live('a'), notLive('b')], waves.slice(0, 1))).toEqual({ available: false, reason: 'single_wave' });
    expect(comparisonOf([live('a')], waves)).toEqual({ available: false, reason: 'one_shown_cell' });
  });

  it('leaves out a cell hidden in any wave, so the comparison rests only on numbers already shown', () => {
    const early = row('early', ['2026-02-01'], [[30, 80], [52, 85], [55, 82]]);
    const hiddenLater = { ...row('never', [null], [[20, 50], [22, 52]]) };
    expect(comparisonOf([early, hiddenLater], waves)).toEqual({ available: false, reason: 'one_shown_cell' });
  });
});

describe('comparisonSeries', () => {
  it('pools per wave the cells not yet live at that wave, leaving out live cells, mixed groups and hidden cells', () => {
    const early = row('early', ['2026-02-01'], [[30, 80], [52, 85], [55, 82]]);
    const late = row('late', ['2026-05-01'], [[28, 75], [31, 70], [50, 72]]);
    const never = row('never', [null], [[20, 50], [22, 52]]);
    const mixed = row('mixed', ['2026-02-01', '2026-05-01'], [[5, 10], [5, 10], [5, 10]]);
    expect(comparisonSeries([early, late, never, mixed], waves)).toEqual([
      { waveId: 1, x: 30 + 28 + 20, n: 80 + 75 + 50, cells: 3, liveCells: 0 },
      { waveId: 2, x: 31 + 22, n: 70 + 52, cells: 2, liveCells: 1 },
      // "never" is not shown at wave 3: not in the pool; late and early are live.
      { waveId: 3, x: 0, n: 0, cells: 0, liveCells: 2 },
    ]);
  });

  it('is null when no wave has both a live and a not-yet-live cell', () => {
    const never = (key: string) => row(key, [null], [[20, 50], [22, 52], [21, 49]]);
    expect(comparisonSeries([never('a'), never('b')], waves)).toBeNull();
    const live = (key: string) => row(key, ['2025-12-01'], [[20, 50], [22, 52], [21, 49]]);
    expect(comparisonSeries([live('a'), live('b')], waves)).toBeNull();
  });
});

describe('comparisonAdvice', () => {
  it('names the follow-ups where units already live can be compared with units not yet live', () => {
    const plan = [
      { unitId: 1, goLiveDate: '2026-02-01' },
      { unitId: 2, goLiveDate: '2026-05-01' },
    ];
    expect(comparisonAdvice(plan, waves)).toEqual({ comparableWaveIds: [2], suggestion: null });
  });

  it('suggests moving the later half of the go-lives past the second wave when all go live together', () => {
    const plan = [
      { unitId: 1, goLiveDate: '2026-02-01' },
      { unitId: 2, goLiveDate: '2026-02-15' },
      { unitId: 3, goLiveDate: '2026-03-01' },
      { unitId: 4, goLiveDate: '2026-03-20' },
    ];
    expect(comparisonAdvice(plan, waves)).toEqual({ comparableWaveIds: [], suggestion: { afterWaveId: 2, unitIds: [3, 4] } });
    // Live before the first wave: nothing to compare, and no wave before to measure them.
    expect(comparisonAdvice(plan.map((p) => ({ ...p, goLiveDate: '2025-12-01' })), waves).comparableWaveIds).toEqual([]);
    expect(comparisonAdvice(plan, waves.slice(0, 1))).toEqual({ comparableWaveIds: [], suggestion: null });
  });
});
