// /projects/:id/workshops/:workshopId — the leader's screen for the projector: the behaviour, a large QR code and
// short address to join, and the room's suggestions as they come in (refreshed every 3 seconds; the server shows
// none until the free-text threshold is reached). Below, for the leader: hide a suggestion, record the unit's agreed
// description (which closes the workshop), then go on to the first actions.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { formatDate } from '../../format';
import { useWorkshopT } from '../../i18n/workshops';
import { Link } from '../../router';
import { workshopErrorText } from '../../workshop/errors';
import { workshopsApi, type WorkshopView } from './api';
import './workshops.css';

const POLL_MS = 3000;
const DESCRIPTION_MAX = 2000;
const KINDS = ['looks_like', 'barrier'] as const;

export function ProjectorPage({ projectId, workshopId }: { projectId: number; workshopId: number }) {
  const tw = useWorkshopT();
  const [view, setView] = useState<WorkshopView | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Full screen for the projector: the page alone, without the browser's bars (Esc or the button leaves it).
  const screenRef = useRef<HTMLDivElement>(null);
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const changed = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void screenRef.current?.requestFullscreen().catch(() => undefined);
  };

  const refresh = useCallback(async () => {
    try {
      setView(await workshopsApi.get(workshopId));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [workshopId]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const title = view ? (tw.locale === 'en' && view.behaviour.titleEn) || view.behaviour.title : '';
  useEffect(() => {
    if (title) document.title = `${tw('projectorTitle', { behaviour: title })} – Gevinstspor`;
  }, [title, tw]);

  if (!view) {
    if (error) return <p className="error-message" role="alert">{workshopErrorText(error, tw.locale)}</p>;
    return <p role="status">{tw('loading')}</p>;
  }
  const { workshop, behaviour, room } = view;
  const en = tw.locale === 'en';
  const description = (en && behaviour.descriptionEn) || behaviour.description;
  const old = (en && behaviour.oldBehaviourEn) || behaviour.oldBehaviour;
  const open = workshop.status === 'open';

  const hide = async (id: number) => {
    if (!window.confirm(tw('confirmHide'))) return;
    try {
      await workshopsApi.hide(workshopId, id);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const close = async () => {
    if (!window.confirm(tw('confirmClose'))) return;
    try {
      await workshopsApi.close(workshopId);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="ws-projector" ref={screenRef}>
      <p className="no-print ws-projector-bar">
        <Link to={`/projects/${projectId}/workshops?unit=${workshop.unitId}`}>{tw('backToWorkshops')}</Link>
        {document.fullscreenEnabled && (
          <button type="button" className="button secondary small" onClick={toggleFullScreen} aria-pressed={fullScreen}>
            {tw('fullScreen')}
          </button>
        )}
      </p>
      <div className="ws-projector-top">
        <section className="ws-projector-behaviour" aria-labelledby="ws-projector-title">
          <p className="ws-projector-meta">{tw('inUnit', { unit: (en && view.unit.nameEn) || view.unit.name, project: view.project.name })}</p>
          <h1 id="ws-projector-title">{title}</h1>
          {description && <p className="ws-projector-text">{description}</p>}
          {old && (
            <p className="ws-projector-old">
              <strong>{tw('oldBehaviour')}:</strong> {old}
            </p>
          )}
        </section>
        {open ? (
          <section className="ws-projector-join" aria-labelledby="ws-join-title">
            <h2 id="ws-join-title">{tw('joinHeading')}</h2>
            <img className="ws-qr" src={workshopsApi.qrSvgUrl(workshopId)} alt={tw('qrAlt')} width={320} height={320} />
            <p>{tw('joinScan')}</p>
            <p className="ws-short-address">
              <ShortAddress address={workshop.shortAddress} />
            </p>
          </section>
        ) : (
          <p className="ws-projector-closed" role="status">
            {tw('closedNote')} {workshop.closedAt && formatDate(workshop.closedAt, tw.locale)}
          </p>
        )}
      </div>

      <section aria-labelledby="ws-room-heading" className="ws-projector-room">
        <h2 id="ws-room-heading">
          {room.shown ? tw('writtenShown', { n: room.written }) : tw('writtenBelow', { n: room.written, k: room.threshold })}
          {view.canLead && room.hidden > 0 && <span className="ws-hidden-count"> · {tw('hiddenCount', { n: room.hidden })}</span>}
        </h2>
        {open && <p className="muted no-print">{tw('liveNote')}</p>}
        {error !== null && (
          <p className="error-message" role="alert">
            {workshopErrorText(error, tw.locale)}
          </p>
        )}
        {room.shown && (
          <div className="ws-columns">
            {KINDS.map((k) => {
              const items = room.suggestions.filter((s) => s.kind === k);
              return (
                <div key={k} className="ws-column">
                  <h3>{tw(`kind_${k}`)}</h3>
                  {items.length === 0 ? (
                    <p className="muted">{tw('noneOfKind')}</p>
                  ) : (
                    <ul className="ws-projector-list">
                      {items.map((s) => (
                        <li key={s.id}>
                          <p className="ws-projector-suggestion">{s.text}</p>
                          <div className="ws-projector-foot">
                            <span>{tw('votes', { n: s.votes })}</span>
                            {view.canLead && (
                              <button type="button" className="button secondary small" onClick={() => void hide(s.id)} aria-label={tw('hideLabel', { text: s.text.slice(0, 80) })}>
                                {tw('hide')}
                              </button>
                            )}
                          </div>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </section>

      {view.canLead && <AgreedDescription view={view} onSaved={refresh} />}
      {view.canLead && open && (
        <p>
          <button type="button" className="button secondary" onClick={() => void close()}>
            {tw('close')}
          </button>
        </p>
      )}
    </div>
  );
}

/** The join address for a room to type: it may wrap after the host, never inside the code ("RTSE-" / "836E"). */
function ShortAddress({ address }: { address: string }) {
  const at = address.lastIndexOf('/w/');
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 3)}
      <wbr />
      <span className="ws-code">{address.slice(at + 3)}</span>
    </>
  );
}

function AgreedDescription({ view, onSaved }: { view: WorkshopView; onSaved: () => Promise<void> }) {
  const tw = useWorkshopT();
  const { workshop } = view;
  // The form starts from the unit's current description (if any) and keeps its own text while the page refreshes.
  const [text, setText] = useState(view.description?.description ?? '');
  const [textEn, setTextEn] = useState(view.description?.descriptionEn ?? '');
  const [version, setVersion] = useState<number | undefined>(view.description?.version);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [message, setMessage] = useState('');
  const daId = useId();
  const enId = useId();
  const open = workshop.status === 'open';
  const left = DESCRIPTION_MAX - text.trim().length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || left < 0) return;
    setBusy(true);
    setMessage('');
    setSaved(false);
    try {
      const d = await workshopsApi.saveDescription(workshop.projectId, workshop.unitId, workshop.behaviourId, { description: text, descriptionEn: textEn, workshopId: workshop.id, ...(version === undefined ? {} : { version }) });
      setVersion(d.version);
      setSaved(true);
      await onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stale_version') {
        const details = err.details as { current?: { description?: string; descriptionEn?: string }; currentVersion?: number } | undefined;
        setText(details?.current?.description ?? text);
        setTextEn(details?.current?.descriptionEn ?? textEn);
        setVersion(details?.currentVersion);
        setMessage(tw('staleDescription'));
      } else setMessage(workshopErrorText(err, tw.locale));
    } finally {
      setBusy(false);
    }
  };

  const actionsUrl = `/projects/${workshop.projectId}/actions?unit=${workshop.unitId}&behaviour=${workshop.behaviourId}`;
  return (
    <form className="card ws-agreed no-print" onSubmit={submit} noValidate aria-labelledby="ws-agreed-title">
      <h2 id="ws-agreed-title">{tw('agreedTitle')}</h2>
      <p>{tw('agreedIntro')}</p>
      <div className="field">
        <label htmlFor={daId}>{tw('agreedDa')}</label>
        <textarea id={daId} rows={4} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${daId}-count`} aria-invalid={left < 0 ? true : undefined} />
        <p id={`${daId}-count`} className={left < 0 ? 'error-message' : 'muted'}>
          {left < 0 ? tw('tooLong', { max: DESCRIPTION_MAX }) : tw('charsLeft', { n: left })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={enId}>{tw('agreedEn')}</label>
        <textarea id={enId} rows={3} value={textEn} onChange={(e) => setTextEn(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy || !text.trim() || left < 0}>
        {open ? tw('saveAndClose') : tw('saveDescription')}
      </button>
      <div role="status">
        {saved && (
          <p className="ws-saved">
            {tw('saved')} <Link to={actionsUrl}>{tw('addActions')}</Link>
          </p>
        )}
        {message && <p className="error-message">{message}</p>}
      </div>
    </form>
  );
}
