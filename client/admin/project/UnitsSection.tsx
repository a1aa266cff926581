// The project's units and their go-live dates (idriftsættelse); add an existing unit or create a new one (with the
// server's warning when it is under the anonymity threshold), and the project's reporting groups below.
import { useEffect, useState, type FormEvent } from 'react';
import { everyMember } from '../../api';
import { projectApi, unitApi, type ProjectDetail, type SmallUnitWarning, type Unit } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { TableWrap } from '../../components/TableWrap';
import { SelectField, StatusMessage, TextField, fieldErrors } from '../../components/Field';
import { formatDate } from '../../format';
import { useAdminT, type AdminKey } from '../../i18n/admin';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { ReportingGroupsSection, SmallUnitWarnings } from './ReportingGroupsSection';

type RolloutRow = ProjectDetail['rollouts'][number];
const KINDS = everyMember<Unit['kind']>()(['enhed', 'afdeling', 'center', 'forvaltning']);

export function UnitsSection({ project, onChanged }: { project: ProjectDetail; onChanged: () => Promise<void> | void }) {
  const t = useAdminT();
  const { isAdmin, thresholds } = useSession();
  const units = useLoad(() => unitApi.list(), []);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** What the server said about the unit just added: under the anonymity threshold and in no group reaching it. */
  const [addWarnings, setAddWarnings] = useState<SmallUnitWarning[]>([]);

  const inProject = new Set(project.rollouts.map((r) => r.unitId));
  const available = (units.data ?? []).filter((u) => !inProject.has(u.id) && !u.retiredAt);

  const changed = async (msg: string, warnings: SmallUnitWarning[] = []) => {
    setMessage(msg);
    setError(null);
    setAddWarnings(warnings);
    await Promise.all([onChanged(), units.reload()]);
  };

  return (
    <section className="section" aria-labelledby="units-title">
      <h2 id="units-title">{t('unitsTitle')}</h2>
      <p className="muted">{t('unitsIntro')}</p>
      <StatusMessage message={message} />
      <SmallUnitWarnings warnings={addWarnings} threshold={thresholds.anonymity} alert />
      <ErrorMessage error={error} />
      {project.rollouts.length === 0 ? (
        <p>{t('noUnits')}</p>
      ) : (
        <TableWrap label={t('unitsTable')}>
          {/* "stack": one card per unit on a phone, so the date field and the buttons are never cut off. */}
          <table className="stack">
            <caption className="visually-hidden">{t('unitsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('unit')}</th>
                <th scope="col" className="num">
                  {t('headcount')}
                </th>
                <th scope="col">{t('goLive')}</th>
                {isAdmin && <th scope="col"><span className="visually-hidden">{t('remove')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {project.rollouts.map((r) => (
                <RolloutRowView key={r.unitId} projectId={project.id} rollout={r} isAdmin={isAdmin} onChanged={changed} onError={setError} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {isAdmin && <AddUnitForm projectId={project.id} available={available} onAdded={changed} />}
      {isAdmin && <CreateUnitForm projectId={project.id} units={units.data ?? []} onCreated={changed} />}
      {isAdmin && <ReportingGroupsSection project={project} />}
    </section>
  );
}

function RolloutRowView({
  projectId,
  rollout,
  isAdmin,
  onChanged,
  onError,
}: {
  projectId: number;
  rollout: RolloutRow;
  isAdmin: boolean;
  onChanged: (msg: string) => Promise<void>;
  onError: (e: unknown) => void;
}) {
  const t = useAdminT();
  const [date, setDate] = useState(rollout.goLiveDate ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => setDate(rollout.goLiveDate ?? ''), [rollout.goLiveDate]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await projectApi.setRollout(projectId, rollout.unitId, date || null);
      await onChanged(t('dateSaved', { unit: rollout.unitName }));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(t('confirmRemoveUnit', { unit: rollout.unitName }))) return;
    try {
      await projectApi.removeRollout(projectId, rollout.unitId);
      await onChanged(t('unitRemoved', { unit: rollout.unitName }));
    } catch (err) {
      onError(err);
    }
  };

  const inputId = `golive-${rollout.unitId}`;
  return (
    <tr>
      <th scope="row">{rollout.unitName}</th>
      <td className="num" data-label={t('headcount')}>
        {rollout.headcount}
      </td>
      <td data-label={t('goLive')}>
        {isAdmin ? (
          <form onSubmit={save} className="form-actions" style={{ marginTop: 0, alignItems: 'center' }}>
            <label htmlFor={inputId} className="visually-hidden">
              {t('goLiveFor', { unit: rollout.unitName })}
            </label>
            <input id={inputId} type="date" value={date} onChange={(e) => setDate(e.target.value)} style={{ maxWidth: '12rem' }} />
            <button type="submit" className="secondary small" disabled={busy || date === (rollout.goLiveDate ?? '')} aria-label={t('saveDateFor', { unit: rollout.unitName })}>
              {t('save')}
            </button>
          </form>
        ) : rollout.goLiveDate ? (
          formatDate(rollout.goLiveDate)
        ) : (
          t('noDate')
        )}
      </td>
      {isAdmin && (
        <td className="row-actions">
          <button type="button" className="danger small" onClick={() => void remove()} aria-label={t('removeUnitFor', { unit: rollout.unitName })}>
            {t('remove')}
          </button>
        </td>
      )}
    </tr>
  );
}

function AddUnitForm({ projectId, available, onAdded }: { projectId: number; available: Unit[]; onAdded: (msg: string, warnings: SmallUnitWarning[]) => Promise<void> }) {
  const t = useAdminT();
  const [unitId, setUnitId] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unit = available.find((u) => String(u.id) === unitId);
    if (!unit) return;
    setBusy(true);
    setError(null);
    try {
      const { warnings } = await projectApi.setRollout(projectId, unit.id, date || null);
      setUnitId('');
      setDate('');
      await onAdded(t('unitAdded', { unit: unit.name }), warnings);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="add-unit-title">
      <h3 id="add-unit-title">{t('addUnitTitle')}</h3>
      {available.length === 0 ? (
        <p className="muted">{t('noMoreUnits')}</p>
      ) : (
        <form onSubmit={submit}>
          <div className="form-grid two">
            <SelectField label={t('chooseUnit')} required value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">{t('chooseUnitPlaceholder')}</option>
              {available.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.headcount})
                </option>
              ))}
            </SelectField>
            <TextField label={`${t('goLiveDate')} ${t('optional')}`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <ErrorMessage error={error} />
          <FormActions submit={t('addUnit')} busy={busy} disabled={!unitId} />
        </form>
      )}
    </section>
  );
}

function CreateUnitForm({ projectId, units, onCreated }: { projectId: number; units: Unit[]; onCreated: (msg: string, warnings: SmallUnitWarning[]) => Promise<void> }) {
  const t = useAdminT();
  const { thresholds } = useSession();
  const [name, setName] = useState('');
  const [headcount, setHeadcount] = useState('');
  const [parentId, setParentId] = useState('');
  const [kind, setKind] = useState<Unit['kind']>('enhed');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t('required'));
      return;
    }
    setBusy(true);
    setError(null);
    setNameError(null);
    try {
      const unit = await unitApi.create({ name: name.trim(), headcount: Math.max(0, Math.floor(Number(headcount) || 0)), kind, parentId: parentId ? Number(parentId) : null });
      const { warnings } = await projectApi.setRollout(projectId, unit.id, date || null);
      setName('');
      setHeadcount('');
      setParentId('');
      setDate('');
      await onCreated(t('unitCreated', { unit: unit.name }), warnings);
    } catch (err) {
      setError(err);
      setNameError(fieldErrors(err).name ?? null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="create-unit-title">
      <h3 id="create-unit-title">{t('createUnitTitle')}</h3>
      <form onSubmit={submit}>
        <div className="form-grid two">
          <TextField label={t('unitName')} required value={name} onChange={(e) => setName(e.target.value)} error={nameError} maxLength={300} />
          <TextField label={t('unitHeadcount')} hint={t('unitHeadcountHint', { k: thresholds.anonymity })} type="number" min={0} max={100000} step={1} inputMode="numeric" required value={headcount} onChange={(e) => setHeadcount(e.target.value)} />
          <SelectField label={`${t('unitParent')} ${t('optional')}`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('none')}</option>
            {units
              .filter((u) => !u.retiredAt)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </SelectField>
          <SelectField label={t('unitKind')} value={kind} onChange={(e) => setKind(e.target.value as Unit['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}` as AdminKey)}
              </option>
            ))}
          </SelectField>
          <TextField label={`${t('goLiveDateNew')} ${t('optional')}`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        <FormActions submit={t('createUnit')} busy={busy} />
      </form>
    </section>
  );
}
