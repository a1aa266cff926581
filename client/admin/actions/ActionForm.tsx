// The form for one action: new (for a unit and behaviour, with the type the survey suggests preselected and its
// reason shown) or an edit of a stored one (from the version it was loaded at; a stale edit reloads). The server
// decides what is allowed; its refusals are shown by code in the user's language.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextArea, TextField, fieldErrors } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useActionsT, type ActionsKey } from '../../i18n/actions';
import { ACTION_STATUSES, ACTION_TYPES, actionsApi, type Action, type ActionStatus, type ActionType, type Suggestion } from './api';

interface Choice {
  id: number;
  name: string;
}

export interface ActionFormProps {
  projectId: number;
  /** A stored action to edit; else a new one. */
  action?: Action;
  /** Units the user may add actions for (new actions only). */
  units: Choice[];
  behaviours: Choice[];
  unitId?: number | null;
  behaviourId?: number | null;
  /** The survey's suggestion for the chosen unit and behaviour, or a function finding it when they change. */
  suggestionOf?: (behaviourId: number, unitId: number | null) => Suggestion | undefined;
  onSaved: (action: Action) => void;
  onCancel?: () => void;
  /** Called after a stale edit so the caller can reload the list. */
  onStale?: () => void;
  idPrefix: string;
}

const KNOWN_CODES = new Set(['project_closed', 'unit_not_in_rollout', 'unknown_behaviour']);

