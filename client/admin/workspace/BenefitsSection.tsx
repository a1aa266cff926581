// Benefits (gevinster): the benefit profile of each — direction, type, owner and owner's unit, measure and its
// unit, data source, baseline and target — its links to goals and behaviours, and its KPI measurements over
// time with a small chart (lazily loaded) and the same numbers in a table.
import { Suspense, lazy, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ProjectDetail } from '../api';
import { SelectField, StatusMessage, TextArea, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { TableWrap } from '../../components/TableWrap';
import { formatDate, formatNumber, formatPercent, todayInCopenhagen } from '../../format';
import { useBilingualT } from '../../i18n/bilingual';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { useBenefitStatusT } from '../../i18n/benefitStatus';
import { benefitStatusApi, type OwnerAccount } from '../benefitStatus/api';
import { useVersionsT } from '../../i18n/versions';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { useVersionedSave } from '../useVersionedSave';
import { benefitStaleFields } from './staleFields';
import { BENEFIT_TYPES, unitsApi, workspaceApi, type BenefitFields, type BenefitRow, type BenefitType, type TreeUnit } from './api';
import { useOpenRequest, useRevealOnOpen } from './workspaceNav';
import { useArchivableItems } from './useArchivableItems';
import { CheckboxGroup, DirectionBadge, ItemActions, RadioGroup, WsError, formatNumberInput, parseNumber, useFormSend } from './shared';

const KpiChart = lazy(() => import('./KpiChart'));

export const typeKey = (type: BenefitType) => `type_${type}` as WorkspaceKey;

export function BenefitsSection({ project, onChanged }: { project: ProjectDetail; onChanged: () => Promise<void> }) {
  const t = useWorkspaceT();
  const { isAdmin } = useSession();
  const units = useLoad(() => unitsApi.list(), []);
  // The accounts that may own a benefit (they read the project), for the owner's account in the form.
  const owners = useLoad(() => (isAdmin ? benefitStatusApi.owners(project.id) : Promise.resolve([])), [project.id, isAdmin]);
  const list = useArchivableItems({
    kind: 'benefit',
    items: project.benefits,
    onChanged,
    remove: workspaceApi.deleteBenefit,
    restore: (id: number) => workspaceApi.restoreBenefit(id, project.benefits.find((b) => b.id === id)!.version),
    texts: { confirmDelete: 'benefitConfirmDelete', deleted: 'benefitDeleted', restored: 'benefitRestored' },
  });
  const { editing, setEditing, adding, setAdding, request, done } = list;

  const active = project.benefits.filter((b) => !b.archivedAt);
  const archived = project.benefits.filter((b) => b.archivedAt);
  const showForm = isAdmin && editing === null && (adding || project.benefits.length === 0);

  return (
    <section className="section" aria-labelledby="benefits-title">
      <h2 id="benefits-title">{t('benefitsTitle')}</h2>
      <p className="muted">{t('benefitsIntro')}</p>
      <StatusMessage message={list.message} />
      <WsError error={list.error} />
      {project.benefits.length === 0 && <p>{t('noBenefits')}</p>}
      {[...active, ...archived].map((b) =>
        editing === b.id ? (
          <BenefitForm
            key={b.id}
            project={project}
            units={units.data ?? []}
            owners={owners.data ?? []}
            benefit={b}
            request={request}
            onSubmitStart={list.clearStatus}
            onCancel={() => setEditing(null)}
            onDone={async (msg) => {
              setEditing(null);
              await done(msg);
            }}
          />
        ) : (
          <BenefitCard
            key={b.id}
            project={project}
            benefit={b}
            onEdit={() => setEditing(b.id)}
            onDelete={() => void list.remove(b)}
            onRestore={() => void list.restore(b)}
            onSubmitStart={list.clearStatus}
            onChanged={done}
          />
        ),
      )}
      {isAdmin && editing === null && !showForm && (
        <p>
          <button type="button" onClick={() => setAdding(true)}>
            {t('benefitNew')}
          </button>
        </p>
      )}
      {showForm && (
        <BenefitForm
          project={project}
          units={units.data ?? []}
          owners={owners.data ?? []}
          request={null}
          onSubmitStart={list.clearStatus}
          onCancel={project.benefits.length ? () => setAdding(false) : undefined}
          onDone={async (msg) => {
            setAdding(false);
            await done(msg);
          }}
        />
      )}
    </section>
  );
}

function valueText(value: number | null, unit: string, locale: 'da' | 'en') {
  if (value == null) return '–';
  return unit ? `${formatNumber(value, locale)} ${unit}` : formatNumber(value, locale);
}

function BenefitCard({
  project,
  benefit: b,
  onEdit,
  onDelete,
  onRestore,
  onSubmitStart,
  onChanged,
}: {
  project: ProjectDetail;
  benefit: BenefitRow;
  onEdit: () => void;
  onDelete: () => void;
  onRestore: () => void;
  onSubmitStart: () => void;
  onChanged: (msg: string) => Promise<void>;
}) {
  const t = useWorkspaceT();
  const { isAdmin } = useSession();
  const locale = t.locale;
  const headingId = `benefit-${b.id}-title`;
  const goals = project.goals.filter((g) => b.goalIds.includes(g.id));
  const behaviours = project.behaviours.filter((x) => b.behaviourIds.includes(x.id));
  const withDate = (v: number | null, d: string | null) => (v == null && !d ? '–' : `${valueText(v, b.measureUnit, locale)}${d ? ` (${formatDate(d, locale)})` : ''}`);

  return (
    <article className={`card benefit-card ${b.direction}${b.archivedAt ? ' is-archived' : ''}`} aria-labelledby={headingId} id={`benefit-${b.id}`}>
      <h3 id={headingId}>{b.title}</h3>
      <p className="tag-row">
        <DirectionBadge direction={b.direction} /> <span className="tag">{t(typeKey(b.type))}</span> {b.archivedAt && <span className="tag archived-tag">{t('archived')}</span>}
      </p>
      {b.archivedAt && <p className="notice notice-warn">{b.archiveReason ? t(`archivedBecause_${b.archiveReason}` as WorkspaceKey) : t('archivedPlain')}</p>}
      <dl className="dl">
        <dt>{t('owner')}</dt>
        <dd>{[b.owner, b.ownerUnitName].filter(Boolean).join(', ') || '–'}</dd>
        <dt>{t('measure')}</dt>
        <dd>{b.measure ? `${b.measure}${b.measureUnit ? ` (${b.measureUnit})` : ''}` : '–'}</dd>
        {b.dataSource && (
          <>
            <dt>{t('dataSource')}</dt>
            <dd>{b.dataSource}</dd>
          </>
        )}
        <dt>{t('baseline')}</dt>
        <dd>{withDate(b.baselineValue, b.baselineDate)}</dd>
        <dt>{t('target')}</dt>
        <dd>{withDate(b.targetValue, b.targetDate)}</dd>
        <dt>{t('goalLinks')}</dt>
        <dd>{goals.length ? goals.map((g) => g.title).join('; ') : '–'}</dd>
        <dt>{t('behaviourLinks')}</dt>
        <dd>{behaviours.length ? behaviours.map((x) => x.title).join('; ') : '–'}</dd>
      </dl>
      {b.progress.latest && (
        <p className="progress-line">
          {b.progress.share != null
            ? t('progressShare', { value: valueText(b.progress.latest.value, b.measureUnit, locale), date: formatDate(b.progress.latest.measuredOn, locale), share: formatPercent(b.progress.share, locale) })
            : t('progressLatest', { value: valueText(b.progress.latest.value, b.measureUnit, locale), date: formatDate(b.progress.latest.measuredOn, locale) })}
        </p>
      )}
      <KpiPanel benefit={b} canEdit={isAdmin && !b.archivedAt} onSubmitStart={onSubmitStart} onChanged={onChanged} />
      {isAdmin && <ItemActions item={b} onEdit={onEdit} onDelete={onDelete} onRestore={onRestore} />}
    </article>
  );
}

function KpiPanel({
  benefit: b,
  canEdit,
  onSubmitStart,
  onChanged,
}: {
  benefit: BenefitRow;
  canEdit: boolean;
  onSubmitStart: () => void;
  onChanged: (msg: string) => Promise<void>;
}) {
  const t = useWorkspaceT();
  const locale = t.locale;
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const hasChart = b.measurements.length > 0 && (b.baselineValue != null || b.targetValue != null || b.measurements.length > 1);

  const remove = async (id: number, date: string) => {
    if (!window.confirm(t('measurementConfirmDelete', { date: formatDate(date, locale) }))) return;
    setError(null);
    onSubmitStart();
    try {
      await workspaceApi.deleteMeasurement(id);
      await onChanged(t('measurementDeleted'));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="kpi-panel" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('kpiTitle')}</h4>
      <WsError error={error} />
      {b.measurements.length === 0 ? (
        <p className="muted">{t('kpiNoMeasurements')}</p>
      ) : (
        <div className="kpi-grid">
          {hasChart && (
            <Suspense fallback={<div className="kpi-chart-box" />}>
              <KpiChart benefit={b} />
            </Suspense>
          )}
          <TableWrap label={t('kpiTable', { title: b.title })}>
            {/* "stack": one card per measurement on a phone, so the delete button is never cut off. */}
            <table className="stack">
              <caption className="visually-hidden">{t('kpiTable', { title: b.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('measuredOn')}</th>
                  <th scope="col" className="num">
                    {t('value')}
                  </th>
                  <th scope="col">{t('note')}</th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('delete')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {b.measurements.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{formatDate(m.measuredOn, locale)}</th>
                    <td className="num" data-label={t('value')}>
                      {valueText(m.value, b.measureUnit, locale)}
                    </td>
                    <td data-label={t('note')}>{m.note}</td>
                    {canEdit && (
                      <td>
                        <button type="button" className="danger small" aria-label={t('measurementDelete', { date: formatDate(m.measuredOn, locale) })} onClick={() => void remove(m.id, m.measuredOn)}>
                          {t('delete')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      )}
      {canEdit && (
        <MeasurementForm
          benefit={b}
          onSubmitStart={() => {
            setError(null);
            onSubmitStart();
          }}
          onAdded={onChanged}
        />
      )}
    </section>
  );
}

function MeasurementForm({ benefit, onSubmitStart, onAdded }: { benefit: BenefitRow; onSubmitStart: () => void; onAdded: (msg: string) => Promise<void> }) {
  const t = useWorkspaceT();
  const [value, setValue] = useState('');
  const [date, setDate] = useState(todayInCopenhagen());
  const [note, setNote] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, error, busy, send } = useFormSend(formRef);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The last "Målingen er tilføjet." must not stand next to this attempt's errors.
    onSubmitStart();
    const v = parseNumber(value);
    const errs: Record<string, string> = {};
    if (v === null) errs.value = t('required');
    else if (Number.isNaN(v)) errs.value = t('notANumber');
    if (!date) errs.measuredOn = t('required');
    await send(errs, async () => {
      await workspaceApi.addMeasurement(benefit.id, { value: v!, measuredOn: date, ...(note.trim() ? { note: note.trim() } : {}) });
      setValue('');
      setNote('');
      await onAdded(t('measurementAdded'));
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="measurement-form">
      <div className="form-grid three">
        <TextField label={benefit.measureUnit ? `${t('value')} (${benefit.measureUnit})` : t('value')} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={errors.value} />
        <TextField label={t('measuredOn')} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.measuredOn} />
        <TextField label={`${t('note')} ${t('optional')}`} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} maxLength={5000} />
      </div>
      <WsError error={error} />
      <button type="submit" className="secondary" disabled={busy} aria-label={t('measurementAddFor', { title: benefit.title })}>
        {t('measurementAdd')}
      </button>
    </form>
  );
}

type FormState = {
  title: string;
  titleEn: string;
  direction: 'positive' | 'negative';
  type: BenefitType;
  owner: string;
  ownerUnitId: string;
  ownerUserId: string;
  measure: string;
  measureUnit: string;
  dataSource: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  goalIds: number[];
  behaviourIds: number[];
};

function BenefitForm({
  project,
  units,
  owners,
  benefit,
  request,
  onSubmitStart,
  onDone,
  onCancel,
}: {
  project: ProjectDetail;
  units: TreeUnit[];
  owners: OwnerAccount[];
  benefit?: BenefitRow;
  request: ReturnType<typeof useOpenRequest>;
  onSubmitStart: () => void;
  onDone: (message: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useWorkspaceT();
  const locale = t.locale;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const tb = useBilingualT();
  const ts = useBenefitStatusT();
  const tv = useVersionsT();
  const versioned = useVersionedSave(tv('staleWhatBenefit'));
  // The benefit as this edit loaded it (a newer one only through the stale dialog's "get the new version").
  const [loaded, setLoaded] = useState(benefit);
  // `benefit` here is the loaded one, or the one a reload hands over.
  const initial = (benefit: BenefitRow | undefined = loaded): FormState =>
    benefit
      ? {
          title: benefit.title,
          titleEn: benefit.titleEn,
          direction: benefit.direction,
          type: benefit.type,
          owner: benefit.owner,
          ownerUnitId: benefit.ownerUnitId ? String(benefit.ownerUnitId) : '',
          ownerUserId: benefit.ownerUserId ? String(benefit.ownerUserId) : '',
          measure: benefit.measure,
          measureUnit: benefit.measureUnit,
          dataSource: benefit.dataSource,
          baselineValue: formatNumberInput(benefit.baselineValue, locale),
          baselineDate: benefit.baselineDate ?? '',
          targetValue: formatNumberInput(benefit.targetValue, locale),
          targetDate: benefit.targetDate ?? '',
          goalIds: benefit.goalIds,
          behaviourIds: benefit.behaviourIds,
        }
      : {
          title: '',
          titleEn: '',
          direction: 'positive',
          type: 'tid',
          owner: '',
          ownerUnitId: '',
          ownerUserId: '',
          measure: '',
          measureUnit: '',
          dataSource: '',
          baselineValue: '',
          baselineDate: '',
          targetValue: '',
          targetDate: '',
          goalIds: [],
          behaviourIds: [],
        };
  const [form, setForm] = useState<FormState>(initial);
  const { errors, error, busy, send } = useFormSend(formRef);
  useRevealOnOpen(request, !!benefit && request?.id === benefit.id, headingRef);

  // Opened by the user (Redigér / Ny gevinst): focus the form's heading; the map's requests focus it themselves.
  useEffect(() => {
    if (onCancel && !(benefit && request?.id === benefit.id)) headingRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  const text = (k: 'title' | 'titleEn' | 'owner' | 'measure' | 'measureUnit' | 'dataSource' | 'baselineValue' | 'baselineDate' | 'targetValue' | 'targetDate') => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => set(k)(e.target.value),
    error: errors[k],
  });

  // The owner's unit: active units in tree order, plus the current one if it has since been retired.
  const unitOptions = useMemo(() => units.filter((u) => !u.retiredAt || String(u.id) === form.ownerUnitId), [units, form.ownerUnitId]);
  const behaviourOptions = project.behaviours.filter((b) => !b.archivedAt || form.behaviourIds.includes(b.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onSubmitStart();
    const errs: Record<string, string> = {};
    if (!form.title.trim()) errs.title = t('required');
    const baselineValue = parseNumber(form.baselineValue);
    const targetValue = parseNumber(form.targetValue);
    if (Number.isNaN(baselineValue)) errs.baselineValue = t('notANumber');
    if (Number.isNaN(targetValue)) errs.targetValue = t('notANumber');
    if (form.baselineDate && form.targetDate && form.targetDate < form.baselineDate) errs.targetDate = t('targetBeforeBaseline');
    await send(errs, async () => {
      const input: BenefitFields = {
        title: form.title.trim(),
        titleEn: form.titleEn.trim(),
        direction: form.direction,
        type: form.type,
        owner: form.owner.trim(),
        ownerUnitId: form.ownerUnitId ? Number(form.ownerUnitId) : null,
        ownerUserId: form.ownerUserId ? Number(form.ownerUserId) : null,
        measure: form.measure.trim(),
        measureUnit: form.measureUnit.trim(),
        dataSource: form.dataSource.trim(),
        baselineValue,
        baselineDate: form.baselineDate || null,
        targetValue,
        targetDate: form.targetDate || null,
        goalIds: form.goalIds,
        behaviourIds: form.behaviourIds,
      };
      if (benefit) {
        await versioned.save({
          base: loaded!,
          mine: input,
          version: loaded!.version,
          send: (body) => workspaceApi.updateBenefit(benefit.id, body, body.version),
          ...benefitStaleFields(t, tb, project, units, { label: ts('ownerUserLabel'), owners }),
          runAgain: (again) => send({}, again),
          onSaved: (_, sent) => void onDone(t('benefitSaved', { title: sent.title })),
          onReload: (current) => {
            setLoaded(current as unknown as BenefitRow);
            setForm(initial(current as unknown as BenefitRow));
          },
        });
      } else {
        await workspaceApi.addBenefit(project.id, input);
        setForm(initial());
        await onDone(t('benefitAdded', { title: input.title }));
      }
    });
  };

  return (
    <section className="card form-card" aria-labelledby={headingId} id={benefit ? `benefit-${benefit.id}` : undefined}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {benefit ? t('benefitEditTitle', { title: benefit.title }) : t('benefitNewTitle')}
      </h3>
      <form ref={formRef} onSubmit={submit} noValidate>
        <div className="form-grid two">
          <TextField label={t('benefitTitle')} hint={t('benefitTitleHint')} required maxLength={300} {...text('title')} />
          <TextField label={`${tb('benefitTitleEn')} ${t('optional')}`} hint={tb('benefitTitleEnHint')} maxLength={300} lang="en" {...text('titleEn')} />
        </div>
        <div className="form-grid two">
          <RadioGroup
            legend={t('direction')}
            hint={t('directionHint')}
            name="direction"
            value={form.direction}
            onChange={set('direction')}
            options={[
              { value: 'positive', label: t('direction_positive') },
              { value: 'negative', label: <DirectionBadge direction="negative" /> },
            ]}
          />
          <SelectField label={t('benefitType')} value={form.type} onChange={(e) => set('type')(e.target.value as BenefitType)} error={errors.type}>
            {BENEFIT_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(typeKey(k))}
              </option>
            ))}
          </SelectField>
          <TextField label={`${t('owner')} ${t('optional')}`} hint={t('ownerHint')} maxLength={300} {...text('owner')} />
          <SelectField label={`${t('ownerUnit')} ${t('optional')}`} value={form.ownerUnitId} onChange={(e) => set('ownerUnitId')(e.target.value)} error={errors.ownerUnitId}>
            <option value="">{t('none')}</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {'\u00a0\u00a0'.repeat(u.depth)}
                {u.name}
                {u.retiredAt ? ` ${t('retiredSuffix')}` : ''}
              </option>
            ))}
          </SelectField>
          <SelectField label={`${ts('ownerUserLabel')} ${t('optional')}`} hint={ts('ownerUserHint')} value={form.ownerUserId} onChange={(e) => set('ownerUserId')(e.target.value)} error={errors.ownerUserId}>
            <option value="">{ts('ownerUserNone')}</option>
            {/* The current owner stays choosable even if the account has since lost access to the project. */}
            {form.ownerUserId && !owners.some((o) => String(o.id) === form.ownerUserId) && <option value={form.ownerUserId}>#{form.ownerUserId}</option>}
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.email})
              </option>
            ))}
          </SelectField>
          <TextField label={`${t('measure')} ${t('optional')}`} hint={t('measureHint')} maxLength={300} {...text('measure')} />
          <TextField label={`${t('measureUnit')} ${t('optional')}`} hint={t('measureUnitHint')} maxLength={50} {...text('measureUnit')} />
        </div>
        <TextArea label={`${t('dataSource')} ${t('optional')}`} hint={t('dataSourceHint')} rows={2} maxLength={5000} {...text('dataSource')} />
        <div className="form-grid two">
          <fieldset>
            <legend>{t('baseline')}</legend>
            <TextField label={t('baselineValue')} inputMode="decimal" {...text('baselineValue')} />
            <TextField label={t('baselineDate')} type="date" {...text('baselineDate')} />
          </fieldset>
          <fieldset>
            <legend>{t('target')}</legend>
            <TextField label={t('targetValue')} inputMode="decimal" {...text('targetValue')} />
            <TextField label={t('targetDate')} type="date" {...text('targetDate')} />
          </fieldset>
        </div>
        <CheckboxGroup
          legend={t('goalLinks')}
          empty={t('noGoalsToLink')}
          error={errors.goalIds}
          options={project.goals.map((g) => ({ value: g.id, label: g.title }))}
          value={form.goalIds}
          onChange={set('goalIds')}
        />
        <CheckboxGroup
          legend={t('behaviourLinks')}
          empty={t('noBehavioursToLink')}
          error={errors.behaviourIds}
          options={behaviourOptions.map((b) => ({ value: b.id, label: b.archivedAt ? `${b.title} (${t('archived')})` : b.title }))}
          value={form.behaviourIds}
          onChange={set('behaviourIds')}
        />
        <WsError error={error} />
        {versioned.dialog}
        <FormActions submit={benefit ? t('benefitSave') : t('benefitAdd')} busy={busy} cancel={onCancel && { label: t('cancel'), onClick: onCancel }} />
      </form>
    </section>
  );
}
