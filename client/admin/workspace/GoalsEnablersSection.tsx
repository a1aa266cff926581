// Goals (mål) and enablers (leverancer): two short lists, each with add, edit in place and delete.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ProjectDetail } from '../api';
import { StatusMessage, TextField } from '../../components/Field';
import { useVersionsT, type VersionsKey } from '../../i18n/versions';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { useSession } from '../session';
import { useVersionedSave } from '../useVersionedSave';
import { workspaceApi, type MapNodeKind } from './api';
import { useOpenRequest } from './workspaceNav';
import { WsError, fieldProblems } from './shared';

interface Item {
  id: number;
  title: string;
  version: number;
  links: number;
}

interface Texts {
  title: WorkspaceKey;
  intro: WorkspaceKey;
  empty: WorkspaceKey;
  newLabel: WorkspaceKey;
  add: WorkspaceKey;
  editLabel: WorkspaceKey;
  added: WorkspaceKey;
  saved: WorkspaceKey;
  deleted: WorkspaceKey;
  confirmDelete: WorkspaceKey;
  links: WorkspaceKey;
  stale: VersionsKey;
}

export function GoalsEnablersSection({ project, onChanged }: { project: ProjectDetail; onChanged: () => Promise<void> }) {
  return (
    <div className="form-grid two ws-lists">
      <TitleList
        kind="goal"
        items={project.goals.map((g) => ({ id: g.id, title: g.title, version: g.version, links: g.benefitIds.length }))}
        texts={{
          title: 'goalsTitle',
          intro: 'goalsIntro',
          empty: 'noGoals',
          newLabel: 'goalNew',
          add: 'goalAdd',
          editLabel: 'goalEditLabel',
          added: 'goalAdded',
          saved: 'goalSaved',
          deleted: 'goalDeleted',
          confirmDelete: 'goalConfirmDelete',
          links: 'goalBenefits',
          stale: 'staleWhatGoal',
        }}
        create={(title) => workspaceApi.addGoal(project.id, title)}
        update={(id, title, version) => workspaceApi.updateGoal(id, title, version)}
        remove={(id) => workspaceApi.deleteGoal(id)}
        onChanged={onChanged}
      />
      <TitleList
        kind="enabler"
        items={project.enablers.map((e) => ({ id: e.id, title: e.title, version: e.version, links: e.behaviourIds.length }))}
        texts={{
          title: 'enablersTitle',
          intro: 'enablersIntro',
          empty: 'noEnablers',
          newLabel: 'enablerNew',
          add: 'enablerAdd',
          editLabel: 'enablerEditLabel',
          added: 'enablerAdded',
          saved: 'enablerSaved',
          deleted: 'enablerDeleted',
          confirmDelete: 'enablerConfirmDelete',
          links: 'enablerBehaviours',
          stale: 'staleWhatEnabler',
        }}
        create={(title) => workspaceApi.addEnabler(project.id, title)}
        update={(id, title, version) => workspaceApi.updateEnabler(id, title, version)}
        remove={(id) => workspaceApi.deleteEnabler(id)}
        onChanged={onChanged}
      />
    </div>
  );
}

