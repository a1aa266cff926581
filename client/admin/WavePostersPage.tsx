// "Print alle plakater": one document with one A4 poster per unit link of a wave (revoked links left out), each on
// its own page.
import { useEffect, useState } from 'react';
import type { Locale } from '../i18n';
import { useLinksT } from '../i18n/waveLinks';
import { Poster, PosterLoading, PosterToolbar, usePosterData } from './PosterPage';

export function WavePostersPage({ projectId, waveId }: { projectId: number; waveId: number }) {
  const tl = useLinksT();
  const data = usePosterData(waveId);
  const [lang, setLang] = useState<Locale>('da');
  const wave = data.data?.wave;

  useEffect(() => {
    if (wave) document.title = `${tl('postersPageTitle', { wave: wave.name })} – Gevinstspor`;
  }, [wave, tl]);

  if (!data.data) return <PosterLoading error={data.error} loading={data.loading} />;
  const { links } = data.data;
  return (
    <>
      <div className="no-print">
        <h1>{tl('postersPageTitle', { wave: data.data.wave.name })}</h1>
        <p>
          {links.length ? tl('postersCount', { n: links.length }) : tl('postersNone')} {!data.data.municipality.municipalityName && tl('posterSettingsHint')}
        </p>
      </div>
      <PosterToolbar projectId={projectId} lang={lang} onLang={setLang} printLabel={tl('posterPrintAll')} />
      <div className="poster-stack">
        {links.map((l) => (
          <Poster key={l.id} data={data.data!} link={l} lang={lang} headingLevel={2} />
        ))}
      </div>
    </>
  );
}
