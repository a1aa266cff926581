// The staff side: /s/:token. No login, no cookies of ours; the survey is rendered by SurveyJS.
// Kept on the device (localStorage, per token, until the wave closes): the draft, the unsent submission and
// that this device has answered. Kiosk mode (?kiosk=1) keeps nothing and starts over after each answer.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import { ApiError, publicApi, type PublicSurvey } from '../api';
import { errorText } from '../components/ErrorMessage';
import { formatClosing, formatDayAndTime } from '../format';
import { getLocale, setLocale, useLocale, type Locale } from '../i18n';
import { useT } from '../i18n/common';
import { useAnswerT } from '../i18n/answering';
import { createSurveyModel, surveyLocaleOf } from '../survey/setup';
import { SurveyFrame } from '../survey/SurveyFrame';
import { keepUntil, type DeviceStore } from './deviceStore';
import { clearDraft, hasAnswered, loadDraft, rememberAnswered, saveDraft } from './draft';
import { KIOSK_RESET_SECONDS, storeFor, wipeLinkStorage } from './kiosk';
import { clearPending, loadPending, retryable as isRetryable, retryDelayMs, savePending, type PendingSubmission } from './submission';

/** The wave behind the link has closed (a revoked link answers link_revoked first, and gets no feedback). */
const isWaveClosed = (e: unknown) => e instanceof ApiError && e.code === 'wave_closed';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'askAgain'; data: PublicSurvey }
  | { kind: 'declined'; data: PublicSurvey }
  | { kind: 'answering'; data: PublicSurvey; model: Model; problem?: unknown; restored?: boolean }
  | { kind: 'sending'; data: PublicSurvey; pending: PendingSubmission; retrying: boolean; resumed: boolean; busy?: boolean }
  | { kind: 'done'; data: PublicSurvey; duplicate: boolean };

/** Failures worth retrying with the same submission id (submission.ts); anything not from our API too. */
const retryable = (e: unknown) => !(e instanceof ApiError) || isRetryable(e);

/** The wave's closing as the API gives it; closesAt (an instant) once the server sends it. */
const expiryOf = (data: PublicSurvey) => keepUntil(data.wave);

/** The answer page's model: each new page (and Start) puts focus on its first question, so keyboard and screen
 *  reader users begin there (not in the admin preview, where it would pull focus out of the editor); text answers
 *  update the model while they are typed. */
function answerModel(data: PublicSurvey, locale: Locale, answers?: Record<string, unknown>) {
  const model = createSurveyModel(data.survey, locale, answers);
  model.autoFocusFirstQuestion = true;
  // A comment is kept in the draft as it is typed, not only when the field loses focus: a phone may drop the tab.
  model.textUpdateMode = 'onTyping';
  return model;
}

