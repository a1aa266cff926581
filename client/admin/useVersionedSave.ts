// Saving an edit of a versioned entity (server/services/versioned.ts): the body carries the version the form
// loaded; a 409 stale_version opens StaleEditDialog. "Get the new version" hands the current entity to the form;
// "Keep my changes" saves on top of the new version: the fields this editor changed (against what it loaded) as
// mine, the rest as theirs. The dialog lists, in the form's order, what the other changed and what I did.
import { createElement, useState, type ReactElement } from 'react';
import { ApiError } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { StaleEditDialog, type StaleField } from '../components/StaleEditDialog';

interface StaleDetails {
  current: Record<string, unknown>;
  currentVersion: number;
  changedFields: string[];
}

export function staleDetails(e: unknown): StaleDetails | undefined {
  if (!(e instanceof ApiError) || e.status !== 409 || e.code !== 'stale_version') return undefined;
  const d = e.details as Partial<StaleDetails> | undefined;
  return d && typeof d.currentVersion === 'number' && d.current ? { current: d.current, currentVersion: d.currentVersion, changedFields: d.changedFields ?? [] } : undefined;
}

// Link lists (…Ids) compare as sets, as on the server (versioned.ts changedFields): their order means nothing.
const canonical = (k: string, v: unknown) => (k.endsWith('Ids') && Array.isArray(v) ? [...new Set(v as unknown[])].sort() : v);
const same = (a: unknown, b: unknown, k = '') => JSON.stringify(canonical(k, a) ?? null) === JSON.stringify(canonical(k, b) ?? null);

export interface VersionedEdit<Body extends object, Result> {
  /** The edited fields as the form loaded them (the loaded entity itself will do: only the keys of `mine` are read). */
  base: object;
  /** The edited fields as the form has them now. */
  mine: Body;
  version: number;
  send: (body: Body & { version: number }) => Promise<Result>;
  /** After a save; `sent` is what was stored (after "keep my changes": merged with the new version). */
  onSaved: (result: Result, sent: Body) => void;
  /** The form starts over from the entity as stored now (the 409's current). */
  onReload: (current: Record<string, unknown>) => void;
  /** Where the current entity keeps the edited fields (the survey spec: inside `spec`). */
  currentFields?: (current: Record<string, unknown>) => Record<string, unknown>;
  labels?: Record<string, string>;
  /** How a field's value reads in the dialog (unit names for unitIds, a translated status …); else as it is. */
  display?: Partial<Record<string, (value: unknown) => string>>;
  /**
   * Runs the save after "keep my changes" the way the form runs its own saves (busy, field errors). Without it, an
   * error of that save is shown where the dialog was.
   */
  runAgain?: (save: () => Promise<void>) => Promise<void>;
}

export function useVersionedSave(what: string): {
  save: <Body extends object, Result>(edit: VersionedEdit<Body, Result>) => Promise<Result | undefined>;
  dialog: ReactElement | null;
} {
  const [stale, setStale] = useState<{ fields: StaleField[]; reload: () => void; keep: () => Promise<void> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [againError, setAgainError] = useState<unknown>(null);

  async function save<Body extends object, Result>(edit: VersionedEdit<Body, Result>): Promise<Result | undefined> {
    setAgainError(null);
    try {
      const result = await edit.send({ ...edit.mine, version: edit.version });
      edit.onSaved(result, edit.mine);
      return result;
    } catch (e) {
      const details = staleDetails(e);
      if (!details) throw e;
      const theirs = edit.currentFields ? edit.currentFields(details.current) : details.current;
      const mineEntries = Object.entries(edit.mine) as [string, unknown][];
      const changedByMe = mineEntries.filter(([k, v]) => !same(v, (edit.base as Record<string, unknown>)[k], k));
      // What differs now: the fields the server names, and any I changed that the new version has otherwise.
      const differing = new Set([...details.changedFields, ...changedByMe.filter(([k, v]) => !same(v, theirs[k], k)).map(([k]) => k)]);
      const shown = (k: string, v: unknown) => edit.display?.[k]?.(v) ?? v;
      // In the form's order (that of its labels), the rest after.
      const order = Object.keys(edit.labels ?? {});
      const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
      const fields = [...differing]
        .sort((x, y) => rank(x) - rank(y))
        .filter((k) => k in edit.mine && !same(theirs[k], (edit.mine as Record<string, unknown>)[k], k))
        .map((k) => ({ field: k, label: edit.labels?.[k] ?? k, theirs: shown(k, theirs[k]), yours: shown(k, (edit.mine as Record<string, unknown>)[k]), yoursChanged: changedByMe.some(([c]) => c === k) }));
      setStale({
        fields,
        reload: () => {
          setStale(null);
          edit.onReload(details.current);
        },
        keep: async () => {
          setBusy(true);
          try {
            setStale(null);
            const merged = { ...theirs, ...Object.fromEntries(changedByMe) };
            const body = Object.fromEntries(mineEntries.map(([k]) => [k, merged[k]])) as Body;
            const again = async () => void (await save({ ...edit, base: Object.fromEntries(mineEntries.map(([k]) => [k, theirs[k]])), mine: body, version: details.currentVersion }));
            if (edit.runAgain) await edit.runAgain(again);
            else await again().catch(setAgainError);
          } finally {
            setBusy(false);
          }
        },
      });
      return undefined;
    }
  }

  const dialog = stale
    ? createElement(StaleEditDialog, { what, fields: stale.fields, busy, onReload: stale.reload, onKeepMine: () => void stale.keep(), onClose: () => setStale(null) })
    : againError
      ? createElement(ErrorMessage, { error: againError })
      : null;
  return { save, dialog };
}
