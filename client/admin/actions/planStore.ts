// One load of a project's action plan and suggestions, shared by every behaviour drill-down of the report (each
// shows its behaviour's actions on the timeline and may add one), so the page asks once and every chart sees a
// new action at once.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { actionsApi, type ActionPlan, type Suggestion } from './api';

export interface PlanState {
  plan?: ActionPlan;
  suggestions?: Suggestion[];
  error?: unknown;
}

const states = new Map<number, PlanState>();
const listeners = new Set<() => void>();
/** How many mounted drill-downs use each project's plan. */
const users = new Map<number, number>();
const EMPTY: PlanState = {};

function set(projectId: number, state: PlanState) {
  // A load that comes back after the page was left is dropped, so the next visit loads afresh.
  if (!users.get(projectId)) return;
  states.set(projectId, state);
  listeners.forEach((l) => l());
}

async function load(projectId: number) {
  try {
    const [plan, suggestions] = await Promise.all([actionsApi.plan(projectId), actionsApi.suggestions(projectId).catch(() => [] as Suggestion[])]);
    set(projectId, { plan, suggestions });
  } catch (error) {
    set(projectId, { ...states.get(projectId), error });
  }
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useActionPlan(projectId: number | null) {
  const state = useSyncExternalStore(subscribe, () => (projectId ? (states.get(projectId) ?? EMPTY) : EMPTY));
  useEffect(() => {
    if (!projectId) return;
    // The first drill-down on the page loads; the others share it. When the last one goes (the page is left),
    // the plan is forgotten, so the next visit loads afresh.
    users.set(projectId, (users.get(projectId) ?? 0) + 1);
    if (!states.has(projectId)) {
      states.set(projectId, EMPTY);
      void load(projectId);
    }
    return () => {
      const left = (users.get(projectId) ?? 1) - 1;
      users.set(projectId, left);
      if (left <= 0) states.delete(projectId);
    };
  }, [projectId]);
  const reload = useCallback(() => (projectId ? load(projectId) : Promise.resolve()), [projectId]);
  return { ...state, reload };
}
