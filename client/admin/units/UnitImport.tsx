// CSV import of units from an HR/org-system export. The file is read in the browser into an editable text field;
// the server's preview lists what would be created and changed and every rejected row with its reason. Import
// stays disabled while any row is rejected or the text has changed since the preview; the commit is all or nothing.
import { useId, useState, type ChangeEvent } from 'react';
import { ApiError } from '../../api';
import { TextArea, TextField } from '../../components/Field';
import { TableWrap } from '../../components/TableWrap';
import { formatDate } from '../../format';
import type { Locale } from '../../i18n';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { unitsApi, type ImportPreview, type RejectedRow } from '../workspace/api';
import { WsError, fieldProblems, kindKey } from '../workspace/shared';

/** UTF-8 (with or without BOM); an old Excel export in Windows-1252 is read as such rather than garbled. */
export function decodeFile(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const delimiterKey: Record<string, WorkspaceKey> = { ';': 'delimiter_semicolon', ',': 'delimiter_comma', '\t': 'delimiter_tab' };

/** The reason for a rejected row in the user's language; English users get the server's more detailed text. */
function reasonText(row: RejectedRow, t: ReturnType<typeof useWorkspaceT>, locale: Locale): string {
  if (locale === 'en') return row.message;
  // Every line of a duplicated id is rejected: the first one says the id comes again further down.
  const otherLine = Number(/also on line (\d+)/.exec(row.message)?.[1] ?? 0);
  const key = (row.code === 'duplicate_id' && otherLine > row.line ? 'row_duplicate_id_later' : `row_${row.code}`) as WorkspaceKey;
  const parent = /The parent (\S+)/.exec(row.message)?.[1] ?? '';
  const detail = /cycle: (.*)$/.exec(row.message)?.[1] ?? row.externalId ?? '';
  const text = t(key, { id: row.externalId ?? '', parent, detail });
  return text === key ? row.message : text;
}

export function UnitImport({ onImported }: { onImported: () => Promise<void> }) {
  const t = useWorkspaceT();
  const locale = t.locale;
  const ids = { hint: useId(), blocked: useId(), done: useId() };
  const [csv, setCsv] = useState('');
  const [headcountDate, setHeadcountDate] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewedKey, setPreviewedKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const key = `${headcountDate}\n${csv}`;
  const stale = preview !== null && previewedKey !== key;
  const changes = preview ? preview.create.length + preview.update.length : 0;
  const blocked = !preview || stale || preview.rejected.length > 0 || changes === 0;

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setError(null);
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
      setPreview(await unitsApi.previewImport(csv, headcountDate || null));
      setPreviewedKey(key);
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
      const result = await unitsApi.commitImport(csv, headcountDate || null);
      setPreview(null);
      setPreviewedKey(null);
      setCsv('');
      setMessage(t('importDone', { created: result.created, updated: result.updated, unchanged: result.unchanged }));
      await onImported();
      // The preview and its button are gone: move focus to the result.
      window.requestAnimationFrame(() => document.getElementById(ids.done)?.focus());
    } catch (err) {
      setError(err);
      // Someone changed the units meanwhile: show what the file would do now.
      if (err instanceof ApiError && err.code === 'csv_rejected_rows') void showPreview();
    } finally {
      setBusy(false);
    }
  };

  const columnName = (field: string) => preview?.columns[field as keyof ImportPreview['columns']] ?? t(`field_${field}` as WorkspaceKey);

  return (
    <section className="section" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p className="muted">{t('importIntro')}</p>
      <div className="field">
        <label htmlFor={`${ids.hint}-file`}>{t('importFile')}</label>
        <p className="hint" id={`${ids.hint}-filehint`}>
          {t('importFileHint')}
        </p>
        <input id={`${ids.hint}-file`} type="file" accept=".csv,.txt,text/csv,text/plain" aria-describedby={`${ids.hint}-filehint`} onChange={(e) => void readFile(e)} />
      </div>
      <TextArea
        label={t('importText')}
        hint={t('importTextHint')}
        className="csv-text"
        rows={8}
        spellCheck={false}
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
        error={csvError}
      />
      <div className="form-grid two">
        <TextField label={`${t('importDate')} ${t('optional')}`} hint={t('importDateHint')} type="date" value={headcountDate} onChange={(e) => setHeadcountDate(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void showPreview()}>
          {t('importPreview')}
        </button>
      </div>
      <WsError error={csvError ? null : error} />
      <p className="status-message" role="status" aria-live="polite" id={ids.done} tabIndex={-1}>
        {message ?? ''}
      </p>
      {preview && (
        <div className="import-preview">
          <h3>{t('importPreviewTitle')}</h3>
          {stale && <p className="notice notice-warn">{t('importStale')}</p>}
          <p className="import-summary">
            {t('importSummary', { create: preview.create.length, update: preview.update.length, unchanged: preview.unchanged, rejected: preview.rejected.length })}
          </p>
          <p className="muted">
            {t('importColumns', {
              columns: Object.values(preview.columns).join(', '),
              delimiter: delimiterKey[preview.delimiter] ? t(delimiterKey[preview.delimiter]) : preview.delimiter,
            })}
            {preview.ignoredColumns.length > 0 && ` ${t('importIgnored', { columns: preview.ignoredColumns.join(', ') })}`}
          </p>
          {preview.rejected.length > 0 && (
            <>
              <p className="error-message" role="alert">
                {t('importRejectedAlert', { n: preview.rejected.length })}
              </p>
              <h4>{t('rejectedTable', { n: preview.rejected.length })}</h4>
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
                        <td>{columnName(r.field)}</td>
                        <td>{reasonText(r, t, locale)}</td>
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
          {preview.create.length > 0 && (
            <>
              <h4>{t('createTable', { n: preview.create.length })}</h4>
              <TableWrap label={t('createTable', { n: preview.create.length })}>
                <table className="create-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('colLine')}
                      </th>
                      <th scope="col">{t('colExternalId')}</th>
                      <th scope="col">{t('colUnit')}</th>
                      <th scope="col">{t('colKind')}</th>
                      <th scope="col" className="num">
                        {t('colHeadcount')}
                      </th>
                      <th scope="col">{t('colParent')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.create.map((c) => (
                      <tr key={c.line} data-line={c.line}>
                        <td className="num">{c.line}</td>
                        <td>{c.externalId}</td>
                        <th scope="row">{c.name}</th>
                        <td>{t(kindKey(c.kind))}</td>
                        <td className="num">{c.headcount}</td>
                        <td>{c.parent ? c.parent.name : t('topLevel')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )}
          {preview.update.length > 0 && (
            <>
              <h4>{t('updateTable', { n: preview.update.length })}</h4>
              <TableWrap label={t('updateTable', { n: preview.update.length })}>
                <table className="update-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('colLine')}
                      </th>
                      <th scope="col">{t('colExternalId')}</th>
                      <th scope="col">{t('colUnit')}</th>
                      <th scope="col">{t('colChanges')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.update.map((u) => (
                      <tr key={u.line} data-line={u.line}>
                        <td className="num">{u.line}</td>
                        <td>{u.externalId}</td>
                        <th scope="row">
                          {u.name}
                          {u.retired && <span className="muted"> ({t('staysRetired')})</span>}
                        </th>
                        <td>
                          <ul className="plain-list">
                            {u.changes.name && <li>{t('change_name', { from: u.changes.name.from, to: u.changes.name.to })}</li>}
                            {u.changes.parent && (
                              <li>{t('change_parent', { from: u.changes.parent.from?.name ?? t('topLevel'), to: u.changes.parent.to?.name ?? t('topLevel') })}</li>
                            )}
                            {u.changes.headcount && <li>{t('change_headcount', { from: u.changes.headcount.from, to: u.changes.headcount.to })}</li>}
                            {u.changes.kind && <li>{t('change_kind', { from: t(kindKey(u.changes.kind.from)), to: t(kindKey(u.changes.kind.to)) })}</li>}
                            {u.changes.headcountDate && (
                              <li>
                                {t('change_headcountDate', {
                                  from: formatDate(u.changes.headcountDate.from, locale) || '–',
                                  to: formatDate(u.changes.headcountDate.to, locale) || '–',
                                })}
                              </li>
                            )}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )}
          {preview.rejected.length === 0 && changes === 0 && <p>{t('importNothing')}</p>}
          {preview.notInFile.length > 0 && (
            <details>
              <summary>{t('notInFileTitle', { n: preview.notInFile.length })}</summary>
              <p className="muted">{t('notInFileIntro')}</p>
              <ul>
                {preview.notInFile.map((u) => (
                  <li key={u.unitId}>
                    {u.name} ({u.externalId})
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="form-actions">
            <button type="button" disabled={busy || blocked} aria-describedby={blocked && (stale || preview.rejected.length > 0) ? ids.blocked : undefined} onClick={() => void commit()}>
              {t('importCommit')}
            </button>
          </div>
          {(stale || preview.rejected.length > 0) && (
            <p className="muted" id={ids.blocked}>
              {stale ? t('importStale') : t('importCommitBlocked')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
