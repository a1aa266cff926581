// The survey preview: SurveyJS in a phone-width frame, answerable, nothing is saved. Its own lazy chunk.
import { useEffect, useMemo, useState } from 'react';
import type { Model } from 'survey-core';
import type { Phase, SurveyPreview } from '../../api';
import type { Locale } from '../../i18n';
import { useAdminT } from '../../i18n/admin';
import { createSurveyModel, surveyLocaleOf } from '../../survey/setup';
import { SurveyFrame } from '../../survey/SurveyFrame';

export default function SurveyPreviewFrame({ preview, title }: { preview: SurveyPreview; phase: Phase; title: string }) {
  const t = useAdminT();
  const [lang, setLang] = useState<Locale>(t.locale);
  const [run, setRun] = useState(0);
  const [completed, setCompleted] = useState(false);
  const model: Model = useMemo(() => {
    const m = createSurveyModel(preview.survey, lang, undefined, 4);
    m.showCompletePage = false;
    return m;
    // A new model per preview and per restart; the language is switched in place below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preview, run]);

  useEffect(() => {
    model.locale = surveyLocaleOf(lang);
  }, [model, lang]);

  useEffect(() => {
    setCompleted(false);
    const done = () => setCompleted(true);
    model.onComplete.add(done);
    return () => model.onComplete.remove(done);
  }, [model]);

  return (
    <section aria-labelledby="preview-title">
      <h3 id="preview-title">{title}</h3>
      <div className="lang-switch" role="group" aria-label={t('previewLanguage')}>
        <button type="button" aria-pressed={lang === 'da'} onClick={() => setLang('da')}>
          {t('previewDa')}
        </button>
        <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
          {t('previewEn')}
        </button>
      </div>
      <div className="phone-frame" role="region" aria-label={t('previewFrame')} tabIndex={0}>
        {completed ? (
          <div className="notice" role="status">
            <p>{t('previewDone')}</p>
            <button type="button" onClick={() => setRun((r) => r + 1)}>
              {t('previewRestart')}
            </button>
          </div>
        ) : (
          <SurveyFrame model={model} locale={lang} headingLevel={4} />
        )}
      </div>
    </section>
  );
}
