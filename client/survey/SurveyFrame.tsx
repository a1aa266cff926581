// Renders a SurveyJS model, plus two fixes around survey-react-ui 3.0.0:
// - it writes lang="en" whenever the locale is the default one (Danish for us), which would make screen
//   readers read Danish with an English voice; we keep the attribute equal to the real language;
// - a start page without questions is not drawn at all, so its title and description (what the survey is
//   about, anonymity) would never be seen; we show them above the Start button, as plain text. With
//   `compactIntro` (the phone answer page) only the last two paragraphs (anonymity with its thresholds, and the
//   time it takes) are open, the rest (project, why) behind "Om projektet", so Start is on the first screen.
// And one progress indicator of ours ("Side 2 af 4", the question pages only — the start page is not one) in
// place of SurveyJS's stepper, whose first step showed a tick before anything was answered.
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { Survey } from 'survey-react-ui';
import type { Model } from 'survey-core';
import type { Locale } from '../i18n';

const TEXT = {
  da: { about: 'Om projektet', page: 'Side {n} af {total}' },
  en: { about: 'About the project', page: 'Page {n} of {total}' },
} as const;

export function SurveyFrame({ model, locale, headingLevel = 2, compactIntro = false }: { model: Model; locale: Locale; headingLevel?: 2 | 3 | 4; compactIntro?: boolean }) {
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
    model.onCurrentPageChanged.add(update);
    return () => {
      model.onStarted.remove(update);
      model.onLocaleChangedEvent.remove(update);
      model.onCurrentPageChanged.remove(update);
    };
  }, [model]);

  // The start page, while it is shown: SurveyJS is 'starting' only when there is one (activePage is then the
  // same page, but survey-core types activePage as any).
  const start = model.state === 'starting' ? model.startPage : null;
  const showIntro = !!start && !start.isVisible && !!(start.title || start.description);
  const Heading: 'h2' | 'h3' | 'h4' = `h${headingLevel}`;
  const paragraphs = start?.description ? String(start.description).split(/\n\s*\n/) : [];
  const folded = compactIntro && paragraphs.length > 2 ? paragraphs.slice(0, -2) : [];
  const open = folded.length ? paragraphs.slice(-2) : paragraphs;
  const text = TEXT[locale];
  const total = model.visiblePageCount;
  const showProgress = model.state === 'running' && total > 1;

  return (
    <div className="survey-frame" lang={locale} ref={ref}>
      {showIntro && start && (
        <div className="survey-intro">
          {start.title && <Heading>{start.title}</Heading>}
          {open.map((p, i) => (
            <p key={i} className="survey-intro-text">
              {p}
            </p>
          ))}
          {folded.length > 0 && (
            <details className="survey-intro-more">
              <summary>{text.about}</summary>
              {folded.map((p, i) => (
                <p key={i} className="survey-intro-text">
                  {p}
                </p>
              ))}
            </details>
          )}
        </div>
      )}
      {showProgress && (
        <div className="survey-progress">
          <p className="survey-progress-text">{text.page.replace('{n}', String(model.currentPageNo + 1)).replace('{total}', String(total))}</p>
          <div className="survey-progress-bar" aria-hidden="true">
            <span style={{ width: `${((model.currentPageNo + 1) / total) * 100}%` }} />
          </div>
        </div>
      )}
      <Survey model={model} />
    </div>
  );
}
