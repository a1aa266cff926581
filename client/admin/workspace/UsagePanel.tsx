// System usage (systemdata) of one behaviour: a CSV from the IT system with one figure per unit and period, read in
// the browser into an editable field; the server's preview lists the figures to create and replace and every
// rejected row with its reason. "Importér" stays disabled while any row is rejected or the text has changed since
// the preview; the import is all or nothing. Below: the stored figures, each with a delete button.
import { useCallback, useEffect, useId, useState } from 'react';
import { TableWrap } from '../../components/TableWrap';
import { formatDate, formatNumber } from '../../format';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { CsvInput, ImportButton, PreviewTable, RejectedRows, useCsvImport } from '../csvImport';
import { workspaceApi, type UsageFigure, type UsagePreview } from './api';
import { WsError } from './shared';

export function UsagePanel({ behaviourId, measure }: { behaviourId: number; measure: string }) {
  const t = useWorkspaceT();
  const locale = t.locale;
  const ids = { file: useId(), blocked: useId(), done: useId(), title: useId() };
  const [figures, setFigures] = useState<UsageFigure[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const state = useCsvImport<UsagePreview>({
    preview: (csv) => workspaceApi.previewUsage(behaviourId, csv),
    hasChanges: (p) => p.create.length + p.replace.length > 0,
    commit: async (csv) => {
      const result = await workspaceApi.importUsage(behaviourId, csv);
      await load();
      return t('usageDone', { created: result.created, replaced: result.replaced });
    },
  });
  const { preview, stale } = state;

  const load = useCallback(async () => {
    try {
      setFigures((await workspaceApi.usage(behaviourId)).figures);
    } catch (err) {
      setListError(err);
    }
  }, [behaviourId]);
  useEffect(() => {
    void load();
  }, [load]);

  const day = (d: string) => formatDate(d, locale);
  const num = (n: number) => formatNumber(n, locale);
  const reason = (code: string, message: string) => {
    if (locale === 'en') return message;
    const key = `row_${code}` as WorkspaceKey;
    const text = t(key);
    return text === key ? message : text;
  };
  const fieldName = (field: string) => {
    const key = `field_${field}` as WorkspaceKey;
    return preview?.columns[field as keyof UsagePreview['columns']] ?? t(key);
  };

  const remove = async (f: UsageFigure) => {
    setListError(null);
    try {
      await workspaceApi.deleteUsage(f.id);
      state.setMessage(t('usageDeleted'));
      await load();
      window.requestAnimationFrame(() => document.getElementById(ids.done)?.focus());
    } catch (err) {
      setListError(err);
    }
  };

  type PreviewFigure = UsagePreview['create'][number] | UsagePreview['replace'][number];
  const figureTable = (rows: readonly PreviewFigure[], title: string, withPrevious: boolean) => (
    <PreviewTable<PreviewFigure>
      title={title}
      Heading="h5"
      className={withPrevious ? 'usage-replace-table' : 'usage-create-table'}
      columns={[{ label: t('colUnit') }, { label: t('colFrom') }, { label: t('colTo') }, withPrevious && { label: t('colPrevious'), num: true }, { label: t('colValue'), num: true }]}
      rows={rows}
      cells={(r) => (
        <>
          <th scope="row">{r.unitName}</th>
          <td>{day(r.periodStart)}</td>
          <td>{day(r.periodEnd)}</td>
          {withPrevious && <td className="num">{'previousValue' in r ? num(r.previousValue) : ''}</td>}
          <td className="num">{num(r.value)}</td>
        </>
      )}
    />
  );

  return (
    <section className="usage-panel" aria-labelledby={ids.title}>
      <h4 id={ids.title}>
        {t('usageTitle')}
        {measure && `: ${measure}`}
      </h4>
      <p className="muted">{t('usageIntro')}</p>
      <CsvInput state={state} ids={ids} fileLabel={t('usageFile')} textLabel={t('usageText')} textHint={t('usageTextHint')} rows={5} previewLabel={t('usagePreview')} />
      {preview && (
        <div className="import-preview">
          {stale && <p className="notice notice-warn">{t('importStale')}</p>}
          <p className="import-summary">{t('usageSummary', { create: preview.create.length, replace: preview.replace.length, rejected: preview.rejected.length })}</p>
          <RejectedRows rows={preview.rejected} Heading="h5" columnName={fieldName} reason={(r) => r.problems.map((p) => reason(p.code, p.message)).join(' ')} />
          {figureTable(preview.create, t('usageCreateTable', { n: preview.create.length }), false)}
          {figureTable(preview.replace, t('usageReplaceTable', { n: preview.replace.length }), true)}
          <ImportButton state={state} label={t('usageImport')} blockedId={ids.blocked} doneId={ids.done} />
        </div>
      )}
      <WsError error={listError} />
      {figures && figures.length === 0 && <p>{t('usageNone')}</p>}
      {figures && figures.length > 0 && (
        <>
          <h5>{t('usageListTitle', { n: figures.length })}</h5>
          <TableWrap label={t('usageListTitle', { n: figures.length })}>
            {/* "stack": one card per figure on a phone, so the delete button is never cut off. */}
            <table className="usage-figures stack">
              <thead>
                <tr>
                  <th scope="col">{t('colUnit')}</th>
                  <th scope="col">{t('colFrom')}</th>
                  <th scope="col">{t('colTo')}</th>
                  <th scope="col" className="num">
                    {t('colValue')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.unitName}</th>
                    <td data-label={t('colFrom')}>{day(f.periodStart)}</td>
                    <td data-label={t('colTo')}>{day(f.periodEnd)}</td>
                    <td className="num" data-label={t('colValue')}>
                      {num(f.value)}
                    </td>
                    <td>
                      <button type="button" className="secondary small" aria-label={t('usageDelete', { unit: f.unitName, from: day(f.periodStart), to: day(f.periodEnd) })} onClick={() => void remove(f)}>
                        {t('delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
