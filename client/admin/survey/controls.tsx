// Small accessible controls of the survey editor: keyboard-operable up/down buttons that keep focus on the moved
// item, a checkbox with an optional hint, and the error line tied to a group of controls.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useSurveyEditorT } from '../../i18n/surveyEditor';
import { fieldId } from './specState';

type Dir = 'up' | 'down';

/** After a move the moved item's button keeps focus (or its other button, at the top or bottom). */
export function useReorderFocus() {
  const refs = useRef(new Map<string, HTMLButtonElement | null>());
  const [pending, setPending] = useState<{ id: string; dir: Dir } | null>(null);
  useEffect(() => {
    if (!pending) return;
    const same = refs.current.get(`${pending.id}:${pending.dir}`);
    const other = refs.current.get(`${pending.id}:${pending.dir === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
    setPending(null);
  }, [pending]);
  const ref = useCallback((id: string, dir: Dir) => (el: HTMLButtonElement | null) => void refs.current.set(`${id}:${dir}`, el), []);
  const moved = useCallback((id: string, dir: Dir) => setPending({ id, dir }), []);
  return { ref, moved };
}

export function ReorderButtons({
  id,
  index,
  total,
  upLabel,
  downLabel,
  onMove,
  focus,
}: {
  id: string;
  index: number;
  total: number;
  upLabel: string;
  downLabel: string;
  onMove: (to: number) => void;
  focus: ReturnType<typeof useReorderFocus>;
}) {
  const t = useSurveyEditorT();
  const go = (dir: Dir) => {
    onMove(dir === 'up' ? index - 1 : index + 1);
    focus.moved(id, dir);
  };
  return (
    <div className="reorder">
      <button type="button" className="secondary small" ref={focus.ref(id, 'up')} aria-label={upLabel} disabled={index === 0} onClick={() => go('up')}>
        <span aria-hidden="true">↑</span> {t('moveUp')}
      </button>
      <button type="button" className="secondary small" ref={focus.ref(id, 'down')} aria-label={downLabel} disabled={index >= total - 1} onClick={() => go('down')}>
        <span aria-hidden="true">↓</span> {t('moveDown')}
      </button>
    </div>
  );
}

export function Check({
  label,
  checked,
  onChange,
  disabled,
  hint,
  id,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: string;
  id?: string;
}) {
  const hintId = id ? `${id}-hint` : undefined;
  return (
    <div className="check">
      <label className="inline">
        <input type="checkbox" id={id} checked={checked} disabled={disabled} aria-describedby={hint && hintId ? hintId : undefined} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The error of a group (fieldset) at `path`, with the id the group's aria-describedby points to. */
export function GroupError({ path, error }: { path: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${fieldId(path)}-err`}>
      {error}
    </p>
  );
}

/** aria-describedby for a group: its hint and, when there is one, its error. */
export const groupDescribedBy = (path: string, error?: string, hintId?: string) => [hintId, error ? `${fieldId(path)}-err` : ''].filter(Boolean).join(' ') || undefined;
