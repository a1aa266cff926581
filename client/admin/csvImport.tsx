// What every CSV import of the admin has in common (units from an HR export, system usage per behaviour): the file
// read in the browser into an editable field, the server's preview with every rejected row and its reason, and
// the import button, disabled while any row is rejected or the text has changed since the preview. The server
// decides everything; the commit is all or nothing.
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { TextArea } from '../components/Field';
import { TableWrap } from '../components/TableWrap';
import { useWorkspaceT } from '../i18n/workspace';
import { WsError, fieldProblems } from './workspace/shared';

/** UTF-8 (with or without BOM); an old Excel export in Windows-1252 is read as such rather than garbled. */
export function decodeFile(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface PreviewShape {
  rejected: readonly unknown[];
}

/**
 * The state of one import: the text, the preview of it (stale once the text or `extraKey` changes), busy, errors
 * and the result message. `commit` answers the message to show after a successful import.
 */
export function useCsvImport<P extends PreviewShape>(opts: {
  /** Anything besides the text the preview depends on (e.g. the headcount date). */
  extraKey?: string;
  preview: (csv: string) => Promise<P>;
  /** Whether the preview has anything to import. */
  hasChanges: (p: P) => boolean;
  commit: (csv: string) => Promise<string>;
  /** After a failed commit, e.g. to preview again when the data changed meanwhile. */
  onCommitError?: (err: unknown, again: () => Promise<void>) => void;
}) {
  const t = useWorkspaceT();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<P | null>(null);
  const [previewedKey, setPreviewedKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const key = `${opts.extraKey ?? ''}\n${csv}`;
  const stale = preview !== null && previewedKey !== key;
  const blocked = !preview || stale || preview.rejected.length > 0 || !opts.hasChanges(preview);

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
      setPreview(await opts.preview(csv));
      setPreviewedKey(key);
    } catch (err) {
      setPreview(null);
      setError(err);
      setCsvError(fieldProblems(err, t.locale).csv ?? null);
    } finally {
      setBusy(false);
    }
  };

  /** Imports; on success clears the preview and the text and moves focus to the result (`doneId`). */
  const commit = async (doneId: string) => {
    setBusy(true);
    setError(null);
    try {
      const done = await opts.commit(csv);
      setPreview(null);
      setPreviewedKey(null);
      setCsv('');
      setMessage(done);
      // The preview and its button are gone: move focus to the result.
      window.requestAnimationFrame(() => document.getElementById(doneId)?.focus());
    } catch (err) {
      setError(err);
      opts.onCommitError?.(err, showPreview);
    } finally {
      setBusy(false);
    }
  };

  return { csv, setCsv, preview, stale, blocked, busy, error, setError, csvError, message, setMessage, readFile, showPreview, commit };
}

export type CsvImport = ReturnType<typeof useCsvImport>;

/** The file picker, the editable text, the preview button, errors and the status line. */
export function CsvInput({
  state,
  ids,
  fileLabel,
  fileHint,
  textLabel,
  textHint,
  rows,
  previewLabel,
  children,
}: {
  state: Pick<CsvImport, 'csv' | 'setCsv' | 'csvError' | 'error' | 'busy' | 'message' | 'readFile' | 'showPreview'>;
  ids: { file: string; done: string };
  fileLabel: string;
  fileHint?: string;
  textLabel: string;
  textHint: string;
  rows: number;
  previewLabel: string;
  /** Fields between the text and the preview button (e.g. a date). */
  children?: ReactNode;
}) {
  const hintId = `${ids.file}-hint`;
  return (
    <>
      <div className="field">
        <label htmlFor={ids.file}>{fileLabel}</label>
        {fileHint && (
          <p className="hint" id={hintId}>
            {fileHint}
          </p>
        )}
        <input id={ids.file} type="file" accept=".csv,.txt,text/csv,text/plain" aria-describedby={fileHint ? hintId : undefined} onChange={(e) => void state.readFile(e)} />
      </div>
      <TextArea label={textLabel} hint={textHint} className="csv-text" rows={rows} spellCheck={false} value={state.csv} onChange={(e) => state.setCsv(e.target.value)} error={state.csvError} />
      {children}
      <div className="form-actions">
        <button type="button" className="secondary" disabled={state.busy} onClick={() => void state.showPreview()}>
          {previewLabel}
        </button>
      </div>
      <WsError error={state.csvError ? null : state.error} />
      <p className="status-message" role="status" aria-live="polite" id={ids.done} tabIndex={-1}>
        {state.message ?? ''}
      </p>
    </>
  );
}

/** One rejected row of a preview, as both imports' servers send it. */
export interface RejectedLine {
  line: number;
  code: string;
  field: string;
  raw: string;
}

/** The alert and the table of rejected rows: line, column, reason and the raw row. */
export function RejectedRows<R extends RejectedLine>({ rows, Heading, columnName, reason }: { rows: readonly R[]; Heading: 'h4' | 'h5'; columnName: (field: string) => string; reason: (row: R) => string }) {
  const t = useWorkspaceT();
  if (rows.length === 0) return null;
  const title = t('rejectedTable', { n: rows.length });
  return (
    <>
      <p className="error-message" role="alert">
        {t('importRejectedAlert', { n: rows.length })}
      </p>
      <Heading>{title}</Heading>
      <TableWrap label={title}>
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
            {rows.map((r) => (
              <tr key={r.line} data-line={r.line} data-code={r.code}>
                <th scope="row" className="num">
                  {r.line}
                </th>
                <td>{columnName(r.field)}</td>
                <td>{reason(r)}</td>
                <td>
                  <code className="csv-raw">{r.raw}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** The import button and, while it is disabled for a reason, the reason. */
export function ImportButton({ state, label, blockedId, doneId }: { state: Pick<CsvImport, 'busy' | 'blocked' | 'stale' | 'preview' | 'commit'>; label: string; blockedId: string; doneId: string }) {
  const t = useWorkspaceT();
  const why = state.stale || (state.preview?.rejected.length ?? 0) > 0;
  return (
    <>
      <div className="form-actions">
        <button type="button" disabled={state.busy || state.blocked} aria-describedby={state.blocked && why ? blockedId : undefined} onClick={() => void state.commit(doneId)}>
          {label}
        </button>
      </div>
      {why && (
        <p className="muted" id={blockedId}>
          {state.stale ? t('importStale') : t('importCommitBlocked')}
        </p>
      )}
    </>
  );
}

/** One table of a preview (what will be created, changed or replaced): the file's line first, then the columns. */
export function PreviewTable<R extends { line: number }>({
  title,
  Heading,
  className,
  columns,
  rows,
  cells,
}: {
  title: string;
  Heading: 'h4' | 'h5';
  className: string;
  /** The headers after the line number; `num` right-aligns a number column. */
  columns: readonly ({ label: string; num?: boolean } | false)[];
  rows: readonly R[];
  /** The cells after the line number (the row header among them). */
  cells: (row: R) => ReactNode;
}) {
  const t = useWorkspaceT();
  if (rows.length === 0) return null;
  return (
    <>
      <Heading>{title}</Heading>
      <TableWrap label={title}>
        <table className={className}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('colLine')}
              </th>
              {columns.map(
                (c) =>
                  c && (
                    <th scope="col" key={c.label} className={c.num ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} data-line={r.line}>
                <td className="num">{r.line}</td>
                {cells(r)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
