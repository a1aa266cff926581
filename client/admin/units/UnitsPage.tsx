// /units — the organisation tree (forvaltning → center → afdeling/enhed) with headcounts and reference dates.
// The secretariat creates, edits, moves (the parent list leaves out the unit's own subtree), retires and
// restores units here, and imports them from an HR/org-system CSV with a preview first.
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { SelectField, StatusMessage, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { TableWrap } from '../../components/TableWrap';
import { formatDate, formatNumber } from '../../format';
import { useWorkspaceT } from '../../i18n/workspace';
import { useBilingualT } from '../../i18n/bilingual';
import { useVersionsT } from '../../i18n/versions';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { useVersionedSave } from '../useVersionedSave';
import { unitStaleFields } from '../workspace/staleFields';
import { UNIT_KINDS, unitsApi, type TreeUnit, type UnitFields, type UnitKind } from '../workspace/api';
import { WsError, kindKey, useFormSend } from '../workspace/shared';
import { UnitImport } from './UnitImport';
import '../workspace/workspace.css';

/** The unit and everything below it: what it may not be moved under. */
export function subtreeIds(units: readonly TreeUnit[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out = new Set<number>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export function UnitsPage() {
  const t = useWorkspaceT();
  const { isAdmin } = useSession();
  const units = useLoad(() => unitsApi.list(), []);
  const [showRetired, setShowRetired] = useState(true);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const all = units.data ?? [];
  const shown = showRetired ? all : all.filter((u) => !u.retiredAt);
  const editingUnit = all.find((u) => u.id === editing);

  useEffect(() => {
    document.title = `${t('unitsPageTitle')} – Gevinstspor`;
  }, [t]);

  const changed = async (msg: string) => {
    setError(null);
    await units.reload();
    setMessage(msg);
  };

  const act = async (fn: () => Promise<unknown>, msg: string) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      await changed(msg);
    } catch (e) {
      setError(e);
    }
  };

  const retire = async (u: TreeUnit) => {
    if (!window.confirm(t('unitConfirmRetire', { name: u.name }))) return;
    setError(null);
    setMessage(null);
    try {
      await unitsApi.retire(u.id, u.version);
      await changed(t('unitRetired', { name: u.name }));
    } catch (e) {
      const below = e instanceof ApiError && e.code === 'unit_has_active_children' ? ((e.details as { units?: { name: string }[] }[] | undefined)?.[0]?.units ?? []) : null;
      if (below && window.confirm(t('unitConfirmRetireChildren', { name: u.name, children: below.map((c) => c.name).join(', ') }))) {
        await act(() => unitsApi.retire(u.id, u.version, true), t('unitRetired', { name: u.name }));
      } else setError(e);
    }
  };

  const closeEditor = (id: number) => {
    setEditing(null);
    window.requestAnimationFrame(() => document.getElementById(`unit-edit-${id}`)?.focus());
  };

  return (
    <>
      <h1>{t('unitsPageTitle')}</h1>
      <p className="muted">{t('unitsPageIntro')}</p>
      <StatusMessage message={message} />
      <WsError error={error ?? units.error} />
      <label className="inline">
        <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
        <span>{t('showRetired')}</span>
      </label>
      {units.data && all.length === 0 && <p>{t('noUnitsYet')}</p>}
      {shown.length > 0 && (
        // On a phone the rows are stacked as cards (see workspace.css); the explicit roles keep it a table for
        // screen readers when CSS changes how the cells are displayed.
        <TableWrap label={t('unitsTree')}>
          <table className="unit-tree" role="table">
            <caption className="visually-hidden">{t('unitsTree')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                {(['colUnit', 'colKind', 'colExternalId', 'colHeadcount', 'colHeadcountDate', 'colStatus', ...(isAdmin ? ['colActions' as const] : [])] as const).map((key) => (
                  <th key={key} scope="col" role="columnheader" className={key === 'colHeadcount' ? 'num' : undefined}>
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {shown.map((u) => (
                <tr
                  key={u.id}
                  role="row"
                  className={u.retiredAt ? 'retired' : undefined}
                  data-unit-id={u.id}
                  data-depth={u.depth}
                  style={{ '--depth': u.depth } as CSSProperties}
                >
                  <th scope="row" role="rowheader" className="unit-name">
                    {u.depth > 0 && (
                      <span className="tree-mark" aria-hidden="true">
                        └{' '}
                      </span>
                    )}
                    {u.name}
                    {u.path.length > 0 && <span className="visually-hidden"> ({t('underPath', { path: u.path.join(' › ') })})</span>}
                  </th>
                  <td role="cell" data-label={t('colKind')}>
                    {t(kindKey(u.kind))}
                  </td>
                  <td role="cell" data-label={t('colExternalId')}>
                    {u.externalId ?? ''}
                  </td>
                  <td role="cell" className="num" data-label={t('colHeadcount')}>
                    {formatNumber(u.headcount, t.locale)}
                  </td>
                  <td role="cell" data-label={t('colHeadcountDate')}>
                    {formatDate(u.headcountDate, t.locale)}
                  </td>
                  <td role="cell" data-label={t('colStatus')}>
                    {u.retiredAt ? <span className="tag archived-tag">{t('retiredOn', { date: formatDate(u.retiredAt, t.locale) })}</span> : t('statusActive')}
                  </td>
                  {isAdmin && (
                    <td role="cell" className="row-actions">
                      <button type="button" id={`unit-edit-${u.id}`} className="secondary small" aria-label={t('unitEdit', { name: u.name })} onClick={() => setEditing(u.id)}>
                        {t('edit')}
                      </button>
                      {u.retiredAt ? (
                        <button type="button" className="secondary small" aria-label={t('unitRestore', { name: u.name })} onClick={() => void act(() => unitsApi.restore(u.id, u.version), t('unitRestored', { name: u.name }))}>
                          {t('restore')}
                        </button>
                      ) : (
                        <button type="button" className="secondary small" aria-label={t('unitRetire', { name: u.name })} onClick={() => void retire(u)}>
                          {t('retire')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="danger small"
                        aria-label={t('unitDelete', { name: u.name })}
                        onClick={() => window.confirm(t('unitConfirmDelete', { name: u.name })) && void act(() => unitsApi.remove(u.id), t('unitDeleted', { name: u.name }))}
                      >
                        {t('delete')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {isAdmin && editingUnit && (
        <UnitForm
          key={editingUnit.id}
          unit={editingUnit}
          units={all}
          onCancel={() => closeEditor(editingUnit.id)}
          onDone={async (msg) => {
            closeEditor(editingUnit.id);
            await changed(msg);
          }}
        />
      )}
      {isAdmin && !editingUnit && <UnitForm units={all} onDone={changed} />}
      {isAdmin && <UnitImport onImported={units.reload} />}
    </>
  );
}

function UnitForm({ unit, units, onDone, onCancel }: { unit?: TreeUnit; units: TreeUnit[]; onDone: (msg: string) => Promise<void>; onCancel?: () => void }) {
  const t = useWorkspaceT();
  const tb = useBilingualT();
  const { thresholds } = useSession();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(unit?.name ?? '');
  const [nameEn, setNameEn] = useState(unit?.nameEn ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'enhed');
  const [parentId, setParentId] = useState(unit?.parentId ? String(unit.parentId) : '');
  const [headcount, setHeadcount] = useState(unit ? String(unit.headcount) : '');
  const [headcountDate, setHeadcountDate] = useState(unit?.headcountDate ?? '');
  const [externalId, setExternalId] = useState(unit?.externalId ?? '');
  const { errors, error, busy, send } = useFormSend(formRef);
  const tv = useVersionsT();
  const versioned = useVersionedSave(tv('staleWhatUnit'));
  // The unit as this edit loaded it; the stale dialog's "get the new version" starts the form over from the new one.
  const [loaded, setLoaded] = useState(unit);
  const reload = (u: TreeUnit) => {
    setLoaded(u);
    setName(u.name);
    setNameEn(u.nameEn);
    setKind(u.kind);
    setParentId(u.parentId ? String(u.parentId) : '');
    setHeadcount(String(u.headcount));
    setHeadcountDate(u.headcountDate ?? '');
    setExternalId(u.externalId ?? '');
  };

  useEffect(() => {
    if (unit) {
      headingRef.current?.focus();
      headingRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [unit]);

  // Possible parents: not the unit itself or anything below it; an active unit only under an active one.
  const parents = useMemo(() => {
    const excluded = unit ? subtreeIds(units, unit.id) : new Set<number>();
    const active = !unit?.retiredAt;
    return units.filter((u) => !excluded.has(u.id) && (!active || !u.retiredAt || String(u.id) === parentId));
  }, [units, unit, parentId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('required');
    const hc = headcount.trim() === '' ? 0 : Number(headcount.trim());
    if (/^-\d+$/.test(headcount.trim())) errs.headcount = t('headcountNegative');
    else if (!Number.isInteger(hc) || hc < 0 || hc > 100000) errs.headcount = t('headcountWhole');
    await send(errs, async () => {
      const input: UnitFields = {
        name: name.trim(),
        nameEn: nameEn.trim(),
        kind,
        parentId: parentId ? Number(parentId) : null,
        headcount: hc,
        headcountDate: headcountDate || null,
        externalId: externalId.trim() || null,
      };
      if (unit) {
        await versioned.save({
          base: loaded!,
          mine: input,
          version: loaded!.version,
          send: (body) => unitsApi.update(unit.id, body, body.version),
          ...unitStaleFields(t, tb, units),
          runAgain: (again) => send({}, again),
          onSaved: (_, sent) => void onDone(t('unitSaved', { name: sent.name })),
          onReload: (current) => reload(current as unknown as TreeUnit),
        });
      } else {
        await unitsApi.create(input);
        setName('');
        setNameEn('');
        setHeadcount('');
        setHeadcountDate('');
        setExternalId('');
        await onDone(t('unitCreated', { name: input.name }));
      }
    });
  };

  return (
    <section className="card form-card" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {unit ? t('unitEditTitle', { name: unit.name }) : t('unitNewTitle')}
      </h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        <div className="form-grid two">
          <TextField label={t('unitName')} required maxLength={300} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
          <TextField label={`${tb('unitNameEn')} ${t('optional')}`} hint={tb('unitNameEnHint')} lang="en" maxLength={300} value={nameEn} onChange={(e) => setNameEn(e.target.value)} error={errors.nameEn} />
          <SelectField label={t('unitKind')} value={kind} onChange={(e) => setKind(e.target.value as UnitKind)} error={errors.kind}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('unitParent')} hint={unit ? t('unitParentHint') : undefined} value={parentId} onChange={(e) => setParentId(e.target.value)} error={errors.parentId}>
            <option value="">{t('topLevel')}</option>
            {parents.map((u) => (
              <option key={u.id} value={u.id}>
                {'\u00a0\u00a0'.repeat(u.depth)}
                {u.name}
                {u.retiredAt ? ` ${t('retiredSuffix')}` : ''}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('unitHeadcount')}
            hint={t('unitHeadcountHint', { k: thresholds.anonymity })}
            inputMode="numeric"
            value={headcount}
            onChange={(e) => setHeadcount(e.target.value)}
            error={errors.headcount}
          />
          <TextField label={`${t('headcountDate')} ${t('optional')}`} hint={t('headcountDateHint')} type="date" value={headcountDate} onChange={(e) => setHeadcountDate(e.target.value)} error={errors.headcountDate} />
          <TextField label={`${t('externalId')} ${t('optional')}`} hint={t('externalIdHint')} maxLength={300} value={externalId} onChange={(e) => setExternalId(e.target.value)} error={errors.externalId} />
        </div>
        <WsError error={error} />
        {versioned.dialog}
        <FormActions submit={unit ? t('unitSave') : t('unitCreate')} busy={busy} cancel={onCancel && { label: t('cancel'), onClick: onCancel }} />
      </form>
    </section>
  );
}
