// The answer to 409 stale_version: someone else saved the same thing while you were editing. Shows the fields
// that differ (theirs and yours) and lets the editor reload (discard mine) or keep their changes (applied on top of
// the new version and saved again). A native modal <dialog>: role dialog, focus kept inside, Escape closes it.
import { useEffect, useId, useRef } from 'react';
import { useVersionsT } from '../i18n/versions';

export interface StaleField {
  field: string;
  label: string;
  theirs: unknown;
  yours: unknown;
  /** False: the other changed this field and I did not; "keep my changes" takes theirs. */
  yoursChanged?: boolean;
}

export function StaleEditDialog(props: { what: string; fields: StaleField[]; busy?: boolean; onReload: () => void; onKeepMine: () => void; onClose: () => void }) {
  const t = useVersionsT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const introId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  const show = (v: unknown) => (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length) ? t('staleEmpty') : Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <dialog ref={ref} className="stale-dialog" aria-labelledby={titleId} aria-describedby={introId} onCancel={(e) => { e.preventDefault(); props.onClose(); }}>
      <h2 id={titleId}>{t('staleTitle', { what: props.what })}</h2>
      <p id={introId}>{props.fields.length ? t('staleIntro') : t('staleNone')}</p>
      {props.fields.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('staleField')}</th>
              <th scope="col">{t('staleTheirs')}</th>
              <th scope="col">{t('staleYours')}</th>
            </tr>
          </thead>
          <tbody>
            {props.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{f.label}</th>
                <td>{show(f.theirs)}</td>
                <td>{f.yoursChanged === false ? <span className="muted">{t('staleNotYours')}</span> : show(f.yours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" autoFocus onClick={props.onReload} disabled={props.busy} aria-describedby={`${titleId}-reload`}>
          {t('staleReload')}
        </button>
        <button type="button" onClick={props.onKeepMine} disabled={props.busy} aria-describedby={`${titleId}-keep`}>
          {t('staleKeep')}
        </button>
      </div>
      <p className="hint" id={`${titleId}-reload`}>{t('staleReloadHint')}</p>
      <p className="hint" id={`${titleId}-keep`}>{t('staleKeepHint')}</p>
    </dialog>
  );
}
