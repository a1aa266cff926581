// Pieces every workspace form uses: API errors in the user's language (by code), field problems keyed by the
// field they belong to, checkbox and radio groups with their hint and error tied in, and number parsing.
import { useEffect, useId, useState, type ReactNode, type RefObject } from 'react';
import { ApiError } from '../../api';
import { errorText } from '../../components/ErrorMessage';
import type { Locale } from '../../i18n';
import { hasWorkspaceKey, translateWorkspace, useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import type { UnitKind } from './api';

/** The message for an API error: the workspace's own text for its codes, else the shared one. */
export function wsErrorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiError) {
    const key = `err_${err.code}`;
    if (hasWorkspaceKey(key)) return translateWorkspace(locale, key);
  }
  return errorText(err, locale);
}

/** An alert with the error in the user's language; screen readers announce it when it appears. */
export function WsError({ error, id }: { error: unknown; id?: string }) {
  const t = useWorkspaceT();
  if (!error) return null;
  return (
    <p className="error-message" role="alert" id={id}>
      {wsErrorText(error, t.locale)}
    </p>
  );
}

const DATE_FIELDS = /date|On$/i;

/**
 * Field problems from a 400/409 answer, keyed by the field's first path segment ("goalIds.1" → "goalIds"),
 * in the user's language where the code is known; the server's own message otherwise.
 */
export function fieldProblems(err: unknown, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const p of err.fieldProblems) {
    const field = p.path.split('.')[0];
    if (!field || field in out) continue;
    const own = `err_${p.code}`;
    let text: string;
    if (hasWorkspaceKey(own)) text = translateWorkspace(locale, own);
    else if (p.code === 'too_small' && (field === 'headcount' || field === 'value')) text = translateWorkspace(locale, 'headcountNegative');
    else if (p.code === 'too_small') text = translateWorkspace(locale, 'required');
    else if (DATE_FIELDS.test(field) && (p.code === 'invalid_format' || p.code === 'custom' || p.code === 'invalid_string')) text = translateWorkspace(locale, 'invalidDate');
    else text = p.message;
    out[field] = text;
  }
  return out;
}

/** After a failed submit (each time `failures` goes up), moves focus to the first invalid field. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLElement | null>, failures: number) {
  useEffect(() => {
    if (!failures) return;
    // Wait a frame: the error markup renders in the same commit as the counter.
    const id = window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return () => window.cancelAnimationFrame(id);
  }, [failures, formRef]);
}

/**
 * The sending state every workspace form shares: field problems, the error, busy, and focus on the first invalid
 * field after a failure. `send(problems, action)` shows the form's own problems, or runs the action; when the
 * server refuses, its problems are shown next to their fields.
 */
export function useFormSend(formRef: RefObject<HTMLElement | null>) {
  const t = useWorkspaceT();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  useFocusFirstInvalid(formRef, failures);

  const send = async (problems: Record<string, string>, action: () => Promise<void>) => {
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) {
      setFailures((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setError(err);
      setErrors(fieldProblems(err, t.locale));
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return { errors, error, busy, send };
}

/** "12,5" or "12.5" → 12.5; "" → null; anything else → NaN. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

export function formatNumberInput(n: number | null | undefined, locale: Locale): string {
  if (n == null) return '';
  return locale === 'da' ? String(n).replace('.', ',') : String(n);
}

export function describedBy(...ids: (string | false | null | undefined)[]) {
  return ids.filter(Boolean).join(' ') || undefined;
}

export interface CheckOption {
  value: number;
  label: ReactNode;
  disabled?: boolean;
}

/** A fieldset of checkboxes with a legend, an optional hint and an error, both linked to each box. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  empty,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  error?: string | null;
  empty?: string;
  options: CheckOption[];
  value: number[];
  onChange: (next: number[]) => void;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const errId = error ? `${id}-err` : null;
  return (
    <fieldset className="check-group" aria-describedby={describedBy(hintId, errId)}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={hintId!}>
          {hint}
        </p>
      )}
      {options.length === 0 && empty && <p className="muted">{empty}</p>}
      {options.map((o) => (
        <label key={o.value} className="inline check-option">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            disabled={o.disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(errId)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          <span>{o.label}</span>
        </label>
      ))}
      {error && (
        <p className="field-error" id={errId!}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A fieldset of radio buttons (e.g. positive / negative benefit). */
export function RadioGroup<V extends string>({
  legend,
  hint,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: { value: V; label: ReactNode }[];
  value: V;
  onChange: (v: V) => void;
}) {
  const id = useId();
  return (
    <fieldset className="radio-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="radio-row">
        {options.map((o) => (
          <label key={o.value}>
            <input type="radio" name={`${name}-${id}`} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** "▼ Negativ gevinst" / "▲ Positiv gevinst": the direction in words and a shape, never colour alone. */
export function DirectionBadge({ direction }: { direction: 'positive' | 'negative' }) {
  const t = useWorkspaceT();
  return (
    <span className={`direction-badge ${direction}`}>
      <span aria-hidden="true">{direction === 'negative' ? '▼' : '▲'}</span> {t(direction === 'negative' ? 'direction_negative' : 'direction_positive')}
    </span>
  );
}

/** A benefit's or behaviour's buttons: Redigér and Slet, or Gendan once it is archived; each names the item. */
export function ItemActions({ item, onEdit, onDelete, onRestore }: { item: { title: string; archivedAt: string | null }; onEdit: () => void; onDelete: () => void; onRestore: () => void }) {
  const t = useWorkspaceT();
  return (
    <div className="form-actions">
      {item.archivedAt ? (
        <button type="button" className="secondary small" aria-label={t('restoreNamed', { title: item.title })} onClick={onRestore}>
          {t('restore')}
        </button>
      ) : (
        <>
          <button type="button" className="secondary small" aria-label={t('editNamed', { title: item.title })} onClick={onEdit}>
            {t('edit')}
          </button>
          <button type="button" className="danger small" aria-label={t('deleteNamed', { title: item.title })} onClick={onDelete}>
            {t('delete')}
          </button>
        </>
      )}
    </div>
  );
}

export const kindKey = (k: UnitKind) => `kind_${k}` as WorkspaceKey;
