// Target behaviours (ny adfærd): what the target group does, in which situation, how often, which old behaviour it
// replaces; whether it is a primary behaviour; and its links to benefits, enablers and the project's units.
// A behaviour a survey already measures is archived instead of deleted, and the card says why.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ProjectDetail } from '../api';
import { StatusMessage, TextArea, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useBilingualT } from '../../i18n/bilingual';
import { useVersionsT } from '../../i18n/versions';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { bankItem } from '../../../surveys/itemBank';
import { fill } from '../../../surveys/text';
import { questionWording, suggestQuestionText, suggestQuestionTextEn, type WordingSuggestion } from '../../../surveys/wording';
import { useSession } from '../session';
import { useVersionedSave } from '../useVersionedSave';
import { behaviourStaleFields } from './staleFields';
import { workspaceApi, type BehaviourFields, type BehaviourRow } from './api';
import { useOpenRequest, useRevealOnOpen } from './workspaceNav';
import { useArchivableItems } from './useArchivableItems';
import { UsagePanel } from './UsagePanel';
import './wording.css';
import { CheckboxGroup, DirectionBadge, ItemActions, WsError, useFormSend } from './shared';

export function BehavioursPanel({ project, onChanged }: { project: ProjectDetail; onChanged: () => Promise<void> }) {
  const t = useWorkspaceT();
  const { isAdmin } = useSession();
  const list = useArchivableItems({
    kind: 'behaviour',
    items: project.behaviours,
    onChanged,
    remove: workspaceApi.deleteBehaviour,
    restore: (id: number) => workspaceApi.restoreBehaviour(id, project.behaviours.find((b) => b.id === id)!.version),
    texts: { confirmDelete: 'behaviourConfirmDelete', deleted: 'behaviourDeleted', restored: 'behaviourRestored' },
  });
  const { editing, setEditing, adding, setAdding, request, done } = list;

  const ordered = [...project.behaviours.filter((b) => !b.archivedAt), ...project.behaviours.filter((b) => b.archivedAt)];
  const showForm = isAdmin && editing === null && (adding || project.behaviours.length === 0);

  return (
    <section className="section" aria-labelledby="ws-behaviours-title">
      <h2 id="ws-behaviours-title">{t('behavioursTitle')}</h2>
      <p className="muted">{t('behavioursIntro')}</p>
      <StatusMessage message={list.message} />
      <WsError error={list.error} />
      {project.behaviours.length === 0 && <p>{t('noBehaviours')}</p>}
      {ordered.map((b) =>
        editing === b.id ? (
          <BehaviourForm
            key={b.id}
            project={project}
            behaviour={b}
            request={request}
            onSubmitStart={list.clearStatus}
            onCancel={() => setEditing(null)}
            onDone={async (msg) => {
              setEditing(null);
              await done(msg);
            }}
          />
        ) : (
          <BehaviourCard key={b.id} project={project} behaviour={b} onEdit={() => setEditing(b.id)} onDelete={() => void list.remove(b)} onRestore={() => void list.restore(b)} />
        ),
      )}
      {isAdmin && editing === null && !showForm && (
        <p>
          <button type="button" onClick={() => setAdding(true)}>
            {t('behaviourNew')}
          </button>
        </p>
      )}
      {showForm && (
        <BehaviourForm
          project={project}
          request={null}
          onSubmitStart={list.clearStatus}
          onCancel={project.behaviours.length ? () => setAdding(false) : undefined}
          onDone={async (msg) => {
            setAdding(false);
            await done(msg);
          }}
        />
      )}
    </section>
  );
}