export function ActionForm({ projectId, action, units, behaviours, unitId, behaviourId, suggestionOf, onSaved, onCancel, onStale, idPrefix }: ActionFormProps) {
  const t = useActionsT();
  const [unit, setUnit] = useState<number | null>(action?.unitId ?? unitId ?? (units.length === 1 ? units[0].id : null));
  const [behaviour, setBehaviour] = useState<number | null>(action?.behaviourId ?? behaviourId ?? (behaviours.length === 1 ? behaviours[0].id : null));
  const initialSuggestion = !action && behaviour !== null ? suggestionOf?.(behaviour, unit) : undefined;
  const [type, setType] = useState<ActionType>(action?.type ?? initialSuggestion?.type ?? 'other');
  const [typeTouched, setTypeTouched] = useState(false);
  const [title, setTitle] = useState(action?.title ?? '');
  const [owner, setOwner] = useState(action?.owner ?? '');
  const [dueDate, setDueDate] = useState(action?.dueDate ?? '');
  const [status, setStatus] = useState<ActionStatus>(action?.status ?? 'planned');
  const [note, setNote] = useState(action?.note ?? '');
  const [doneOn, setDoneOn] = useState(action?.doneOn ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Checked here first, so the form says in the user's language what is missing (the server's words are English).
  const [missing, setMissing] = useState<Partial<Record<'unitId' | 'behaviourId' | 'title', string>>>({});

  const suggestion = !action && behaviour !== null ? suggestionOf?.(behaviour, unit) : undefined;
  // The suggestion (for a new choice of unit or behaviour, or once it has loaded) picks the type, unless the user
  // already chose one.
  const suggestedType = suggestion?.type;
  useEffect(() => {
    if (!typeTouched && suggestedType) setType(suggestedType);
  }, [suggestedType, typeTouched]);
  const choose = (nextUnit: number | null, nextBehaviour: number | null) => {
    setUnit(nextUnit);
    setBehaviour(nextBehaviour);
  };

  const id = (name: string) => `${idPrefix}-${name}`;
  const problems = fieldErrors(error);
  const codeText = error instanceof ApiError && KNOWN_CODES.has(error.code) ? t(`error.${error.code}` as ActionsKey) : null;
  const fieldError = (path: string) => missing[path as keyof typeof missing] ?? (error instanceof ApiError && problems[path] ? (codeText && error.fieldProblems.some((p) => p.path === path && p.code === error.code) ? codeText : problems[path]) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: typeof missing = {};
    if (!action && unit === null) problems.unitId = t('unitRequired');
    if (!action && behaviour === null) problems.behaviourId = t('behaviourRequired');
    if (!title.trim()) problems.title = t('titleRequired');
    setMissing(problems);
    if (Object.keys(problems).length) {
      setError(null);
      document.getElementById(id(problems.unitId ? 'unit' : problems.behaviourId ? 'behaviour' : 'name'))?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    const fields = { type, title, owner, dueDate: dueDate || null, status, note, doneOn: status === 'done' && doneOn ? doneOn : null };
    try {
      const saved = action
        ? await actionsApi.update(action.id, { ...fields, version: action.version })
        : await actionsApi.create(projectId, { ...fields, unitId: unit ?? 0, behaviourId: behaviour ?? 0 });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stale_version') {
        setNotice(t('stale'));
        onStale?.();
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="card action-form" aria-labelledby={id('title')} noValidate>
      <h3 id={id('title')}>{action ? t('editTitle') : t('addTitle')}</h3>
      {!action && (
        <>
          <SelectField id={id('unit')} label={t('fieldUnit')} value={unit ?? ''} required error={fieldError('unitId')} onChange={(e) => choose(e.target.value ? Number(e.target.value) : null, behaviour)}>
            <option value="">{t('chooseUnit')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <SelectField id={id('behaviour')} label={t('fieldBehaviour')} value={behaviour ?? ''} required error={fieldError('behaviourId')} onChange={(e) => choose(unit, e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('chooseBehaviour')}</option>
            {behaviours.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </SelectField>
        </>
      )}
      {!action && behaviour !== null && (
        <div className="notice suggestion" id={id('suggestion')}>
          {suggestion ? (
            <>
              <p>
                <strong>{t(suggestion.scope === 'unit' ? 'suggested' : 'suggestedProject', { type: t(`type_${suggestion.type}` as ActionsKey) })}</strong>
              </p>
              <p>{suggestion.reason[t.locale] ?? suggestion.reason.da}</p>
              {!typeTouched && type === suggestion.type && <p className="muted">{t('suggestionPreselected')}</p>}
            </>
          ) : (
            <p className="muted">{t('suggestionNone')}</p>
          )}
        </div>
      )}
      <SelectField
        id={id('type')}
        label={t('fieldType')}
        value={type}
        error={fieldError('type')}
        aria-describedby={!action && behaviour !== null ? id('suggestion') : undefined}
        onChange={(e) => {
          setTypeTouched(true);
          setType(e.target.value as ActionType);
        }}
      >
        {ACTION_TYPES.map((x) => (
          <option key={x} value={x}>
            {t(`type_${x}` as ActionsKey)}
          </option>
        ))}
      </SelectField>
      <TextField id={id('name')} label={t('fieldTitle')} hint={t('fieldTitleHint')} value={title} required maxLength={200} error={fieldError('title')} onChange={(e) => setTitle(e.target.value)} />
      <TextField id={id('owner')} label={t('fieldOwner')} hint={t('fieldOwnerHint')} value={owner} maxLength={200} error={fieldError('owner')} onChange={(e) => setOwner(e.target.value)} />
      <TextField id={id('due')} type="date" label={t('fieldDue')} hint={t('fieldDueHint')} value={dueDate} error={fieldError('dueDate')} onChange={(e) => setDueDate(e.target.value)} />
      <SelectField id={id('status')} label={t('fieldStatus')} value={status} error={fieldError('status')} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
        {ACTION_STATUSES.map((x) => (
          <option key={x} value={x}>
            {t(`status_${x}` as ActionsKey)}
          </option>
        ))}
      </SelectField>
      {status === 'done' && <TextField id={id('done')} type="date" label={t('fieldDoneOn')} hint={t('fieldDoneOnHint')} value={doneOn} error={fieldError('doneOn')} onChange={(e) => setDoneOn(e.target.value)} />}
      <TextArea id={id('note')} label={t('fieldNote')} value={note} maxLength={2000} rows={3} error={fieldError('note')} onChange={(e) => setNote(e.target.value)} />
      {codeText ? (
        <p className="error-message" role="alert">
          {codeText}
        </p>
      ) : (
        <ErrorMessage error={error} />
      )}
      {notice && (
        <p className="notice notice-warn" role="alert">
          {notice}
        </p>
      )}
      <FormActions submit={busy ? t('saving') : t('save')} busy={busy} cancel={onCancel ? { label: t('cancel'), onClick: onCancel } : undefined} />
    </form>
  );
}
