// The editor's preview: phase, screen width (360 px phone frame / desktop) and language, then the saved survey
// (or one locked version) rendered exactly as staff get it. SurveyJS loads only when the preview is opened.
import { Suspense, lazy, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Phase, SurveyJson } from '../../api';
import type { SurveyVersionDetail } from '../api';
import type { Locale } from '../../i18n';
import { useSurveyEditorT, type SurveyEditorKey } from '../../i18n/surveyEditor';
import type { PreviewWidth } from '../project/SurveyPreview';
import { PHASES, phaseKey, type Previews } from './summary';

const PreviewFrame = lazy(() => import('../project/SurveyPreview'));

function Toggle<T extends string>({ label, options, value, onChange }: { label: string; options: { value: T; text: string; lang?: string }[]; value: T; onChange: (v: T) => void }) {
  const id = useId();
  return (
    <div className="toggle-field">
      <span className="toggle-label" id={id}>
        {label}
      </span>
      <div className="lang-switch" role="group" aria-labelledby={id}>
        {options.map((o) => (
          <button key={o.value} type="button" aria-pressed={value === o.value} onClick={() => onChange(o.value)}>
            {o.text}
          </button>
        ))}
      </div>
    </div>
  );
}

export function PreviewPanel({
  previews,
  version,
  onCurrent,
  dirty,
  loading,
  missingEnglish = null,
}: {
  previews: Previews | undefined;
  /** A locked version to show instead of the current survey. */
  version: SurveyVersionDetail | null;
  onCurrent: () => void;
  dirty: boolean;
  loading: boolean;
  /** The "Mangler engelsk" note, shown with the English preview (of the current survey, not a locked version). */
  missingEnglish?: ReactNode;
}) {
  const t = useSurveyEditorT();
  const [phase, setPhase] = useState<Phase>('baseline');
  const [width, setWidth] = useState<PreviewWidth>('phone');
  const [lang, setLang] = useState<Locale>(t.locale);
  const [open, setOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const phaseName = `preview-phase-${useId()}`;

  // Showing a locked version opens the preview and takes the user there.
  useEffect(() => {
    if (!version) return;
    setOpen(true);
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [version]);

  const survey: SurveyJson | undefined = version ? version.surveyJson : previews?.[phase]?.survey;
  const langName = t(lang === 'da' ? 'langDanish' : 'langEnglish').toLocaleLowerCase(t.locale === 'da' ? 'da-DK' : 'en-GB');
  const widthName = t(`frame_${width}` as SurveyEditorKey);
  const caption = version
    ? t('previewOfVersion', { number: version.number, phase: t(phaseKey(version.phase)), lang: langName, width: widthName })
    : t('previewOf', { phase: t(phaseKey(phase)), lang: langName, width: widthName });

  return (
    <section className="section preview-panel" aria-labelledby="preview-title" id="preview">
      <h2 id="preview-title" ref={headingRef} tabIndex={-1}>
        {t('previewTitle')}
      </h2>
      <p className="muted">{t('previewIntro')}</p>
      {dirty && !version && <p className="notice notice-warn">{t('previewUnsaved')}</p>}
      <div className="preview-controls">
        {version ? (
          <p>
            <strong>{caption}</strong>{' '}
            <button type="button" className="secondary small" onClick={onCurrent}>
              {t('previewBackToCurrent')}
            </button>
          </p>
        ) : (
          <fieldset className="compact">
            <legend>{t('previewPhase')}</legend>
            <div className="radio-row">
              {PHASES.map((p) => (
                <label key={p}>
                  <input type="radio" name={phaseName} value={p} checked={phase === p} onChange={() => setPhase(p)} />
                  {t(phaseKey(p))}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <Toggle
          label={t('previewWidth')}
          value={width}
          onChange={setWidth}
          options={[
            { value: 'phone', text: t('widthPhone') },
            { value: 'desktop', text: t('widthDesktop') },
          ]}
        />
        <Toggle
          label={t('previewLanguage')}
          value={lang}
          onChange={setLang}
          options={[
            { value: 'da', text: t('langDanish') },
            { value: 'en', text: t('langEnglish') },
          ]}
        />
      </div>
      <div className="form-actions">
        {/* One button, so keyboard focus stays on it when it switches between show and hide. */}
        <button type="button" className={open ? 'secondary' : undefined} aria-expanded={open} aria-controls="preview-area" onClick={() => setOpen((o) => !o)}>
          {open ? t('hidePreview') : t('showPreview')}
        </button>
      </div>
      <div id="preview-area">
        {open && loading && !survey && (
          <p role="status" className="muted">
            {t('previewLoading')}
          </p>
        )}
        {open && survey && (
          <>
            <p className="preview-caption" aria-hidden="true">
              {caption}
            </p>
            {lang === 'en' && !version && missingEnglish}
            <Suspense fallback={<p className="muted">{t('previewLoading')}</p>}>
              <PreviewFrame key={`${version?.id ?? phase}`} survey={survey} lang={lang} width={width} label={t('previewFrame', { width: widthName })} headingLevel={3} />
            </Suspense>
          </>
        )}
      </div>
    </section>
  );
}
