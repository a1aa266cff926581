// The staff side: /s/:token. No login, no cookies of ours; the survey is rendered by SurveyJS.
// Its own chunk: nothing from admin/ or dashboard/ (and no chart.js) is imported here.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import { ApiError, publicApi, type PublicSurvey } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorText } from '../components/ErrorMessage';
import { formatDate } from '../format';
import { useLocale } from '../i18n';
import { useT } from '../i18n/common';
import { createSurveyModel, surveyLocaleOf } from '../survey/setup';
import { SurveyFrame } from '../survey/SurveyFrame';
import { clearPending, loadPending, savePending, type PendingSubmission } from './submission';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'answering'; data: PublicSurvey; model: Model; problem?: unknown }
  | { kind: 'sending'; data: PublicSurvey; pending: PendingSubmission; retrying: boolean; resumed: boolean }
  | { kind: 'done'; data: PublicSurvey; duplicate: boolean };

/** Failures worth retrying with the same submission id: no connection, server trouble, rate limit. */
const retryable = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429 || e.status === 408;
const backoff = (attempt: number) => Math.min(30_000, 2_000 * 2 ** attempt);

export default function AnswerPage({ token }: { token: string }) {
  const t = useT();
  const locale = useLocale();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const pendingRef = useRef<PendingSubmission | null>(null);
  const retryTimer = useRef<number | undefined>(undefined);
  const attempt = useRef(0);
  const inFlight = useRef(false);
  const alive = useRef(true);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      window.clearTimeout(retryTimer.current);
    };
  }, []);

  const send = useCallback(
    async (data: PublicSurvey, pending: PendingSubmission, resumed: boolean) => {
      if (inFlight.current) return;
      inFlight.current = true;
      window.clearTimeout(retryTimer.current);
      setState({ kind: 'sending', data, pending, retrying: attempt.current > 0, resumed });
      try {
        const res = await publicApi.submit(token, pending);
        clearPending(token);
        pendingRef.current = null;
        attempt.current = 0;
        if (alive.current) setState({ kind: 'done', data, duplicate: !!res.duplicate });
      } catch (e) {
        if (!alive.current) return;
        if (retryable(e)) {
          const wait = backoff(attempt.current++);
          setState({ kind: 'sending', data, pending, retrying: true, resumed });
          retryTimer.current = window.setTimeout(() => void send(data, pending, resumed), wait);
        } else if (e instanceof ApiError && (e.code === 'invalid_answers' || e.code === 'empty_response' || e.status === 400)) {
          // Nothing was stored: go back to the filled survey; the same id is used when it is sent again.
          attempt.current = 0;
          const model = createSurveyModel(data.survey, pending.locale, pending.answers);
          setState({ kind: 'answering', data, model, problem: e });
        } else {
          // The link stopped working (closed meanwhile, unknown) — show that page.
          clearPending(token);
          pendingRef.current = null;
          setState({ kind: 'failed', error: e });
        }
      } finally {
        inFlight.current = false;
      }
    },
    [token],
  );

  // The survey opens in the language shown when it arrives. An Effect Event, so a language switch does not
  // reload the survey (that would lose answers): the switch is applied to the open model in place, below.
  const startAnswering = useEffectEvent((data: PublicSurvey) => setState({ kind: 'answering', data, model: createSurveyModel(data.survey, locale) }));

  // Load the survey for this link; resend an answer left unsent in this tab (e.g. after a reload).
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    publicApi
      .getSurvey(token)
      .then((data) => {
        if (cancelled) return;
        const pending = loadPending(token);
        if (pending) {
          pendingRef.current = pending;
          void send(data, pending, true);
        } else {
          startAnswering(data);
        }
      })
      .catch((error) => !cancelled && setState({ kind: 'failed', error }));
    return () => {
      cancelled = true;
    };
  }, [token, reloadKey, send]);

  const model = state.kind === 'answering' ? state.model : null;
  const data = state.kind === 'loading' || state.kind === 'failed' ? null : state.data;

  // Switching language re-renders the open survey in place; answers are kept.
  useEffect(() => {
    if (model) model.locale = surveyLocaleOf(locale);
  }, [model, locale]);

  // On completion we take over from SurveyJS: our own sending and thank-you pages.
  useEffect(() => {
    if (!model || !data) return;
    model.showCompletePage = false;
    const onComplete = (sender: Model) => {
      const pending = savePending(token, sender.data as Record<string, unknown>, sender.locale === 'en' ? 'en' : 'da', pendingRef.current?.submissionId);
      pendingRef.current = pending;
      attempt.current = 0;
      void send(data, pending, false);
    };
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [model, data, token, send]);

  // Retry at once when the phone gets its connection back.
  useEffect(() => {
    if (state.kind !== 'sending' || !state.retrying) return;
    const { data: d, pending, resumed } = state;
    const online = () => void send(d, pending, resumed);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [state, send]);

  // Move focus to the new heading when the page changes from survey to status, for screen readers.
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'failed') headingRef.current?.focus();
  }, [state.kind]);

  useEffect(() => {
    const title = data ? `${data.project.name} – Gevinstspor` : 'Gevinstspor';
    document.title = state.kind === 'done' ? `${t('thanksTitle')} – Gevinstspor` : title;
  }, [data, state.kind, t]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="answer-header">
        <span className="brand" aria-hidden="true">
          Gevinstspor
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="answer-main">
        {state.kind === 'loading' && (
          <p role="status" className="page-loading">
            {t('loading')}
          </p>
        )}
        {state.kind === 'failed' && <FailedPage error={state.error} headingRef={headingRef} onRetry={() => setReloadKey((k) => k + 1)} />}
        {data && state.kind !== 'done' && <SurveyHeading data={data} />}
        {state.kind === 'answering' && (
          <>
            {state.problem != null && (
              <div className="notice notice-error" role="alert">
                <h2>{t('invalidTitle')}</h2>
                <p>{errorText(state.problem, locale)}</p>
                <p>{t('invalidText')}</p>
              </div>
            )}
            <SurveyFrame model={state.model} locale={locale} />
          </>
        )}
        {state.kind === 'sending' && (
          <div className="notice" role="status" aria-live="polite">
            <p>{state.resumed && !state.retrying ? t('pendingFound') : state.retrying ? t('sendingRetry') : t('sending')}</p>
            {state.retrying && (
              <button type="button" onClick={() => void send(state.data, state.pending, state.resumed)}>
                {t('sendNow')}
              </button>
            )}
          </div>
        )}
        {state.kind === 'done' && (
          <section className="thanks" aria-labelledby="thanks-title">
            <h1 id="thanks-title" ref={headingRef} tabIndex={-1}>
              {t('thanksTitle')}
            </h1>
            <p role="status">{state.duplicate ? t('thanksDuplicate') : t('thanksText')}</p>
            <p>{t('thanksClose')}</p>
          </section>
        )}
      </main>
    </>
  );
}

