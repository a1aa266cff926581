// The action type the barrier profile suggests: the weakest shown component, never a hidden one.
import { describe, expect, it } from 'vitest';
import { suggestActionType, type ComponentShare } from '../../server/analysis/actionSuggestion';

const share = (component: ComponentShare['component'], p: number | null, n = 20, hidden = false): ComponentShare => ({ component, p, n, hidden });
const project = { scope: 'project' as const, waveName: 'Nulpunktsmåling' };

describe('suggestActionType', () => {
  it('maps the weakest component to its action type', () => {
    expect(suggestActionType([share('capability', 0.8), share('opportunity', 0.3), share('motivation', 0.6)], project)?.type).toBe('opportunity');
    expect(suggestActionType([share('capability', 0.2), share('opportunity', 0.3), share('motivation', 0.6)], project)?.type).toBe('capability');
    expect(suggestActionType([share('capability', 0.9), share('opportunity', 0.7), share('motivation', 0.35)], project)?.type).toBe('motivation');
  });

  it('ignores hidden and unmeasured cells, so a hidden weakest component is never named', () => {
    // Motivation would be the lowest, but it is hidden: the suggestion comes from what the report shows.
    const s = suggestActionType([share('capability', 0.7), share('opportunity', 0.5), { component: 'motivation', p: null, n: 0, hidden: true }], project);
    expect(s).toMatchObject({ type: 'opportunity', p: 0.5, n: 20 });
    expect(suggestActionType([share('capability', 0.1, 0)], project)).toBeNull();
    expect(suggestActionType([{ component: 'capability', p: 0.1, n: 3, hidden: true }], project)).toBeNull();
    expect(suggestActionType([], project)).toBeNull();
  });

  it('breaks a tie towards capability, then opportunity', () => {
    expect(suggestActionType([share('motivation', 0.4), share('opportunity', 0.4), share('capability', 0.4)], project)?.type).toBe('capability');
    expect(suggestActionType([share('motivation', 0.4), share('opportunity', 0.4)], project)?.type).toBe('opportunity');
  });

  it('gives a one-line reason in Danish and English with the number, whose it is and the wave', () => {
    const s = suggestActionType([share('capability', 0.8), share('opportunity', 0.42, 12)], { scope: 'unit', waveName: 'Opfølgning 1' });
    expect(s?.reason.da).toBe('Færrest i enheden har tid og redskaber til det (42 % af 12 svar, Opfølgning 1) – overvej at frigøre tid eller skaffe redskaber.');
    expect(s?.reason.en).toBe('Fewest in the unit have the time and tools for it (42% of 12 answers, Opfølgning 1) – consider freeing time or providing tools.');
    expect(s?.reason.da).not.toMatch(/\n/);
    const whole = suggestActionType([share('motivation', 0.5)], project);
    expect(whole?.reason.da).toContain('i hele projektet');
    expect(whole?.reason.en).toContain('explaining why');
  });
});
