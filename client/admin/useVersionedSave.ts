// Saving an edit of a versioned entity (server/services/versioned.ts): the body carries the version the form
// loaded; a 409 stale_version opens StaleEditDialog. "Get the new version" hands the current entity to the form;
// "Keep my changes" sends only the fields this editor changed (against what it loaded) with the new version.
import { createElement, useState, type ReactElement } from 'react';
import { ApiError } from '../api';
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

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface VersionedEdit<Body extends object, Result> {
  /** The edited fields as the form loaded them. */
  base: Partial<Body>;
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
}

export function useVersionedSave(what: string): {
  save: <Body extends object, Result>(edit: VersionedEdit<Body, Result>) => Promise<Result | undefined>;
  dialog: ReactElement | null;
} {
  const [stale, setStale] = useState<{ fields: StaleField[]; reload: () => void; keep: () => Promise<void> } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save<Body extends object, Result>(edit: VersionedEdit<Body, Result>): Promise<Result | undefined> {
    try {
      const result = await edit.send({ ...edit.mine, version: edit.version });
      edit.onSaved(result, edit.mine);
      return result;
    } catch (e) {
      const details = staleDetails(e);
      if (!details) throw e;
      const theirs = edit.currentFields ? edit.currentFields(details.current) : details.current;
      const mineEntries = Object.entries(edit.mine) as [string, unknown][];
      const changedByMe = mineEntries.filter(([k, v]) => !same(v, (edit.base as Record<string, unknown>)[k]));
      // What differs now: the fields the server names, and any I changed that the new version has otherwise.
      const differing = new Set([...details.changedFields, ...changedByMe.filter(([k, v]) => !same(v, theirs[k])).map(([k]) => k)]);
      const fields = [...differing]
        .filter((k) => k in edit.mine && !same(theirs[k], (edit.mine as Record<string, unknown>)[k]))
        .map((k) => ({ field: k, label: edit.labels?.[k] ?? k, theirs: theirs[k], yours: (edit.mine as Record<string, unknown>)[k] }));
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
            await save({ ...edit, base: Object.fromEntries(mineEntries.map(([k]) => [k, theirs[k]])) as Partial<Body>, mine: body, version: details.currentVersion });
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
    : null;
  return { save, dialog };
}
