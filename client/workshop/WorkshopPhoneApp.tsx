// The workshop phone page: /w/<code> (from the projector's QR code) and /w (type the code). Staff write, anonymously,
// what the behaviour looks like in their work or what gets in the way, and vote on each other's suggestions once
// the room shows them (the server decides when: the free-text threshold). Refreshes every 3 seconds.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/common';
import { useWorkshopT } from '../i18n/workshops';
import { workshopErrorText } from './errors';
import { match, navigate, usePath } from '../router';
import { phoneApi, phoneMemory, remember, type PhoneView, type SuggestionKind } from './phoneApi';
import './workshop.css';

const POLL_MS = 3000;
const SUGGESTION_MAX = 500;
const KINDS: readonly SuggestionKind[] = ['looks_like', 'barrier'];

export default function WorkshopPhoneApp() {
  const path = usePath();
  const t = useT();
  const given = match('/w/:code', path);
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
      <main id="main" tabIndex={-1} className="answer-main ws-phone">
        {given ? <PhoneWorkshop key={given.code} code={given.code} /> : <CodeEntry />}
      </main>
    </>
  );
}

function CodeEntry({ problem = '' }: { problem?: string }) {
  const tw = useWorkshopT();
  const [code, setCode] = useState('');
  const [error, setError] = useState(problem);
  const inputId = useId();
  useEffect(() => {
    document.title = `${tw('typeCodeTitle')} – Gevinstspor`;
  }, [tw]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/[\s-]+/g, '').toUpperCase();
    if (!/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/.test(clean)) return setError(tw('badCode'));
    navigate(`/w/${clean}`);
  };
  return (
    <form onSubmit={submit} noValidate className="ws-code-form">
      <h1>{tw('typeCodeTitle')}</h1>
      <label htmlFor={inputId}>{tw('typeCodeLabel')}</label>
      <p className="hint" id={`${inputId}-hint`}>
        {tw('typeCodeHint')}
      </p>
      <input id={inputId} value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" autoComplete="off" spellCheck={false} aria-describedby={`${inputId}-hint`} aria-invalid={error ? true : undefined} />
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button ws-big">
        {tw('typeCodeGo')}
      </button>
    </form>
  );
}