function TitleList({
  kind,
  items,
  texts,
  create,
  update,
  remove,
  onChanged,
}: {
  kind: Extract<MapNodeKind, 'goal' | 'enabler'>;
  items: Item[];
  texts: Texts;
  create: (title: string) => Promise<unknown>;
  update: (id: number, title: string, version: number) => Promise<unknown>;
  remove: (id: number) => Promise<unknown>;
  onChanged: () => Promise<void>;
}) {
  const t = useWorkspaceT();
  const { isAdmin } = useSession();
  const headingId = useId();
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const request = useOpenRequest(kind);

  useEffect(() => {
    if (request && isAdmin && items.some((i) => i.id === request.id)) setEditing(request.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request?.seq]);

  const del = async (item: Item) => {
    if (!window.confirm(t(texts.confirmDelete, { title: item.title }))) return;
    setError(null);
    try {
      await remove(item.id);
      await onChanged();
      setMessage(t(texts.deleted, { title: item.title }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(texts.title)}</h2>
      <p className="muted">{t(texts.intro)}</p>
      <StatusMessage message={message} />
      <WsError error={error} />
      {items.length === 0 ? (
        <p>{t(texts.empty)}</p>
      ) : (
        <ul className="title-list">
          {items.map((item) =>
            editing === item.id ? (
              <li key={item.id} id={`${kind}-${item.id}`}>
                <EditTitle
                  item={item}
                  label={t(texts.editLabel, { title: item.title })}
                  what={texts.stale}
                  focusKey={request?.id === item.id ? request.seq : 0}
                  save={async (title, version) => {
                    await update(item.id, title, version);
                    setEditing(null);
                    await onChanged();
                    setMessage(t(texts.saved, { title }));
                  }}
                  onCancel={() => setEditing(null)}
                  onReloaded={onChanged}
                />
              </li>
            ) : (
              <li key={item.id} id={`${kind}-${item.id}`}>
                <span className="title-list-text">{item.title}</span> <span className="muted small-text">({t(texts.links, { n: item.links })})</span>
                {isAdmin && (
                  <span className="title-list-actions">
                    <button type="button" className="secondary small" aria-label={t('editNamed', { title: item.title })} onClick={() => setEditing(item.id)}>
                      {t('edit')}
                    </button>
                    <button type="button" className="danger small" aria-label={t('deleteNamed', { title: item.title })} onClick={() => void del(item)}>
                      {t('delete')}
                    </button>
                  </span>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {isAdmin && (
        <AddTitle
          inputId={`ws-${kind}-new`}
          label={t(texts.newLabel)}
          button={t(texts.add)}
          create={async (title) => {
            await create(title);
            await onChanged();
            setMessage(t(texts.added, { title }));
          }}
        />
      )}
    </section>
  );
}

function EditTitle({
  item,
  label,
  what,
  focusKey,
  save,
  onCancel,
  onReloaded,
}: {
  item: Item;
  label: string;
  what: VersionsKey;
  focusKey: number;
  save: (title: string, version: number) => Promise<void>;
  onCancel: () => void;
  /** After "get the new version": the list shows it too. */
  onReloaded: () => Promise<void>;
}) {
  const t = useWorkspaceT();
  const tv = useVersionsT();
  // The title and version this edit started from: a save from it that comes second opens the stale dialog.
  const [loaded, setLoaded] = useState({ title: item.title, version: item.version });
  const versioned = useVersionedSave(tv(what));
  const [title, setTitle] = useState(item.title);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const focusInput = () => document.getElementById(inputId)?.focus();

  useEffect(() => {
    focusInput();
    if (focusKey) document.getElementById(inputId)?.scrollIntoView({ block: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setFieldError(t('required'));
      focusInput();
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await versioned.save({
        base: loaded,
        mine: { title: title.trim() },
        version: loaded.version,
        send: (body) => save(body.title, body.version),
        labels: { title: tv('fieldTitle') },
        onSaved: () => undefined,
        onReload: (current) => {
          const next = { title: typeof current.title === 'string' ? current.title : '', version: Number(current.version) };
          setLoaded(next);
          setTitle(next.title);
          void onReloaded();
        },
      });
      // Saved, the editor closes; a stale save left the dialog open and the form as it was.
      setBusy(false);
    } catch (err) {
      setError(err);
      setFieldError(fieldProblems(err, t.locale).title ?? null);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="inline-edit">
      <TextField id={inputId} label={label} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError} maxLength={300} />
      <WsError error={fieldError ? null : error} />
      {versioned.dialog}
      <div className="form-actions">
        <button type="submit" className="small" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" className="secondary small" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function AddTitle({ inputId, label, button, create }: { inputId: string; label: string; button: string; create: (title: string) => Promise<void> }) {
  const t = useWorkspaceT();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusInput = () => document.getElementById(inputId)?.focus();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setFieldError(t('required'));
      focusInput();
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await create(title.trim());
      setTitle('');
      focusInput();
    } catch (err) {
      setError(err);
      setFieldError(fieldProblems(err, t.locale).title ?? null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="add-title">
      <TextField id={inputId} label={label} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError} maxLength={300} />
      <WsError error={fieldError ? null : error} />
      <button type="submit" disabled={busy}>
        {button}
      </button>
    </form>
  );
}
