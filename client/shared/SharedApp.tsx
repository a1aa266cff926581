// The shared picture at /p/<token>: why the project exists, what changes for me (each new behaviour and the old one
// it replaces), the benefits we expect and the drawbacks we watch, the rollout timeline, and — on a unit's link —
// the unit's own agreed description. Only the sections the secretariat chose arrive from the server; texts are
// shown as text, never as HTML. Printable on A4 (shared.css). The same small bundle shows the feedback behind a
// closed wave's staff link at /p/s/<token> (../answer/FeedbackPage.tsx).
import { useEffect, useState } from 'react';
import { ApiError } from '../api';
import { errorText } from '../components/ErrorMessage';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { formatDate, formatNumber, formatPercent } from '../format';
import type { Locale } from '../i18n';
import { useT } from '../i18n/common';
import { useSharedPictureT } from '../i18n/sharedPicture';
import { match, usePath } from '../router';
import FeedbackPage from '../answer/FeedbackPage';
import { sharedPictureApi, type SharedPicture } from './api';
import { Bilingual } from './bilingual';

type State = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; picture: SharedPicture };

export default function SharedApp() {
  const path = usePath();
  const tc = useT();
  // /p/s/<token>: the feedback behind a closed wave's staff link (the answer page sends it here).
  const feedback = match('/p/s/:token', path);
  return (
    <>
      <a className="skip-link" href="#main">
        {tc('skipToContent')}
      </a>
      <header className="answer-header no-print">
        <span className="brand" aria-hidden="true">
          Gevinstspor
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="shared-main">
        {feedback ? <FeedbackPage key={feedback.token} token={feedback.token} /> : <PicturePage token={match('/p/:token', path)?.token ?? ''} />}
      </main>
    </>
  );
}

function PicturePage({ token }: { token: string }) {
  const tc = useT();
  const t = useSharedPictureT();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    sharedPictureApi
      .get(token)
      .then((picture) => !cancelled && setState({ kind: 'ready', picture }))
      .catch((error) => !cancelled && setState({ kind: 'failed', error }));
    return () => {
      cancelled = true;
    };
  }, [token]);

  useEffect(() => {
    const p = state.kind === 'ready' ? state.picture : null;
    const name = p ? (t.locale === 'en' && p.project.nameEn.trim() ? p.project.nameEn : p.project.name) : null;
    document.title = name ? `${name} – ${t('pageLabel')}` : 'Gevinstspor';
  }, [state, t]);

  return (
    <>
      {state.kind === 'loading' && (
        <p role="status" className="page-loading">
          {tc('loading')}
        </p>
      )}
      {state.kind === 'failed' && <Failed error={state.error} />}
      {state.kind === 'ready' && <Picture picture={state.picture} locale={t.locale} />}
    </>
  );
}

function Failed({ error }: { error: unknown }) {
  const t = useSharedPictureT();
  const gone = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <section className="status-page" aria-labelledby="shared-failed">
      <h1 id="shared-failed">{gone ? t('notFoundTitle') : t('loadFailedTitle')}</h1>
      <p>{gone ? t('notFoundText') : errorText(error, t.locale)}</p>
    </section>
  );
}