export default function AnswerPage({ token, kiosk = false }: { token: string; kiosk?: boolean }) {
  const t = useT();
  const ta = useAnswerT();
  const locale = useLocale();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  // Kiosk: memory only, and a fresh one for every person (see nextPerson).
  const [store, setStore] = useState<DeviceStore>(() => storeFor(kiosk));
  const kioskLocale = useRef<Locale>(getLocale());
  const pendingRef = useRef<PendingSubmission | null>(null);
  const retryTimer = useRef<number | undefined>(undefined);
  const attempt = useRef(0);
  const inFlight = useRef(false);
  const alive = useRef(true);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    alive.current = true;
    if (kiosk) wipeLinkStorage(token);
    return () => {
      alive.current = false;
      window.clearTimeout(retryTimer.current);
    };
  }, [kiosk, token]);

  const send = useCallback(
    async (data: PublicSurvey, pending: PendingSubmission, resumed: boolean) => {
      if (inFlight.current) return;
      inFlight.current = true;
      window.clearTimeout(retryTimer.current);
      setState({ kind: 'sending', data, pending, retrying: attempt.current > 0, resumed });
      try {
        const res = await publicApi.submit(token, pending);
        clearPending(store, token);
        clearDraft(store, token);
        if (kiosk) wipeLinkStorage(token);
        else rememberAnswered(store, token, expiryOf(data));
        pendingRef.current = null;
        attempt.current = 0;
        if (alive.current) setState({ kind: 'done', data, duplicate: !!res.duplicate });
      } catch (e) {
        if (!alive.current) return;
        if (retryable(e)) {
          // A busy server says when to come back (Retry-After); the same id is sent, so it counts once.
          const wait = retryDelayMs(attempt.current++, e instanceof ApiError ? e.retryAfterSeconds : undefined);
          setState({ kind: 'sending', data, pending, retrying: true, resumed, busy: e instanceof ApiError && e.status === 503 });
          retryTimer.current = window.setTimeout(() => void send(data, pending, resumed), wait);
        } else if (e instanceof ApiError && (e.code === 'invalid_answers' || e.code === 'empty_response' || e.status === 400)) {
          // Nothing was stored: go back to the filled survey; the same id is used when it is sent again.
          attempt.current = 0;
          const model = answerModel(data, pending.locale, pending.answers);
          setState({ kind: 'answering', data, model, problem: e });
        } else {
          // The link stopped working (closed meanwhile, unknown) — show that page.
          clearPending(store, token);
          pendingRef.current = null;
          setState({ kind: 'failed', error: e });
        }
      } finally {
        inFlight.current = false;
      }
    },
    [token, store, kiosk],
  );

  /** A survey to answer: from the draft kept on this device if there is one, on the page it reached. */
  const openSurvey = (data: PublicSurvey, useDraft: boolean) => {
    const draft = useDraft ? loadDraft(store, token) : null;
    const model = answerModel(data, locale, draft?.answers);
    if (draft && draft.pageNo >= 0) {
      if (model.state === 'starting') model.start();
      if (draft.pageNo < model.visiblePageCount) model.currentPageNo = draft.pageNo;
    }
    setState({ kind: 'answering', data, model, restored: !!draft });
  };
  // An Effect Event, so a language switch does not reload the survey (that would lose answers): the switch is
  // applied to the open model in place, below.
  const startAnswering = useEffectEvent((data: PublicSurvey) => openSurvey(data, true));

  // Load the survey for this link; resend an answer left unsent on this device (a reload, a reopened tab).
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    publicApi
      .getSurvey(token)
      .then((data) => {
        if (cancelled) return;
        const pending = loadPending(store, token);
        if (pending) {
          pendingRef.current = pending;
          void send(data, pending, true);
        } else if (!kiosk && hasAnswered(store, token) && !loadDraft(store, token)) {
          setState({ kind: 'askAgain', data });
        } else {
          startAnswering(data);
        }
      })
      .catch((error) => !cancelled && setState({ kind: 'failed', error }));
    return () => {
      cancelled = true;
    };
  }, [token, reloadKey, send, store, kiosk]);

  const model = state.kind === 'answering' ? state.model : null;
  const data = state.kind === 'loading' || state.kind === 'failed' ? null : state.data;

  // Switching language re-renders the open survey in place; answers are kept.
  useEffect(() => {
    if (model) model.locale = surveyLocaleOf(locale);
  }, [model, locale]);

  // Focus goes to the first question of each page (answerModel), and the browser scrolls to that input: on a phone
  // the page's heading and the question's own text would then sit above the screen. Once focus has landed, the
  // page is scrolled back so that it begins at the progress line; the input keeps the focus.
  useEffect(() => {
    if (!model) return;
    let armed = false;
    const arm = () => {
      armed = true;
    };
    const onFocus = (e: FocusEvent) => {
      if (!armed || !(e.target instanceof Element) || !e.target.closest('.sd-question')) return;
      armed = false;
      requestAnimationFrame(() => document.querySelector('.survey-progress')?.scrollIntoView({ block: 'start' }));
    };
    model.onStarted.add(arm);
    model.onCurrentPageChanged.add(arm);
    document.addEventListener('focusin', onFocus);
    return () => {
      model.onStarted.remove(arm);
      model.onCurrentPageChanged.remove(arm);
      document.removeEventListener('focusin', onFocus);
    };
  }, [model]);

  // Every answer and page turn is kept as the draft (not in kiosk mode: the next person must not see it).
  useEffect(() => {
    if (!model || !data || kiosk) return;
    const expiresAt = expiryOf(data);
    const keep = (sender: Model) => {
      if (sender.state === 'completed') return;
      saveDraft(store, token, { answers: sender.data as Record<string, unknown>, pageNo: sender.state === 'starting' ? -1 : sender.currentPageNo, locale: sender.locale === 'en' ? 'en' : 'da' }, expiresAt);
    };
    model.onValueChanged.add(keep);
    model.onCurrentPageChanged.add(keep);
    model.onStarted.add(keep);
    return () => {
      model.onValueChanged.remove(keep);
      model.onCurrentPageChanged.remove(keep);
      model.onStarted.remove(keep);
    };
  }, [model, data, kiosk, store, token]);

  // On completion we take over from SurveyJS: our own sending and thank-you pages.
  useEffect(() => {
    if (!model || !data) return;
    model.showCompletePage = false;
    const onComplete = (sender: Model) => {
      const pending = savePending(store, token, sender.data as Record<string, unknown>, sender.locale === 'en' ? 'en' : 'da', expiryOf(data), pendingRef.current?.submissionId);
      pendingRef.current = pending;
      attempt.current = 0;
      void send(data, pending, false);
    };
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [model, data, token, send, store]);

  // Retry at once when the phone gets its connection back.
  useEffect(() => {
    if (state.kind !== 'sending' || !state.retrying) return;
    const { data: d, pending, resumed } = state;
    const online = () => void send(d, pending, resumed);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [state, send]);

  // Kiosk: the next person gets a fresh survey, a fresh memory store and the kiosk's own language.
  const nextPerson = useCallback(() => {
    wipeLinkStorage(token);
    pendingRef.current = null;
    setLocale(kioskLocale.current);
    setStore(storeFor(true));
    setReloadKey((k) => k + 1);
    window.scrollTo(0, 0);
  }, [token]);

  const [countdown, setCountdown] = useState(KIOSK_RESET_SECONDS);
  useEffect(() => {
    if (!kiosk || state.kind !== 'done') return;
    setCountdown(KIOSK_RESET_SECONDS);
    const started = Date.now();
    const tick = window.setInterval(() => {
      const left = KIOSK_RESET_SECONDS - Math.floor((Date.now() - started) / 1000);
      if (left <= 0) nextPerson();
      else setCountdown(left);
    }, 250);
    return () => window.clearInterval(tick);
  }, [kiosk, state.kind, nextPerson]);

  // A closed wave's link shows the unit's feedback ("det har I sagt – det gør vi"), a page of the shared-picture
  // bundle (client/shared/, /p/s/<token>): a dynamic import here would add Vite's preload helper to the survey
  // bundle (bench:answer-page), a page of its own adds nothing. The closed page shows until it opens.
  const closed = state.kind === 'failed' && isWaveClosed(state.error);
  useEffect(() => {
    if (closed) window.location.replace(`/p/s/${encodeURIComponent(token)}`);
  }, [closed, token]);

  // Move focus to the new heading when the page changes from survey to status, for screen readers.
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'failed' || state.kind === 'askAgain' || state.kind === 'declined') headingRef.current?.focus();
  }, [state.kind]);

  useEffect(() => {
    const title = data ? `${nameIn(data.project, t.locale)} – Gevinstspor` : 'Gevinstspor';
    document.title = state.kind === 'done' ? `${t('thanksTitle')} – Gevinstspor` : title;
  }, [data, state.kind, t]);

  const startOver = () => {
    // The link sits just above the questions: one tap must not wipe a half-finished survey.
    if (!data || !window.confirm(ta('startOverConfirm'))) return;
    clearDraft(store, token);
    openSurvey(data, false);
  };

  return (
    <>
      {state.kind === 'loading' && (
        <p role="status" className="page-loading">
          {t('loading')}
        </p>
      )}
      {state.kind === 'failed' && <FailedPage error={state.error} headingRef={headingRef} onRetry={() => setReloadKey((k) => k + 1)} />}
      {data && (state.kind === 'answering' || state.kind === 'sending') && <SurveyHeading data={data} />}
      {state.kind === 'askAgain' && (
        <section className="status-page" aria-labelledby="again-title">
          <h1 id="again-title" ref={headingRef} tabIndex={-1}>
            {ta('answeredBeforeTitle')}
          </h1>
          <p>{ta('answeredBefore')}</p>
          <div className="answer-actions">
            <button type="button" onClick={() => openSurvey(state.data, false)}>
              {ta('answerAgain')}
            </button>
            <button type="button" className="secondary" onClick={() => setState({ kind: 'declined', data: state.data })}>
              {ta('noThanks')}
            </button>
          </div>
        </section>
      )}
      {state.kind === 'declined' && (
        <section className="thanks" aria-labelledby="declined-title">
          <h1 id="declined-title" ref={headingRef} tabIndex={-1}>
            {t('thanksTitle')}
          </h1>
          <p>{ta('alreadyDoneText')}</p>
        </section>
      )}
      {state.kind === 'answering' && (
        <>
          {state.problem != null && (
            <div className="notice notice-error" role="alert">
              <h2>{t('invalidTitle')}</h2>
              <p>{errorText(state.problem, locale)}</p>
              <p>{t('invalidText')}</p>
            </div>
          )}
          {state.restored && state.problem == null && (
            <p className="draft-note" role="status">
              {ta('draftRestored')}{' '}
              <button type="button" className="link-button" onClick={startOver}>
                {ta('startOver')}
              </button>
            </p>
          )}
          <SurveyFrame model={state.model} locale={locale} compactIntro />
        </>
      )}
      {state.kind === 'sending' && (
        <div className="notice" role="status" aria-live="polite">
          <p>{state.resumed && !state.retrying ? t('pendingFound') : state.busy ? ta('sendingBusy') : state.retrying ? t('sendingRetry') : t('sending')}</p>
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
          {kiosk ? (
            <>
              <p role="status">{ta('kioskThanks', { n: countdown })}</p>
              <button type="button" onClick={nextPerson}>
                {ta('kioskNext')}
              </button>
            </>
          ) : (
            <>
              <p role="status">{state.duplicate ? t('thanksDuplicate') : t('thanksText')}</p>
              <p>{t('thanksClose')}</p>
            </>
          )}
        </section>
      )}
    </>
  );
}

