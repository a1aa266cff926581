// The survey preview: the same SurveyJS set-up and frame as the staff answer page (client/survey), in a
// 360 px phone frame or at desktop width, in Danish or English. Answerable; nothing is sent or saved.
// Its own lazy chunk, because SurveyJS is large.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import type { SurveyJson } from '../../api';
import type { Locale } from '../../i18n';
import { translate } from '../../i18n/common';
import { useSurveyEditorT } from '../../i18n/surveyEditor';
import { createSurveyModel, surveyLocaleOf } from '../../survey/setup';
import { SurveyFrame } from '../../survey/SurveyFrame';

export type PreviewWidth = 'phone' | 'desktop';

export default function SurveyPreviewFrame({
  survey,
  lang,
  width,
  label,
  headingLevel = 3,
}: {
  survey: SurveyJson;
  lang: Locale;
  width: PreviewWidth;
  /** Accessible name of the scrollable frame. */
  label: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const t = useSurveyEditorT();
  const [run, setRun] = useState(0);
  const [completed, setCompleted] = useState(false);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  const model: Model = useMemo(() => {
    const m = createSurveyModel(survey, lang, undefined, headingLevel);
    // As on the answer page: our own thank-you text instead of SurveyJS's completed page.
    m.showCompletePage = false;
    return m;
    // A new model per survey and per restart; the language is switched in place below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [survey, run]);

  useEffect(() => {
    model.locale = surveyLocaleOf(lang);
  }, [model, lang]);

  useEffect(() => {
    setCompleted(false);
    const done = () => setCompleted(true);
    model.onComplete.add(done);
    return () => model.onComplete.remove(done);
  }, [model]);

  useEffect(() => {
    if (completed) thanksRef.current?.focus();
  }, [completed]);

  const H: 'h2' | 'h3' | 'h4' = `h${headingLevel}`;
  return (
    <div className={`preview-device ${width}`} role="region" aria-label={label} tabIndex={0} data-width={width}>
      {completed ? (
        // The staff answer page's thank-you text, in the preview's language.
        <div className="survey-frame preview-thanks" lang={lang}>
          <H ref={thanksRef} tabIndex={-1}>
            {translate(lang, 'thanksTitle')}
          </H>
          <p>{translate(lang, 'thanksText')}</p>
          <p>{translate(lang, 'thanksClose')}</p>
          <div className="notice" lang={t.locale}>
            <p role="status">{t('previewDone')}</p>
            <button type="button" onClick={() => setRun((r) => r + 1)}>
              {t('previewRestart')}
            </button>
          </div>
        </div>
      ) : (
        <SurveyFrame model={model} locale={lang} headingLevel={headingLevel} />
      )}
    </div>
  );
}
