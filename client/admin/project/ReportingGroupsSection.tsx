// Reporting groups (rapporteringsgrupper) of a project, in "Enheder & udrulning": the groups with their units and
// headcount (edit, delete), a warning about every unit under the anonymity threshold with the suggested groups
// and one button that stores them, and a form to make a group by hand. The server decides what is small and
// what it suggests; this page only shows it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { reportingGroupApi, type GroupSuggestion, type ProjectDetail, type ReportingGroup, type SmallUnitWarning } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { TableWrap } from '../../components/TableWrap';
import { StatusMessage, TextField, fieldErrors } from '../../components/Field';
import { useAdminT } from '../../i18n/admin';
import { useVersionsT } from '../../i18n/versions';
import { CheckboxGroup } from '../workspace/shared';
import { namesOf } from '../workspace/staleFields';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { useVersionedSave } from '../useVersionedSave';

const NAME_MAX = 120;

/** One line per small unit. `alert`: announced at once (just added); otherwise a polite status region. */
export function SmallUnitWarnings({ warnings, threshold, alert = false, titleId }: { warnings: SmallUnitWarning[]; threshold: number; alert?: boolean; titleId?: string }) {
  const t = useAdminT();
  if (warnings.length === 0) return null;
  const lines = warnings.map((w) => (
    <li key={w.unitId}>
      {w.groupName === null
        ? t('smallUnit', { unit: w.unitName, n: w.headcount, k: threshold })
        : t('smallUnitInGroup', { unit: w.unitName, n: w.headcount, k: threshold, group: w.groupName })}
    </li>
  ));
  return (
    <div className="notice notice-warn" role={alert ? 'alert' : 'status'} aria-labelledby={titleId}>
      {titleId && <h4 id={titleId}>{t('smallUnitsTitle')}</h4>}
      <ul>{lines}</ul>
    </div>
  );
}