function BehaviourCard({
  project,
  behaviour: b,
  onEdit,
  onDelete,
  onRestore,
}: {
  project: ProjectDetail;
  behaviour: BehaviourRow;
  onEdit: () => void;
  onDelete: () => void;
  onRestore: () => void;
}) {
  const t = useWorkspaceT();
  const tb = useBilingualT();
  const { isAdmin } = useSession();
  const headingId = `behaviour-${b.id}-title`;
  const wording = questionWording(b);
  const benefits = project.benefits.filter((x) => b.benefitIds.includes(x.id));
  const enablers = project.enablers.filter((x) => b.enablerIds.includes(x.id));
  const units = project.rollouts.filter((r) => b.unitIds.includes(r.unitId));
  const rows: [WorkspaceKey, string][] = [
    ['behaviourDescription', b.description],
    ['targetGroup', b.targetGroup],
    ['situation', b.situation],
    ['expectedFrequency', b.expectedFrequency],
    ['oldBehaviour', b.oldBehaviour],
    ['usageMeasure', b.usageMeasure],
  ];

  return (
    <article className={`card behaviour-card${b.archivedAt ? ' is-archived' : ''}`} aria-labelledby={headingId} id={`behaviour-${b.id}`}>
      <h3 id={headingId}>{b.title}</h3>
      {(b.isPrimary || b.archivedAt) && (
        <p className="tag-row">
          {b.isPrimary && <span className="tag primary-tag">{t('primaryTag')}</span>} {b.archivedAt && <span className="tag archived-tag">{t('archived')}</span>}
        </p>
      )}
      {b.archivedAt && <p className="notice notice-warn">{b.archiveReason ? t(`archivedBecause_${b.archiveReason}` as WorkspaceKey) : t('archivedPlain')}</p>}
      <dl className="dl">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="dl-row">
              <dt>{t(k)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        <div className="dl-row">
          <dt>{tb('questionText')}</dt>
          <dd>
            <span lang="da">{wording.da}</span> {!b.questionText.trim() && <span className="muted">{tb('suggestedFromTitle')}</span>}
          </dd>
        </div>
        {b.titleEn && (
          <div className="dl-row">
            <dt>{tb('titleEn')}</dt>
            <dd lang="en">{b.titleEn}</dd>
          </div>
        )}
        <div className="dl-row">
          <dt>{t('linkedBenefits')}</dt>
          <dd>
            {benefits.length ? (
              <ul className="plain-list">
                {benefits.map((x) => (
                  <li key={x.id}>
                    {x.title} {x.direction === 'negative' && <DirectionBadge direction="negative" />}
                  </li>
                ))}
              </ul>
            ) : (
              '–'
            )}
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('linkedEnablers')}</dt>
          <dd>{enablers.length ? enablers.map((x) => x.title).join('; ') : '–'}</dd>
        </div>
        <div className="dl-row">
          <dt>{t('linkedUnits')}</dt>
          <dd>{units.length ? units.map((x) => x.unitName).join('; ') : t('allUnits')}</dd>
        </div>
      </dl>
      {isAdmin && <ItemActions item={b} onEdit={onEdit} onDelete={onDelete} onRestore={onRestore} />}
    </article>
  );
}

type TextKey =
  | 'title'
  | 'description'
  | 'targetGroup'
  | 'situation'
  | 'expectedFrequency'
  | 'oldBehaviour'
  | 'usageMeasure'
  | 'questionText'
  | 'titleEn'
  | 'descriptionEn'
  | 'oldBehaviourEn'
  | 'situationEn'
  | 'questionTextEn';

/** The adoption question exactly as the generator words it (surveys/itemBank.ts), for the live sentence. */
function adoptionSentence(fields: Pick<BehaviourFields, 'title' | 'questionText' | 'titleEn' | 'questionTextEn'>) {
  const bank = bankItem('adoption');
  const wording = questionWording(fields);
  return {
    da: fill(bank.text.da, { behaviourDone: wording.da }),
    en: wording.en === null ? null : fill(bank.text.en, { behaviourDone: wording.en }),
  };
}