/** A name in the survey's language: the English one when the secretariat gave it, else the Danish. */
const nameIn = (named: { name: string; nameEn: string }, locale: string) => (locale === 'en' && named.nameEn.trim() ? named.nameEn : named.name);

/** Project, unit, wave and closing date in one compact block (the intro page below says why and how anonymous). */
function SurveyHeading({ data }: { data: PublicSurvey }) {
  const t = useT();
  const closing = formatClosing(data.wave, t.locale);
  return (
    <div className="answer-intro">
      <h1>{nameIn(data.project, t.locale)}</h1>
      <p className="answer-meta">
        <span>{t('answerUnit', { unit: nameIn(data.unit, t.locale) })}</span>
        <span>{t('answerWave', { wave: nameIn(data.wave, t.locale) })}</span>
        {closing && <span>{t(closing.timed ? 'answerClosesAt' : 'answerClosesOn', { date: closing.text })}</span>}
      </p>
      {t.locale === 'en' && data.untranslated && <p className="answer-untranslated">{t('answerUntranslated')}</p>}
    </div>
  );
}

/** "Åbner 1. marts 2027 kl. 08.00" / "Opens 1 March 2027 at 08:00", in Danish time. */
function openingText(iso: string, locale: 'da' | 'en') {
  const at = formatDayAndTime(iso, locale);
  return locale === 'en' ? `Opens ${at}` : `Åbner ${at}`;
}

