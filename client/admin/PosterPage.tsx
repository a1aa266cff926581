// A printable A4 poster for one unit link: big QR code, the address and a short Danish invitation.
import { useEffect } from 'react';
import { projectApi, waveApi } from './api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAdminT } from '../i18n/admin';
import { useT } from '../i18n/common';
import { Link } from '../router';
import { useLoad } from './useLoad';

/** Posters hang in a Danish workplace: the text is Danish whatever the screen language, with an English line. */
const POSTER_TEXT_DA = 'Hjælp os med at se, om den nye arbejdsgang virker – 3 minutter, anonymt';
const POSTER_TEXT_EN = 'Help us see whether the new way of working works – 3 minutes, anonymous';
const POSTER_SCAN_DA = 'Scan QR-koden med mobilens kamera, eller skriv adressen:';

export function PosterPage({ projectId, waveId, linkId }: { projectId: number; waveId: number; linkId: number }) {
  const t = useAdminT();
  const tc = useT();
  const data = useLoad(async () => {
    const [links, project] = await Promise.all([waveApi.links(waveId), projectApi.get(projectId)]);
    return { wave: links.wave, link: links.links.find((l) => l.id === linkId) ?? null, project };
  }, [projectId, waveId, linkId]);
  const link = data.data?.link;

  useEffect(() => {
    if (link) document.title = `${t('posterTitle', { unit: link.unitName })} – Gevinstspor`;
  }, [link, t]);

  if (!data.data) {
    return data.loading ? (
      <p role="status" className="page-loading">
        {tc('loading')}
      </p>
    ) : (
      <ErrorMessage error={data.error} />
    );
  }
  if (!link) {
    return (
      <>
        <h1>{t('posterNotFound')}</h1>
        <Link to={`/projects/${projectId}`}>{t('posterBack')}</Link>
      </>
    );
  }

  return (
    <>
      <div className="poster-toolbar no-print">
        <Link to={`/projects/${projectId}`} className="button secondary">
          {t('posterBack')}
        </Link>
        <button type="button" onClick={() => window.print()}>
          {t('posterPrint')}
        </button>
      </div>
      <article className="poster" lang="da" aria-label={t('posterTitle', { unit: link.unitName })}>
        <div>
          <p className="poster-unit">
            {data.data.project.name} · {link.unitName}
          </p>
          <h1>{POSTER_TEXT_DA}</h1>
          <p className="poster-text" lang="en">
            {POSTER_TEXT_EN}
          </p>
        </div>
        <img className="poster-qr" src={waveApi.qrUrl(waveId, link.id)} alt={t('qrAlt', { unit: link.unitName })} />
        <div>
          <p>{POSTER_SCAN_DA}</p>
          <p className="poster-url">{link.url}</p>
        </div>
      </article>
    </>
  );
}
