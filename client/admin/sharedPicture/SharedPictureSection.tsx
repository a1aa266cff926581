// "Fælles billede" in the project (Overblik): the secretariat (or the project's editor) chooses what the shared
// picture shows, makes share links for the whole project or one unit, copies them, shows their QR codes, opens the
// page to preview it, and withdraws a link. The public page itself is client/shared/ (its own bundle).
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TableWrap } from '../../components/TableWrap';
import { copyText } from '../../components/copyText';
import { formatDate } from '../../format';
import { useSharedPictureT, type SharedPictureKey } from '../../i18n/sharedPicture';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { sharedPictureAdminApi, type Sections, type ShareLink } from './api';
import './sharedPicture.css';

const SECTION_KEYS = ['purpose', 'behaviours', 'benefits', 'drawbacks', 'timeline', 'unitDescriptions', 'results'] as const satisfies readonly (keyof Sections)[];

export function SharedPictureSection({ projectId }: { projectId: number }) {
  const { isAdmin } = useSession();
  if (!isAdmin) return null;
  return <SharedPictureForm projectId={projectId} />;
}

function SharedPictureForm({ projectId }: { projectId: number }) {
  const t = useSharedPictureT();
  const loaded = useLoad(() => sharedPictureAdminApi.get(projectId), [projectId]);
  const [sections, setSections] = useState<Sections | null>(null);
  const [unitChoice, setUnitChoice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const data = loaded.data;

  useEffect(() => {
    if (data) setSections(data.sections);
  }, [data]);

  const act = async (run: () => Promise<unknown>, done: SharedPictureKey) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await run();
      await loaded.reload();
      setMessage(t(done));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const targetOf = (l: ShareLink) => l.unitName ?? t('wholeProject');

  return (
    <section className="card shared-picture-admin" aria-labelledby="shared-picture-title">
      <h2 id="shared-picture-title">{t('sectionTitle')}</h2>
      <p>{t('sectionIntro')}</p>
      {loaded.error != null && <ErrorMessage error={loaded.error} />}
      {sections && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => sharedPictureAdminApi.setSections(projectId, sections), 'sectionsSaved');
          }}
        >
          <fieldset>
            <legend>{t('sectionsLegend')}</legend>
            {SECTION_KEYS.map((key) => (
              <div key={key}>
                <label className="inline">
                  <input type="checkbox" checked={sections[key]} onChange={(e) => setSections({ ...sections, [key]: e.target.checked })} />
                  <span>{t(`sec_${key}`)}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" disabled={busy}>
            {t('saveSections')}
          </button>
        </form>
      )}

      <h3>{t('linksTitle')}</h3>
      {data && (
        <form
          className="share-link-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => sharedPictureAdminApi.create(projectId, unitChoice ? Number(unitChoice) : null), 'linkCreated');
          }}
        >
          <label htmlFor="share-link-target">{t('linkFor')}</label>
          <select id="share-link-target" value={unitChoice} onChange={(e) => setUnitChoice(e.target.value)}>
            <option value="">{t('wholeProject')}</option>
            {data.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {t('createLink')}
          </button>
        </form>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
      <ErrorMessage error={error} />
      {data && data.links.length === 0 && <p>{t('noLinks')}</p>}
      {data && data.links.length > 0 && (
        <TableWrap label={t('linksTitle')}>
          {/* "stack": one card per link on a phone, so its buttons are never cut off. */}
          <table className="share-links stack">
            <thead>
              <tr>
                <th scope="col">{t('colFor')}</th>
                <th scope="col">{t('colLink')}</th>
                <th scope="col">{t('colQr')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.links.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{targetOf(l)}</th>
                  <td data-label={t('colLink')}>
                    <code className="share-url">{l.url}</code>
                  </td>
                  <td data-label={t('colQr')}>{!l.revokedAt && <img src={sharedPictureAdminApi.qrSvgUrl(projectId, l.id)} alt={t('qrAlt', { target: targetOf(l) })} width={96} height={96} loading="lazy" />}</td>
                  <td data-label={t('colState')}>{l.revokedAt ? t('stateRevoked', { date: formatDate(l.revokedAt, t.locale) }) : t('stateActive')}</td>
                  <td>
                    {!l.revokedAt && (
                      <div className="form-actions">
                        <button type="button" className="secondary small" onClick={() => void copyText(l.url).then((ok) => setMessage(t(ok ? 'copied' : 'copyFailed')))}>
                          {t('copy')}
                        </button>
                        <a className="button secondary small" href={`/p/${l.token}`} target="_blank" rel="noopener noreferrer" aria-label={t('previewLabel', { target: targetOf(l) })}>
                          {t('preview')}
                        </a>
                        <a className="button secondary small" href={sharedPictureAdminApi.qrSvgUrl(projectId, l.id)} download={`faelles-billede-${l.id}.svg`}>
                          {t('downloadQr')}
                        </a>
                        <button
                          type="button"
                          className="danger small"
                          disabled={busy}
                          aria-label={t('revokeLabel', { target: targetOf(l) })}
                          onClick={() => {
                            if (window.confirm(t('revokeConfirm'))) void act(() => sharedPictureAdminApi.revoke(projectId, l.id), 'revoked');
                          }}
                        >
                          {t('revoke')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
