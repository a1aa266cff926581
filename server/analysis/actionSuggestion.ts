/**
 * Which kind of action the barrier profile points to: the weakest of capability (I know how), opportunity (I have
 * the time and tools) and motivation (it makes sense to me) calls for training, freeing time or tools, or
 * explaining the why. Pure, no I/O. It is given only numbers the disclosure policy already lets the viewer see (a
 * hidden cell arrives as hidden, without p), so a suggestion can never say more than the report beside it.
 */
export const COM_COMPONENTS = ['capability', 'opportunity', 'motivation'] as const;
export type ComComponent = (typeof COM_COMPONENTS)[number];

export interface ComponentShare {
  component: ComComponent;
  /** Share favourable, 0..1; null when not shown. */
  p: number | null;
  n: number;
  hidden: boolean;
}

export interface SuggestionContext {
  /** Whose numbers: the unit's own, or the whole project's (when the unit's are hidden or not measured). */
  scope: 'unit' | 'project';
  /** The wave the numbers are from, as the report names it. */
  waveName: string;
}

export interface ActionSuggestion {
  /** The action type, as actions.type stores it: the component's own name. */
  type: ComComponent;
  component: ComComponent;
  p: number;
  n: number;
  scope: 'unit' | 'project';
  /** One line saying why, for the action form. */
  reason: { da: string; en: string };
}

const WHAT: Record<ComComponent, { da: string; en: string; doDa: string; doEn: string }> = {
  capability: { da: 'ved, hvordan de gør det', en: 'know how to do it', doDa: 'overvej oplæring', doEn: 'consider training' },
  opportunity: { da: 'har tid og redskaber til det', en: 'have the time and tools for it', doDa: 'overvej at frigøre tid eller skaffe redskaber', doEn: 'consider freeing time or providing tools' },
  motivation: { da: 'synes, det giver mening', en: 'find that it makes sense', doDa: 'overvej at forklare hvorfor', doEn: 'consider explaining why' },
};

const percent = (p: number, lang: 'da' | 'en') => `${Math.round(p * 100)}${lang === 'da' ? ' %' : '%'}`;

/**
 * The weakest shown component and the action type it suggests, or null when none of the three is shown. A tie
 * goes to the earlier of capability, opportunity, motivation: people must know how and have the means before
 * explaining why can help.
 */
export function suggestActionType(shares: readonly ComponentShare[], context: SuggestionContext): ActionSuggestion | null {
  const shown = shares
    .filter((s): s is ComponentShare & { p: number } => !s.hidden && s.p !== null && Number.isFinite(s.p) && s.n > 0)
    .sort((a, b) => a.p - b.p || COM_COMPONENTS.indexOf(a.component) - COM_COMPONENTS.indexOf(b.component));
  const weakest = shown[0];
  if (!weakest) return null;
  const w = WHAT[weakest.component];
  const whereDa = context.scope === 'unit' ? 'i enheden' : 'i hele projektet';
  const whereEn = context.scope === 'unit' ? 'in the unit' : 'in the whole project';
  return {
    type: weakest.component,
    component: weakest.component,
    p: weakest.p,
    n: weakest.n,
    scope: context.scope,
    reason: {
      da: `Færrest ${whereDa} ${w.da} (${percent(weakest.p, 'da')} af ${weakest.n} svar, ${context.waveName}) – ${w.doDa}.`,
      en: `Fewest ${whereEn} ${w.en} (${percent(weakest.p, 'en')} of ${weakest.n} answers, ${context.waveName}) – ${w.doEn}.`,
    },
  };
}
