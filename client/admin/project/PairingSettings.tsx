// The secretariat's switch for the optional pairing code, and the one irreversible button that destroys its key
// (PUT /projects/:id/pairing, POST …/pairing/destroy). The server generates and keeps the key; it never comes here.
import { useState } from 'react';
import { api, call, id } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../format';
import { useAdminT } from '../../i18n/admin';
import { useSession } from '../session';
import { useLoad } from '../useLoad';

const pairing = api.projects[':projectId'].pairing;
const param = (projectId: number) => ({ projectId: id(projectId) });
const pairingApi = {
  get: (projectId: number) => call(pairing.$get({ param: param(projectId) })).then((r) => r.pairing),
  set: (projectId: number, enabled: boolean) => call(pairing.$put({ param: param(projectId), json: { enabled } })).then((r) => r.pairing),
  destroy: (projectId: number) => call(pairing.destroy.$post({ param: param(projectId), json: { confirm: true } })).then((r) => r.pairing),
};

export function PairingSettings({ projectId }: { projectId: number }) {
  const { isAdmin, thresholds } = useSession();
  if (!isAdmin) return null;
  return <PairingForm projectId={projectId} k={thresholds.anonymity} />;
}

function PairingForm({ projectId, k }: { projectId: number; k: number }) {
  const t = useAdminT();
  const loaded = useLoad(() => pairingApi.get(projectId), [projectId]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const state = loaded.data;

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await run();
      await loaded.reload();
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="pairing-title" className="pairing-settings">
      <h2 id="pairing-title">{t('pairingTitle')}</h2>
      <p>{t('pairingIntro', { k })}</p>
      <ErrorMessage error={loaded.error ?? error} />
      {state && (
        <>
          <p>
            <strong>{state.enabled ? t('pairingOn') : t('pairingOff')}</strong>
          </p>
          {state.destroyedAt ? (
            <p className="notice">{t('pairingDestroyed', { date: formatDate(state.destroyedAt, t.locale) })}</p>
          ) : (
            <>
              <p className="legend-note">{t('pairingNextVersion')}</p>
              <p>
                <button type="button" disabled={busy} onClick={() => void act(() => pairingApi.set(projectId, !state.enabled))}>
                  {state.enabled ? t('pairingSwitchOff') : t('pairingSwitchOn')}
                </button>
              </p>
              {state.keyExists && (
                <>
                  <p className="legend-note">{t('pairingDestroyHelp')}</p>
                  <p>
                    <button type="button" className="danger" disabled={busy} onClick={() => window.confirm(t('pairingConfirmDestroy')) && void act(() => pairingApi.destroy(projectId))}>
                      {t('pairingDestroy')}
                    </button>
                  </p>
                </>
              )}
            </>
          )}
          {saved && <p role="status">{t('pairingSaved')}</p>}
        </>
      )}
    </section>
  );
}
