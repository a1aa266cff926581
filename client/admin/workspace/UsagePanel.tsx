// System usage (systemdata) of one behaviour: a CSV from the IT system with one figure per unit and period, read in
// the browser into an editable field; the server's preview lists the figures to create and replace and every
// rejected row with its reason. "Importér" stays disabled while any row is rejected or the text has changed since
// the preview; the import is all or nothing. Below: the stored figures, each with a delete button.
import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import { TextArea } from '../../components/Field';
import { TableWrap } from '../../components/TableWrap';
import { formatDate, formatNumber } from '../../format';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { decodeFile } from '../units/UnitImport';
import { workspaceApi, type UsageFigure, type UsagePreview } from './api';
import { WsError, fieldProblems } from './shared';

export function UsagePanel({ behaviourId, measure }: { behaviourId: number; measure: string }) {
  const t = useWorkspaceT();
  const locale = t.locale;
  const ids = { file: useId(), blocked: useId(), done: useId(), title: useId() };
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<UsagePreview | null>(null);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [figures, setFigures] = useState<UsageFigure[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setFigures((await workspaceApi.usage(behaviourId)).figures);
    } catch (err) {
      setError(err);
    }
  }, [behaviourId]);
  useEffect(() => {
    void load();
  }, [load]);

  const stale = preview !== null && previewed !== csv;
  const blocked = !preview || stale || preview.rejected.length > 0 || preview.create.length + preview.replace.length === 0;
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

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setCsvError(null);
    try {
      setCsv(decodeFile(await file.arrayBuffer()));
    } catch {
      setCsvError(t('importFileError'));
    }
  };

  const showPreview = async () => {
    setMessage(null);
    setError(null);
    setCsvError(null);
    if (!csv.trim()) {
      setCsvError(t('importEmpty'));
      setPreview(null);
      return;
    }
    setBusy(true);
    try {
      setPreview(await workspaceApi.previewUsage(behaviourId, csv));
      setPreviewed(csv);
    } catch (err) {
      setPreview(null);
      setError(err);
      setCsvError(fieldProblems(err, locale).csv ?? null);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await workspaceApi.importUsage(behaviourId, csv);
      setPreview(null);
      setPreviewed(null);
      setCsv('');
      setMessage(t('usageDone', { created: result.created, replaced: result.replaced }));
      await load();
      window.requestAnimationFrame(() => document.getElementById(ids.done)?.focus());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (f: UsageFigure) => {
    setError(null);
    try {
      await workspaceApi.deleteUsage(f.id);
      setMessage(t('usageDeleted'));
      await load();
      window.requestAnimationFrame(() => document.getElementById(ids.done)?.focus());
    } catch (err) {
      setError(err);
    }
  };

  const figureTable = (rows: UsagePreview['create'] | UsagePreview['replace'], label: string, withPrevious: boolean) => (
    <>
      <h5>{label}</h5>
      <TableWrap label={label}>
        <table className={withPrevious ? 'usage-replace-table' : 'usage-create-table'}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('colLine')}
              </th>
              <th scope="col">{t('colUnit')}</th>
              <th scope="col">{t('colFrom')}</th>
              <th scope="col">{t('colTo')}</th>
              {withPrevious && (
                <th scope="col" className="num">
                  {t('colPrevious')}
                </th>
              )}
              <th scope="col" className="num">
                {t('colValue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} data-line={r.line}>
                <td className="num">{r.line}</td>
                <th scope="row">{r.unitName}</th>
                <td>{day(r.periodStart)}</td>
                <td>{day(r.periodEnd)}</td>
                {withPrevious && <td className="num">{'previousValue' in r ? num(r.previousValue) : ''}</td>}
                <td className="num">{num(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );

  return (
    <section className="usage-panel" aria-labelledby={ids.title}>
      <h4 id={ids.title}>
        {t('usageTitle')}
        {measure && `: ${measure}`}
      </h4>
      <p className="muted">{t('usageIntro')}</p>
      <div className="field">
        <label htmlFor={ids.file}>{t('usageFile')}</label>
        <input id={ids.file} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void readFile(e)} />
      </div>
      <TextArea label={t('usageText')} hint={t('usageTextHint')} className="csv-text" rows={5} spellCheck={false} value={csv} onChange={(e) => setCsv(e.target.value)} error={csvError} />
      <div className="form-actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void showPreview()}>
          {t('usagePreview')}
        </button>
      </div>
      <WsError error={csvError ? null : error} />
      <p className="status-message" role="status" aria-live="polite" id={ids.done} tabIndex={-1}>
        {message ?? ''}
      </p>
      {preview && (
        <div className="import-preview">
          {stale && <p className="notice notice-warn">{t('importStale')}</p>}
          <p className="import-summary">{t('usageSummary', { create: preview.create.length, replace: preview.replace.length, rejected: preview.rejected.length })}</p>
          {preview.rejected.length > 0 && (
            <>
              <p className="error-message" role="alert">
                {t('importRejectedAlert', { n: preview.rejected.length })}
              </p>
              <h5>{t('rejectedTable', { n: preview.rejected.length })}</h5>
              <TableWrap label={t('rejectedTable', { n: preview.rejected.length })}>
                <table className="rejected-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('colLine')}
                      </th>
                      <th scope="col">{t('colField')}</th>
                      <th scope="col">{t('colReason')}</th>
                      <th scope="col">{t('colRow')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rejected.map((r) => (
                      <tr key={r.line} data-line={r.line} data-code={r.code}>
                        <th scope="row" className="num">
                          {r.line}
                        </th>
                        <td>{fieldName(r.field)}</td>
                        <td>{r.problems.map((p) => reason(p.code, p.message)).join(' ')}</td>
                        <td>
                          <code className="csv-raw">{r.raw}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )}
          {preview.create.length > 0 && figureTable(preview.create, t('usageCreateTable', { n: preview.create.length }), false)}
          {preview.replace.length > 0 && figureTable(preview.replace, t('usageReplaceTable', { n: preview.replace.length }), true)}
          <div className="form-actions">
            <button type="button" disabled={busy || blocked} aria-describedby={blocked && (stale || preview.rejected.length > 0) ? ids.blocked : undefined} onClick={() => void commit()}>
              {t('usageImport')}
            </button>
          </div>
          {(stale || preview.rejected.length > 0) && (
            <p className="muted" id={ids.blocked}>
              {stale ? t('importStale') : t('importCommitBlocked')}
            </p>
          )}
        </div>
      )}
      {figures && figures.length === 0 && <p>{t('usageNone')}</p>}
      {figures && figures.length > 0 && (
        <>
          <h5>{t('usageListTitle', { n: figures.length })}</h5>
          <TableWrap label={t('usageListTitle', { n: figures.length })}>
            <table className="usage-figures">
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
                    <td>{day(f.periodStart)}</td>
                    <td>{day(f.periodEnd)}</td>
                    <td className="num">{num(f.value)}</td>
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