/** The wording field of one language: its suggestion (to check when unsure), a button to take it, and the field. */
function WordingField({
  label,
  hint,
  lang,
  suggestion,
  field,
  onUse,
}: {
  label: string;
  hint: string;
  lang: 'da' | 'en';
  suggestion: WordingSuggestion | null;
  field: { value: string; onChange: (e: { target: { value: string } }) => void; error?: string };
  onUse: (text: string) => void;
}) {
  const tb = useBilingualT();
  const id = useId();
  // TextField ties in its own hint and error; the suggestion below is added to them.
  const describedBy = [`${id}-hint`, `${id}-suggestion`, field.error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className="wording-field">
      <TextField id={id} label={label} hint={hint} maxLength={300} lang={lang} {...field} aria-describedby={describedBy} />
      <p className={`hint wording-suggestion${suggestion && !suggestion.sure ? ' unsure' : ''}`} id={`${id}-suggestion`}>
        {suggestion?.text ? (
          <>
            <span lang={lang}>{tb(suggestion.sure ? 'suggestion' : 'suggestionUnsure', { text: suggestion.text })}</span>{' '}
            {field.value.trim() !== suggestion.text && (
              <button type="button" className="secondary small" onClick={() => onUse(suggestion.text)}>
                {tb('useSuggestion')}
              </button>
            )}
          </>
        ) : (
          tb('suggestionNone')
        )}
      </p>
    </div>
  );
}

