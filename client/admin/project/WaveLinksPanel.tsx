// A wave's links per unit, for handing out to staff without a PC or work e-mail: the link, the short code and
// address to type it at, copy buttons, the QR code (SVG and PNG), a poster per unit and all posters at once, the
// kiosk link for a shared tablet, and revoking or replacing a link that went astray.
import { useState } from 'react';
import { waveApi, type WaveLink, type WaveSummary } from '../api';
import { copyText } from '../../components/copyText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StatusMessage } from '../../components/Field';
import { useAdminT } from '../../i18n/admin';
import { useLinksT } from '../../i18n/waveLinks';
import { Link } from '../../router';
import { useLoad } from '../useLoad';
import { waveLinksApi } from '../waveLinksApi';
import './waveLinks.css';

const fileName = (unit: string) => unit.replace(/[^\p{L}\p{N}]+/gu, '-');

export function WaveLinksPanel({ projectId, wave }: { projectId: number; wave: WaveSummary }) {
  const tl = useLinksT();
  const links = useLoad(() => waveApi.links(wave.id), [wave.id, wave.status]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      await links.reload();
      setMessage(done);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="wave-links">
      <h4>{tl('linksTitle')}</h4>
      <p className="muted">{tl('linksIntro')}</p>
      {wave.status === 'draft' && <p className="notice notice-warn">{tl('linksDraftNote')}</p>}
      <p>
        <Link to={`/projects/${projectId}/waves/${wave.id}/posters`} className="button secondary small">
          {tl('printAllPosters')}
        </Link>
      </p>
      <ErrorMessage error={error ?? links.error} />
      <StatusMessage message={message} />
      {links.data?.links.map((l) => (
        <LinkRow key={l.id} projectId={projectId} wave={wave} link={l} onMessage={setMessage} act={act} />
      ))}
    </div>
  );
}

function LinkRow({
  projectId,
  wave,
  link,
  onMessage,
  act,
}: {
  projectId: number;
  wave: WaveSummary;
  link: WaveLink;
  onMessage: (msg: string) => void;
  act: (fn: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const t = useAdminT();
  const tl = useLinksT();
  const unit = link.unitName;
  const waveId = wave.id;
  const revoked = Boolean(link.revokedAt);
  const copy = async (text: string, what: string) => onMessage((await copyText(text)) ? tl('copied', { what }) : tl('copyFailed'));
  // Per-unit counts only once the wave has closed, and a grouped unit's only with its group's (the server decides).
  const count = (n: number | null) => (n === null ? t(wave.status === 'closed' ? 'responsesHidden' : 'responsesAfterClose') : t('responsesCount', { n }));

  return (
    <div className={`link-row${revoked ? ' revoked' : ''}`}>
      {revoked ? <span aria-hidden="true" className="qr-placeholder" /> : <img className="qr" src={waveLinksApi.qrSvgUrl(waveId, link.id)} alt={tl('qrAlt', { unit })} width={96} height={96} loading="lazy" />}
      <div>
        <p>
          <strong>{unit}</strong> {revoked && <span className="tag revoked">{tl('revokedTag')}</span>}
          {wave.status !== 'draft' && (
            <span className="muted">
              {' · '}
              {link.group ? `${t('responsesOfGroup', { group: link.group.name })}: ${count(link.group.responses)}` : count(link.responses)}
            </span>
          )}
        </p>
        {revoked ? (
          <p className="muted">{tl('revokedNote')}</p>
        ) : (
          <>
            <dl className="link-facts">
              <dt>{tl('linkAddress')}</dt>
              <dd className="link-url">
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.url}
                </a>
              </dd>
              <dt>{tl('shortCode')}</dt>
              <dd>
                <span className="link-code">{link.shortCode}</span> <span className="muted">({tl('shortAddress')}: {link.shortUrl})</span>
              </dd>
              <dt>{tl('kioskLink')}</dt>
              <dd>
                <span className="link-url">{link.kioskUrl}</span>
                <br />
                <span className="muted">{tl('kioskHint')}</span>
              </dd>
            </dl>
            <div className="link-actions">
              <button type="button" className="secondary small" onClick={() => void copy(link.url, link.url)}>
                {tl('copyLink', { unit })}
              </button>
              {link.shortCode && (
                <button type="button" className="secondary small" onClick={() => void copy(link.shortCode!, link.shortCode!)}>
                  {tl('copyCode', { unit })}
                </button>
              )}
              <button type="button" className="secondary small" onClick={() => void copy(link.kioskUrl, link.kioskUrl)}>
                {tl('copyKiosk', { unit })}
              </button>
              <a href={waveLinksApi.qrSvgUrl(waveId, link.id)} download={`qr-${fileName(unit)}.svg`} className="button secondary small">
                {tl('downloadQrSvg', { unit })}
              </a>
              <a href={waveLinksApi.qrPngUrl(waveId, link.id)} download={`qr-${fileName(unit)}.png`} className="button secondary small">
                {tl('downloadQrPng', { unit })}
              </a>
              <Link to={`/projects/${projectId}/waves/${waveId}/poster/${link.id}`} className="button secondary small">
                {tl('poster', { unit })}
              </Link>
            </div>
          </>
        )}
        <div className="link-actions link-danger-zone">
          <button type="button" className="secondary small" onClick={() => window.confirm(tl('confirmReplace', { unit })) && void act(() => waveLinksApi.replace(waveId, link.id), tl('replaced', { unit }))}>
            {tl('replace', { unit })}
          </button>
          {!revoked && (
            <button type="button" className="danger small" onClick={() => window.confirm(tl('confirmRevoke', { unit })) && void act(() => waveLinksApi.revoke(waveId, link.id), tl('revoked', { unit }))}>
              {tl('revoke', { unit })}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