function SurveyHeading({ data }: { data: PublicSurvey }) {
  const t = useT();
  return (
    <div className="answer-intro">
      <h1>{data.project.name}</h1>
      <p className="answer-meta">
        <span>{t('answerUnit', { unit: data.unit.name })}</span>
        <span>{t('answerWave', { wave: data.wave.name })}</span>
        {data.wave.closesOn && <span>{t('answerClosesOn', { date: formatDate(data.wave.closesOn, t.locale) })}</span>}
      </p>
      <p className="answer-anon">{t('answerAnonymous')}</p>
    </div>
  );
}

function FailedPage({ error, headingRef, onRetry }: { error: unknown; headingRef: React.RefObject<HTMLHeadingElement | null>; onRetry: () => void }) {
  const t = useT();
  const code = error instanceof ApiError ? error.code : '';
  const known =
    // A malformed token is answered 400 by the route's validation: to a reader it is the same unknown link.
    code === 'link_unknown' || (error instanceof ApiError && (error.status === 404 || (error.status === 400 && code === 'invalid_input')))
      ? { title: t('linkUnknownTitle'), text: t('linkUnknownText') }
      : code === 'wave_not_open'
        ? { title: t('notOpenTitle'), text: t('notOpenText') }
        : code === 'wave_closed'
          ? { title: t('closedTitle'), text: t('closedText') }
          : null;
  return (
    <section className="status-page" aria-labelledby="status-title">
      <h1 id="status-title" ref={headingRef} tabIndex={-1}>
        {known ? known.title : t('loadFailedTitle')}
      </h1>
      <p>{known ? known.text : errorText(error, t.locale)}</p>
      {(!known || code === 'wave_not_open') && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </section>
  );
}