function BehaviourForm({
  project,
  behaviour,
  request,
  onSubmitStart,
  onDone,
  onCancel,
}: {
  project: ProjectDetail;
  behaviour?: BehaviourRow;
  request: ReturnType<typeof useOpenRequest>;
  onSubmitStart: () => void;
  onDone: (message: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useWorkspaceT();
  const tb = useBilingualT();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const tv = useVersionsT();
  const versioned = useVersionedSave(tv('staleWhatBehaviour'));
  // The behaviour as this edit loaded it (a newer one only through the stale dialog's "get the new version").
  const [loaded, setLoaded] = useState(behaviour);
  // `behaviour` here is the loaded one, or the one a reload hands over.
  const initial = (behaviour: BehaviourRow | undefined = loaded): BehaviourFields =>
    behaviour
      ? {
          title: behaviour.title,
          description: behaviour.description,
          targetGroup: behaviour.targetGroup,
          situation: behaviour.situation,
          expectedFrequency: behaviour.expectedFrequency,
          oldBehaviour: behaviour.oldBehaviour,
          questionText: behaviour.questionText,
          titleEn: behaviour.titleEn,
          descriptionEn: behaviour.descriptionEn,
          oldBehaviourEn: behaviour.oldBehaviourEn,
          situationEn: behaviour.situationEn,
          questionTextEn: behaviour.questionTextEn,
          isPrimary: behaviour.isPrimary,
          benefitIds: behaviour.benefitIds,
          enablerIds: behaviour.enablerIds,
          unitIds: behaviour.unitIds,
          usageMeasure: behaviour.usageMeasure,
        }
      : {
          title: '',
          description: '',
          targetGroup: '',
          situation: '',
          expectedFrequency: '',
          oldBehaviour: '',
          questionText: '',
          titleEn: '',
          descriptionEn: '',
          oldBehaviourEn: '',
          situationEn: '',
          questionTextEn: '',
          // The first behaviour of a project is its primary one unless the secretariat says otherwise.
          isPrimary: !project.behaviours.some((b) => b.isPrimary && !b.archivedAt),
          benefitIds: [],
          enablerIds: [],
          unitIds: [],
          usageMeasure: '',
        };
  const [form, setForm] = useState<BehaviourFields>(initial);
  const { errors, error, busy, send } = useFormSend(formRef);
  useRevealOnOpen(request, !!behaviour && request?.id === behaviour.id, headingRef);

  useEffect(() => {
    if (onCancel && !(behaviour && request?.id === behaviour.id)) headingRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const text = (k: TextKey) => ({ value: form[k], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value })), error: errors[k] });
  const setIds = (k: 'benefitIds' | 'enablerIds' | 'unitIds') => (ids: number[]) => setForm((f) => ({ ...f, [k]: ids }));
  const setText = (k: TextKey) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
  const suggestionDa = form.title.trim() ? suggestQuestionText(form.title) : null;
  const suggestionEn = form.titleEn.trim() ? suggestQuestionTextEn(form.titleEn) : null;
  const sentence = adoptionSentence(form);

  const benefitOptions = project.benefits.filter((b) => !b.archivedAt || form.benefitIds.includes(b.id));
  const unitOptions = project.rollouts.filter((r) => !r.retiredAt || form.unitIds.includes(r.unitId));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onSubmitStart();
    const errs: Record<string, string> = {};
    if (!form.title.trim()) errs.title = t('required');
    await send(errs, async () => {
      const input: BehaviourFields = {
        ...form,
        title: form.title.trim(),
        description: form.description.trim(),
        targetGroup: form.targetGroup.trim(),
        situation: form.situation.trim(),
        expectedFrequency: form.expectedFrequency.trim(),
        oldBehaviour: form.oldBehaviour.trim(),
        usageMeasure: form.usageMeasure.trim(),
        questionText: form.questionText.trim(),
        titleEn: form.titleEn.trim(),
        descriptionEn: form.descriptionEn.trim(),
        oldBehaviourEn: form.oldBehaviourEn.trim(),
        situationEn: form.situationEn.trim(),
        questionTextEn: form.questionTextEn.trim(),
      };
      if (behaviour) {
        await versioned.save({
          base: loaded!,
          mine: input,
          version: loaded!.version,
          send: (body) => workspaceApi.updateBehaviour(behaviour.id, body, body.version),
          ...behaviourStaleFields(t, tb, project),
          runAgain: (again) => send({}, again),
          onSaved: (_, sent) => void onDone(t('behaviourSaved', { title: sent.title })),
          onReload: (current) => {
            setLoaded(current as unknown as BehaviourRow);
            setForm(initial(current as unknown as BehaviourRow));
          },
        });
      } else {
        await workspaceApi.addBehaviour(project.id, input);
        setForm(initial());
        await onDone(t('behaviourAdded', { title: input.title }));
      }
    });
  };

  return (
    <section className="card form-card" aria-labelledby={headingId} id={behaviour ? `behaviour-${behaviour.id}` : undefined}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {behaviour ? t('behaviourEditTitle', { title: behaviour.title }) : t('behaviourNewTitle')}
      </h3>
      <form ref={formRef} onSubmit={submit} noValidate>
        <div className="form-grid two">
          <TextField label={t('behaviourTitle')} hint={t('behaviourTitleHint')} required maxLength={300} {...text('title')} />
          <TextField label={`${tb('titleEn')} ${t('optional')}`} hint={tb('englishHint')} maxLength={300} lang="en" {...text('titleEn')} />
        </div>
        <fieldset className="wording">
          <legend>{tb('wordingLegend')}</legend>
          <div className="form-grid two">
            <WordingField label={tb('questionText')} hint={tb('questionTextHint')} lang="da" suggestion={suggestionDa} field={text('questionText')} onUse={setText('questionText')} />
            <WordingField label={tb('questionTextEn')} hint={tb('questionTextEnHint')} lang="en" suggestion={suggestionEn} field={text('questionTextEn')} onUse={setText('questionTextEn')} />
          </div>
          {form.title.trim() !== '' && (
            <div className="staff-read">
              <p>
                <strong>{tb('staffRead')}</strong> <q lang="da">{sentence.da}</q>
              </p>
              <p>
                <strong>{tb('staffReadEn')}</strong> {sentence.en ? <q lang="en">{sentence.en}</q> : tb('staffReadEnMissing')}
              </p>
            </div>
          )}
        </fieldset>
        <div className="form-grid two">
          <TextArea label={`${t('behaviourDescription')} ${t('optional')}`} rows={2} maxLength={5000} {...text('description')} />
          <TextArea label={`${tb('descriptionEn')} ${t('optional')}`} rows={2} maxLength={5000} lang="en" {...text('descriptionEn')} />
        </div>
        <div className="form-grid two">
          <TextField label={`${t('targetGroup')} ${t('optional')}`} hint={t('targetGroupHint')} maxLength={300} {...text('targetGroup')} />
          <TextField label={`${t('expectedFrequency')} ${t('optional')}`} hint={t('expectedFrequencyHint')} maxLength={300} {...text('expectedFrequency')} />
        </div>
        <div className="form-grid two">
          <TextArea label={`${t('situation')} ${t('optional')}`} hint={t('situationHint')} rows={2} maxLength={5000} {...text('situation')} />
          <TextArea label={`${tb('situationEn')} ${t('optional')}`} hint={tb('englishHint')} rows={2} maxLength={5000} lang="en" {...text('situationEn')} />
        </div>
        <div className="form-grid two">
          <TextArea label={`${t('oldBehaviour')} ${t('optional')}`} hint={t('oldBehaviourHint')} rows={2} maxLength={5000} {...text('oldBehaviour')} />
          <TextArea label={`${tb('oldBehaviourEn')} ${t('optional')}`} hint={tb('englishHint')} rows={2} maxLength={5000} lang="en" {...text('oldBehaviourEn')} />
        </div>
        <div className="field">
          <label className="inline">
            <input type="checkbox" checked={form.isPrimary} aria-describedby={`${headingId}-primary-hint`} onChange={(e) => setForm((f) => ({ ...f, isPrimary: e.target.checked }))} />
            <span>{t('isPrimary')}</span>
          </label>
          <p className="hint" id={`${headingId}-primary-hint`}>
            {t('isPrimaryHint')}
          </p>
        </div>
        <CheckboxGroup
          legend={t('linkedBenefits')}
          empty={t('noBenefitsToLink')}
          error={errors.benefitIds}
          options={benefitOptions.map((b) => ({
            value: b.id,
            label: (
              <>
                {b.title} {b.direction === 'negative' && <DirectionBadge direction="negative" />} {b.archivedAt && `(${t('archived')})`}
              </>
            ),
          }))}
          value={form.benefitIds}
          onChange={setIds('benefitIds')}
        />
        <CheckboxGroup
          legend={t('linkedEnablers')}
          empty={t('noEnablersToLink')}
          error={errors.enablerIds}
          options={project.enablers.map((x) => ({ value: x.id, label: x.title }))}
          value={form.enablerIds}
          onChange={setIds('enablerIds')}
        />
        <CheckboxGroup
          legend={t('linkedUnits')}
          hint={project.rollouts.length ? t('linkedUnitsHint') : undefined}
          empty={t('noUnitsToLink')}
          error={errors.unitIds}
          options={unitOptions.map((r) => ({ value: r.unitId, label: r.retiredAt ? `${r.unitName} ${t('retiredSuffix')}` : r.unitName }))}
          value={form.unitIds}
          onChange={setIds('unitIds')}
        />
        <TextField label={`${t('usageMeasure')} ${t('optional')}`} hint={t('usageMeasureHint')} maxLength={300} {...text('usageMeasure')} />
        <WsError error={error} />
        {versioned.dialog}
        <FormActions submit={behaviour ? t('behaviourSave') : t('behaviourAdd')} busy={busy} cancel={onCancel && { label: t('cancel'), onClick: onCancel }} />
      </form>
      {/* Outside the form: the import has its own buttons and saves on its own. */}
      {behaviour && <UsagePanel behaviourId={behaviour.id} measure={behaviour.usageMeasure} />}
    </section>
  );
}
