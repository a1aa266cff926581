// Target behaviours (ny adfærd): list, add, edit, delete (archived by the server when already measured).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { projectApi, type BehaviourInput, type ProjectDetail } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StatusMessage, TextArea, TextField, fieldErrors } from '../../components/Field';
import { useAdminT } from '../../i18n/admin';
import { useSession } from '../session';

type BehaviourRow = ProjectDetail['behaviours'][number];

export function BehavioursSection({ project, onChanged }: { project: ProjectDetail; onChanged: () => Promise<void> | void }) {
  const t = useAdminT();
  const { isAdmin } = useSession();
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const behaviours = project.behaviours;

  const remove = async (b: BehaviourRow) => {
    if (!window.confirm(t('confirmDeleteBehaviour', { title: b.title }))) return;
    setError(null);
    try {
      const res = await projectApi.deleteBehaviour(b.id);
      setMessage(res.archived ? t('behaviourArchived') : t('behaviourDeleted'));
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="section" aria-labelledby="behaviours-title">
      <h2 id="behaviours-title">{t('behavioursTitle')}</h2>
      <p className="muted">{t('behavioursIntro')}</p>
      <StatusMessage message={message} />
      <ErrorMessage error={error} />
      {behaviours.length === 0 && <p>{t('noBehaviours')}</p>}
      {behaviours.map((b) =>
        editing === b.id ? (
          <BehaviourForm
            key={b.id}
            project={project}
            behaviour={b}
            onCancel={() => setEditing(null)}
            onDone={async (msg) => {
              setEditing(null);
              setMessage(msg);
              await onChanged();
            }}
          />
        ) : (
          <article key={b.id} className="card" aria-labelledby={`behaviour-${b.id}`}>
            <h3 id={`behaviour-${b.id}`}>
              {b.title} {b.archivedAt && <span className="tag">{t('archived')}</span>}
            </h3>
            <dl className="dl">
              {b.description && (
                <>
                  <dt>{t('behaviourDescription')}</dt>
                  <dd>{b.description}</dd>
                </>
              )}
              {b.targetGroup && (
                <>
                  <dt>{t('targetGroup')}</dt>
                  <dd>{b.targetGroup}</dd>
                </>
              )}
              {b.situation && (
                <>
                  <dt>{t('situation')}</dt>
                  <dd>{b.situation}</dd>
                </>
              )}
              {b.oldBehaviour && (
                <>
                  <dt>{t('oldBehaviour')}</dt>
                  <dd>{b.oldBehaviour}</dd>
                </>
              )}
            </dl>
            {isAdmin && !b.archivedAt && (
              <div className="form-actions">
                <button type="button" className="secondary small" aria-label={t('editBehaviour', { title: b.title })} onClick={() => setEditing(b.id)}>
                  {t('edit')}
                </button>
                <button type="button" className="danger small" aria-label={t('deleteBehaviour', { title: b.title })} onClick={() => void remove(b)}>
                  {t('delete')}
                </button>
              </div>
            )}
          </article>
        ),
      )}
      {isAdmin && editing === null && (
        <BehaviourForm
          project={project}
          onDone={async (msg) => {
            setMessage(msg);
            await onChanged();
          }}
        />
      )}
    </section>
  );
}

function BehaviourForm({
  project,
  behaviour,
  onDone,
  onCancel,
}: {
  project: ProjectDetail;
  behaviour?: BehaviourRow;
  onDone: (message: string) => Promise<void> | void;
  onCancel?: () => void;
}) {
  const t = useAdminT();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const empty = { title: '', description: '', targetGroup: '', oldBehaviour: '' };
  const [form, setForm] = useState(behaviour ? { title: behaviour.title, description: behaviour.description, targetGroup: behaviour.targetGroup, oldBehaviour: behaviour.oldBehaviour } : empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [titleError, setTitleError] = useState<string | null>(null);

  useEffect(() => {
    if (behaviour) headingRef.current?.focus();
  }, [behaviour]);

  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.title.trim()) {
      setTitleError(t('required'));
      return;
    }
    setBusy(true);
    setError(null);
    setTitleError(null);
    const input: BehaviourInput = {
      title: form.title.trim(),
      description: form.description.trim(),
      targetGroup: form.targetGroup.trim(),
      oldBehaviour: form.oldBehaviour.trim(),
    };
    try {
      if (behaviour) {
        await projectApi.updateBehaviour(behaviour.id, input);
        await onDone(t('behaviourSaved'));
      } else {
        await projectApi.addBehaviour(project.id, input);
        setForm(empty);
        await onDone(t('behaviourAdded'));
      }
    } catch (err) {
      setError(err);
      setTitleError(fieldErrors(err).title ?? null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {behaviour ? t('editBehaviourTitle', { title: behaviour.title }) : t('addBehaviourTitle')}
      </h3>
      <form onSubmit={submit}>
        <TextField label={t('behaviourTitle')} hint={t('behaviourTitleHint')} required value={form.title} onChange={set('title')} error={titleError} maxLength={300} />
        <TextArea label={`${t('behaviourDescription')} ${t('optional')}`} value={form.description} onChange={set('description')} maxLength={5000} rows={3} />
        <TextField label={`${t('targetGroup')} ${t('optional')}`} hint={t('targetGroupHint')} value={form.targetGroup} onChange={set('targetGroup')} maxLength={300} />
        <TextArea label={`${t('oldBehaviour')} ${t('optional')}`} hint={t('oldBehaviourHint')} value={form.oldBehaviour} onChange={set('oldBehaviour')} maxLength={5000} rows={2} />
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {behaviour ? t('saveBehaviour') : t('addBehaviour')}
          </button>
          {onCancel && (
            <button type="button" className="secondary" onClick={onCancel}>
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
