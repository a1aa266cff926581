// A printable A4 poster per unit link, for staff without a PC or work e-mail: the project and why we ask, the QR
// code, the short address and code to type instead, the close date, the anonymity promise with the configured
// threshold, the answer time and the municipality's name and logo. Danish by default, English if chosen here
// (the poster's language, not the screen's). WavePostersPage prints one per unit.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { answerTimeText } from '../../surveys/duration';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatClosing } from '../format';
import type { Locale } from '../i18n';
import { useT } from '../i18n/common';
import { translatePoster, useLinksT, type PosterKey } from '../i18n/waveLinks';
import { Link } from '../router';
import { useLoad } from './useLoad';
import { waveLinksApi, type PosterData, type PosterLink } from './waveLinksApi';
import './posters.css';

/** The address to type, as short as it can be printed: browsers add https:// themselves (http:// stays). */
const typedAddress = (url: string) => url.replace(/^https:\/\//, '');

export function Poster({ data, link, lang, headingLevel = 1 }: { data: PosterData; link: PosterLink; lang: Locale; headingLevel?: 1 | 2 }) {
  const p = (key: PosterKey, vars?: Record<string, string | number>) => translatePoster(lang, key, vars);
  const tl = useLinksT();
  const H: 'h1' | 'h2' = `h${headingLevel}`;
  const { project, wave, municipality } = data;
  const projectName = (lang === 'en' && project.nameEn) || project.name;
  const purpose = (lang === 'en' && project.purposeEn) || project.purpose;
  const unitName = (lang === 'en' && link.unitNameEn) || link.unitName;
  // The last day to answer, with the time when the wave closes before that day's end.
  const closes = formatClosing(wave, lang)?.text;
  return (
    <article className="poster" lang={lang} aria-label={tl('posterPageTitle', { unit: link.unitName })}>
      <div className="poster-inner">
        {(municipality.logo || municipality.municipalityName) && (
          <div className="poster-head">
            {municipality.logo && <img className="poster-logo" src={municipality.logo} alt={municipality.municipalityName ? '' : tl('logoAlt')} />}
            {municipality.municipalityName && <span className="poster-municipality">{municipality.municipalityName}</span>}
          </div>
        )}
        <p className="poster-unit">{p('unit', { unit: unitName })}</p>
        <H className="poster-title">{projectName}</H>
        <p className="poster-invite">{data.answerSeconds ? p('inviteTime', { time: answerTimeText(data.answerSeconds, lang) }) : p('invite')}</p>
        <div className="poster-why">
          <p className="poster-why-title">{p('why')}</p>
          <p className="poster-why-text">{purpose || p('whyDefault')}</p>
        </div>
        <div className="poster-access">
          <img className="poster-qr" src={waveLinksApi.qrSvgUrl(wave.id, link.id)} alt={tl('qrAlt', { unit: unitName })} />
          <p className="poster-scan">{p('scan')}</p>
        </div>
        <div className="poster-typed">
          <p>{p('orType')}</p>
          <p className="poster-short">{typedAddress(link.shortUrl)}</p>
          <p>{p('andCode')}</p>
          <p className="poster-code">{link.shortCode}</p>
        </div>
        {closes && <p className="poster-closes">{p('closes', { date: closes })}</p>}
        <p className="poster-anon">{p('anonymous', { k: data.anonymityThreshold })}</p>
      </div>
    </article>
  );
}

/** Back, the poster language and print: shown on screen only. */
export function PosterToolbar({ projectId, lang, onLang, printLabel, children }: { projectId: number; lang: Locale; onLang: (l: Locale) => void; printLabel: string; children?: ReactNode }) {
  const tl = useLinksT();
  const name = useId();
  return (
    <div className="poster-toolbar no-print">
      <Link to={`/projects/${projectId}`} className="button secondary">
        {tl('posterBack')}
      </Link>
      <fieldset className="poster-lang">
        <legend>{tl('posterLanguage')}</legend>
        <div className="radio-row">
          {(['da', 'en'] as const).map((l) => (
            <label key={l}>
              <input type="radio" name={name} value={l} checked={lang === l} onChange={() => onLang(l)} />
              {l === 'da' ? 'Dansk' : 'English'}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="button" onClick={() => window.print()}>
        {printLabel}
      </button>
      {children}
    </div>
  );
}

/** The wave's poster data, with the loading and error states every poster page shows the same way. */
export function usePosterData(waveId: number) {
  return useLoad(() => waveLinksApi.posters(waveId), [waveId]);
}

export function PosterLoading({ error, loading }: { error: unknown; loading: boolean }) {
  const tc = useT();
  return loading ? (
    <p role="status" className="page-loading">
      {tc('loading')}
    </p>
  ) : (
    <ErrorMessage error={error} />
  );
}

export function PosterPage({ projectId, waveId, linkId }: { projectId: number; waveId: number; linkId: number }) {
  const tl = useLinksT();
  const data = usePosterData(waveId);
  const [lang, setLang] = useState<Locale>('da');
  const link = data.data?.links.find((l) => l.id === linkId);

  useEffect(() => {
    if (link) document.title = `${tl('posterPageTitle', { unit: link.unitName })} – Gevinstspor`;
  }, [link, tl]);

  if (!data.data) return <PosterLoading error={data.error} loading={data.loading} />;
  if (!link) {
    return (
      <>
        <h1>{tl('posterNotFound')}</h1>
        <Link to={`/projects/${projectId}`}>{tl('posterBack')}</Link>
      </>
    );
  }
  return (
    <>
      <PosterToolbar projectId={projectId} lang={lang} onLang={setLang} printLabel={tl('posterPrint')}>
        <Link to={`/projects/${projectId}/waves/${waveId}/posters`} className="button secondary">
          {tl('printAllPosters')}
        </Link>
      </PosterToolbar>
      <Poster data={data.data} link={link} lang={lang} />
    </>
  );
}