function PhoneWorkshop({ code }: { code: string }) {
  const tw = useWorkshopT();
  const [view, setView] = useState<PhoneView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [memory, setMemory] = useState(() => phoneMemory(code));

  const refresh = useCallback(async () => {
    try {
      setView(await phoneApi.get(code));
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [code]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const title = view ? (tw.locale === 'en' && view.workshop.behaviour.titleEn) || view.workshop.behaviour.title : tw('phoneTitle');
  useEffect(() => {
    document.title = `${title} – Gevinstspor`;
  }, [title]);

  if (!view) {
    if (loadError) {
      const text = workshopErrorText(loadError, tw.locale);
      // A mistyped or old code: say so and let the phone type it again, without going back.
      if (loadError instanceof ApiError && loadError.status === 404) return <CodeEntry problem={text} />;
      return (
        <p className="error-message" role="alert">
          {text}
        </p>
      );
    }
    return <p role="status">{tw('loading')}</p>;
  }
  const b = view.workshop.behaviour;
  const en = tw.locale === 'en';
  const description = (en && b.descriptionEn) || b.description;
  const old = (en && b.oldBehaviourEn) || b.oldBehaviour;
  const open = view.workshop.status === 'open';

  const voted = (id: number) => memory.voted.includes(id);
  const onVoted = (id: number) => {
    const next = { ...memory, voted: [...new Set([...memory.voted, id])] };
    remember(code, next);
    setMemory(next);
  };

  return (
    <>
      <section className="ws-behaviour" aria-labelledby="ws-title">
        <p className="ws-meta">{(en && view.workshop.unitNameEn) || view.workshop.unitName}</p>
        <h1 id="ws-title">{title}</h1>
        {description && <p className="ws-text">{description}</p>}
        {old && (
          <p className="ws-old">
            <strong>{tw('oldBehaviour')}:</strong> {old}
          </p>
        )}
        <p className="ws-anon">{tw('phoneIntro')}</p>
      </section>
      {open ? <WriteForm code={code} onSent={refresh} /> : <p className="ws-closed" role="status">{tw('closedPhone')}</p>}
      <PhoneRoom code={code} view={view} canVote={open} voterId={memory.voterId} voted={voted} onVoted={onVoted} onChanged={refresh} />
    </>
  );
}

function WriteForm({ code, onSent }: { code: string; onSent: () => Promise<void> }) {
  const tw = useWorkshopT();
  const [kind, setKind] = useState<SuggestionKind>('looks_like');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const textId = useId();
  const kindName = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const left = SUGGESTION_MAX - text.trim().length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || left < 0 || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await phoneApi.write(code, kind, text);
      setText('');
      setMessage({ ok: true, text: tw('sent') });
      await onSent();
    } catch (err) {
      setMessage({ ok: false, text: workshopErrorText(err, tw.locale) });
    } finally {
      setBusy(false);
      textRef.current?.focus();
    }
  };

  return (
    <form className="ws-write" onSubmit={submit} noValidate aria-labelledby="ws-write-title">
      <h2 id="ws-write-title">{tw('writeTitle')}</h2>
      <fieldset className="ws-kinds">
        <legend>{tw('kindLegend')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="ws-kind">
            <input type="radio" name={kindName} value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              <strong>{tw(`kind_${k}`)}</strong>
              <span className="ws-kind-hint">{tw(`kindHint_${k}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={textId}>{tw('textLabel')}</label>
      <textarea id={textId} ref={textRef} rows={4} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${textId}-count`} aria-invalid={left < 0 ? true : undefined} />
      <p id={`${textId}-count`} className={left < 0 ? 'error-message' : 'hint'}>
        {left < 0 ? tw('tooLong', { max: SUGGESTION_MAX }) : tw('charsLeft', { n: left })}
      </p>
      <button type="submit" className="button ws-big" disabled={busy || !text.trim() || left < 0}>
        {busy ? tw('sending') : tw('send')}
      </button>
      <p role="status" className={message && !message.ok ? 'error-message' : 'ws-sent'}>
        {message?.text}
      </p>
    </form>
  );
}

function PhoneRoom({ code, view, canVote, voterId, voted, onVoted, onChanged }: { code: string; view: PhoneView; canVote: boolean; voterId: string; voted: (id: number) => boolean; onVoted: (id: number) => void; onChanged: () => Promise<void> }) {
  const tw = useWorkshopT();
  const [error, setError] = useState('');
  const { room } = view;
  const vote = async (id: number) => {
    setError('');
    try {
      await phoneApi.vote(code, id, voterId);
      onVoted(id);
      await onChanged();
    } catch (err) {
      setError(workshopErrorText(err, tw.locale));
    }
  };
  return (
    <section className="ws-room" aria-labelledby="ws-room-title">
      <h2 id="ws-room-title">{tw('roomTitle')}</h2>
      <p className="ws-count" aria-live="polite">
        {room.shown ? tw('writtenShown', { n: room.written }) : tw('writtenBelow', { n: room.written, k: room.threshold })}
      </p>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {room.shown &&
        KINDS.map((k) => {
          const items = room.suggestions.filter((s) => s.kind === k);
          return (
            <div key={k} className="ws-kind-group">
              <h3>{tw(`kind_${k}`)}</h3>
              {items.length === 0 ? (
                <p className="hint">{tw('noneOfKind')}</p>
              ) : (
                <ul className="ws-suggestions">
                  {items.map((s) => (
                    <li key={s.id}>
                      <p className="ws-suggestion-text">{s.text}</p>
                      <div className="ws-suggestion-foot">
                        <span>{tw('votes', { n: s.votes })}</span>
                        {canVote &&
                          (voted(s.id) ? (
                            <span className="ws-voted">{tw('voted')}</span>
                          ) : (
                            <button type="button" className="button secondary ws-vote" onClick={() => void vote(s.id)} aria-label={tw('voteLabel', { text: s.text.slice(0, 80) })}>
                              {tw('vote')}
                            </button>
                          ))}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
    </section>
  );
}
