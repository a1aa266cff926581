// Feedback to staff ("det har I sagt – det gør vi") on a unit's staff link once its wave has closed: the unit's
// results as the report publishes them (a hidden cell says why, never a number), the unit's agreed description
// and the actions its leaders recorded. A page of the small shared-picture bundle (client/shared/, at /p/s/<token>),
// to which the answer page sends a closed wave's link, so the survey bundle does not carry it. If the server has
// no feedback (a withdrawn or unknown link, an error), the plain "closed" page is shown.
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, call, segment, type Ok } from '../api';
import { formatDate, formatInterval, formatPercent } from '../format';
import type { Locale } from '../i18n';
import { useT } from '../i18n/common';
import { useFeedbackT, type FeedbackKey } from '../i18n/feedback';
import './FeedbackPage.css';

const endpoint = api.s[':token'].feedback;
type Feedback = Ok<typeof endpoint.$get>['feedback'];
type Item = Feedback['behaviours'][number]['results'][number];

type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'unknown' } | { kind: 'ready'; feedback: Feedback };

/** A name in the reader's language: English where it was given, else the Danish. */
const nameIn = (named: { name: string; nameEn: string }, locale: Locale) => (locale === 'en' && named.nameEn.trim() ? named.nameEn : named.name);
const textIn = (da: string, en: string, locale: Locale) => (locale === 'en' && en.trim() ? { text: en, lang: undefined } : { text: da, lang: locale === 'en' ? 'da' : undefined });

export default function FeedbackPage({ token }: { token: string }) {
  const t = useFeedbackT();
  const tc = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    call(endpoint.$get({ param: { token: segment(token) } }))
      .then((r) => !cancelled && setState({ kind: 'ready', feedback: r.feedback }))
      // An unknown or withdrawn link says so, as the survey's own page does; anything else is the plain "closed".
      .catch((e) => !cancelled && setState({ kind: e instanceof ApiError && e.status === 404 ? 'unknown' : 'none' }));
    return () => {
      cancelled = true;
    };
  }, [token]);

  // The page changed from the survey's loading to this: screen readers start at its heading.
  useEffect(() => {
    if (state.kind !== 'loading') heading.current?.focus();
  }, [state.kind]);

  useEffect(() => {
    document.title = `${state.kind === 'none' ? tc('closedTitle') : state.kind === 'unknown' ? tc('linkUnknownTitle') : t('title')} – Gevinstspor`;
  }, [state.kind, t, tc]);

  if (state.kind === 'loading') {
    return (
      <p role="status" className="page-loading">
        {t('loading')}
      </p>
    );
  }
  if (state.kind === 'none' || state.kind === 'unknown') {
    const unknown = state.kind === 'unknown';
    return (
      <section className="status-page" aria-labelledby="status-title">
        <h1 id="status-title" ref={heading} tabIndex={-1}>
          {tc(unknown ? 'linkUnknownTitle' : 'closedTitle')}
        </h1>
        <p>{tc(unknown ? 'linkUnknownText' : 'closedText')}</p>
      </section>
    );
  }

  const f = state.feedback;
  const locale = t.locale;
  const unit = nameIn(f.unit, locale);
  const note: FeedbackKey | null = f.resultsNote === 'hidden' ? 'allHidden' : f.resultsNote === 'not_shown' ? 'notShown' : f.resultsNote === 'no_results' ? 'noResults' : null;
  return (
    <section className="feedback-page" aria-labelledby="feedback-title">
      <h1 id="feedback-title" ref={heading} tabIndex={-1}>
        {t('title')}
      </h1>
      <p className="answer-meta">
        <span>{nameIn(f.project, locale)}</span>
      </p>
      <p>{t('intro', { wave: nameIn(f.wave, locale), unit })}</p>
      {f.group && <GroupNote text={t('groupNote', { group: '\u0000' })} group={f.group} locale={locale} />}
      {f.responseRate && f.responseRate.rr1 !== null && <p>{t('responseRate', { complete: f.responseRate.complete, eligible: f.responseRate.eligible, rate: formatPercent(f.responseRate.rr1, locale) })}</p>}
      {note && (
        <div className="notice" role="note">
          <p>{t(note)}</p>
        </div>
      )}
      {f.behaviours.map((b) => {
        const title = textIn(b.title, b.titleEn, locale);
        return (
          <article key={b.id} className="feedback-behaviour" aria-labelledby={`fb-b${b.id}`}>
            <h2 id={`fb-b${b.id}`} lang={title.lang}>
              {title.text}
            </h2>
            {b.results.length > 0 && (
              <>
                <h3>{t('saidTitle')}</h3>
                <ul className="feedback-results">
                  {b.results.map((r) => (
                    <ResultLine key={r.construct} item={r} />
                  ))}
                </ul>
                {b.results.some((r) => r.hidden) && <p className="feedback-why">{t('hiddenWhy')}</p>}
              </>
            )}
            {b.description && (
              <div className="feedback-ours">
                <h3>{t('ourDescription')}</h3>
                <p lang={textIn(b.description.description, b.description.descriptionEn, locale).lang}>{textIn(b.description.description, b.description.descriptionEn, locale).text}</p>
              </div>
            )}
            <h3>{t('doTitle')}</h3>
            {b.actions.length === 0 ? (
              <p>{t('noActions')}</p>
            ) : (
              <ul className="feedback-actions">
                {b.actions.map((a) => (
                  <li key={a.id}>
                    <strong lang={locale === 'en' ? 'da' : undefined}>{a.title}</strong>
                    <span className="feedback-tags">
                      <span className="tag">{t(`type_${a.type}` as FeedbackKey)}</span> <span className={`tag status-${a.status}`}>{t(`status_${a.status}` as FeedbackKey)}</span>
                      {a.dueDate && <span> {t('actionDue', { date: formatDate(a.dueDate, locale) })}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </article>
        );
      })}
    </section>
  );
}

function ResultLine({ item }: { item: Item }) {
  const t = useFeedbackT();
  const locale = t.locale;
  const label = t(`${item.construct}Label` as FeedbackKey);
  if (item.hidden) {
    return (
      <li className="feedback-hidden">
        <span className="feedback-label">{label}:</span> <strong>{t('hidden')}</strong>
      </li>
    );
  }
  return (
    <li>
      <span className="feedback-sentence">{t(item.construct, { x: item.x, n: item.n })}</span>
      <span className="feedback-bar" aria-hidden="true">
        <span style={{ width: `${Math.round((item.p ?? 0) * 100)}%` }} />
      </span>
      <span className="feedback-why">
        {formatPercent(item.p, locale)} ({formatInterval(item.lo, item.hi, locale)})
        {item.indicative && ` · ${t('fewAnswers')}`}
        {item.dontKnow > 0 && ` · ${t('dontKnow', { n: item.dontKnow })}`}
      </span>
    </li>
  );
}

/** "… together with {group} …": a reporting group has only a Danish name, so on the English page it is marked
 *  as Danish (read with a Danish voice), not mixed into the English sentence silently. */
function GroupNote({ text, group, locale }: { text: string; group: string; locale: Locale }) {
  const [before, after = ''] = text.split('\u0000');
  return (
    <p className="feedback-group">
      {before}
      <span lang={locale === 'en' ? 'da' : undefined}>{group}</span>
      {after}
    </p>
  );
}
