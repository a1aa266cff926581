// Labelled form controls: every input has a visible <label>, hints and errors are tied in with aria-describedby.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  hint?: string;
  error?: string | null;
}

function describedBy(hintId: string, errId: string, hint?: string, error?: string | null) {
  return [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, hint, error, id, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <div className="field">
      <label htmlFor={fid}>{label}</label>
      {hint && (
        <p className="hint" id={`${fid}-hint`}>
          {hint}
        </p>
      )}
      <input id={fid} type="text" aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${fid}-hint`, `${fid}-err`, hint, error)} {...rest} />
      {error && (
        <p className="field-error" id={`${fid}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextArea({ label, hint, error, id, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <div className="field">
      <label htmlFor={fid}>{label}</label>
      {hint && (
        <p className="hint" id={`${fid}-hint`}>
          {hint}
        </p>
      )}
      <textarea id={fid} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${fid}-hint`, `${fid}-err`, hint, error)} {...rest} />
      {error && (
        <p className="field-error" id={`${fid}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField({ label, hint, error, id, children, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <div className="field">
      <label htmlFor={fid}>{label}</label>
      {hint && (
        <p className="hint" id={`${fid}-hint`}>
          {hint}
        </p>
      )}
      <select id={fid} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${fid}-hint`, `${fid}-err`, hint, error)} {...rest}>
        {children}
      </select>
      {error && (
        <p className="field-error" id={`${fid}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A polite live region for "Gemt" and similar messages; keep it mounted so screen readers hear changes. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p className="status-message" role="status" aria-live="polite">
      {message ?? ''}
    </p>
  );
}

/** Field problems from a 400 answer, keyed by field path (e.g. "name"). */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const details = (err as { details?: unknown } | null)?.details;
  if (Array.isArray(details)) {
    for (const d of details as { path?: unknown; message?: unknown }[]) {
      if (typeof d?.path === 'string' && typeof d.message === 'string' && !(d.path in out)) out[d.path] = d.message;
    }
  }
  return out;
}
