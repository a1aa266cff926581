// A project's retention date, "delete raw answers now" (behind a confirmation) and the DPO export, for the
// secretariat only: the server allows these to admins (not to a project's editors), so the real role decides
// here too (GET/PUT /projects/:id/retention, POST …/retention/delete-now, GET …/dpo-export).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, call, id } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StatusMessage, TextField } from '../../components/Field';
import { formatDate, todayInCopenhagen } from '../../format';
import { hasRetentionKey, useRetentionT } from '../../i18n/retention';
import { useSession } from '../session';
import { useLoad } from '../useLoad';

const retention = api.projects[':projectId'].retention;
const param = (projectId: number) => ({ param: { projectId: id(projectId) } });
export const retentionApi = {
  get: (projectId: number) => call(retention.$get(param(projectId))).then((r) => r.retention),
  set: (projectId: number, retentionUntil: string | null) => call(retention.$put({ ...param(projectId), json: { retentionUntil } })).then((r) => r.retention),
  deleteNow: (projectId: number) => call(retention['delete-now'].$post({ ...param(projectId), json: { confirm: true } })).then((r) => r.retention),
  dpoExportUrl: (projectId: number) => `/api/projects/${projectId}/dpo-export`,
};

export function RetentionSettings({ projectId }: { projectId: number }) {
  const { user } = useSession();
  if (user.role !== 'admin') return null;
  return <RetentionPanel projectId={projectId} />;
}

/** The error in this panel's words for its own codes, else the shared text. */
function RetentionError({ error }: { error: unknown }) {
  const t = useRetentionT();
  const key = error instanceof ApiError ? `err_${error.code}` : '';
  if (error && hasRetentionKey(key)) {
    return (
      <p className="error-message" role="alert">
        {t(key)}
      </p>
    );
  }
  return <ErrorMessage error={error} />;
}

function RetentionPanel({ projectId }: { projectId: number }) {
  const t = useRetentionT();
  const headingId = useId();
  const loaded = useLoad(() => retentionApi.get(projectId), [projectId]);
  const state = loaded.data;
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (state) setDate(state.retentionUntil ?? '');
  }, [state]);

  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const done = await run();
      await loaded.reload();
      setMessage(done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const next = await retentionApi.set(projectId, date || null);
      return next.retentionUntil ? t('dateSaved') : t('dateCleared');
    });
  };

  const stateText = !state
    ? null
    : state.rawDeletedAt
      ? t('stateDeleted', { date: formatDate(state.rawDeletedAt, t.locale) })
      : state.rawDeleted && state.retentionUntil
        ? t('statePassed', { date: formatDate(state.retentionUntil, t.locale) })
        : state.retentionUntil
          ? t('stateUntil', { date: formatDate(state.retentionUntil, t.locale) })
          : t('stateNone');

  return (
    <section className="retention-settings" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('title')}</h3>
      <p>{t('intro')}</p>
      <ErrorMessage error={loaded.error} />
      {state && (
        <>
          <p>
            <strong>{stateText}</strong>
          </p>
          {!state.rawDeletedAt && (
            <form onSubmit={save} noValidate>
              <TextField label={t('dateLabel')} hint={t('dateHint')} type="date" min={todayInCopenhagen()} value={date} onChange={(e) => setDate(e.target.value)} />
              <div className="form-actions">
                <button type="submit" disabled={busy}>
                  {t('saveDate')}
                </button>
                {state.retentionUntil && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() =>
                      void act(async () => {
                        await retentionApi.set(projectId, null);
                        return t('dateCleared');
                      })
                    }
                  >
                    {t('clearDate')}
                  </button>
                )}
              </div>
            </form>
          )}
          <h4>{t('deleteTitle')}</h4>
          <p className="hint">{t('deleteHint')}</p>
          <p>
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
              {t('deleteButton')}
            </button>
          </p>
          {confirming && (
            <ConfirmDelete
              busy={busy}
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                void act(async () => t('deleted', { n: (await retentionApi.deleteNow(projectId)).purged.responses }));
              }}
            />
          )}
        </>
      )}
      <RetentionError error={error} />
      <StatusMessage message={message} />
      <h4>{t('dpoTitle')}</h4>
      <p className="hint">{t('dpoIntro')}</p>
      <p>
        <a className="button secondary" href={retentionApi.dpoExportUrl(projectId)} download>
          {t('dpoButton')}
        </a>
      </p>
    </section>
  );
}

/** The one irreversible step, asked once more in a modal dialog; Escape or "Annullér" leaves everything as it is. */
function ConfirmDelete({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useRetentionT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{t('confirmTitle')}</h2>
      <p id={textId}>{t('confirmText')}</p>
      <div className="form-actions">
        <button type="button" autoFocus onClick={onCancel}>
          {t('confirmNo')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {t('confirmYes')}
        </button>
      </div>
    </dialog>
  );
}