export function ReportingGroupsSection({ project }: { project: ProjectDetail }) {
  const t = useAdminT();
  // The project object is new after every change to its units: groups and advice are loaded again then.
  const groups = useLoad(() => reportingGroupApi.list(project.id), [project]);
  const advice = useLoad(() => reportingGroupApi.advice(project.id), [project]);
  const { thresholds } = useSession();
  const k = advice.data?.threshold ?? thresholds.anonymity;
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const changed = async (msg: string) => {
    setMessage(msg);
    setError(null);
    setEditing(null);
    await Promise.all([groups.reload(), advice.reload()]);
  };

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await reportingGroupApi.applySuggestions(project.id);
      await changed(t('suggestionsApplied', { n: r.applied.length }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (g: ReportingGroup) => {
    if (!window.confirm(t('confirmDeleteGroup', { name: g.name }))) return;
    try {
      await reportingGroupApi.remove(project.id, g.id);
      await changed(t('groupDeleted', { name: g.name }));
    } catch (err) {
      setError(err);
    }
  };

  const list = groups.data ?? [];
  const warnings = advice.data?.warnings ?? [];
  const suggestions = advice.data?.suggestions ?? [];
  const editedGroup = list.find((g) => g.id === editing);

  return (
    <section className="card" aria-labelledby="groups-title">
      <h3 id="groups-title">{t('groupsTitle')}</h3>
      <p className="muted">{t('groupsIntro')}</p>
      <StatusMessage message={message} />
      <ErrorMessage error={error ?? groups.error ?? advice.error} />
      {warnings.length > 0 && (
        <>
          <SmallUnitWarnings warnings={warnings} threshold={k} titleId="small-units-title" />
          {suggestions.length > 0 ? (
            <div className="notice" aria-labelledby="suggestions-title">
              <p id="suggestions-title">{t('suggestionsIntro')}</p>
              <ul>
                {suggestions.map((s) => (
                  <li key={s.unitIds.join('-')}>{suggestionText(t, s)}</li>
                ))}
              </ul>
              <button type="button" onClick={() => void apply()} disabled={busy} aria-busy={busy || undefined}>
                {t('applySuggestions')}
              </button>
            </div>
          ) : (
            <p className="muted">{t('noSuggestions')}</p>
          )}
        </>
      )}
      {list.length === 0 ? (
        !groups.loading && <p>{t('noGroups')}</p>
      ) : (
        <TableWrap label={t('groupsTable')}>
          <table className="groups-table stack">
            <caption className="visually-hidden">{t('groupsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('groupName')}</th>
                <th scope="col">{t('groupMembers')}</th>
                <th scope="col" className="num">
                  {t('groupHeadcount')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('groupActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.name}</th>
                  <td data-label={t('groupMembers')}>{g.members.map((m) => (m.retired ? t('groupRetired', { unit: m.name }) : m.name)).join(', ')}</td>
                  <td className="num" data-label={t('groupHeadcount')}>
                    {g.totalHeadcount}
                    {!g.reachesThreshold && (
                      <>
                        {' '}
                        <span className="tag">{t('groupBelow')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <span className="form-actions" style={{ marginTop: 0 }}>
                      <button type="button" className="secondary small" onClick={() => setEditing(g.id)} aria-label={t('editGroupFor', { name: g.name })} aria-expanded={editing === g.id}>
                        {t('edit')}
                      </button>
                      <button type="button" className="danger small" onClick={() => void remove(g)} aria-label={t('deleteGroupFor', { name: g.name })}>
                        {t('delete')}
                      </button>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editedGroup && (
        <GroupForm
          key={`edit-${editedGroup.id}`}
          project={project}
          groups={list}
          group={editedGroup}
          threshold={k}
          onSaved={(name) => changed(t('groupSaved', { name }))}
          onCancel={() => setEditing(null)}
        />
      )}
      <GroupForm key="new" project={project} groups={list} threshold={k} onSaved={(name) => changed(t('groupCreated', { name }))} />
    </section>
  );
}

function suggestionText(t: ReturnType<typeof useAdminT>, s: GroupSuggestion) {
  if (s.groupId === null) return t('suggestionNew', { name: s.name, n: s.totalHeadcount });
  const added = s.members.filter((m) => s.addUnitIds.includes(m.unitId)).map((m) => m.name);
  return t('suggestionExtend', { name: s.name, units: added.join(', '), n: s.totalHeadcount });
}

/** A new group (no `group`) or a change to one: name and units, with the running headcount against k. */
function GroupForm({
  project,
  groups,
  group,
  threshold,
  onSaved,
  onCancel,
}: {
  project: ProjectDetail;
  groups: ReportingGroup[];
  group?: ReportingGroup;
  threshold: number;
  onSaved: (name: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useAdminT();
  const [name, setName] = useState(group?.name ?? '');
  const [unitIds, setUnitIds] = useState<number[]>(group?.members.map((m) => m.unitId) ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [unitsError, setUnitsError] = useState<string | null>(null);
  const nameRef = useRef<HTMLDivElement>(null);
  const titleId = group ? `edit-group-title-${group.id}` : 'new-group-title';
  const tv = useVersionsT();
  const versioned = useVersionedSave(tv('staleWhatGroup'));
  // The group as this edit loaded it; the stale dialog's "get the new version" starts the form over from the new one.
  const memberIds = (g: { members: { unitId: number }[] }) => g.members.map((m) => m.unitId);
  const [loaded, setLoaded] = useState(group && { name: group.name, unitIds: memberIds(group), version: group.version });

  // Opening the edit form moves focus to its name, so keyboard users land where they asked to go.
  useEffect(() => {
    if (group) nameRef.current?.querySelector('input')?.focus();
  }, [group]);

  const groupOf = new Map<number, string>();
  for (const g of groups) if (g.id !== group?.id) for (const m of g.members) groupOf.set(m.unitId, g.name);
  const own = new Set(group?.members.map((m) => m.unitId) ?? []);
  const units = project.rollouts.filter((r) => !r.retiredAt || own.has(r.unitId));
  const options = units.map((r) => {
    const elsewhere = groupOf.get(r.unitId);
    return {
      value: r.unitId,
      label: elsewhere ? t('groupUnitElsewhere', { unit: r.unitName, n: r.headcount, group: elsewhere }) : t('groupUnitOption', { unit: r.unitName, n: r.headcount }),
      disabled: elsewhere !== undefined,
    };
  });
  const total = units.filter((r) => unitIds.includes(r.unitId) && !r.retiredAt).reduce((sum, r) => sum + r.headcount, 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    setNameError(trimmed ? null : t('required'));
    setUnitsError(unitIds.length ? null : t('groupUnitsNone'));
    if (!trimmed || unitIds.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      if (group && loaded) {
        await versioned.save({
          base: loaded,
          mine: { name: trimmed, unitIds },
          version: loaded.version,
          send: (body) => reportingGroupApi.update(project.id, group.id, body),
          currentFields: (c) => ({ ...c, unitIds: memberIds(c as { members: { unitId: number }[] }) }),
          labels: { name: t('groupName'), unitIds: t('groupUnits') },
          display: { unitIds: namesOf(project.rollouts.map((r) => ({ id: r.unitId, name: r.unitName }))) },
          onSaved: (saved) => void onSaved(saved.group.name),
          runAgain: async (again) => {
            setBusy(true);
            try {
              await again();
            } catch (err) {
              setError(err);
              setNameError(fieldErrors(err).name ?? null);
            } finally {
              setBusy(false);
            }
          },
          onReload: (c) => {
            const next = { name: typeof c.name === 'string' ? c.name : '', unitIds: memberIds(c as { members: { unitId: number }[] }), version: Number(c.version) };
            setLoaded(next);
            setName(next.name);
            setUnitIds(next.unitIds);
          },
        });
        return;
      }
      const r = await reportingGroupApi.create(project.id, { name: trimmed, unitIds });
      setName('');
      setUnitIds([]);
      await onSaved(r.group.name);
    } catch (err) {
      setError(err);
      const fields = fieldErrors(err);
      setNameError(fields.name ?? null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card form-card" aria-labelledby={titleId}>
      <h4 id={titleId}>{group ? t('editGroupTitle', { name: group.name }) : t('newGroupTitle')}</h4>
      <form onSubmit={submit} noValidate aria-labelledby={titleId}>
        <div ref={nameRef}>
          <TextField label={t('groupName')} required value={name} onChange={(e) => setName(e.target.value)} error={nameError} maxLength={NAME_MAX} />
        </div>
        <CheckboxGroup legend={t('groupUnits')} hint={t('groupUnitsHint', { k: threshold })} error={unitsError} options={options} value={unitIds} onChange={setUnitIds} />
        {unitIds.length > 0 && <p aria-live="polite">{total < threshold ? t('groupTotalBelow', { n: total, k: threshold }) : t('groupTotal', { n: total })}</p>}
        <ErrorMessage error={error} />
        {versioned.dialog}
        <FormActions submit={group ? t('saveGroup') : t('createGroup')} busy={busy} cancel={onCancel && { label: t('cancel'), onClick: onCancel }} />
      </form>
    </section>
  );
}
