// Renders a SurveyJS model, plus two fixes around survey-react-ui 3.0.0:
// - it writes lang="en" whenever the locale is the default one (Danish for us), which would make screen
//   readers read Danish with an English voice; we keep the attribute equal to the real language;
// - a start page without questions is not drawn at all, so its title and description (what the survey is
//   about, anonymity) would never be seen; we show them above the Start button, as plain text.
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { Survey } from 'survey-react-ui';
import type { Model } from 'survey-core';
import type { Locale } from '../i18n';

export function SurveyFrame({ model, locale, headingLevel = 2 }: { model: Model; locale: Locale; headingLevel?: 2 | 3 | 4 }) {
  const ref = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const fix = () => {
      root.querySelectorAll<HTMLElement>('.sd-root-modern[lang]').forEach((el) => {
        if (el.getAttribute('lang') !== locale) el.setAttribute('lang', locale);
      });
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['lang'] });
    return () => observer.disconnect();
  }, [model, locale]);

  useEffect(() => {
    const update = () => rerender();
    model.onStarted.add(update);
    model.onLocaleChangedEvent.add(update);
    return () => {
      model.onStarted.remove(update);
      model.onLocaleChangedEvent.remove(update);
    };
  }, [model]);

  // The start page, while it is shown: SurveyJS is 'starting' only when there is one (activePage is then the
  // same page, but survey-core types activePage as any).
  const start = model.state === 'starting' ? model.startPage : null;
  const showIntro = !!start && !start.isVisible && !!(start.title || start.description);
  const Heading: 'h2' | 'h3' | 'h4' = `h${headingLevel}`;

  return (
    <div className="survey-frame" lang={locale} ref={ref}>
      {showIntro && start && (
        <div className="survey-intro">
          {start.title && <Heading>{start.title}</Heading>}
          {start.description && <p className="survey-intro-text">{start.description}</p>}
        </div>
      )}
      <Survey model={model} />
    </div>
  );
}