function FailedPage({ error, headingRef, onRetry }: { error: unknown; headingRef: React.RefObject<HTMLHeadingElement | null>; onRetry: () => void }) {
  const t = useT();
  const ta = useAnswerT();
  const code = error instanceof ApiError ? error.code : '';
  // A scheduled wave says when it opens (details[0] is { path: 'opensAt', message: the instant }).
  const opensAt = code === 'wave_not_open' && error instanceof ApiError ? ((error.details as { path?: string; message?: string }[] | undefined)?.find((d) => d.path === 'opensAt')?.message ?? null) : null;
  const known =
    // Both a withdrawn link and a closed wave answer 410: only the code tells them apart.
    code === 'link_revoked'
      ? { title: ta('linkRevokedTitle'), text: ta('linkRevokedText') }
      :
    // A malformed token is answered 400 by the route's validation: to a reader it is the same unknown link.
    code === 'link_unknown' || (error instanceof ApiError && (error.status === 404 || (error.status === 400 && code === 'invalid_input')))
      ? { title: t('linkUnknownTitle'), text: t('linkUnknownText') }
      : code === 'wave_not_open'
        ? { title: t('notOpenTitle'), text: opensAt ? ta('notOpenTextScheduled') : t('notOpenText') }
        : code === 'wave_closed' || (error instanceof ApiError && error.status === 410)
          ? { title: t('closedTitle'), text: t('closedText') }
          : null;
  return (
    <section className="status-page" aria-labelledby="status-title">
      <h1 id="status-title" ref={headingRef} tabIndex={-1}>
        {known ? known.title : t('loadFailedTitle')}
      </h1>
      <p>{known ? known.text : errorText(error, t.locale)}</p>
      {opensAt && <p className="opens-at">{openingText(opensAt, t.locale)}</p>}
      {(!known || code === 'wave_not_open') && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </section>
  );
}