function Picture({ picture: p, locale }: { picture: SharedPicture; locale: Locale }) {
  const t = useSharedPictureT();
  const marker = t('danishShown');
  const unitName = p.unit ? (locale === 'en' && p.unit.nameEn.trim() ? p.unit.nameEn : p.unit.name) : null;
  const target = (b: { targetValue: number | null; targetDate: string | null; measureUnit: string }) =>
    b.targetValue === null ? null : b.targetDate ? t('targetLine', { value: formatNumber(b.targetValue, locale), unit: b.measureUnit, date: formatDate(b.targetDate, locale) }) : t('targetValueOnly', { value: formatNumber(b.targetValue, locale), unit: b.measureUnit });
  const benefitList = (list: NonNullable<SharedPicture['benefits']>) =>
    list.length ? (
      <ul className="shared-benefits">
        {list.map((b) => (
          <li key={b.id}>
            <Bilingual da={b.title} en={b.titleEn} locale={locale} marker={marker} />
            {b.measure && <span className="shared-meta">{t('measureLine', { measure: b.measure })}</span>}
            {target(b) && <span className="shared-meta">{target(b)}</span>}
          </li>
        ))}
      </ul>
    ) : (
      <p>{t('noneYet')}</p>
    );

  return (
    <article className="shared-picture" aria-labelledby="shared-title">
      <header className="shared-head">
        <p className="shared-kicker">{t('pageLabel')}</p>
        <h1 id="shared-title">
          <Bilingual da={p.project.name} en={p.project.nameEn} locale={locale} marker={marker} />
        </h1>
        {unitName && <p className="shared-unit">{t('forUnit', { unit: unitName })}</p>}
        <button type="button" className="secondary small no-print" onClick={() => window.print()}>
          {t('printButton')}
        </button>
      </header>

      {p.purpose && (
        <section aria-labelledby="sec-why" className="shared-section">
          <h2 id="sec-why">{t('whyTitle')}</h2>
          <Bilingual as="p" da={p.purpose.purpose} en={p.purpose.purposeEn} locale={locale} marker={marker} />
          {p.purpose.goals.length > 0 && (
            <>
              <h3>{t('goalsTitle')}</h3>
              <ul lang="da">
                {p.purpose.goals.map((g, i) => (
                  <li key={i}>
                    {g}
                    {locale === 'en' && (
                      <>
                        {' '}
                        <span className="danish-only" lang="en">
                          {marker}
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {p.behaviours && (
        <section aria-labelledby="sec-changes" className="shared-section">
          <h2 id="sec-changes">{t('changesTitle')}</h2>
          <p>{t('changesIntro')}</p>
          {p.behaviours.length === 0 && <p>{t('noneYet')}</p>}
          {p.behaviours.map((b) => (
            <div key={b.id} className="shared-behaviour">
              <div className="shared-swap">
                <div className="shared-new">
                  <h3>
                    <span className="shared-label">{t('newBehaviour')}</span> <Bilingual da={b.title} en={b.titleEn} locale={locale} marker={marker} />
                  </h3>
                  <Bilingual as="p" da={b.description} en={b.descriptionEn} locale={locale} marker={marker} />
                  {b.targetGroup && <p className="shared-meta">{t('whoWhen', { who: b.targetGroup })}</p>}
                  {b.situation && (
                    <p className="shared-meta">
                      {t('situation', { situation: locale === 'en' && b.situationEn.trim() ? b.situationEn : b.situation })}
                    </p>
                  )}
                  {b.expectedFrequency && <p className="shared-meta">{t('frequency', { frequency: b.expectedFrequency })}</p>}
                </div>
                <div className="shared-old">
                  <p className="shared-label">{t('oldBehaviour')}</p>
                  {b.oldBehaviour ? <Bilingual as="p" da={b.oldBehaviour} en={b.oldBehaviourEn} locale={locale} marker={marker} /> : <p>{t('oldNone')}</p>}
                </div>
              </div>
              {p.unit && p.sections.unitDescriptions && (
                <div className="shared-ours">
                  <h4>{t('ourDescription')}</h4>
                  {b.unitDescription ? <Bilingual as="p" da={b.unitDescription.description} en={b.unitDescription.descriptionEn} locale={locale} marker={marker} /> : <p>{t('ourDescriptionNone')}</p>}
                </div>
              )}
            </div>
          ))}
        </section>
      )}

      {p.benefits && (
        <section aria-labelledby="sec-benefits" className="shared-section">
          <h2 id="sec-benefits">{t('benefitsTitle')}</h2>
          {benefitList(p.benefits)}
        </section>
      )}

      {p.drawbacks && (
        <section aria-labelledby="sec-drawbacks" className="shared-section">
          <h2 id="sec-drawbacks">{t('drawbacksTitle')}</h2>
          <p>{t('drawbacksIntro')}</p>
          {benefitList(p.drawbacks)}
        </section>
      )}

      {p.timeline && (
        <section aria-labelledby="sec-timeline" className="shared-section">
          <h2 id="sec-timeline">{t('timelineTitle')}</h2>
          {p.timeline.length === 0 ? (
            <p>{t('noneYet')}</p>
          ) : (
            <table className="shared-timeline">
              <thead>
                <tr>
                  <th scope="col">{t('timelineUnit')}</th>
                  <th scope="col">{t('timelineDate')}</th>
                </tr>
              </thead>
              <tbody>
                {p.timeline.map((r) => (
                  <tr key={r.unitId} className={r.ownUnit ? 'own-unit' : undefined}>
                    <th scope="row">
                      {locale === 'en' && r.nameEn.trim() ? r.nameEn : r.name} {r.ownUnit && <span className="shared-meta">{t('timelineYours')}</span>}
                    </th>
                    <td>{r.goLiveDate ? formatDate(r.goLiveDate, locale) : t('timelineNotPlanned')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {p.results && (
        <section aria-labelledby="sec-results" className="shared-section">
          <h2 id="sec-results">{t('resultsTitle')}</h2>
          {p.results.wave === null ? (
            <p>{t('resultsNone')}</p>
          ) : (
            <>
              <p>{t('resultsIntro', { wave: p.results.wave.name })}</p>
              <ul className="shared-results">
                {p.results.behaviours.map((r) => (
                  <li key={r.behaviourId}>
                    <Bilingual da={r.title} en={r.titleEn} locale={locale} marker={marker} />
                    <span className="shared-meta">{r.hidden ? t('resultHidden') : t('resultLine', { x: r.x, n: r.n, p: formatPercent(r.p, locale) })}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <footer className="shared-footer">{t('footer')}</footer>
    </article>
  );
}
